#pragma once

#include "session/branchsession.h" // HqClient::Status

#include <QCoreApplication>
#include <QString>

// What an answer (or silence) from HQ means, in the user's language. The sync layer's own
// texts are technical English for the sync log and IT; the windows show these (issue 16:
// "HQ is not reachable: 主机…" mixed both languages in one message).
class HqMessages
{
    Q_DECLARE_TR_FUNCTIONS(HqMessages)
public:
    static QString forStatus(HqClient::Status status);
    // True when the password was refused, the only failure that should clear the password field.
    static bool isWrongPassword(HqClient::Status status) { return status == HqClient::Status::Unauthorized; }
};
