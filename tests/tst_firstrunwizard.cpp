#include "openbranch.h"
#include "firstrunwizard.h"
#include "importwizard.h"
#include "languagemanager.h"
#include "domain/maturitylist.h"
#include "domain/todaylist.h"
#include "store/storekeyfile.h"

#include <QAbstractButton>
#include <QApplication>
#include <QLabel>
#include <QLineEdit>
#include <QRadioButton>
#include <QSettings>
#include <QTableWidget>
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
            // Importing a file asks for the file and the branch, then the passphrase
            FirstRunWizard wizard(FirstRunWizard::Mode::Setup, &languages);
            wizard.findChild<QRadioButton *>(QStringLiteral("startImport"))->setChecked(true);
            wizard.show();
            QCOMPARE(visitedPages(wizard),
                     (QList<int>{FirstRunWizard::LanguagePage, FirstRunWizard::StartPage, FirstRunWizard::ImportFilePage,
                                 FirstRunWizard::PassphrasePage, FirstRunWizard::CadencePage}));
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

    void importPageNeedsAFileABranchAndWhoSetsItUp()
    {
        LanguageManager languages;
        languages.apply(QStringLiteral("en"));
        FirstRunWizard wizard(FirstRunWizard::Mode::SetupShort, &languages);
        wizard.findChild<QRadioButton *>(QStringLiteral("startImport"))->setChecked(true);
        wizard.show();
        wizard.next();
        QCOMPARE(wizard.currentId(), int(FirstRunWizard::ImportFilePage));
        QAbstractButton *next = wizard.button(QWizard::NextButton);
        QVERIFY(!next->isEnabled());
        auto *file = wizard.findChild<QLineEdit *>(QStringLiteral("importFile"));
        // A file that is not there does not count
        file->setText(m_dir.filePath(QStringLiteral("missing.csv")));
        wizard.findChild<QLineEdit *>(QStringLiteral("branchName"))->setText(QStringLiteral("  城南支行 "));
        wizard.findChild<QLineEdit *>(QStringLiteral("ownStaffId"))->setText(QStringLiteral(" MGR01 "));
        QVERIFY(!next->isEnabled());
        const QString csv = m_dir.filePath(QStringLiteral("page.csv"));
        QFile f(csv);
        QVERIFY(f.open(QIODevice::WriteOnly));
        f.write("客户号,姓名\n");
        f.close();
        file->setText(csv);
        QVERIFY(next->isEnabled());
        wizard.findChild<QLineEdit *>(QStringLiteral("ownStaffId"))->clear();
        QVERIFY(!next->isEnabled());
        wizard.findChild<QLineEdit *>(QStringLiteral("ownStaffId"))->setText(QStringLiteral(" MGR01 "));
        QCOMPARE(wizard.start(), FirstRunWizard::Start::ImportFile);
        QCOMPARE(wizard.importFile(), csv);
        QCOMPARE(wizard.branchName(), QStringLiteral("城南支行"));
        QCOMPARE(wizard.ownStaffId(), QStringLiteral("MGR01"));
        QCOMPARE(wizard.ownName(), QStringLiteral("MGR01")); // no name given: the ID stands in
        wizard.findChild<QLineEdit *>(QStringLiteral("ownName"))->setText(QStringLiteral("周经理"));
        QCOMPARE(wizard.ownName(), QStringLiteral("周经理"));
    }

    void fromNoStoreToAnImportedBranch()
    {
        // Given no store and a customer list saved from Excel, with two RMs and one bad row
        LanguageManager languages;
        languages.apply(QStringLiteral("zh_CN"));
        BranchOpener opener;
        opener.setLanguageManager(&languages);
        BranchOpener::Request request;
        request.storePath = m_dir.filePath(QStringLiteral("imported/branch.db"));
        const QString csv = m_dir.filePath(QStringLiteral("customers.csv"));
        {
            QFile f(csv);
            QVERIFY(f.open(QIODevice::WriteOnly));
            f.write(QStringLiteral("客户号,姓名,手机,资产(万元),客户经理\n"
                                   "700000000001,钱七,13800138000,120,RM01\n"
                                   "700000000002,孙八,13900139000,35,RM02\n"
                                   "700000000003,周九,1390013,8.5,RM02\n"
                                   "700000000004,吴十,13700137000,6,RM02\n")
                        .toUtf8());
        }

        // When the user chooses "import a file", names the branch and themselves, sets a passphrase,
        QTimer::singleShot(100, this, [&] {
            FirstRunWizard *wizard = openWizard();
            QVERIFY(wizard);
            wizard->next(); // language
            wizard->findChild<QRadioButton *>(QStringLiteral("startImport"))->setChecked(true);
            wizard->next(); // how to start
            QCOMPARE(wizard->currentId(), int(FirstRunWizard::ImportFilePage));
            wizard->findChild<QLineEdit *>(QStringLiteral("importFile"))->setText(csv);
            wizard->findChild<QLineEdit *>(QStringLiteral("branchName"))->setText(QStringLiteral("城南支行"));
            wizard->findChild<QLineEdit *>(QStringLiteral("branchCode"))->setText(QStringLiteral("3101"));
            wizard->findChild<QLineEdit *>(QStringLiteral("ownStaffId"))->setText(QStringLiteral("MGR01"));
            wizard->findChild<QLineEdit *>(QStringLiteral("ownName"))->setText(QStringLiteral("周经理"));
            wizard->next();
            wizard->findChild<QLineEdit *>(QStringLiteral("passphrase"))->setText(QStringLiteral("import-run-pass"));
            wizard->findChild<QLineEdit *>(QStringLiteral("passphraseRepeat"))->setText(QStringLiteral("import-run-pass"));
            wizard->next(); // passphrase
            wizard->button(QWizard::FinishButton)->click();
        });
        // and then goes through the import wizard that opens on the file: mapping, check, import
        int importRejected = -1;
        QTimer poll;
        poll.setInterval(50);
        connect(&poll, &QTimer::timeout, this, [&] {
            auto *import = qobject_cast<ImportWizard *>(QApplication::activeModalWidget());
            if (!import || import->isBusy() || !import->currentPage()->isComplete())
                return;
            if (import->currentId() == ImportWizard::ImportPage) {
                poll.stop();
                importRejected = import->summary().rejected;
                import->button(QWizard::FinishButton)->click();
            } else {
                import->next();
            }
        });
        poll.start();
        LoadedBranch branch;
        QVERIFY(openBranch(opener, request, &branch));
        poll.stop();

        // Then the branch holds the good rows, under the name given, run by its manager,
        QCOMPARE(importRejected, 1); // the short phone number
        QVERIFY(branch.snapshot);
        QCOMPARE(branch.snapshot->customerCount(), 3);
        QCOMPARE(branch.snapshot->branchName(), QStringLiteral("城南支行"));
        QCOMPARE(branch.snapshot->branchCode(), QStringLiteral("3101"));
        QCOMPARE(branch.snapshot->scope().staffId(), QStringLiteral("MGR01"));
        QVERIFY(branch.snapshot->scope().seesWholeBranch());
        // with the RMs the file names on the staff list, so customers can be assigned to them,
        QStringList rms;
        for (const Staff &st : branch.snapshot->staff()) {
            if (st.role == Staff::Role::RelationshipManager)
                rms << st.staffId;
        }
        rms.sort();
        QCOMPARE(rms, (QStringList{QStringLiteral("RM01"), QStringLiteral("RM02")}));
        QCOMPARE(branch.snapshot->staffName(QStringLiteral("MGR01")), QStringLiteral("周经理"));
        // in a store encrypted under the passphrase chosen
        const auto unwrapped = StoreKeyFile::unlock(request.storePath, QStringLiteral("import-run-pass"));
        QCOMPARE(memcmp(unwrapped->data(), opener.key()->data(), StoreKey::kBytes), 0);
    }

    void aFileOnlyBranchGetsItsMaturityListAnd731()
    {
        // Given no store: the first run imports the branch's own customer list (no HQ, no holdings)
        LanguageManager languages;
        BranchOpener opener;
        opener.setLanguageManager(&languages);
        BranchOpener::Request request;
        request.storePath = m_dir.filePath(QStringLiteral("fileonly/branch.db"));
        QTimer::singleShot(100, this, [&] {
            FirstRunWizard *wizard = openWizard();
            QVERIFY(wizard);
            wizard->next();
            wizard->findChild<QRadioButton *>(QStringLiteral("startImport"))->setChecked(true);
            wizard->next();
            wizard->findChild<QLineEdit *>(QStringLiteral("importFile"))->setText(QStringLiteral(BRANCHDESK_CORPUS_DIR "/customers-branch.csv"));
            wizard->findChild<QLineEdit *>(QStringLiteral("branchName"))->setText(QStringLiteral("城东支行"));
            wizard->findChild<QLineEdit *>(QStringLiteral("ownStaffId"))->setText(QStringLiteral("MGR01"));
            wizard->next();
            wizard->findChild<QLineEdit *>(QStringLiteral("passphrase"))->setText(QStringLiteral("file-only-pass"));
            wizard->findChild<QLineEdit *>(QStringLiteral("passphraseRepeat"))->setText(QStringLiteral("file-only-pass"));
            wizard->next();
            wizard->button(QWizard::FinishButton)->click();
        });
        QTimer poll;
        poll.setInterval(50);
        connect(&poll, &QTimer::timeout, this, [&] {
            auto *import = qobject_cast<ImportWizard *>(QApplication::activeModalWidget());
            if (!import || import->isBusy() || !import->currentPage()->isComplete())
                return;
            if (import->currentId() == ImportWizard::ImportPage) {
                poll.stop();
                import->button(QWizard::FinishButton)->click();
            } else {
                import->next();
            }
        });
        poll.start();
        LoadedBranch branch;
        QVERIFY(openBranch(opener, request, &branch));
        poll.stop();
        QCOMPARE(branch.snapshot->customerCount(), 5);
        QCOMPARE(int(branch.snapshot->holdings().size()), 0);

        // When the manager imports the branch's maturity list (定期/理财/保险 到期清单) in the import wizard
        ImportWizard import(branch.store, QStringLiteral("MGR01"));
        QSignalSpy imported(&import, &ImportWizard::imported);
        import.show();
        QVERIFY(QTest::qWaitForWindowExposed(&import));
        import.setFile(QStringLiteral(BRANCHDESK_CORPUS_DIR "/maturity-list.csv"));
        QTRY_VERIFY(!import.isBusy() && import.currentPage()->isComplete());
        import.next(); // the columns: recognised from 客户号, 产品名称, 产品类型, 金额, 起息日, 到期日
        QVERIFY(import.currentPage()->isComplete());
        import.next(); // the rows: C999 is not a customer of the branch, C005's product has no maturity date
        QTRY_VERIFY(!import.isBusy() && import.currentPage()->isComplete());
        QCOMPARE(import.rejectsTable()->rowCount(), 1);
        import.next();
        QTRY_VERIFY_WITH_TIMEOUT(!import.isBusy() && import.currentPage()->isComplete(), 30000);
        QCOMPARE(import.summary().holdingsInserted, 3);
        QCOMPARE(imported.count(), 1);
        const LoadedBranch after = imported.at(0).at(0).value<LoadedBranch>();

        // Then the branch has a maturity list and RM01's Today page the 731 step due today
        const BranchSnapshot &snapshot = *after.snapshot;
        const QDate asOf(2026, 11, 24);
        const CadencePolicy policy = CadencePolicy::defaultPolicy();
        const ActivityLog log;
        QStringList listed;
        const MaturityList list = MaturityList::build(snapshot, policy, log, asOf, asOf.addDays(40), asOf);
        for (const MaturityList::Entry &e : list.entries())
            listed << snapshot.holdings()[size_t(e.holding)].customerNo;
        QCOMPARE(listed, (QStringList{QStringLiteral("C001"), QStringLiteral("C002"), QStringLiteral("C004")}));
        int rm01 = -1;
        for (size_t i = 0; i < snapshot.staff().size(); ++i) {
            if (snapshot.staff()[i].staffId == QLatin1String("RM01"))
                rm01 = int(i);
        }
        QVERIFY(rm01 >= 0);
        const WorkingCalendar calendar = WorkingCalendar::builtIn();
        const CadenceRoster roster(snapshot, policy, asOf);
        QStringList steps;
        for (const TodayItem &item : TodayList(snapshot, policy, calendar, log, roster).build(rm01, asOf)) {
            if (item.kind == TodayItem::Kind::MaturityStep)
                steps << snapshot.holdings()[size_t(item.holding)].customerNo + QLatin1Char(' ') + item.due.toString(Qt::ISODate);
        }
        QCOMPARE(steps, QStringList{QStringLiteral("C001 2026-11-24")});
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
        QVERIFY(openBranch(opener, request, &branch));

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
        QVERIFY(!openBranch(opener, request, &none));
        QCOMPARE(shown, FirstRunWizard::Mode::SetupShort);
        QVERIFY(!QFileInfo::exists(request.storePath));
    }
};

QTEST_MAIN(TestFirstRunWizard)
#include "tst_firstrunwizard.moc"
