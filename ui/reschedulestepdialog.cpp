#include "reschedulestepdialog.h"

#include "domain/dateformat.h"

#include <QDateEdit>
#include <QDialogButtonBox>
#include <QFormLayout>
#include <QLabel>
#include <QLineEdit>
#include <QLocale>
#include <QPushButton>
#include <QVBoxLayout>

RescheduleStepDialog::RescheduleStepDialog(const QString &what, const QDate &due, const QDate &earliest,
                                           const QDate &latest, QWidget *parent)
    : QDialog(parent)
{
    setObjectName(QStringLiteral("rescheduleDialog"));
    setWindowTitle(tr("Reschedule a step"));
    auto *header = new QLabel(tr("<b>%1</b><br>due %2; it can move up to %3.")
                                  .arg(what.toHtmlEscaped(), DateFormat::date(due),
                                       DateFormat::date(latest)),
                              this);
    header->setWordWrap(true);
    m_date = new QDateEdit(this);
    m_date->setObjectName(QStringLiteral("newDue"));
    m_date->setCalendarPopup(true);
    m_date->setDateRange(earliest, std::max(earliest, latest));
    m_date->setDate(std::clamp(due.addDays(1), earliest, std::max(earliest, latest)));
    m_reason = new QLineEdit(this);
    m_reason->setObjectName(QStringLiteral("reason"));
    m_reason->setPlaceholderText(tr("Why (required), e.g. the customer is travelling until Friday"));
    auto *form = new QFormLayout;
    form->addRow(tr("New &due date:"), m_date);
    form->addRow(tr("&Reason:"), m_reason);
    auto *buttons = new QDialogButtonBox(QDialogButtonBox::Save | QDialogButtonBox::Cancel, this);
    m_save = buttons->button(QDialogButtonBox::Save);
    m_save->setDefault(true);
    m_save->setEnabled(false);
    connect(m_reason, &QLineEdit::textChanged, this, [this](const QString &t) { m_save->setEnabled(!t.trimmed().isEmpty()); });
    connect(buttons, &QDialogButtonBox::accepted, this, &QDialog::accept);
    connect(buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);
    auto *layout = new QVBoxLayout(this);
    layout->addWidget(header);
    layout->addLayout(form);
    layout->addWidget(buttons);
    m_date->setFocus();
}

QDate RescheduleStepDialog::date() const
{
    return m_date->date();
}

QString RescheduleStepDialog::reason() const
{
    return m_reason->text().trimmed();
}
