#include "domain/customerimport.h"
#include "domain/idcardnumber.h"
#include "domain/importvalue.h"
#include "domain/textdecoding.h"
#include "session/tableexporter.h"
#include "store/auditlog.h"
#include "store/branchrepository.h"
#include "store/customerimportjob.h"
#include "store/database.h"
#include "store/schemamigrations.h"
#include "testsupport.h"

#include <QFile>
#include <QTemporaryDir>
#include <QtTest>

#include <minizip/zip.h>

// The importer: values as branches write them, every bad row rejected with its
// line and reason, GBK and UTF-8 CSV, .xlsx with shared and inline strings and
// serial dates, good rows in one transaction into a real SQLCipher store.
class TestCustomerImport : public QObject
{
    Q_OBJECT

private:
    QTemporaryDir m_dir;
    int m_n = 0;
    const QDate m_asOf{2026, 11, 23};

    QString write(const QString &name, const QByteArray &bytes)
    {
        const QString path = m_dir.filePath(name);
        QFile f(path);
        f.open(QIODevice::WriteOnly);
        f.write(bytes);
        return path;
    }
    Database store()
    {
        Database db = Database::open(m_dir.filePath(QStringLiteral("s%1.db").arg(++m_n)), QStringLiteral("pass-word"),
                                     Database::OpenMode::CreateIfMissing);
        SchemaMigrations::migrate(db);
        return db;
    }
    static const QString kHeader;
    // Validates one data row under the standard header; returns the single reject's reason or "".
    CustomerImport::Result validateRows(const QStringList &lines)
    {
        const QString path = write(QStringLiteral("rows%1.csv").arg(++m_n), (kHeader + QLatin1Char('\n') + lines.join(QLatin1Char('\n'))).toUtf8());
        CustomerImport::Source s;
        QString error;
        if (!CustomerImport::read(path, &s, &error))
            qWarning() << error;
        CustomerImport::Result r;
        CustomerImport::validate(s, ImportMapping::guess(s.header), &r, {}, m_asOf);
        return r;
    }
    static void addZipEntry(zipFile zf, const char *name, const QByteArray &data)
    {
        zip_fileinfo info{};
        zipOpenNewFileInZip(zf, name, &info, nullptr, 0, nullptr, 0, nullptr, Z_DEFLATED, Z_DEFAULT_COMPRESSION);
        zipWriteInFileInZip(zf, data.constData(), unsigned(data.size()));
        zipCloseFileInZip(zf);
    }

private slots:
    void idCardCheckDigit_data()
    {
        QTest::addColumn<QString>("id");
        QTest::addColumn<int>("problem");
        QTest::newRow("valid") << QStringLiteral("11010519491231002X") << int(IdCardNumber::Problem::None);
        QTest::newRow("valid lower x") << QStringLiteral("11010519491231002x") << int(IdCardNumber::Problem::None);
        QTest::newRow("valid digit") << QStringLiteral("440524198001010013") << int(IdCardNumber::Problem::None);
        QTest::newRow("wrong check") << QStringLiteral("110105194912310021") << int(IdCardNumber::Problem::CheckDigit);
        QTest::newRow("17 chars") << QStringLiteral("11010519491231002") << int(IdCardNumber::Problem::Length);
        QTest::newRow("letter inside") << QStringLiteral("1101051949123100AX") << int(IdCardNumber::Problem::Characters);
        QTest::newRow("feb 30") << QStringLiteral("110105194902300021") << int(IdCardNumber::Problem::BirthDate);
    }
    void idCardCheckDigit()
    {
        QFETCH(QString, id);
        QFETCH(int, problem);
        QCOMPARE(int(IdCardNumber::check(id)), problem);
    }

    void amounts_data()
    {
        QTest::addColumn<QString>("text");
        QTest::addColumn<int>("unit");
        QTest::addColumn<qint64>("fen"); // -1 = rejected
        const int yuan = int(ImportValue::AmountUnit::Yuan), wan = int(ImportValue::AmountUnit::TenThousandYuan);
        QTest::newRow("plain") << QStringLiteral("1234.56") << yuan << qint64(123456);
        QTest::newRow("thousands") << QStringLiteral("1,234,567.8") << yuan << qint64(123456780);
        QTest::newRow("full-width comma") << QStringLiteral("1，234") << yuan << qint64(123400);
        QTest::newRow("yen sign") << QStringLiteral("¥3,000") << yuan << qint64(300000);
        QTest::newRow("wan") << QStringLiteral("12.5万") << yuan << qint64(12500000);
        QTest::newRow("wan yuan") << QStringLiteral("3万元") << yuan << qint64(3000000);
        QTest::newRow("wan column") << QStringLiteral("61.2") << wan << qint64(61200000);
        QTest::newRow("excel float") << QStringLiteral("1234.5600000000002") << yuan << qint64(123456);
        QTest::newRow("three decimals") << QStringLiteral("1.234") << yuan << qint64(-1);
        QTest::newRow("negative") << QStringLiteral("-100") << yuan << qint64(-1);
        QTest::newRow("text") << QStringLiteral("abc") << yuan << qint64(-1);
        QTest::newRow("comma after point") << QStringLiteral("1.234,5") << yuan << qint64(-1);
        QTest::newRow("two points") << QStringLiteral("1.2.3") << yuan << qint64(-1);
        const int fen = int(ImportValue::AmountUnit::Fen);
        // One rule for marks (issue 14): ¥ and 元 say yuan, 万 says 10,000 yuan, whatever the column.
        QTest::newRow("yen in a fen column") << QStringLiteral("¥5,000") << fen << qint64(500000);
        QTest::newRow("yuan in a fen column") << QStringLiteral("5,000元") << fen << qint64(500000);
        QTest::newRow("wan in a fen column") << QStringLiteral("1.5万") << fen << qint64(1500000);
        QTest::newRow("separators in a fen column") << QStringLiteral("1,234") << fen << qint64(1234);
        QTest::newRow("decimals in a fen column") << QStringLiteral("1,234.50") << fen << qint64(-1);
        QTest::newRow("1,234.50") << QStringLiteral("1,234.50") << yuan << qint64(123450);
        QTest::newRow("groups of two") << QStringLiteral("12,34") << yuan << qint64(-1);
        QTest::newRow("group of four") << QStringLiteral("1,2345") << yuan << qint64(-1);
        QTest::newRow("european") << QStringLiteral("1.234,50") << yuan << qint64(-1);
    }
    void amounts()
    {
        QFETCH(QString, text);
        QFETCH(int, unit);
        QFETCH(qint64, fen);
        const auto v = ImportValue::amountFen(text, ImportValue::AmountUnit(unit));
        QCOMPARE(v.has_value() ? *v : qint64(-1), fen);
    }

    void dates_data()
    {
        QTest::addColumn<QString>("text");
        QTest::addColumn<QDate>("date"); // null = rejected
        QTest::newRow("iso") << QStringLiteral("2026-01-15") << QDate(2026, 1, 15);
        QTest::newRow("slashes") << QStringLiteral("2026/1/5") << QDate(2026, 1, 5);
        QTest::newRow("dots") << QStringLiteral("2026.01.05") << QDate(2026, 1, 5);
        QTest::newRow("compact") << QStringLiteral("20260105") << QDate(2026, 1, 5);
        QTest::newRow("chinese") << QStringLiteral("2026年1月5日") << QDate(2026, 1, 5);
        QTest::newRow("with time") << QStringLiteral("2026-01-05 00:00:00") << QDate(2026, 1, 5);
        // A serial day number is a date only in an .xlsx cell; in a CSV a small number is a mistake.
        QTest::newRow("excel serial in a CSV") << QStringLiteral("46037") << QDate();
        QTest::newRow("small number in a CSV") << QStringLiteral("12") << QDate();
        QTest::newRow("feb 30") << QStringLiteral("2026-02-30") << QDate();
        QTest::newRow("month 13") << QStringLiteral("2026/13/01") << QDate();
        QTest::newRow("us order") << QStringLiteral("01/15/2026") << QDate();
        QTest::newRow("text") << QStringLiteral("昨天") << QDate();
        QTest::newRow("serial fraction") << QStringLiteral("46037.5") << QDate();
    }
    void dates()
    {
        QFETCH(QString, text);
        QFETCH(QDate, date);
        const auto v = ImportValue::date(text);
        QCOMPARE(v.has_value() ? *v : QDate(), date);
    }
    void excelSerialsOnlyFromWorkbooks()
    {
        QCOMPARE(ImportValue::date(QStringLiteral("46037"), true), std::optional<QDate>(QDate(2026, 1, 15)));
        QCOMPARE(ImportValue::date(QStringLiteral("46037.0"), true), std::optional<QDate>(QDate(2026, 1, 15)));
        QVERIFY(!ImportValue::date(QStringLiteral("46037.5"), true));
    }
    void fifteenDigitIdNumbersBecomeEighteen()
    {
        // GB 11643: 19 before the birth year, the check character appended
        QCOMPARE(int(IdCardNumber::check(QStringLiteral("110105491231002"))), int(IdCardNumber::Problem::None));
        QCOMPARE(IdCardNumber::normalized(QStringLiteral("110105491231002")), QStringLiteral("11010519491231002X"));
        QCOMPARE(IdCardNumber::birthDate(QStringLiteral("110105491231002")), QDate(1949, 12, 31));
        QCOMPARE(int(IdCardNumber::check(QStringLiteral("110105491302002"))), int(IdCardNumber::Problem::BirthDate));
    }
    void exactColumnNameBeatsAnAlias()
    {
        // HQ's extract has open_date (a holding's) before opened_on (the customer's)
        const ImportMapping m = ImportMapping::guess({QStringLiteral("customer_no"), QStringLiteral("name"),
                                                      QStringLiteral("open_date"), QStringLiteral("opened_on")});
        QCOMPARE(m.columnOf(ImportMapping::OpenedOn), 3);
        QCOMPARE(m.columnOf(ImportMapping::OpenDate), 2);
        QVERIFY(m.ambiguous.empty());
        // Two equally good columns: neither is used, and it is said
        const ImportMapping two = ImportMapping::guess({QStringLiteral("客户号"), QStringLiteral("姓名"),
                                                        QStringLiteral("手机号码"), QStringLiteral("联系电话")});
        QCOMPARE(two.columnOf(ImportMapping::Phone), -1);
        QCOMPARE(int(two.ambiguous.size()), 1);
        QCOMPARE(two.ambiguous[0].field, ImportMapping::Phone);
        QCOMPARE(two.ambiguous[0].columns, (std::vector<int>{2, 3}));
    }
    void mappingFileAddsToRecognition()
    {
        // The file names one odd column; 客户号 and 姓名 are still recognised, under a title row
        const QString mapping = write(QStringLiteral("add.json"), QByteArray("{\"columns\": {\"余额（万）\": \"aum\"}}"));
        const QString csv = write(QStringLiteral("titled.csv"), QStringLiteral("城东支行客户,,\n客户号,姓名,余额（万）\n600001,张三,1.5\n").toUtf8());
        CustomerImport::Source s;
        QString error;
        QVERIFY2(CustomerImport::read(csv, &s, &error, ImportMapping::columnNames(mapping)), qPrintable(error));
        QCOMPARE(s.titleRows, 1);
        QCOMPARE(s.headerLine, 2);
        ImportMapping m;
        QVERIFY2(ImportMapping::load(mapping, s.header, &m, &error), qPrintable(error));
        QCOMPARE(m.columnOf(ImportMapping::CustomerNo), 0);
        QCOMPARE(m.columnOf(ImportMapping::Name), 1);
        QCOMPARE(m.columnOf(ImportMapping::Aum), 2);
        CustomerImport::Result r;
        QVERIFY(CustomerImport::validate(s, m, &r, {}, m_asOf));
        QCOMPARE(int(r.customers.size()), 1);
        QCOMPARE(r.customers[0].aumFen, qint64(1500000)); // 1.5万 yuan
    }

    void headerGuessesChineseAndEnglish()
    {
        const ImportMapping zh = ImportMapping::guess({QStringLiteral("客户号"), QStringLiteral("客户姓名"), QStringLiteral("手机号码"),
                                                       QStringLiteral("身份证号"), QStringLiteral("金融资产（万元）"),
                                                       QStringLiteral("备注")});
        QCOMPARE(zh.columns[0], ImportMapping::CustomerNo);
        QCOMPARE(zh.columns[1], ImportMapping::Name);
        QCOMPARE(zh.columns[2], ImportMapping::Phone);
        QCOMPARE(zh.columns[3], ImportMapping::IdNumber);
        QCOMPARE(zh.columns[4], ImportMapping::Aum);
        QCOMPARE(zh.units[4], ImportValue::AmountUnit::TenThousandYuan);
        QCOMPARE(zh.columns[5], ImportMapping::Ignore);
        const ImportMapping en = ImportMapping::guess({QStringLiteral("Customer No"), QStringLiteral("Name"),
                                                       QStringLiteral("aum_fen"), QStringLiteral("Date of Birth"),
                                                       QStringLiteral("RM")});
        QCOMPARE(en.columns[0], ImportMapping::CustomerNo);
        QCOMPARE(en.columns[2], ImportMapping::Aum);
        QCOMPARE(en.units[2], ImportValue::AmountUnit::Fen);
        QCOMPARE(en.columns[3], ImportMapping::BirthDate);
        QCOMPARE(en.columns[4], ImportMapping::RmId);
        QVERIFY(en.missingRequired().isEmpty());
    }

    void badRowsAreRejectedWithLineAndReason_data()
    {
        QTest::addColumn<QString>("row");
        QTest::addColumn<QString>("field");
        QTest::addColumn<QString>("reason"); // a part of the reason
        QTest::newRow("no customer no") << QStringLiteral(",张三,男,1980-05-17,13812345678,,1000") << QStringLiteral("customer_no") << QStringLiteral("missing");
        QTest::newRow("bad customer no") << QStringLiteral("60 01,张三,男,,,,1000") << QStringLiteral("customer_no") << QStringLiteral("letters");
        QTest::newRow("no name") << QStringLiteral("600001,,男,,,,1000") << QStringLiteral("name") << QStringLiteral("missing");
        QTest::newRow("bad gender") << QStringLiteral("600001,张三,X,,,,1000") << QStringLiteral("gender") << QStringLiteral("M/F");
        QTest::newRow("bad date") << QStringLiteral("600001,张三,男,1980-02-30,,,1000") << QStringLiteral("birth_date") << QStringLiteral("not a date");
        QTest::newRow("future date") << QStringLiteral("600001,张三,男,2030-01-01,,,1000") << QStringLiteral("birth_date") << QStringLiteral("future");
        QTest::newRow("bad phone") << QStringLiteral("600001,张三,男,,1381234567x,,1000") << QStringLiteral("phone") << QStringLiteral("mobile");
        QTest::newRow("id check digit") << QStringLiteral("600001,张三,男,,,110105194912310021,1000") << QStringLiteral("id_number") << QStringLiteral("check digit");
        QTest::newRow("id length") << QStringLiteral("600001,张三,男,,,11010519491231,1000") << QStringLiteral("id_number") << QStringLiteral("18");
        QTest::newRow("id vs birth date") << QStringLiteral("600001,张三,男,1950-01-01,,11010519491231002X,1000") << QStringLiteral("birth_date") << QStringLiteral("differs");
        QTest::newRow("amount text") << QStringLiteral("600001,张三,男,,,,一千") << QStringLiteral("aum") << QStringLiteral("not an amount");
        QTest::newRow("amount negative") << QStringLiteral("600001,张三,男,,,,-5") << QStringLiteral("aum") << QStringLiteral("not an amount");
        QTest::newRow("amount fractions of fen") << QStringLiteral("600001,张三,男,,,,\"1,000.001\"") << QStringLiteral("aum") << QStringLiteral("not an amount");
    }
    void badRowsAreRejectedWithLineAndReason()
    {
        QFETCH(QString, row);
        QFETCH(QString, field);
        QFETCH(QString, reason);
        const CustomerImport::Result r = validateRows({QStringLiteral("600000,好人,女,1990-01-01,13900000000,,\"1,000\""), row});
        QCOMPARE(int(r.customers.size()), 1);
        QCOMPARE(int(r.rejects.size()), 1);
        QCOMPARE(r.rejects[0].line, 3);
        QCOMPARE(r.rejects[0].field, field);
        QVERIFY2(r.rejects[0].reason.contains(reason), qPrintable(r.rejects[0].reason));
        // A rejected ID or phone number is never repeated in the reason.
        QVERIFY(!r.rejects[0].reason.contains(QStringLiteral("110105194912310021")));
        QVERIFY(!r.rejects[0].reason.contains(QStringLiteral("1381234567x")));
    }

    void goodRowValues()
    {
        const CustomerImport::Result r = validateRows(
            {QStringLiteral("600001,张三,男,,+86 138-1234-5678,11010519491231002x,12.5万")});
        QCOMPARE(int(r.rejects.size()), 0);
        const Customer &c = r.customers.at(0);
        QCOMPARE(c.phone, QStringLiteral("13812345678"));
        QCOMPARE(c.idNumber, QStringLiteral("11010519491231002X"));
        QCOMPARE(c.birthDate, QDate(1949, 12, 31)); // from the ID card
        QCOMPARE(c.aumFen, qint64(12500000));
        QCOMPARE(c.lastMonthAvgFen(), qint64(12500000)); // no average column: the balance stands in
        QCOMPARE(c.historyEndMonth, QStringLiteral("2026-10"));
    }

    void duplicateCustomerNumbers()
    {
        const CustomerImport::Result r = validateRows({QStringLiteral("600001,张三,男,,,,1000"),
                                                       QStringLiteral("600002,李四,男,,,,1000"),
                                                       QStringLiteral("600001,张三,男,,,,2000")});
        QCOMPARE(int(r.customers.size()), 2);
        QCOMPARE(int(r.rejects.size()), 1);
        QCOMPARE(r.rejects[0].line, 4);
        QVERIFY2(r.rejects[0].reason.contains(QStringLiteral("line 2")), qPrintable(r.rejects[0].reason));
    }

    void gbkCsvWithoutBom()
    {
        const QString text = QStringLiteral("客户号,姓名,性别,手机号码,金融资产(元)\r\n600001,张三,男,13812345678,\"45,000\"\r\n"
                                            "600002,欧阳娜娜,女,13900005678,3.2万\r\n");
        const QByteArray gbk = TextDecoding::encodeGbk(text);
        QVERIFY(!gbk.isEmpty());
        QVERIFY(gbk != text.toUtf8());
        QCOMPARE(TextDecoding::detect(gbk), TextDecoding::Encoding::Gbk);
        CustomerImport::Source s;
        QString error;
        QVERIFY2(CustomerImport::read(write(QStringLiteral("gbk.csv"), gbk), &s, &error), qPrintable(error));
        QCOMPARE(s.encoding, QStringLiteral("GBK"));
        QCOMPARE(s.header.at(1), QStringLiteral("姓名"));
        CustomerImport::Result r;
        QVERIFY(CustomerImport::validate(s, ImportMapping::guess(s.header), &r, {}, m_asOf));
        QCOMPARE(int(r.rejects.size()), 0);
        QCOMPARE(r.customers.at(1).name, QStringLiteral("欧阳娜娜"));
        QCOMPARE(r.customers.at(1).gender, Customer::Gender::Female);
        QCOMPARE(r.customers.at(0).aumFen, qint64(4500000));
        QCOMPARE(r.customers.at(1).aumFen, qint64(3200000));
    }

    void utf8WithBom()
    {
        CustomerImport::Source s;
        QString error;
        QVERIFY(CustomerImport::read(write(QStringLiteral("bom.csv"),
                                           QByteArray("\xEF\xBB\xBF") + QStringLiteral("客户号,姓名\n600001,张三\n").toUtf8()),
                                     &s, &error));
        QCOMPARE(s.encoding, QStringLiteral("UTF-8 (BOM)"));
        QCOMPARE(s.header.at(0), QStringLiteral("客户号")); // no BOM stuck to the first header
        QCOMPARE(s.rows.at(0).line, 2);
    }

    void xlsxWithSharedInlineStringsAndSerialDates()
    {
        // A workbook made by hand, as Excel lays it out: shared strings, one inline string,
        // a customer number stored as a number, a date cell as a serial number, a gap column.
        const QString path = m_dir.filePath(QStringLiteral("list.xlsx"));
        zipFile zf = zipOpen(QFile::encodeName(path).constData(), APPEND_STATUS_CREATE);
        QVERIFY(zf);
        addZipEntry(zf, "[Content_Types].xml", "<?xml version=\"1.0\"?><Types xmlns=\"http://schemas.openxmlformats.org/package/2006/content-types\"/>");
        addZipEntry(zf, "xl/workbook.xml",
                    "<?xml version=\"1.0\"?><workbook xmlns=\"http://schemas.openxmlformats.org/spreadsheetml/2006/main\" "
                    "xmlns:r=\"http://schemas.openxmlformats.org/officeDocument/2006/relationships\"><sheets>"
                    "<sheet name=\"客户\" sheetId=\"1\" r:id=\"rId1\"/></sheets></workbook>");
        addZipEntry(zf, "xl/_rels/workbook.xml.rels",
                    "<?xml version=\"1.0\"?><Relationships xmlns=\"http://schemas.openxmlformats.org/package/2006/relationships\">"
                    "<Relationship Id=\"rId1\" Type=\"http://schemas.openxmlformats.org/officeDocument/2006/relationships/worksheet\" "
                    "Target=\"worksheets/customers.xml\"/></Relationships>");
        addZipEntry(zf, "xl/sharedStrings.xml",
                    QStringLiteral("<?xml version=\"1.0\"?><sst xmlns=\"http://schemas.openxmlformats.org/spreadsheetml/2006/main\">"
                                   "<si><t>客户号</t></si><si><t>姓名</t></si><si><t>开户日期</t></si><si><t>资产(万元)</t></si>"
                                   "<si><r><t>张</t></r><r><t>三</t></r><rPh><t>zhang</t></rPh></si><si><t>备注</t></si></sst>")
                        .toUtf8());
        addZipEntry(zf, "xl/worksheets/customers.xml",
                    QStringLiteral("<?xml version=\"1.0\"?><worksheet xmlns=\"http://schemas.openxmlformats.org/spreadsheetml/2006/main\"><sheetData>"
                                   "<row r=\"1\"><c r=\"A1\" t=\"s\"><v>0</v></c><c r=\"B1\" t=\"s\"><v>1</v></c><c r=\"C1\" t=\"s\"><v>2</v></c>"
                                   "<c r=\"D1\" t=\"s\"><v>3</v></c><c r=\"F1\" t=\"s\"><v>5</v></c></row>"
                                   "<row r=\"2\"><c r=\"A2\"><v>600000000001</v></c><c r=\"B2\" t=\"s\"><v>4</v></c>"
                                   "<c r=\"C2\" s=\"1\"><v>46037</v></c><c r=\"D2\"><v>61.2</v></c></row>"
                                   "<row r=\"4\"><c r=\"A4\" t=\"inlineStr\"><is><t>600000000002</t></is></c>"
                                   "<c r=\"B4\" t=\"inlineStr\"><is><t>李四</t></is></c><c r=\"C4\" t=\"inlineStr\"><is><t>2026-02-30</t></is></c></row>"
                                   "<row r=\"5\"><c r=\"A5\"><f>A2+2</f><v>6.00000000003E+11</v></c>"
                                   "<c r=\"B5\" t=\"inlineStr\"><is><t>王五</t></is></c><c r=\"D5\"><v>1.5</v></c></row>"
                                   "</sheetData></worksheet>")
                        .toUtf8());
        QCOMPARE(zipClose(zf, nullptr), ZIP_OK);

        CustomerImport::Source s;
        QString error;
        QVERIFY2(CustomerImport::read(path, &s, &error), qPrintable(error));
        QCOMPARE(s.format, QStringLiteral("xlsx"));
        QCOMPARE(s.header, (QStringList{QStringLiteral("客户号"), QStringLiteral("姓名"), QStringLiteral("开户日期"),
                                         QStringLiteral("资产(万元)"), QString(), QStringLiteral("备注")}));
        QCOMPARE(int(s.rows.size()), 3);
        QCOMPARE(s.rows[1].line, 4); // the sheet's own row number, with the gap
        CustomerImport::Result r;
        QVERIFY(CustomerImport::validate(s, ImportMapping::guess(s.header), &r, {}, m_asOf));
        QCOMPARE(int(r.customers.size()), 2);
        QCOMPARE(r.customers[0].customerNo, QStringLiteral("600000000001"));
        QCOMPARE(r.customers[0].name, QStringLiteral("张三")); // rich text runs, without the phonetic run
        QCOMPARE(r.customers[0].openedOn, QDate(2026, 1, 15)); // serial 46037
        QCOMPARE(r.customers[0].aumFen, qint64(61200000));      // 61.2 万
        QCOMPARE(r.customers[1].customerNo, QStringLiteral("600000000003")); // a numeric formula result in E notation
        QCOMPARE(int(r.rejects.size()), 1);
        QCOMPARE(r.rejects[0].line, 4);
        QCOMPARE(r.rejects[0].field, QStringLiteral("opened_on"));
    }

    void damagedFilesFailCleanly()
    {
        // Every truncation and a sweep of flipped bytes of a real workbook, and of a CSV: the
        // reader either reads or says why, never crashes or hangs (the fuzz targets go further).
        ExportTable t;
        t.listName = QStringLiteral("x");
        t.headers = {QStringLiteral("客户号"), QStringLiteral("姓名")};
        t.personal = {PersonalField::None, PersonalField::None};
        for (int i = 0; i < 50; ++i)
            t.rows.push_back({QStringLiteral("6000000000%1").arg(i, 2, 10, QLatin1Char('0')), QStringLiteral("客户%1").arg(i)});
        const QString good = m_dir.filePath(QStringLiteral("good.xlsx"));
        QString error;
        QCOMPARE(TableExporter::write(t, good, {TableExporter::Format::Xlsx, false}, &error), TableExporter::Result::Written);
        QFile f(good);
        QVERIFY(f.open(QIODevice::ReadOnly));
        const QByteArray bytes = f.readAll();
        int readOk = 0, refused = 0;
        auto attempt = [&](const QByteArray &data, const char *suffix) {
            const QString path = write(QStringLiteral("damaged.") + QLatin1String(suffix), data);
            CustomerImport::Source s;
            QString e;
            if (CustomerImport::read(path, &s, &e)) {
                ++readOk;
            } else {
                ++refused;
                QVERIFY2(e.contains(QStringLiteral("damaged.")), qPrintable(e));
            }
        };
        for (int cut = 0; cut < bytes.size(); cut += qMax(1, int(bytes.size() / 97)))
            attempt(bytes.left(cut), "xlsx");
        for (int at = 0; at < bytes.size(); at += 13) {
            QByteArray flipped = bytes;
            flipped[at] = char(flipped[at] ^ 0x5A);
            attempt(flipped, "xlsx");
        }
        const QByteArray csv = QStringLiteral("客户号,姓名\n\"600001,\"\"张\"\"三\n600002,李四\n").toUtf8();
        for (int cut = 0; cut <= csv.size(); ++cut)
            attempt(csv.left(cut), "csv");
        QVERIFY(refused > 0);
        QVERIFY(readOk > 0);
    }

    void notAnXlsxSaysSo()
    {
        const QString path = write(QStringLiteral("broken.xlsx"), QByteArray("PK\x03\x04garbage"));
        CustomerImport::Source s;
        QString error;
        QVERIFY(!CustomerImport::read(path, &s, &error));
        QVERIFY2(error.contains(QStringLiteral("broken.xlsx")), qPrintable(error));
    }

    void oldXlsSaysWhatToDo()
    {
        const QString path = write(QStringLiteral("old.xls"), QByteArray("\xD0\xCF\x11\xE0\xA1\xB1\x1A\xE1rest", 12));
        CustomerImport::Source s;
        QString error;
        QVERIFY(!CustomerImport::read(path, &s, &error));
        QVERIFY2(error.contains(QStringLiteral("old.xls")) && error.contains(QStringLiteral(".xlsx")), qPrintable(error));
    }

    void importWritesGoodRowsAndRejects()
    {
        // Given a store with one customer already there,
        Database db = store();
        BranchData data = TestSupport::smallBranch();
        BranchRepository(db).replaceAll(data);
        const QString csv = write(QStringLiteral("import.csv"),
                                  QStringLiteral("客户号,姓名,手机号码,金融资产(元),客户经理\n"
                                                 "600000000001,张三,13812345678,99000,RM02\n" // existing: updated
                                                 "700000000001,新客户,13700000000,\"1,000\",RM01\n"
                                                 "700000000002,坏号码,12345,100,RM01\n"
                                                 "700000000003,另一位,,2万,\n")
                                      .toUtf8());
        // When it is imported,
        CustomerImportJob::Options options;
        options.file = csv;
        options.staffId = QStringLiteral("MGR01");
        options.asOf = m_asOf;
        CustomerImportJob::Summary summary;
        QString error;
        QCOMPARE(CustomerImportJob::run(db, options, &summary, &error), CustomerImportJob::Result::Done);
        // Then the good rows are in, the existing customer keeps what the file did not name,
        QCOMPARE(summary.rows, 4);
        QCOMPARE(summary.inserted, 2);
        QCOMPARE(summary.updated, 1);
        QCOMPARE(summary.rejected, 1);
        BranchData after;
        BranchRepository(db).loadAll(&after);
        QCOMPARE(int(after.customers.size()), 8);
        for (const Customer &c : after.customers) {
            if (c.customerNo == QLatin1String("600000000001")) {
                QCOMPARE(c.aumFen, qint64(9900000));
                QCOMPARE(c.rmId, QStringLiteral("RM02"));
                QCOMPARE(c.idNumber, QStringLiteral("110101198005171234")); // not in the file: kept
                QCOMPARE(c.birthDate, QDate(1980, 5, 17));
            } else if (c.customerNo == QLatin1String("700000000003")) {
                QCOMPARE(c.aumFen, qint64(2000000));
                QVERIFY(c.rmId.isEmpty());
            }
        }
        // the rejects file says where and why,
        QFile rejects(summary.rejectsPath);
        QVERIFY(rejects.open(QIODevice::ReadOnly));
        const QStringList lines = QString::fromUtf8(rejects.readAll().mid(3)).split(QStringLiteral("\r\n"), Qt::SkipEmptyParts);
        QCOMPARE(lines.size(), 3); // the personal-data notice, the header, one reject
        QVERIFY2(lines[0].contains(QStringLiteral("personal data")), qPrintable(lines[0]));
        QVERIFY2(lines[2].startsWith(QStringLiteral("4,phone,")), qPrintable(lines[2]));
        QVERIFY(lines[2].endsWith(QStringLiteral("700000000002,坏号码,12345,100,RM01")));
        // and the audit trail has the import, with counts and no personal data.
        const auto entries = AuditLog(db).entries();
        QCOMPARE(entries.back().event, QStringLiteral("import"));
        QCOMPARE(entries.back().staffId, QStringLiteral("MGR01"));
        QVERIFY(entries.back().detail.contains(QStringLiteral("inserted=2 updated=1 rejected=1")));
        QVERIFY(!entries.back().detail.contains(QStringLiteral("张三")));
    }

    void cancelledImportLeavesTheStoreAsItWas()
    {
        Database db = store();
        BranchRepository(db).replaceAll(TestSupport::smallBranch());
        QString text = QStringLiteral("客户号,姓名\n");
        for (int i = 0; i < 12000; ++i)
            text += QStringLiteral("8%1,客户%1\n").arg(i, 11, 10, QLatin1Char('0'));
        CustomerImportJob::Options options;
        options.file = write(QStringLiteral("big.csv"), text.toUtf8());
        options.asOf = m_asOf;
        CustomerImportJob::Summary summary;
        QString error;
        QCOMPARE(CustomerImportJob::run(db, options, &summary, &error, [](int done, int) { return done < 9000; }),
                 CustomerImportJob::Result::Cancelled);
        QCOMPARE(BranchRepository(db).customerCount(), 6);
    }

    void missingRequiredColumnSaysWhich()
    {
        Database db = store();
        CustomerImportJob::Options options;
        options.file = write(QStringLiteral("noname.csv"), QByteArray("customer_no,phone\n600001,13812345678\n"));
        CustomerImportJob::Summary summary;
        QString error;
        QCOMPARE(CustomerImportJob::run(db, options, &summary, &error), CustomerImportJob::Result::Failed);
        QVERIFY2(error.contains(QStringLiteral("noname.csv")) && error.contains(QStringLiteral("line 1"))
                     && error.contains(QStringLiteral("Name")),
                 qPrintable(error));
    }

    void mappingFile()
    {
        const QStringList header{QStringLiteral("编号"), QStringLiteral("称呼"), QStringLiteral("余额")};
        const QString path = write(QStringLiteral("mapping.json"),
                                   QStringLiteral("{\"columns\": {\"编号\": \"customer_no\", \"称呼\": \"name\", \"余额\": \"aum\"},"
                                                  " \"amount_units\": {\"余额\": \"wan\"}}")
                                       .toUtf8());
        ImportMapping m;
        QString error;
        QVERIFY2(ImportMapping::load(path, header, &m, &error), qPrintable(error));
        QCOMPARE(m.columnOf(ImportMapping::CustomerNo), 0);
        QCOMPARE(m.columnOf(ImportMapping::Aum), 2);
        QCOMPARE(m.units[2], ImportValue::AmountUnit::TenThousandYuan);
        // What the wizard saves, the CLI reads back the same.
        const QString saved = m_dir.filePath(QStringLiteral("saved.json"));
        QVERIFY2(m.save(saved, header, &error), qPrintable(error));
        ImportMapping again;
        QVERIFY2(ImportMapping::load(saved, header, &again, &error), qPrintable(error));
        QCOMPARE(again.columns, m.columns);
        QCOMPARE(again.units[2], ImportValue::AmountUnit::TenThousandYuan);
        const QString bad = write(QStringLiteral("bad.json"), QByteArray("{\"columns\": {\"编号\": \"shoe_size\"}}"));
        QVERIFY(!ImportMapping::load(bad, header, &m, &error));
        QVERIFY2(error.contains(QStringLiteral("shoe_size")) && error.contains(QStringLiteral("bad.json")), qPrintable(error));
    }
};

const QString TestCustomerImport::kHeader = QStringLiteral("客户号,姓名,性别,出生日期,手机号码,身份证号码,金融资产");

QTEST_GUILESS_MAIN(TestCustomerImport)
#include "tst_customerimport.moc"
