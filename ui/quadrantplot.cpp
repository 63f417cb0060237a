#include "quadrantplot.h"

#include "domain/tierpolicy.h"

#include <QMouseEvent>
#include <QPainter>

#include <algorithm>
#include <cmath>

namespace {

constexpr double kLogFloor = 0.5; // scores of 0 cannot sit on a log axis
constexpr int kGrabPixels = 5;

QPixmap dot(const QColor &color, int size)
{
    QPixmap pixmap(size, size);
    pixmap.fill(Qt::transparent);
    QPainter p(&pixmap);
    p.setRenderHint(QPainter::Antialiasing);
    p.setPen(Qt::NoPen);
    QColor c = color;
    c.setAlpha(200);
    p.setBrush(c);
    p.drawEllipse(QRectF(0.5, 0.5, size - 1, size - 1));
    return pixmap;
}

} // namespace

QuadrantPlot::QuadrantPlot(QWidget *parent)
    : QCustomPlot(parent)
{
    setObjectName(QStringLiteral("quadrantPlot"));
    setNoAntialiasingOnDrag(true);
    setAntialiasedElements(QCP::aeNone);
    xAxis->setRange(0, 100);
    yAxis->setRange(0, 100);
    xAxis->grid()->setVisible(false);
    yAxis->grid()->setVisible(false);
    setSelectionRectMode(QCP::srmCustom);
    selectionRect()->setPen(QPen(QColor(0x30, 0x30, 0x30), 1, Qt::DashLine));
    selectionRect()->setBrush(QColor(0x42, 0x85, 0xf4, 40));
    connect(selectionRect(), &QCPSelectionRect::accepted, this, [this](const QRect &rect, QMouseEvent *) {
        emit rectangleSelected(customersIn(rect.normalized()));
    });

    // main (the dots) < highlight (rings of a selection) < cuts (buffered on its own).
    addLayer(QStringLiteral("highlight"), layer(QStringLiteral("main")), QCustomPlot::limAbove);
    addLayer(QStringLiteral("cuts"), layer(QStringLiteral("highlight")), QCustomPlot::limAbove);
    m_cutLayer = layer(QStringLiteral("cuts"));
    m_cutLayer->setMode(QCPLayer::lmBuffered);

    m_highlight = addGraph();
    m_highlight->setLayer(layer(QStringLiteral("highlight")));
    m_highlight->setLineStyle(QCPGraph::lsNone);
    // A pre-rendered ring too: a rectangle can mark tens of thousands of customers.
    QPixmap ring(9, 9);
    ring.fill(Qt::transparent);
    {
        QPainter p(&ring);
        p.setRenderHint(QPainter::Antialiasing);
        p.setPen(QPen(Qt::black, 1.4));
        p.drawEllipse(QRectF(1, 1, 7, 7));
    }
    m_highlight->setScatterStyle(QCPScatterStyle(ring));

    const QPen linePen(QColor(0x20, 0x20, 0x20), 1.5, Qt::DashLine);
    m_vertical = new QCPItemStraightLine(this);
    m_horizontal = new QCPItemStraightLine(this);
    for (QCPItemStraightLine *line : {m_vertical, m_horizontal}) {
        line->setLayer(m_cutLayer);
        line->setPen(linePen);
        line->setSelectable(false);
    }
    for (int q = 0; q < Quadrant::kCount; ++q) {
        auto *label = new QCPItemText(this);
        label->setLayer(m_cutLayer);
        label->setSelectable(false);
        QFont f = font();
        f.setBold(true);
        f.setPointSizeF(f.pointSizeF() * 1.15);
        label->setFont(f);
        label->setColor(QColor(0x20, 0x20, 0x20, 170));
        m_labels[size_t(q)] = label;
    }
    retranslate();
    placeCutItems();
}

void QuadrantPlot::retranslate()
{
    xAxis->setLabel(tr("Current value (0-100)"));
    yAxis->setLabel(tr("Potential value (0-100)"));
    for (int q = 0; q < Quadrant::kCount; ++q)
        m_labels[size_t(q)]->setText(Quadrant::letter(Quadrant::Id(q)) + QLatin1Char(' ') + Quadrant::name(Quadrant::Id(q)));
    replot();
}

double QuadrantPlot::plotted(float score) const
{
    return m_log ? std::max(double(score), kLogFloor) : double(score);
}

void QuadrantPlot::setScores(SnapshotPtr snapshot, std::shared_ptr<const ValueScores> scores)
{
    m_snapshot = std::move(snapshot);
    m_scores = std::move(scores);
    m_highlighted.clear();
    m_highlight->data()->clear();
    rebuildGraphs();
    if (m_scores)
        m_cuts = Quadrant::defaultCuts(*m_scores);
    placeCutItems();
    replot();
}

void QuadrantPlot::rebuildGraphs()
{
    const int tiers = m_snapshot ? m_snapshot->tierPolicy().count() : 0;
    while (int(m_tierGraphs.size()) < tiers) {
        QCPGraph *g = addGraph();
        g->setLineStyle(QCPGraph::lsNone);
        const int t = int(m_tierGraphs.size());
        g->setScatterStyle(QCPScatterStyle(dot(TierPolicy::color(t), 5)));
        m_tierGraphs.push_back(g);
    }
    // Tiers drawn in ladder order, so the fewer, richer customers sit on top.
    for (QCPGraph *g : m_tierGraphs)
        g->data()->clear();
    if (!m_snapshot || !m_scores)
        return;
    std::vector<QVector<QCPGraphData>> data(static_cast<size_t>(tiers));
    const int n = m_scores->count();
    for (int i = 0; i < n; ++i) {
        if (!m_scores->scored(i))
            continue; // outside the quadrant's population (policy): no dot
        data[size_t(m_snapshot->tierOf(i))].append(QCPGraphData(plotted(m_scores->current(i)), plotted(m_scores->potential(i))));
    }
    for (int t = 0; t < tiers; ++t) {
        QVector<QCPGraphData> &d = data[size_t(t)];
        std::sort(d.begin(), d.end(), qcpLessThanSortKey<QCPGraphData>);
        m_tierGraphs[size_t(t)]->data()->set(d, true);
        m_tierGraphs[size_t(t)]->setName(m_snapshot->tierPolicy().displayName(t));
    }
    setHighlighted(m_highlighted);
}

void QuadrantPlot::setHighlighted(const std::vector<int> &customers)
{
    m_highlighted = customers;
    QVector<QCPGraphData> d;
    d.reserve(qsizetype(customers.size()));
    if (m_scores) {
        for (int i : customers) {
            if (m_scores->scored(i))
                d.append(QCPGraphData(plotted(m_scores->current(i)), plotted(m_scores->potential(i))));
        }
    }
    std::sort(d.begin(), d.end(), qcpLessThanSortKey<QCPGraphData>);
    m_highlight->data()->set(d, true);
    replot();
}

void QuadrantPlot::setLogScale(bool log)
{
    if (log == m_log)
        return;
    m_log = log;
    for (QCPAxis *axis : {xAxis, yAxis}) {
        if (log) {
            axis->setScaleType(QCPAxis::stLogarithmic);
            axis->setTicker(QSharedPointer<QCPAxisTickerLog>::create());
            axis->setRange(kLogFloor * 0.9, 110);
        } else {
            axis->setScaleType(QCPAxis::stLinear);
            axis->setTicker(QSharedPointer<QCPAxisTicker>::create());
            axis->setRange(0, 100);
        }
    }
    rebuildGraphs();
    placeCutItems();
    replot();
}

void QuadrantPlot::setCuts(const Quadrant::Cuts &cuts)
{
    m_cuts.current = std::clamp(cuts.current, 0.0, 100.0);
    m_cuts.potential = std::clamp(cuts.potential, 0.0, 100.0);
    placeCutItems();
    // Only the cut layer is redrawn: the 100k dots keep their buffer.
    m_cutLayer->replot();
}

void QuadrantPlot::placeCutItems()
{
    const double x = plotted(float(m_cuts.current));
    const double y = plotted(float(m_cuts.potential));
    m_vertical->point1->setCoords(x, 0);
    m_vertical->point2->setCoords(x, 1);
    m_horizontal->point1->setCoords(0, y);
    m_horizontal->point2->setCoords(1, y);
    const double lowX = m_log ? std::sqrt(kLogFloor * x) : x / 2;
    const double highX = m_log ? std::sqrt(x * 100) : (x + 100) / 2;
    const double lowY = m_log ? std::sqrt(kLogFloor * y) : y / 2;
    const double highY = m_log ? std::sqrt(y * 100) : (y + 100) / 2;
    m_labels[Quadrant::A]->position->setCoords(lowX, highY);
    m_labels[Quadrant::B]->position->setCoords(highX, highY);
    m_labels[Quadrant::C]->position->setCoords(highX, lowY);
    m_labels[Quadrant::D]->position->setCoords(lowX, lowY);
}

int QuadrantPlot::verticalCutPixel() const
{
    return int(std::lround(xAxis->coordToPixel(plotted(float(m_cuts.current)))));
}

int QuadrantPlot::horizontalCutPixel() const
{
    return int(std::lround(yAxis->coordToPixel(plotted(float(m_cuts.potential)))));
}

QPoint QuadrantPlot::pixelOf(int customer) const
{
    return QPoint(int(std::lround(xAxis->coordToPixel(plotted(m_scores->current(customer))))),
                  int(std::lround(yAxis->coordToPixel(plotted(m_scores->potential(customer))))));
}

int QuadrantPlot::customerAt(const QPoint &pos, int radius) const
{
    if (!m_scores)
        return -1;
    int best = -1;
    double bestDistance = double(radius) * radius;
    for (int i = 0; i < m_scores->count(); ++i) {
        const double dx = xAxis->coordToPixel(plotted(m_scores->current(i))) - pos.x();
        const double dy = yAxis->coordToPixel(plotted(m_scores->potential(i))) - pos.y();
        const double d = dx * dx + dy * dy;
        if (d <= bestDistance) {
            bestDistance = d;
            best = i;
        }
    }
    return best;
}

std::vector<int> QuadrantPlot::customersIn(const QRect &pixels) const
{
    std::vector<int> out;
    if (!m_scores)
        return out;
    // Compare in plot coordinates: one conversion for the rectangle, not one per customer.
    double x1 = xAxis->pixelToCoord(pixels.left());
    double x2 = xAxis->pixelToCoord(pixels.right());
    double y1 = yAxis->pixelToCoord(pixels.bottom());
    double y2 = yAxis->pixelToCoord(pixels.top());
    if (x1 > x2)
        std::swap(x1, x2);
    if (y1 > y2)
        std::swap(y1, y2);
    for (int i = 0; i < m_scores->count(); ++i) {
        const double x = plotted(m_scores->current(i));
        const double y = plotted(m_scores->potential(i));
        if (x >= x1 && x <= x2 && y >= y1 && y <= y2)
            out.push_back(i);
    }
    return out;
}

QuadrantPlot::Drag QuadrantPlot::lineNear(const QPoint &pos) const
{
    if (!axisRect()->rect().contains(pos))
        return Drag::None;
    if (std::abs(pos.x() - verticalCutPixel()) <= kGrabPixels)
        return Drag::Vertical;
    if (std::abs(pos.y() - horizontalCutPixel()) <= kGrabPixels)
        return Drag::Horizontal;
    return Drag::None;
}

void QuadrantPlot::mousePressEvent(QMouseEvent *event)
{
    m_pressPos = event->pos();
    if (event->button() == Qt::LeftButton && m_scores) {
        m_drag = lineNear(event->pos());
        if (m_drag != Drag::None) {
            event->accept();
            return; // a cut line, not a selection rectangle
        }
    }
    QCustomPlot::mousePressEvent(event);
}

void QuadrantPlot::mouseMoveEvent(QMouseEvent *event)
{
    if (m_drag != Drag::None) {
        Quadrant::Cuts c = m_cuts;
        if (m_drag == Drag::Vertical)
            c.current = xAxis->pixelToCoord(event->pos().x());
        else
            c.potential = yAxis->pixelToCoord(event->pos().y());
        if (m_log) {
            c.current = c.current < kLogFloor ? 0 : c.current;
            c.potential = c.potential < kLogFloor ? 0 : c.potential;
        }
        setCuts(c);
        emit cutsChanged(m_cuts);
        event->accept();
        return;
    }
    if (!(event->buttons() & Qt::LeftButton)) {
        const Drag hover = lineNear(event->pos());
        setCursor(hover == Drag::Vertical     ? Qt::SplitHCursor
                  : hover == Drag::Horizontal ? Qt::SplitVCursor
                                              : Qt::CrossCursor);
    }
    QCustomPlot::mouseMoveEvent(event);
}

void QuadrantPlot::mouseReleaseEvent(QMouseEvent *event)
{
    if (m_drag != Drag::None) {
        m_drag = Drag::None;
        emit cutsDragFinished(m_cuts);
        event->accept();
        return;
    }
    const bool click = (event->pos() - m_pressPos).manhattanLength() <= 3;
    QCustomPlot::mouseReleaseEvent(event);
    if (click && event->button() == Qt::LeftButton) {
        const int customer = customerAt(event->pos());
        if (customer >= 0)
            emit customerClicked(customer);
    }
}
