#pragma once

#include <QStringList>

class QTextStream;

// branchdesk-cli log-contact (CadenceCommands::logContact): logs one contact with its outbox
// entry and prints it as JSON. Its messages keep CadenceCommands' translation context.
class LogContactCommand
{
public:
    LogContactCommand(QTextStream &out, QTextStream &err) : m_out(out), m_err(err) {}

    // arguments: argv[0] followed by the command's own arguments. Returns the exit code.
    int run(const QStringList &arguments, const QString &passphrase);

private:
    QTextStream &m_out;
    QTextStream &m_err;
};
