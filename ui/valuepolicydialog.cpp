#include "valuepolicydialog.h"

#include "domain/tierpolicy.h"

#include <QCheckBox>
#include <QDialogButtonBox>
#include <QDoubleSpinBox>
#include <QFormLayout>
#include <QGroupBox>
#include <QHBoxLayout>
#include <QLabel>
#include <QPushButton>
#include <QSpinBox>
#include <QVBoxLayout>

ValuePolicyDialog::ValuePolicyDialog(const ValuePolicy &policy, QWidget *parent)
    : QDialog(parent), m_base(policy)
{
    setWindowTitle(tr("Value scores and lists"));
    auto *current = new QGroupBox(tr("Current value: weights"), this);
    auto *potential = new QGroupBox(tr("Potential value: weights"), this);
    auto *currentForm = new QFormLayout(current);
    auto *potentialForm = new QFormLayout(potential);
    for (int k = 0; k < ValuePolicy::kIndicatorCount; ++k) {
        const auto indicator = ValuePolicy::Indicator(k);
        auto *box = new QDoubleSpinBox(this);
        box->setObjectName(QStringLiteral("weight_%1").arg(ValuePolicy::indicatorKey(indicator)));
        box->setRange(0, 1000);
        box->setDecimals(1);
        box->setToolTip(ValuePolicy::indicatorDescription(indicator));
        (ValuePolicy::isPotential(indicator) ? potentialForm : currentForm)->addRow(ValuePolicy::indicatorName(indicator), box);
        m_weights[size_t(k)] = box;
    }

    auto *cuts = buildCuts();
    auto *lists = buildLists(policy);

    auto *buttons = new QDialogButtonBox(QDialogButtonBox::Ok | QDialogButtonBox::Cancel
                                             | QDialogButtonBox::RestoreDefaults, this);
    connect(buttons, &QDialogButtonBox::accepted, this, &QDialog::accept);
    connect(buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);
    connect(buttons->button(QDialogButtonBox::RestoreDefaults), &QPushButton::clicked, this,
            [this] { load(ValuePolicy::defaultPolicy()); });

    auto *columns = new QHBoxLayout;
    auto *leftColumn = new QVBoxLayout;
    leftColumn->addWidget(current);
    leftColumn->addWidget(potential);
    auto *rightColumn = new QVBoxLayout;
    rightColumn->addWidget(cuts);
    rightColumn->addWidget(lists);
    rightColumn->addStretch(1);
    columns->addLayout(leftColumn);
    columns->addLayout(rightColumn);
    auto *note = new QLabel(tr("Weights count relative to the others of the same score; 0 leaves an indicator out. "
                               "Each indicator is ranked within the branch before it is weighted."),
                            this);
    note->setWordWrap(true);
    m_inForce = new QLabel(this);
    m_inForce->setObjectName(QStringLiteral("policyVersion"));
    m_inForce->setWordWrap(true);
    auto *layout = new QVBoxLayout(this);
    layout->addWidget(m_inForce);
    layout->addLayout(columns);
    layout->addWidget(note);
    layout->addWidget(buttons);
    load(policy);
}

QGroupBox *ValuePolicyDialog::buildCuts()
{
    auto *cuts = new QGroupBox(tr("Quadrant cuts"), this);
    auto *cutsForm = new QFormLayout(cuts);
    m_fixedCuts = new QCheckBox(tr("Fixed cut points instead of the branch medians"), this);
    m_currentCut = new QDoubleSpinBox(this);
    m_potentialCut = new QDoubleSpinBox(this);
    for (QDoubleSpinBox *b : {m_currentCut, m_potentialCut}) {
        b->setRange(0, 100);
        b->setDecimals(1);
    }
    cutsForm->addRow(m_fixedCuts);
    cutsForm->addRow(tr("Current value cut"), m_currentCut);
    cutsForm->addRow(tr("Potential value cut"), m_potentialCut);
    connect(m_fixedCuts, &QCheckBox::toggled, m_currentCut, &QWidget::setEnabled);
    connect(m_fixedCuts, &QCheckBox::toggled, m_potentialCut, &QWidget::setEnabled);
    return cuts;
}

QGroupBox *ValuePolicyDialog::buildLists(const ValuePolicy &policy)
{
    auto *lists = new QGroupBox(tr("Lists (amounts in CNY)"), this);
    auto *listsForm = new QFormLayout(lists);
    const TierPolicy tiers = TierPolicy::defaultPolicy();
    for (const ValuePolicy::ThresholdBand &band : policy.thresholdBands()) {
        auto *from = new QSpinBox(this);
        from->setRange(0, 100000000);
        from->setSingleStep(10000);
        from->setGroupSeparatorShown(true);
        const int tier = tiers.indexOfId(band.tierId);
        listsForm->addRow(tr("Threshold band towards %1 starts at")
                              .arg(tier >= 0 ? tiers.displayName(tier) : band.tierId),
                          from);
        m_bandFrom.append(from);
    }
    m_lowLine = new QSpinBox(this);
    m_wideLowLine = new QSpinBox(this);
    for (QSpinBox *b : {m_lowLine, m_wideLowLine}) {
        b->setRange(1, 10000000);
        b->setSingleStep(1000);
        b->setGroupSeparatorShown(true);
    }
    m_upliftTarget = new QDoubleSpinBox(this);
    m_upliftTarget->setRange(0, 100);
    m_upliftTarget->setSuffix(QStringLiteral(" %"));
    listsForm->addRow(tr("Low-efficiency: AUM under"), m_lowLine);
    listsForm->addRow(tr("Low-efficiency, widened: AUM under"), m_wideLowLine);
    listsForm->addRow(tr("Uplift target of a threshold list"), m_upliftTarget);
    return lists;
}

void ValuePolicyDialog::load(const ValuePolicy &policy)
{
    for (int k = 0; k < ValuePolicy::kIndicatorCount; ++k)
        m_weights[size_t(k)]->setValue(policy.weight(ValuePolicy::Indicator(k)));
    const bool fixed = policy.currentCut().has_value() || policy.potentialCut().has_value();
    m_fixedCuts->setChecked(fixed);
    m_currentCut->setValue(policy.currentCut().value_or(50));
    m_potentialCut->setValue(policy.potentialCut().value_or(50));
    m_currentCut->setEnabled(fixed);
    m_potentialCut->setEnabled(fixed);
    for (int b = 0; b < m_bandFrom.size() && b < policy.thresholdBands().size(); ++b)
        m_bandFrom[b]->setValue(int(policy.thresholdBands().at(b).fromFen / 100));
    m_lowLine->setValue(int(policy.lowEfficiencyLineFen() / 100));
    m_wideLowLine->setValue(int(policy.wideLowEfficiencyLineFen() / 100));
    m_upliftTarget->setValue(policy.upliftTarget() * 100);
}

ValuePolicy ValuePolicyDialog::policy() const
{
    ValuePolicy p = m_base;
    for (int k = 0; k < ValuePolicy::kIndicatorCount; ++k)
        p.setWeight(ValuePolicy::Indicator(k), m_weights[size_t(k)]->value());
    if (m_fixedCuts->isChecked()) {
        p.setCurrentCut(m_currentCut->value());
        p.setPotentialCut(m_potentialCut->value());
    } else {
        p.setCurrentCut(std::nullopt);
        p.setPotentialCut(std::nullopt);
    }
    QVector<ValuePolicy::ThresholdBand> bands = p.thresholdBands();
    for (int b = 0; b < bands.size() && b < m_bandFrom.size(); ++b)
        bands[b].fromFen = qint64(m_bandFrom[b]->value()) * 100;
    p.setThresholdBands(bands);
    p.setLowEfficiencyLines(qint64(m_lowLine->value()) * 100,
                            qint64(std::max(m_lowLine->value(), m_wideLowLine->value())) * 100);
    p.setUpliftTarget(m_upliftTarget->value() / 100);
    return p;
}

void ValuePolicyDialog::setInForce(const QString &text)
{
    m_inForce->setText(tr("In force: %1").arg(text));
}

QString ValuePolicyDialog::inForceText() const
{
    return m_inForce->text();
}
