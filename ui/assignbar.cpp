#include "assignbar.h"

#include "domain/branchsnapshot.h"

#include <QComboBox>
#include <QEvent>
#include <QHBoxLayout>
#include <QLabel>
#include <QPushButton>

AssignBar::AssignBar(QWidget *parent)
    : QWidget(parent)
{
    m_label = new QLabel(this);
    m_target = new QComboBox(this);
    m_target->setObjectName(QStringLiteral("assignTo"));
    m_label->setBuddy(m_target);
    m_assign = new QPushButton(this);
    m_assign->setObjectName(QStringLiteral("assignSelected"));
    auto *layout = new QHBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->addWidget(m_label);
    m_target->setSizeAdjustPolicy(QComboBox::AdjustToContents);
    layout->addWidget(m_target);
    layout->addWidget(m_assign);
    layout->addStretch(1);
    connect(m_assign, &QPushButton::clicked, this, [this] { emit assignClicked(m_target->currentData().toString()); });
    m_target->addItem(QString(), QString()); // the pool, named in retranslateUi
    retranslateUi();
    hide(); // until a manager's branch is set
}

void AssignBar::setSnapshot(const BranchSnapshot *snapshot)
{
    const QString chosen = m_target->currentData().toString();
    m_target->clear();
    m_target->addItem(tr("Unassigned pool"), QString());
    if (snapshot) {
        for (const Staff &st : snapshot->staff()) {
            if (st.role == Staff::Role::RelationshipManager)
                m_target->addItem(QStringLiteral("%1 (%2)").arg(st.name, st.staffId), st.staffId);
        }
    }
    m_target->setCurrentIndex(qMax(0, m_target->findData(chosen)));
    setVisible(snapshot && snapshot->scope().seesWholeBranch());
}

void AssignBar::changeEvent(QEvent *event)
{
    if (event->type() == QEvent::LanguageChange)
        retranslateUi();
    QWidget::changeEvent(event);
}

void AssignBar::retranslateUi()
{
    m_label->setText(tr("Assign &to:"));
    m_target->setItemText(0, tr("Unassigned pool"));
    m_assign->setText(tr("Assign selected"));
    m_assign->setToolTip(tr("Give the selected customers to this RM; their open cadence steps move with them"));
}
