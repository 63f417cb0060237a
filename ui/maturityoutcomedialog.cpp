#include "maturityoutcomedialog.h"

#include "domain/moneyformat.h"

#include <QComboBox>
#include <QDialogButtonBox>
#include <QDoubleSpinBox>
#include <QFormLayout>
#include <QLabel>
#include <QLineEdit>
#include <QPushButton>
#include <QVBoxLayout>

#include <cmath>

MaturityOutcomeDialog::MaturityOutcomeDialog(const QString &what, qint64 amountFen, QWidget *parent)
    : QDialog(parent), m_amountFen(amountFen)
{
    setObjectName(QStringLiteral("maturityOutcomeDialog"));
    setWindowTitle(tr("Mark the maturity outcome"));
    auto *header = new QLabel(tr("<b>%1</b><br>matured amount %2").arg(what.toHtmlEscaped(), MoneyFormat::readable(amountFen)), this);
    header->setWordWrap(true);
    m_kind = new QComboBox(this);
    m_kind->setObjectName(QStringLiteral("outcomeKind"));
    for (int k = 0; k < MaturityOutcome::kKindCount; ++k)
        m_kind->addItem(MaturityOutcome::kindName(MaturityOutcome::Kind(k)), k);
    m_kept = new QDoubleSpinBox(this);
    m_kept->setObjectName(QStringLiteral("keptAmount"));
    m_kept->setDecimals(2);
    m_kept->setRange(0, double(amountFen) / 100.0);
    m_kept->setValue(double(amountFen) / 100.0);
    m_kept->setSuffix(tr(" CNY"));
    m_kept->setGroupSeparatorShown(true);
    m_note = new QLineEdit(this);
    m_note->setObjectName(QStringLiteral("outcomeNote"));
    connect(m_kind, &QComboBox::currentIndexChanged, this, [this](int) {
        const auto k = kind();
        m_kept->setEnabled(k == MaturityOutcome::Kind::PartlyKept);
        if (k == MaturityOutcome::Kind::Withdrawn)
            m_kept->setValue(0);
        else if (k != MaturityOutcome::Kind::PartlyKept)
            m_kept->setValue(double(m_amountFen) / 100.0);
    });
    m_kept->setEnabled(false);
    auto *form = new QFormLayout;
    form->addRow(tr("&Outcome:"), m_kind);
    form->addRow(tr("&Kept here:"), m_kept);
    form->addRow(tr("&Note:"), m_note);
    auto *buttons = new QDialogButtonBox(QDialogButtonBox::Save | QDialogButtonBox::Cancel, this);
    buttons->button(QDialogButtonBox::Save)->setDefault(true);
    connect(buttons, &QDialogButtonBox::accepted, this, &QDialog::accept);
    connect(buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);
    auto *layout = new QVBoxLayout(this);
    layout->addWidget(header);
    layout->addLayout(form);
    layout->addWidget(buttons);
    m_kind->setFocus();
}

MaturityOutcome::Kind MaturityOutcomeDialog::kind() const
{
    return MaturityOutcome::Kind(m_kind->currentData().toInt());
}

qint64 MaturityOutcomeDialog::keptFen() const
{
    return qint64(std::llround(m_kept->value() * 100.0));
}

QString MaturityOutcomeDialog::note() const
{
    return m_note->text().trimmed();
}
