#include "hqmessages.h"

QString HqMessages::forStatus(HqClient::Status status)
{
    switch (status) {
    case HqClient::Status::Ok:
        return {};
    case HqClient::Status::Offline:
        return tr("HQ cannot be reached. Check the network connection (cable, Wi-Fi or VPN) and the HQ address.");
    case HqClient::Status::Unauthorized:
        return tr("Wrong staff ID or password.");
    case HqClient::Status::Forbidden:
        return tr("HQ refused: this staff ID may not use this branch's data.");
    case HqClient::Status::FullResync:
        return tr("HQ asks for a full reload of the branch; it runs with the next sync.");
    case HqClient::Status::Conflict:
        return tr("HQ has seen this computer's changes before; it now syncs as a new device.");
    case HqClient::Status::BadResponse:
        return tr("HQ's answer could not be read. Try again later; if it persists, tell IT (details in the sync log).");
    case HqClient::Status::ServerError:
        return tr("HQ reported an error. Try again later; if it persists, tell IT (details in the sync log).");
    case HqClient::Status::Cancelled:
        return tr("Cancelled.");
    case HqClient::Status::DeviceLost:
        return tr("HQ reports this computer as lost.");
    }
    return {};
}
