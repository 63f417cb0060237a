#pragma once

#include <QDialog>

class QLabel;
class QLineEdit;
class QDialogButtonBox;

// Asks for the store passphrase: twice when a store is created, once to
// unlock. The caller checks it and calls showError() to ask again.
class PassphraseDialog : public QDialog
{
    Q_OBJECT
public:
    enum class Mode { Create, Unlock };
    static constexpr int kMinimumLength = 8;

    PassphraseDialog(Mode mode, const QString &storeName, QWidget *parent = nullptr);

    QString passphrase() const;
    void showError(const QString &message);

protected:
    void changeEvent(QEvent *event) override;

private:
    void retranslateUi();
    void validate();

    Mode m_mode;
    QString m_storeName;
    QLabel *m_intro;
    QLabel *m_firstLabel;
    QLabel *m_secondLabel;
    QLineEdit *m_first;
    QLineEdit *m_second;
    QLabel *m_error;
    QDialogButtonBox *m_buttons;
};
