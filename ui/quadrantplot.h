#pragma once

#include "domain/quadrant.h"
#include "domain/valuescores.h"

#include <qcustomplot.h>

#include <array>
#include <memory>
#include <vector>

// The value quadrant as a scatter: current value across, potential value up,
// one pre-rendered dot per customer coloured by tier (a pixmap scatter draws
// 100k points in a few ms where QCustomPlot's anti-aliased discs take ~130).
// The two cut lines live on their own buffered layer, so dragging one
// repaints only that layer and never touches the 100k points. A rectangle
// dragged elsewhere selects customers; a click picks the nearest one.
class QuadrantPlot : public QCustomPlot
{
    Q_OBJECT
public:
    explicit QuadrantPlot(QWidget *parent = nullptr);

    void setScores(SnapshotPtr snapshot, std::shared_ptr<const ValueScores> scores);
    void setCuts(const Quadrant::Cuts &cuts);
    Quadrant::Cuts cuts() const { return m_cuts; }
    void setLogScale(bool log);
    bool logScale() const { return m_log; }
    // Marks the given customers (a rectangle's result); an empty list clears the marks.
    void setHighlighted(const std::vector<int> &customers);
    void retranslate();

    // Pixel positions, for tests and the benchmark.
    int verticalCutPixel() const;   // x of the current-value cut
    int horizontalCutPixel() const; // y of the potential-value cut
    QPoint pixelOf(int customer) const;
    // The customer drawn nearest to a pixel, within `radius` pixels, or -1.
    int customerAt(const QPoint &pos, int radius = 6) const;
    // Customers whose dot lies inside a pixel rectangle.
    std::vector<int> customersIn(const QRect &pixels) const;

signals:
    void cutsChanged(const Quadrant::Cuts &cuts); // live, on every drag step
    void cutsDragFinished(const Quadrant::Cuts &cuts);
    void rectangleSelected(const std::vector<int> &customers);
    void customerClicked(int customer);

protected:
    void mousePressEvent(QMouseEvent *event) override;
    void mouseMoveEvent(QMouseEvent *event) override;
    void mouseReleaseEvent(QMouseEvent *event) override;

private:
    enum class Drag { None, Vertical, Horizontal };
    Drag lineNear(const QPoint &pos) const;
    void rebuildGraphs();
    void placeCutItems();
    double plotted(float score) const;

    SnapshotPtr m_snapshot;
    std::shared_ptr<const ValueScores> m_scores;
    std::vector<QCPGraph *> m_tierGraphs;
    QCPGraph *m_highlight = nullptr;
    std::vector<int> m_highlighted;
    QCPLayer *m_cutLayer = nullptr;
    QCPItemStraightLine *m_vertical = nullptr;
    QCPItemStraightLine *m_horizontal = nullptr;
    std::array<QCPItemText *, Quadrant::kCount> m_labels{};
    Quadrant::Cuts m_cuts;
    bool m_log = false;
    Drag m_drag = Drag::None;
    QPoint m_pressPos;
};
