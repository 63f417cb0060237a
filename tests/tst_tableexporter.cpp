#include "store/loadedbranch.h"
#include "domain/spreadsheetcell.h"
#include "domain/xlsxreader.h"
#include "items/customertablemodel.h"
#include "items/personalfield.h"
#include "session/tableexporter.h"
#include "domain/branchsnapshot.h"
#include "domain/customersearchindex.h"
#include "domain/tierpolicy.h"
#include "testsupport.h"

#include <QAbstractItemModelTester>
#include <QFile>
#include <QProcess>
#include <QSortFilterProxyModel>
#include <QStandardItemModel>
#include <QTemporaryDir>
#include <QXmlStreamReader>
#include <QtTest>

// Export of what a view shows to CSV and .xlsx: masking, formula escaping,
// the file reopened (unzip + XML) with the right cells.
class TestTableExporter : public QObject
{
    Q_OBJECT

private:
    QTemporaryDir m_dir;

    static ExportTable sample()
    {
        ExportTable t;
        t.listName = QStringLiteral("Customers");
        t.headers = {QStringLiteral("Name"), QStringLiteral("Customer no."), QStringLiteral("Phone"),
                     QStringLiteral("Note"), QStringLiteral("AUM")};
        t.personal = {PersonalField::Name, PersonalField::None, PersonalField::Phone, PersonalField::None,
                      PersonalField::None};
        t.rows = {
            {QStringLiteral("张三丰"), QStringLiteral("600000000001"), QStringLiteral("13812345678"),
             QStringLiteral("=HYPERLINK(\"http://x\")"), QStringLiteral("45000")},
            {QStringLiteral("欧阳娜娜"), QStringLiteral("600000000002"), QStringLiteral("13900005678"),
             QStringLiteral("a, \"quoted\" note"), QStringLiteral("-18.6%")},
            {QStringLiteral("李四"), QStringLiteral("000123"), QString(), QStringLiteral("@SUM(A1)"),
             QStringLiteral("61.2万")},
        };
        return t;
    }

    // The cells of sheet1 by reference ("B2" -> text), read with unzip and QXmlStreamReader
    // independently of the importer's reader.
    static QHash<QString, QString> unzipCells(const QString &path)
    {
        auto part = [&](const QString &name) {
            QProcess p;
            p.start(QStringLiteral("unzip"), {QStringLiteral("-p"), path, name});
            p.waitForFinished(30000);
            return p.readAllStandardOutput();
        };
        QStringList shared;
        QXmlStreamReader ss(part(QStringLiteral("xl/sharedStrings.xml")));
        QString cur;
        bool inSi = false;
        while (!ss.atEnd()) {
            ss.readNext();
            if (ss.isStartElement() && ss.name() == QLatin1String("si")) {
                inSi = true;
                cur.clear();
            } else if (ss.isStartElement() && ss.name() == QLatin1String("t") && inSi) {
                cur += ss.readElementText();
            } else if (ss.isEndElement() && ss.name() == QLatin1String("si")) {
                shared << cur;
                inSi = false;
            }
        }
        QHash<QString, QString> cells;
        QXmlStreamReader sh(part(QStringLiteral("xl/worksheets/sheet1.xml")));
        QString ref, type;
        while (!sh.atEnd()) {
            sh.readNext();
            if (sh.isStartElement() && sh.name() == QLatin1String("c")) {
                ref = sh.attributes().value(QLatin1String("r")).toString();
                type = sh.attributes().value(QLatin1String("t")).toString();
            } else if (sh.isStartElement() && sh.name() == QLatin1String("v")) {
                const QString v = sh.readElementText();
                cells.insert(ref, type == QLatin1String("s") ? shared.value(v.toInt()) : QStringLiteral("#") + v);
            }
        }
        return cells;
    }

private slots:
    void formulaEscaping_data()
    {
        QTest::addColumn<QString>("in");
        QTest::addColumn<QString>("out");
        QTest::newRow("equals") << QStringLiteral("=1+1") << QStringLiteral("'=1+1");
        QTest::newRow("plus") << QStringLiteral("+86 138") << QStringLiteral("'+86 138");
        QTest::newRow("minus formula") << QStringLiteral("-1+2") << QStringLiteral("'-1+2");
        QTest::newRow("at") << QStringLiteral("@SUM(A1:A9)") << QStringLiteral("'@SUM(A1:A9)");
        QTest::newRow("tab") << QStringLiteral("\t=cmd") << QStringLiteral("'\t=cmd");
        QTest::newRow("carriage return") << QStringLiteral("\r=cmd") << QStringLiteral("'\r=cmd");
        QTest::newRow("full-width equals") << QStringLiteral("＝1+1") << QStringLiteral("'＝1+1");
        QTest::newRow("dde") << QStringLiteral("=cmd|' /C calc'!A0") << QStringLiteral("'=cmd|' /C calc'!A0");
        QTest::newRow("negative number") << QStringLiteral("-12") << QStringLiteral("-12");
        QTest::newRow("negative percent") << QStringLiteral("-18.6%") << QStringLiteral("-18.6%");
        QTest::newRow("plus number") << QStringLiteral("+3.5") << QStringLiteral("+3.5");
        QTest::newRow("name") << QStringLiteral("张三") << QStringLiteral("张三");
        QTest::newRow("inner equals") << QStringLiteral("a=b") << QStringLiteral("a=b");
        QTest::newRow("empty") << QString() << QString();
    }
    void formulaEscaping()
    {
        QFETCH(QString, in);
        QFETCH(QString, out);
        QCOMPARE(SpreadsheetCell::escapeFormula(in), out);
    }

    void maskingFollowsTheColumnKind()
    {
        QCOMPARE(TableExporter::cellText(QStringLiteral("张三丰"), PersonalField::Name, true), QStringLiteral("张**"));
        QCOMPARE(TableExporter::cellText(QStringLiteral("欧阳娜娜"), PersonalField::Name, true), QStringLiteral("欧阳**"));
        QCOMPARE(TableExporter::cellText(QStringLiteral("李四"), PersonalField::Name, true), QStringLiteral("李*"));
        QCOMPARE(TableExporter::cellText(QStringLiteral("13812345678"), PersonalField::Phone, true),
                 QStringLiteral("138****5678"));
        QCOMPARE(TableExporter::cellText(QStringLiteral("110101198005171234"), PersonalField::IdNumber, true),
                 QStringLiteral("110101********1234"));
        QCOMPARE(TableExporter::cellText(QStringLiteral("13812345678"), PersonalField::Phone, false),
                 QStringLiteral("13812345678"));
        QCOMPARE(TableExporter::cellText(QStringLiteral("张三丰"), PersonalField::None, true), QStringLiteral("张三丰"));
    }

    void csvHasBomMaskedAndEscapedCells()
    {
        const QString path = m_dir.filePath(QStringLiteral("list.csv"));
        QString error;
        QCOMPARE(TableExporter::write(sample(), path, {TableExporter::Format::Csv, true}, &error),
                 TableExporter::Result::Written);
        QFile f(path);
        QVERIFY(f.open(QIODevice::ReadOnly));
        const QByteArray bytes = f.readAll();
        QVERIFY(bytes.startsWith("\xEF\xBB\xBF"));
        const QStringList lines = QString::fromUtf8(bytes.mid(3)).split(QStringLiteral("\r\n"));
        QCOMPARE(lines.at(0), QStringLiteral("Name,Customer no.,Phone,Note,AUM"));
        QCOMPARE(lines.at(1), QStringLiteral("张**,600000000001,138****5678,\"'=HYPERLINK(\"\"http://x\"\")\",45000"));
        QCOMPARE(lines.at(2), QStringLiteral("欧阳**,600000000002,139****5678,\"a, \"\"quoted\"\" note\",-18.6%"));
        QCOMPARE(lines.at(3), QStringLiteral("李*,000123,,'@SUM(A1),61.2万"));
        QVERIFY(!bytes.contains(QStringLiteral("张三丰").toUtf8()));
        QVERIFY(!bytes.contains("13812345678"));
    }

    void csvUnmaskedWhenAskedFor()
    {
        const QString path = m_dir.filePath(QStringLiteral("unmasked.csv"));
        QString error;
        QCOMPARE(TableExporter::write(sample(), path, {TableExporter::Format::Csv, false}, &error),
                 TableExporter::Result::Written);
        QFile f(path);
        QVERIFY(f.open(QIODevice::ReadOnly));
        const QString text = QString::fromUtf8(f.readAll());
        QVERIFY(text.contains(QStringLiteral("张三丰,600000000001,13812345678,")));
    }

    void xlsxReopenedHasTheRightCells()
    {
        const QString path = m_dir.filePath(QStringLiteral("list.xlsx"));
        QString error;
        QCOMPARE(TableExporter::write(sample(), path, {TableExporter::Format::Xlsx, true}, &error),
                 TableExporter::Result::Written);
        QVERIFY2(error.isEmpty(), qPrintable(error));
        QVERIFY(!QFile::exists(path + QStringLiteral(".part")));
        const QHash<QString, QString> cells = unzipCells(path);
        QCOMPARE(cells.value(QStringLiteral("A1")), QStringLiteral("Name"));
        QCOMPARE(cells.value(QStringLiteral("E1")), QStringLiteral("AUM"));
        QCOMPARE(cells.value(QStringLiteral("A2")), QStringLiteral("张**"));
        QCOMPARE(cells.value(QStringLiteral("B2")), QStringLiteral("600000000001")); // an id stays text
        QCOMPARE(cells.value(QStringLiteral("C2")), QStringLiteral("138****5678"));
        QCOMPARE(cells.value(QStringLiteral("D2")), QStringLiteral("'=HYPERLINK(\"http://x\")"));
        QCOMPARE(cells.value(QStringLiteral("E2")), QStringLiteral("#45000")); // a number cell
        QCOMPARE(cells.value(QStringLiteral("A3")), QStringLiteral("欧阳**"));
        QCOMPARE(cells.value(QStringLiteral("E3")), QStringLiteral("-18.6%"));
        QCOMPARE(cells.value(QStringLiteral("B4")), QStringLiteral("000123"));
        QCOMPARE(cells.value(QStringLiteral("D4")), QStringLiteral("'@SUM(A1)"));
        QVERIFY(!cells.contains(QStringLiteral("C4"))); // empty stays empty
        for (const QString &v : cells)
            QVERIFY2(!v.contains(QStringLiteral("张三丰")) && !v.contains(QStringLiteral("13812345678")), qPrintable(v));
        // The importer's own reader agrees.
        std::vector<XlsxReader::Row> rows;
        QVERIFY2(XlsxReader::read(path, &rows, &error), qPrintable(error));
        QCOMPARE(int(rows.size()), 4);
        QCOMPARE(rows[1].cells.at(0), QStringLiteral("张**"));
        QCOMPARE(rows[1].cells.at(4), QStringLiteral("45000"));
    }

    void exportFollowsTheViewThroughAProxy()
    {
        // Given the customer list sorted by a proxy, with two columns picked in a new order,
        LoadedBranch branch;
        branch.snapshot = std::make_shared<const BranchSnapshot>(TestSupport::smallBranch(), TierPolicy::defaultPolicy(),
                                                                 QDate(2026, 11, 23));
        branch.search = std::make_shared<const CustomerSearchIndex>(branch.snapshot);
        CustomerTableModel model;
        model.setBranch(branch);
        QSortFilterProxyModel proxy;
        proxy.setSourceModel(&model);
        proxy.setSortRole(CustomerTableModel::RawValueRole);
        proxy.sort(CustomerTableModel::Aum, Qt::DescendingOrder);
        QAbstractItemModelTester tester(&proxy);
        // When it is captured,
        const ExportTable t = ExportTable::capture(proxy, QStringLiteral("Customers"),
                                                   {CustomerTableModel::CustomerNo, CustomerTableModel::Name});
        // Then the rows follow the proxy's order, the columns the given order, and the name is personal.
        QCOMPARE(t.rowCount(), 6);
        QCOMPARE(t.columnCount(), 2);
        QCOMPARE(t.personal[0], PersonalField::None);
        QCOMPARE(t.personal[1], PersonalField::Name);
        QCOMPARE(t.rows[0].at(0), QStringLiteral("600000000004")); // 7,000,000: the largest AUM first
        QCOMPARE(t.rows[0].at(1), QStringLiteral("王小明"));
        QCOMPARE(TableExporter::cellText(t.rows[0].at(1), t.personal[1], true), QStringLiteral("王**"));
    }

    void treeRowsFollowTheirParent()
    {
        QStandardItemModel m;
        m.setHorizontalHeaderLabels({QStringLiteral("Label"), QStringLiteral("Count")});
        auto *group = new QStandardItem(QStringLiteral("7 days"));
        group->appendRow({new QStandardItem(QStringLiteral("child")), new QStandardItem(QStringLiteral("1"))});
        m.appendRow({group, new QStandardItem(QStringLiteral("1"))});
        m.appendRow({new QStandardItem(QStringLiteral("30 days")), new QStandardItem(QStringLiteral("0"))});
        const ExportTable t = ExportTable::capture(m, QStringLiteral("Maturities"));
        QCOMPARE(t.rowCount(), 3);
        QCOMPARE(t.rows[1].at(0), QStringLiteral("  child"));
        QCOMPARE(t.rows[2].at(0), QStringLiteral("30 days"));
    }

    void cancelLeavesNoFileAndKeepsTheOldOne()
    {
        ExportTable big = sample();
        for (int i = 0; i < 10000; ++i)
            big.rows.push_back(big.rows[size_t(i % 3)]);
        for (TableExporter::Format format : {TableExporter::Format::Csv, TableExporter::Format::Xlsx}) {
            const QString path = m_dir.filePath(format == TableExporter::Format::Csv ? QStringLiteral("c.csv")
                                                                                      : QStringLiteral("c.xlsx"));
            QFile old(path);
            QVERIFY(old.open(QIODevice::WriteOnly));
            old.write("previous");
            old.close();
            QString error;
            const auto r = TableExporter::write(big, path, {format, true}, &error,
                                                [](int done, int) { return done < 4000; });
            QCOMPARE(r, TableExporter::Result::Cancelled);
            QFile again(path);
            QVERIFY(again.open(QIODevice::ReadOnly));
            QCOMPARE(again.readAll(), QByteArray("previous"));
            QVERIFY(!QFile::exists(path + QStringLiteral(".part")));
        }
    }

    void unwritableTargetSaysWhere()
    {
        QString error;
        const QString path = m_dir.filePath(QStringLiteral("no-such-dir/list.csv"));
        QCOMPARE(TableExporter::write(sample(), path, {TableExporter::Format::Csv, true}, &error),
                 TableExporter::Result::Failed);
        QVERIFY2(error.contains(QStringLiteral("no-such-dir")), qPrintable(error));
    }
};

QTEST_MAIN(TestTableExporter)
#include "tst_tableexporter.moc"
