#pragma once

#include <QObject>
#include <QString>

class MainWindow;
class QTimer;

// A picture of the app's window once what it shows has settled: the customer list painted,
// the analysis scored, Today and the search index ready, the dashboard filled. Then an
// optional scene is opened (ScreenshotScene) and the whole screen, or one widget, is saved.
class WindowShot : public QObject
{
    Q_OBJECT
public:
    struct Options
    {
        QString file; // FILE.png
        QString widget; // object name: a picture of that widget only
        QString scene; // openScreenshotScene(): batch-touch, phone-list, row-menu, import-list:PATH
    };
    WindowShot(MainWindow *window, Options options);

    void start();

signals:
    void done(int exitCode); // 0 saved; 2 unknown scene

private:
    bool settled() const;
    void take();

    MainWindow *m_window;
    Options m_options;
    QTimer *m_poll;
};
