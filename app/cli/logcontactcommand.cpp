#include "logcontactcommand.h"
#include "cadencecommands.h"

#include "store/contactrepository.h"
#include "store/database.h"
#include "store/metatable.h"
#include "store/schemamigrations.h"
#include "store/statement.h"
#include "store/storeerror.h"

#include <QCommandLineParser>
#include <QJsonDocument>
#include <QJsonObject>
#include <QTextStream>

namespace {

// The options of `log-contact`.
struct ContactOptions
{
    const QCommandLineOption store{QStringLiteral("store"), QString(), QStringLiteral("PATH")};
    const QCommandLineOption customer{QStringLiteral("customer"), QString(), QStringLiteral("NO")};
    const QCommandLineOption channel{QStringLiteral("channel"), QString(), QStringLiteral("CHANNEL")};
    const QCommandLineOption outcome{QStringLiteral("outcome"), QString(), QStringLiteral("OUTCOME")};
    const QCommandLineOption at{QStringLiteral("at"), QString(), QStringLiteral("ISO-TIME")};
    const QCommandLineOption note{QStringLiteral("note"), QString(), QStringLiteral("TEXT")};
    const QCommandLineOption staff{QStringLiteral("staff"), QString(), QStringLiteral("ID")};
    const QCommandLineOption holding{QStringLiteral("holding"), QString(), QStringLiteral("ID")};
    const QCommandLineOption next{QStringLiteral("next"), QString(), QStringLiteral("YYYY-MM-DD")};
};

// The contact `log-contact` describes, from its arguments: 0, or the exit code (the error printed).
int parseContact(QCommandLineParser &p, const ContactOptions &o, const QStringList &arguments, QTextStream &err,
                 Contact *c)
{
    p.addOptions({o.store, o.customer, o.channel, o.outcome, o.at, o.note, o.staff, o.holding, o.next});
    if (!p.parse(arguments)) {
        err << p.errorText() << Qt::endl;
        return 2;
    }
    if (p.value(o.store).isEmpty() || p.value(o.customer).isEmpty() || p.value(o.channel).isEmpty()
        || p.value(o.outcome).isEmpty()) {
        err << CadenceCommands::tr("log-contact needs --store, --customer, --channel and --outcome") << Qt::endl;
        return 2;
    }
    c->customerNo = p.value(o.customer);
    if (!Contact::channelFromKey(p.value(o.channel), &c->channel)) {
        err << CadenceCommands::tr("Unknown channel '%1'").arg(p.value(o.channel)) << Qt::endl;
        return 2;
    }
    if (!Contact::outcomeFromKey(p.value(o.outcome), &c->outcome)) {
        err << CadenceCommands::tr("Unknown outcome '%1'").arg(p.value(o.outcome)) << Qt::endl;
        return 2;
    }
    const QDateTime now = QDateTime::currentDateTime();
    c->contactedAt = now.toOffsetFromUtc(now.offsetFromUtc());
    if (p.isSet(o.at)) {
        c->contactedAt = QDateTime::fromString(p.value(o.at), Qt::ISODate);
        if (!c->contactedAt.isValid()) {
            err << CadenceCommands::tr("--at must be an ISO date-time such as 2026-11-23T10:30:00+08:00, got '%1'")
                       .arg(p.value(o.at))
                << Qt::endl;
            return 2;
        }
        if (c->contactedAt.timeSpec() == Qt::LocalTime)
            c->contactedAt = c->contactedAt.toOffsetFromUtc(c->contactedAt.offsetFromUtc());
    }
    if (p.isSet(o.next)) {
        c->nextStepDate = QDate::fromString(p.value(o.next), Qt::ISODate);
        if (!c->nextStepDate.isValid()) {
            err << CadenceCommands::tr("--next must be a date as YYYY-MM-DD, got '%1'").arg(p.value(o.next)) << Qt::endl;
            return 2;
        }
    }
    c->note = p.value(o.note);
    c->holdingId = p.value(o.holding);
    return 0;
}

// Who made the contact: --staff, else the customer's RM (the manager's assignment, schema v6,
// wins over HQ's rm_id); a store synced with HQ logs as its signed-in user only (issue 15).
// 0, or the exit code (the error printed).
int contactStaff(Database &db, const QCommandLineParser &p, const ContactOptions &o, QTextStream &err, Contact *c)
{
    QString rmId;
    {
        Statement st(db, QStringLiteral("SELECT COALESCE((SELECT rm_id FROM assignment WHERE customer_no = ?1), rm_id)"
                                        " FROM customer WHERE customer_no = ?1"));
        st.bind(1, c->customerNo);
        if (!st.step()) {
            err << CadenceCommands::tr("No customer '%1' in this store").arg(c->customerNo) << Qt::endl;
            return 1;
        }
        rmId = st.text(0);
    }
    c->staffId = p.isSet(o.staff) ? p.value(o.staff) : rmId;
    const QString owner = MetaTable::value(db, QStringLiteral("sync.staff_id"));
    if (!owner.isEmpty()) {
        if (p.isSet(o.staff) && p.value(o.staff) != owner) {
            err << CadenceCommands::tr("This store belongs to %1: contacts are logged as %1 only").arg(owner) << Qt::endl;
            return 2;
        }
        c->staffId = owner;
    }
    if (c->staffId.isEmpty()) {
        err << CadenceCommands::tr("The customer has no RM: say who made the contact with --staff ID") << Qt::endl;
        return 2;
    }
    return 0;
}

} // namespace

int LogContactCommand::run(const QStringList &arguments, const QString &passphrase)
{
    QCommandLineParser p;
    const ContactOptions options;
    Contact c;
    if (const int status = parseContact(p, options, arguments, m_err, &c))
        return status;
    if (passphrase.isEmpty()) {
        m_err << CadenceCommands::tr("Set the store passphrase in the environment variable BRANCHDESK_PASSPHRASE") << Qt::endl;
        return 2;
    }
    try {
        Database db = Database::open(p.value(options.store), passphrase, Database::OpenMode::ExistingOnly);
        SchemaMigrations::migrate(db);
        if (const int status = contactStaff(db, p, options, m_err, &c))
            return status;
        const Contact stored = ContactRepository(db).log(c);
        m_out << QString::fromUtf8(QJsonDocument(ContactRepository::toJson(stored)).toJson(QJsonDocument::Indented));
    } catch (const StoreError &e) {
        m_err << CadenceCommands::tr("Error: %1").arg(e.message()) << Qt::endl;
        return 1;
    }
    return 0;
}
