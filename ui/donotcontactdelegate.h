#pragma once

#include <QStyledItemDelegate>
#include <functional>

class CadenceWorkspace;
struct DoNotContact;

// 拒绝营销 on a list row (issue 17): the column showing the customer's name gets a
// "no" sign before the name when the customer refused marketing, and its tooltip
// says since when and where the refusal came from (never the note, which may hold
// what the customer said). Read from the workspace's activity log as it stands,
// so a flag set or lifted anywhere shows on every list at the next repaint.
class DoNotContactDelegate : public QStyledItemDelegate
{
    Q_OBJECT
public:
    // customerOf: the row's customer as an index into the workspace's snapshot, -1 when none.
    using CustomerOf = std::function<int(const QModelIndex &)>;
    DoNotContactDelegate(CadenceWorkspace *workspace, CustomerOf customerOf, QObject *parent = nullptr);

    // The standing flag of the row's customer, or null.
    const DoNotContact *flagAt(const QModelIndex &index) const;
    // "Refused marketing since 2026-11-03 (the customer asked)", or empty when none.
    QString toolTipAt(const QModelIndex &index) const;
    static QString toolTip(const DoNotContact &flag);
    static QString sourceName(const QString &source);
    static QIcon icon();

    bool helpEvent(QHelpEvent *event, QAbstractItemView *view, const QStyleOptionViewItem &option,
                   const QModelIndex &index) override;

protected:
    void initStyleOption(QStyleOptionViewItem *option, const QModelIndex &index) const override;

private:
    CadenceWorkspace *m_ws;
    CustomerOf m_customerOf;
};
