#pragma once

#include <QString>

// Masks personal fields for display. The rules keep what staff need to
// confirm identity on the phone (the last digits) and hide the rest:
//   phone 13812345678       -> 138****5678
//   ID    110101199001011234 -> 110101********1234 (birth date hidden)
//   address                  -> district kept, street and number hidden
//   name (list exports)  张三丰 -> 张**, 欧阳娜娜 -> 欧阳** (surname kept)
class PersonalDataMask
{
public:
    static QString name(const QString &name);
    static QString phone(const QString &phone);
    static QString idNumber(const QString &id);
    static QString address(const QString &address);
};
