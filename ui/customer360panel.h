#pragma once

#include "store/loadedbranch.h"

#include <QWidget>

class QLabel;
class QFormLayout;
class QTableWidget;
class AumTrendChart;
class CadenceWorkspace;
class CustomerActivityView;

// Everything about one customer on one panel: profile, tier, the four
// triangles, holdings with maturity dates, and the 12-month AUM trend.
// Phone, ID number and address are masked.
class Customer360Panel : public QWidget
{
    Q_OBJECT
public:
    explicit Customer360Panel(QWidget *parent = nullptr);

    void setBranch(const LoadedBranch &branch);
    // Contact history and open cadences come from the workspace.
    void setWorkspace(CadenceWorkspace *workspace);
    CustomerActivityView *activity() const { return m_activity; }
    void showCustomer(int customerIndex);
    int currentCustomer() const { return m_customer; }
    // The text of a profile field, for tests: "phone", "id", "tier", ...
    QString fieldText(const QString &key) const;
    AumTrendChart *chart() const { return m_chart; }
    QTableWidget *holdingsTable() const { return m_holdings; }

protected:
    void changeEvent(QEvent *event) override;

private:
    void retranslateUi();
    QLabel *addField(const QString &key);

    LoadedBranch m_branch;
    int m_customer = -1;
    QLabel *m_title;
    QLabel *m_subtitle;
    QLabel *m_empty;
    QWidget *m_body;
    QFormLayout *m_form;
    QList<QPair<QString, QLabel *>> m_fields;
    QList<QLabel *> m_fieldLabels;
    QLabel *m_holdingsTitle;
    QTableWidget *m_holdings;
    QLabel *m_trendTitle;
    AumTrendChart *m_chart;
    CustomerActivityView *m_activity;
};
