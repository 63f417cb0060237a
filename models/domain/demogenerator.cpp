#include "demogenerator.h"

#include "seededrandom.h"

#include <QStringList>

#include <algorithm>
#include <cmath>

namespace {

// Surnames with weights roughly following China's 2020 census shares (per mille).
struct WeightedSurname
{
    const char16_t *name;
    int weight;
};
const WeightedSurname kSurnames[] = {
    {u"王", 725}, {u"李", 719}, {u"张", 683}, {u"刘", 538}, {u"陈", 453}, {u"杨", 308}, {u"黄", 223},
    {u"赵", 219}, {u"吴", 205}, {u"周", 189}, {u"徐", 137}, {u"孙", 129}, {u"马", 120}, {u"朱", 115},
    {u"胡", 108}, {u"郭", 100}, {u"何", 99},  {u"高", 98},  {u"林", 94},  {u"罗", 87},  {u"郑", 81},
    {u"梁", 76},  {u"谢", 69},  {u"宋", 60},  {u"唐", 59},  {u"许", 56},  {u"韩", 54},  {u"冯", 52},
    {u"邓", 51},  {u"曹", 50},  {u"彭", 49},  {u"曾", 47},  {u"肖", 45},  {u"田", 43},  {u"董", 42},
    {u"袁", 41},  {u"潘", 40},  {u"于", 39},  {u"蒋", 38},  {u"蔡", 37},  {u"余", 36},  {u"杜", 35},
    {u"叶", 34},  {u"程", 33},  {u"苏", 32},  {u"魏", 31},  {u"吕", 30},  {u"丁", 29},  {u"任", 28},
    {u"沈", 27},  {u"姚", 26},  {u"卢", 25},  {u"姜", 24},  {u"崔", 23},  {u"钟", 22},  {u"谭", 21},
    {u"陆", 20},  {u"汪", 19},  {u"范", 18},  {u"金", 17},  {u"石", 16},  {u"廖", 15},  {u"贾", 14},
    {u"夏", 13},  {u"韦", 12},  {u"付", 12},  {u"方", 11},  {u"白", 11},  {u"邹", 10},  {u"孟", 10},
    {u"熊", 10},  {u"秦", 10},  {u"邱", 10},  {u"江", 10},  {u"尹", 9},   {u"薛", 9},   {u"闫", 9},
    {u"段", 9},   {u"雷", 8},   {u"侯", 8},   {u"龙", 8},   {u"史", 8},   {u"陶", 7},   {u"黎", 7},
    {u"贺", 7},   {u"顾", 7},   {u"毛", 6},   {u"郝", 6},   {u"龚", 6},   {u"邵", 6},   {u"万", 6},
    {u"钱", 5},   {u"严", 5},   {u"覃", 5},   {u"武", 5},   {u"戴", 5},   {u"莫", 4},   {u"孔", 4},
    {u"单", 3},   {u"欧阳", 3}, {u"司马", 1}, {u"上官", 1}, {u"诸葛", 1},
};
const char16_t kMaleChars[] =
    u"伟强磊军勇杰涛斌超明刚平辉鹏华飞鑫波宇浩凯健俊帆帅旭宁龙林洋志建国文海峰成东亮晨博然思远嘉"
    u"子豪轩睿泽航铭家乐天昊阳宏斌振德毅";
const char16_t kFemaleChars[] =
    u"芳娜敏静丽艳娟霞秀玲桂英燕萍红婷雪琳晶颖倩慧洁欣怡佳悦梦雨欢萱璐彤丹蕾薇莉兰凤琴云春月雅"
    u"诗涵晓美玉珊婉清";
const char16_t *const kEmployers[] = {
    u"华信科技有限公司", u"东方精密制造集团", u"城建第三工程局", u"市第一人民医院", u"明德实验中学",
    u"恒通物流股份公司", u"新区管委会",       u"蓝海食品有限公司", u"长江电力设备厂", u"星河软件园",
    u"市自来水公司",     u"瑞丰纺织集团",     u"国网供电分公司",   u"金桥商贸城",     u"中和药业",
};
const char16_t *const kOccupations[] = {
    u"职员", u"教师", u"医生", u"工程师", u"个体工商户", u"企业主", u"公务员", u"退休", u"自由职业",
    u"销售", u"护士", u"司机", u"会计", u"农户",
};
const char16_t *const kDistricts[] = {
    u"东城区", u"西城区", u"南湖区", u"北塘区", u"高新区", u"经开区", u"滨江区", u"新城区",
};
const char16_t *const kRoads[] = {
    u"人民路", u"解放路", u"建设路", u"中山路", u"和平路", u"长江路", u"文化路", u"胜利街", u"花园路", u"湖滨路",
};
const char *const kRegionCodes[] = {"110101", "310104", "440305", "330106", "320102", "510107", "420106", "370102"};

struct ProductTemplate
{
    Holding::ProductType type;
    const char16_t *name;
    int termMonths; // 0 = no maturity
};
const ProductTemplate kProducts[] = {
    {Holding::ProductType::TimeDeposit, u"三个月定期存款", 3},
    {Holding::ProductType::TimeDeposit, u"一年期定期存款", 12},
    {Holding::ProductType::TimeDeposit, u"三年期大额存单", 36},
    {Holding::ProductType::Wealth, u"稳利28天理财", 1},
    {Holding::ProductType::Wealth, u"季季盈理财", 3},
    {Holding::ProductType::Wealth, u"半年盈理财", 6},
    {Holding::ProductType::Fund, u"沪深300指数基金", 0},
    {Holding::ProductType::Fund, u"稳健债券基金", 0},
    {Holding::ProductType::Insurance, u"鑫享年金保险", 60},
    {Holding::ProductType::Insurance, u"增额终身寿险", 120},
    {Holding::ProductType::PreciousMetal, u"积存金", 0},
};

QString str(const char16_t *s)
{
    return QString::fromUtf16(s);
}

QString pickChar(SeededRandom &rng, const char16_t *pool, int poolLen)
{
    return QString(QChar(pool[rng.between(0, poolLen - 1)]));
}

QString makeName(SeededRandom &rng, bool male, int totalWeight)
{
    int r = int(rng.between(0, totalWeight - 1));
    QString surname;
    for (const WeightedSurname &s : kSurnames) {
        if (r < s.weight) {
            surname = str(s.name);
            break;
        }
        r -= s.weight;
    }
    const char16_t *pool = male ? kMaleChars : kFemaleChars;
    const int len = int(std::char_traits<char16_t>::length(pool));
    QString given = pickChar(rng, pool, len);
    if (rng.chance(0.72))
        given += pickChar(rng, pool, len);
    return surname + given;
}

QString idNumber(SeededRandom &rng, const QDate &birth, bool male)
{
    QString id = QString::fromLatin1(kRegionCodes[rng.between(0, 7)]) + birth.toString(QStringLiteral("yyyyMMdd"));
    int seq = int(rng.between(0, 499)) * 2 + (male ? 1 : 0);
    id += QStringLiteral("%1").arg(seq, 3, 10, QLatin1Char('0'));
    // GB 11643-1999 check digit.
    static const int weights[] = {7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2};
    static const char checks[] = "10X98765432";
    int sum = 0;
    for (int i = 0; i < 17; ++i)
        sum += (id.at(i).unicode() - '0') * weights[i];
    id += QLatin1Char(checks[sum % 11]);
    return id;
}

QString phone(SeededRandom &rng)
{
    static const char *const prefixes[] = {"138", "139", "136", "137", "150", "151", "158", "186", "188", "135",
                                           "177", "199", "189", "133"};
    return QString::fromLatin1(prefixes[rng.between(0, 13)])
           + QStringLiteral("%1").arg(rng.between(0, 99999999), 8, 10, QLatin1Char('0'));
}

qint64 roundFen(double yuan)
{
    return qint64(std::llround(yuan * 100.0));
}

// Who customer `i` is and how they bank; the draws in the order the seed's output depends on.
// Returns the customer's AUM in yuan, for their holdings.
double drawPerson(SeededRandom &rng, int i, int totalWeight, const QDate &today, Customer &c)
{
    const bool male = rng.chance(0.49);
    c.customerNo = QStringLiteral("6%1").arg(qint64(100000000) + i * 7 + 3, 11, 10, QLatin1Char('0'));
    c.name = makeName(rng, male, totalWeight);
    c.gender = male ? Customer::Gender::Male : Customer::Gender::Female;

    // AUM: log10(yuan) ~ Normal(4.234, 0.926) puts ~40% under 10k and ~0.3% at 6M+.
    const double log10Yuan = 4.234 + 0.926 * rng.normal();
    double aumYuan = std::pow(10.0, std::clamp(log10Yuan, 0.0, 8.3));
    // Older customers hold more: draw age, then nudge it by wealth.
    int age = int(std::lround(42 + 15 * rng.normal() + (log10Yuan - 4.2) * 6));
    age = std::clamp(age, 18, 90);
    c.birthDate = today.addYears(-age).addDays(-rng.between(1, 364));
    c.phone = phone(rng);
    c.idNumber = idNumber(rng, c.birthDate, male);
    c.address = QStringLiteral("%1%2%3号%4室")
                    .arg(str(kDistricts[rng.between(0, 7)]), str(kRoads[rng.between(0, 9)]))
                    .arg(rng.between(1, 388))
                    .arg(rng.between(101, 2608));
    c.occupation = age >= 60 && rng.chance(0.7) ? QStringLiteral("退休")
                                                  : str(kOccupations[rng.between(0, 13)]);
    c.payroll = age < 60 && rng.chance(0.22);
    if (c.payroll)
        c.employer = str(kEmployers[rng.between(0, 14)]);
    c.creditCardActive = rng.chance(age < 45 ? 0.45 : 0.2);
    if (rng.chance(0.08))
        c.loanStartDate = today.addDays(-rng.between(5, 720));
    c.corporateExecutive = rng.chance(0.03);
    const double digital = age < 35 ? 0.85 : age < 55 ? 0.6 : age < 70 ? 0.3 : 0.1;
    c.mobileLogins90d = rng.chance(digital) ? int(rng.between(1, 120)) : 0;
    c.transactions90d = int(rng.between(0, 20)) + c.mobileLogins90d / 2 + (c.payroll ? 6 : 0);
    c.lastActivity = today.addDays(-(c.transactions90d > 0 ? rng.between(0, 60) : rng.between(61, 720)));
    c.openedOn = today.addDays(-rng.between(30, 25 * 365));
    if (c.openedOn < c.birthDate.addYears(16))
        c.openedOn = c.birthDate.addYears(16);
    c.settlementProducts = int(rng.between(0, 6));
    c.serviceEvents12m = int(rng.between(0, aumYuan > 500000 ? 8 : 3));
    c.referralLinks = int(rng.between(0, 4));
    return aumYuan;
}

// A product other than the demand account: its type, name and dates. `termHoldings` counts
// the term products made so far.
void drawProduct(SeededRandom &rng, const QDate &today, const Customer &c, int &termHoldings, Holding &holding)
{
    const int nProducts = int(sizeof(kProducts) / sizeof(kProducts[0]));
    const ProductTemplate *p = &kProducts[rng.between(0, nProducts - 1)];
    if (p->termMonths > 0) {
        // Consecutive days first, so every day of the window has a maturity; a
        // product whose term is shorter than that day gives way to a one-year deposit.
        qint64 ahead = 0;
        if (termHoldings < DemoGenerator::kMaturityWindowDays) {
            ahead = termHoldings + 1;
            if (p->termMonths * 28 < ahead)
                p = &kProducts[1];
        } else {
            ahead = rng.between(1, p->termMonths * 28);
        }
        ++termHoldings;
        holding.maturityDate = today.addDays(ahead);
        holding.openDate = holding.maturityDate.addMonths(-p->termMonths);
    } else {
        holding.openDate = today.addDays(-rng.between(10, 1500));
    }
    if (holding.openDate < c.openedOn)
        holding.openDate = c.openedOn;
    holding.productType = p->type;
    holding.productName = str(p->name);
}

// Holdings: a demand account for everyone, more products with more money. Appends them to
// `holdings` and returns their total in fen.
qint64 drawHoldings(SeededRandom &rng, const QDate &today, const Customer &c, double aumYuan, int &termHoldings,
                    std::vector<Holding> &holdings)
{
    int extra = aumYuan < 10000 ? int(rng.between(0, 2)) : aumYuan < 500000 ? int(rng.between(1, 4))
                                                                            : int(rng.between(2, 5));
    std::vector<double> shares(size_t(extra) + 1);
    double shareSum = 0;
    for (double &s : shares) {
        s = 0.2 + rng.uniform();
        shareSum += s;
    }
    qint64 aumFen = 0;
    for (int h = 0; h <= extra; ++h) {
        Holding holding;
        holding.holdingId = QStringLiteral("%1-%2").arg(c.customerNo).arg(h + 1);
        holding.customerNo = c.customerNo;
        holding.amountFen = std::max<qint64>(1, roundFen(aumYuan * shares[size_t(h)] / shareSum));
        if (h == 0) {
            holding.productType = Holding::ProductType::DemandDeposit;
            holding.productName = QStringLiteral("活期储蓄");
            holding.openDate = c.openedOn;
        } else {
            drawProduct(rng, today, c, termHoldings, holding);
        }
        aumFen += holding.amountFen;
        holdings.push_back(std::move(holding));
    }
    return aumFen;
}

// The balance history, which walks back from today's balance: some grow, some drain (VIP
// churn risk); then the month-to-date average and the contribution.
void drawHistory(SeededRandom &rng, qint64 aumFen, double aumYuan, const QString &historyEnd, Customer &c)
{
    c.aumFen = aumFen;
    const double trend = rng.normal() * 0.04 - (rng.chance(0.06) ? 0.05 : 0.0);
    double level = double(aumFen);
    for (int m = Customer::kHistoryMonths - 1; m >= 0; --m) {
        level = level / (1.0 + trend) * (1.0 + rng.normal() * 0.02);
        c.aumHistoryFen[size_t(m)] = std::max<qint64>(0, qint64(std::llround(level)));
    }
    c.historyEndMonth = historyEnd;
    c.aumMtdAvgFen = qint64(std::llround((double(c.aumHistoryFen.back()) + double(aumFen)) / 2.0));
    c.contributionFen = roundFen(aumYuan * (0.004 + 0.008 * rng.uniform()));
}

// The first RMs are the wealth managers who cover VIP customers; 5% are unassigned.
void drawRm(SeededRandom &rng, double aumYuan, Customer &c)
{
    if (!rng.chance(0.05)) {
        const int rm = aumYuan >= 500000 ? int(rng.between(1, 3)) : int(rng.between(1, 8));
        c.rmId = QStringLiteral("RM%1").arg(rm, 2, 10, QLatin1Char('0'));
    }
}

} // namespace

bool DemoGenerator::generate(const Options &options, BranchData *out, const Progress &progress)
{
    *out = BranchData{};
    const int n = std::clamp(options.customers, kMinCustomers, kMaxCustomers);
    const QDate today = options.today.isValid() ? options.today : QDate::currentDate();
    SeededRandom rng(options.seed * 0x2545f4914f6cdd1dULL + 0x1234567ULL);

    int totalWeight = 0;
    for (const WeightedSurname &s : kSurnames)
        totalWeight += s.weight;

    BranchData data;
    data.branchCode = QStringLiteral("DEMO%1").arg(options.seed % 1000, 3, 10, QLatin1Char('0'));
    data.branchName = QStringLiteral("演示支行");
    for (int i = 1; i <= 8; ++i) {
        data.staff.push_back({QStringLiteral("RM%1").arg(i, 2, 10, QLatin1Char('0')),
                              makeName(rng, rng.chance(0.5), totalWeight), Staff::Role::RelationshipManager});
    }
    data.staff.push_back({QStringLiteral("MGR01"), makeName(rng, true, totalWeight), Staff::Role::Manager});

    // The last complete month is the month before `today`; history ends there.
    const QDate lastMonth = QDate(today.year(), today.month(), 1).addMonths(-1);
    const QString historyEnd = lastMonth.toString(QStringLiteral("yyyy-MM"));

    data.customers.reserve(size_t(n));
    data.holdings.reserve(size_t(n) * 3);
    int termHoldings = 0; // the first 120 term products mature on consecutive days

    for (int i = 0; i < n; ++i) {
        if (progress && (i % 2000) == 0 && !progress(i, n))
            return false;
        Customer c;
        const double aumYuan = drawPerson(rng, i, totalWeight, today, c);
        const qint64 aumFen = drawHoldings(rng, today, c, aumYuan, termHoldings, data.holdings);
        drawHistory(rng, aumFen, aumYuan, historyEnd, c);
        drawRm(rng, aumYuan, c);
        data.customers.push_back(std::move(c));
    }
    if (progress && !progress(n, n))
        return false;
    *out = std::move(data);
    return true;
}
