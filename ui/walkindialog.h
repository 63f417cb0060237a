#pragma once

#include <QDialog>
#include <QFutureWatcher>
#include <memory>
#include <vector>

class CadenceWorkspace;
class CustomerSearchIndex;
class QCheckBox;
class QLabel;
class QLineEdit;
class QListWidget;
class QPushButton;

// Quick capture of a walk-in at the branch hall (厅堂, issue 18), beside community events:
// find an existing customer by name, pinyin or the last digits of the phone, or enter a new
// person (name, phone shown masked once typed, interest, consent to be contacted). Each
// Record saves one walk-in (CadenceWorkspace::captureWalkIn) and clears the form for the next.
class WalkInDialog : public QDialog
{
    Q_OBJECT
public:
    explicit WalkInDialog(CadenceWorkspace *workspace, QWidget *parent = nullptr);
    ~WalkInDialog() override;

    QLineEdit *search() const { return m_search; }
    QListWidget *matches() const { return m_matches; }
    QLineEdit *name() const { return m_name; }
    QLineEdit *phone() const { return m_phone; }
    QLineEdit *interest() const { return m_interest; }
    QCheckBox *consent() const { return m_consent; }
    QPushButton *recordButton() const { return m_record; }
    QLabel *result() const { return m_result; }
    bool isSearchReady() const { return m_index != nullptr; }

    void record();

private:
    void updateMatches();
    void retranslateUi();

    CadenceWorkspace *m_ws;
    std::shared_ptr<const CustomerSearchIndex> m_index;
    QFutureWatcher<std::shared_ptr<const CustomerSearchIndex>> m_indexWatcher;
    std::vector<int> m_shown; // customer indexes of the match rows
    QLabel *m_searchLabel;
    QLineEdit *m_search;
    QListWidget *m_matches;
    QLabel *m_newLabel;
    QLineEdit *m_name;
    QLineEdit *m_phone;
    QLineEdit *m_interest;
    QCheckBox *m_consent;
    QPushButton *m_record;
    QPushButton *m_close;
    QLabel *m_result;
    QLabel *m_nameLabel;
    QLabel *m_phoneLabel;
    QLabel *m_interestLabel;
};
