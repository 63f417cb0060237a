#pragma once

// The command tables of branchdesk-hq and branchdesk-cli, and the options table of the
// desktop programs: dispatch and --help come from one list instead of an if-chain over argv.
// Header only (no library of its own): branchdesk-hq links nothing new for it.

#include <QCommandLineOption>
#include <QString>
#include <QStringList>

#include <iterator>

namespace CommandTable {

// One command of a command-line program. `usage` is its part of --help: a line of two spaces,
// the name and its arguments, then lines indented further that explain it (nullptr: the
// program's usage text is written elsewhere). `checked`: the program's common check runs
// first (hq: the schema is current; the CLI: the store's unlock gate); the commands that
// create what is checked skip it.
template <typename Handler>
struct Command
{
    const char *name;
    Handler run;
    const char *usage = nullptr;
    bool checked = true;
};

// The entry called `name`, or nullptr.
template <typename Table>
auto find(const Table &table, const QString &name) -> decltype(&*std::begin(table))
{
    for (const auto &command : table) {
        if (name == QLatin1String(command.name))
            return &command;
    }
    return nullptr;
}

// The usage lines of every command, in table order.
template <typename Table>
QString usageOf(const Table &table)
{
    QString text;
    for (const auto &command : table)
        text += command.usage ? QString::fromUtf8(command.usage) : QString();
    return text;
}

// `PROGRAM COMMAND --help`: the lines of a whole usage text that belong to `command` (its own
// "  command ..." line and the more indented lines under it). Empty when no line names it.
inline QStringList linesOf(const QString &usage, const QString &command)
{
    QStringList own;
    bool inside = false;
    for (const QString &line : usage.split(QLatin1Char('\n'))) {
        if (line.startsWith(QLatin1String("  ")) && !line.startsWith(QLatin1String("   ")))
            inside = line.mid(2).section(QLatin1Char(' '), 0, 0) == command;
        if (inside)
            own << line;
    }
    return own;
}

// One option of a desktop program: name, value name (nullptr: a switch), one line of help and
// the default value. The parser and its --help are built from the table.
struct Option
{
    const char *name;
    const char *valueName;
    const char *help;
    const char *defaultValue = nullptr;
};

inline QCommandLineOption toOption(const Option &o)
{
    const QString name = QString::fromLatin1(o.name);
    const QString help = QString::fromUtf8(o.help);
    if (!o.valueName)
        return QCommandLineOption(name, help);
    return QCommandLineOption(name, help, QString::fromLatin1(o.valueName),
                              o.defaultValue ? QString::fromLatin1(o.defaultValue) : QString());
}

template <typename Table>
QList<QCommandLineOption> optionsOf(const Table &table)
{
    QList<QCommandLineOption> options;
    for (const Option &o : table)
        options << toOption(o);
    return options;
}

} // namespace CommandTable
