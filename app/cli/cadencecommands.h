#pragma once

#include <QCoreApplication>
#include <QStringList>

class QTextStream;

// branchdesk-cli commands for the RM's day: `tasks` prints what the Today
// page shows (one RM's or every RM's), `log-contact` logs a contact with its
// outbox entry, and `list maturity|retention|conversion|payroll` prints those
// lists as the pages show them. CSV or JSON, amounts in fen, dates ISO.
class CadenceCommands
{
    Q_DECLARE_TR_FUNCTIONS(CadenceCommands)
public:
    CadenceCommands(QTextStream &out, QTextStream &err) : m_out(out), m_err(err) {}

    // arguments: argv[0] followed by the command's own arguments. Return the exit code.
    int tasks(const QStringList &arguments, const QString &passphrase);
    int logContact(const QStringList &arguments, const QString &passphrase);
    int list(const QStringList &arguments, const QString &passphrase);
    // Whether `list` arguments name one of this class's lists.
    static bool handlesList(const QStringList &arguments);
    static QString usage();

private:
    QTextStream &m_out;
    QTextStream &m_err;
};
