#pragma once

#include <QWidget>

class CadenceWorkspace;
class QCheckBox;
class QComboBox;
class QDateEdit;
class QFormLayout;
class QLabel;
class QLineEdit;
class QListWidget;
class QPushButton;
class QTableWidget;

// 社区活动: create an event, then at the venue capture each visitor with the
// keyboard alone (Tab between fields, Enter records, the form clears for the
// next one). A phone that matches a customer logs an "event" contact for them
// (it counts as the face-to-face of a 4+1); anyone else who consents becomes
// a prospect of the capturing RM. Afterwards: the summary and who to follow up.
class EventPage : public QWidget
{
    Q_OBJECT
public:
    explicit EventPage(CadenceWorkspace *workspace, QWidget *parent = nullptr);

    QListWidget *eventList() const { return m_events; }
    QLineEdit *eventName() const { return m_name; }
    QPushButton *createButton() const { return m_create; }
    QPushButton *walkInButton() const { return m_walkIn; }
    QLineEdit *visitorName() const { return m_visitorName; }
    QLineEdit *visitorPhone() const { return m_visitorPhone; }
    QLineEdit *visitorInterest() const { return m_interest; }
    QCheckBox *consent() const { return m_consent; }
    QLabel *captureResult() const { return m_result; }
    QLabel *summary() const { return m_summary; }
    QTableWidget *followUps() const { return m_followUps; }
    QString currentEventId() const;

    void createEvent();
    void captureVisitor();

protected:
    void changeEvent(QEvent *event) override;

private:
    // The constructor's steps, in the order the widgets are made.
    QWidget *createEventList();
    void createCapturePanel();
    void layOut(QWidget *left);
    void connectParts();
    void retranslateUi();
    void fillEvents(const QString &select = {});
    void showEventDetails(const QString &eventId);

    CadenceWorkspace *m_ws;
    QListWidget *m_events;
    QLabel *m_newTitle;
    QLineEdit *m_name;
    QDateEdit *m_date;
    QLineEdit *m_place;
    QComboBox *m_campaign;
    QPushButton *m_create;
    QPushButton *m_walkIn;
    QLabel *m_nameLabel;
    QLabel *m_dateLabel;
    QLabel *m_placeLabel;
    QLabel *m_campaignLabel;

    QLabel *m_eventTitle;
    QLabel *m_capturing;
    QLineEdit *m_visitorName;
    QLineEdit *m_visitorPhone;
    QLineEdit *m_interest;
    QCheckBox *m_consent;
    QPushButton *m_capture;
    QLabel *m_result;
    QLabel *m_summary;
    QLabel *m_followTitle;
    QTableWidget *m_followUps;
    QWidget *m_capturePanel;
    QFormLayout *m_captureForm;
    QString m_pendingSelect;
};
