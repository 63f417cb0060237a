#pragma once

#include "session/tableexporter.h"

#include <QDialog>

class QCheckBox;
class QComboBox;
class QDialogButtonBox;
class QLabel;
class QLineEdit;
class QPushButton;

// Asks where and how to export a list: the file, CSV or Excel, and whether to
// include personal fields unmasked, which needs a reason (it goes to the audit
// trail). Masked is the default.
class ExportDialog : public QDialog
{
    Q_OBJECT
public:
    enum class Kind { Table, CallSheet, PhoneList };
    ExportDialog(Kind kind, const QString &listName, int rows, int personalColumns, const QString &suggestedPath,
                 QWidget *parent = nullptr);

    QString path() const;
    TableExporter::Format format() const;
    bool masked() const;
    QString reason() const;

    QLineEdit *pathEdit() const { return m_path; }
    QComboBox *formatBox() const { return m_format; }
    QCheckBox *unmaskedBox() const { return m_unmasked; }
    QLineEdit *reasonEdit() const { return m_reason; }
    QPushButton *okButton() const;

private:
    // The constructor's parts: the format choice, the signal connections.
    void buildFormatBox(Kind kind, const QString &suggestedPath);
    void connectSignals();
    void browse();
    void updateState();
    void onFormatChanged();

    Kind m_kind;
    QLineEdit *m_path;
    QPushButton *m_browse;
    QComboBox *m_format;
    QCheckBox *m_unmasked;
    QLineEdit *m_reason;
    QLabel *m_reasonLabel;
    QLabel *m_summary;
    QDialogButtonBox *m_buttons;
};
