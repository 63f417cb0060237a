#pragma once

#include "domain/maturityoutcome.h"

#include <QDialog>

class QComboBox;
class QDoubleSpinBox;
class QLineEdit;

// Marks what became of a matured product: renewed, reinvested here, partly
// kept (with the amount) or withdrawn. HQ data, when it shows the answer,
// takes precedence over the mark.
class MaturityOutcomeDialog : public QDialog
{
    Q_OBJECT
public:
    MaturityOutcomeDialog(const QString &what, qint64 amountFen, QWidget *parent = nullptr);

    MaturityOutcome::Kind kind() const;
    qint64 keptFen() const;
    QString note() const;
    QComboBox *kindBox() const { return m_kind; }
    QDoubleSpinBox *keptBox() const { return m_kept; }

private:
    qint64 m_amountFen;
    QComboBox *m_kind;
    QDoubleSpinBox *m_kept;
    QLineEdit *m_note;
};
