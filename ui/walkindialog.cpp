#include "walkindialog.h"

#include "domain/branchsnapshot.h"
#include "domain/customersearchindex.h"
#include "domain/personaldatamask.h"
#include "domain/phonedirectory.h"
#include "session/cadenceworkspace.h"

#include <QCheckBox>
#include <QFormLayout>
#include <QHBoxLayout>
#include <QLabel>
#include <QLineEdit>
#include <QListWidget>
#include <QPushButton>
#include <QVBoxLayout>
#include <QtConcurrent>

namespace {
constexpr int kMaxMatches = 20;
}

WalkInDialog::WalkInDialog(CadenceWorkspace *workspace, QWidget *parent) : QDialog(parent), m_ws(workspace)
{
    setObjectName(QStringLiteral("walkInDialog"));
    m_searchLabel = new QLabel(this);
    m_search = new QLineEdit(this);
    m_search->setObjectName(QStringLiteral("walkInSearch"));
    m_search->setClearButtonEnabled(true);
    m_matches = new QListWidget(this);
    m_matches->setObjectName(QStringLiteral("walkInMatches"));
    m_newLabel = new QLabel(this);
    m_newLabel->setStyleSheet(QStringLiteral("font-weight: bold"));
    m_name = new QLineEdit(this);
    m_name->setObjectName(QStringLiteral("walkInName"));
    m_phone = new QLineEdit(this);
    m_phone->setObjectName(QStringLiteral("walkInPhone"));
    m_phone->setInputMethodHints(Qt::ImhDialableCharactersOnly);
    m_phone->setEchoMode(QLineEdit::PasswordEchoOnEdit); // shown while typed, masked after
    m_interest = new QLineEdit(this);
    m_interest->setObjectName(QStringLiteral("walkInInterest"));
    m_consent = new QCheckBox(this);
    m_consent->setObjectName(QStringLiteral("walkInConsent"));
    m_record = new QPushButton(this);
    m_record->setObjectName(QStringLiteral("recordWalkIn"));
    m_record->setDefault(true);
    m_close = new QPushButton(this);
    m_result = new QLabel(this);
    m_result->setObjectName(QStringLiteral("walkInResult"));
    m_result->setWordWrap(true);
    m_nameLabel = new QLabel(this);
    m_phoneLabel = new QLabel(this);
    m_interestLabel = new QLabel(this);

    auto *form = new QFormLayout;
    form->addRow(m_nameLabel, m_name);
    form->addRow(m_phoneLabel, m_phone);
    form->addRow(m_interestLabel, m_interest);
    form->addRow(QString(), m_consent);
    auto *buttons = new QHBoxLayout;
    buttons->addStretch(1);
    buttons->addWidget(m_record);
    buttons->addWidget(m_close);
    auto *layout = new QVBoxLayout(this);
    layout->addWidget(m_searchLabel);
    layout->addWidget(m_search);
    layout->addWidget(m_matches, 1);
    layout->addWidget(m_newLabel);
    layout->addLayout(form);
    layout->addWidget(m_result);
    layout->addLayout(buttons);

    connect(m_search, &QLineEdit::textChanged, this, &WalkInDialog::updateMatches);
    connect(m_record, &QPushButton::clicked, this, &WalkInDialog::record);
    connect(m_close, &QPushButton::clicked, this, &QDialog::accept);
    // The search index is built off the UI thread (a branch has up to ~100k customers).
    connect(&m_indexWatcher, &QFutureWatcher<std::shared_ptr<const CustomerSearchIndex>>::finished, this, [this] {
        m_index = m_indexWatcher.result();
        updateMatches();
    });
    if (const SnapshotPtr snapshot = m_ws->branch().snapshot) {
        m_indexWatcher.setFuture(QtConcurrent::run(
            [snapshot] { return std::shared_ptr<const CustomerSearchIndex>(std::make_shared<CustomerSearchIndex>(snapshot)); }));
    }
    retranslateUi();
}

WalkInDialog::~WalkInDialog()
{
    m_indexWatcher.waitForFinished();
}

void WalkInDialog::updateMatches()
{
    m_matches->clear();
    m_shown.clear();
    const BranchSnapshot *s = m_ws->snapshot();
    const QString query = m_search->text().trimmed();
    if (!s || !m_index || query.isEmpty())
        return;
    for (int c = 0; c < s->customerCount() && int(m_shown.size()) < kMaxMatches; ++c) {
        if (!m_index->matches(c, query))
            continue;
        const Customer &cu = s->customer(c);
        // Masked: the RM confirms who it is with the customer in front of them.
        m_matches->addItem(tr("%1 · %2 · %3").arg(PersonalDataMask::name(cu.name), PersonalDataMask::phone(cu.phone),
                                                  cu.customerNo));
        m_shown.push_back(c);
    }
    if (!m_shown.empty())
        m_matches->setCurrentRow(0);
}

void WalkInDialog::record()
{
    const BranchSnapshot *s = m_ws->snapshot();
    if (!s)
        return;
    const int row = m_matches->currentRow();
    const bool existing = !m_search->text().trimmed().isEmpty() && row >= 0 && row < int(m_shown.size());
    EventVisitor v;
    v.capturedBy = m_ws->actingStaffId();
    const QDateTime now = QDateTime::currentDateTime();
    v.capturedAt = QDateTime(m_ws->today(), now.time()).toOffsetFromUtc(now.offsetFromUtc());
    v.interest = m_interest->text().trimmed();
    QString customerNo;
    if (existing) {
        const Customer &c = s->customer(m_shown[size_t(row)]);
        customerNo = c.customerNo;
        v.name = c.name;
        m_result->setText(tr("Walk-in of %1 (%2) logged as a branch contact: it counts for 4+1 face-to-face.")
                              .arg(PersonalDataMask::name(c.name), customerNo));
    } else {
        v.name = m_name->text().trimmed();
        v.phone = m_phone->text().trimmed();
        v.consent = m_consent->isChecked();
        if (v.name.isEmpty() && v.phone.isEmpty()) {
            m_search->setFocus();
            return;
        }
        // A phone that is a customer's is that customer, as at events.
        const int c = v.phone.isEmpty() ? -1 : m_ws->phones().find(v.phone);
        if (c >= 0) {
            customerNo = s->customer(c).customerNo;
            m_result->setText(tr("Walk-in of %1 (%2) logged as a branch contact: it counts for 4+1 face-to-face.")
                                  .arg(PersonalDataMask::name(s->customer(c).name), customerNo));
        } else if (v.consent && !v.phone.isEmpty()) {
            m_result->setText(tr("%1 is not a customer yet: saved as your prospect.")
                                  .arg(v.name.isEmpty() ? PersonalDataMask::phone(v.phone) : v.name));
        } else {
            m_result->setText(tr("Walk-in counted. Without consent to be contacted, the phone number is not kept."));
        }
    }
    m_ws->captureWalkIn(v, customerNo);
    m_search->clear();
    m_name->clear();
    m_phone->clear();
    m_interest->clear();
    m_consent->setChecked(false);
    m_search->setFocus();
}

void WalkInDialog::retranslateUi()
{
    setWindowTitle(tr("Walk-in at the branch hall"));
    m_searchLabel->setText(tr("Existing customer: name, pinyin, or the last digits of the phone"));
    m_search->setPlaceholderText(tr("Search customers"));
    m_newLabel->setText(tr("Or someone new, a prospect:"));
    m_nameLabel->setText(tr("Name:"));
    m_phoneLabel->setText(tr("Phone:"));
    m_interestLabel->setText(tr("Interest:"));
    m_consent->setText(tr("Agrees to be contacted"));
    m_record->setText(tr("Record"));
    m_close->setText(tr("Close"));
}
