#pragma once

#include "session/branchsession.h"

#include <QHash>
#include <QWidget>

class QLabel;
class QPushButton;
class DoNotContactDialog;
class QFormLayout;
class QTableWidget;
class AumTrendChart;
class CadenceWorkspace;
class CustomerActivityView;
class QTimer;
class QToolButton;

// Everything about one customer on one panel: profile, tier, the four
// triangles, holdings with maturity dates, and the 12-month AUM trend.
// Phone, ID number and address are masked; "Show" beside one asks for a reason,
// records it in the audit log (customer number, field, reason: no personal data)
// and shows that field of this customer for the policy's seconds (default 60).
class Customer360Panel : public QWidget
{
    Q_OBJECT
public:
    explicit Customer360Panel(QWidget *parent = nullptr);

    void setBranch(const LoadedBranch &branch);
    // Contact history and open cadences come from the workspace.
    void setWorkspace(CadenceWorkspace *workspace);
    CustomerActivityView *activity() const { return m_activity; }
    void showCustomer(int customerIndex);
    int currentCustomer() const { return m_customer; }
    // Log contact (Ctrl+L) for the customer shown; the record lands in the contact history.
    void logContact();
    // Moves the keyboard into the panel (its contact history), e.g. Enter on a search result.
    void takeFocus();
    // The text of a profile field, for tests: "phone", "id", "tier", ...
    QString fieldText(const QString &key) const;
    AumTrendChart *chart() const { return m_chart; }
    QTableWidget *holdingsTable() const { return m_holdings; }
    QToolButton *revealButton(const QString &key) const { return m_revealButtons.value(key); }
    // Asks for the reason (RevealReasonDialog), then reveal().
    void requestReveal(const QString &key);
    // Audits (on a worker thread), then shows `key` ("phone", "id", "address") of the
    // current customer until the time runs out or another customer is shown.
    void reveal(const QString &key, const QString &reason);
    bool isRevealed(const QString &key) const { return m_revealed.contains(key); }
    void setRevealSeconds(int seconds) { m_revealSeconds = seconds; }
    // 拒绝营销 (issue 17): the mark under the name, and the button that sets or lifts it.
    QLabel *doNotContactMark() const { return m_dncMark; }
    QPushButton *doNotContactButton() const { return m_dncButton; }
    // Opens the dialog for the customer shown (set, or lift a standing flag); on OK
    // the workspace writes the record with its audit entry. Returns the open dialog.
    DoNotContactDialog *editDoNotContact();

signals:
    void revealChanged(const QString &key, bool shown);
    void revealFailed(const QString &message);

protected:
    void changeEvent(QEvent *event) override;

private:
    void retranslateUi();
    QLabel *addField(const QString &key);
    QString maskedValue(const QString &key) const;
    QString plainValue(const QString &key) const;
    QString fieldName(const QString &key) const;
    void remask(const QString &key);
    void showDoNotContact();
    // The customer shown (m_customer): the fields beside the title, then the holdings table.
    void showProfile();
    void showHoldings();

    LoadedBranch m_branch;
    int m_customer = -1;
    QLabel *m_title;
    QLabel *m_subtitle;
    QLabel *m_dncMark;
    QPushButton *m_dncButton;
    CadenceWorkspace *m_ws = nullptr;
    QLabel *m_empty;
    QWidget *m_body;
    QFormLayout *m_form;
    QList<QPair<QString, QLabel *>> m_fields;
    QList<QLabel *> m_fieldLabels;
    QLabel *m_holdingsTitle;
    QTableWidget *m_holdings;
    QLabel *m_trendTitle;
    AumTrendChart *m_chart;
    CustomerActivityView *m_activity;
    QHash<QString, QToolButton *> m_revealButtons;
    QHash<QString, QTimer *> m_revealTimers;
    QHash<QString, int> m_revealed; // field -> customer index it was revealed for
    int m_revealSeconds = 60;
};
