#include "session/callsheet.h"

#include <QProcess>
#include <QTemporaryDir>
#include <QtTest>

// The call sheet PDF: one page per 30 customers, the RM's name and branch in
// the header, the Chinese font embedded. Read back with poppler-utils.
class TestCallSheet : public QObject
{
    Q_OBJECT

private:
    QTemporaryDir m_dir;

    static QString run(const QString &program, const QStringList &args)
    {
        QProcess p;
        p.start(program, args);
        if (!p.waitForFinished(60000))
            return {};
        return QString::fromUtf8(p.readAllStandardOutput());
    }
    static std::vector<CallSheet::Entry> entries(int n)
    {
        std::vector<CallSheet::Entry> out;
        for (int i = 0; i < n; ++i) {
            out.push_back({QStringLiteral("6000000%1").arg(i, 5, 10, QLatin1Char('0')), QStringLiteral("张*"),
                           QStringLiteral("138****5678"), QStringLiteral("T-7 告知到期"),
                           QStringLiteral("定期存款 50.00万 12月1日到期"), QStringLiteral("电话")});
        }
        return out;
    }

private slots:
    void initTestCase()
    {
        // KEEP_TEST_FILES=1 keeps the PDFs to look at.
        if (qEnvironmentVariableIsSet("KEEP_TEST_FILES")) {
            m_dir.setAutoRemove(false);
            qInfo("PDFs in %s", qPrintable(m_dir.path()));
        }
    }

    void pagesFollowTheCount_data()
    {
        QTest::addColumn<int>("customers");
        QTest::addColumn<int>("pages");
        QTest::newRow("none") << 0 << 1;
        QTest::newRow("one") << 1 << 1;
        QTest::newRow("a full page") << 30 << 1;
        QTest::newRow("one more") << 31 << 2;
        QTest::newRow("65") << 65 << 3;
    }
    void pagesFollowTheCount()
    {
        QFETCH(int, customers);
        QFETCH(int, pages);
        QCOMPARE(CallSheet::pageCount(customers), pages);
        const QString path = m_dir.filePath(QStringLiteral("sheet%1.pdf").arg(customers));
        QString error;
        QVERIFY2(CallSheet::writePdf(path, {QStringLiteral("测试支行"), QStringLiteral("周经理"), QDate(2026, 11, 23)},
                                     entries(customers), &error),
                 qPrintable(error));
        const QString info = run(QStringLiteral("pdfinfo"), {path});
        QVERIFY2(info.contains(QRegularExpression(QStringLiteral("Pages:\\s+%1\\n").arg(pages))), qPrintable(info));
    }

    void headerAndRowsAreText()
    {
        const QString path = m_dir.filePath(QStringLiteral("text.pdf"));
        QString error;
        QVERIFY(CallSheet::writePdf(path, {QStringLiteral("测试支行"), QStringLiteral("周经理"), QDate(2026, 11, 23)},
                                    entries(31), &error));
        // NFKC: Qt's PDF text map names a few Noto CJK glyphs by their Kangxi-radical twin
        // (⽀ U+2F40 for 支); printed they are the same glyph, normalised the same text.
        const QString text = run(QStringLiteral("pdftotext"), {QStringLiteral("-layout"), path, QStringLiteral("-")})
                                 .normalized(QString::NormalizationForm_KC);
        // The RM's name and the branch on every page (pages are separated by form feeds).
        const QStringList pages = text.split(QLatin1Char('\f'), Qt::SkipEmptyParts);
        QCOMPARE(pages.size(), 2);
        for (const QString &page : pages) {
            QVERIFY2(page.contains(QStringLiteral("周经理")), qPrintable(page.left(300)));
            QVERIFY2(page.contains(QStringLiteral("测试支行")), qPrintable(page.left(400)));
        }
        QVERIFY(pages[0].contains(QStringLiteral("600000000029")));
        QVERIFY(!pages[0].contains(QStringLiteral("600000000030")));
        QVERIFY(pages[1].contains(QStringLiteral("600000000030")));
        QVERIFY2(pages[0].contains(QStringLiteral("Nov 23, 2026")) || pages[0].contains(QStringLiteral("2026年11月23日")),
                 qPrintable(pages[0].left(200)));
        QVERIFY(pages[0].contains(QStringLiteral("T-7")));
        QVERIFY(pages[1].contains(QStringLiteral("Page 2 of 2")));
        QVERIFY(text.contains(QStringLiteral("138****5678")));
        QVERIFY(text.contains(QStringLiteral("12月1日到期")));
    }

    void oneSheetPerRm()
    {
        // A manager's Today page with two RMs: each RM starts a new page with their name.
        const QString path = m_dir.filePath(QStringLiteral("two.pdf"));
        QString error;
        const std::vector<CallSheet::Sheet> sheets = {
            {{QStringLiteral("测试支行"), QStringLiteral("周经理"), QDate(2026, 11, 23)}, entries(31)},
            {{QStringLiteral("测试支行"), QStringLiteral("吴经理"), QDate(2026, 11, 23)}, entries(5)},
        };
        QCOMPARE(CallSheet::pageCount(sheets), 3);
        QVERIFY2(CallSheet::writePdf(path, sheets, &error), qPrintable(error));
        const QStringList pages = run(QStringLiteral("pdftotext"), {QStringLiteral("-layout"), path, QStringLiteral("-")})
                                      .normalized(QString::NormalizationForm_KC)
                                      .split(QLatin1Char('\f'), Qt::SkipEmptyParts);
        QCOMPARE(pages.size(), 3);
        QVERIFY(pages[0].contains(QStringLiteral("周经理")) && !pages[0].contains(QStringLiteral("吴经理")));
        QVERIFY(pages[1].contains(QStringLiteral("周经理")) && pages[1].contains(QStringLiteral("Page 2 of 2")));
        QVERIFY(pages[2].contains(QStringLiteral("吴经理")) && pages[2].contains(QStringLiteral("Page 1 of 1")));
    }

    void chineseFontIsEmbedded()
    {
        const QString path = m_dir.filePath(QStringLiteral("fonts.pdf"));
        QString error;
        QVERIFY(CallSheet::writePdf(path, {QStringLiteral("测试支行"), QStringLiteral("周经理"), QDate(2026, 11, 23)},
                                    entries(3), &error));
        const QString fonts = run(QStringLiteral("pdffonts"), {path});
        bool cjkEmbedded = false;
        for (const QString &line : fonts.split(QLatin1Char('\n'))) {
            if (line.contains(QStringLiteral("CJK"), Qt::CaseInsensitive)) {
                // columns: name type encoding emb sub uni object ID
                const QStringList cols = line.simplified().split(QLatin1Char(' '));
                cjkEmbedded = cjkEmbedded || (cols.size() > 4 && cols.at(cols.size() - 5) == QLatin1String("yes"));
            }
        }
        QVERIFY2(cjkEmbedded, qPrintable(fonts));
    }

    void unwritableTargetSaysWhere()
    {
        QString error;
        QVERIFY(!CallSheet::writePdf(m_dir.filePath(QStringLiteral("none/x.pdf")),
                                     {QStringLiteral("测试支行"), QStringLiteral("周经理"), QDate(2026, 11, 23)}, entries(1),
                                     &error));
        QVERIFY(!error.isEmpty());
    }
};

QTEST_MAIN(TestCallSheet)
#include "tst_callsheet.moc"
