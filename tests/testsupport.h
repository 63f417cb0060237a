#pragma once

#include "domain/branchdata.h"

#include <QDate>

// A small branch whose every value the tests know, built by hand.
namespace TestSupport {

inline Customer customer(const QString &no, const QString &name, qint64 aumYuan, const QString &phone = {},
                         const QString &id = {}, const QString &rm = {})
{
    Customer c;
    c.customerNo = no;
    c.name = name;
    c.gender = Customer::Gender::Male;
    c.birthDate = QDate(1980, 5, 17);
    c.phone = phone;
    c.idNumber = id;
    c.rmId = rm;
    c.aumFen = aumYuan * 100;
    c.aumMtdAvgFen = aumYuan * 100;
    c.historyEndMonth = QStringLiteral("2026-10");
    c.aumHistoryFen.fill(aumYuan * 100);
    c.lastActivity = QDate(2026, 11, 1);
    return c;
}

inline BranchData smallBranch()
{
    BranchData d;
    d.branchCode = QStringLiteral("T001");
    d.branchName = QStringLiteral("测试支行");
    d.staff = {{QStringLiteral("RM01"), QStringLiteral("周经理"), Staff::Role::RelationshipManager},
               {QStringLiteral("RM02"), QStringLiteral("吴经理"), Staff::Role::RelationshipManager},
               {QStringLiteral("MGR01"), QStringLiteral("郑行长"), Staff::Role::Manager}};
    d.customers = {
        customer(QStringLiteral("600000000001"), QStringLiteral("张三"), 45000, QStringLiteral("13812345678"),
                 QStringLiteral("110101198005171234"), QStringLiteral("RM01")),
        customer(QStringLiteral("600000000002"), QStringLiteral("李四"), 520000, QStringLiteral("13900005678"),
                 QStringLiteral("31010419800517432X"), QStringLiteral("RM02")),
        customer(QStringLiteral("600000000003"), QStringLiteral("张珊珊"), 8000, QStringLiteral("13600001111"),
                 QStringLiteral("440305198005172222"), QStringLiteral("RM01")),
        customer(QStringLiteral("600000000004"), QStringLiteral("王小明"), 7000000, QStringLiteral("15000002222"),
                 QStringLiteral("330106198005173333")),
        customer(QStringLiteral("600000000005"), QStringLiteral("单田芳"), 60000, QStringLiteral("18600009999"),
                 QStringLiteral("420106198005174444"), QStringLiteral("RM02")),
        customer(QStringLiteral("600000000006"), QStringLiteral("欧阳娜娜"), 12000, QStringLiteral("18800001234"),
                 QStringLiteral("510107198005175555"), QStringLiteral("RM01")),
    };
    Holding h;
    h.holdingId = QStringLiteral("H1");
    h.customerNo = QStringLiteral("600000000002");
    h.productType = Holding::ProductType::TimeDeposit;
    h.productName = QStringLiteral("一年期定期存款");
    h.amountFen = 52000000;
    h.openDate = QDate(2025, 12, 1);
    h.maturityDate = QDate(2026, 12, 1);
    d.holdings.push_back(h);
    return d;
}

} // namespace TestSupport
