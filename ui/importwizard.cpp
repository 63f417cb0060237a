#include "importwizard.h"


#include <QComboBox>
#include <QDir>
#include <QFileDialog>
#include <QFileInfo>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QLabel>
#include <QLineEdit>
#include <QMessageBox>
#include <QProgressBar>
#include <QPushButton>
#include <QTableWidget>
#include <QTimer>
#include <QVBoxLayout>
#include <QtConcurrent>

namespace {
constexpr int kPreviewRows = 20;
constexpr int kShownRejects = 500;
} // namespace

// A page whose "complete" state the wizard decides.
class ImportWizard::Page : public QWizardPage
{
public:
    explicit Page(std::function<bool()> complete, QWidget *parent = nullptr)
        : QWizardPage(parent), m_complete(std::move(complete)) {}
    bool isComplete() const override { return m_complete(); }
    void changed() { emit completeChanged(); }

private:
    std::function<bool()> m_complete;
};

ImportWizard::ImportWizard(const StoreAccess &store, const QString &staffId, QDate day, QWidget *parent)
    : QWizard(parent),
      m_store(store),
      m_staffId(staffId),
      m_day(day),
      m_source(std::make_shared<CustomerImport::Source>()),
      m_result(std::make_shared<CustomerImport::Result>()),
      m_cancel(std::make_shared<std::atomic<bool>>(false)),
      m_done(std::make_shared<std::atomic<int>>(0))
{
    setWindowTitle(tr("Import customers"));
    setOption(QWizard::NoBackButtonOnLastPage);

    buildFilePage();
    buildMappingPage();
    buildValidationPage();
    buildImportPage();

    setPage(FilePage, m_filePage);
    setPage(MappingPage, m_mappingPage);
    setPage(ValidationPage, m_validationPage);
    setPage(ImportPage, m_importPage);

    auto *poll = new QTimer(this);
    poll->setInterval(100);
    connect(poll, &QTimer::timeout, this, [this] {
        if (m_importWatcher.isRunning() && m_result->goodCount() > 0)
            m_progress->setValue(qMin(m_done->load(), m_progress->maximum()));
    });
    poll->start();
    resize(860, 600);
}

void ImportWizard::buildFilePage()
{
    // 1. The file.
    m_filePage = new Page([this] { return m_read; }, this);
    m_filePage->setTitle(tr("Choose the file"));
    m_filePage->setSubTitle(tr("A customer list, a maturity list or HQ's extract, as CSV (UTF-8 or GBK, as Excel "
                               "saves it) or an Excel workbook (.xlsx). Title rows above the column names are skipped."));
    m_path = new QLineEdit(m_filePage);
    m_path->setObjectName(QStringLiteral("importPath"));
    m_browse = new QPushButton(tr("Browse…"), m_filePage);
    m_fileInfo = new QLabel(m_filePage);
    m_fileInfo->setWordWrap(true);
    auto *row = new QHBoxLayout;
    row->addWidget(m_path, 1);
    row->addWidget(m_browse);
    auto *fileLayout = new QVBoxLayout(m_filePage);
    fileLayout->addLayout(row);
    fileLayout->addWidget(m_fileInfo);
    fileLayout->addStretch(1);
    connect(m_browse, &QPushButton::clicked, this, &ImportWizard::browse);
    connect(m_path, &QLineEdit::editingFinished, this, &ImportWizard::startReading);
    connect(&m_readWatcher, &QFutureWatcher<QString>::finished, this, &ImportWizard::onRead);
}

void ImportWizard::buildMappingPage()
{
    // 2. The mapping, with a preview.
    m_mappingPage = new Page([this] { return m_mapping.missingRequired().isEmpty(); }, this);
    m_mappingPage->setTitle(tr("Check the columns"));
    m_mappingPage->setSubTitle(tr("Each column of the file feeds the customer field chosen above it; guessed from "
                                  "the header. Customer no. and name are needed."));
    m_mappingTable = new QTableWidget(m_mappingPage);
    m_mappingTable->setObjectName(QStringLiteral("mappingTable"));
    m_mappingTable->setEditTriggers(QAbstractItemView::NoEditTriggers);
    m_mappingInfo = new QLabel(m_mappingPage);
    m_mappingInfo->setWordWrap(true);
    // The same mapping for the next file, or for `branchdesk-cli import --mapping`.
    m_saveMapping = new QPushButton(tr("Save mapping…"), m_mappingPage);
    auto *mapLayout = new QVBoxLayout(m_mappingPage);
    mapLayout->addWidget(m_mappingTable, 1);
    auto *mapRow = new QHBoxLayout;
    mapRow->addWidget(m_mappingInfo, 1);
    mapRow->addWidget(m_saveMapping);
    mapLayout->addLayout(mapRow);
    connect(m_saveMapping, &QPushButton::clicked, this, &ImportWizard::saveMapping);
}

void ImportWizard::buildValidationPage()
{
    // 3. Validation.
    m_validationPage = new Page([this] { return m_validatedOk && m_result->goodCount() > 0; }, this);
    m_validationPage->setTitle(tr("Check the rows"));
    m_validationPage->setButtonText(QWizard::NextButton, tr("Import"));
    m_validationInfo = new QLabel(m_validationPage);
    m_validationInfo->setWordWrap(true);
    m_rejectsTable = new QTableWidget(0, 3, m_validationPage);
    m_rejectsTable->setObjectName(QStringLiteral("rejectsTable"));
    m_rejectsTable->setEditTriggers(QAbstractItemView::NoEditTriggers);
    m_rejectsTable->setHorizontalHeaderLabels({tr("Line"), tr("Field"), tr("Reason")});
    m_rejectsTable->horizontalHeader()->setStretchLastSection(true);
    m_rejectsTable->verticalHeader()->hide();
    auto *valLayout = new QVBoxLayout(m_validationPage);
    valLayout->addWidget(m_validationInfo);
    valLayout->addWidget(m_rejectsTable, 1);
    connect(&m_validateWatcher, &QFutureWatcher<bool>::finished, this, &ImportWizard::onValidated);
}

void ImportWizard::buildImportPage()
{
    // 4. Import.
    m_importPage = new Page([this] { return m_importDone; }, this);
    m_importPage->setTitle(tr("Import"));
    m_importPage->setFinalPage(true);
    m_progress = new QProgressBar(m_importPage);
    m_importInfo = new QLabel(m_importPage);
    m_importInfo->setWordWrap(true);
    m_importInfo->setTextInteractionFlags(Qt::TextSelectableByMouse);
    auto *impLayout = new QVBoxLayout(m_importPage);
    impLayout->addWidget(m_progress);
    impLayout->addWidget(m_importInfo);
    impLayout->addStretch(1);
    connect(&m_importWatcher, &QFutureWatcher<ImportOutcome>::finished, this, &ImportWizard::onImported);
}

bool ImportWizard::isBusy() const
{
    return m_readWatcher.isRunning() || m_validateWatcher.isRunning() || m_importWatcher.isRunning();
}

void ImportWizard::browse()
{
    const QString path = QFileDialog::getOpenFileName(this, tr("Import customers"), m_path->text(),
                                                      tr("Customer lists (*.csv *.xlsx);;All files (*)"));
    if (!path.isEmpty())
        setFile(path);
}

void ImportWizard::setFile(const QString &path)
{
    m_path->setText(path);
    startReading();
}

void ImportWizard::startReading()
{
    const QString path = m_path->text().trimmed();
    if (path.isEmpty() || m_readWatcher.isRunning() || (m_read && path == m_source->path))
        return;
    m_read = false;
    m_filePage->changed();
    m_fileInfo->setText(tr("Reading %1…").arg(QDir::toNativeSeparators(path)));
    auto source = std::make_shared<CustomerImport::Source>();
    m_source = source;
    m_readWatcher.setFuture(QtConcurrent::run([path, source] {
        QString error;
        return CustomerImport::read(path, source.get(), &error) ? QString() : error;
    }));
}

void ImportWizard::onRead()
{
    const QString error = m_readWatcher.result();
    if (!error.isEmpty()) {
        m_error = error;
        m_fileInfo->setText(error);
        return;
    }
    m_read = true;
    m_mapping = ImportMapping::guess(m_source->header);
    m_fileInfo->setText(tr("%n data rows and %1 columns; %2.", nullptr, int(m_source->rows.size()))
                            .arg(m_source->header.size())
                            .arg(m_source->format == QLatin1String("xlsx") ? tr("Excel workbook")
                                                                           : tr("CSV in %1").arg(m_source->encoding))
                            + (m_source->titleRows > 0
                                   ? QLatin1Char(' ') + tr("%n title row(s) above the header skipped.", nullptr, m_source->titleRows)
                                   : QString()));
    m_filePage->changed();
}

void ImportWizard::setMapping(const ImportMapping &mapping)
{
    m_mapping = mapping;
    fillMapping();
}

void ImportWizard::fillMapping()
{
    const CustomerImport::Source &s = *m_source;
    const int columns = int(s.header.size());
    const int preview = qMin(kPreviewRows, int(s.rows.size()));
    m_mappingTable->clear();
    m_mappingTable->setColumnCount(columns);
    m_mappingTable->setRowCount(preview + 1);
    m_mappingTable->setHorizontalHeaderLabels(s.header);
    QStringList rowLabels{tr("Field")};
    for (int r = 0; r < preview; ++r)
        rowLabels << QString::number(s.rows[size_t(r)].line);
    m_mappingTable->setVerticalHeaderLabels(rowLabels);
    for (int c = 0; c < columns; ++c) {
        auto *box = new QComboBox(m_mappingTable);
        box->setObjectName(QStringLiteral("field%1").arg(c));
        box->addItem(ImportMapping::displayName(ImportMapping::Ignore), int(ImportMapping::Ignore));
        for (int f = 0; f < ImportMapping::FieldCount; ++f)
            box->addItem(ImportMapping::displayName(ImportMapping::Field(f)), f);
        box->setCurrentIndex(box->findData(int(m_mapping.columns[size_t(c)])));
        connect(box, &QComboBox::currentIndexChanged, this, [this, c, box] {
            m_mapping.set(c, ImportMapping::Field(box->currentData().toInt()));
            onMappingEdited();
        });
        m_mappingTable->setCellWidget(0, c, box);
        for (int r = 0; r < preview; ++r)
            m_mappingTable->setItem(r + 1, c, new QTableWidgetItem(s.rows[size_t(r)].cells.value(c)));
    }
    m_mappingTable->resizeColumnsToContents();
    onMappingEdited();
}

void ImportWizard::onMappingEdited()
{
    // A field has one source column: reflect moves made by ImportMapping::set.
    for (int c = 0; c < m_mappingTable->columnCount(); ++c) {
        if (auto *box = qobject_cast<QComboBox *>(m_mappingTable->cellWidget(0, c))) {
            const int want = box->findData(int(m_mapping.columns[size_t(c)]));
            if (box->currentIndex() != want) {
                const QSignalBlocker block(box);
                box->setCurrentIndex(want);
            }
        }
    }
    QStringList missing;
    for (ImportMapping::Field f : m_mapping.missingRequired())
        missing << ImportMapping::displayName(f);
    // Two equally good columns for one field are left out and said, never one silently chosen.
    const QStringList ambiguous = CustomerImport::ambiguities(*m_source, m_mapping);
    m_mappingInfo->setText((missing.isEmpty() ? tr("Rows 1-%1 shown as a preview.").arg(kPreviewRows)
                                              : tr("Choose a column for: %1").arg(missing.join(QStringLiteral(", "))))
                           + (ambiguous.isEmpty() ? QString() : QLatin1Char('\n') + ambiguous.join(QLatin1Char('\n'))));
    m_mappingPage->changed();
    m_validatedOk = false;
}

void ImportWizard::saveMapping()
{
    const QFileInfo source(m_source->path);
    const QString path = QFileDialog::getSaveFileName(
        this, tr("Save mapping"), source.absoluteDir().filePath(source.completeBaseName() + QStringLiteral(".mapping.json")),
        tr("Mapping (*.json)"));
    if (path.isEmpty())
        return;
    QString error;
    if (!m_mapping.save(path, m_source->header, &error))
        QMessageBox::warning(this, tr("Save mapping"), error);
}

void ImportWizard::startValidation()
{
    m_validatedOk = false;
    m_validationPage->changed();
    m_validationInfo->setText(tr("Checking %n rows…", nullptr, int(m_source->rows.size())));
    m_rejectsTable->setRowCount(0);
    auto source = m_source;
    auto result = std::make_shared<CustomerImport::Result>();
    m_result = result;
    const ImportMapping mapping = m_mapping;
    auto cancel = m_cancel;
    m_validateWatcher.setFuture(QtConcurrent::run([source, result, mapping, cancel] {
        return CustomerImport::validate(*source, mapping, result.get(), [cancel](int, int) { return !cancel->load(); });
    }));
}

void ImportWizard::onValidated()
{
    if (!m_validateWatcher.result())
        return; // cancelled
    const CustomerImport::Result &r = *m_result;
    m_validatedOk = true;
    QString text = tr("%n rows can be imported.", nullptr, r.goodCount());
    if (!r.rejects.empty())
        text += QLatin1Char(' ')
                + tr("%n rows are rejected and will be written, with line and reason, to %1.", nullptr,
                     int(r.rejects.size()))
                      .arg(QDir::toNativeSeparators(CustomerImport::defaultRejectsPath(m_source->path)));
    if (r.goodCount() == 0)
        text += QLatin1Char(' ') + tr("Nothing to import: correct the file or the mapping.");
    m_validationInfo->setText(text);
    const int shown = qMin(kShownRejects, int(r.rejects.size()));
    m_rejectsTable->setRowCount(shown);
    for (int i = 0; i < shown; ++i) {
        const CustomerImport::Reject &rej = r.rejects[size_t(i)];
        m_rejectsTable->setItem(i, 0, new QTableWidgetItem(QString::number(rej.line)));
        m_rejectsTable->setItem(
            i, 1, new QTableWidgetItem(rej.field.isEmpty() ? QString()
                                                           : ImportMapping::displayName(ImportMapping::fromKey(rej.field))));
        m_rejectsTable->setItem(i, 2, new QTableWidgetItem(rej.reason));
    }
    m_validationPage->changed();
}

void ImportWizard::startImport()
{
    m_importDone = false;
    m_importPage->changed();
    m_done->store(0);
    m_progress->setRange(0, qMax(1, int(m_result->customers.size())));
    m_progress->setValue(0);
    m_importInfo->setText(tr("Writing %n customers in one transaction…", nullptr, int(m_result->customers.size())));
    auto source = m_source;
    auto result = m_result;
    const StoreAccess store = m_store;
    CustomerImportJob::Options options;
    options.file = source->path;
    options.staffId = m_staffId;
    auto cancel = m_cancel;
    auto done = m_done;
    const QDate day = BranchSession::dayOr(m_day);
    // A write: on the session's one writer thread, after any write queued before it.
    m_importWatcher.setFuture(QtConcurrent::run(BranchSession::writer(), [source, result, store, options, day, cancel, done] {
        return BranchSession::importCustomers(store, *source, *result, options, day, [cancel, done](int d, int) {
            done->store(d);
            return !cancel->load();
        });
    }));
}

void ImportWizard::onImported()
{
    const ImportOutcome out = m_importWatcher.result();
    m_progress->setValue(m_progress->maximum());
    if (out.result != CustomerImportJob::Result::Done) {
        m_error = out.error.isEmpty() ? tr("The import was cancelled; the store is unchanged.") : out.error;
        m_importInfo->setText(m_error);
        return;
    }
    m_summary = out.summary;
    QString text = tr("Imported: %1 new customers, %2 updated.").arg(out.summary.inserted).arg(out.summary.updated);
    if (out.summary.newStaff > 0)
        text += QLatin1Char('\n')
                + tr("%n relationship manager(s) named in the file were added to the branch's staff; "
                     "they appear under their staff ID.", nullptr, out.summary.newStaff);
    if (!out.summary.rejectsPath.isEmpty())
        text += QLatin1Char('\n')
                + tr("%n rejected rows, with line and reason, are in %1.", nullptr, out.summary.rejected)
                      .arg(QDir::toNativeSeparators(out.summary.rejectsPath));
    m_importInfo->setText(text);
    m_importDone = true;
    m_importPage->changed();
    if (out.branch.snapshot)
        emit imported(out.branch);
}

bool ImportWizard::validateCurrentPage()
{
    if (isBusy())
        return false;
    return QWizard::validateCurrentPage();
}

void ImportWizard::initializePage(int id)
{
    if (id == MappingPage)
        fillMapping();
    else if (id == ValidationPage)
        startValidation();
    else if (id == ImportPage)
        startImport();
    QWizard::initializePage(id);
}

void ImportWizard::done(int result)
{
    // Closing while a worker runs: ask it to stop (an import rolls back) and wait for it,
    // since it reads this wizard's data.
    m_cancel->store(true);
    m_readWatcher.waitForFinished();
    m_validateWatcher.waitForFinished();
    m_importWatcher.waitForFinished();
    QWizard::done(result);
}
