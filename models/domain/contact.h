#pragma once

#include <QDate>
#include <QDateTime>
#include <QString>

// One contact with a customer, as an RM logs it. Contacts are append-only: a
// correction is a new record whose `supersedes` names the one it corrects.
struct Contact
{
    enum class Channel : quint8 { Phone, Sms, WeChat, MobileBanking, Visit, Branch, Event, WeCom };
    enum class Outcome : quint8 {
        Reached, NoAnswer, Declined, Interested, Appointment, Converted,
        RolledOver, Reinvested, FundsElsewhere, Withdrawn,
    };
    static constexpr int kChannelCount = 8; // WeCom (企业微信) last: keys, not numbers, are stored
    static constexpr int kOutcomeCount = 10;

    QString contactId;
    QString customerNo;
    QString staffId;
    Channel channel = Channel::Phone;
    Outcome outcome = Outcome::Reached;
    QDateTime contactedAt;
    QString note;
    QDate nextStepDate;
    QString holdingId;
    QString supersedes;
    QString deviceId;
    QDateTime createdAt;

    // Face-to-face channels count for the "+1" of 4+1; the others are remote touches.
    static bool isFaceToFace(Channel c) { return c == Channel::Visit || c == Channel::Branch || c == Channel::Event; }

    static QString channelKey(Channel c);
    static bool channelFromKey(const QString &key, Channel *out);
    static QString channelName(Channel c); // translated
    static QString outcomeKey(Outcome o);
    static bool outcomeFromKey(const QString &key, Outcome *out);
    static QString outcomeName(Outcome o); // translated
};
