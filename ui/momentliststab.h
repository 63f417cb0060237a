#pragma once

#include "domain/customerlist.h"

#include <QWidget>

class AnalysisController;
class CadenceWorkspace;
class CustomerListModel;
class QComboBox;
class QLabel;
class QPushButton;
class QTableView;

// The Lists page's tab for the lists the courses teach (issue 18): new customers (first
// meeting, milestones), loss recovery and moments of truth, each row with its reason; the
// shown list can be frozen as a campaign list like the threshold list.
class MomentListsTab : public QWidget
{
    Q_OBJECT
public:
    explicit MomentListsTab(AnalysisController *analysis, QWidget *parent = nullptr);

    // The contact log decides "met" and "called about the maturity"; without it the lists
    // are built as if no contact had been logged.
    void setWorkspace(CadenceWorkspace *workspace);
    void rebuild();
    void clear();
    void retranslateUi();
    QComboBox *kindBox() const { return m_kind; }
    CustomerListModel *model() const { return m_model; }
    QTableView *table() const { return m_table; }
    int rowCount() const;

signals:
    void freezeRequested(const CustomerList &list);

private:
    AnalysisController *m_analysis;
    CadenceWorkspace *m_workspace = nullptr;
    QLabel *m_kindLabel;
    QComboBox *m_kind;
    QLabel *m_count;
    QPushButton *m_freeze;
    CustomerListModel *m_model;
    QTableView *m_table;
};
