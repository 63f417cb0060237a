#include "pinyin.h"

#include <QMutexLocker>
#include <unicode/translit.h>
#include <unicode/unistr.h>

namespace {
// Surname readings that differ from the character's most common reading.
QString surnameReading(QChar ch)
{
    switch (ch.unicode()) {
    case u'单': return QStringLiteral("shan");
    case u'曾': return QStringLiteral("zeng");
    case u'解': return QStringLiteral("xie");
    case u'查': return QStringLiteral("zha");
    case u'仇': return QStringLiteral("qiu");
    case u'区': return QStringLiteral("ou");
    case u'朴': return QStringLiteral("piao");
    case u'翟': return QStringLiteral("zhai");
    case u'乐': return QStringLiteral("yue");
    case u'覃': return QStringLiteral("qin");
    case u'盖': return QStringLiteral("ge");
    case u'缪': return QStringLiteral("miao");
    case u'召': return QStringLiteral("shao");
    case u'繁': return QStringLiteral("po");
    case u'员': return QStringLiteral("yun");
    case u'秘': return QStringLiteral("bi");
    case u'长': return QStringLiteral("chang");
    case u'柏': return QStringLiteral("bai");
    case u'尉': return QStringLiteral("yu");
    default: return {};
    }
}
} // namespace

Pinyin &Pinyin::instance()
{
    static Pinyin pinyin;
    return pinyin;
}

Pinyin::Pinyin()
{
    UErrorCode status = U_ZERO_ERROR;
    m_translit = icu::Transliterator::createInstance(
        icu::UnicodeString::fromUTF8("Han-Latin; Latin-ASCII; Lower"), UTRANS_FORWARD, status);
    if (U_FAILURE(status)) {
        delete m_translit;
        m_translit = nullptr;
    }
}

Pinyin::~Pinyin()
{
    delete m_translit;
}

QString Pinyin::syllable(QChar ch, bool surnamePosition)
{
    if (ch.unicode() < 128) {
        return ch.isLetterOrNumber() ? QString(ch.toLower()) : QString();
    }
    if (surnamePosition) {
        const QString s = surnameReading(ch);
        if (!s.isEmpty())
            return s;
    }
    QMutexLocker lock(&m_mutex);
    const auto it = m_cache.constFind(ch.unicode());
    if (it != m_cache.constEnd())
        return *it;
    QString result;
    if (m_translit) {
        icu::UnicodeString text(static_cast<UChar>(ch.unicode()));
        m_translit->transliterate(text);
        for (int i = 0; i < text.length(); ++i) {
            const UChar c = text.charAt(i);
            if ((c >= 'a' && c <= 'z') || (c >= '0' && c <= '9'))
                result += QChar(c);
        }
    }
    m_cache.insert(ch.unicode(), result);
    return result;
}

QString Pinyin::full(const QString &name)
{
    QString out;
    for (int i = 0; i < name.size(); ++i)
        out += syllable(name.at(i), i == 0);
    return out;
}

QString Pinyin::initials(const QString &name)
{
    QString out;
    for (int i = 0; i < name.size(); ++i) {
        const QString s = syllable(name.at(i), i == 0);
        if (!s.isEmpty())
            out += s.at(0);
    }
    return out;
}
