#pragma once

#include <QByteArray>
#include <QByteArrayView>
#include <optional>
#include <vector>

// Writes a pull page's records (a CBOR array, docs/sync-protocol.md) straight from
// PostgreSQL's jsonb text: byte for byte what WireFormat::encodeRecords writes for the
// same rows after QJsonDocument::fromJson, without a QJsonObject and two UTF-16
// conversions per record (decision 34). A flat payload of text, whole numbers up to
// 2^53, booleans and nulls with ASCII keys is transcoded; anything else (nested values,
// fractions, larger numbers, \u escapes, non-ASCII keys, text that is not valid JSON)
// goes through QJsonDocument and WireFormat::encodeRecord as before.
class PageEncoder
{
public:
    explicit PageEncoder(qsizetype records);

    // `payload` is the jsonb text; nullopt (a tombstone, or SQL NULL) writes no payload
    // for a tombstone and an empty one otherwise, as HqDatabase::pull always did.
    void add(QByteArrayView entity, QByteArrayView id, qint64 seq, bool deleted,
             std::optional<QByteArrayView> payload);
    QByteArray finish();

    // Counts payloads that went the slow way (tests).
    int fallbacks() const { return m_fallbacks; }

private:
    struct Field
    {
        qsizetype key;
        qsizetype keySize;
        enum class Kind { Text, Integer, True, False, Null } kind;
        qsizetype text;     // Text: offset in m_scratch
        qsizetype textSize;
        qint64 integer;
    };
    class JsonCursor; // reads the payload's JSON (pageencoder.cpp)
    bool transcode(QByteArrayView json);
    bool parseObject(QByteArrayView json);
    bool parseMember(JsonCursor &c, QByteArrayView json);
    bool sortFields(const char *base);
    void writeMap(const char *base);

    QByteArray m_out;
    QByteArray m_scratch; // unescaped text of the record being written
    std::vector<Field> m_fields;
    int m_fallbacks = 0;
};
