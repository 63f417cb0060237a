#pragma once

#include "eventvisitor.h"

#include <vector>

// After an event: how many came, how many were customers, how many became
// prospects, by capturing RM; and who to follow up (everyone who agreed to be
// contacted, customers and prospects).
struct EventSummary
{
    struct ByStaff
    {
        QString staffId;
        int visitors = 0;
        int matched = 0;
        int prospects = 0;
    };

    int visitors = 0;
    int matched = 0;
    int prospects = 0;
    int withoutConsent = 0;
    std::vector<ByStaff> byStaff; // by staff id
    std::vector<EventVisitor> followUps;

    static EventSummary build(const std::vector<EventVisitor> &visitors);
};
