#include "listimportdialog.h"

#include <QDialogButtonBox>
#include <QFileInfo>
#include <QFormLayout>
#include <QHeaderView>
#include <QLabel>
#include <QLineEdit>
#include <QLocale>
#include <QPushButton>
#include <QTableWidget>
#include <QVBoxLayout>
#include <QtConcurrent>

ListImportDialog::ListImportDialog(SnapshotPtr snapshot, const QString &path, QWidget *parent)
    : QDialog(parent), m_snapshot(std::move(snapshot)), m_path(path)
{
    setObjectName(QStringLiteral("listImportDialog"));
    setWindowTitle(tr("Import a name list"));
    m_summary = new QLabel(tr("Reading %1…").arg(QFileInfo(path).fileName()), this);
    m_summary->setObjectName(QStringLiteral("listImportSummary"));
    m_summary->setWordWrap(true);
    m_problems = new QTableWidget(0, 3, this);
    m_problems->setObjectName(QStringLiteral("listImportProblems"));
    m_problems->setHorizontalHeaderLabels({tr("Line"), tr("Field"), tr("Why it matches nobody")});
    m_problems->verticalHeader()->hide();
    m_problems->horizontalHeader()->setStretchLastSection(true);
    m_problems->setEditTriggers(QAbstractItemView::NoEditTriggers);
    m_problems->hide();
    m_name = new QLineEdit(QFileInfo(path).completeBaseName(), this);
    m_name->setObjectName(QStringLiteral("listImportName"));
    auto *form = new QFormLayout;
    form->addRow(tr("Campaign list name:"), m_name);
    m_buttons = new QDialogButtonBox(QDialogButtonBox::Ok | QDialogButtonBox::Cancel, this);
    okButton()->setText(tr("Freeze as campaign list"));
    okButton()->setEnabled(false);
    auto *layout = new QVBoxLayout(this);
    layout->addWidget(m_summary);
    layout->addWidget(m_problems, 1);
    layout->addLayout(form);
    layout->addWidget(m_buttons);
    connect(m_buttons, &QDialogButtonBox::accepted, this, &QDialog::accept);
    connect(m_buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);
    connect(m_name, &QLineEdit::textChanged, this, [this] {
        okButton()->setEnabled(!m_reading && m_result.matched() > 0 && !listName().isEmpty());
    });
    connect(&m_watcher, &QFutureWatcherBase::finished, this, &ListImportDialog::onRead);
    resize(620, 420);
    const SnapshotPtr snap = m_snapshot;
    m_watcher.setFuture(QtConcurrent::run([snap, path] {
        std::pair<ListImport::Result, QString> out;
        if (snap && !ListImport::read(path, *snap, &out.first, &out.second) && out.second.isEmpty())
            out.second = tr("The file could not be read.");
        return out;
    }));
}

QString ListImportDialog::listName() const
{
    return m_name->text().trimmed();
}

QPushButton *ListImportDialog::okButton() const
{
    return m_buttons->button(QDialogButtonBox::Ok);
}

void ListImportDialog::onRead()
{
    m_reading = false;
    const auto out = m_watcher.result();
    m_result = out.first;
    m_error = out.second;
    if (!m_error.isEmpty()) {
        m_summary->setText(m_error);
        emit finishedReading();
        return;
    }
    const QLocale l;
    const ListImport::Result &r = m_result;
    m_summary->setText(tr("%1: %2 line(s) read, %3 customer(s) matched (%4 by customer number, %5 by ID number, %6 by "
                          "phone); %7 line(s) repeat a customer already matched; %8 line(s) match nobody.")
                           .arg(r.fileName, l.toString(r.rows), l.toString(r.matched()), l.toString(r.byNumber),
                                l.toString(r.byIdNumber), l.toString(r.byPhone), l.toString(r.duplicates),
                                l.toString(qsizetype(r.unmatched.size()))));
    m_problems->setRowCount(int(r.unmatched.size()));
    for (int i = 0; i < int(r.unmatched.size()); ++i) {
        const ListImport::Problem &p = r.unmatched[size_t(i)];
        auto *line = new QTableWidgetItem(QString::number(p.line));
        line->setData(Qt::UserRole, p.line);
        m_problems->setItem(i, 0, line);
        m_problems->setItem(i, 1, new QTableWidgetItem(p.field));
        m_problems->setItem(i, 2, new QTableWidgetItem(p.message));
    }
    m_problems->setVisible(!r.unmatched.empty());
    m_problems->resizeColumnToContents(0);
    m_problems->resizeColumnToContents(1);
    okButton()->setEnabled(r.matched() > 0 && !listName().isEmpty());
    emit finishedReading();
}
