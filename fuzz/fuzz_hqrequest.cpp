// libFuzzer target: HQ's request parsing (hq/requestdecoder): the body limit and
// inflating, then the login and push bodies, as CBOR or JSON. The first byte picks the
// route and the headers. Beyond "no crash": a refusal always says why, and a login
// error is one of a few fixed texts (nothing sent is echoed).
#include "requestdecoder.h"

#include <QCborMap>
#include <QCborValue>
#include <QSet>

#include <cstdlib>

extern "C" int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    if (size < 1)
        return 0;
    const uint8_t mode = data[0];
    const QByteArray sent(reinterpret_cast<const char *>(data + 1), qsizetype(size - 1));
    const QByteArray encoding = (mode & 1) ? QByteArrayLiteral("deflate") : QByteArray();
    const auto format = (mode & 2) ? RequestDecoder::Format::Json : RequestDecoder::Format::Cbor;
    const bool isLogin = mode & 4;
    QByteArray body;
    QString error;
    bool tooLarge = false;
    const qsizetype limit = isLogin ? RequestDecoder::kMaxLoginBytes : qsizetype(1) << 20;
    if (!RequestDecoder::body(sent, encoding, limit, &body, &error, &tooLarge)) {
        if (error.isEmpty() || !body.isEmpty())
            abort();
        return 0;
    }
    if (body.size() > limit)
        abort();
    if (isLogin) {
        RequestDecoder::Login login;
        if (!RequestDecoder::login(body, format, &login, &error)) {
            if (error.isEmpty())
                abort();
        } else if (login.staffId.isEmpty() || login.password.isEmpty() || login.device.isEmpty()) {
            abort();
        }
        // Login errors are fixed texts, so nothing sent (a password, a name) can come back
        // in one. The texts are learnt from three known-bad bodies, not copied here.
        static const QSet<QString> fixedTexts = [] {
            QSet<QString> texts;
            RequestDecoder::Login unused;
            for (const QByteArray &bad : {QByteArray(), QCborValue(QCborMap{{QStringLiteral("staff_id"), 1}}).toCbor(),
                                          QCborValue(QCborMap()).toCbor()}) {
                QString text;
                RequestDecoder::login(bad, RequestDecoder::Format::Cbor, &unused, &text);
                texts.insert(text);
            }
            return texts;
        }();
        if (!error.isEmpty() && !fixedTexts.contains(error))
            abort(); // an error text that depends on what was sent
    } else {
        WireFormat::PushBatch batch;
        if (!RequestDecoder::push(body, format, &batch, &error)) {
            if (error.isEmpty() || !batch.records.empty())
                abort();
        } else {
            for (const SyncRecord &r : batch.records) {
                if (r.entity.isEmpty() || r.id.isEmpty())
                    abort();
            }
        }
    }
    return 0;
}
