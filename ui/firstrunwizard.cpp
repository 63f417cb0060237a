#include "firstrunwizard.h"

#include "domain/passphrasestrength.h"
#include "languagemanager.h"

#include <QAbstractButton>
#include <QButtonGroup>
#include <QDir>
#include <QEvent>
#include <QFileDialog>
#include <QFileInfo>
#include <QFormLayout>
#include <QHBoxLayout>
#include <QIcon>
#include <QLabel>
#include <QLineEdit>
#include <QLocale>
#include <QProgressBar>
#include <QPushButton>
#include <QRadioButton>
#include <QSettings>
#include <QStandardPaths>
#include <QVBoxLayout>
#include <QWizardPage>

#include <functional>

namespace {

const QString kGuideSeenKey = QStringLiteral("firstRun/guideSeen");

// A page whose Next/Finish button follows a condition on the wizard's fields.
class GuidePage : public QWizardPage
{
public:
    using QWizardPage::QWizardPage;
    std::function<bool()> complete;
    bool isComplete() const override { return complete ? complete() : true; }
    void refresh() { emit completeChanged(); }
};

QLabel *wrappedLabel(QWidget *parent)
{
    auto *label = new QLabel(parent);
    label->setWordWrap(true);
    return label;
}

QLabel *noteLabel(QWidget *parent)
{
    // The explanation under a choice, indented to the radio button's text.
    QLabel *label = wrappedLabel(parent);
    label->setContentsMargins(24, 0, 0, 8);
    label->setStyleSheet(QStringLiteral("color: palette(dark);"));
    return label;
}

} // namespace

FirstRunWizard::FirstRunWizard(Mode mode, LanguageManager *languages, QWidget *parent)
    : QWizard(parent), m_mode(mode), m_languages(languages)
{
    setObjectName(QStringLiteral("firstRunWizard"));
    setWizardStyle(QWizard::ModernStyle);
    setOption(QWizard::NoBackButtonOnStartPage);
    setWindowIcon(QIcon::fromTheme(QStringLiteral("cn.branchdesk.BranchDesk")));
    m_languageBefore = m_languages ? m_languages->current() : QString();
    buildLanguagePage();
    buildStartPage();
    buildHqPage();
    buildImportFilePage();
    buildPassphrasePage();
    buildCadencePage();
    setStartId(sequence().constFirst());
    retranslateUi();
    resize(660, 500);
}

QWizardPage *FirstRunWizard::addPage(PageId id)
{
    auto *page = new GuidePage(this);
    setPage(id, page);
    return page;
}

void FirstRunWizard::buildLanguagePage()
{
    QWizardPage *page = addPage(LanguagePage);
    m_languageIntro = wrappedLabel(page);
    // Each language is named in itself, so neither is translated.
    m_zh = new QRadioButton(QStringLiteral("中文（简体）"), page);
    m_zh->setObjectName(QStringLiteral("languageZh"));
    m_en = new QRadioButton(QStringLiteral("English"), page);
    m_en->setObjectName(QStringLiteral("languageEn"));
    const QString effective = m_languages ? m_languages->effective() : QStringLiteral("zh_CN");
    (effective == QLatin1String("en") ? m_en : m_zh)->setChecked(true);
    auto *layout = new QVBoxLayout(page);
    layout->addWidget(m_languageIntro);
    layout->addSpacing(8);
    layout->addWidget(m_zh);
    layout->addWidget(m_en);
    layout->addStretch();
    connect(m_zh, &QRadioButton::toggled, this, [this](bool on) {
        if (on)
            chooseLanguage(QStringLiteral("zh_CN"));
    });
    connect(m_en, &QRadioButton::toggled, this, [this](bool on) {
        if (on)
            chooseLanguage(QStringLiteral("en"));
    });
}

void FirstRunWizard::buildStartPage()
{
    auto *page = static_cast<GuidePage *>(addPage(StartPage));
    m_hq = new QRadioButton(page);
    m_hq->setObjectName(QStringLiteral("startHq"));
    m_demo = new QRadioButton(page);
    m_demo->setObjectName(QStringLiteral("startDemo"));
    m_import = new QRadioButton(page);
    m_import->setObjectName(QStringLiteral("startImport"));
    m_hqNote = noteLabel(page);
    m_demoNote = noteLabel(page);
    m_importNote = noteLabel(page);
    m_startGroup = new QButtonGroup(page);
    m_startGroup->addButton(m_hq);
    m_startGroup->addButton(m_demo);
    m_startGroup->addButton(m_import);
    m_hq->setChecked(true);
    auto *layout = new QVBoxLayout(page);
    layout->addWidget(m_hq);
    layout->addWidget(m_hqNote);
    layout->addWidget(m_import);
    layout->addWidget(m_importNote);
    layout->addWidget(m_demo);
    layout->addWidget(m_demoNote);
    layout->addStretch();
    // The pages that follow depend on the choice: let the buttons (Next / Finish) follow it.
    connect(m_startGroup, &QButtonGroup::buttonToggled, page, [page] { page->refresh(); });
}

void FirstRunWizard::buildHqPage()
{
    auto *page = static_cast<GuidePage *>(addPage(HqPage));
    m_hqIntro = wrappedLabel(page);
    m_url = new QLineEdit(page);
    m_url->setObjectName(QStringLiteral("hqUrl"));
    m_url->setPlaceholderText(QStringLiteral("https://hq.example.cn:8443"));
    m_staff = new QLineEdit(page);
    m_staff->setObjectName(QStringLiteral("staffId"));
    m_hqPassword = new QLineEdit(page);
    m_hqPassword->setObjectName(QStringLiteral("hqPassword"));
    m_hqPassword->setEchoMode(QLineEdit::Password);
    m_urlLabel = new QLabel(page);
    m_staffLabel = new QLabel(page);
    m_hqPasswordLabel = new QLabel(page);
    auto *form = new QFormLayout;
    form->addRow(m_urlLabel, m_url);
    form->addRow(m_staffLabel, m_staff);
    form->addRow(m_hqPasswordLabel, m_hqPassword);
    auto *layout = new QVBoxLayout(page);
    layout->addWidget(m_hqIntro);
    layout->addLayout(form);
    layout->addStretch();
    page->complete = [this] {
        const QUrl u = hqUrl();
        return u.isValid() && (u.scheme() == QLatin1String("http") || u.scheme() == QLatin1String("https"))
               && !u.host().isEmpty() && !staffId().isEmpty() && !hqPassword().isEmpty();
    };
    for (QLineEdit *edit : {m_url, m_staff, m_hqPassword})
        connect(edit, &QLineEdit::textChanged, page, [page] { page->refresh(); });
}

void FirstRunWizard::buildImportFilePage()
{
    auto *page = static_cast<GuidePage *>(addPage(ImportFilePage));
    m_importIntro = wrappedLabel(page);
    m_importPath = new QLineEdit(page);
    m_importPath->setObjectName(QStringLiteral("importFile"));
    m_importBrowse = new QPushButton(page);
    m_importBrowse->setObjectName(QStringLiteral("importBrowse"));
    m_branchName = new QLineEdit(page);
    m_branchName->setObjectName(QStringLiteral("branchName"));
    m_branchCode = new QLineEdit(page);
    m_branchCode->setObjectName(QStringLiteral("branchCode"));
    m_ownStaffId = new QLineEdit(page);
    m_ownStaffId->setObjectName(QStringLiteral("ownStaffId"));
    m_ownName = new QLineEdit(page);
    m_ownName->setObjectName(QStringLiteral("ownName"));
    m_fileLabel = new QLabel(page);
    m_branchNameLabel = new QLabel(page);
    m_branchCodeLabel = new QLabel(page);
    m_ownIdLabel = new QLabel(page);
    m_ownNameLabel = new QLabel(page);
    auto *fileRow = new QHBoxLayout;
    fileRow->addWidget(m_importPath, 1);
    fileRow->addWidget(m_importBrowse);
    auto *form = new QFormLayout;
    form->addRow(m_fileLabel, fileRow);
    form->addRow(m_branchNameLabel, m_branchName);
    form->addRow(m_branchCodeLabel, m_branchCode);
    form->addRow(m_ownIdLabel, m_ownStaffId);
    form->addRow(m_ownNameLabel, m_ownName);
    auto *layout = new QVBoxLayout(page);
    layout->addWidget(m_importIntro);
    layout->addLayout(form);
    layout->addStretch();
    page->complete = [this] {
        const QFileInfo file(importFile());
        return !importFile().isEmpty() && file.isFile() && file.isReadable() && !branchName().isEmpty()
               && !ownStaffId().isEmpty();
    };
    for (QLineEdit *edit : {m_importPath, m_branchName, m_ownStaffId})
        connect(edit, &QLineEdit::textChanged, page, [page] { page->refresh(); });
    connect(m_importBrowse, &QPushButton::clicked, this, &FirstRunWizard::browseImportFile);
}

void FirstRunWizard::browseImportFile()
{
    const QString start = importFile().isEmpty() ? QStandardPaths::writableLocation(QStandardPaths::DocumentsLocation)
                                                 : QFileInfo(importFile()).absolutePath();
    const QString file = QFileDialog::getOpenFileName(this, tr("Choose the customer file"), start,
                                                      tr("Customer lists (*.csv *.xlsx);;All files (*)"));
    if (!file.isEmpty())
        m_importPath->setText(QDir::toNativeSeparators(file));
}

void FirstRunWizard::buildPassphrasePage()
{
    auto *page = static_cast<GuidePage *>(addPage(PassphrasePage));
    m_passIntro = wrappedLabel(page);
    m_pass = new QLineEdit(page);
    m_pass->setObjectName(QStringLiteral("passphrase"));
    m_pass->setEchoMode(QLineEdit::Password);
    m_repeat = new QLineEdit(page);
    m_repeat->setObjectName(QStringLiteral("passphraseRepeat"));
    m_repeat->setEchoMode(QLineEdit::Password);
    m_passLabel = new QLabel(page);
    m_repeatLabel = new QLabel(page);
    m_strengthBar = new QProgressBar(page);
    m_strengthBar->setObjectName(QStringLiteral("strengthBar"));
    m_strengthBar->setRange(0, 4);
    m_strengthBar->setTextVisible(false);
    m_strengthBar->setMaximumHeight(8);
    m_strength = wrappedLabel(page);
    m_strength->setObjectName(QStringLiteral("strengthHint"));
    m_passError = wrappedLabel(page);
    m_passError->setObjectName(QStringLiteral("passphraseError"));
    m_passError->setStyleSheet(QStringLiteral("color: #c62828;"));
    auto *form = new QFormLayout;
    form->addRow(m_passLabel, m_pass);
    form->addRow(QString(), m_strengthBar);
    form->addRow(QString(), m_strength);
    form->addRow(m_repeatLabel, m_repeat);
    auto *layout = new QVBoxLayout(page);
    layout->addWidget(m_passIntro);
    layout->addLayout(form);
    layout->addWidget(m_passError);
    layout->addStretch();
    page->complete = [this] {
        return m_pass->text().size() >= PassphraseStrength::kMinimumLength && m_pass->text() == m_repeat->text();
    };
    for (QLineEdit *edit : {m_pass, m_repeat}) {
        connect(edit, &QLineEdit::textChanged, this, &FirstRunWizard::updateStrength);
        connect(edit, &QLineEdit::textChanged, page, [page] { page->refresh(); });
    }
}

void FirstRunWizard::buildCadencePage()
{
    QWizardPage *page = addPage(CadencePage);
    m_cadenceText = wrappedLabel(page);
    m_cadenceText->setObjectName(QStringLiteral("cadenceText"));
    m_cadenceText->setTextFormat(Qt::RichText);
    auto *layout = new QVBoxLayout(page);
    layout->addWidget(m_cadenceText);
    layout->addStretch();
}

void FirstRunWizard::setPassphrasePreset(bool preset)
{
    m_passphrasePreset = preset;
    setStartId(sequence().constFirst());
}

void FirstRunWizard::setDemoCustomers(int customers)
{
    m_demoCustomers = customers;
    retranslateUi();
}

FirstRunWizard::Start FirstRunWizard::start() const
{
    return m_demo->isChecked() ? Start::Demo : m_import->isChecked() ? Start::ImportFile : Start::ConnectHq;
}

QString FirstRunWizard::importFile() const
{
    return QDir::fromNativeSeparators(m_importPath->text().trimmed());
}

QString FirstRunWizard::branchName() const
{
    return m_branchName->text().simplified();
}

QString FirstRunWizard::branchCode() const
{
    return m_branchCode->text().trimmed();
}

QString FirstRunWizard::ownStaffId() const
{
    return m_ownStaffId->text().trimmed();
}

QString FirstRunWizard::ownName() const
{
    const QString name = m_ownName->text().simplified();
    return name.isEmpty() ? ownStaffId() : name;
}

QString FirstRunWizard::passphrase() const
{
    return m_pass->text();
}

QUrl FirstRunWizard::hqUrl() const
{
    return QUrl::fromUserInput(m_url->text().trimmed());
}

QString FirstRunWizard::staffId() const
{
    return m_staff->text().trimmed();
}

QString FirstRunWizard::hqPassword() const
{
    return m_hqPassword->text();
}

QString FirstRunWizard::language() const
{
    return m_en->isChecked() ? QStringLiteral("en") : QStringLiteral("zh_CN");
}

bool FirstRunWizard::guideSeen()
{
    return QSettings().value(kGuideSeenKey, false).toBool();
}

void FirstRunWizard::setGuideSeen(bool seen)
{
    QSettings().setValue(kGuideSeenKey, seen);
}

QList<int> FirstRunWizard::sequence() const
{
    QList<int> pages;
    if (m_mode != Mode::SetupShort)
        pages << LanguagePage;
    if (m_mode != Mode::Guide) {
        pages << StartPage;
        if (start() == Start::ConnectHq)
            pages << HqPage;
        else if (start() == Start::ImportFile)
            pages << ImportFilePage;
        if (!m_passphrasePreset)
            pages << PassphrasePage;
    }
    if (m_mode != Mode::SetupShort)
        pages << CadencePage;
    return pages;
}

int FirstRunWizard::nextId() const
{
    const QList<int> pages = sequence();
    const qsizetype at = pages.indexOf(currentId());
    return at >= 0 && at + 1 < pages.size() ? pages.at(at + 1) : -1;
}

void FirstRunWizard::done(int result)
{
    if (m_mode != Mode::SetupShort) {
        if (result == QDialog::Accepted) {
            LanguageManager::saveChoice(language());
            setGuideSeen(true);
        } else if (m_languages && m_languages->current() != m_languageBefore) {
            m_languages->apply(m_languageBefore); // cancelled: as it was before the guide
        }
    }
    QWizard::done(result);
}

void FirstRunWizard::chooseLanguage(const QString &code)
{
    // Applied at once: this guide and every open window retranslate (LanguageChange).
    if (m_languages && m_languages->current() != code)
        m_languages->apply(code);
}

void FirstRunWizard::changeEvent(QEvent *event)
{
    if (event->type() == QEvent::LanguageChange)
        retranslateUi();
    QWizard::changeEvent(event);
}

void FirstRunWizard::updateStrength()
{
    const PassphraseStrength::Estimate e = PassphraseStrength::estimate(m_pass->text());
    QString hint;
    QString color = QStringLiteral("#c62828");
    int value = 0;
    switch (e.level) {
    case PassphraseStrength::Level::Empty:
        hint = tr("A short sentence only you would think of is easy to remember and hard to guess.");
        color = QStringLiteral("#757575");
        break;
    case PassphraseStrength::Level::TooShort:
        hint = tr("Too short: use at least %1 characters.").arg(PassphraseStrength::kMinimumLength);
        value = 1;
        break;
    case PassphraseStrength::Level::Weak:
        hint = e.common    ? tr("Weak: this is one of the most used passwords; anyone trying would try it first.")
               : e.pattern ? tr("Weak: repeats and runs such as 1234 or aaaa are guessed first.")
                           : tr("Weak: use more characters, or mix letters, digits and symbols.");
        value = 2;
        break;
    case PassphraseStrength::Level::Fair:
        hint = tr("Fair: a few more characters or another word make it strong.");
        color = QStringLiteral("#ef6c00");
        value = 3;
        break;
    case PassphraseStrength::Level::Strong:
        hint = tr("Strong.");
        color = QStringLiteral("#2e7d32");
        value = 4;
        break;
    }
    m_strengthBar->setValue(value);
    m_strengthBar->setStyleSheet(QStringLiteral("QProgressBar::chunk { background: %1; }").arg(color));
    m_strength->setText(hint);
    m_strength->setStyleSheet(QStringLiteral("color: %1;").arg(color));

    if (!m_repeat->text().isEmpty() && m_repeat->text() != m_pass->text())
        m_passError->setText(tr("The two passphrases differ."));
    else
        m_passError->clear();
}

void FirstRunWizard::retranslateUi()
{
    setWindowTitle(m_mode == Mode::Guide ? tr("BranchDesk guide") : tr("Welcome to BranchDesk"));
    setButtonText(QWizard::NextButton, tr("&Next >"));
    setButtonText(QWizard::BackButton, tr("< &Back"));
    setButtonText(QWizard::CancelButton, m_mode == Mode::Guide ? tr("Close") : tr("Cancel"));
    setButtonText(QWizard::FinishButton, m_mode == Mode::Guide ? tr("&Done") : tr("&Start"));

    page(LanguagePage)->setTitle(tr("Language"));
    page(LanguagePage)->setSubTitle(tr("BranchDesk speaks Chinese and English."));
    m_languageIntro->setText(tr("Choose the language of the program. You can change it at any time under "
                                "View → Language, without restarting."));

    page(StartPage)->setTitle(tr("How to start"));
    page(StartPage)->setSubTitle(tr("There is no branch store on this computer yet."));
    m_hq->setText(tr("Connect to my bank's HQ"));
    m_hqNote->setText(tr("Download your branch's customers from your bank's BranchDesk HQ server and keep them in "
                         "sync. You need its address and your staff sign-in, from your branch manager or IT."));
    m_demo->setText(tr("Try the demo branch"));
    m_demoNote->setText(tr("Open a generated branch of %1 customers to try BranchDesk. The names, numbers and "
                           "assets are made up; nothing leaves this computer.")
                            .arg(QLocale().toString(m_demoCustomers)));

    m_import->setText(tr("Import a customer file"));
    m_importNote->setText(tr("Start a branch without HQ from a customer list exported from the core-banking "
                             "system or kept in Excel (CSV or .xlsx). You check the columns before anything is "
                             "written; you can import more files later under File."));

    page(ImportFilePage)->setTitle(tr("Import a customer file"));
    page(ImportFilePage)->setSubTitle(tr("The file becomes a new branch on this computer, kept encrypted."));
    m_importIntro->setText(tr("Choose the file, name the branch, and give your staff ID: you are its manager and "
                              "can assign customers to the relationship managers named in the file. After the "
                              "passphrase, the import shows the columns it recognised and every row it cannot "
                              "take, with its line."));
    m_fileLabel->setText(tr("Customer file:"));
    m_importBrowse->setText(tr("&Browse…"));
    m_branchNameLabel->setText(tr("Branch name:"));
    m_branchName->setPlaceholderText(tr("e.g. Chengnan Sub-branch"));
    m_branchCodeLabel->setText(tr("Branch code (optional):"));
    m_ownIdLabel->setText(tr("Your staff ID:"));
    m_ownNameLabel->setText(tr("Your name (optional):"));

    page(HqPage)->setTitle(tr("Connect to HQ"));
    page(HqPage)->setSubTitle(tr("Your branch's customers are downloaded once the guide is finished."));
    m_hqIntro->setText(tr("Enter the address of your bank's BranchDesk HQ server and your staff sign-in."));
    m_urlLabel->setText(tr("HQ address:"));
    m_staffLabel->setText(tr("Staff ID:"));
    m_hqPasswordLabel->setText(tr("Password:"));

    page(PassphrasePage)->setTitle(tr("Protect the branch store"));
    page(PassphrasePage)->setSubTitle(tr("The customers are kept encrypted on this computer."));
    m_passIntro->setText(tr("Choose a passphrase of at least %1 characters and type it twice. You enter it each "
                            "time BranchDesk starts. Without it nobody, including you, can open the data, and "
                            "there is no way to recover it.")
                             .arg(PassphraseStrength::kMinimumLength));
    m_passLabel->setText(tr("Passphrase:"));
    m_repeatLabel->setText(tr("Repeat it:"));
    updateStrength();

    page(CadencePage)->setTitle(tr("Your day: 731 and 4+1"));
    page(CadencePage)->setSubTitle(tr("The Today page lists who to contact, and why."));
    m_cadenceText->setText(
        tr("<p><b>731</b> is for products that mature: time deposits, wealth products, insurance. BranchDesk plans "
           "three contacts, <b>7, 3 and 1 days</b> before the maturity date: at T-7 tell the customer it matures "
           "and learn their plans; at T-3 propose a plan or an appointment; at T-1 confirm and remind. A step "
           "that falls on a weekend or holiday moves to the working day before.</p>"
           "<p><b>4+1</b> is for customers on the threshold, conversion and VIP retention lists: in each cycle of "
           "4 weeks, <b>four remote touches</b> (phone, SMS, WeChat, mobile-banking message) and <b>one "
           "face-to-face</b> contact (a visit, a branch appointment, an event).</p>"
           "<p>Every morning the <b>Today</b> page lists the steps due and overdue, each with the reason the "
           "customer is on the list. Select one and press <b>Enter</b> to log the contact: it is saved at once "
           "and sent to HQ with the next sync (<b>F5</b> syncs now). <b>F1</b> lists every shortcut.</p>"));
}
