// libFuzzer target: what a desktop does with a pull page from HQ (SyncEngine's pull):
// decode the page, check its checksum, decode its records (PulledRecords, straight into
// typed columns), apply them with the cursor to a real (in-memory) store. The typed
// decoder must be exactly as strict as WireFormat::decodeRecords (HQ's reader of pushes):
// a different verdict, or different records, is a finding. The fuzzer cannot forge SHA-256, so the harness also
// applies the records of pages whose checksum it fixes up: the record decoder and the
// page applier are what a compromised or buggy HQ reaches.
// A StoreError is the expected refusal (the page's transaction rolls back, the round
// fails with a message); anything else escaping, or a crash, is a finding.
#include "store/database.h"
#include "store/schemamigrations.h"
#include "store/statement.h"
#include "store/storeerror.h"
#include "store/storekey.h"
#include "store/pageapplier.h"
#include "store/pulledrecords.h"
#include "protocol/wireformat.h"

#include <cmath>
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

// A number both decoders must agree on: decodeRecords carries numbers as doubles, which
// are exact only up to 2^53 (the typed decoder keeps every qint64 exactly).
bool comparable(const PulledRecords::Value &v)
{
    using K = PulledRecords::Value::Kind;
    if (v.kind == K::Integer)
        return v.integer > -(Q_INT64_C(1) << 53) && v.integer < (Q_INT64_C(1) << 53);
    if (v.kind == K::Real)
        return std::isnan(v.real) || std::fabs(v.real) < 9007199254740992.0;
    return true;
}

bool sameValue(const PulledRecords &a, const PulledRecords::Value &x, const PulledRecords &b, const PulledRecords::Value &y)
{
    using K = PulledRecords::Value::Kind;
    if (!comparable(x) || !comparable(y))
        return true;
    if (x.kind != y.kind)
        return false;
    switch (x.kind) {
    case K::Integer:
        return x.integer == y.integer;
    case K::Real:
        return (std::isnan(x.real) && std::isnan(y.real)) || x.real == y.real;
    case K::Text: {
        QByteArrayView tx = a.text(x);
        if (tx.startsWith("\xEF\xBB\xBF") && !b.text(y).startsWith("\xEF\xBB\xBF"))
            tx = tx.sliced(3); // Qt's UTF-16 conversion drops a leading byte order mark
        return tx == b.text(y);
    }
    default:
        return true;
    }
}

bool sameRecords(const PulledRecords &a, const PulledRecords &b)
{
    if (a.size() != b.size())
        return false;
    for (size_t i = 0; i < a.size(); ++i) {
        const PulledRecords::Record &x = a.at(i);
        const PulledRecords::Record &y = b.at(i);
        if (x.entity != y.entity || x.deleted != y.deleted || x.seq != y.seq || x.present != y.present)
            return false;
        QByteArrayView idx = a.id(x);
        if (idx.startsWith("\xEF\xBB\xBF") && !b.id(y).startsWith("\xEF\xBB\xBF"))
            idx = idx.sliced(3);
        if (idx != b.id(y))
            return false;
        if (x.entity < 0)
            continue;
        for (int c = 0; c < PulledRecords::kMaxColumns; ++c) {
            if ((x.present & (quint64(1) << c)) && !sameValue(a, a.value(x, c), b, b.value(y, c)))
                return false;
        }
    }
    return true;
}

void applyRecords(const QByteArray &recordBytes, qint64 next)
{
    PulledRecords page;
    QString error;
    const bool ok = page.decode(recordBytes, &error);
    std::vector<SyncRecord> reference;
    QString referenceError;
    if (ok != WireFormat::decodeRecords(recordBytes, &reference, &referenceError))
        abort(); // the typed decoder is more or less strict than the reference
    if (!ok) {
        if (error.isEmpty() || !page.empty())
            abort(); // a refusal says why and leaves nothing half-decoded
        return;
    }
    if (!sameRecords(page, PulledRecords::fromSyncRecords(reference)))
        abort(); // accepted, but read differently
    Database &db = store();
    const qint64 before = cursorOf(db);
    try {
        PageApplier::apply(db, page, next);
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
