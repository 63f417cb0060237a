#pragma once

#include "domain/issuedlist.h"
#include "domain/listsplitter.h"

#include <QDialog>

class BranchSnapshot;
class QComboBox;
class QDialogButtonBox;
class QLabel;
class QListWidget;
class QTableWidget;

// 白名单下发, 分户到人: the manager splits a frozen list across RMs (by current
// RM, or balanced by workload) and issues it. The preview shows each RM's
// share before anything is written; Issue returns the list for the workspace.
class IssueListDialog : public QDialog
{
    Q_OBJECT
public:
    IssueListDialog(const BranchSnapshot &snapshot, const QString &name, const QString &kind,
                    const QStringList &customerNos, const QHash<QString, int> &load, QWidget *parent = nullptr);

    QListWidget *rmList() const { return m_rms; }
    QComboBox *modeBox() const { return m_mode; }
    QTableWidget *preview() const { return m_preview; }
    QDialogButtonBox *buttons() const { return m_buttons; }
    // Ticks exactly these RMs (tests, and "issue to these").
    void chooseRms(const QStringList &staffIds);
    void setMode(ListSplitter::Mode mode);
    IssuedList issuedList() const { return m_list; }

private:
    void updatePreview();
    QStringList chosenRms() const;

    const BranchSnapshot &m_snapshot;
    QStringList m_customers;
    QHash<QString, int> m_load;
    IssuedList m_list;
    QLabel *m_intro;
    QListWidget *m_rms;
    QComboBox *m_mode;
    QTableWidget *m_preview;
    QDialogButtonBox *m_buttons;
};
