#pragma once

#include "domain/campaign.h"
#include "domain/campaignlist.h"

#include <QDialog>
#include <array>
#include <vector>

class QDateEdit;
class QDoubleSpinBox;
class QGroupBox;
class QTableWidget;
class QLineEdit;
class QListWidget;
class QSpinBox;

// A manager enters or edits a campaign offline: name, dates, the frozen lists
// it works, a target per metric (in %; VIP churn is a ceiling), and the
// count and amount targets split per RM (一人一表), typed per RM or split from
// a branch total in proportion to each RM's customers.
class CampaignDialog : public QDialog
{
    Q_OBJECT
public:
    struct RmChoice
    {
        QString staffId;
        QString name;
        int customers = 0; // the weight of "split by customers"
    };
    CampaignDialog(const Campaign &campaign, const std::vector<CampaignList> &lists, QWidget *parent = nullptr,
                   const std::vector<RmChoice> &rms = {});

    Campaign campaign() const;
    QLineEdit *nameEdit() const { return m_name; }
    QSpinBox *targetBox(Campaign::Metric m) const { return m_targets[size_t(m)]; }
    // Per-RM targets: a row per RM, count in column 1, amount (万元) in column 2.
    QTableWidget *rmTargetTable() const { return m_rmTable; }
    QSpinBox *totalCountBox() const { return m_totalCount; }
    QDoubleSpinBox *totalAmountBox() const { return m_totalAmount; }
    // Splits the branch totals across the RMs by their customers (the button).
    void splitByCustomers();

    void accept() override;

private:
    // The constructor's group boxes: a target per metric, the frozen lists, the targets per RM.
    QGroupBox *buildTargets(const Campaign &campaign);
    QGroupBox *buildListBox(const Campaign &campaign, const std::vector<CampaignList> &lists);
    QGroupBox *buildRmBox(const Campaign &campaign);

    Campaign m_campaign;
    QLineEdit *m_name;
    QDateEdit *m_start;
    QDateEdit *m_end;
    QListWidget *m_lists;
    std::array<QSpinBox *, Campaign::MetricCount> m_targets{};
    std::vector<RmChoice> m_rms;
    QTableWidget *m_rmTable = nullptr;
    QSpinBox *m_totalCount = nullptr;
    QDoubleSpinBox *m_totalAmount = nullptr;
};
