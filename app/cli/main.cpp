#include "clicommands.h"

#include <QCoreApplication>
#include <QTextStream>

#include <cstdio>

int main(int argc, char *argv[])
{
    QCoreApplication app(argc, argv);
    QCoreApplication::setApplicationName(QStringLiteral("branchdesk-cli"));
    QCoreApplication::setOrganizationName(QStringLiteral("BranchDesk"));
    QCoreApplication::setApplicationVersion(QStringLiteral(BRANCHDESK_VERSION));
    QTextStream out(stdout);
    QTextStream err(stderr);
    CliCommands commands(out, err);
    const int code = commands.run(QCoreApplication::arguments());
    out.flush();
    err.flush();
    return code;
}
