#pragma once

#include "domain/valuepolicy.h"

#include <QDialog>

#include <array>

class QCheckBox;
class QDoubleSpinBox;
class QGroupBox;
class QSpinBox;
class QLabel;

// A manager edits the value-score weights, the quadrant cuts, the threshold
// bands and the low-efficiency lines. The result is stored on the branch and
// every score is recomputed; "Restore defaults" goes back to the shipped policy.
class ValuePolicyDialog : public QDialog
{
    Q_OBJECT
public:
    explicit ValuePolicyDialog(const ValuePolicy &policy, QWidget *parent = nullptr);

    ValuePolicy policy() const;
    QDoubleSpinBox *weightBox(ValuePolicy::Indicator i) const { return m_weights[size_t(i)]; }

    // Which version is in force: "HQ version 3 (2026-11-20)" or "built-in default" (issue 18).
    void setInForce(const QString &text);
    QString inForceText() const;

private:
    // The constructor's group boxes: the quadrant cuts, the list lines.
    QGroupBox *buildCuts();
    QGroupBox *buildLists(const ValuePolicy &policy);
    void load(const ValuePolicy &policy);

    ValuePolicy m_base;
    std::array<QDoubleSpinBox *, ValuePolicy::kIndicatorCount> m_weights{};
    QCheckBox *m_fixedCuts;
    QDoubleSpinBox *m_currentCut;
    QDoubleSpinBox *m_potentialCut;
    QVector<QSpinBox *> m_bandFrom; // yuan
    QSpinBox *m_lowLine;            // yuan
    QSpinBox *m_wideLowLine;        // yuan
    QDoubleSpinBox *m_upliftTarget; // percent
    QLabel *m_inForce = nullptr;
};
