#pragma once

#include <QDate>
#include <QString>

#include <array>

// One customer as HQ's core-banking extract describes them. Money in fen.
struct Customer
{
    enum class Gender : quint8 { Unknown, Male, Female };
    static constexpr int kHistoryMonths = 12;

    QString customerNo;
    QString name;
    Gender gender = Gender::Unknown;
    QDate birthDate;
    QString phone;
    QString idNumber;
    QString address;
    QString occupation;
    QString employer;
    bool payroll = false;
    bool creditCardActive = false;
    QDate loanStartDate;          // null when the customer has no personal loan
    bool corporateExecutive = false;
    int mobileLogins90d = 0;
    int transactions90d = 0;
    QDate lastActivity;
    QDate openedOn;               // relationship start, for tenure
    QString rmId;                 // empty when unassigned
    qint64 aumFen = 0;            // today's balance
    qint64 aumMtdAvgFen = 0;      // month-to-date daily average
    QString historyEndMonth;      // YYYY-MM of aumHistoryFen.back()
    std::array<qint64, kHistoryMonths> aumHistoryFen{}; // monthly daily averages, oldest first
    qint64 contributionFen = 0;   // yearly revenue the bank earns from the customer
    int settlementProducts = 0;   // four-triangles inputs (DOMAIN.md)
    int serviceEvents12m = 0;
    int referralLinks = 0;
    // Issue 15: a copy of an unassigned pool customer as HQ masks it for an RM (pool policy):
    // masked name, no phone, ID number, address or figures; maskedTier is the tier's id
    // when the policy shows it. Never in the snapshot's customers(): see BranchSnapshot::pool().
    bool masked = false;
    QString maskedTier;
    QString preferredChannel;     // how the customer asked to be reached (phone, sms, wechat, wecom, visit); empty: not said

    qint64 lastMonthAvgFen() const { return aumHistoryFen.back(); }
    int ageOn(const QDate &day) const
    {
        if (!birthDate.isValid() || !day.isValid())
            return -1;
        int age = day.year() - birthDate.year();
        if (day.month() < birthDate.month()
            || (day.month() == birthDate.month() && day.day() < birthDate.day()))
            --age;
        return age;
    }
};
