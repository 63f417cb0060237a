#pragma once

#include <QCoreApplication>
#include <QStringList>

class QTextStream;

// branchdesk-cli import FILE --store PATH [--mapping FILE] [--rejects FILE]:
// the import wizard's job without a window (CustomerImportJob): CSV (UTF-8 or
// GBK) or .xlsx, good rows in one transaction, rejects with line and reason.
class ImportCommand
{
    Q_DECLARE_TR_FUNCTIONS(ImportCommand)
public:
    ImportCommand(QTextStream &out, QTextStream &err) : m_out(out), m_err(err) {}

    // arguments: argv[0] followed by the command's own arguments. Returns the exit code:
    // 0 imported (some rows may be rejected), 1 nothing imported (error), 2 wrong usage.
    int run(const QStringList &arguments, const QString &passphrase);
    static QString usage();

private:
    QTextStream &m_out;
    QTextStream &m_err;
};
