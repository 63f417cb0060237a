#pragma once

#include "domain/contact.h"

#include <QDate>
#include <QDateTime>
#include <QDialog>

class QCheckBox;
class QComboBox;
class QDateEdit;
class QDialogButtonBox;
class QHBoxLayout;
class QLabel;
class QLineEdit;

// Logs one contact, keyboard first: the channel has focus, Tab moves through
// outcome, note and next-step date, Enter saves, Esc cancels. For a
// correction it starts from the old record and saves a new one that
// supersedes it (contacts are never edited in place).
class ContactDialog : public QDialog
{
    Q_OBJECT
public:
    struct Subject
    {
        QString customerNo;
        QString customerName;
        QString holdingId;      // a 731 step: the maturing product
        QString task;           // "731 step 2 of 3", shown above the form
        bool faceToFace = false; // suggest a face-to-face channel
        QString staffId;        // who logs it
        QDate day;              // the working day it happened on (normally today)
    };

    explicit ContactDialog(const Subject &subject, QWidget *parent = nullptr);
    // Starts from `old`; the saved contact supersedes it.
    void startCorrection(const Contact &old);

    // The contact as entered (no id yet: the store gives it one).
    Contact contact() const;

    QComboBox *channelBox() const { return m_channel; }
    QComboBox *outcomeBox() const { return m_outcome; }
    QLineEdit *noteEdit() const { return m_note; }
    QCheckBox *nextStepCheck() const { return m_nextStep; }
    QDateEdit *nextStepDate() const { return m_nextDate; }
    // 拒绝营销: offered with the outcome "declined"; ticked, the customer leaves every cadence and batch.
    QCheckBox *refusesMarketingCheck() const { return m_refuses; }
    bool refusesMarketing() const;

private:
    // The constructor's parts: the next-step row (check box and date), the Save/Cancel buttons.
    QHBoxLayout *buildNextStep(const Subject &subject);
    void buildButtons();
    void fillOutcomes();

    Subject m_subject;
    QString m_supersedes;
    QDateTime m_correctedAt; // a correction keeps the time the contact happened
    QLabel *m_header;
    QComboBox *m_channel;
    QComboBox *m_outcome;
    QLineEdit *m_note;
    QCheckBox *m_nextStep;
    QDateEdit *m_nextDate;
    QCheckBox *m_refuses;
    QDialogButtonBox *m_buttons;
};
