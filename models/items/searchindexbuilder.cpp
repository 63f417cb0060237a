#include "searchindexbuilder.h"

#include <QFutureWatcher>
#include <QtConcurrent>

SearchIndexBuilder::SearchIndexBuilder(QObject *parent)
    : QObject(parent)
{
}

void SearchIndexBuilder::build(const SnapshotPtr &snapshot)
{
    m_wanted = snapshot;
    if (!snapshot)
        return;
    using Index = std::shared_ptr<const CustomerSearchIndex>;
    auto *watcher = new QFutureWatcher<Index>(this);
    connect(watcher, &QFutureWatcher<Index>::finished, this, [this, watcher] {
        watcher->deleteLater();
        const Index index = watcher->future().resultCount() ? watcher->result() : Index();
        if (!index || !m_wanted || index->snapshot() != m_wanted)
            return; // a branch replaced meanwhile (or none any more)
        m_wanted.reset();
        emit built(index);
    });
    watcher->setFuture(QtConcurrent::run([snapshot]() -> Index { return std::make_shared<const CustomerSearchIndex>(snapshot); }));
}
