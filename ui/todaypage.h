#pragma once

#include "items/todaymodel.h"
#include "domain/dayplan.h"

#include <QFutureWatcher>
#include <QWidget>

class CadenceWorkspace;
class Customer360Panel;
class QAction;
class QComboBox;
class QLabel;
class QPushButton;
class QSplitter;
class QTableView;
class WeekPlanView;
class CustomerRowMenu;

// The RM's day: the 731 and 4+1 steps and follow-ups due today or overdue,
// most urgent first, each with why it is there. Enter on a row opens the
// contact dialog, Enter there saves, and the row turns done at once; Ctrl+R
// reschedules a step with a reason. "Acting as" picks the RM (there is no
// login on the desktop yet); a manager may look at any RM or all of them.
class TodayPage : public QWidget
{
    Q_OBJECT
public:
    explicit TodayPage(CadenceWorkspace *workspace, QWidget *parent = nullptr);

    QTableView *table() const { return m_table; }
    TodayModel *model() const { return m_model; }
    QComboBox *actingAs() const { return m_acting; }
    QComboBox *rmFilter() const { return m_view; }
    // The manager looks at one RM's day (staff index; TodayList::kAllRms: every RM).
    void showRm(int staffIndex);
    Customer360Panel *panel() const { return m_panel; }
    // "Later this week", today's capacity and the overload (issue 17).
    WeekPlanView *weekPlan() const { return m_week; }
    CustomerRowMenu *weekRowMenu() const { return m_weekMenu; }
    // Right-click on a row: log for the step, reschedule, 360, do-not-contact (issue 17).
    CustomerRowMenu *rowMenu() const { return m_menu; }
    // "done / due / overdue" as shown at the top, for tests.
    QString countsText() const;
    bool isBuilding() const { return m_building; }
    // The contact log is read and the rows are built: what a screenshot waits for.
    bool isSettled() const;

    void openContactDialog();
    void openRescheduleDialog();

protected:
    void changeEvent(QEvent *event) override;
    bool eventFilter(QObject *watched, QEvent *event) override;

private:
    // The constructor's parts: the acting/date/counts row, the shortcuts and row menu, the layout, the signals
    // (with the week's row menu).
    void buildHeader();
    void buildActions();
    void buildLayout(QWidget *panelScroll);
    void connectSignals();
    void retranslateUi();
    void fillStaff();
    void onActingChanged();
    void rebuild();
    void onBuilt();
    void onActivityChanged(int customer);
    void onCounts(int done, int due, int overdue);
    void onCurrentRowChanged();
    void updateCalendarWarning();
    int viewedRm() const; // staff index, or TodayList::kAllRms
    // After a save: the first row below `key` still to do (or just the next row) becomes current.
    void selectNextAfter(const QString &key);
    TodayModel::Context context() const;

    CadenceWorkspace *m_ws;
    QLabel *m_actingLabel;
    QComboBox *m_acting;
    QLabel *m_viewLabel;
    QComboBox *m_view;
    QLabel *m_date;
    QLabel *m_done;
    QLabel *m_due;
    QLabel *m_overdue;
    QLabel *m_warning;
    QLabel *m_empty;
    QTableView *m_table;
    TodayModel *m_model;
    Customer360Panel *m_panel;
    QSplitter *m_splitter;
    QPushButton *m_log;
    QPushButton *m_reschedule;
    QLabel *m_hint;
    QAction *m_logMenuAction = nullptr;
    QAction *m_rescheduleMenuAction = nullptr;
    WeekPlanView *m_week;
    CustomerRowMenu *m_weekMenu;
    CustomerRowMenu *m_menu;
    std::shared_ptr<std::vector<DayPlan>> m_plans; // filled by the build, read in onBuilt
    QFutureWatcher<std::vector<TodayItem>> m_watcher;
    TodayModel::Context m_pending;
    bool m_building = false; // until onBuilt: the watcher's own state runs ahead of its signal
    bool m_rebuildAgain = false;
    QString m_keepKey; // the row to keep selected across a rebuild
    QString m_advanceFrom; // a contact for this row is being saved: move on when it lands
    int m_counts[3] = {0, 0, 0};
};
