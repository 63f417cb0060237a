#pragma once

#include <QUrl>
#include <QWizard>

class LanguageManager;
class QButtonGroup;
class QLabel;
class QLineEdit;
class QProgressBar;
class QPushButton;
class QRadioButton;
class QWizardPage;

// The first-run guide: the language; connect to HQ, open the demo branch or import a
// customer file (CSV / Excel) into a new branch; the store passphrase, typed twice, with a strength hint; what 731 and 4+1 mean.
// It only collects answers: BranchOpener creates the store from them, in the background.
// The guide is shown once (QSettings "firstRun/guideSeen"); Help -> "Show the first-run
// guide again" and --first-run show it again.
class FirstRunWizard : public QWizard
{
    Q_OBJECT
public:
    enum class Mode {
        Setup,      // no store yet, first time: every page
        SetupShort, // no store, guide already seen: how to start and the passphrase
        Guide,      // a store is open: the language and the 731 / 4+1 page
    };
    enum class Start { ConnectHq, Demo, ImportFile };
    enum PageId { LanguagePage, StartPage, HqPage, PassphrasePage, CadencePage, ImportFilePage };

    FirstRunWizard(Mode mode, LanguageManager *languages, QWidget *parent = nullptr);

    // The passphrase comes from BRANCHDESK_PASSPHRASE: no passphrase page.
    void setPassphrasePreset(bool preset);
    void setDemoCustomers(int customers);

    Mode mode() const { return m_mode; }
    Start start() const;
    QString passphrase() const;
    QUrl hqUrl() const;
    QString staffId() const;
    QString hqPassword() const;
    // "Import a file": the file, the branch it becomes and who sets it up (its manager).
    QString importFile() const;
    QString branchName() const;
    QString branchCode() const;
    QString ownStaffId() const;
    QString ownName() const;
    // The language chosen on the first page: "zh_CN" or "en".
    QString language() const;

    static bool guideSeen();
    static void setGuideSeen(bool seen);

    int nextId() const override;
    void done(int result) override;

protected:
    void changeEvent(QEvent *event) override;

private:
    QList<int> sequence() const;
    QWizardPage *addPage(PageId id);
    void buildLanguagePage();
    void buildStartPage();
    void buildHqPage();
    void buildImportFilePage();
    void browseImportFile();
    void buildPassphrasePage();
    void buildCadencePage();
    void chooseLanguage(const QString &code);
    void updateStrength();
    void retranslateUi();

    Mode m_mode;
    LanguageManager *m_languages;
    QString m_languageBefore; // restored when the guide is cancelled
    bool m_passphrasePreset = false;
    int m_demoCustomers = 20000;

    QLabel *m_languageIntro = nullptr;
    QRadioButton *m_zh = nullptr;
    QRadioButton *m_en = nullptr;

    QButtonGroup *m_startGroup = nullptr;
    QRadioButton *m_hq = nullptr;
    QRadioButton *m_demo = nullptr;
    QLabel *m_hqNote = nullptr;
    QLabel *m_demoNote = nullptr;
    QRadioButton *m_import = nullptr;
    QLabel *m_importNote = nullptr;

    QLabel *m_importIntro = nullptr;
    QLabel *m_fileLabel = nullptr;
    QLabel *m_branchNameLabel = nullptr;
    QLabel *m_branchCodeLabel = nullptr;
    QLabel *m_ownIdLabel = nullptr;
    QLabel *m_ownNameLabel = nullptr;
    QLineEdit *m_importPath = nullptr;
    QPushButton *m_importBrowse = nullptr;
    QLineEdit *m_branchName = nullptr;
    QLineEdit *m_branchCode = nullptr;
    QLineEdit *m_ownStaffId = nullptr;
    QLineEdit *m_ownName = nullptr;

    QLabel *m_hqIntro = nullptr;
    QLabel *m_urlLabel = nullptr;
    QLabel *m_staffLabel = nullptr;
    QLabel *m_hqPasswordLabel = nullptr;
    QLineEdit *m_url = nullptr;
    QLineEdit *m_staff = nullptr;
    QLineEdit *m_hqPassword = nullptr;

    QLabel *m_passIntro = nullptr;
    QLabel *m_passLabel = nullptr;
    QLabel *m_repeatLabel = nullptr;
    QLineEdit *m_pass = nullptr;
    QLineEdit *m_repeat = nullptr;
    QProgressBar *m_strengthBar = nullptr;
    QLabel *m_strength = nullptr;
    QLabel *m_passError = nullptr;

    QLabel *m_cadenceText = nullptr;
};
