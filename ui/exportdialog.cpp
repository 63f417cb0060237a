#include "exportdialog.h"

#include <QCheckBox>
#include <QComboBox>
#include <QDialogButtonBox>
#include <QDir>
#include <QFileDialog>
#include <QFileInfo>
#include <QFormLayout>
#include <QHBoxLayout>
#include <QLabel>
#include <QLineEdit>
#include <QPushButton>
#include <QVBoxLayout>

ExportDialog::ExportDialog(Kind kind, const QString &listName, int rows, int personalColumns,
                           const QString &suggestedPath, QWidget *parent)
    : QDialog(parent), m_kind(kind)
{
    setWindowTitle(kind == Kind::CallSheet   ? tr("Print call sheet")
                   : kind == Kind::PhoneList ? tr("Phone list for the SMS platform")
                                             : tr("Export %1").arg(listName));
    m_summary = new QLabel(this);
    m_summary->setWordWrap(true);
    if (kind == Kind::PhoneList)
        m_summary->setText(tr("%1: %n customer(s) with a mobile phone who accept marketing (those who refused are left "
                              "out). The file's first line says it holds personal data; only you can read it.",
                              nullptr, rows)
                               .arg(listName));
    else if (kind == Kind::CallSheet)
        m_summary->setText(tr("%n customers to call, as a PDF to print (30 a page).", nullptr, rows));
    else
        m_summary->setText(tr("%1: %n rows with the columns shown, in the order shown.", nullptr, rows).arg(listName));

    m_path = new QLineEdit(suggestedPath, this);
    m_path->setObjectName(QStringLiteral("exportPath"));
    m_browse = new QPushButton(tr("Browse…"), this);
    auto *pathRow = new QHBoxLayout;
    pathRow->addWidget(m_path, 1);
    pathRow->addWidget(m_browse);

    buildFormatBox(kind, suggestedPath);

    m_unmasked = new QCheckBox(tr("Include names, phone, ID and address numbers unmasked"), this);
    m_unmasked->setObjectName(QStringLiteral("includeUnmasked"));
    m_unmasked->setEnabled(personalColumns > 0 || kind == Kind::CallSheet);
    m_reasonLabel = new QLabel(tr("Reason (recorded in the audit trail):"), this);
    m_reason = new QLineEdit(this);
    m_reason->setObjectName(QStringLiteral("exportReason"));
    m_reason->setPlaceholderText(tr("e.g. list for the 开门红 phone campaign, approved by the branch manager"));

    auto *form = new QFormLayout;
    form->addRow(tr("File:"), pathRow);
    form->addRow(tr("Format:"), m_format);
    auto *note = new QLabel(tr("Personal fields are masked by default (张**, 138****5678). Every export and print "
                               "is recorded in the audit trail."),
                            this);
    note->setWordWrap(true);

    m_buttons = new QDialogButtonBox(QDialogButtonBox::Ok | QDialogButtonBox::Cancel, this);
    m_buttons->button(QDialogButtonBox::Ok)->setText(kind == Kind::CallSheet ? tr("Write PDF") : tr("Export"));
    auto *layout = new QVBoxLayout(this);
    layout->addWidget(m_summary);
    layout->addLayout(form);
    layout->addWidget(note);
    layout->addWidget(m_unmasked);
    layout->addWidget(m_reasonLabel);
    layout->addWidget(m_reason);
    layout->addWidget(m_buttons);

    connectSignals();
    onFormatChanged();
    updateState();
    resize(560, sizeHint().height());
}

void ExportDialog::buildFormatBox(Kind kind, const QString &suggestedPath)
{
    m_format = new QComboBox(this);
    m_format->setObjectName(QStringLiteral("exportFormat"));
    if (kind == Kind::CallSheet) {
        m_format->addItem(tr("PDF"), -1);
        m_format->setEnabled(false);
    } else {
        m_format->addItem(tr("Excel workbook (.xlsx)"), int(TableExporter::Format::Xlsx));
        m_format->addItem(tr("CSV, UTF-8 (.csv)"), int(TableExporter::Format::Csv));
        if (suggestedPath.endsWith(QLatin1String(".csv"), Qt::CaseInsensitive))
            m_format->setCurrentIndex(1);
    }
}

void ExportDialog::connectSignals()
{
    connect(m_browse, &QPushButton::clicked, this, &ExportDialog::browse);
    connect(m_path, &QLineEdit::textChanged, this, &ExportDialog::updateState);
    connect(m_reason, &QLineEdit::textChanged, this, &ExportDialog::updateState);
    connect(m_unmasked, &QCheckBox::toggled, this, &ExportDialog::updateState);
    connect(m_format, &QComboBox::currentIndexChanged, this, &ExportDialog::onFormatChanged);
    connect(m_buttons, &QDialogButtonBox::accepted, this, &QDialog::accept);
    connect(m_buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);
}

QString ExportDialog::path() const
{
    return m_path->text().trimmed();
}

TableExporter::Format ExportDialog::format() const
{
    return m_format->currentData().toInt() == int(TableExporter::Format::Csv) ? TableExporter::Format::Csv
                                                                             : TableExporter::Format::Xlsx;
}

bool ExportDialog::masked() const
{
    return !m_unmasked->isChecked();
}

QString ExportDialog::reason() const
{
    return m_unmasked->isChecked() ? m_reason->text().trimmed() : QString();
}

QPushButton *ExportDialog::okButton() const
{
    return m_buttons->button(QDialogButtonBox::Ok);
}

void ExportDialog::onFormatChanged()
{
    if (m_kind == Kind::CallSheet)
        return;
    // Keep the file name, switch its extension.
    const QString want = format() == TableExporter::Format::Csv ? QStringLiteral("csv") : QStringLiteral("xlsx");
    const QString p = path();
    if (p.isEmpty())
        return;
    const QFileInfo fi(p);
    if (fi.suffix().compare(want, Qt::CaseInsensitive) != 0)
        m_path->setText(QDir(fi.path()).filePath(fi.completeBaseName() + QLatin1Char('.') + want));
}

void ExportDialog::browse()
{
    QString filter;
    if (m_kind == Kind::CallSheet)
        filter = tr("PDF (*.pdf)");
    else if (format() == TableExporter::Format::Csv)
        filter = tr("CSV (*.csv)");
    else
        filter = tr("Excel workbook (*.xlsx)");
    const QString chosen = QFileDialog::getSaveFileName(this, windowTitle(), path(), filter);
    if (!chosen.isEmpty())
        m_path->setText(chosen);
}

void ExportDialog::updateState()
{
    const bool unmasked = m_unmasked->isChecked();
    m_reason->setEnabled(unmasked);
    m_reasonLabel->setEnabled(unmasked);
    const bool reasonOk = !unmasked || m_reason->text().trimmed().size() >= 2;
    okButton()->setEnabled(!path().isEmpty() && reasonOk);
}
