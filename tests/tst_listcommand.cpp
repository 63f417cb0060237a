#include "domain/lowefficiencylist.h"
#include "domain/quadrant.h"
#include "domain/thresholdlist.h"
#include "domain/valuescores.h"
#include "items/customerlistmodel.h"
#include "domain/personaldatamask.h"
#include "store/analysisjobs.h"
#include "store/auditlog.h"
#include "store/database.h"
#include "store/branchstore.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QProcess>
#include <QTemporaryDir>
#include <QtTest>

// branchdesk-cli list prints the list the UI shows for the same store, policy and date.
class TestListCommand : public QObject
{
    Q_OBJECT

private:
    QTemporaryDir m_dir;
    QString m_store;
    const QString m_pass = QStringLiteral("list-pass");
    const QDate m_date{2026, 11, 23};
    LoadedBranch m_branch;

    struct Run
    {
        int code = -1;
        QByteArray out;
        QString err;
    };
    Run cli(QStringList args)
    {
        QProcess p;
        QProcessEnvironment env = QProcessEnvironment::systemEnvironment();
        env.insert(QStringLiteral("BRANCHDESK_PASSPHRASE"), m_pass);
        p.setProcessEnvironment(env);
        args.prepend(QStringLiteral("list"));
        p.start(qEnvironmentVariable("BRANCHDESK_CLI"), args);
        if (!p.waitForFinished(60000))
            return {};
        return {p.exitCode(), p.readAllStandardOutput(), QString::fromUtf8(p.readAllStandardError())};
    }
    // Customer numbers in the order the model (as the UI fills it) shows them.
    QStringList uiOrder(const CustomerList &list, std::shared_ptr<const ValueScores> scores)
    {
        CustomerListModel model;
        model.setList(m_branch.snapshot, std::move(scores), list);
        QStringList numbers;
        for (int r = 0; r < model.rowCount(); ++r)
            numbers << model.index(r, CustomerListModel::CustomerNo).data().toString();
        return numbers;
    }
    static QStringList jsonOrder(const QByteArray &json)
    {
        QStringList numbers;
        for (const QJsonValue &m : QJsonDocument::fromJson(json).object().value(QStringLiteral("members")).toArray())
            numbers << m.toObject().value(QStringLiteral("customer_no")).toString();
        return numbers;
    }

private slots:
    void initTestCase()
    {
        m_store = m_dir.filePath(QStringLiteral("list.db"));
        QVERIFY(BranchStore::createDemo(m_store, m_pass, DemoGenerator::Options{3000, 11, m_date}));
        QVERIFY(BranchStore::load(m_store, m_pass, &m_branch, {}, m_date));
    }

    void thresholdMatchesTheUi()
    {
        const Run run = cli({QStringLiteral("threshold"), QStringLiteral("--store"), m_store, QStringLiteral("--format"),
                             QStringLiteral("json"), QStringLiteral("--date"), m_date.toString(Qt::ISODate)});
        QCOMPARE(run.code, 0);
        const auto scores = std::make_shared<const ValueScores>(*m_branch.snapshot, ValuePolicy::defaultPolicy());
        const QStringList expected = uiOrder(ThresholdList::build(*m_branch.snapshot, ValuePolicy::defaultPolicy()), scores);
        QVERIFY(expected.size() > 10);
        QCOMPARE(jsonOrder(run.out), expected);
        const QJsonObject first = QJsonDocument::fromJson(run.out).object().value(QStringLiteral("members")).toArray().at(0).toObject();
        QVERIFY(first.value(QStringLiteral("gap_fen")).toDouble() > 0);
        QVERIFY(!first.value(QStringLiteral("reason")).toString().isEmpty());
    }

    void namesAreMaskedUnlessAskedForAndThatIsAudited()
    {
        // Issue 8: a list export shows 张* by default
        Run run = cli({QStringLiteral("low-efficiency"), QStringLiteral("--wide"), QStringLiteral("--store"), m_store,
                       QStringLiteral("--format"), QStringLiteral("json"), QStringLiteral("--date"), m_date.toString(Qt::ISODate)});
        QCOMPARE(run.code, 0);
        QHash<QString, QString> nameOf;
        for (int i = 0; i < m_branch.snapshot->customerCount(); ++i)
            nameOf.insert(m_branch.snapshot->customer(i).customerNo, m_branch.snapshot->customer(i).name);
        const QJsonArray masked = QJsonDocument::fromJson(run.out).object().value(QStringLiteral("members")).toArray();
        QVERIFY(!masked.isEmpty());
        for (const QJsonValue &v : masked) {
            const QJsonObject m = v.toObject();
            QCOMPARE(m.value(QStringLiteral("name")).toString(),
                     PersonalDataMask::name(nameOf.value(m.value(QStringLiteral("customer_no")).toString())));
        }
        auto exports = [this] {
            Database db = Database::open(m_store, m_pass, Database::OpenMode::ExistingOnly);
            int n = 0;
            for (const AuditLog::Entry &e : AuditLog(db).entries())
                n += e.event == QLatin1String("export") ? 1 : 0;
            return n;
        };
        QCOMPARE(exports(), 0);
        // With --full-names the names are whole, and the export is in the audit log
        run = cli({QStringLiteral("low-efficiency"), QStringLiteral("--wide"), QStringLiteral("--store"), m_store,
                   QStringLiteral("--format"), QStringLiteral("json"), QStringLiteral("--date"), m_date.toString(Qt::ISODate),
                   QStringLiteral("--full-names"), QStringLiteral("--reason"), QStringLiteral("campaign mailing")});
        QCOMPARE(run.code, 0);
        const QJsonObject first = QJsonDocument::fromJson(run.out).object().value(QStringLiteral("members")).toArray().first().toObject();
        QCOMPARE(first.value(QStringLiteral("name")).toString(), nameOf.value(first.value(QStringLiteral("customer_no")).toString()));
        QCOMPARE(exports(), 1);
    }

    void lowEfficiencyCsvMatchesTheUi()
    {
        const Run run = cli({QStringLiteral("low-efficiency"), QStringLiteral("--wide"), QStringLiteral("--store"), m_store,
                             QStringLiteral("--date"), m_date.toString(Qt::ISODate)});
        QCOMPARE(run.code, 0);
        const QList<QByteArray> lines = run.out.trimmed().split('\n');
        QVERIFY(lines.first().startsWith("rank,customer_no,name,tier,aum_basis_fen"));
        QStringList numbers;
        for (qsizetype i = 1; i < lines.size(); ++i)
            numbers << QString::fromUtf8(lines.at(i).split(',').value(1));
        const auto scores = std::make_shared<const ValueScores>(*m_branch.snapshot, ValuePolicy::defaultPolicy());
        QCOMPARE(numbers, uiOrder(LowEfficiencyList::build(*m_branch.snapshot, *scores, true), scores));
    }

    void quadrantUsesTheEditedPolicy()
    {
        // A manager's edit stored on the branch changes what the CLI prints, as it changes the UI
        ValuePolicy edited = ValuePolicy::defaultPolicy();
        edited.setWeight(ValuePolicy::Indicator::Payroll, 100);
        edited.setCurrentCut(40.0);
        AnalysisJobs::saveValuePolicy(m_branch.store, edited);
        const Run run = cli({QStringLiteral("quadrant"), QStringLiteral("--quadrant"), QStringLiteral("C"), QStringLiteral("--store"),
                             m_store, QStringLiteral("--format"), QStringLiteral("json"), QStringLiteral("--date"),
                             m_date.toString(Qt::ISODate)});
        AnalysisJobs::resetValuePolicy(m_branch.store);
        QCOMPARE(run.code, 0);
        const auto scores = std::make_shared<const ValueScores>(*m_branch.snapshot, edited);
        const Quadrant::Cuts cuts = Quadrant::defaultCuts(*scores);
        QCOMPARE(cuts.current, 40.0);
        const std::vector<int> members = Quadrant::members(*scores, cuts, Quadrant::C);
        QStringList expected;
        for (int i : members)
            expected << m_branch.snapshot->customer(i).customerNo;
        QCOMPARE(jsonOrder(run.out), expected);
        QCOMPARE(QJsonDocument::fromJson(run.out).object().value(QStringLiteral("count")).toInt(), int(members.size()));
    }

    void rejectsWrongUsage_data()
    {
        QTest::addColumn<QStringList>("args");
        QTest::newRow("no kind") << QStringList{QStringLiteral("--store"), QStringLiteral("x.db")};
        QTest::newRow("no quadrant") << QStringList{QStringLiteral("quadrant"), QStringLiteral("--store"), QStringLiteral("x.db")};
        QTest::newRow("bad format") << QStringList{QStringLiteral("threshold"), QStringLiteral("--store"), QStringLiteral("x.db"),
                                                   QStringLiteral("--format"), QStringLiteral("xml")};
        QTest::newRow("bad band") << QStringList{QStringLiteral("threshold"), QStringLiteral("--band"), QStringLiteral("platinum"),
                                                 QStringLiteral("--store"), QStringLiteral("@STORE")};
    }
    void rejectsWrongUsage()
    {
        QFETCH(QStringList, args);
        args.replaceInStrings(QStringLiteral("@STORE"), m_store);
        const Run run = cli(args);
        QCOMPARE(run.code, 2);
        QVERIFY(!run.err.isEmpty());
        QVERIFY(run.out.isEmpty());
    }
};

QTEST_MAIN(TestListCommand)
#include "tst_listcommand.moc"
