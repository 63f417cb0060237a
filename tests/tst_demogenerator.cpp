#include "domain/demogenerator.h"
#include "domain/tierpolicy.h"

#include <QSet>
#include <QtTest>

class TestDemoGenerator : public QObject
{
    Q_OBJECT

private:
    static QByteArray fingerprint(const BranchData &d)
    {
        QByteArray out;
        for (const Customer &c : d.customers) {
            out += c.customerNo.toUtf8() + c.name.toUtf8() + c.phone.toUtf8() + c.idNumber.toUtf8()
                   + QByteArray::number(c.aumFen) + c.rmId.toUtf8() + c.birthDate.toString(Qt::ISODate).toUtf8();
        }
        for (const Holding &h : d.holdings)
            out += h.holdingId.toUtf8() + QByteArray::number(h.amountFen) + h.maturityDate.toString(Qt::ISODate).toUtf8();
        return out;
    }

private slots:
    void sameSeedSameBranch()
    {
        const DemoGenerator::Options o{2000, 42, QDate(2026, 11, 23)};
        BranchData a, b, c;
        QVERIFY(DemoGenerator::generate(o, &a));
        QVERIFY(DemoGenerator::generate(o, &b));
        QCOMPARE(fingerprint(a), fingerprint(b));
        QVERIFY(DemoGenerator::generate({2000, 43, QDate(2026, 11, 23)}, &c));
        QVERIFY(fingerprint(a) != fingerprint(c));
    }

    void fillsEveryTierAtScale()
    {
        BranchData d;
        QVERIFY(DemoGenerator::generate({100000, 7, QDate(2026, 11, 23)}, &d));
        QCOMPARE(int(d.customers.size()), 100000);
        const TierPolicy policy = TierPolicy::defaultPolicy();
        QVector<int> counts(policy.count(), 0);
        for (const Customer &c : d.customers)
            ++counts[policy.tierOf(c)];
        for (int t = 0; t < policy.count(); ++t)
            QVERIFY2(counts.at(t) > 0, qPrintable(policy.tier(t).id));
        // "A few hundred private-banking customers at 100k"
        const int privateBanking = counts.at(policy.indexOfId(QStringLiteral("private")));
        QVERIFY2(privateBanking >= 100 && privateBanking <= 900, qPrintable(QString::number(privateBanking)));
        // Around three holdings a customer
        QVERIFY(d.holdings.size() > 250000 && d.holdings.size() < 350000);
    }

    void realisticPeople()
    {
        const QDate today(2026, 11, 23);
        BranchData d;
        QVERIFY(DemoGenerator::generate({5000, 1, today}, &d));
        QSet<QString> numbers;
        QSet<QString> surnames;
        int payroll = 0;
        for (const Customer &c : d.customers) {
            const int age = c.ageOn(today);
            QVERIFY2(age >= 18 && age <= 90, qPrintable(QString::number(age)));
            QCOMPARE(c.phone.size(), 11);
            QCOMPARE(c.idNumber.size(), 18);
            QCOMPARE(c.idNumber.mid(6, 8), c.birthDate.toString(QStringLiteral("yyyyMMdd")));
            // GB 11643 check digit
            static const int w[] = {7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2};
            int sum = 0;
            for (int i = 0; i < 17; ++i)
                sum += (c.idNumber.at(i).unicode() - '0') * w[i];
            QCOMPARE(c.idNumber.at(17), QLatin1Char("10X98765432"[sum % 11]));
            QVERIFY(c.name.size() >= 2 && c.name.size() <= 4);
            surnames.insert(c.name.left(1));
            numbers.insert(c.customerNo);
            if (c.payroll) {
                ++payroll;
                QVERIFY(!c.employer.isEmpty());
            }
        }
        QCOMPARE(numbers.size(), 5000);
        QVERIFY(surnames.size() > 60);
        QVERIFY(payroll > 500);
        // The staff: 8 RMs and a manager
        int rms = 0, managers = 0;
        for (const Staff &s : d.staff)
            (s.role == Staff::Role::Manager ? managers : rms)++;
        QCOMPARE(rms, 8);
        QCOMPARE(managers, 1);
    }

    void balanceIsTheSumOfHoldings()
    {
        BranchData d;
        QVERIFY(DemoGenerator::generate({1000, 5, QDate(2026, 11, 23)}, &d));
        QHash<QString, qint64> sums;
        for (const Holding &h : d.holdings)
            sums[h.customerNo] += h.amountFen;
        for (const Customer &c : d.customers)
            QCOMPARE(sums.value(c.customerNo), c.aumFen);
    }

    void maturesOnEveryDayOfTheWindow()
    {
        const QDate today(2026, 11, 23);
        BranchData d;
        QVERIFY(DemoGenerator::generate({1000, 3, today}, &d));
        QSet<qint64> days;
        for (const Holding &h : d.holdings) {
            if (h.maturityDate.isValid()) {
                QVERIFY(h.maturityDate > today);
                QVERIFY(h.openDate <= today);
                days.insert(today.daysTo(h.maturityDate));
            }
        }
        for (int day = 1; day <= DemoGenerator::kMaturityWindowDays; ++day)
            QVERIFY2(days.contains(day), qPrintable(QStringLiteral("no maturity on day %1").arg(day)));
    }

    void todayOverrideMovesTheWindow()
    {
        BranchData a, b;
        QVERIFY(DemoGenerator::generate({500, 3, QDate(2026, 1, 10)}, &a));
        QVERIFY(DemoGenerator::generate({500, 3, QDate(2026, 3, 10)}, &b));
        QDate minA, minB;
        for (const Holding &h : a.holdings)
            if (h.maturityDate.isValid() && (!minA.isValid() || h.maturityDate < minA))
                minA = h.maturityDate;
        for (const Holding &h : b.holdings)
            if (h.maturityDate.isValid() && (!minB.isValid() || h.maturityDate < minB))
                minB = h.maturityDate;
        QCOMPARE(minA, QDate(2026, 1, 11));
        QCOMPARE(minB, QDate(2026, 3, 11));
    }

    void oneCustomerWorks()
    {
        BranchData d;
        QVERIFY(DemoGenerator::generate({1, 1, QDate(2026, 11, 23)}, &d));
        QCOMPARE(int(d.customers.size()), 1);
        QVERIFY(!d.holdings.empty());
    }

    void cancels()
    {
        BranchData d;
        QVERIFY(!DemoGenerator::generate({50000, 1, QDate(2026, 11, 23)}, &d,
                                         [](int done, int) { return done < 10000; }));
        QVERIFY(d.customers.empty());
    }
};

QTEST_GUILESS_MAIN(TestDemoGenerator)
#include "tst_demogenerator.moc"
