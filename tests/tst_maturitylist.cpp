#include "domain/branchsnapshot.h"
#include "domain/maturitylist.h"
#include "testsupport.h"

#include <QtTest>

namespace {

const QDate kToday(2026, 12, 15);

Holding product(const QString &id, const QString &customerNo, const QDate &maturity, qint64 yuan,
                Holding::ProductType type = Holding::ProductType::TimeDeposit,
                Holding::Status status = Holding::Status::Active)
{
    Holding h;
    h.holdingId = id;
    h.customerNo = customerNo;
    h.productType = type;
    h.productName = QStringLiteral("一年期定期存款");
    h.amountFen = yuan * 100;
    h.openDate = maturity.addYears(-1);
    h.maturityDate = maturity;
    h.status = status;
    return h;
}

Contact about(const QString &customerNo, const QString &holdingId, Contact::Outcome outcome, const QDate &day)
{
    static int n = 0;
    Contact c;
    c.contactId = QStringLiteral("m%1").arg(++n);
    c.customerNo = customerNo;
    c.staffId = QStringLiteral("RM01");
    c.channel = Contact::Channel::Branch;
    c.outcome = outcome;
    c.contactedAt = QDateTime(day, QTime(11, 0), Qt::OffsetFromUTC, 8 * 3600);
    c.holdingId = holdingId;
    return c;
}

} // namespace

class TestMaturityList : public QObject
{
    Q_OBJECT

private:
    std::shared_ptr<BranchSnapshot> m_snapshot;

private slots:
    void initTestCase()
    {
        const QString zhang = QStringLiteral("600000000001");
        const QString li = QStringLiteral("600000000002");
        const QString wang = QStringLiteral("600000000004");
        BranchData d = TestSupport::smallBranch();
        d.holdings = {
            // Matured, HQ data: closed, and a new deposit opened two days later for the full amount.
            product(QStringLiteral("A"), li, QDate(2026, 12, 1), 500000, Holding::ProductType::TimeDeposit,
                    Holding::Status::Closed),
            product(QStringLiteral("A2"), li, QDate(2027, 12, 3), 500000),
            // Matured, HQ data: closed, only 120,000 of 300,000 went into a wealth product.
            product(QStringLiteral("B"), wang, QDate(2026, 12, 5), 300000, Holding::ProductType::TimeDeposit,
                    Holding::Status::Closed),
            product(QStringLiteral("B2"), wang, QDate(2027, 6, 5), 120000, Holding::ProductType::Wealth),
            // Matured, still active in HQ data; the RM marked it withdrawn (and an earlier contact said rolled over).
            product(QStringLiteral("C"), zhang, QDate(2026, 12, 8), 100000),
            // Matured; a contact says the funds went elsewhere.
            product(QStringLiteral("D"), zhang, QDate(2026, 12, 10), 100000, Holding::ProductType::Insurance),
            // Matured, nothing known yet.
            product(QStringLiteral("E"), zhang, QDate(2026, 12, 12), 50000, Holding::ProductType::Wealth),
            // Maturing later, two on one day of two types; and a fund, which has no maturity list.
            product(QStringLiteral("F"), zhang, QDate(2026, 12, 20), 30000, Holding::ProductType::Wealth),
            product(QStringLiteral("G"), li, QDate(2026, 12, 20), 80000),
            product(QStringLiteral("H"), li, QDate(2026, 12, 20), 90000),
            product(QStringLiteral("X"), li, QDate(2026, 12, 21), 10000, Holding::ProductType::Fund),
        };
        d.holdings[3].openDate = QDate(2026, 12, 6);  // B2 opened the day after B matured
        d.holdings[1].openDate = QDate(2026, 12, 3);  // A2 opened two days after A matured
        m_snapshot = std::make_shared<BranchSnapshot>(std::move(d), TierPolicy::defaultPolicy(), kToday);
    }

    void outcomesAndConversionRate()
    {
        ActivityLog log;
        log.addContact(0, about(QStringLiteral("600000000001"), QStringLiteral("C"), Contact::Outcome::RolledOver, QDate(2026, 12, 7)));
        log.addContact(0, about(QStringLiteral("600000000001"), QStringLiteral("D"), Contact::Outcome::FundsElsewhere, QDate(2026, 12, 10)));
        MaturityOutcome mark;
        mark.outcomeId = QStringLiteral("o1");
        mark.holdingId = QStringLiteral("C");
        mark.customerNo = QStringLiteral("600000000001");
        mark.kind = MaturityOutcome::Kind::Withdrawn;
        mark.markedAt = QDateTime(QDate(2026, 12, 9), QTime(9, 0));
        log.addMaturityOutcome(mark);

        const MaturityList list = MaturityList::build(*m_snapshot, CadencePolicy::defaultPolicy(), log,
                                                      kToday.addDays(-30), kToday.addDays(30), kToday);
        QStringList ids;
        for (const MaturityList::Entry &e : list.entries())
            ids << m_snapshot->holdings()[size_t(e.holding)].holdingId;
        // By date, then product type (time deposit before wealth), then amount; no fund; A2 and B2 are far out.
        QCOMPARE(ids, (QStringList{QStringLiteral("A"), QStringLiteral("B"), QStringLiteral("C"), QStringLiteral("D"),
                                   QStringLiteral("E"), QStringLiteral("H"), QStringLiteral("G"), QStringLiteral("F")}));
        const auto &e = list.entries();
        QCOMPARE(e[0].source, MaturityList::Source::HqData);
        QCOMPARE(e[0].outcome, MaturityOutcome::Kind::Renewed);
        QCOMPARE(e[0].keptFen, 50000000);
        QCOMPARE(e[1].source, MaturityList::Source::HqData);
        QCOMPARE(e[1].outcome, MaturityOutcome::Kind::PartlyKept);
        QCOMPARE(e[1].keptFen, 12000000);
        QCOMPARE(e[2].source, MaturityList::Source::RmMark); // the mark wins over the contact
        QCOMPARE(e[2].outcome, MaturityOutcome::Kind::Withdrawn);
        QCOMPARE(e[3].source, MaturityList::Source::Contact);
        QCOMPARE(e[3].outcome, MaturityOutcome::Kind::Withdrawn);
        QVERIFY(!e[4].hasOutcome());
        QVERIFY(!e[5].hasOutcome()); // not matured yet

        // Five matured, four known: kept 2 of 4 by count, 620,000 of 1,000,000 by amount.
        const MaturityList::Conversion c = list.conversion();
        QCOMPARE(c.matured, 5);
        QCOMPARE(c.maturedFen, qint64(105000000));
        QCOMPARE(c.known, 4);
        QCOMPARE(c.retained, 2);
        QCOMPARE(c.knownFen, qint64(100000000));
        QCOMPARE(c.keptFen, qint64(62000000));
        QCOMPARE(c.byCount(), 0.5);
        QCOMPARE(c.byAmount(), 0.62);
    }

    void aPartlyKeptMarkCountsItsAmount()
    {
        ActivityLog log;
        MaturityOutcome mark;
        mark.outcomeId = QStringLiteral("p1");
        mark.holdingId = QStringLiteral("E");
        mark.customerNo = QStringLiteral("600000000001");
        mark.kind = MaturityOutcome::Kind::PartlyKept;
        mark.keptFen = 2000000;
        mark.markedAt = QDateTime(QDate(2026, 12, 13), QTime(9, 0));
        log.addMaturityOutcome(mark);
        // A later correction supersedes it: renewed in full.
        MaturityOutcome fix = mark;
        fix.outcomeId = QStringLiteral("p2");
        fix.kind = MaturityOutcome::Kind::Renewed;
        fix.keptFen = 0;
        fix.supersedes = QStringLiteral("p1");
        fix.markedAt = QDateTime(QDate(2026, 12, 14), QTime(9, 0));
        const MaturityList partly = MaturityList::build(*m_snapshot, CadencePolicy::defaultPolicy(), log,
                                                        QDate(2026, 12, 12), QDate(2026, 12, 12), kToday);
        QCOMPARE(partly.entries().front().keptFen, qint64(2000000));
        QCOMPARE(partly.conversion().byAmount(), 0.4);
        log.addMaturityOutcome(fix);
        const MaturityList renewed = MaturityList::build(*m_snapshot, CadencePolicy::defaultPolicy(), log,
                                                         QDate(2026, 12, 12), QDate(2026, 12, 12), kToday);
        QCOMPARE(renewed.entries().front().outcome, MaturityOutcome::Kind::Renewed);
        QCOMPARE(renewed.entries().front().keptFen, qint64(5000000));
        QCOMPARE(renewed.conversion().byCount(), 1.0);
    }
};

QTEST_GUILESS_MAIN(TestMaturityList)
#include "tst_maturitylist.moc"
