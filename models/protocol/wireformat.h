#pragma once

#include "syncrecord.h"

#include <QByteArray>
#include <QString>
#include <vector>

// The sync protocol's encoding, shared by the desktop and branchdesk-hq
// (docs/sync-protocol.md). Bodies are CBOR; a page carries its records as one
// CBOR byte string plus the SHA-256 of exactly those bytes, so the client
// verifies before it decodes or applies anything.
class WireFormat
{
public:
    static constexpr int kProtocolVersion = 1;
    // Largest body either side accepts, compressed or not.
    static constexpr qsizetype kMaxBodyBytes = 256 * 1024 * 1024;

    struct Page
    {
        qint64 after = 0;       // the cursor the page starts after
        qint64 next = 0;        // the cursor to ask for next
        bool hasMore = false;
        bool fullResync = false; // the cursor is older than the oldest kept tombstone
        QByteArray records;     // CBOR array of records
        QByteArray checksum;    // SHA-256 of `records`
    };

    struct PushBatch
    {
        int schemaVersion = 0;
        QString deviceId;
        std::vector<SyncRecord> records; // seq = device sequence
    };

    struct PushResult
    {
        qint64 ackedThrough = 0; // every device sequence up to this is stored at HQ
        int accepted = 0;
        int duplicates = 0;
        // Records HQ acknowledged without storing them (issue 15): they broke the
        // entity's schema or the rules of who may write what. Device sequence and a
        // short reason that never repeats a value from the record.
        struct Refusal
        {
            qint64 seq = 0;
            QString reason;
        };
        std::vector<Refusal> refused;
    };

    static QByteArray encodeRecords(const std::vector<SyncRecord> &records);
    // One record's map, as encodeRecords writes it inside the array.
    static QByteArray encodeRecord(const SyncRecord &record);
    static bool decodeRecords(const QByteArray &cbor, std::vector<SyncRecord> *out, QString *error);

    static QByteArray encodePage(const Page &page);
    static bool decodePage(const QByteArray &cbor, Page *out, QString *error);
    static bool verify(const Page &page);

    static QByteArray encodePush(const PushBatch &batch);
    static bool decodePush(const QByteArray &cbor, PushBatch *out, QString *error);
    static QByteArray encodePushResult(const PushResult &result);
    static bool decodePushResult(const QByteArray &cbor, PushResult *out, QString *error);

    static QByteArray checksum(const QByteArray &bytes);

    // zlib (RFC 1950) bodies: "Content-Encoding: deflate". Inflating stops as soon as
    // the output passes `limit` (a small body must not inflate to gigabytes first);
    // then `tooLarge` is set.
    static QByteArray deflate(const QByteArray &raw);
    static bool inflate(const QByteArray &compressed, QByteArray *out, QString *error,
                        qsizetype limit = kMaxBodyBytes, bool *tooLarge = nullptr);
};
