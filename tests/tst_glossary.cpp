#include <QFile>
#include <QRegularExpression>
#include <QXmlStreamReader>
#include <QtTest>

// Issue 18: the Chinese a banker reads. docs/glossary.md is the product's one list of terms;
// this test fails when a term it says to avoid appears in a translation, and when DOMAIN.md
// (shared/docs, beside the project) names a term to avoid that the list lacks.
class TestGlossary : public QObject
{
    Q_OBJECT

private:
    struct Rule
    {
        QString avoid;
        QString use;
        QStringList fineInside;
        QStringList onlyWhereEnglish; // empty: everywhere
    };
    struct Message
    {
        QString context;
        QString source;
        QStringList translations;
    };

    static QString path(const char *relative)
    {
        return QStringLiteral(BRANCHDESK_SOURCE_DIR "/") + QLatin1String(relative);
    }

    static QStringList cells(const QString &line)
    {
        QStringList c = line.split(QLatin1Char('|'));
        if (c.size() < 3)
            return {};
        c = c.mid(1, c.size() - 2);
        for (QString &s : c)
            s = s.trimmed();
        return c;
    }

    static QStringList commaList(const QString &cell)
    {
        QStringList out;
        for (const QString &s : cell.split(QLatin1Char(','), Qt::SkipEmptyParts))
            out << s.trimmed();
        return out;
    }

    static std::vector<Rule> rules()
    {
        QFile f(path("docs/glossary.md"));
        if (!f.open(QIODevice::ReadOnly | QIODevice::Text))
            return {};
        std::vector<Rule> out;
        for (const QString &line : QString::fromUtf8(f.readAll()).split(QLatin1Char('\n'))) {
            const QStringList c = cells(line);
            if (c.size() != 5 || c[2] == QLatin1String("avoid") || c[2].startsWith(QLatin1String("---")))
                continue;
            out.push_back(Rule{c[2], c[1], commaList(c[3]), commaList(c[4])});
        }
        return out;
    }

    static std::vector<Message> messages()
    {
        QFile f(path("translations/branchdesk_zh_CN.ts"));
        if (!f.open(QIODevice::ReadOnly))
            return {};
        std::vector<Message> out;
        QXmlStreamReader xml(&f);
        QString context;
        while (!xml.atEnd()) {
            if (!xml.readNextStartElement())
                continue;
            if (xml.name() == QLatin1String("name")) {
                context = xml.readElementText();
            } else if (xml.name() == QLatin1String("message")) {
                out.push_back(Message{context, {}, {}});
            } else if (xml.name() == QLatin1String("source") && !out.empty()) {
                out.back().source = xml.readElementText();
            } else if ((xml.name() == QLatin1String("translation") || xml.name() == QLatin1String("numerusform"))
                       && !out.empty()) {
                const QString text = xml.readElementText(QXmlStreamReader::IncludeChildElements);
                if (!text.trimmed().isEmpty())
                    out.back().translations << text;
            }
        }
        return out;
    }

    // Occurrences of the avoided term that are not part of a phrase named as fine.
    static bool violates(const QString &text, const Rule &rule)
    {
        QString t = text;
        for (const QString &fine : rule.fineInside)
            t.replace(fine, QString(fine.size(), QLatin1Char('_')));
        return t.contains(rule.avoid);
    }

private slots:
    void theListIsReadable()
    {
        const std::vector<Rule> r = rules();
        QVERIFY2(r.size() >= 10, "docs/glossary.md: the term table is missing or cut");
        QVERIFY(messages().size() > 500);
    }

    void noTermToAvoidInAnyTranslation()
    {
        const std::vector<Rule> r = rules();
        QStringList hits;
        for (const Message &m : messages()) {
            for (const Rule &rule : r) {
                if (!rule.onlyWhereEnglish.isEmpty()) {
                    bool applies = false;
                    for (const QString &word : rule.onlyWhereEnglish)
                        applies = applies || m.source.contains(word, Qt::CaseInsensitive);
                    if (!applies)
                        continue;
                }
                for (const QString &t : m.translations) {
                    if (violates(t, rule))
                        hits << QStringLiteral("%1: \"%2\" → %3 (use %4)").arg(m.context, m.source.left(60), rule.avoid, rule.use);
                }
            }
        }
        QVERIFY2(hits.isEmpty(), qPrintable(hits.join(QLatin1Char('\n'))));
    }

    // The checker itself: a wrong term is caught, a fine phrase is not.
    void theCheckerCatchesWhatItShould()
    {
        const Rule triangles{QStringLiteral("四个三角"), QStringLiteral("四个三角叉"), {QStringLiteral("四个三角叉")}, {}};
        QVERIFY(violates(QStringLiteral("四个三角覆盖"), triangles));
        QVERIFY(!violates(QStringLiteral("四个三角叉覆盖"), triangles));
        const Rule campaign{QStringLiteral("活动"), QStringLiteral("营销活动"),
                            {QStringLiteral("营销活动"), QStringLiteral("社区活动")}, {QStringLiteral("campaign")}};
        QVERIFY(violates(QStringLiteral("新建活动"), campaign));
        QVERIFY(!violates(QStringLiteral("新建营销活动，邀请社区活动来宾"), campaign));
    }

    void everyTermDomainMdAvoidsIsListed()
    {
        QFile f(path("../shared/docs/DOMAIN.md"));
        if (!f.open(QIODevice::ReadOnly | QIODevice::Text))
            QSKIP("shared/docs/DOMAIN.md is not beside this checkout");
        const QString text = QString::fromUtf8(f.readAll());
        const qsizetype start = text.indexOf(QLatin1String("## Glossary"));
        QVERIFY2(start >= 0, "DOMAIN.md has no Glossary section");
        QStringList listed;
        for (const Rule &r : rules())
            listed << r.avoid;
        const QRegularExpression parens(QStringLiteral("\\([^)]*\\)"));
        const QRegularExpression cjk(QStringLiteral("[\\x{4e00}-\\x{9fff}]+"));
        QStringList missing;
        int checked = 0;
        for (const QString &line : text.mid(start).split(QLatin1Char('\n'))) {
            const QStringList c = cells(line);
            if (c.size() != 3 || c[2] == QLatin1String("avoid"))
                continue;
            QString avoid = c[2];
            avoid.remove(parens);
            for (auto it = cjk.globalMatch(avoid); it.hasNext();) {
                const QString term = it.next().captured();
                ++checked;
                if (!listed.contains(term))
                    missing << term;
            }
        }
        QVERIFY(checked >= 8);
        QVERIFY2(missing.isEmpty(), qPrintable(QStringLiteral("docs/glossary.md lacks: ") + missing.join(QLatin1Char(' '))));
    }
};

QTEST_GUILESS_MAIN(TestGlossary)
#include "tst_glossary.moc"
