#pragma once

#include "domain/customerimport.h"
#include "session/branchsession.h"

#include <QFutureWatcher>
#include <QDate>
#include <QWizard>
#include <atomic>
#include <memory>

class QLabel;
class QLineEdit;
class QProgressBar;
class QPushButton;
class QTableWidget;

// Import customers for a branch without HQ sync: choose a CSV or .xlsx file,
// check the column mapping guessed from the header against a preview, see the
// validation summary (every bad row with its line and reason), then import the
// good rows in one transaction. Reading, validating and writing run on worker
// threads; the store and the branch on screen are reloaded at the end.
class ImportWizard : public QWizard
{
    Q_OBJECT
public:
    enum PageId { FilePage, MappingPage, ValidationPage, ImportPage };

    // The branch is read again after the import as of `day` (BranchSession::day(); invalid: the calendar's).
    ImportWizard(const StoreAccess &store, const QString &staffId, QDate day = {}, QWidget *parent = nullptr);

    // For tests: choose the file without the file dialog (starts reading it).
    void setFile(const QString &path);
    bool isBusy() const;
    const CustomerImport::Source &source() const { return *m_source; }
    const ImportMapping &mapping() const { return m_mapping; }
    void setMapping(const ImportMapping &mapping);
    const CustomerImport::Result &validated() const { return *m_result; }
    const CustomerImportJob::Summary &summary() const { return m_summary; }
    QString errorText() const { return m_error; }
    QTableWidget *mappingTable() const { return m_mappingTable; }
    QTableWidget *rejectsTable() const { return m_rejectsTable; }

    bool validateCurrentPage() override;

signals:
    // The import is written and the branch reloaded from the store.
    void imported(const LoadedBranch &branch);

protected:
    void initializePage(int id) override;
    void done(int result) override;

private:
    class Page;
    // The constructor's four pages, each with its widgets and signals.
    void buildFilePage();
    void buildMappingPage();
    void buildValidationPage();
    void buildImportPage();
    void browse();
    void startReading();
    void onRead();
    void fillMapping();
    void onMappingEdited();
    void saveMapping();
    void startValidation();
    void onValidated();
    void startImport();
    void onImported();

    StoreAccess m_store;
    QString m_staffId;
    QDate m_day;
    Page *m_filePage;
    Page *m_mappingPage;
    Page *m_validationPage;
    Page *m_importPage;
    QLineEdit *m_path;
    QPushButton *m_browse;
    QLabel *m_fileInfo;
    QTableWidget *m_mappingTable;
    QLabel *m_mappingInfo;
    QPushButton *m_saveMapping;
    QLabel *m_validationInfo;
    QTableWidget *m_rejectsTable;
    QProgressBar *m_progress;
    QLabel *m_importInfo;

    std::shared_ptr<CustomerImport::Source> m_source;
    ImportMapping m_mapping;
    std::shared_ptr<CustomerImport::Result> m_result;
    CustomerImportJob::Summary m_summary;
    QString m_error;
    bool m_read = false;
    bool m_validatedOk = false;
    bool m_importDone = false;
    std::shared_ptr<std::atomic<bool>> m_cancel;
    std::shared_ptr<std::atomic<int>> m_done;
    QFutureWatcher<QString> m_readWatcher;
    QFutureWatcher<bool> m_validateWatcher;
    using ImportOutcome = BranchSession::ImportOutcome;
    QFutureWatcher<ImportOutcome> m_importWatcher;
};
