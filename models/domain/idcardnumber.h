#pragma once

#include <QDate>
#include <QString>

// The 18-character resident identity number of GB 11643-1999: 6 digits of
// region, 8 of birth date, 3 of sequence, and a check character computed by
// ISO 7064 MOD 11-2 (weights 7 9 10 5 8 4 2 1 6 3 7 9 10 5 8 4 2; the sum mod
// 11 maps to 1 0 X 9 8 7 6 5 4 3 2).
// A 15-digit number of the first generation is read as its 18-character form.
class IdCardNumber
{
public:
    enum class Problem { None, Length, Characters, BirthDate, CheckDigit };

    static Problem check(const QString &id);
    static QChar checkCharacter(const QString &first17);
    static QDate birthDate(const QString &id); // null if not a valid 18-character number
    // Trimmed, lower-case x -> X, and a 15-digit first-generation number converted to its
    // 18-character form (19 inserted before the birth year, check character appended).
    static QString normalized(const QString &id);
};
