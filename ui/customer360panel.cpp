#include "customer360panel.h"

#include "aumtrendchart.h"
#include "customeractivityview.h"
#include "donotcontactdialog.h"
#include "session/cadenceworkspace.h"
#include "domain/dateformat.h"
#include "domain/moneyformat.h"
#include "domain/personaldatamask.h"
#include "revealreasondialog.h"

#include <QEvent>
#include <QFutureWatcher>
#include <QHBoxLayout>
#include <QTimer>
#include <QToolButton>
#include <QtConcurrent>
#include <QFormLayout>
#include <QHeaderView>
#include <QLabel>
#include <QLocale>
#include <QPushButton>
#include <QScrollArea>
#include <QTableWidget>
#include <QVBoxLayout>

#include <set>

namespace {
const char *const kFieldKeys[] = {
    "customerNo", "tier", "genderAge", "phone", "id", "address", "occupation", "employer", "rm",
    "aum", "mtdAvg", "lastMonthAvg", "contribution", "activity", "lastActivity", "since",
    "payroll", "creditCard", "loan", "executive", "triangles",
};
} // namespace

Customer360Panel::Customer360Panel(QWidget *parent)
    : QWidget(parent)
{
    m_title = new QLabel(this);
    m_title->setObjectName(QStringLiteral("customerName"));
    QFont big = m_title->font();
    big.setPointSizeF(big.pointSizeF() * 1.5);
    big.setBold(true);
    m_title->setFont(big);
    m_subtitle = new QLabel(this);
    m_dncMark = new QLabel(this);
    m_dncMark->setObjectName(QStringLiteral("doNotContactMark"));
    m_dncMark->setStyleSheet(QStringLiteral("color: #c5221f; font-weight: bold"));
    m_dncMark->setWordWrap(true);
    m_dncButton = new QPushButton(this);
    m_dncButton->setObjectName(QStringLiteral("doNotContactButton"));
    connect(m_dncButton, &QPushButton::clicked, this, [this] { editDoNotContact(); });
    m_empty = new QLabel(this);
    m_empty->setAlignment(Qt::AlignCenter);
    m_empty->setWordWrap(true);

    m_body = new QWidget(this);
    m_form = new QFormLayout;
    m_form->setLabelAlignment(Qt::AlignRight);
    for (const char *key : kFieldKeys)
        addField(QString::fromLatin1(key));

    m_holdingsTitle = new QLabel(this);
    m_holdings = new QTableWidget(0, 6, this);
    m_holdings->setObjectName(QStringLiteral("holdings"));
    m_holdings->verticalHeader()->hide();
    m_holdings->setEditTriggers(QAbstractItemView::NoEditTriggers);
    m_holdings->setSelectionMode(QAbstractItemView::NoSelection);
    m_holdings->horizontalHeader()->setSectionResizeMode(QHeaderView::ResizeToContents);
    m_holdings->horizontalHeader()->setStretchLastSection(true);
    m_holdings->setMinimumHeight(140);
    m_trendTitle = new QLabel(this);
    m_chart = new AumTrendChart(this);
    m_activity = new CustomerActivityView(this);

    auto *bodyLayout = new QVBoxLayout(m_body);
    bodyLayout->setContentsMargins(0, 0, 0, 0);
    bodyLayout->addLayout(m_form);
    bodyLayout->addWidget(m_holdingsTitle);
    bodyLayout->addWidget(m_holdings, 1);
    bodyLayout->addWidget(m_activity, 1);
    bodyLayout->addWidget(m_trendTitle);
    bodyLayout->addWidget(m_chart, 1);

    setMinimumWidth(480);
    auto *layout = new QVBoxLayout(this);
    layout->addWidget(m_title);
    layout->addWidget(m_subtitle);
    auto *dnc = new QHBoxLayout;
    dnc->addWidget(m_dncMark, 1);
    dnc->addWidget(m_dncButton);
    layout->addLayout(dnc);
    layout->addWidget(m_empty, 1);
    layout->addWidget(m_body, 1);
    retranslateUi();
    showCustomer(-1);
}

void Customer360Panel::logContact()
{
    if (m_customer != m_activity->currentCustomer())
        m_activity->showCustomer(m_customer);
    m_activity->logContact();
}

void Customer360Panel::takeFocus()
{
    m_activity->setCurrentIndex(1);
    m_activity->history()->setFocus(Qt::OtherFocusReason);
}

QLabel *Customer360Panel::addField(const QString &key)
{
    auto *label = new QLabel(this);
    auto *value = new QLabel(this);
    value->setObjectName(key);
    value->setTextInteractionFlags(Qt::TextSelectableByMouse);
    if (key == QLatin1String("phone") || key == QLatin1String("id") || key == QLatin1String("address")) {
        auto *row = new QHBoxLayout;
        row->setContentsMargins(0, 0, 0, 0);
        row->addWidget(value, 1);
        auto *show = new QToolButton(this);
        show->setObjectName(QStringLiteral("reveal_") + key);
        show->setAutoRaise(true);
        row->addWidget(show);
        m_revealButtons.insert(key, show);
        connect(show, &QToolButton::clicked, this, [this, key] { requestReveal(key); });
        auto *timer = new QTimer(this);
        timer->setSingleShot(true);
        connect(timer, &QTimer::timeout, this, [this, key] { remask(key); });
        m_revealTimers.insert(key, timer);
        m_form->addRow(label, row);
    } else {
        m_form->addRow(label, value);
    }
    m_fieldLabels << label;
    m_fields << qMakePair(key, value);
    return value;
}

QString Customer360Panel::fieldName(const QString &key) const
{
    return key == QLatin1String("phone") ? tr("Phone") : key == QLatin1String("id") ? tr("ID number") : tr("Address");
}

QString Customer360Panel::plainValue(const QString &key) const
{
    const BranchSnapshot *s = m_branch.snapshot.get();
    if (!s || m_customer < 0)
        return {};
    const Customer &c = s->customer(m_customer);
    return key == QLatin1String("phone") ? c.phone : key == QLatin1String("id") ? c.idNumber : c.address;
}

QString Customer360Panel::maskedValue(const QString &key) const
{
    const QString plain = plainValue(key);
    return key == QLatin1String("phone") ? PersonalDataMask::phone(plain)
           : key == QLatin1String("id")  ? PersonalDataMask::idNumber(plain)
                                         : PersonalDataMask::address(plain);
}

void Customer360Panel::remask(const QString &key)
{
    m_revealTimers.value(key)->stop();
    if (!m_revealed.remove(key))
        return;
    for (const auto &f : std::as_const(m_fields)) {
        if (f.first == key)
            f.second->setText(maskedValue(key));
    }
    emit revealChanged(key, false);
}

void Customer360Panel::requestReveal(const QString &key)
{
    if (m_customer < 0 || !m_revealButtons.contains(key))
        return;
    RevealReasonDialog dialog(fieldName(key), m_revealSeconds, this);
    if (dialog.exec() != QDialog::Accepted)
        return;
    reveal(key, dialog.reason());
}

void Customer360Panel::reveal(const QString &key, const QString &reason)
{
    const BranchSnapshot *s = m_branch.snapshot.get();
    if (!s || m_customer < 0 || !m_revealButtons.contains(key) || reason.trimmed().isEmpty())
        return;
    if (!m_branch.store.isValid()) {
        emit revealFailed(tr("This branch has no store to record the reveal in, so the field stays masked."));
        return;
    }
    const int customer = m_customer;
    const QString customerNo = s->customer(customer).customerNo;
    const StoreAccess store = m_branch.store;
    const QString detail = QStringLiteral("field=%1; reason=%2").arg(key, reason.trimmed());
    auto *watcher = new QFutureWatcher<QString>(this);
    connect(watcher, &QFutureWatcher<QString>::finished, this, [this, watcher, key, customer] {
        const QString error = watcher->result();
        watcher->deleteLater();
        if (!error.isEmpty()) {
            emit revealFailed(tr("The reveal could not be recorded, so the field stays masked: %1").arg(error));
            return;
        }
        if (m_customer != customer)
            return; // moved on meanwhile
        m_revealed.insert(key, customer);
        for (const auto &f : std::as_const(m_fields)) {
            if (f.first == key)
                f.second->setText(plainValue(key));
        }
        m_revealTimers.value(key)->start(m_revealSeconds * 1000);
        emit revealChanged(key, true);
    });
    watcher->setFuture(BranchSession::recordReveal(store, customerNo, detail));
}

void Customer360Panel::setWorkspace(CadenceWorkspace *workspace)
{
    m_activity->setWorkspace(workspace);
    if (m_ws)
        disconnect(m_ws, nullptr, this, nullptr);
    m_ws = workspace;
    if (m_ws) {
        connect(m_ws, &CadenceWorkspace::activityChanged, this, [this](int customer) {
            if (customer < 0 || customer == m_customer)
                showDoNotContact();
        });
        connect(m_ws, &CadenceWorkspace::ready, this, &Customer360Panel::showDoNotContact);
    }
    showDoNotContact();
}

void Customer360Panel::showDoNotContact()
{
    const bool can = m_ws && m_ws->isReady() && m_customer >= 0;
    const DoNotContact *flag = can ? m_ws->activity().doNotContact(m_customer) : nullptr;
    m_dncButton->setVisible(can);
    m_dncButton->setText(flag ? tr("Lift refusal…") : tr("Refuses marketing…"));
    m_dncMark->setVisible(flag != nullptr);
    if (flag) {
        QString text = tr("Refuses marketing since %1").arg(DateFormat::date(flag->since));
        if (!flag->note.isEmpty())
            text += QStringLiteral(" · ") + flag->note;
        m_dncMark->setText(text);
    }
}

DoNotContactDialog *Customer360Panel::editDoNotContact()
{
    if (!m_ws || !m_ws->isReady() || m_customer < 0)
        return nullptr;
    const int customer = m_customer;
    const QString no = m_branch.snapshot->customer(customer).customerNo;
    auto *dialog = new DoNotContactDialog(no, m_ws->activity().doNotContact(customer), m_ws->today(), this);
    dialog->setAttribute(Qt::WA_DeleteOnClose);
    connect(dialog, &QDialog::accepted, this, [this, dialog] { m_ws->setDoNotContact(dialog->record()); });
    dialog->open();
    return dialog;
}

void Customer360Panel::setBranch(const LoadedBranch &branch)
{
    m_branch = branch;
    showCustomer(-1);
}

QString Customer360Panel::fieldText(const QString &key) const
{
    for (const auto &f : m_fields) {
        if (f.first == key)
            return f.second->text();
    }
    if (key == QLatin1String("name"))
        return m_title->text();
    return {};
}

void Customer360Panel::changeEvent(QEvent *event)
{
    if (event->type() == QEvent::LanguageChange) {
        retranslateUi();
        showCustomer(m_customer);
    }
    QWidget::changeEvent(event);
}

void Customer360Panel::retranslateUi()
{
    const QStringList labels = {
        tr("Customer no.:"), tr("Tier:"), tr("Gender, age:"), tr("Phone:"), tr("ID card:"), tr("Address:"),
        tr("Occupation:"), tr("Payroll employer:"), tr("Relationship manager:"), tr("AUM today:"),
        tr("Month-to-date average:"), tr("Last month's average:"), tr("Yearly contribution:"),
        tr("Activity (90 days):"), tr("Last activity:"), tr("Customer since:"), tr("Payroll (代发):"),
        tr("Credit card:"), tr("Personal loan:"), tr("Corporate executive:"), tr("Four triangles:"),
    };
    for (int i = 0; i < m_fieldLabels.size() && i < labels.size(); ++i)
        m_fieldLabels.at(i)->setText(labels.at(i));
    m_holdingsTitle->setText(tr("<b>Holdings</b>"));
    m_trendTitle->setText(tr("<b>AUM, last 12 months</b>"));
    m_holdings->setHorizontalHeaderLabels({tr("Product type"), tr("Product"), tr("Amount"), tr("Opened"),
                                           tr("Matures"), tr("Days left")});
    m_empty->setText(tr("Select a customer in the list to see their profile, holdings and AUM trend."));
    for (auto it = m_revealButtons.cbegin(); it != m_revealButtons.cend(); ++it) {
        it.value()->setText(tr("Show"));
        it.value()->setToolTip(tr("Show the full %1 for %n second(s); asks for a reason and is audited", nullptr,
                                  m_revealSeconds)
                                   .arg(fieldName(it.key())));
    }
}

void Customer360Panel::showCustomer(int customerIndex)
{
    const BranchSnapshot *s = m_branch.snapshot.get();
    m_customer = (s && customerIndex >= 0 && customerIndex < s->customerCount()) ? customerIndex : -1;
    // A reveal is for one customer: another one (or none) masks again.
    for (const QString &key : m_revealed.keys()) {
        if (m_revealed.value(key) != m_customer) {
            m_revealed.remove(key);
            m_revealTimers.value(key)->stop();
            emit revealChanged(key, false);
        }
    }
    m_empty->setVisible(m_customer < 0);
    m_body->setVisible(m_customer >= 0);
    m_subtitle->setVisible(m_customer >= 0);
    m_activity->showCustomer(m_customer);
    showDoNotContact();
    if (m_customer < 0) {
        m_title->setText(tr("Customer 360"));
        // A masked pool entry (issue 15): HQ sent no more than the list shows, so there is
        // nothing to reveal here.
        const int pool = s ? customerIndex - s->customerCount() : -1;
        if (pool >= 0 && pool < int(s->pool().size()))
            m_empty->setText(tr("%1 (%2) is in the unassigned pool and was masked by HQ: no phone, ID number, "
                                "address or figures are on this computer. Once the branch manager assigns the "
                                "customer to you, the next sync brings them in full.")
                                 .arg(s->pool()[size_t(pool)].name, s->pool()[size_t(pool)].customerNo));
        else
            m_empty->setText(tr("Select a customer in the list to see their profile, holdings and AUM trend."));
        return;
    }
    const Customer &c = s->customer(m_customer);
    showProfile();
    showHoldings();
    m_chart->showCustomer(c, s->tierPolicy());
}

void Customer360Panel::showProfile()
{
    const BranchSnapshot *s = m_branch.snapshot.get();
    const Customer &c = s->customer(m_customer);
    const QLocale locale;
    auto set = [&](const char *key, const QString &text) {
        for (auto &f : m_fields) {
            if (f.first == QLatin1String(key))
                f.second->setText(text);
        }
    };
    auto yesNo = [&](bool b) { return b ? tr("Yes") : tr("No"); };
    auto date = [&](const QDate &d) { return d.isValid() ? DateFormat::date(d) : tr("—"); };

    m_title->setText(c.name);
    const int tier = s->tierOf(m_customer);
    m_subtitle->setText(QStringLiteral("<span style='color:%1'>&#9679;</span> %2")
                            .arg(TierPolicy::color(tier).name(), s->tierPolicy().displayName(tier).toHtmlEscaped()));
    set("customerNo", c.customerNo);
    set("tier", s->tierPolicy().displayName(tier));
    const QString gender = c.gender == Customer::Gender::Male     ? tr("Male")
                           : c.gender == Customer::Gender::Female ? tr("Female")
                                                                  : tr("Unknown");
    const int age = s->ageOf(m_customer);
    set("genderAge", age >= 0 ? tr("%1, %2 years").arg(gender).arg(age) : tr("%1, age not known").arg(gender));
    for (const char *key : {"phone", "id", "address"}) {
        const QString k = QString::fromLatin1(key);
        set(key, m_revealed.contains(k) ? plainValue(k) : maskedValue(k));
    }
    set("occupation", c.occupation);
    set("employer", c.employer.isEmpty() ? tr("—") : c.employer);
    const int rm = s->rmOf(m_customer);
    set("rm", rm >= 0 ? s->staff()[size_t(rm)].name : tr("Unassigned"));
    set("aum", MoneyFormat::readable(c.aumFen));
    set("mtdAvg", MoneyFormat::readable(c.aumMtdAvgFen));
    set("lastMonthAvg", MoneyFormat::readable(c.lastMonthAvgFen()));
    set("contribution", MoneyFormat::readable(c.contributionFen));
    set("activity", tr("%1 mobile-banking logins, %2 transactions").arg(c.mobileLogins90d).arg(c.transactions90d));
    set("lastActivity", date(c.lastActivity));
    set("since", date(c.openedOn));
    set("payroll", yesNo(c.payroll));
    set("creditCard", c.creditCardActive ? tr("Active") : tr("None or inactive"));
    set("loan", c.loanStartDate.isValid() ? tr("Since %1").arg(date(c.loanStartDate)) : tr("None"));
    set("executive", yesNo(c.corporateExecutive));

    const auto holdings = s->holdingsOf(m_customer);
    std::set<int> categories;
    for (const Holding &h : holdings)
        categories.insert(int(h.productType));
    set("triangles", tr("products %1 · settlement %2 · service %3 · referral %4")
                         .arg(categories.size())
                         .arg(c.settlementProducts)
                         .arg(c.serviceEvents12m)
                         .arg(c.referralLinks));
}

void Customer360Panel::showHoldings()
{
    const BranchSnapshot *s = m_branch.snapshot.get();
    const auto holdings = s->holdingsOf(m_customer);
    auto date = [&](const QDate &d) { return d.isValid() ? DateFormat::date(d) : tr("—"); };
    m_holdings->setRowCount(int(holdings.size()));
    int row = 0;
    for (const Holding &h : holdings) {
        auto item = [](const QString &text) { return new QTableWidgetItem(text); };
        m_holdings->setItem(row, 0, item(Holding::productTypeName(h.productType)));
        m_holdings->setItem(row, 1, item(h.productName));
        auto *amount = item(MoneyFormat::readable(h.amountFen));
        amount->setTextAlignment(Qt::AlignRight | Qt::AlignVCenter);
        m_holdings->setItem(row, 2, amount);
        m_holdings->setItem(row, 3, item(date(h.openDate)));
        QString daysLeft;
        if (h.maturityDate.isValid()) {
            const qint64 days = s->asOf().daysTo(h.maturityDate);
            if (days == 0)
                daysLeft = tr("today");
            else if (days == 1)
                daysLeft = tr("tomorrow");
            else if (days > 1)
                daysLeft = tr("%1 days").arg(days);
        }
        auto *left = item(daysLeft);
        left->setTextAlignment(Qt::AlignRight | Qt::AlignVCenter);
        m_holdings->setItem(row, 5, left);
        const QString maturity = h.maturityDate.isValid() ? date(h.maturityDate) : tr("—");
        m_holdings->setItem(row, 4, item(maturity));
        ++row;
    }
}
