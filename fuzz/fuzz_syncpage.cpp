// libFuzzer target: what a desktop does with a pull page from HQ (SyncEngine's pull):
// decode the page, check its checksum, decode its records, apply them with the cursor
// to a real (in-memory) store. The fuzzer cannot forge SHA-256, so the harness also
// applies the records of pages whose checksum it fixes up: the record decoder and the
// page applier are what a compromised or buggy HQ reaches.
// A StoreError is the expected refusal (the page's transaction rolls back, the round
// fails with a message); anything else escaping, or a crash, is a finding.
#include "store/database.h"
#include "store/schemamigrations.h"
#include "store/statement.h"
#include "store/storeerror.h"
#include "store/storekey.h"
#include "sync/pageapplier.h"
#include "sync/wireformat.h"

#include <cstdlib>
#include <memory>

namespace {

std::unique_ptr<Database> g_db;
int g_uses = 0;

Database &store()
{
    // A fresh store now and then, so rows from earlier inputs do not pile up.
    if (!g_db || ++g_uses > 2000) {
        g_db.reset();
        // A raw key: a passphrase would run Argon2id and write a key file beside ":memory:".
        g_db = std::make_unique<Database>(Database::open(QStringLiteral(":memory:"), *StoreKey::random(),
                                                         Database::OpenMode::CreateIfMissing));
        SchemaMigrations::migrate(*g_db);
        g_uses = 0;
    }
    return *g_db;
}

qint64 cursorOf(Database &db)
{
    Statement st(db, QStringLiteral("SELECT value FROM meta WHERE key = 'sync.cursor'"));
    return st.step() ? st.text(0).toLongLong() : -1;
}

void applyRecords(const QByteArray &recordBytes, qint64 next)
{
    std::vector<SyncRecord> records;
    QString error;
    if (!WireFormat::decodeRecords(recordBytes, &records, &error)) {
        if (error.isEmpty() || !records.empty())
            abort(); // a refusal says why and leaves nothing half-decoded
        return;
    }
    Database &db = store();
    const qint64 before = cursorOf(db);
    try {
        PageApplier::apply(db, records, next);
        if (cursorOf(db) != next)
            abort(); // applied without its cursor
    } catch (const StoreError &) {
        if (db.inTransaction() || cursorOf(db) != before)
            abort(); // a refused page must leave the store as it was
    }
}

} // namespace

extern "C" int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    if (size < 1)
        return 0;
    const QByteArray input(reinterpret_cast<const char *>(data + 1), qsizetype(size - 1));
    switch (data[0] % 3) {
    case 0: { // a whole page as HQ sends it
        WireFormat::Page page;
        QString error;
        if (!WireFormat::decodePage(input, &page, &error))
            return 0;
        if (!WireFormat::verify(page))
            page.checksum = WireFormat::checksum(page.records);
        if (WireFormat::verify(page))
            applyRecords(page.records, page.next);
        break;
    }
    case 1: // the records byte string alone (what passed the checksum)
        applyRecords(input, qint64(size));
        break;
    default: { // a compressed body
        QByteArray raw;
        QString error;
        if (WireFormat::inflate(input, &raw, &error, 1 << 20)) {
            WireFormat::Page page;
            WireFormat::decodePage(raw, &page, &error);
        }
        break;
    }
    }
    return 0;
}
