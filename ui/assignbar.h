#pragma once

#include <QWidget>

class BranchSnapshot;
class QComboBox;
class QLabel;
class QPushButton;

// "Assign to: [RM] [Assign selected]" under a list of customers, for the branch
// manager: the page says which customers are selected, the bar which RM they go
// to (an empty id: the unassigned pool). Hidden for an RM.
class AssignBar : public QWidget
{
    Q_OBJECT
public:
    explicit AssignBar(QWidget *parent = nullptr);

    // Refills the RMs from the snapshot, keeping the choice; shows the bar for a manager only.
    void setSnapshot(const BranchSnapshot *snapshot);
    QComboBox *target() const { return m_target; }
    QPushButton *button() const { return m_assign; }

signals:
    // The button was clicked with this RM chosen.
    void assignClicked(const QString &rmId);

protected:
    void changeEvent(QEvent *event) override;

private:
    void retranslateUi();

    QLabel *m_label;
    QComboBox *m_target;
    QPushButton *m_assign;
};
