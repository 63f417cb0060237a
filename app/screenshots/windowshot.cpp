#include "windowshot.h"

#include "session/analysiscontroller.h"
#include "customerpage.h"
#include "dashboardpage.h"
#include "mainwindow.h"
#include "screenshotscene.h"
#include "todaypage.h"
#include "items/campaignmetricsmodel.h"

#include <QScreen>
#include <QTableView>
#include <QTimer>

#include <cstdio>

WindowShot::WindowShot(MainWindow *window, Options options)
    : QObject(window), m_window(window), m_options(std::move(options)), m_poll(new QTimer(this))
{
    m_poll->setInterval(100);
    connect(m_poll, &QTimer::timeout, this, [this] {
        if (!settled())
            return;
        m_poll->stop();
        if (!m_options.scene.isEmpty() && !openScreenshotScene(*m_window, m_options.scene)) {
            std::fprintf(stderr, "Unknown --open: %s\n", qPrintable(m_options.scene));
            emit done(2);
            return;
        }
        QTimer::singleShot(m_options.scene.isEmpty() ? 400 : 1500, this, &WindowShot::take);
    });
}

void WindowShot::start()
{
    // Wait until the table has painted its rows; pages fed by the analysis wait for the scores.
    QTimer::singleShot(0, this, [this] {
        m_window->customerPage()->table()->viewport()->repaint();
        m_poll->start();
    });
}

bool WindowShot::settled() const
{
    const AnalysisController *analysis = m_window->analysis();
    if (analysis->branch().snapshot && (analysis->busy() || !analysis->scores()))
        return false;
    if (!m_window->todayPage()->isSettled() || !m_window->isSearchReady())
        return false;
    const DashboardPage *dashboard = m_window->dashboardPage();
    return !dashboard->isVisible() || (dashboard->isSettled() && dashboard->metricsModel()->rowCount() > 0);
}

void WindowShot::take()
{
    QWidget *part = m_options.widget.isEmpty() ? nullptr : m_window->findChild<QWidget *>(m_options.widget);
    // The whole screen, as the user sees it (window manager, taskbar space and all): a picture
    // of the widget alone hid what did not fit (issue 16).
    QScreen *screen = m_window->screen();
    const QPixmap picture = part ? part->grab() : screen ? screen->grabWindow(0) : m_window->grab();
    (picture.isNull() ? m_window->grab() : picture).save(m_options.file);
    emit done(0);
}
