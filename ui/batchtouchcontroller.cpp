#include "batchtouchcontroller.h"

#include "batchtouchdialog.h"
#include "exportcontroller.h"
#include "exportdialog.h"
#include "session/cadenceworkspace.h"

#include <QDate>
#include <QDir>
#include <QMessageBox>
#include <QPushButton>
#include <QStandardPaths>

BatchTouchController::BatchTouchController(CadenceWorkspace *workspace, QWidget *window)
    : QObject(window), m_ws(workspace), m_window(window)
{
    connect(m_ws, &CadenceWorkspace::batchLogged, this, [this](int logged, int skipped) {
        emit message(tr("Batch touch logged for %1 customer(s); %2 skipped (refused marketing).").arg(logged).arg(skipped));
    });
    connect(m_ws, &CadenceWorkspace::phoneListExported, this, &BatchTouchController::onPhoneListExported);
}

BatchTouchDialog *BatchTouchController::open(const QStringList &customerNos, const QString &source)
{
    const BranchSnapshot *s = m_ws->snapshot();
    if (!s || customerNos.isEmpty())
        return nullptr;
    int dnc = 0;
    for (const QString &no : customerNos)
        dnc += m_ws->activity().isDoNotContact(s->indexOfCustomer(no)) ? 1 : 0;
    auto *dialog = new BatchTouchDialog(int(customerNos.size()), dnc, m_window);
    dialog->setAttribute(Qt::WA_DeleteOnClose);
    connect(dialog, &QDialog::accepted, this, [this, dialog, customerNos] {
        m_ws->logBatch(customerNos, dialog->prototype());
    });
    connect(dialog, &BatchTouchDialog::exportPhonesRequested, this,
            [this, dialog, customerNos, source] { askPhoneList(customerNos, source, dialog); });
    dialog->open();
    return dialog;
}

QString BatchTouchController::suggestedPath(const QString &source)
{
    QString dir = QStandardPaths::writableLocation(QStandardPaths::DocumentsLocation);
    if (dir.isEmpty())
        dir = QDir::homePath();
    QString base = tr("sms-phones-%1").arg(source);
    for (QChar &c : base) {
        if (QStringLiteral("/\\:*?\"<>|").contains(c))
            c = QLatin1Char('_');
    }
    return QDir(dir).filePath(base + QLatin1Char('-') + QDate::currentDate().toString(Qt::ISODate)
                              + QStringLiteral(".csv"));
}

ExportDialog *BatchTouchController::askPhoneList(const QStringList &customerNos, const QString &source, QWidget *parent)
{
    const BranchSnapshot *s = m_ws->snapshot();
    if (!s)
        return nullptr;
    int rows = 0; // what the file will hold, as the dialog says it
    for (const QString &no : customerNos) {
        const int c = s->indexOfCustomer(no);
        rows += c >= 0 && !m_ws->activity().isDoNotContact(c) && !s->customer(c).phone.trimmed().isEmpty() ? 1 : 0;
    }
    auto *dialog = new ExportDialog(ExportDialog::Kind::PhoneList, source, rows, 2, suggestedPath(source), parent);
    dialog->setObjectName(QStringLiteral("phoneListDialog"));
    dialog->setAttribute(Qt::WA_DeleteOnClose);
    connect(dialog, &QDialog::accepted, this, [this, dialog, customerNos, source] {
        PhoneListExport::Request request;
        request.path = dialog->path();
        request.format = dialog->format();
        request.masked = dialog->masked();
        request.reason = dialog->reason();
        request.listName = source;
        m_ws->exportPhoneList(customerNos, request);
    });
    dialog->open();
    return dialog;
}

void BatchTouchController::onPhoneListExported(const PhoneListExport::Result &result)
{
    emit message(result.message);
    if (!result.written) {
        if (m_window && m_window->isVisible())
            QMessageBox::warning(m_window, tr("Phone list"), result.message);
        return;
    }
    ExportController::Outcome outcome;
    outcome.written = true;
    outcome.path = result.path;
    outcome.message = result.message;
    if (m_window && m_window->isVisible())
        ExportController::offerToOpen(m_window, outcome);
}
