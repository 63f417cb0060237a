#pragma once

#include <QCoreApplication>
#include <QStringList>

class QTextStream;

// branchdesk-cli list threshold|low-efficiency|quadrant: prints the list the
// Lists and Value quadrant pages show for the same store, policy and date, as
// CSV or JSON. Amounts in fen, scores 0-100.
class ListCommand
{
    Q_DECLARE_TR_FUNCTIONS(ListCommand)
public:
    ListCommand(QTextStream &out, QTextStream &err) : m_out(out), m_err(err) {}

    // arguments: argv[0] followed by the command's own arguments. Returns the exit code.
    int run(const QStringList &arguments, const QString &passphrase);
    static QString usage();

private:
    QTextStream &m_out;
    QTextStream &m_err;
};
