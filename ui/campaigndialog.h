#pragma once

#include "domain/campaign.h"
#include "domain/campaignlist.h"

#include <QDialog>
#include <array>
#include <vector>

class QDateEdit;
class QLineEdit;
class QListWidget;
class QSpinBox;

// A manager enters or edits a campaign offline: name, dates, the frozen lists
// it works, and a target per metric (in %; VIP churn is a ceiling).
class CampaignDialog : public QDialog
{
    Q_OBJECT
public:
    CampaignDialog(const Campaign &campaign, const std::vector<CampaignList> &lists, QWidget *parent = nullptr);

    Campaign campaign() const;
    QLineEdit *nameEdit() const { return m_name; }
    QSpinBox *targetBox(Campaign::Metric m) const { return m_targets[size_t(m)]; }

    void accept() override;

private:
    Campaign m_campaign;
    QLineEdit *m_name;
    QDateEdit *m_start;
    QDateEdit *m_end;
    QListWidget *m_lists;
    std::array<QSpinBox *, Campaign::MetricCount> m_targets{};
};
