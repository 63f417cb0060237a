// The test cases of tst_importcorpus.cpp (kept apart so each file stays readable).

void TestImportCorpus::initTestCase()
{
    QVERIFY2(m_hq.start(), qPrintable(m_hq.lastError()));
}

void TestImportCorpus::goodExtractsStoreTheSameRows_data()
{
    QTest::addColumn<QString>("file");
    QTest::newRow("utf-8") << data("extract-base.csv");
    QTest::newRow("gbk crlf") << data("extract-gbk.csv");
    QTest::newRow("bom crlf") << data("extract-bom-crlf.csv");
    QTest::newRow("reordered, unknown column, comma-only and blank lines") << data("extract-reordered.csv");
    QTest::newRow("xlsx: merged title, text and numbers, serial dates") << data("extract-title.xlsx");
}

void TestImportCorpus::goodExtractsStoreTheSameRows()
{
    QFETCH(QString, file);
    // Desktop: HQ's extract understood, staff and holdings included, nothing rejected
    const QString store = newStore();
    const Desk d = desk(store, file);
    QVERIFY2(d.result == CustomerImportJob::Result::Done, qPrintable(d.error));
    QCOMPARE(d.summary.rejected, 0);
    QCOMPARE(stored(store), baseStored());
    // HQ: the same rows, the same values
    const QString branch = QStringLiteral("G%1").arg(++m_n);
    const Run r = hqImport(branch, file);
    QVERIFY2(r.code == 0, qPrintable(r.err));
    QVERIFY2(r.out.contains(QStringLiteral("rows 9 changed 9 unchanged 0 removed 0")), qPrintable(r.out));
    QVERIFY2(r.out.contains(QStringLiteral("customer: new 5 changed 0 unchanged 0 removed 0")), qPrintable(r.out));
    const QStringList hqRows = hqStored(branch);
    QCOMPARE(hqRows.size(), 10);
    QCOMPARE(hqRows[0], QStringLiteral("customer C001 张三 13812345678 110105198005170017 76875000 1980-05-17"));
    QCOMPARE(hqRows[3], QStringLiteral("customer C004 赵六 02087654321 440106198808080245 61200000 1988-08-08"));
    QCOMPARE(hqRows[6], QStringLiteral("holding H002 30000000 2026-12-08"));
    QCOMPARE(hqRows[7], QStringLiteral("staff MGR1 王芳"));
    // The same file again: nothing changes
    const Run again = hqImport(branch, file);
    QVERIFY2(again.out.contains(QStringLiteral("rows 9 changed 0 unchanged 9 removed 0")), qPrintable(again.out));
    // and the plain UTF-8 extract after it neither: every spelling stored the same values
    const Run plain = hqImport(branch, data("extract-base.csv"));
    QVERIFY2(plain.out.contains(QStringLiteral("rows 9 changed 0 unchanged 9 removed 0")), qPrintable(plain.out));
}

void TestImportCorpus::hostileValues()
{
    // Desktop: every good row stored, every bad row rejected alone with its line and reason
    const QString store = newStore();
    const Desk d = desk(store, data("extract-hostile.csv"));
    QVERIFY2(d.result == CustomerImportJob::Result::Done, qPrintable(d.error));
    QStringList expected = baseStored().mid(0, 2);
    expected << QStringLiteral("customer C006 周八 13800138000 11010519491231002X 1949-12-31 500000 2015-06-01 RM01")
             << QStringLiteral("customer C010 陈二   1992-02-29 1234 2015-06-01 RM01")
             << QStringLiteral("holding H003 C002 insurance 终身寿险 500000 2016-01-05 2026-12-30")
             << QStringLiteral("staff MGR1 王芳 manager") << QStringLiteral("staff RM01 张敏 rm");
    expected.sort();
    QCOMPARE(stored(store), expected);
    QCOMPARE(rejects(d.summary), (QStringList{QStringLiteral("7,id_number"), QStringLiteral("8,phone"),
                                              QStringLiteral("9,customer_no"), QStringLiteral("11,"),
                                              QStringLiteral("13,birth_date")}));
    // HQ: the same five rows reported, each with its line, and nothing changed
    const QString branch = seededBranch();
    const QStringList before = hqStored(branch);
    const Run r = hqImport(branch, data("extract-hostile.csv"));
    QCOMPARE(r.code, 1);
    for (const char *line : {"line 7, column id_number", "line 8, column phone", "line 9: customer C001 appears twice",
                             "line 11: a quote", "line 13, column birth_date", "5 bad row(s)"})
        QVERIFY2(r.err.contains(QLatin1String(line)), qPrintable(r.err));
    QVERIFY2(!r.err.contains(QStringLiteral("110105194912310021")), "an ID number in HQ's output");
    QCOMPARE(hqStored(branch), before);
}

void TestImportCorpus::refusedFilesChangeNothing_data()
{
    QTest::addColumn<QString>("file");
    QTest::addColumn<int>("hqCode");
    QTest::addColumn<QString>("hqSays");
    QTest::addColumn<QStringList>("deskRejects"); // the desktop keeps the good rows; these are refused
    QTest::newRow("header only") << data("extract-header-only.csv") << 3
                                 << QStringLiteral("would remove 5 of the branch's 5 customers and 2 holdings") << QStringList();
    QTest::newRow("empty") << data("extract-empty.csv") << 1 << QStringLiteral("is empty") << QStringList();
    QTest::newRow("cut mid-row") << data("extract-cut-midrow.csv") << 1
                                 << QStringLiteral("line 10, column record_type: the row has 35 fields, the header 38")
                                 << QStringList{QStringLiteral("10,")};
    QTest::newRow("a customer list, not the extract") << data("customers-gbk-title.csv") << 1
                                                       << QStringLiteral("no header row with a record_type column")
                                                       << QStringList();
}

void TestImportCorpus::refusedFilesChangeNothing()
{
    QFETCH(QString, file);
    QFETCH(int, hqCode);
    QFETCH(QString, hqSays);
    QFETCH(QStringList, deskRejects);
    // HQ: refused with the reason, exit non-zero, the branch as it was
    const QString branch = seededBranch();
    const QStringList before = hqStored(branch);
    const Run r = hqImport(branch, file);
    QCOMPARE(r.code, hqCode);
    QVERIFY2(r.err.contains(hqSays), qPrintable(r.err));
    QCOMPARE(hqStored(branch), before);
    // Desktop: a header-only or empty file changes nothing; a cut row is rejected alone
    if (QLatin1String(QTest::currentDataTag()) == QLatin1String("a customer list, not the extract"))
        return; // the desktop reads it: customerListInGbkWithTitles
    const QString store = seededStore();
    const QStringList was = stored(store);
    const Desk d = desk(store, file);
    QCOMPARE(stored(store), was);
    if (QLatin1String(QTest::currentDataTag()) == QLatin1String("empty")) {
        QCOMPARE(d.result, CustomerImportJob::Result::Failed);
        QVERIFY2(d.error.contains(QStringLiteral("is empty")), qPrintable(d.error));
    } else {
        QVERIFY2(d.result == CustomerImportJob::Result::Done, qPrintable(d.error));
        QCOMPARE(rejects(d.summary), deskRejects);
    }
}

void TestImportCorpus::cutAtALineEnd()
{
    // Given a branch of 5 customers at HQ and a file cut after the second customer
    const QString branch = seededBranch();
    const QStringList before = hqStored(branch);
    const QString file = data("extract-cut-lineend.csv");
    // Then the import is refused, naming how many customers it would remove
    Run r = hqImport(branch, file);
    QCOMPARE(r.code, 3);
    QVERIFY2(r.err.contains(QStringLiteral("would remove 3 of the branch's 5 customers and 2 holdings")), qPrintable(r.err));
    QVERIFY2(r.err.contains(QStringLiteral("--allow-removals 3")), qPrintable(r.err));
    QVERIFY2(r.out.contains(QStringLiteral("customer: new 0 changed 0 unchanged 2 removed 3")), qPrintable(r.out));
    QCOMPARE(hqStored(branch), before);
    // A count too low is refused too; a dry run with the right count changes nothing
    QCOMPARE(hqImport(branch, file, {QStringLiteral("--allow-removals"), QStringLiteral("2")}).code, 3);
    r = hqImport(branch, file, {QStringLiteral("--allow-removals"), QStringLiteral("3"), QStringLiteral("--dry-run")});
    QCOMPARE(r.code, 0);
    QVERIFY2(r.out.contains(QStringLiteral("dry run, nothing changed")), qPrintable(r.out));
    QCOMPARE(hqStored(branch), before);
    // With the count said, it goes through
    r = hqImport(branch, file, {QStringLiteral("--allow-removals"), QStringLiteral("3")});
    QVERIFY2(r.code == 0, qPrintable(r.err));
    QVERIFY2(r.out.contains(QStringLiteral("removed 5 ")), qPrintable(r.out));
    QCOMPARE(hqStored(branch).size(), 2 + 2 + 1);
}

void TestImportCorpus::customerListInGbkWithTitles()
{
    // A branch's own list as Excel saves it: GBK, two title rows, amounts and dates in every spelling
    const QString store = newStore();
    const Desk d = desk(store, data("customers-gbk-title.csv"));
    QVERIFY2(d.result == CustomerImportJob::Result::Done, qPrintable(d.error));
    QCOMPARE(d.summary.encoding, QStringLiteral("GBK"));
    QCOMPARE(d.summary.titleRows, 2);
    QCOMPARE(stored(store), (QStringList{
        QStringLiteral("customer 600001 张三 13812345678 110105198005170017 1980-05-17 500000 2020-03-01 "),
        QStringLiteral("customer 600002 李四 13900001111   500000 2020-03-01 "),
        QStringLiteral("customer 600003 王五    123450 2020-03-01 "),
        QStringLiteral("customer 600004 赵六    12500000 2020-03-01 "),
        QStringLiteral("customer 600007 吴九  11010519491231002X 1949-12-31 10000 2020-03-01 ")}));
    // "1,23" is no amount, 45000 is no date in a CSV, and the row cut short loses nothing silently
    QCOMPARE(rejects(d.summary), (QStringList{QStringLiteral("8,aum"), QStringLiteral("9,opened_on"), QStringLiteral("11,")}));
}

void TestImportCorpus::maturityList()
{
    // A file-only branch: the customers first, then the branch's maturity list
    const QString store = seededStore();
    const Desk d = desk(store, data("maturity-list.csv"));
    QVERIFY2(d.result == CustomerImportJob::Result::Done, qPrintable(d.error));
    QCOMPARE(d.summary.holdingsInserted, 3);
    QStringList expected = baseStored();
    expected << QStringLiteral("holding F C001 time_deposit 三年期定期存款 50000000 2023-12-01 2026-12-01")
             << QStringLiteral("holding F C002 wealth 稳健理财181天 52000000 2026-06-10 2026-12-08")
             << QStringLiteral("holding F C004 insurance 终身寿险 8000000 2016-01-05 2026-12-30");
    expected.sort();
    QCOMPARE(stored(store), expected);
    QCOMPARE(rejects(d.summary), (QStringList{QStringLiteral("5,customer_no"), QStringLiteral("6,maturity_date")}));
    // Again: the same products are updated, not doubled
    const Desk again = desk(store, data("maturity-list.csv"));
    QCOMPARE(again.summary.holdingsUpdated, 3);
    QCOMPARE(stored(store), expected);
    // HQ takes only its extract
    const QString branch = seededBranch();
    const QStringList before = hqStored(branch);
    QCOMPARE(hqImport(branch, data("maturity-list.csv")).code, 1);
    QCOMPARE(hqStored(branch), before);
}

void TestImportCorpus::aFileOnlyBranchGetsMaturitiesAnd731()
{
    // Given a branch set up from its own customer list (no HQ, so no holdings)
    const QString store = newStore();
    QCOMPARE(desk(store, data("customers-branch.csv")).summary.inserted, 5);
    // When its maturity list is imported
    const Desk d = desk(store, data("maturity-list.csv"));
    QCOMPARE(d.summary.holdingsInserted, 3);
    Database db = Database::open(store, QStringLiteral("pass-word"), Database::OpenMode::ExistingOnly);
    BranchData b;
    BranchRepository(db).loadAll(&b);
    const QDate asOf(2026, 11, 24);
    const BranchSnapshot snapshot(std::move(b), TierPolicy::defaultPolicy(), asOf);
    // Then the maturity list has the products maturing in the next 40 days
    const CadencePolicy policy = CadencePolicy::defaultPolicy();
    const ActivityLog log;
    const MaturityList list = MaturityList::build(snapshot, policy, log, asOf, asOf.addDays(40), asOf);
    QStringList listed;
    for (const MaturityList::Entry &e : list.entries()) {
        const Holding &h = snapshot.holdings()[size_t(e.holding)];
        listed << h.customerNo + QLatin1Char(' ') + h.maturityDate.toString(Qt::ISODate);
    }
    QCOMPARE(listed, (QStringList{QStringLiteral("C001 2026-12-01"), QStringLiteral("C002 2026-12-08"),
                                  QStringLiteral("C004 2026-12-30")}));
    // and RM01's Today page has the 731 step due today: T-7 of C001's deposit (matures 12-01)
    int rm01 = -1;
    for (size_t i = 0; i < snapshot.staff().size(); ++i) {
        if (snapshot.staff()[i].staffId == QLatin1String("RM01"))
            rm01 = int(i);
    }
    QVERIFY(rm01 >= 0);
    const WorkingCalendar calendar = WorkingCalendar::builtIn();
    const CadenceRoster roster(snapshot, policy, asOf);
    const TodayList today(snapshot, policy, calendar, log, roster);
    QStringList steps;
    for (const TodayItem &item : today.build(rm01, asOf)) {
        if (item.kind == TodayItem::Kind::MaturityStep)
            steps << snapshot.holdings()[size_t(item.holding)].customerNo + QLatin1Char(' ') + item.due.toString(Qt::ISODate);
    }
    QCOMPARE(steps, QStringList{QStringLiteral("C001 2026-11-24")});
}

void TestImportCorpus::rejectsFileIsPrivate()
{
    const Desk d = desk(newStore(), data("extract-hostile.csv"));
    QVERIFY(!d.summary.rejectsPath.isEmpty());
    QFile f(d.summary.rejectsPath);
    QCOMPARE(f.permissions() & (QFileDevice::ReadGroup | QFileDevice::ReadOther | QFileDevice::WriteGroup
                                | QFileDevice::WriteOther),
             QFileDevice::Permissions());
    QVERIFY(f.open(QIODevice::ReadOnly));
    const QString first = QString::fromUtf8(f.readLine().mid(3));
    QVERIFY2(first.contains(QStringLiteral("personal data")), qPrintable(first));
}

void TestImportCorpus::failedCliImportLeavesNothingBehind()
{
    const QString store = m_dir.filePath(QStringLiteral("never.db"));
    QProcess p;
    QProcessEnvironment env = QProcessEnvironment::systemEnvironment();
    env.insert(QStringLiteral("BRANCHDESK_PASSPHRASE"), QStringLiteral("cli-pass"));
    p.setProcessEnvironment(env);
    p.start(qEnvironmentVariable("BRANCHDESK_CLI"), {QStringLiteral("import"), data("extract-empty.csv"),
                                                     QStringLiteral("--store"), store});
    QVERIFY(p.waitForFinished(60000));
    QCOMPARE(p.exitCode(), 1);
    QVERIFY(!QFile::exists(store));
    QVERIFY(!QFile::exists(store + QStringLiteral(".key")));
}

void TestImportCorpus::everySubcommandAnswersHelp()
{
    // No database, no passphrase: PGHOST points nowhere, BRANCHDESK_PASSPHRASE is unset
    for (const char *command : {"init-db", "import", "add-staff", "prune-tombstones", "disable-staff", "mark-device-lost",
                                "devices", "audit", "set-campaign", "serve"}) {
        const Run r = hq({QLatin1String(command), QStringLiteral("--help")}, false);
        QVERIFY2(r.code == 0 && r.out.contains(QLatin1String(command)), command);
    }
    QCOMPARE(hq({QStringLiteral("--help")}, false).code, 0);
    for (const char *command : {"demo", "extract", "stats", "sync", "list", "tasks", "log-contact", "import"}) {
        QProcess p;
        QProcessEnvironment env = QProcessEnvironment::systemEnvironment();
        env.remove(QStringLiteral("BRANCHDESK_PASSPHRASE"));
        p.setProcessEnvironment(env);
        p.start(qEnvironmentVariable("BRANCHDESK_CLI"), {QLatin1String(command), QStringLiteral("--help")});
        QVERIFY(p.waitForFinished(30000));
        const QString out = QString::fromUtf8(p.readAllStandardOutput());
        QVERIFY2(p.exitCode() == 0 && out.contains(QLatin1String(command)), command);
    }
}
