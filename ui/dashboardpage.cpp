#include "dashboardpage.h"

#include "items/listmetricsmodel.h"
#include "items/momentmetricsmodel.h"
#include "items/rmprogressmodel.h"

#include "campaigndialog.h"
#include "domain/branchsnapshot.h"
#include "domain/dateformat.h"
#include "session/cadenceworkspace.h"
#include "items/campaignmetricsmodel.h"
#include "session/dashboarddata.h"
#include "items/rmtablemodel.h"
#include "session/branchsession.h"

#include <QComboBox>
#include <QEvent>
#include <QFutureWatcher>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QLabel>
#include <QLocale>
#include <QMessageBox>
#include <QPushButton>
#include <QScrollArea>
#include <QSplitter>
#include <QTableView>
#include <QVBoxLayout>
#include <QtConcurrent>
#include <qcustomplot.h>

namespace {

QTableView *makeTable(QWidget *parent, const QString &name)
{
    auto *view = new QTableView(parent);
    view->setObjectName(name);
    view->setSelectionBehavior(QAbstractItemView::SelectRows);
    view->setSelectionMode(QAbstractItemView::SingleSelection);
    view->setEditTriggers(QAbstractItemView::NoEditTriggers);
    view->setAlternatingRowColors(true);
    view->verticalHeader()->hide();
    view->horizontalHeader()->setStretchLastSection(true);
    return view;
}

} // namespace

DashboardPage::DashboardPage(CadenceWorkspace *workspace, QWidget *parent)
    : QWidget(parent), m_ws(workspace)
{
    m_campaignLabel = new QLabel(this);
    m_campaignBox = new QComboBox(this);
    m_campaignBox->setObjectName(QStringLiteral("campaignBox"));
    m_campaignBox->setMinimumContentsLength(18);
    m_new = new QPushButton(this);
    m_new->setObjectName(QStringLiteral("newCampaign"));
    m_edit = new QPushButton(this);
    m_edit->setObjectName(QStringLiteral("editCampaign"));
    m_summary = new QLabel(this);
    m_summary->setObjectName(QStringLiteral("campaignSummary"));
    m_metricsTitle = new QLabel(this);
    m_trendTitle = new QLabel(this);
    m_rmTitle = new QLabel(this);
    m_progressTitle = new QLabel(this);
    for (QLabel *l : {m_metricsTitle, m_trendTitle, m_rmTitle, m_progressTitle})
        l->setStyleSheet(QStringLiteral("font-weight: bold"));

    buildTables();
    buildLayout();
    connectSignals();
    retranslateUi();
}

void DashboardPage::buildTables()
{
    m_metricsModel = new CampaignMetricsModel(this);
    m_metricsView = makeTable(this, QStringLiteral("metricsTable"));
    m_metricsView->setModel(m_metricsModel);
    m_rmModel = new RmTableModel(this);
    m_rmView = makeTable(this, QStringLiteral("rmTable"));
    m_rmView->setModel(m_rmModel);
    m_rmView->horizontalHeader()->setStretchLastSection(false);
    m_listModel = new ListMetricsModel(this);
    m_listView = makeTable(this, QStringLiteral("listMetricsTable"));
    m_listView->setModel(m_listModel);
    // Issue 18: the new-customer, loss-recovery and MOT lists, and maturity retained / converted apart.
    m_momentModel = new MomentMetricsModel(this);
    m_momentView = makeTable(this, QStringLiteral("momentMetricsTable"));
    m_momentView->setModel(m_momentModel);
    m_progressModel = new RmProgressModel(this);
    m_progressView = makeTable(this, QStringLiteral("rmProgressTable"));
    m_progressView->setModel(m_progressModel);
    m_plot = new QCustomPlot(this);
    m_plot->setObjectName(QStringLiteral("trendPlot"));
    m_plot->setMinimumHeight(240);
    m_plot->setMinimumWidth(420);
}

void DashboardPage::buildLayout()
{
    auto *top = new QHBoxLayout;
    top->addWidget(m_campaignLabel);
    top->addWidget(m_campaignBox);
    top->addWidget(m_new);
    top->addWidget(m_edit);
    top->addWidget(m_summary, 1);

    auto *upper = new QWidget(this);
    auto *upperLayout = new QHBoxLayout(upper);
    upperLayout->setContentsMargins(0, 0, 0, 0);
    auto *metricsBox = new QVBoxLayout;
    metricsBox->addWidget(m_metricsTitle);
    metricsBox->addWidget(m_metricsView);
    auto *trendBox = new QVBoxLayout;
    trendBox->addWidget(m_trendTitle);
    trendBox->addWidget(m_plot);
    upperLayout->addLayout(metricsBox, 5);
    upperLayout->addLayout(trendBox, 4);
    auto *lower = new QWidget(this);
    auto *lowerLayout = new QVBoxLayout(lower);
    lowerLayout->setContentsMargins(0, 0, 0, 0);
    lowerLayout->addWidget(m_progressTitle);
    lowerLayout->addWidget(m_progressView);
    lowerLayout->addWidget(m_rmTitle);
    lowerLayout->addWidget(m_rmView);
    lowerLayout->addWidget(m_listView);
    lowerLayout->addWidget(m_momentView);
    auto *split = new QSplitter(Qt::Vertical, this);
    split->setObjectName(QStringLiteral("dashboardSplitter")); // its sizes are kept across restarts
    split->addWidget(upper);
    // Four tables (per-RM progress, the RM table, lists, moments) do not fit under the
    // metrics on a 1366x768 laptop: they scroll.
    auto *lowerScroll = new QScrollArea(this);
    lowerScroll->setObjectName(QStringLiteral("dashboardLowerScroll"));
    lowerScroll->setWidgetResizable(true);
    lowerScroll->setFrameShape(QFrame::NoFrame);
    lowerScroll->setWidget(lower);
    split->addWidget(lowerScroll);
    auto *layout = new QVBoxLayout(this);
    layout->addLayout(top);
    layout->addWidget(split, 1);
}

void DashboardPage::connectSignals()
{
    connect(m_campaignBox, &QComboBox::activated, this, [this](int) {
        m_wantedId = m_campaignBox->currentData().toString();
        refresh();
    });
    connect(m_new, &QPushButton::clicked, this, [this] { editCampaign(true); });
    connect(m_edit, &QPushButton::clicked, this, [this] { editCampaign(false); });
    // A click on an RM's row filters every page to that RM.
    connect(m_rmView, &QTableView::clicked, this, [this](const QModelIndex &index) {
        if (index.isValid())
            emit rmChosen(m_rmModel->staffIndexAt(index.row()));
    });
    connect(m_ws, &CadenceWorkspace::ready, this, [this] {
        if (isVisible())
            refresh();
    });
}

Campaign DashboardPage::defaultCampaign() const
{
    // Until a manager enters one: the last three months, with DOMAIN.md's targets.
    const QDate today = m_ws->today();
    Campaign c;
    c.name = tr("Last three months");
    c.startsOn = today.addMonths(-3).addDays(1);
    c.endsOn = today;
    return c;
}

void DashboardPage::refresh()
{
    if (!m_ws->isReady() || !m_ws->snapshot())
        return;
    if (m_busy) {
        m_pending = true;
        return;
    }
    m_busy = true;
    m_pending = false;
    const int generation = ++m_generation;
    DashboardData::Request request;
    request.snapshot = m_ws->branch().snapshot;
    request.store = m_ws->branch().store;
    request.roster = m_ws->roster();
    request.activity = m_ws->activity();
    request.policy = m_ws->policy();
    request.calendar = m_ws->calendar();
    request.asOf = m_ws->today();
    request.wantedId = m_wantedId;
    request.fallback = defaultCampaign();
    auto *watcher = new QFutureWatcher<DashboardData>(this);
    connect(watcher, &QFutureWatcher<DashboardData>::finished, this, [this, watcher, generation] {
        const DashboardData c = watcher->future().result();
        watcher->deleteLater();
        m_busy = false;
        if (generation != m_generation)
            return;
        if (!c.error.isEmpty())
            QMessageBox::warning(this, tr("Dashboard"), tr("The campaigns could not be read: %1").arg(c.error));
        m_campaigns = c.campaigns;
        m_lists = c.lists;
        m_shown = c.shown;
        m_metrics = c.metrics;
        {
            const QSignalBlocker block(m_campaignBox);
            m_campaignBox->clear();
            if (m_campaigns.empty())
                m_campaignBox->addItem(m_shown.name, QString());
            for (const Campaign &k : m_campaigns)
                m_campaignBox->addItem(k.name, k.campaignId);
            m_campaignBox->setCurrentIndex(qMax(0, m_campaignBox->findData(m_shown.campaignId)));
        }
        m_metricsModel->setMetrics(m_ws->branch().snapshot, m_shown, m_metrics);
        m_rmModel->setMetrics(m_ws->branch().snapshot, m_metrics);
        // The campaign's own targets for the three lists (issue 17), as counts per RM.
        m_listModel->setMetrics(m_ws->branch().snapshot, c.listMetrics,
                                {m_shown.targetPermille[Campaign::LowEfficiencyActivation],
                                 m_shown.targetPermille[Campaign::CrossLineConversion],
                                 m_shown.targetPermille[Campaign::PayrollRetention]});
        m_listView->resizeColumnsToContents();
        m_momentModel->setMetrics(c.momentMetrics, c.maturity, m_ws->policy().moments.milestonesFen[1]);
        m_momentView->resizeColumnsToContents();
        m_progressModel->setProgress(m_ws->branch().snapshot, c.progress);
        m_progressView->resizeColumnsToContents();
        m_metricsView->resizeColumnsToContents();
        m_rmView->resizeColumnsToContents();
        showTrend();
        retranslateUi();
        emit refreshed();
        if (m_pending)
            refresh();
    });
    watcher->setFuture(BranchSession::loadDashboard(request));
}

void DashboardPage::saveCampaign(const Campaign &campaign)
{
    const StoreAccess store = m_ws->branch().store;
    const BranchSnapshot *s = m_ws->snapshot();
    if (!store.isValid() || !s || !s->scope().seesWholeBranch())
        return;
    const QString by = s->scope().staffId().isEmpty() ? QStringLiteral("manager") : s->scope().staffId();
    auto *watcher = new QFutureWatcher<QString>(this);
    connect(watcher, &QFutureWatcher<QString>::finished, this, [this, watcher] {
        const QString result = watcher->future().result();
        watcher->deleteLater();
        if (result.startsWith(QLatin1Char('!'))) {
            QMessageBox::warning(this, tr("Dashboard"), tr("The campaign could not be saved: %1").arg(result.mid(1)));
            return;
        }
        m_wantedId = result;
        refresh();
    });
    watcher->setFuture(BranchSession::saveCampaign(store, campaign, by));
}

void DashboardPage::editCampaign(bool fresh)
{
    Campaign c = fresh ? Campaign() : m_shown;
    if (fresh) {
        const QDate today = m_ws->today();
        c.name = tr("Opening-of-year campaign %1").arg(today.year() + 1);
        c.startsOn = QDate(today.year() + 1, 1, 1);
        c.endsOn = QDate(today.year() + 1, 3, 31);
    }
    std::vector<CampaignDialog::RmChoice> rms;
    if (const BranchSnapshot *s = m_ws->snapshot()) {
        for (size_t i = 0; i < s->staff().size(); ++i) {
            if (s->staff()[i].role == Staff::Role::RelationshipManager)
                rms.push_back({s->staff()[i].staffId, s->staff()[i].name, m_metrics.rmCount() > i ? m_metrics.rm(int(i)).customers : 0});
        }
    }
    CampaignDialog dialog(c, m_lists, this, rms);
    if (dialog.exec() == QDialog::Accepted)
        saveCampaign(dialog.campaign());
}

void DashboardPage::showTrend()
{
    m_plot->clearGraphs();
    m_plot->clearPlottables();
    const auto &weeks = m_metrics.weeks();
    QVector<double> keys, onTime, conversion, contacts;
    QVector<QString> labels;
    double maxContacts = 1;
    for (size_t i = 0; i < weeks.size(); ++i) {
        keys << double(i + 1);
        onTime << (weeks[i].onTime731.den ? weeks[i].onTime731.rate() * 100 : qQNaN());
        conversion << (weeks[i].maturityConversion.den ? weeks[i].maturityConversion.rate() * 100 : qQNaN());
        contacts << weeks[i].contacts;
        maxContacts = std::max(maxContacts, double(weeks[i].contacts));
        // Every other week labelled, so three months stay readable.
        labels << (i % 2 == 0 ? QLocale().toString(weeks[i].start, QStringLiteral("M/d")) : QString());
    }
    auto *bars = new QCPBars(m_plot->xAxis, m_plot->yAxis2);
    bars->setName(tr("Contacts logged"));
    bars->setData(keys, contacts, true);
    bars->setPen(Qt::NoPen);
    bars->setBrush(QColor(0xc8, 0xd6, 0xf0));
    bars->setWidth(0.6);
    QCPGraph *g1 = m_plot->addGraph();
    g1->setName(tr("731 steps on time (%)"));
    g1->setData(keys, onTime, true);
    g1->setPen(QPen(QColor(0x1e, 0x8e, 0x3e), 2));
    g1->setScatterStyle(QCPScatterStyle(QCPScatterStyle::ssCircle, 5));
    QCPGraph *g2 = m_plot->addGraph();
    g2->setName(tr("Maturity conversion (%)"));
    g2->setData(keys, conversion, true);
    g2->setPen(QPen(QColor(0xd9, 0x6c, 0x00), 2));
    g2->setScatterStyle(QCPScatterStyle(QCPScatterStyle::ssSquare, 5));
    auto ticker = QSharedPointer<QCPAxisTickerText>::create();
    ticker->setTicks(keys, labels);
    m_plot->setLocale(QLocale()); // the language's grouping on the axes, not C's
    m_plot->xAxis->setTicker(ticker);
    m_plot->xAxis->setRange(0.3, double(weeks.size()) + 0.7);
    m_plot->yAxis->setRange(0, 105);
    m_plot->yAxis->setLabel(tr("%"));
    m_plot->yAxis2->setVisible(true);
    m_plot->yAxis2->setRange(0, maxContacts * 1.2);
    m_plot->yAxis2->setLabel(tr("Contacts"));
    m_plot->legend->setVisible(true);
    m_plot->axisRect()->insetLayout()->setInsetAlignment(0, Qt::AlignTop | Qt::AlignLeft);
    QFont small = font();
    small.setPointSizeF(small.pointSizeF() * 0.85);
    m_plot->legend->setFont(small);
    m_plot->legend->setBrush(QColor(255, 255, 255, 200));
    m_plot->replot();
}

void DashboardPage::showEvent(QShowEvent *event)
{
    QWidget::showEvent(event);
    if (m_metricsModel->rowCount() == 0)
        refresh();
}

void DashboardPage::changeEvent(QEvent *event)
{
    if (event->type() == QEvent::LanguageChange) {
        retranslateUi();
        if (m_ws->isReady())
            refresh();
    }
    QWidget::changeEvent(event);
}

void DashboardPage::retranslateUi()
{
    const BranchSnapshot *s = m_ws->snapshot();
    const bool manager = s && s->scope().seesWholeBranch();
    m_campaignLabel->setText(tr("Campaign:"));
    m_new->setText(tr("New campaign…"));
    m_edit->setText(tr("Targets…"));
    m_new->setVisible(manager);
    m_edit->setVisible(manager);
    m_metricsTitle->setText(tr("Metrics against targets (green: on target)"));
    m_trendTitle->setText(tr("Weekly trend"));
    m_rmTitle->setText(tr("One table per RM (click an RM to filter every page to them)"));
    m_momentModel->retranslate();
    m_progressTitle->setText(tr("Targets and today's progress per RM (green: at or ahead of the time progress)"));
    if (m_shown.startsOn.isValid()) {
        m_summary->setText(tr("%1 to %2 · as of %3 · %n customer(s)", nullptr, m_metrics.branch().customers)
                               .arg(DateFormat::date(m_shown.startsOn), DateFormat::date(m_shown.endsOn),
                                    DateFormat::date(m_metrics.asOf())));
    }
}
