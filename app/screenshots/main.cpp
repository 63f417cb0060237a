// branchdesk-screenshots: the pictures in docs/ (scripts/screenshots.sh), drawn by the real
// window and the real first-run guide. A tool of its own, so the shipped branchdesk carries no
// picture-taking; not installed by the package.
#include "commandtable.h"
#include "desktopstartup.h"
#include "firstrunwizard.h"
#include "languagemanager.h"
#include "mainwindow.h"
#include "windowshot.h"

#include <QApplication>
#include <QCommandLineParser>
#include <QDir>
#include <QFile>
#include <QIcon>
#include <QLineEdit>
#include <QRadioButton>
#include <QTemporaryDir>
#include <QTimer>

#include <cstdio>

namespace {

const CommandTable::Option kOptions[] = {
    {"out", "FILE.png", "Save the picture here (required)."},
    {"widget", "NAME", "A picture of this widget (object name) only."},
    {"open", "WHAT", "Open this first: batch-touch, phone-list, row-menu or import-list:PATH."},
    {"guide", "PAGE",
     "A picture of one page of the first-run guide instead of the window: language, start, hq, import, "
     "passphrase or cadences."},
};

QString option(const QCommandLineParser &parser, const char *name)
{
    return parser.value(QString::fromLatin1(name));
}

// The guide's page with sample answers, as a new user would fill it in.
void fillSampleAnswers(FirstRunWizard &guide, int page, const QTemporaryDir &sampleDir)
{
    const auto field = [&guide](const char *name) { return guide.findChild<QLineEdit *>(QString::fromLatin1(name)); };
    if (page == FirstRunWizard::HqPage) {
        field("hqUrl")->setText(QStringLiteral("https://hq.example.cn:8443"));
        field("staffId")->setText(QStringLiteral("RM01"));
        field("hqPassword")->setText(QStringLiteral("password"));
    } else if (page == FirstRunWizard::PassphrasePage) {
        field("passphrase")->setText(QStringLiteral("chengnan-zhihang-2026"));
    } else if (page == FirstRunWizard::ImportFilePage) {
        // A file that exists, so the page reads as ready to go on.
        QFile sample(sampleDir.filePath(QStringLiteral("城南支行客户名单.xlsx")));
        sample.open(QIODevice::WriteOnly);
        sample.close();
        field("importFile")->setText(QDir::toNativeSeparators(sample.fileName()));
        field("branchName")->setText(QStringLiteral("城南支行"));
        field("branchCode")->setText(QStringLiteral("3101"));
        field("ownStaffId")->setText(QStringLiteral("MGR01"));
        field("ownName")->setText(QStringLiteral("周经理"));
    }
}

int shootGuidePage(QApplication &app, LanguageManager *languages, const QCommandLineParser &parser)
{
    const QStringList pages = {QStringLiteral("language"), QStringLiteral("start"), QStringLiteral("hq"),
                               QStringLiteral("passphrase"), QStringLiteral("cadences"), QStringLiteral("import")};
    const int page = pages.indexOf(option(parser, "guide"));
    if (page < 0) {
        std::fprintf(stderr, "Unknown guide page: %s\n", qPrintable(option(parser, "guide")));
        return 2;
    }
    QTemporaryDir sampleDir;
    FirstRunWizard guide(FirstRunWizard::Mode::Setup, languages);
    guide.setDemoCustomers(option(parser, "customers").toInt());
    if (page == FirstRunWizard::ImportFilePage) // the page's buttons follow the choice made before it
        guide.findChild<QRadioButton *>(QStringLiteral("startImport"))->setChecked(true);
    guide.setStartId(page);
    guide.restart();
    fillSampleAnswers(guide, page, sampleDir);
    guide.show();
    const QString file = option(parser, "out");
    QTimer::singleShot(500, &guide, [&guide, &app, file] {
        if (auto *field = guide.findChild<QLineEdit *>(QStringLiteral("importFile")))
            field->deselect();
        guide.grab().save(file);
        app.quit();
    });
    return app.exec();
}

int shootWindow(QApplication &app, LanguageManager *languages, const QCommandLineParser &parser)
{
    DesktopStartup::Options options;
    QString error;
    if (!DesktopStartup::fromCommandLine(parser, &options, &error)) {
        std::fprintf(stderr, "%s\n", qPrintable(error));
        return 2;
    }
    options.startSync = false; // a picture needs no HQ
    DesktopStartup startup(languages);
    QObject::connect(&startup, &DesktopStartup::failed, &app, [](int code) { QCoreApplication::exit(code); });
    QObject::connect(&startup, &DesktopStartup::ready, &app, [&](MainWindow *window) {
        startup.showWindow();
        auto *shot = new WindowShot(window, {option(parser, "out"), option(parser, "widget"), option(parser, "open")});
        QObject::connect(shot, &WindowShot::done, &app, [](int code) { QCoreApplication::exit(code); });
        shot->start();
    });
    QTimer::singleShot(0, &startup, [&] { startup.start(options); });
    return app.exec();
}

} // namespace

int main(int argc, char *argv[])
{
    QApplication app(argc, argv);
    // The same settings and data as the app: the language chosen, the window's last layout.
    QApplication::setApplicationName(QStringLiteral("BranchDesk"));
    QApplication::setOrganizationName(QStringLiteral("BranchDesk"));
    QApplication::setApplicationVersion(QStringLiteral(BRANCHDESK_VERSION));
    QApplication::setDesktopFileName(QStringLiteral("cn.branchdesk.BranchDesk"));

    QCommandLineParser parser;
    parser.setApplicationDescription(QStringLiteral("BranchDesk screenshots — a picture of the window or of a "
                                                    "first-run guide page, for the documentation"));
    parser.addHelpOption();
    parser.addOptions(CommandTable::optionsOf(DesktopStartup::commandLineOptions()));
    parser.addOptions(CommandTable::optionsOf(kOptions));
    parser.process(app);
    if (option(parser, "out").isEmpty()) {
        std::fprintf(stderr, "--out FILE.png is required\n");
        return 2;
    }
    QApplication::setWindowIcon(QIcon::fromTheme(QStringLiteral("cn.branchdesk.BranchDesk")));

    LanguageManager languages;
    const QString lang = QStringLiteral("lang");
    languages.apply(parser.isSet(lang) ? parser.value(lang) : LanguageManager::savedChoice());
    if (parser.isSet(QStringLiteral("guide")))
        return shootGuidePage(app, &languages, parser);
    return shootWindow(app, &languages, parser);
}
