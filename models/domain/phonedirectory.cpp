#include "phonedirectory.h"

#include "branchsnapshot.h"

PhoneDirectory::PhoneDirectory(const BranchSnapshot &snapshot)
{
    m_byPhone.reserve(snapshot.customerCount());
    for (int i = 0; i < snapshot.customerCount(); ++i) {
        const QString phone = normalize(snapshot.customer(i).phone);
        if (!phone.isEmpty() && !m_byPhone.contains(phone))
            m_byPhone.insert(phone, i);
    }
}

int PhoneDirectory::find(const QString &phone) const
{
    const QString key = normalize(phone);
    return key.isEmpty() ? -1 : m_byPhone.value(key, -1);
}

QString PhoneDirectory::normalize(const QString &phone)
{
    QString digits;
    digits.reserve(phone.size());
    for (QChar c : phone) {
        if (c.isDigit())
            digits.append(QChar(u'0' + c.digitValue()));
    }
    if (digits.size() == 13 && digits.startsWith(QLatin1String("86")))
        digits.remove(0, 2);
    else if (digits.size() == 15 && digits.startsWith(QLatin1String("0086")))
        digits.remove(0, 4);
    return digits;
}
