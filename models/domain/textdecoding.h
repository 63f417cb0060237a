#pragma once

#include <QByteArray>
#include <QString>

// Decodes a text file from a branch: UTF-8 (with or without a BOM) or, when
// the bytes are not valid UTF-8, GBK as Excel on Chinese Windows saves "CSV".
// GBK goes through ICU's GB18030 converter (a superset of GBK) directly:
// QStringDecoder knows GBK only when Qt is built with ICU (Debian's is).
class TextDecoding
{
public:
    enum class Encoding { Utf8, Utf8Bom, Gbk };
    static QString decode(const QByteArray &bytes, Encoding *detected = nullptr);
    static Encoding detect(const QByteArray &bytes);
    static QString name(Encoding e);
    // For tests and the rejects file of a GBK source: QString -> GBK bytes.
    static QByteArray encodeGbk(const QString &text);
};
