#pragma once

#include <QWidget>

class QLabel;
class QLineEdit;
class QPushButton;

// What a locked window shows instead of the pages: the store's name, a passphrase
// field and Unlock. No customer data is reachable from it.
class UnlockScreen : public QWidget
{
    Q_OBJECT
public:
    explicit UnlockScreen(const QString &storeName, QWidget *parent = nullptr);

    QLineEdit *passphraseField() const { return m_passphrase; }
    QPushButton *unlockButton() const { return m_unlock; }
    QString message() const;
    // A message under the field (error or wait); empty hides it.
    void showMessage(const QString &message);
    void setBusy(bool busy);
    void reset(); // empty field, focus, no message

signals:
    void unlockRequested(const QString &passphrase);

protected:
    void changeEvent(QEvent *event) override;

private:
    void retranslateUi();

    QString m_storeName;
    QLabel *m_title;
    QLabel *m_intro;
    QLineEdit *m_passphrase;
    QPushButton *m_unlock;
    QLabel *m_message;
};
