#pragma once

#include <QWidget>

class QLabel;
class QTableWidget;

// The sync log: every sync problem and every overwrite of a local change,
// with base, theirs, yours and the rule applied, in words a user can read.
class SyncLogPage : public QWidget
{
    Q_OBJECT
public:
    explicit SyncLogPage(QWidget *parent = nullptr);
    void setRows(const QVector<QStringList> &rows);
    QTableWidget *table() const { return m_table; }

protected:
    void changeEvent(QEvent *event) override;

private:
    void retranslateUi();
    static QString kindName(const QString &kind);
    QLabel *m_intro;
    QTableWidget *m_table;
    QVector<QStringList> m_rows;
};
