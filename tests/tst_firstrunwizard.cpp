#include "branchopener.h"
#include "firstrunwizard.h"
#include "languagemanager.h"
#include "store/storekeyfile.h"

#include <QAbstractButton>
#include <QApplication>
#include <QLabel>
#include <QLineEdit>
#include <QRadioButton>
#include <QSettings>
#include <QStandardPaths>
#include <QTemporaryDir>
#include <QtTest>

// The first-run guide: which pages it shows, the language switch on its first page,
// the passphrase rules and hint, that it is shown once, and the whole way from no store
// to an open demo branch through BranchOpener.
class TestFirstRunWizard : public QObject
{
    Q_OBJECT

private:
    QTemporaryDir m_dir;

    static QList<int> visitedPages(FirstRunWizard &wizard)
    {
        QList<int> pages{wizard.currentId()};
        while (wizard.nextId() != -1) {
            wizard.next();
            pages << wizard.currentId();
        }
        return pages;
    }

    static FirstRunWizard *openWizard()
    {
        return qobject_cast<FirstRunWizard *>(QApplication::activeModalWidget());
    }

private slots:
    void initTestCase()
    {
        QStandardPaths::setTestModeEnabled(true); // QSettings go to a test location
        QCoreApplication::setOrganizationName(QStringLiteral("BranchDeskTest"));
        QCoreApplication::setApplicationName(QStringLiteral("tst_firstrunwizard"));
    }

    void init()
    {
        QSettings().clear();
    }

    void pagesFollowTheChoices()
    {
        LanguageManager languages;
        languages.apply(QStringLiteral("zh_CN"));
        {
            // Given a first start: connecting to HQ asks for the address, then the passphrase
            FirstRunWizard wizard(FirstRunWizard::Mode::Setup, &languages);
            wizard.show();
            QCOMPARE(visitedPages(wizard),
                     (QList<int>{FirstRunWizard::LanguagePage, FirstRunWizard::StartPage, FirstRunWizard::HqPage,
                                 FirstRunWizard::PassphrasePage, FirstRunWizard::CadencePage}));
        }
        {
            // The demo branch needs no HQ page; a preset passphrase (BRANCHDESK_PASSPHRASE) no passphrase page
            FirstRunWizard wizard(FirstRunWizard::Mode::Setup, &languages);
            wizard.setPassphrasePreset(true);
            wizard.findChild<QRadioButton *>(QStringLiteral("startDemo"))->setChecked(true);
            wizard.show();
            QCOMPARE(visitedPages(wizard), (QList<int>{FirstRunWizard::LanguagePage, FirstRunWizard::StartPage,
                                                       FirstRunWizard::CadencePage}));
        }
        {
            // Once the guide was seen, a missing store only asks how to start and for the passphrase
            FirstRunWizard wizard(FirstRunWizard::Mode::SetupShort, &languages);
            wizard.findChild<QRadioButton *>(QStringLiteral("startDemo"))->setChecked(true);
            wizard.show();
            QCOMPARE(visitedPages(wizard), (QList<int>{FirstRunWizard::StartPage, FirstRunWizard::PassphrasePage}));
        }
        {
            // Asked for from the Help menu: the language and the 731 / 4+1 page
            FirstRunWizard wizard(FirstRunWizard::Mode::Guide, &languages);
            wizard.show();
            QCOMPARE(visitedPages(wizard), (QList<int>{FirstRunWizard::LanguagePage, FirstRunWizard::CadencePage}));
        }
    }

    void languageSwitchesAtOnceAndIsKeptOnFinish()
    {
        LanguageManager languages;
        languages.apply(QStringLiteral("zh_CN"));
        FirstRunWizard wizard(FirstRunWizard::Mode::Guide, &languages);
        wizard.show();
        QCOMPARE(wizard.windowTitle(), QStringLiteral("网点客户经营台指南"));

        // When English is chosen on the first page, the guide is in English straight away
        wizard.findChild<QRadioButton *>(QStringLiteral("languageEn"))->click();
        QCoreApplication::processEvents();
        QCOMPARE(languages.effective(), QStringLiteral("en"));
        QCOMPARE(wizard.windowTitle(), QStringLiteral("BranchDesk guide"));
        QCOMPARE(wizard.page(FirstRunWizard::CadencePage)->title(), QStringLiteral("Your day: 731 and 4+1"));

        // And finishing keeps it and marks the guide as seen
        wizard.next();
        wizard.button(QWizard::FinishButton)->click();
        QCOMPARE(QSettings().value(QStringLiteral("ui/language")).toString(), QStringLiteral("en"));
        QVERIFY(FirstRunWizard::guideSeen());
    }

    void cancellingRestoresTheLanguage()
    {
        LanguageManager languages;
        languages.apply(QStringLiteral("zh_CN"));
        FirstRunWizard wizard(FirstRunWizard::Mode::Guide, &languages);
        wizard.show();
        wizard.findChild<QRadioButton *>(QStringLiteral("languageEn"))->click();
        QCOMPARE(languages.effective(), QStringLiteral("en"));
        wizard.reject();
        QCOMPARE(languages.effective(), QStringLiteral("zh_CN"));
        QVERIFY(!FirstRunWizard::guideSeen());
        QVERIFY(!QSettings().contains(QStringLiteral("ui/language")));
    }

    void passphraseTwiceWithAHint()
    {
        LanguageManager languages;
        languages.apply(QStringLiteral("en"));
        FirstRunWizard wizard(FirstRunWizard::Mode::SetupShort, &languages);
        wizard.findChild<QRadioButton *>(QStringLiteral("startDemo"))->setChecked(true);
        wizard.show();
        wizard.next();
        QCOMPARE(wizard.currentId(), int(FirstRunWizard::PassphrasePage));
        auto *first = wizard.findChild<QLineEdit *>(QStringLiteral("passphrase"));
        auto *second = wizard.findChild<QLineEdit *>(QStringLiteral("passphraseRepeat"));
        auto *hint = wizard.findChild<QLabel *>(QStringLiteral("strengthHint"));
        QAbstractButton *finish = wizard.button(QWizard::FinishButton);

        QTest::keyClicks(first, QStringLiteral("short"));
        QVERIFY(hint->text().startsWith(QStringLiteral("Too short")));
        QVERIFY(!finish->isEnabled());

        first->setText(QStringLiteral("12345678"));
        QVERIFY(hint->text().startsWith(QStringLiteral("Weak")));
        second->setText(QStringLiteral("12345678"));
        QVERIFY2(finish->isEnabled(), "a weak passphrase is allowed: the hint only advises");

        first->setText(QStringLiteral("chengnan-zhihang-2026"));
        QCOMPARE(hint->text(), QStringLiteral("Strong."));
        QVERIFY(!finish->isEnabled()); // the two differ now
        QCOMPARE(wizard.findChild<QLabel *>(QStringLiteral("passphraseError"))->text(),
                 QStringLiteral("The two passphrases differ."));
        second->setText(QStringLiteral("chengnan-zhihang-2026"));
        QVERIFY(finish->isEnabled());
        QCOMPARE(wizard.passphrase(), QStringLiteral("chengnan-zhihang-2026"));
    }

    void hqPageNeedsAnAddressAndASignIn()
    {
        LanguageManager languages;
        languages.apply(QStringLiteral("en"));
        FirstRunWizard wizard(FirstRunWizard::Mode::SetupShort, &languages);
        wizard.show();
        wizard.next();
        QCOMPARE(wizard.currentId(), int(FirstRunWizard::HqPage));
        QAbstractButton *next = wizard.button(QWizard::NextButton);
        QVERIFY(!next->isEnabled());
        wizard.findChild<QLineEdit *>(QStringLiteral("hqUrl"))->setText(QStringLiteral("https://hq.example.cn:8443"));
        wizard.findChild<QLineEdit *>(QStringLiteral("staffId"))->setText(QStringLiteral(" RM01 "));
        QVERIFY(!next->isEnabled());
        wizard.findChild<QLineEdit *>(QStringLiteral("hqPassword"))->setText(QStringLiteral("secret"));
        QVERIFY(next->isEnabled());
        QCOMPARE(wizard.hqUrl(), QUrl(QStringLiteral("https://hq.example.cn:8443")));
        QCOMPARE(wizard.staffId(), QStringLiteral("RM01"));
        QCOMPARE(wizard.start(), FirstRunWizard::Start::ConnectHq);
    }

    void fromNoStoreToTheDemoBranch()
    {
        // Given no store, no preset passphrase and a guide never seen
        LanguageManager languages;
        languages.apply(QStringLiteral("zh_CN"));
        BranchOpener opener;
        opener.setLanguageManager(&languages);
        BranchOpener::Request request;
        request.storePath = m_dir.filePath(QStringLiteral("first/branch.db"));
        request.demoCustomers = 300;

        // When the user goes through the guide: demo branch, a passphrase twice
        bool sawWholeGuide = false;
        QTimer::singleShot(100, this, [&] {
            FirstRunWizard *wizard = openWizard();
            QVERIFY(wizard);
            sawWholeGuide = wizard->mode() == FirstRunWizard::Mode::Setup;
            wizard->next(); // language
            wizard->findChild<QRadioButton *>(QStringLiteral("startDemo"))->setChecked(true);
            wizard->next(); // how to start
            wizard->findChild<QLineEdit *>(QStringLiteral("passphrase"))->setText(QStringLiteral("first-run-pass"));
            wizard->findChild<QLineEdit *>(QStringLiteral("passphraseRepeat"))->setText(QStringLiteral("first-run-pass"));
            wizard->next(); // passphrase
            QCOMPARE(wizard->currentId(), int(FirstRunWizard::CadencePage));
            wizard->button(QWizard::FinishButton)->click();
        });
        LoadedBranch branch;
        QVERIFY(opener.open(request, &branch));

        // Then the demo branch is created with that passphrase, and the guide is not shown again
        QVERIFY(sawWholeGuide);
        QCOMPARE(branch.snapshot->customerCount(), 300);
        // (the store's key, wrapped under that passphrase in the key file, issue 8)
        QVERIFY(opener.key() && opener.key()->isValid());
        const auto unwrapped = StoreKeyFile::unlock(request.storePath, QStringLiteral("first-run-pass"));
        QCOMPARE(memcmp(unwrapped->data(), opener.key()->data(), StoreKey::kBytes), 0);
        QVERIFY(QFileInfo::exists(request.storePath));
        QVERIFY(FirstRunWizard::guideSeen());

        // And a later missing store only asks how to start (cancelled here: nothing is created)
        request.storePath = m_dir.filePath(QStringLiteral("second/branch.db"));
        FirstRunWizard::Mode shown = FirstRunWizard::Mode::Setup;
        QTimer::singleShot(100, this, [&] {
            FirstRunWizard *wizard = openWizard();
            QVERIFY(wizard);
            shown = wizard->mode();
            wizard->reject();
        });
        LoadedBranch none;
        QVERIFY(!opener.open(request, &none));
        QCOMPARE(shown, FirstRunWizard::Mode::SetupShort);
        QVERIFY(!QFileInfo::exists(request.storePath));
    }
};

QTEST_MAIN(TestFirstRunWizard)
#include "tst_firstrunwizard.moc"
