#pragma once

#include <QCoreApplication>
#include <QDate>
#include <QString>
#include <functional>
#include <vector>

class TodayModel;

// A printable call sheet for one RM: the customers to call, why, the suggested
// channel and blank space for notes; the branch, the RM and the date in every
// page's header; kRowsPerPage customers a page (A4 portrait). Written as PDF
// with QPdfWriter; the CJK font (Noto Sans CJK SC, fonts-noto-cjk) is embedded.
class CallSheet
{
    Q_DECLARE_TR_FUNCTIONS(CallSheet)
public:
    static constexpr int kRowsPerPage = 30;

    struct Entry
    {
        QString customerNo;
        QString name;
        QString phone;
        QString step;    // e.g. "T-7 inform of maturity"
        QString reason;  // why the customer is on the sheet, with its numbers
        QString channel; // suggested channel
    };
    struct Header
    {
        QString branchName;
        QString rmName;
        QDate date;
    };
    struct Sheet
    {
        Header header;
        std::vector<Entry> entries;
    };
    using Progress = std::function<bool(int done, int total)>;

    // The rows of `model` (the Today page's), in its order; masks name and phone unless `masked` is false.
    static std::vector<Entry> fromToday(const TodayModel &model, bool masked, int rm = -1);
    // One sheet per RM of the rows (a manager's Today page may show every RM), in the order the
    // RMs first appear; rows without an RM make an "Unassigned" sheet.
    static std::vector<Sheet> perRm(const TodayModel &model, bool masked, const QString &branchName, QDate date);
    static int pageCount(int entries) { return entries <= 0 ? 1 : (entries + kRowsPerPage - 1) / kRowsPerPage; }
    static int pageCount(const std::vector<Sheet> &sheets);
    // False (with *error) when the file cannot be written or the export was cancelled.
    static bool writePdf(const QString &path, const Header &header, const std::vector<Entry> &entries,
                         QString *error, const Progress &progress = {});
    // Every sheet starts on a new page with its RM in the header; pages are numbered per sheet.
    static bool writePdf(const QString &path, const std::vector<Sheet> &sheets, QString *error,
                         const Progress &progress = {});
};
