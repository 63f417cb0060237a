// Issue 19: HQ's import reads a CSV extract with a line scanner that writes the payloads itself,
// and loads a new branch straight into `record`. Both must give exactly what the row-by-row
// reader and the stage path give for the same file: the same rows, errors, payloads, digests,
// scopes and owners, and the same numbering by record type.
#include "hqfixture.h"

#include "domain/demogenerator.h"
#include "domain/extractcsv.h"
#include "extractimporter.h"
#include "extractsource.h"
#include "pgconnection.h"

#include <QtTest>

namespace {

const QStringList kHeader = ExtractCsv::header();

QString csvField(const QString &s)
{
    if (!s.contains(QLatin1Char(',')) && !s.contains(QLatin1Char('"')) && !s.contains(QLatin1Char('\n')))
        return s;
    return QLatin1Char('"') + QString(s).replace(QLatin1String("\""), QLatin1String("\"\"")) + QLatin1Char('"');
}

// One extract line from column values (the rest empty).
QString line(const QMap<QString, QString> &values)
{
    QStringList cells;
    for (const QString &c : kHeader)
        cells << csvField(values.value(c));
    return cells.join(QLatin1Char(',')) + QLatin1Char('\n');
}

QMap<QString, QString> values(std::initializer_list<std::pair<const char *, const char *>> pairs)
{
    QMap<QString, QString> m;
    for (const auto &[key, value] : pairs)
        m.insert(QString::fromUtf8(key), QString::fromUtf8(value));
    return m;
}

QMap<QString, QString> customer(const QString &no, const QString &rm)
{
    QMap<QString, QString> m = values({{"record_type", "customer"}, {"name", "王小明"}, {"aum_fen", "123456"},
                                       {"birth_date", "1980-02-29"}, {"phone", "13800138000"}});
    m.insert(QStringLiteral("customer_no"), no);
    m.insert(QStringLiteral("rm_id"), rm);
    return m;
}

QMap<QString, QString> holding(const QString &id, const QString &customerNo)
{
    QMap<QString, QString> m = values({{"record_type", "holding"}, {"product_type", "time_deposit"}, {"product_name", "定期"},
                                       {"amount_fen", "500000"}, {"open_date", "2025-01-01"}});
    m.insert(QStringLiteral("holding_id"), id);
    m.insert(QStringLiteral("customer_no"), customerNo);
    return m;
}

// Rows whose values the line scanner must write as ExtractRecords does, or hand over to it.
QString oddRows()
{
    QString s;
    auto c = customer(QStringLiteral("C8800001"), QStringLiteral("RM01"));
    c[QStringLiteral("name")] = QStringLiteral("  \u3000张\"三\", 先生\u3000 ");
    c[QStringLiteral("address")] = QStringLiteral("北京\\路\t1号 \u0001 \u007f");
    c[QStringLiteral("birth_date")] = QStringLiteral("1980/2/3");
    s += line(c);
    c = customer(QStringLiteral("C8800002"), QString());
    c[QStringLiteral("aum_fen")] = QStringLiteral("1,234");
    c[QStringLiteral("aum_hist")] = QStringLiteral("1;;-2;3");
    c[QStringLiteral("aum_hist_end")] = QStringLiteral("2026-10");
    c[QStringLiteral("id_number")] = QStringLiteral("11010519491231002X");
    c[QStringLiteral("phone")] = QStringLiteral("010-62345678");
    c[QStringLiteral("gender")] = QStringLiteral("F");
    c[QStringLiteral("payroll")] = QStringLiteral("1");
    s += line(c);
    c = customer(QStringLiteral("C8800003"), QStringLiteral("RM02"));
    c[QStringLiteral("id_number")] = QStringLiteral("110105491231002");
    c[QStringLiteral("phone")] = QStringLiteral("075512345678");
    c[QStringLiteral("txn_90d")] = QStringLiteral("999999999999999");
    s += line(c);
    // Only plain values, so the line scanner writes this one itself: escapes in JSON.
    c = customer(QStringLiteral("C8800006"), QStringLiteral("RM01"));
    c[QStringLiteral("address")] = QStringLiteral(" 上海\\路\t2号\u0008\u000c\u001f\u007f \"座\" ");
    c[QStringLiteral("occupation")] = QStringLiteral("\u3000教师\u00a0");
    s += line(c);
    // A holding before its customer, and one whose status is left empty.
    auto h = holding(QStringLiteral("H8800004"), QStringLiteral("C8800004"));
    h[QStringLiteral("status")] = QString();
    s += line(h);
    s += line(customer(QStringLiteral("C8800004"), QStringLiteral("RM02")));
    s += QStringLiteral(",,, ,\r\n\n");
    h = holding(QStringLiteral("H8800005"), QStringLiteral("C8800001"));
    h[QStringLiteral("maturity_date")] = QStringLiteral("20270101");
    h[QStringLiteral("product_name")] = QStringLiteral("\"理财\"一号");
    s += line(h).replace(QLatin1Char('\n'), QLatin1String("\r\n"));
    return s;
}

QByteArray extract(int customers, const QString &extra)
{
    BranchData branch;
    if (!DemoGenerator::generate({customers, 11, QDate(2026, 11, 23)}, &branch))
        return {};
    QBuffer buf;
    buf.open(QIODevice::WriteOnly);
    QString error;
    if (!ExtractCsv::write(branch, &buf, &error))
        return {};
    return buf.data() + extra.toUtf8();
}

// Every row as the source hands it over, one line of text each.
QStringList rows(ExtractSource &source, bool slow, ExtractSource::Read *read)
{
    QStringList out;
    *read = source.read(slow, [&](ExtractChunk &c) {
        for (const ExtractRow &r : c.rows) {
            if (r.error >= 0) {
                out << QStringLiteral("%1 error %2").arg(r.line).arg(c.errors.at(r.error));
                continue;
            }
            out << QStringLiteral("%1 %2 %3|%4|%5|%6|%7")
                       .arg(r.line)
                       .arg(r.rank)
                       .arg(QString::fromUtf8(c.text(r.id, r.idLen)), QString::fromUtf8(c.text(r.customer, r.customerLen)),
                            QString::fromUtf8(c.text(r.rm, r.rmLen)), QString::fromLatin1(r.digest.data(), 64),
                            QString::fromUtf8(c.text(r.payload, r.payloadLen)));
        }
    });
    return out;
}

} // namespace

class TestImportFastPath : public QObject
{
    Q_OBJECT

private:
    HqFixture m_hq;
    QTemporaryDir m_dir;

    QString write(const QString &name, const QByteArray &bytes)
    {
        QFile f(m_dir.filePath(name));
        if (!f.open(QIODevice::WriteOnly) || f.write(bytes) != bytes.size())
            return {};
        return f.fileName();
    }
    // The branch's records and owners as text, numbers relative to the branch's first.
    QStringList branchRows(PgConnection &pg, const QString &branch)
    {
        QStringList out;
        const PgResult r = pg.exec(
            "SELECT entity, record_id, deleted, digest, payload::text, origin, coalesce(scope, 'NULL'),"
            "  (SELECT min(seq) FROM record m WHERE m.branch_id = r.branch_id AND m.entity = r.entity)"
            "   - (SELECT min(seq) FROM record m WHERE m.branch_id = r.branch_id),"
            "  (SELECT max(seq) FROM record m WHERE m.branch_id = r.branch_id AND m.entity = r.entity)"
            "   - (SELECT min(seq) FROM record m WHERE m.branch_id = r.branch_id)"
            " FROM record r WHERE branch_id = $1 AND origin = 'hq' ORDER BY entity, record_id",
            {branch});
        for (int i = 0; i < r.rows(); ++i) {
            QStringList cells;
            for (int col = 0; col < 9; ++col)
                cells << r.text(i, col);
            out << cells.join(QLatin1Char('|'));
        }
        const PgResult o = pg.exec("SELECT customer_no, rm_id FROM customer_owner WHERE branch_id = $1 ORDER BY 1", {branch});
        for (int i = 0; i < o.rows(); ++i)
            out << QStringLiteral("owner %1 %2").arg(o.text(i, 0), o.text(i, 1));
        out << QString::number(pg.exec("SELECT count(DISTINCT seq) - count(*) FROM record WHERE branch_id = $1", {branch})
                                   .int64(0, 0));
        return out;
    }

private slots:
    void initTestCase() { QVERIFY2(m_hq.start(), qPrintable(m_hq.lastError())); }
    void cleanupTestCase() { m_hq.stop(); }

    // The line scanner and the row-by-row reader hand over the same rows, errors included.
    void theLineScannerReadsAsTheRowReaderDoes()
    {
        auto bad = customer(QStringLiteral("C8800009"), QStringLiteral("RM01"));
        bad[QStringLiteral("birth_date")] = QStringLiteral("1980-02-30");
        const QString path = write(QStringLiteral("odd.csv"), extract(1600, oddRows() + line(bad) + line(customer(
                                                                   QStringLiteral("C8800004"), QString()))));
        ExtractSource source;
        QString error;
        QVERIFY2(source.open(path, &error), qPrintable(error));
        ExtractSource::Read read;
        const QStringList fast = rows(source, false, &read);
        QCOMPARE(read, ExtractSource::Read::Done);
        const QStringList slow = rows(source, true, &read);
        QCOMPARE(fast.size(), slow.size());
        for (qsizetype i = 0; i < fast.size(); ++i)
            QCOMPARE(fast.at(i), slow.at(i));
        QVERIFY(fast.size() > 1000);
        QCOMPARE(source.countTypes()[1], qint64(1600 + 7));
    }

    // A field over two lines: the line scanner gives up and the row reader reads the file.
    void aFieldOverTwoLinesIsLeftToTheRowReader()
    {
        auto c = customer(QStringLiteral("C8800001"), QStringLiteral("RM01"));
        c[QStringLiteral("address")] = QStringLiteral("第一行\n第二行");
        const QString path = write(QStringLiteral("multiline.csv"), extract(50, line(c)));
        ExtractSource source;
        QString error;
        QVERIFY2(source.open(path, &error), qPrintable(error));
        ExtractSource::Read read;
        rows(source, false, &read);
        QCOMPARE(read, ExtractSource::Read::Unsupported);
        const QStringList slow = rows(source, true, &read);
        QVERIFY(slow.last().contains(QStringLiteral("第一行")) && slow.last().contains(QStringLiteral("第二行")));
    }

    // A new branch loaded straight into `record` holds what the stage path writes, and a
    // re-import of the same file over it finds nothing changed.
    void aNewBranchLoadedDirectlyEqualsTheStagePath()
    {
        const QString path = write(QStringLiteral("branch.csv"), extract(500, oddRows()));
        PgConnection pg(m_hq.conninfo());
        ExtractImporter::Options viaStage;
        viaStage.direct = false;
        const ExtractImporter::Report staged = ExtractImporter(pg).import(QStringLiteral("STAGE01"), path, viaStage);
        QVERIFY2(staged.ok, qPrintable(staged.error + staged.rowErrors.join(QLatin1Char('\n'))));
        QVERIFY(!staged.direct);
        const ExtractImporter::Report direct = ExtractImporter(pg).import(QStringLiteral("DIRECT1"), path);
        QVERIFY2(direct.ok, qPrintable(direct.error));
        QVERIFY(direct.direct);
        QCOMPARE(direct.summary(), staged.summary());
        QCOMPARE(direct.lastSeq, staged.lastSeq);
        QString out; // and the real binary, which takes the direct path too
        QVERIFY2(m_hq.hq({QStringLiteral("import"), QStringLiteral("--branch"), QStringLiteral("DIRECT2"), path}, {}, &out),
                 qPrintable(m_hq.lastError()));
        const QStringList expected = branchRows(pg, QStringLiteral("STAGE01"));
        QVERIFY(expected.size() > 1500);
        for (const char *branch : {"DIRECT1", "DIRECT2"}) {
            const QStringList got = branchRows(pg, QLatin1String(branch));
            QCOMPARE(got.size(), expected.size());
            for (qsizetype i = 0; i < got.size(); ++i)
                QCOMPARE(got.at(i), expected.at(i));
        }
        QCOMPARE(pg.exec("SELECT count(*) FROM branch WHERE branch_id LIKE 'DIRECT%' AND scoped_through <> last_seq").int64(0, 0),
                 qint64(0));
        QVERIFY2(m_hq.hq({QStringLiteral("import"), QStringLiteral("--branch"), QStringLiteral("DIRECT2"), path}, {}, &out),
                 qPrintable(m_hq.lastError()));
        QVERIFY2(out.contains(QStringLiteral(" changed 0 unchanged ")), qPrintable(out));
    }

    // A bad row in a new branch's file: every bad row reported, nothing stored.
    void aBadRowLeavesTheNewBranchEmpty()
    {
        auto bad = customer(QStringLiteral("C8800009"), QStringLiteral("RM01"));
        bad[QStringLiteral("gender")] = QStringLiteral("X");
        const QString twice = line(customer(QStringLiteral("C8800010"), QStringLiteral("RM01")));
        const QString path = write(QStringLiteral("bad.csv"), extract(200, line(bad) + twice + twice));
        PgConnection pg(m_hq.conninfo());
        const ExtractImporter::Report r = ExtractImporter(pg).import(QStringLiteral("BAD0001"), path);
        QVERIFY(!r.ok);
        QCOMPARE(r.rowErrors.size(), 2); // the bad gender, and a customer twice
        QVERIFY2(r.rowErrors.at(1).contains(QStringLiteral("appears twice")), qPrintable(r.rowErrors.join(QLatin1Char('\n'))));
        QCOMPARE(pg.exec("SELECT count(*) FROM record WHERE branch_id = 'BAD0001'").int64(0, 0), qint64(0));
        QCOMPARE(pg.exec("SELECT count(*) FROM customer_owner WHERE branch_id = 'BAD0001'").int64(0, 0), qint64(0));
    }
};

QTEST_GUILESS_MAIN(TestImportFastPath)
#include "tst_importfastpath.moc"
