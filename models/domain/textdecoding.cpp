#include "textdecoding.h"

#include <QStringDecoder>

#include <unicode/ucnv.h>

namespace {

bool hasUtf8Bom(const QByteArray &b)
{
    return b.startsWith("\xEF\xBB\xBF");
}

QString convertGb18030(const QByteArray &bytes)
{
    UErrorCode status = U_ZERO_ERROR;
    UConverter *conv = ucnv_open("GB18030", &status);
    if (U_FAILURE(status))
        return QString::fromLocal8Bit(bytes);
    QString out(bytes.size() + 1, Qt::Uninitialized);
    const int32_t n = ucnv_toUChars(conv, reinterpret_cast<UChar *>(out.data()), int32_t(out.size()),
                                    bytes.constData(), int32_t(bytes.size()), &status);
    ucnv_close(conv);
    if (U_FAILURE(status))
        return QString::fromLocal8Bit(bytes);
    out.resize(n);
    return out;
}

} // namespace

TextDecoding::Encoding TextDecoding::detect(const QByteArray &bytes)
{
    if (hasUtf8Bom(bytes))
        return Encoding::Utf8Bom;
    QStringDecoder utf8(QStringDecoder::Utf8, QStringDecoder::Flag::Stateless);
    const QString probe = utf8.decode(bytes);
    Q_UNUSED(probe);
    return utf8.hasError() ? Encoding::Gbk : Encoding::Utf8;
}

QString TextDecoding::decode(const QByteArray &bytes, Encoding *detected)
{
    const Encoding e = detect(bytes);
    if (detected)
        *detected = e;
    switch (e) {
    case Encoding::Utf8Bom:
        return QString::fromUtf8(bytes.constData() + 3, bytes.size() - 3);
    case Encoding::Utf8:
        return QString::fromUtf8(bytes);
    case Encoding::Gbk:
        break;
    }
    return convertGb18030(bytes);
}

QString TextDecoding::name(Encoding e)
{
    switch (e) {
    case Encoding::Utf8:
        return QStringLiteral("UTF-8");
    case Encoding::Utf8Bom:
        return QStringLiteral("UTF-8 (BOM)");
    case Encoding::Gbk:
        break;
    }
    return QStringLiteral("GBK");
}

QByteArray TextDecoding::encodeGbk(const QString &text)
{
    UErrorCode status = U_ZERO_ERROR;
    UConverter *conv = ucnv_open("GBK", &status);
    if (U_FAILURE(status))
        return {};
    QByteArray out(text.size() * 4 + 4, Qt::Uninitialized);
    const int32_t n = ucnv_fromUChars(conv, out.data(), int32_t(out.size()),
                                      reinterpret_cast<const UChar *>(text.constData()), int32_t(text.size()),
                                      &status);
    ucnv_close(conv);
    if (U_FAILURE(status))
        return {};
    out.resize(n);
    return out;
}
