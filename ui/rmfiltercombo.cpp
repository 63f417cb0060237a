#include "rmfiltercombo.h"

#include "domain/branchsnapshot.h"
#include "domain/rmfilter.h"

#include <QEvent>
#include <QSignalBlocker>

RmFilterCombo::RmFilterCombo(QWidget *parent)
    : QComboBox(parent)
{
    setObjectName(QStringLiteral("rmFilter"));
    setSizeAdjustPolicy(QComboBox::AdjustToContents);
    fill();
    connect(this, &QComboBox::currentIndexChanged, this, [this](int) { emit rmChanged(rm()); });
}

void RmFilterCombo::setSnapshot(const BranchSnapshot *snapshot)
{
    m_snapshot = snapshot;
    fill();
}

int RmFilterCombo::rm() const
{
    return currentData().isValid() ? currentData().toInt() : RmFilter::kAll;
}

void RmFilterCombo::setRm(int rm)
{
    const int at = findData(rm);
    setCurrentIndex(at >= 0 ? at : 0);
}

void RmFilterCombo::changeEvent(QEvent *event)
{
    if (event->type() == QEvent::LanguageChange)
        fill();
    QComboBox::changeEvent(event);
}

void RmFilterCombo::fill()
{
    const int chosen = rm();
    {
        const QSignalBlocker block(this);
        clear();
        addItem(tr("All RMs"), RmFilter::kAll);
        addItem(tr("Unassigned"), RmFilter::kUnassigned);
        if (m_snapshot) {
            const auto &staff = m_snapshot->staff();
            for (size_t i = 0; i < staff.size(); ++i) {
                if (staff[i].role == Staff::Role::RelationshipManager)
                    addItem(staff[i].name, int(i));
            }
        }
        const int at = findData(chosen);
        setCurrentIndex(at >= 0 ? at : 0);
    }
    if (rm() != chosen)
        emit rmChanged(rm());
}
