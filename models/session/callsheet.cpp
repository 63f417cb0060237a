#include "callsheet.h"

#include "../domain/dateformat.h"
#include "../domain/personaldatamask.h"
#include "../items/todaymodel.h"

#include <QDir>
#include <QFile>
#include <QFontMetricsF>
#include <QPainter>
#include <QPdfWriter>

#include <algorithm>

namespace {

QString channelFor(const TodayItem &item)
{
    switch (item.fit) {
    case CadenceTemplate::Fit::FaceToFace:
        return CallSheet::tr("Visit or branch appointment");
    case CadenceTemplate::Fit::Remote:
        return CallSheet::tr("Phone / WeChat");
    case CadenceTemplate::Fit::Any:
        break;
    }
    return item.kind == TodayItem::Kind::MaturityStep ? CallSheet::tr("Phone") : CallSheet::tr("Phone / WeChat");
}

// Column widths in mm (186 mm usable on A4 with 12 mm margins); the notes column takes the rest.
constexpr double kWidthsMm[] = {8, 30, 22, 64, 24};

// A call sheet page's geometry (device pixels of the PDF), fonts and column heads.
struct PageLayout
{
    explicit PageLayout(const QPdfWriter &pdf)
        : mm(pdf.resolution() / 25.4), page(0, 0, pdf.width(), pdf.height()), headerH(22 * mm), footerH(7 * mm),
          rowH((page.height() - headerH - footerH) / CallSheet::kRowsPerPage)
    {
        // PreferNoShaping: Noto CJK's contextual glyph variants (e.g. proportional digits)
        // have no cmap entry, so Qt's PDF ToUnicode map cannot name them and the text of
        // the PDF (search, copy, pdftotext) would lose those digits.
        titleFont = QFont(QStringLiteral("Noto Sans CJK SC"));
        titleFont.setStyleStrategy(QFont::PreferNoShaping);
        titleFont.setPointSizeF(13);
        titleFont.setBold(true);
        font = QFont(QStringLiteral("Noto Sans CJK SC"));
        font.setStyleStrategy(QFont::PreferNoShaping);
        font.setPointSizeF(8);
        small = font;
        small.setPointSizeF(6.5);
        bold = font;
        bold.setBold(true);
        heads = {CallSheet::tr("#"),          CallSheet::tr("Customer"), CallSheet::tr("Phone"),
                 CallSheet::tr("Why / step"), CallSheet::tr("Channel"),  CallSheet::tr("Notes")};
    }

    double mm;
    QRectF page;
    double headerH;
    double footerH;
    double rowH;
    QFont titleFont;
    QFont font;
    QFont small;
    QFont bold;
    QStringList heads;
};

// Title, branch, RM and date, then the column heads over a rule.
void drawPageHeader(QPainter &p, const PageLayout &l, const CallSheet::Header &header, const QString &date)
{
    const double mm = l.mm;
    p.setPen(Qt::black);
    p.setFont(l.titleFont);
    p.drawText(QRectF(0, 0, l.page.width(), 9 * mm), Qt::AlignLeft | Qt::AlignVCenter,
               CallSheet::tr("Call sheet: %1").arg(header.rmName));
    p.setFont(l.font);
    p.drawText(QRectF(0, 9 * mm, l.page.width(), 6 * mm), Qt::AlignLeft | Qt::AlignVCenter,
               CallSheet::tr("%1    RM: %2    %3").arg(header.branchName, header.rmName, date));
    p.setFont(l.bold);
    double x = 0;
    const double headY = 15 * mm;
    for (int c = 0; c < l.heads.size(); ++c) {
        const double w = c < 5 ? kWidthsMm[c] * mm : l.page.width() - x;
        p.drawText(QRectF(x + 1 * mm, headY, w - 2 * mm, 7 * mm), Qt::AlignLeft | Qt::AlignVCenter, l.heads.at(c));
        x += w;
    }
    p.setPen(QPen(Qt::black, 0.3 * mm));
    p.drawLine(QPointF(0, l.headerH), QPointF(l.page.width(), l.headerH));
    p.setPen(QPen(Qt::gray, 0.15 * mm));
}

// One cell: `top` wrapped, or `top` over a smaller `bottom`, each elided to one line.
void drawCell(QPainter &p, QPdfWriter &pdf, const PageLayout &l, const QRectF &r, const QString &top,
              const QString &bottom)
{
    if (bottom.isEmpty()) {
        p.setFont(l.font);
        p.drawText(r, Qt::AlignLeft | Qt::AlignVCenter | Qt::TextWordWrap, top);
        return;
    }
    p.setFont(l.font);
    const QRectF upper(r.left(), r.top(), r.width(), r.height() / 2);
    const QRectF lower(r.left(), r.top() + r.height() / 2, r.width(), r.height() / 2);
    p.drawText(upper, Qt::AlignLeft | Qt::AlignVCenter,
               QFontMetricsF(l.font, &pdf).elidedText(top, Qt::ElideRight, upper.width()));
    p.setFont(l.small);
    p.drawText(lower, Qt::AlignLeft | Qt::AlignVCenter,
               QFontMetricsF(l.small, &pdf).elidedText(bottom, Qt::ElideRight, lower.width()));
}

// Entry number `i` (0-based) in the row at `y`, with a line under it to write notes on.
void drawEntry(QPainter &p, QPdfWriter &pdf, const PageLayout &l, int i, const CallSheet::Entry &e, double y)
{
    const double mm = l.mm;
    double x = 0;
    p.setPen(Qt::black);
    p.setFont(l.font);
    const auto cell = [&](int c, const QString &top, const QString &bottom) {
        const double w = kWidthsMm[c] * mm;
        drawCell(p, pdf, l, QRectF(x + 1 * mm, y + 0.5 * mm, w - 2 * mm, l.rowH - 1 * mm), top, bottom);
        x += w;
    };
    cell(0, QString::number(i + 1), {});
    cell(1, e.name, e.customerNo);
    cell(2, e.phone, {});
    cell(3, e.reason, e.step);
    cell(4, e.channel, {});
    // The notes column stays blank; a line under each row to write on.
    p.setPen(QPen(Qt::gray, 0.15 * mm));
    p.drawLine(QPointF(0, y + l.rowH), QPointF(l.page.width(), y + l.rowH));
}

// Page `pageNo` of `pages` of one sheet; returns how many entries it holds.
int drawPage(QPainter &p, QPdfWriter &pdf, const PageLayout &l, const CallSheet::Sheet &sheet, const QString &date,
             int pageNo, int pages)
{
    drawPageHeader(p, l, sheet.header, date);
    const int first = pageNo * CallSheet::kRowsPerPage;
    const int last = qMin(int(sheet.entries.size()), first + CallSheet::kRowsPerPage);
    for (int i = first; i < last; ++i)
        drawEntry(p, pdf, l, i, sheet.entries[size_t(i)], l.headerH + (i - first) * l.rowH);
    p.setPen(Qt::black);
    p.setFont(l.small);
    p.drawText(QRectF(0, l.page.height() - l.footerH, l.page.width(), l.footerH), Qt::AlignRight | Qt::AlignVCenter,
               CallSheet::tr("Page %1 of %2 · contains personal information, do not leave unattended")
                   .arg(pageNo + 1)
                   .arg(pages));
    return last - first;
}

// Every sheet from a new page, reporting progress after each page; false when cancelled.
bool drawSheets(QPainter &p, QPdfWriter &pdf, const std::vector<CallSheet::Sheet> &sheets,
                const CallSheet::Progress &progress)
{
    int totalEntries = 0;
    for (const CallSheet::Sheet &sh : sheets)
        totalEntries += int(sh.entries.size());
    int doneEntries = 0;
    const PageLayout layout(pdf);
    bool firstPage = true;
    for (const CallSheet::Sheet &sheet : sheets) {
        const int pages = CallSheet::pageCount(int(sheet.entries.size()));
        const QString date = DateFormat::dateWithWeekday(sheet.header.date);
        for (int pageNo = 0; pageNo < pages; ++pageNo) {
            if (!firstPage)
                pdf.newPage();
            firstPage = false;
            doneEntries += drawPage(p, pdf, layout, sheet, date, pageNo, pages);
            if (progress && !progress(doneEntries, totalEntries))
                return false;
        }
    }
    return true;
}

} // namespace

std::vector<CallSheet::Entry> CallSheet::fromToday(const TodayModel &model, bool masked, int rm)
{
    std::vector<Entry> out;
    for (int row = 0; row < model.rowCount(); ++row) {
        const TodayItem &item = model.item(row);
        if (rm >= 0 && item.rm != rm)
            continue;
        if (item.isDone())
            continue;
        Entry e;
        e.customerNo = model.index(row, TodayModel::Customer).data(TodayModel::RawValueRole).toString();
        e.name = model.index(row, TodayModel::Customer).data().toString();
        e.phone = model.index(row, TodayModel::Customer).data(TodayModel::PhoneRole).toString();
        if (masked) {
            e.name = PersonalDataMask::name(e.name);
            e.phone = PersonalDataMask::phone(e.phone);
        }
        e.step = model.index(row, TodayModel::Task).data().toString();
        e.reason = model.index(row, TodayModel::Why).data().toString();
        e.channel = channelFor(item);
        out.push_back(std::move(e));
    }
    return out;
}

std::vector<CallSheet::Sheet> CallSheet::perRm(const TodayModel &model, bool masked, const QString &branchName,
                                               QDate date)
{
    std::vector<Sheet> sheets;
    std::vector<int> rms; // sheets[i] is for rms[i]
    const std::vector<Entry> all = fromToday(model, masked);
    size_t next = 0;
    for (int row = 0; row < model.rowCount(); ++row) {
        const TodayItem &item = model.item(row);
        if (item.isDone())
            continue; // fromToday skipped it too
        const auto it = std::find(rms.begin(), rms.end(), item.rm);
        size_t at = size_t(it - rms.begin());
        if (it == rms.end()) {
            rms.push_back(item.rm);
            const QString name = item.rm >= 0 ? model.index(row, TodayModel::Rm).data().toString() : tr("Unassigned");
            sheets.push_back({{branchName, name, date}, {}});
            at = sheets.size() - 1;
        }
        sheets[at].entries.push_back(all.at(next++));
    }
    return sheets;
}

int CallSheet::pageCount(const std::vector<Sheet> &sheets)
{
    int pages = 0;
    for (const Sheet &s : sheets)
        pages += pageCount(int(s.entries.size()));
    return qMax(1, pages);
}

bool CallSheet::writePdf(const QString &path, const Header &header, const std::vector<Entry> &entries,
                         QString *error, const Progress &progress)
{
    return writePdf(path, std::vector<Sheet>{{header, entries}}, error, progress);
}

bool CallSheet::writePdf(const QString &path, const std::vector<Sheet> &sheetsIn, QString *error,
                         const Progress &progress)
{
    // Nothing to call still prints one page with the header, so the sheet is never blank paper.
    const std::vector<Sheet> sheets = sheetsIn.empty() ? std::vector<Sheet>{Sheet{}} : sheetsIn;
    const QString part = path + QStringLiteral(".part");
    bool ok = true;
    {
        QPdfWriter pdf(part);
        pdf.setPageSize(QPageSize(QPageSize::A4));
        pdf.setPageOrientation(QPageLayout::Portrait);
        pdf.setPageMargins(QMarginsF(12, 12, 12, 12), QPageLayout::Millimeter);
        pdf.setResolution(300);
        pdf.setTitle(tr("Call sheet %1 %2").arg(sheets.front().header.rmName,
                                                 sheets.front().header.date.toString(Qt::ISODate)));
        pdf.setCreator(QStringLiteral("BranchDesk"));
        QPainter p;
        if (!p.begin(&pdf)) {
            *error = tr("Cannot write %1").arg(QDir::toNativeSeparators(path));
            return false;
        }
        ok = drawSheets(p, pdf, sheets, progress);
        p.end();
    }
    if (!ok) {
        QFile::remove(part);
        *error = tr("Cancelled");
        return false;
    }
    QFile::remove(path);
    if (!QFile::rename(part, path)) {
        QFile::remove(part);
        *error = tr("Cannot write %1").arg(QDir::toNativeSeparators(path));
        return false;
    }
    return true;
}
