#pragma once

#include "commandtable.h"

#include <QCoreApplication>
#include <QStringList>

class QTextStream;

// The headless jobs of branchdesk-cli. Each returns the process exit code:
// 0 success, 1 failure, 2 wrong usage. Messages go to stderr, results to stdout.
class CliCommands
{
    Q_DECLARE_TR_FUNCTIONS(CliCommands)
public:
    CliCommands(QTextStream &out, QTextStream &err) : m_out(out), m_err(err) {}

    int run(const QStringList &arguments);

private:
    using Handler = int (CliCommands::*)(const QStringList &args);
    // One entry per command: run() dispatches through it; usageText() describes them.
    static const CommandTable::Command<Handler> kCommands[];

    int demo(const QStringList &args);
    int extract(const QStringList &args);
    int stats(const QStringList &args);
    int sync(const QStringList &args);
    int list(const QStringList &args);
    int tasks(const QStringList &args);
    int logContact(const QStringList &args);
    int importCustomers(const QStringList &args);
    int usage(int code);
    int commandUsage(const QString &command); // `COMMAND --help`: no store, no passphrase needed
    static QString usageText();
    QString passphrase();

    QTextStream &m_out;
    QTextStream &m_err;
};
