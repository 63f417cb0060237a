#include "synclogpage.h"

#include "domain/dateformat.h"

#include <QDateTime>
#include <QEvent>
#include <QHeaderView>
#include <QLabel>
#include <QLocale>
#include <QTableWidget>
#include <QVBoxLayout>

SyncLogPage::SyncLogPage(QWidget *parent)
    : QWidget(parent)
{
    m_intro = new QLabel(this);
    m_intro->setWordWrap(true);
    m_table = new QTableWidget(0, 7, this);
    m_table->setObjectName(QStringLiteral("syncLog"));
    m_table->verticalHeader()->hide();
    m_table->setEditTriggers(QAbstractItemView::NoEditTriggers);
    m_table->setSelectionBehavior(QAbstractItemView::SelectRows);
    m_table->horizontalHeader()->setStretchLastSection(true);
    m_table->setWordWrap(true);
    auto *layout = new QVBoxLayout(this);
    layout->addWidget(m_intro);
    layout->addWidget(m_table);
    retranslateUi();
}

QString SyncLogPage::kindName(const QString &kind)
{
    if (kind == QLatin1String("conflict"))
        return tr("Conflict");
    if (kind == QLatin1String("overwrite"))
        return tr("Overwritten");
    if (kind == QLatin1String("checksum"))
        return tr("Damaged page");
    if (kind == QLatin1String("device_reset"))
        return tr("Restored copy");
    if (kind == QLatin1String("full_resync"))
        return tr("Full reload");
    if (kind == QLatin1String("purge_deferred"))
        return tr("Removal postponed");
    if (kind == QLatin1String("purged"))
        return tr("Removed");
    if (kind == QLatin1String("error"))
        return tr("Sync failed");
    return kind;
}

void SyncLogPage::setRows(const QVector<QStringList> &rows)
{
    m_rows = rows;
    m_table->setRowCount(int(rows.size()));
    const QLocale locale;
    for (int r = 0; r < rows.size(); ++r) {
        const QStringList &row = rows.at(r); // at, kind, entity, record, rule, base, theirs, yours, message
        const QDateTime at = QDateTime::fromString(row.value(0), Qt::ISODate);
        QString what = row.value(8);
        if (!row.value(6).isEmpty() || !row.value(7).isEmpty())
            what += QLatin1Char('\n') + tr("theirs: %1\nyours: %2").arg(row.value(6), row.value(7));
        const QStringList cells = {at.isValid() ? DateFormat::dateTime(at.toLocalTime()) : row.value(0),
                                   kindName(row.value(1)), row.value(2), row.value(3), row.value(4), row.value(5), what};
        for (int c = 0; c < cells.size(); ++c)
            m_table->setItem(r, c, new QTableWidgetItem(cells.at(c)));
    }
    m_table->resizeRowsToContents();
}

void SyncLogPage::changeEvent(QEvent *event)
{
    if (event->type() == QEvent::LanguageChange) {
        retranslateUi();
        setRows(m_rows);
    }
    QWidget::changeEvent(event);
}

void SyncLogPage::retranslateUi()
{
    m_intro->setText(tr("What sync did that you should know about: problems, and every time a change made on this "
                        "computer was replaced by another, with both versions and the rule that decided."));
    m_table->setHorizontalHeaderLabels({tr("When"), tr("What"), tr("Kind of record"), tr("Record"), tr("Rule"), tr("Base"),
                                        tr("Details")});
}
