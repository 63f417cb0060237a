#pragma once

#include "domain/quadrant.h"

#include <QWidget>

#include <array>

class QComboBox;
class QLabel;
class QGridLayout;
class QPushButton;
class QTableView;
class QTabWidget;
class QGroupBox;
class AnalysisController;
class Customer360Panel;
class CustomerListModel;
class QuadrantPlot;
class CadenceWorkspace;
class CustomerRowMenu;

// 客户价值象限: every customer a dot (current value across, potential up,
// coloured by tier); the two cut lines drag with the four quadrants' counts
// and AUM following live; a rectangle or a quadrant's button makes a list that
// can be frozen as a campaign list; a click shows that customer's 360 panel.
class QuadrantPage : public QWidget
{
    Q_OBJECT
public:
    explicit QuadrantPage(AnalysisController *analysis, QWidget *parent = nullptr);

    QuadrantPlot *plot() const { return m_plot; }
    QLabel *summaryLabel(Quadrant::Id q) const { return m_summary[size_t(q)]; }
    QLabel *profileLabel(Quadrant::Id q) const { return m_profile[size_t(q)]; }
    QLabel *unscoredLabel() const { return m_unscored; }
    CustomerListModel *selectionModel() const { return m_selection; }
    QTableView *selectionTable() const { return m_table; }
    Customer360Panel *panel() const { return m_panel; }
    QTabWidget *tabs() const { return m_tabs; }
    QComboBox *scaleBox() const { return m_scale; }
    // Lists the customers of one quadrant at the current cuts.
    void listQuadrant(Quadrant::Id q);
    void freezeSelection(const QString &name);
    // Do-not-contact marks, the rows' context menu and the 360's contact history (issue 17).
    void setWorkspace(CadenceWorkspace *workspace);
    // Batch touch (issue 17): the customers of the rectangle or quadrant listed, or the selected rows.
    QPushButton *batchTouchButton() const { return m_batchTouch; }
    CustomerRowMenu *rowMenu() const { return m_menu; }
    QStringList listedCustomerNos() const;

signals:
    void batchTouchRequested(const QStringList &customerNos, const QString &source);

protected:
    void changeEvent(QEvent *event) override;

private:
    // The constructor's steps, in the order the widgets are made.
    QWidget *createPlotSide();
    QGridLayout *createQuadrantBoxes();
    void createSelectionTabs();
    void layOut(QWidget *left, QGridLayout *grid);
    void connectParts();
    void onScoresReady();
    void updateSummary();
    void showSelection(const std::vector<int> &customers, bool wholeQuadrant, Quadrant::Id q);
    void askFreeze();
    void editPolicy();
    void retranslateUi();

    AnalysisController *m_analysis;
    QuadrantPlot *m_plot;
    QComboBox *m_scale;
    QLabel *m_scaleLabel;
    QPushButton *m_resetCuts;
    QPushButton *m_policy;
    QLabel *m_cutsLabel;
    QLabel *m_hint;
    QLabel *m_unscored;
    std::array<QGroupBox *, Quadrant::kCount> m_boxes{};
    std::array<QLabel *, Quadrant::kCount> m_summary{};
    std::array<QLabel *, Quadrant::kCount> m_profile{};
    std::array<QPushButton *, Quadrant::kCount> m_listButtons{};
    QTabWidget *m_tabs;
    QLabel *m_selectionCount;
    QTableView *m_table;
    CustomerListModel *m_selection;
    QPushButton *m_freeze;
    QPushButton *m_batchTouch;
    CustomerRowMenu *m_menu = nullptr;
    Customer360Panel *m_panel;
    Quadrant::Summary m_lastSummary;
};
