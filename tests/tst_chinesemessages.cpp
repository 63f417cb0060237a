#include "exportcontroller.h"
#include "hqmessages.h"
#include "languagemanager.h"
#include "mainwindow.h"
#include "synccontroller.h"
#include "session/syncservice.h"

#include <QFile>
#include <QLabel>
#include <QRegularExpression>
#include <QSet>
#include <QTemporaryDir>
#include <QXmlStreamReader>
#include <QtTest>

// Issue 16: with Chinese chosen, no English inside a message: every translation of the
// windows' strings, and the texts the error paths build at run time.
class TestChineseMessages : public QObject
{
    Q_OBJECT

private:
    QTemporaryDir m_dir;

    // Latin words left once markup, placeholders, mnemonics and the names a banker reads as
    // they are (file formats, keys, the search examples) are taken out.
    static QStringList englishIn(QString text)
    {
        static const QSet<QString> asIs = {
            QStringLiteral("CSV"), QStringLiteral("Excel"), QStringLiteral("PDF"), QStringLiteral("xlsx"),
            QStringLiteral("xls"), QStringLiteral("zip"), QStringLiteral("UTF-8"), QStringLiteral("WPS"),
            QStringLiteral("GB"), QStringLiteral("GBK"), QStringLiteral("JSON"), QStringLiteral("json"),
            QStringLiteral("AUM"), QStringLiteral("Esc"), QStringLiteral("Enter"), QStringLiteral("Tab"),
            QStringLiteral("F1"), QStringLiteral("F5"), QStringLiteral("zs"), QStringLiteral("zhangsan"),
            QStringLiteral("holiday-cn"), QStringLiteral("aaaa"), QStringLiteral("T-7"), QStringLiteral("T-3"),
            QStringLiteral("T-1"), QStringLiteral("X"), QStringLiteral("M"), QStringLiteral("F"),
            QStringLiteral("yuan"), QStringLiteral("wan"), QStringLiteral("fen"), QStringLiteral("pdf"),
            QStringLiteral("csv"), QStringLiteral("YYYY-MM-DD"), QStringLiteral("BRANCHDESK_PASSPHRASE")};
        text.remove(QRegularExpression(QStringLiteral("<[^>]*>")));
        // A literal the user types in a file (a column name or value) is quoted “…”: verbatim.
        text.remove(QRegularExpression(QStringLiteral("“[A-Za-z0-9_.-]+”")));
        text.remove(QRegularExpression(QStringLiteral("[（(]&.[）)]|&(?=\\w)")));
        text.remove(QRegularExpression(QStringLiteral("%L?[0-9n]")));
        text.remove(QRegularExpression(QStringLiteral("(Ctrl|Shift|Alt)\\+\\w+")));
        QStringList out;
        const QRegularExpression word(QStringLiteral("[A-Za-z][A-Za-z0-9_+-]*(\\.[A-Za-z0-9]+)*"));
        for (auto it = word.globalMatch(text); it.hasNext();) {
            const QString w = it.next().captured();
            if (!asIs.contains(w))
                out << w;
        }
        return out;
    }

private slots:
    void initTestCase()
    {
        QStandardPaths::setTestModeEnabled(true);
        QCoreApplication::setOrganizationName(QStringLiteral("BranchDeskTest"));
    }

    void theScannerFindsEnglish()
    {
        // The check itself can fail: the two messages the issue quoted are caught
        QCOMPARE(englishIn(QStringLiteral("HQ is not reachable: 主机未找到")),
                 (QStringList{QStringLiteral("HQ"), QStringLiteral("is"), QStringLiteral("not"), QStringLiteral("reachable")}));
        QVERIFY(!englishIn(QStringLiteral("Wrong staff ID or password")).isEmpty());
        QVERIFY(englishIn(QStringLiteral("导出名单(&E)… Ctrl+E，%1 行，<b>CSV</b>")).isEmpty());
        // A quoted file literal is verbatim; the same word unquoted is English.
        QCOMPARE(englishIn(QStringLiteral("记录类型列“record_type”须为 staff")), QStringList{QStringLiteral("staff")});
    }

    void everyTranslationOfTheWindowsIsChinese()
    {
        QFile ts(QStringLiteral(BRANCHDESK_SOURCE_DIR "/translations/branchdesk_zh_CN.ts"));
        QVERIFY(ts.open(QIODevice::ReadOnly));
        // The command-line tool's usage texts name its options and are left out.
        const QSet<QString> cli = {QStringLiteral("CadenceCommands"), QStringLiteral("CliCommands"),
                                   QStringLiteral("ImportCommand"), QStringLiteral("ListCommand"),
                                   QStringLiteral("CliUnlock"), QStringLiteral("FullNames")};
        QXmlStreamReader xml(&ts);
        QString context;
        QString source;
        QStringList failures;
        int checked = 0;
        while (xml.readNext() != QXmlStreamReader::EndDocument && !xml.hasError()) {
            if (!xml.isStartElement())
                continue;
            if (xml.name() == QLatin1String("name")) {
                context = xml.readElementText();
            } else if (xml.name() == QLatin1String("source")) {
                source = xml.readElementText();
            } else if ((xml.name() == QLatin1String("translation") && xml.attributes().value(QLatin1String("type")).isEmpty())
                       || xml.name() == QLatin1String("numerusform")) {
                const QString text = xml.readElementText(QXmlStreamReader::IncludeChildElements);
                if (cli.contains(context) || text.isEmpty())
                    continue;
                ++checked;
                const QStringList english = englishIn(text);
                if (!english.isEmpty())
                    failures << QStringLiteral("%1: \"%2\" -> %3").arg(context, source.left(60), english.join(QLatin1Char(' ')));
            }
        }
        QVERIFY2(!xml.hasError(), qPrintable(xml.errorString() + QStringLiteral(" line %1").arg(xml.lineNumber())));
        QVERIFY2(checked > 800, qPrintable(QString::number(checked)));
        QVERIFY2(failures.isEmpty(), qPrintable(failures.join(QLatin1Char('\n'))));
    }

    void errorPathsSpeakChinese()
    {
        LanguageManager languages;
        languages.apply(QStringLiteral("zh_CN"));
        // What HQ's answers mean
        for (int s = int(HqClient::Status::Offline); s <= int(HqClient::Status::DeviceLost); ++s) {
            const QString text = HqMessages::forStatus(HqClient::Status(s));
            QVERIFY2(!text.isEmpty() && englishIn(text).isEmpty(), qPrintable(text));
        }
        // The sync indicator, given the sync layer's English error
        MainWindow window(&languages);
        SyncService service(m_dir.filePath(QStringLiteral("none.db")), QStringLiteral("pass-word"));
        SyncController sync(&window, &service);
        for (SyncService::State state : {SyncService::State::Offline, SyncService::State::Failed,
                                         SyncService::State::NeedsSignIn, SyncService::State::Idle}) {
            SyncService::Status s;
            s.state = state;
            s.pending = 3;
            s.hqUrl = QStringLiteral("https://hq.example.cn");
            s.lastSuccess = QDateTime(QDate(2026, 12, 1), QTime(9, 0));
            s.message = QStringLiteral("HQ is not reachable: Host hq.example.cn not found");
            emit service.statusChanged(s);
            const QString text = sync.statusText().remove(QRegularExpression(QStringLiteral("<[^>]*>")));
            QVERIFY2(englishIn(text).isEmpty(), qPrintable(text));
            QVERIFY2(englishIn(sync.indicator()->toolTip()).isEmpty(), qPrintable(sync.indicator()->toolTip()));
        }
        // An export that cannot write its file
        ExportController controller(&window);
        QSignalSpy done(&controller, &ExportController::finished);
        ExportTable table;
        table.listName = QStringLiteral("客户");
        table.headers = {QStringLiteral("姓名")};
        table.personal = {PersonalField::Name};
        table.rows = {{QStringLiteral("张三")}};
        QFile blocker(m_dir.filePath(QStringLiteral("blocker")));
        QVERIFY(blocker.open(QIODevice::WriteOnly));
        blocker.close();
        ExportController::Request request;
        request.path = m_dir.filePath(QStringLiteral("blocker/sub/list.csv")); // under a file: cannot exist
        request.options = {TableExporter::Format::Csv, true};
        QVERIFY(controller.startExport(table, request));
        QVERIFY(done.wait(20000));
        const auto outcome = done.at(0).at(0).value<ExportController::Outcome>();
        QVERIFY(!outcome.written);
        QString message = outcome.message;
        message.remove(QDir::toNativeSeparators(m_dir.path())).remove(QStringLiteral("blocker/sub/list.csv"))
            .remove(QStringLiteral("blocker/sub")).remove(QStringLiteral("blocker"));
        QVERIFY2(englishIn(message).isEmpty(), qPrintable(outcome.message));
    }
};

QTEST_MAIN(TestChineseMessages)
#include "tst_chinesemessages.moc"
