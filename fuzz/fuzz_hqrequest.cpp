// libFuzzer target: HQ's request parsing (hq/requestdecoder): the body limit and
// inflating, then the login and push bodies, as CBOR or JSON. The first byte picks the
// route and the headers. Beyond "no crash": a refusal always says why, and no error
// message carries the text of the password sent.
#include "requestdecoder.h"

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
        if (!login.password.isEmpty() && login.password.size() >= 4 && error.contains(login.password))
            abort(); // the password came back in an error message
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
