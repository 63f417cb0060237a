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
        QCOMPARE(e[0].convertedFen, 50000000);
        QVERIFY(e[0].converted && e[0].retained);
        QCOMPARE(e[1].source, MaturityList::Source::HqData);
        QCOMPARE(e[1].outcome, MaturityOutcome::Kind::PartlyKept);
        QCOMPARE(e[1].convertedFen, 12000000);
        // 120,000 of 300,000 reinvested is no conversion; the rest stayed (AUM held): retained.
        QVERIFY(!e[1].converted);
        QVERIFY(e[1].retained);
        QCOMPARE(e[1].retainedFen, 30000000);
        QCOMPARE(e[2].source, MaturityList::Source::RmMark); // the mark wins over the contact
        QCOMPARE(e[2].outcome, MaturityOutcome::Kind::Withdrawn);
        QCOMPARE(e[3].source, MaturityList::Source::Contact);
        QCOMPARE(e[3].outcome, MaturityOutcome::Kind::Withdrawn);
        QCOMPARE(e[3].retainedFen, 0); // funds used elsewhere: left the bank
        QVERIFY(e[2].retained);        // marked withdrawn, but the AUM kept it: on a demand deposit
        QVERIFY(!e[4].hasOutcome());
        QVERIFY(!e[5].hasOutcome()); // not matured yet

        // Five matured, four known: retained 3 of 4 (A, B, C) by count, 900,000 of 1,000,000 by amount;
        // converted 1 of 4 (A) by count, 620,000 by amount.
        const MaturityList::Conversion c = list.conversion();
        QCOMPARE(c.matured, 5);
        QCOMPARE(c.maturedFen, qint64(105000000));
        QCOMPARE(c.known, 4);
        QCOMPARE(c.retained, 3);
        QCOMPARE(c.converted, 1);
        QCOMPARE(c.knownFen, qint64(100000000));
        QCOMPARE(c.retainedFen, qint64(90000000));
        QCOMPARE(c.convertedFen, qint64(62000000));
        QCOMPARE(c.retainedByCount(), 0.75);
        QCOMPARE(c.retainedByAmount(), 0.9);
        QCOMPARE(c.convertedByCount(), 0.25);
        QCOMPARE(c.convertedByAmount(), 0.62);
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
        QCOMPARE(partly.entries().front().convertedFen, qint64(2000000));
        QCOMPARE(partly.conversion().convertedByAmount(), 0.4);
        QCOMPARE(partly.conversion().converted, 0); // a partial keep is no full conversion
        log.addMaturityOutcome(fix);
        const MaturityList renewed = MaturityList::build(*m_snapshot, CadencePolicy::defaultPolicy(), log,
                                                         QDate(2026, 12, 12), QDate(2026, 12, 12), kToday);
        QCOMPARE(renewed.entries().front().outcome, MaturityOutcome::Kind::Renewed);
        QCOMPARE(renewed.entries().front().convertedFen, qint64(5000000));
        QCOMPARE(renewed.conversion().convertedByCount(), 1.0);
    }

    void retainedAndConvertedApart()
    {
        // Six 200,000 time deposits matured on 12-05; each customer's November average was 250,000.
        BranchData d = TestSupport::smallBranch();
        d.customers.clear();
        d.holdings.clear();
        struct Case
        {
            qint64 todayYuan;     // the customer's AUM today
            qint64 successorYuan; // a wealth product opened the day after maturity
        };
        const Case cases[] = {
            {250000, 0},      // P: left on a demand deposit: retained, not converted
            {50000, 0},       // Q: withdrawn: the AUM lost it
            {250000, 100000}, // R: half reinvested, the rest stayed: retained, not converted
            {240000, 190000}, // S: 95% reinvested: converted; 10,000 left: 95% retained
            {250000, 0},      // T: the RM marked it renewed
            {100000, 100000}, // U: half reinvested, the rest left: neither
        };
        for (int i = 0; i < 6; ++i) {
            const QString no = QStringLiteral("80000000000%1").arg(i);
            Customer c = TestSupport::customer(no, QStringLiteral("客户%1").arg(i), 250000, {}, {}, QStringLiteral("RM01"));
            c.historyEndMonth = QStringLiteral("2026-11");
            c.aumFen = c.aumMtdAvgFen = cases[i].todayYuan * 100;
            d.customers.push_back(c);
            d.holdings.push_back(product(QStringLiteral("T%1").arg(i), no, QDate(2026, 12, 5), 200000,
                                         Holding::ProductType::TimeDeposit,
                                         i == 4 ? Holding::Status::Active : Holding::Status::Closed));
            if (cases[i].successorYuan) {
                Holding w = product(QStringLiteral("W%1").arg(i), no, QDate(2027, 6, 6), cases[i].successorYuan,
                                    Holding::ProductType::Wealth);
                w.openDate = QDate(2026, 12, 6);
                d.holdings.push_back(w);
            }
        }
        const BranchSnapshot s(std::move(d), TierPolicy::defaultPolicy(), kToday);
        ActivityLog log;
        MaturityOutcome mark;
        mark.outcomeId = QStringLiteral("r1");
        mark.holdingId = QStringLiteral("T4");
        mark.customerNo = QStringLiteral("800000000004");
        mark.kind = MaturityOutcome::Kind::Renewed;
        mark.markedAt = QDateTime(QDate(2026, 12, 6), QTime(9, 0));
        log.addMaturityOutcome(mark);
        const MaturityList list = MaturityList::build(s, CadencePolicy::defaultPolicy(), log, QDate(2026, 12, 1),
                                                      QDate(2026, 12, 10), kToday);
        QCOMPARE(int(list.entries().size()), 6);
        QList<bool> converted, retained;
        QList<qint64> retainedFen;
        for (const MaturityList::Entry &e : list.entries()) {
            converted << e.converted;
            retained << e.retained;
            retainedFen << e.retainedFen / 100;
        }
        // Entries are by date, then type, then amount: all alike, so in snapshot order.
        QCOMPARE(converted, (QList<bool>{false, false, false, true, true, false}));
        QCOMPARE(retained, (QList<bool>{true, false, true, true, true, false}));
        QCOMPARE(retainedFen, (QList<qint64>{200000, 0, 200000, 190000, 200000, 100000}));
        const MaturityList::Conversion c = list.conversion();
        QCOMPARE(c.known, 6);
        QCOMPARE(c.converted, 2);
        QCOMPARE(c.retained, 4);
        QCOMPARE(c.convertedFen, qint64(59000000));
        QCOMPARE(c.retainedFen, qint64(89000000));
        // A stricter policy: 96% reinvested makes a conversion; S (95%) no longer counts.
        CadencePolicy strict = CadencePolicy::defaultPolicy();
        strict.convertedMinPct = 96;
        const MaturityList::Conversion c2 =
            MaturityList::build(s, strict, log, QDate(2026, 12, 1), QDate(2026, 12, 10), kToday).conversion();
        QCOMPARE(c2.converted, 1);
        QCOMPARE(c2.retained, 3);
    }
};

QTEST_GUILESS_MAIN(TestMaturityList)
#include "tst_maturitylist.moc"
