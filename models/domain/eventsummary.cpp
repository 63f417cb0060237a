#include "eventsummary.h"

#include <algorithm>

EventSummary EventSummary::build(const std::vector<EventVisitor> &visitors)
{
    EventSummary s;
    for (const EventVisitor &v : visitors) {
        ++s.visitors;
        auto it = std::find_if(s.byStaff.begin(), s.byStaff.end(), [&](const ByStaff &b) { return b.staffId == v.capturedBy; });
        if (it == s.byStaff.end()) {
            s.byStaff.push_back(ByStaff{v.capturedBy});
            it = s.byStaff.end() - 1;
        }
        ++it->visitors;
        if (!v.customerNo.isEmpty()) {
            ++s.matched;
            ++it->matched;
        } else if (!v.prospectId.isEmpty()) {
            ++s.prospects;
            ++it->prospects;
        }
        if (!v.consent)
            ++s.withoutConsent;
        else
            s.followUps.push_back(v);
    }
    std::sort(s.byStaff.begin(), s.byStaff.end(), [](const ByStaff &a, const ByStaff &b) { return a.staffId < b.staffId; });
    return s;
}
