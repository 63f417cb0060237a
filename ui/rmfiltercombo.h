#pragma once

#include <QComboBox>

class BranchSnapshot;

// "RM: All RMs / Unassigned / <each RM>" for the pages a branch manager narrows
// to one RM (maturities, retention and conversion). Its value is an RmFilter
// value (RmFilter::kAll, kUnassigned or a staff index). Pages hide it when the
// person signed in is an RM, who only sees their own customers anyway.
class RmFilterCombo : public QComboBox
{
    Q_OBJECT
public:
    explicit RmFilterCombo(QWidget *parent = nullptr);

    // Refills the list from the snapshot's staff, keeping the choice when that RM is still there.
    void setSnapshot(const BranchSnapshot *snapshot);
    int rm() const;
    void setRm(int rm);

signals:
    void rmChanged(int rm);

protected:
    void changeEvent(QEvent *event) override;

private:
    void fill();

    const BranchSnapshot *m_snapshot = nullptr;
};
