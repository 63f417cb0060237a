#include "contact.h"

#include <QCoreApplication>

namespace {
struct Named
{
    const char *key;
    const char *name;
};
const Named kChannels[] = {
    {"phone", QT_TRANSLATE_NOOP("Contact", "Phone call")},
    {"sms", QT_TRANSLATE_NOOP("Contact", "SMS")},
    {"wechat", QT_TRANSLATE_NOOP("Contact", "WeChat")},
    {"mobile_banking", QT_TRANSLATE_NOOP("Contact", "Mobile-banking message")},
    {"visit", QT_TRANSLATE_NOOP("Contact", "Visit")},
    {"branch", QT_TRANSLATE_NOOP("Contact", "At the branch")},
    {"event", QT_TRANSLATE_NOOP("Contact", "Event")},
    {"wecom", QT_TRANSLATE_NOOP("Contact", "WeCom message")},
};
const Named kOutcomes[] = {
    {"reached", QT_TRANSLATE_NOOP("Contact", "Reached")},
    {"no_answer", QT_TRANSLATE_NOOP("Contact", "No answer")},
    {"declined", QT_TRANSLATE_NOOP("Contact", "Declined")},
    {"interested", QT_TRANSLATE_NOOP("Contact", "Interested")},
    {"appointment", QT_TRANSLATE_NOOP("Contact", "Appointment made")},
    {"converted", QT_TRANSLATE_NOOP("Contact", "Converted")},
    {"rolled_over", QT_TRANSLATE_NOOP("Contact", "Rolled over")},
    {"reinvested", QT_TRANSLATE_NOOP("Contact", "Moved to another product here")},
    {"funds_elsewhere", QT_TRANSLATE_NOOP("Contact", "Funds used elsewhere")},
    {"withdrawn", QT_TRANSLATE_NOOP("Contact", "Withdrawn")},
};

template<size_t N>
bool fromKey(const Named (&table)[N], const QString &key, int *out)
{
    for (size_t i = 0; i < N; ++i) {
        if (key == QLatin1String(table[i].key)) {
            *out = int(i);
            return true;
        }
    }
    return false;
}
} // namespace

QString Contact::channelKey(Channel c)
{
    return QString::fromLatin1(kChannels[int(c)].key);
}

bool Contact::channelFromKey(const QString &key, Channel *out)
{
    int i = 0;
    if (!fromKey(kChannels, key, &i))
        return false;
    *out = Channel(i);
    return true;
}

QString Contact::channelName(Channel c)
{
    return QCoreApplication::translate("Contact", kChannels[int(c)].name);
}

QString Contact::outcomeKey(Outcome o)
{
    return QString::fromLatin1(kOutcomes[int(o)].key);
}

bool Contact::outcomeFromKey(const QString &key, Outcome *out)
{
    int i = 0;
    if (!fromKey(kOutcomes, key, &i))
        return false;
    *out = Outcome(i);
    return true;
}

QString Contact::outcomeName(Outcome o)
{
    return QCoreApplication::translate("Contact", kOutcomes[int(o)].name);
}
