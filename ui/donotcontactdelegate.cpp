#include "donotcontactdelegate.h"

#include "domain/dateformat.h"
#include "domain/donotcontact.h"
#include "session/cadenceworkspace.h"

#include <QAbstractItemView>
#include <QHelpEvent>
#include <QPainter>
#include <QToolTip>

DoNotContactDelegate::DoNotContactDelegate(CadenceWorkspace *workspace, CustomerOf customerOf, QObject *parent)
    : QStyledItemDelegate(parent), m_ws(workspace), m_customerOf(std::move(customerOf))
{
}

const DoNotContact *DoNotContactDelegate::flagAt(const QModelIndex &index) const
{
    if (!m_ws || !m_ws->isReady() || !index.isValid() || m_ws->activity().doNotContactCount() == 0)
        return nullptr;
    const int customer = m_customerOf(index);
    return customer >= 0 ? m_ws->activity().doNotContact(customer) : nullptr;
}

QString DoNotContactDelegate::sourceName(const QString &source)
{
    if (source == QLatin1String("customer"))
        return tr("the customer asked");
    if (source == QLatin1String("complaint"))
        return tr("after a complaint");
    if (source == QLatin1String("hq"))
        return tr("head office");
    if (source == QLatin1String("branch"))
        return tr("branch decision");
    return source;
}

QString DoNotContactDelegate::toolTip(const DoNotContact &flag)
{
    return tr("Refuses marketing since %1 (%2): no cadence, no batch touch")
        .arg(DateFormat::date(flag.since), sourceName(flag.source));
}

QString DoNotContactDelegate::toolTipAt(const QModelIndex &index) const
{
    const DoNotContact *flag = flagAt(index);
    return flag ? toolTip(*flag) : QString();
}

QIcon DoNotContactDelegate::icon()
{
    // A red "no" sign, drawn once: no image files to ship for one mark.
    static const QIcon mark = [] {
        QIcon out;
        for (int size : {16, 32}) {
            QPixmap pixmap(size, size);
            pixmap.fill(Qt::transparent);
            QPainter p(&pixmap);
            p.setRenderHint(QPainter::Antialiasing);
            const qreal w = size / 8.0;
            p.setPen(QPen(QColor(0xc6, 0x28, 0x28), w));
            const QRectF r(w, w, size - 2 * w, size - 2 * w);
            p.drawEllipse(r);
            const qreal d = r.width() * 0.3536; // r/2 * cos 45°
            p.drawLine(QPointF(r.center().x() - d, r.center().y() - d), QPointF(r.center().x() + d, r.center().y() + d));
            out.addPixmap(pixmap);
        }
        return out;
    }();
    return mark;
}

void DoNotContactDelegate::initStyleOption(QStyleOptionViewItem *option, const QModelIndex &index) const
{
    QStyledItemDelegate::initStyleOption(option, index);
    if (!flagAt(index))
        return;
    option->features |= QStyleOptionViewItem::HasDecoration;
    option->icon = icon();
    const int side = option->fontMetrics.height() - 2;
    option->decorationSize = QSize(side, side);
}

bool DoNotContactDelegate::helpEvent(QHelpEvent *event, QAbstractItemView *view, const QStyleOptionViewItem &option,
                                     const QModelIndex &index)
{
    if (event && event->type() == QEvent::ToolTip) {
        const QString tip = toolTipAt(index);
        if (!tip.isEmpty()) {
            QToolTip::showText(event->globalPos(), tip, view);
            return true;
        }
    }
    return QStyledItemDelegate::helpEvent(event, view, option, index);
}
