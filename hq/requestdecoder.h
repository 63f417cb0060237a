#pragma once

#include "protocol/wireformat.h"

#include <QByteArray>
#include <QString>

// Turns the bytes of a request HQ received into what the handlers need, without
// any network or database: the one place hostile input meets HQ, kept pure so
// it can be fuzzed (fuzz/fuzz_hqrequest.cpp) and tested on its own.
class RequestDecoder
{
public:
    enum class Format { Cbor, Json };
    // A login body is a handful of short fields.
    static constexpr qsizetype kMaxLoginBytes = 64 * 1024;

    struct Login
    {
        QString branch; // may be empty: then the staff ID must be unique
        QString staffId;
        QString password;
        QString device;
        QString auditKeyId; // the audit key the desktop holds (issue 15); empty: none
    };

    // Issue 19: a device credential traded for a token (POST /v1/token).
    struct Renewal
    {
        QString device;
        QByteArray credential;
        QString auditKeyId;
    };

    static Format format(const QByteArray &contentType);
    // The body as sent or, with "Content-Encoding: deflate", inflated; refused when
    // larger than `limit` before or after inflating. `tooLarge` tells 413 from 400.
    static bool body(const QByteArray &sent, const QByteArray &contentEncoding, qsizetype limit, QByteArray *out,
                     QString *error, bool *tooLarge = nullptr);
    // Error messages name the field that is wrong, never the value sent.
    static bool login(const QByteArray &body, Format format, Login *out, QString *error);
    static bool renewal(const QByteArray &body, Format format, Renewal *out, QString *error);
    static bool push(const QByteArray &body, Format format, WireFormat::PushBatch *out, QString *error);
};
