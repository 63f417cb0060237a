#pragma once

#include "domain/activitylog.h"
#include "domain/cadenceenrolment.h"
#include "domain/maturityoutcome.h"
#include "domain/stepoverride.h"

#include <QJsonObject>
#include <vector>

class BranchSnapshot;
class Database;

// The little cadence state that is stored (steps themselves are derived):
// step reschedules, list enrolment dates and maturity outcomes the RM marks.
// Every local write goes in one transaction with its outbox entry; records
// from HQ are written by PageApplier and are not sent back.
class CadenceRepository
{
public:
    explicit CadenceRepository(Database &db) : m_db(db) {}

    // Fills in id, device and time when empty; stores and queues it. Returns it.
    StepOverride reschedule(StepOverride o);
    MaturityOutcome markOutcome(MaturityOutcome o);
    // Stores the enrolments whose key is not known yet (earliest date wins
    // for known keys), all in one transaction. Returns how many were new.
    int enrol(const std::vector<CadenceEnrolment> &candidates);

    std::vector<StepOverride> overrides();
    std::vector<CadenceEnrolment> enrolments();
    std::vector<MaturityOutcome> outcomes();
    // Contacts, overrides, enrolments and outcomes, indexed for the engine.
    ActivityLog loadActivity(const BranchSnapshot &snapshot);


    static QJsonObject toJson(const StepOverride &o);
    static QJsonObject toJson(const CadenceEnrolment &e);
    static QJsonObject toJson(const MaturityOutcome &o);

private:
    void insert(const StepOverride &o);
    void insert(const MaturityOutcome &o);
    bool insertEnrolment(const CadenceEnrolment &e);

    Database &m_db;
};
