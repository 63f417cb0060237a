#pragma once

#include <QHash>
#include <QMutex>
#include <QString>
#include <memory>

#include <unicode/uversion.h>

U_NAMESPACE_BEGIN
class Transliterator;
U_NAMESPACE_END

// Pinyin of Chinese characters, through ICU's Han-Latin transliterator
// (tones stripped, lower case). ICU is asked once per distinct character and
// the answer cached, which turns 100k names from seconds into milliseconds.
// Surnames with a special reading (单 shan, 曾 zeng, 解 xie, ...) are read as
// surnames when they are the first character of a name.
class Pinyin
{
public:
    static Pinyin &instance();

    // Syllable of one character; ASCII letters and digits map to themselves in
    // lower case, other characters to an empty string.
    QString syllable(QChar ch, bool surnamePosition = false);
    // Full pinyin of a name without separators: 张三 -> "zhangsan".
    QString full(const QString &name);
    // First letter of each syllable: 张三 -> "zs".
    QString initials(const QString &name);

private:
    Pinyin();
    ~Pinyin();
    QMutex m_mutex;
    QHash<char16_t, QString> m_cache;
    icu::Transliterator *m_translit = nullptr;
};
