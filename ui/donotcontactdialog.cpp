#include "donotcontactdialog.h"

#include <QComboBox>
#include <QDateEdit>
#include <QDialogButtonBox>
#include <QFormLayout>
#include <QLabel>
#include <QLineEdit>
#include <QVBoxLayout>

DoNotContactDialog::DoNotContactDialog(const QString &customerNo, const DoNotContact *standing, const QDate &today,
                                       QWidget *parent)
    : QDialog(parent), m_customerNo(customerNo), m_lifts(standing != nullptr)
{
    setObjectName(QStringLiteral("doNotContactDialog"));
    setWindowTitle(m_lifts ? tr("Lift the refusal of marketing") : tr("Refuses marketing"));
    auto *intro = new QLabel(m_lifts ? tr("The customer will be in cadences and batch touches again.")
                                     : tr("The customer leaves every cadence and batch touch until this is lifted."),
                             this);
    intro->setWordWrap(true);
    m_date = new QDateEdit(today, this);
    m_date->setObjectName(QStringLiteral("dncDate"));
    m_date->setCalendarPopup(true);
    m_date->setDisplayFormat(QStringLiteral("yyyy-MM-dd"));
    m_date->setMaximumDate(today);
    m_source = new QComboBox(this);
    m_source->setObjectName(QStringLiteral("dncSource"));
    m_source->addItem(tr("The customer asked"), QStringLiteral("customer"));
    m_source->addItem(tr("Complaint"), QStringLiteral("complaint"));
    m_source->addItem(tr("Head office"), QStringLiteral("hq"));
    m_source->addItem(tr("Branch decision"), QStringLiteral("branch"));
    m_note = new QLineEdit(this);
    m_note->setObjectName(QStringLiteral("dncNote"));
    m_note->setMaxLength(200);
    auto *form = new QFormLayout;
    form->addRow(m_lifts ? tr("Lifted on:") : tr("Refused on:"), m_date);
    form->addRow(tr("Source:"), m_source);
    form->addRow(tr("Note:"), m_note);
    auto *buttons = new QDialogButtonBox(QDialogButtonBox::Ok | QDialogButtonBox::Cancel, this);
    connect(buttons, &QDialogButtonBox::accepted, this, &QDialog::accept);
    connect(buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);
    auto *layout = new QVBoxLayout(this);
    layout->addWidget(intro);
    layout->addLayout(form);
    layout->addWidget(buttons);
}

DoNotContact DoNotContactDialog::record() const
{
    DoNotContact d;
    d.customerNo = m_customerNo;
    d.active = !m_lifts;
    d.since = m_date->date();
    d.source = m_source->currentData().toString();
    d.note = m_note->text().trimmed();
    return d;
}
