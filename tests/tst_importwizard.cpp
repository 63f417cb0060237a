#include "importwizard.h"
#include "store/auditlog.h"
#include "store/branchrepository.h"
#include "store/database.h"
#include "store/schemamigrations.h"
#include "testsupport.h"

#include <QComboBox>
#include <QFile>
#include <QTableWidget>
#include <QTemporaryDir>
#include <QtTest>

// The import wizard driven like a user: choose a file, fix the mapping of a
// column the header did not name, see the bad rows, import, get the branch back.
class TestImportWizard : public QObject
{
    Q_OBJECT

private:
    QTemporaryDir m_dir;

private slots:
    void importsWhatTheUserMapped()
    {
        // Given a store with the small branch, and a file whose RM column has an unknown header,
        const QString storePath = m_dir.filePath(QStringLiteral("w.db"));
        {
            Database db = Database::open(storePath, QStringLiteral("pass-word"), Database::OpenMode::CreateIfMissing);
            SchemaMigrations::migrate(db);
            BranchRepository(db).replaceAll(TestSupport::smallBranch());
        }
        const QString file = m_dir.filePath(QStringLiteral("list.csv"));
        {
            QFile f(file);
            QVERIFY(f.open(QIODevice::WriteOnly));
            f.write(QStringLiteral("客户号,姓名,负责人,资产\n"
                                   "700000000001,钱七,RM01,\"12,000\"\n"
                                   "700000000002,孙八,RM02,abc\n"
                                   "700000000003,周九,RM02,3万\n")
                        .toUtf8());
        }
        ImportWizard wizard({storePath, QStringLiteral("pass-word")}, QStringLiteral("MGR01"));
        QSignalSpy imported(&wizard, &ImportWizard::imported);
        wizard.show();
        QVERIFY(QTest::qWaitForWindowExposed(&wizard));

        // When the file is chosen,
        wizard.setFile(file);
        QTRY_VERIFY(!wizard.isBusy() && wizard.currentPage()->isComplete());
        wizard.next();
        QCOMPARE(wizard.currentId(), int(ImportWizard::MappingPage));
        // the guessed mapping is shown with a preview, the unknown column ignored;
        QTableWidget *table = wizard.mappingTable();
        QCOMPARE(table->columnCount(), 4);
        QCOMPARE(table->item(1, 1)->text(), QStringLiteral("钱七"));
        auto *rmBox = qobject_cast<QComboBox *>(table->cellWidget(0, 2));
        QVERIFY(rmBox);
        QCOMPARE(rmBox->currentData().toInt(), int(ImportMapping::Ignore));
        // the user maps it to the RM,
        rmBox->setCurrentIndex(rmBox->findData(int(ImportMapping::RmId)));
        QCOMPARE(wizard.mapping().columnOf(ImportMapping::RmId), 2);
        wizard.next();
        // sees one bad row with its line,
        QCOMPARE(wizard.currentId(), int(ImportWizard::ValidationPage));
        QTRY_VERIFY(!wizard.isBusy() && wizard.currentPage()->isComplete());
        QCOMPARE(wizard.rejectsTable()->rowCount(), 1);
        QCOMPARE(wizard.rejectsTable()->item(0, 0)->text(), QStringLiteral("3"));
        wizard.next();
        // and imports.
        QCOMPARE(wizard.currentId(), int(ImportWizard::ImportPage));
        QTRY_VERIFY_WITH_TIMEOUT(!wizard.isBusy() && wizard.currentPage()->isComplete(), 30000);
        QCOMPARE(wizard.summary().inserted, 2);
        QCOMPARE(wizard.summary().rejected, 1);
        // Then the branch comes back reloaded with the new customers and their RMs.
        QCOMPARE(imported.count(), 1);
        const LoadedBranch branch = imported.at(0).at(0).value<LoadedBranch>();
        QCOMPARE(branch.snapshot->customerCount(), 8);
        Database db = Database::open(storePath, QStringLiteral("pass-word"), Database::OpenMode::ExistingOnly);
        BranchData data;
        BranchRepository(db).loadAll(&data);
        bool found = false;
        for (const Customer &c : data.customers) {
            if (c.customerNo == QLatin1String("700000000003")) {
                found = true;
                QCOMPARE(c.rmId, QStringLiteral("RM02"));
                QCOMPARE(c.aumFen, qint64(3000000));
            }
        }
        QVERIFY(found);
        QCOMPARE(AuditLog(db).entries().back().event, QStringLiteral("import"));
        QVERIFY(QFile::exists(m_dir.filePath(QStringLiteral("list.rejects.csv"))));
    }
};

QTEST_MAIN(TestImportWizard)
#include "tst_importwizard.moc"
