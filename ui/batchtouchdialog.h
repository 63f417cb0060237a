#pragma once

#include "domain/contact.h"

#include <QDialog>

class QComboBox;
class QDialogButtonBox;
class QLabel;
class QLineEdit;
class QPushButton;

// 批量触达: one SMS / WeChat / 企业微信 / mobile-banking push logged against
// many customers in one action. It counts as a remote touch for each (the
// next remote 4+1 step), and customers who refused marketing are skipped.
class BatchTouchDialog : public QDialog
{
    Q_OBJECT
public:
    // customers: how many are chosen; doNotContact: how many of them will be skipped.
    BatchTouchDialog(int customers, int doNotContact, QWidget *parent = nullptr);

    QComboBox *channelBox() const { return m_channel; }
    QLineEdit *noteEdit() const { return m_note; }
    QDialogButtonBox *buttons() const { return m_buttons; }
    // 导出号码: the batch's phone list for the bank's SMS platform (BatchTouchController asks how).
    QPushButton *exportPhonesButton() const { return m_exportPhones; }
    QLabel *summary() const { return m_summary; }
    // The contact every chosen customer gets (channel, outcome reached, note, now).
    Contact prototype() const;

signals:
    void exportPhonesRequested();

private:
    QLabel *m_summary;
    QComboBox *m_channel;
    QLineEdit *m_note;
    QDialogButtonBox *m_buttons;
    QPushButton *m_exportPhones;
};
