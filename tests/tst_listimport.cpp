// Issue 17: a name list handed over by the card, loan or corporate department as
// .xlsx (written here with libxlsxwriter, as Excel would) or .csv is matched to
// the branch's customers by customer number, ID number or phone; lines that
// match nobody are reported with line and field (values masked); the matched
// customers are frozen as a campaign list and go to the issue path like any list.
#include "session/analysiscontroller.h"
#include "listimportdialog.h"
#include "listspage.h"
#include "domain/listimport.h"
#include "domain/personaldatamask.h"
#include "items/campaignprogressmodel.h"
#include "testsupport.h"

#include <QComboBox>
#include <QFile>
#include <QLabel>
#include <QLineEdit>
#include <QPushButton>
#include <QSignalSpy>
#include <QTableWidget>
#include <QTemporaryDir>
#include <QtTest>

#include <xlsxwriter.h>

class TestListImport : public QObject
{
    Q_OBJECT

private:
    QTemporaryDir m_dir;
    SnapshotPtr m_snapshot;

    // The card centre's list: a title row, then 序号 / 客户姓名 / 客户号 / 证件号码 / 手机号.
    QString writeXlsx()
    {
        const QString path = m_dir.filePath(QStringLiteral("信用卡中心名单.xlsx"));
        lxw_workbook *wb = workbook_new(QFile::encodeName(path).constData());
        lxw_worksheet *ws = workbook_add_worksheet(wb, nullptr);
        const auto text = [&](int r, int c, const char *s) { worksheet_write_string(ws, lxw_row_t(r), lxw_col_t(c), s, nullptr); };
        text(0, 0, "信用卡中心 2026年12月 分期推荐名单");
        const char *header[] = {"序号", "客户姓名", "客户号", "证件号码", "手机号"};
        for (int c = 0; c < 5; ++c)
            text(1, c, header[c]);
        struct Row { const char *name, *no, *id, *phone; };
        const Row rows[] = {
            {"张三", "600000000001", "", ""},                 // line 3: by customer number
            {"李四", "", "31010419800517432x", ""},           // line 4: by ID number (lower-case x)
            {"张珊珊", "", "", "136 0000 1111"},               // line 5: by phone, spaced
            {"某甲", "600000009999", "", ""},                 // line 6: nobody
            {"某乙", "", "110101199001011234", ""},           // line 7: nobody
            {"某丙", "", "", ""},                             // line 8: nothing to match by
            {"张三", "600000000001", "", ""},                 // line 9: again
        };
        int r = 2;
        for (const Row &row : rows) {
            worksheet_write_number(ws, lxw_row_t(r), 0, r - 1, nullptr);
            text(r, 1, row.name);
            if (*row.no)
                text(r, 2, row.no);
            if (*row.id)
                text(r, 3, row.id);
            if (*row.phone)
                text(r, 4, row.phone);
            ++r;
        }
        // line 10: 王小明's customer number typed as a number, as Excel does by default
        text(r, 1, "王小明");
        worksheet_write_number(ws, lxw_row_t(r), 2, 600000000004.0, nullptr);
        workbook_close(wb);
        return path;
    }

private slots:
    void initTestCase()
    {
        m_snapshot = std::make_shared<const BranchSnapshot>(TestSupport::smallBranch(), TierPolicy::defaultPolicy(),
                                                            QDate(2026, 11, 23));
    }

    void matchesByNumberIdAndPhoneAndSaysWhatMatchedNobody()
    {
        ListImport::Result r;
        QString error;
        QVERIFY2(ListImport::read(writeXlsx(), *m_snapshot, &r, &error), qPrintable(error));
        QCOMPARE(r.format, QStringLiteral("xlsx"));
        QCOMPARE(r.rows, 8);
        QCOMPARE(r.matched(), 4);
        QCOMPARE(r.byNumber, 2);
        QCOMPARE(r.byIdNumber, 1);
        QCOMPARE(r.byPhone, 1);
        QCOMPARE(r.duplicates, 1);
        QCOMPARE(r.list.kind, CustomerList::Kind::Imported);
        QStringList matched;
        for (const ListMember &m : r.list.members)
            matched << m_snapshot->customer(m.customer).customerNo;
        QCOMPARE(matched, (QStringList{QStringLiteral("600000000001"), QStringLiteral("600000000002"),
                                       QStringLiteral("600000000003"), QStringLiteral("600000000004")}));
        QCOMPARE(int(r.unmatched.size()), 3);
        QCOMPARE(r.unmatched[0].line, 6);
        QCOMPARE(r.unmatched[0].field, QStringLiteral("客户号"));
        QVERIFY(r.unmatched[0].message.contains(QStringLiteral("600000009999")));
        QCOMPARE(r.unmatched[1].line, 7);
        QCOMPARE(r.unmatched[1].field, QStringLiteral("证件号码"));
        QVERIFY(!r.unmatched[1].message.contains(QStringLiteral("110101199001011234"))); // masked
        QVERIFY(r.unmatched[1].message.contains(PersonalDataMask::idNumber(QStringLiteral("110101199001011234"))));
        QCOMPARE(r.unmatched[2].line, 8);
        QCOMPARE(r.unmatched[2].field, QString());
    }

    void aCsvInGbkAndAFileWithoutAKeyColumn()
    {
        // The loan department's CSV, saved by Excel in GBK: 姓名,手机号码
        const QString csv = m_dir.filePath(QStringLiteral("loan.csv"));
        {
            QFile f(csv);
            QVERIFY(f.open(QIODevice::WriteOnly));
            const QString text = QStringLiteral("姓名,手机号码\r\n单田芳,+86 186-0000-9999\r\n某丁,13000000000\r\n");
            QStringEncoder enc("GB18030");
            QVERIFY(enc.isValid());
            f.write(enc.encode(text));
        }
        ListImport::Result r;
        QString error;
        QVERIFY2(ListImport::read(csv, *m_snapshot, &r, &error), qPrintable(error));
        QCOMPARE(r.matched(), 1);
        QCOMPARE(r.byPhone, 1);
        QCOMPARE(int(r.unmatched.size()), 1);
        QCOMPARE(r.unmatched[0].line, 3);
        QCOMPARE(r.unmatched[0].field, QStringLiteral("手机号码"));
        QVERIFY(r.unmatched[0].message.contains(QStringLiteral("130****0000")));

        // A file with names only is refused, and says which file and why
        const QString names = m_dir.filePath(QStringLiteral("names.csv"));
        {
            QFile f(names);
            QVERIFY(f.open(QIODevice::WriteOnly));
            f.write("\xEF\xBB\xBF姓名,备注\r\n张三,老客户\r\n");
        }
        QVERIFY(!ListImport::read(names, *m_snapshot, &r, &error));
        QVERIFY2(error.contains(QStringLiteral("names.csv")) && error.contains(QStringLiteral("客户号")), qPrintable(error));
    }

    void theManagerImportsFreezesAndIssuesIt()
    {
        // Given the Lists page of the branch
        AnalysisController analysis;
        ListsPage page(&analysis);
        page.resize(1300, 700);
        page.show();
        QSignalSpy scored(&analysis, &AnalysisController::scoresReady);
        LoadedBranch b;
        b.snapshot = m_snapshot;
        analysis.setBranch(b);
        QVERIFY(scored.wait(5000));

        // When the card centre's .xlsx is imported
        ListImportDialog *dialog = page.importList(writeXlsx());
        QVERIFY(dialog);
        QSignalSpy read(dialog, &ListImportDialog::finishedReading);
        QVERIFY(read.wait(10000));

        // Then the dialog says what matched and lists the three lines that did not
        QVERIFY2(dialog->summary()->text().contains(QStringLiteral("8")), qPrintable(dialog->summary()->text()));
        QCOMPARE(dialog->problems()->rowCount(), 3);
        QCOMPARE(dialog->problems()->item(0, 0)->text(), QStringLiteral("6"));
        QCOMPARE(dialog->problems()->item(1, 1)->text(), QStringLiteral("证件号码"));
        QCOMPARE(dialog->nameEdit()->text(), QStringLiteral("信用卡中心名单"));
        QVERIFY(dialog->okButton()->isEnabled());

        // And OK freezes the 4 as a campaign list of kind "imported"
        QSignalSpy campaigns(&analysis, &AnalysisController::campaignsChanged);
        dialog->nameEdit()->setText(QStringLiteral("信用卡分期推荐"));
        QTest::mouseClick(dialog->okButton(), Qt::LeftButton);
        QTRY_COMPARE(campaigns.count(), 1);
        QCOMPARE(page.campaignBox()->count(), 1);
        QVERIFY(page.campaignBox()->currentText().startsWith(QStringLiteral("信用卡分期推荐")));
        QCOMPARE(analysis.campaigns().front().kind, CustomerList::Kind::Imported);
        QCOMPARE(page.campaignModel()->rowCount(), 4);

        // Which the manager issues like any list: the issue path gets its members and kind
        QSignalSpy issue(&page, &ListsPage::issueRequested);
        page.issueListButton()->click();
        QCOMPARE(issue.count(), 1);
        QCOMPARE(issue.front().at(1).toString(), QStringLiteral("imported"));
        QCOMPARE(issue.front().at(2).toStringList().size(), 4);
    }
};

QTEST_MAIN(TestListImport)
#include "tst_listimport.moc"
