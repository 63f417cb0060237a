#include "domain/demogenerator.h"
#include "store/branchstore.h"

#include <QDir>
#include <QElapsedTimer>
#include <QDirIterator>
#include <QProcess>
#include <QStringEncoder>
#include <QTemporaryDir>
#include <QtTest>

#include <csignal>

// The acceptance check of issue 8: `strings` over the store, its WAL and shared-memory
// files, the key file and every temporary file, with the app running on a demo store and
// after it exits, finds no generated name, phone or ID number, in UTF-8 or GBK.
class TestPlaintextScan : public QObject
{
    Q_OBJECT

private:
    QTemporaryDir m_dir;
    QString m_store;
    QString m_tmp;
    BranchData m_data;
    const QString m_pass = QStringLiteral("scan-pass-2026");

    QProcessEnvironment appEnvironment() const
    {
        QProcessEnvironment env = QProcessEnvironment::systemEnvironment();
        env.insert(QStringLiteral("BRANCHDESK_PASSPHRASE"), m_pass);
        env.insert(QStringLiteral("QT_QPA_PLATFORM"), QStringLiteral("offscreen"));
        env.insert(QStringLiteral("TMPDIR"), m_tmp); // every temporary file lands where it is scanned
        env.insert(QStringLiteral("HOME"), m_dir.filePath(QStringLiteral("home")));
        env.insert(QStringLiteral("XDG_CONFIG_HOME"), m_dir.filePath(QStringLiteral("home/.config")));
        env.insert(QStringLiteral("XDG_DATA_HOME"), m_dir.filePath(QStringLiteral("home/.local/share")));
        env.insert(QStringLiteral("XDG_CACHE_HOME"), m_dir.filePath(QStringLiteral("home/.cache")));
        env.insert(QStringLiteral("XDG_RUNTIME_DIR"), m_tmp);
        return env;
    }

    // Every file the app could leave customer data in: the store directory, temp, home.
    QStringList filesToScan() const
    {
        QStringList files;
        QDirIterator it(m_dir.path(), QDir::Files | QDir::Hidden, QDirIterator::Subdirectories);
        while (it.hasNext())
            files << it.next();
        return files;
    }

    // What `strings -a -e S -n 6` prints for a file: runs of printable bytes, 8-bit included
    // (UTF-8 and GBK Chinese are 8-bit).
    static QByteArray stringsOf(const QString &file)
    {
        QProcess p;
        p.start(QStringLiteral("strings"), {QStringLiteral("-a"), QStringLiteral("-e"), QStringLiteral("S"),
                                            QStringLiteral("-n"), QStringLiteral("6"), file});
        if (!p.waitForFinished(60000))
            return {};
        return p.readAllStandardOutput();
    }

    // Every byte string that must not appear, with what it is. Looked up by the packed first
    // 6 or 8 bytes, so one pass over the text checks all 3000 customers (a scan a second).
    struct Needle
    {
        QByteArray bytes;
        const char *what;
    };
    QHash<quint64, QList<Needle>> m_needles6;
    QHash<quint64, QList<Needle>> m_needles8;

    static quint64 pack(const char *p, int n)
    {
        quint64 v = 0;
        memcpy(&v, p, size_t(n));
        return v;
    }
    void addNeedle(const QByteArray &bytes, const char *what)
    {
        if (bytes.size() == 6)
            m_needles6[pack(bytes.constData(), 6)].append({bytes, what});
        else if (bytes.size() >= 8)
            m_needles8[pack(bytes.constData(), 8)].append({bytes, what});
    }
    void buildNeedles()
    {
        QStringEncoder gbk("GB18030");
        for (const Customer &c : m_data.customers) {
            addNeedle(c.name.toUtf8(), "a UTF-8 name");
            // A GBK character is 2 bytes: 2-character names (4 bytes) would match random bytes by chance.
            if (c.name.size() >= 3)
                addNeedle(QByteArray(gbk.encode(c.name)), "a GBK name");
            if (!c.phone.isEmpty())
                addNeedle(c.phone.toLatin1(), "a phone number");
            if (!c.idNumber.isEmpty())
                addNeedle(c.idNumber.toLatin1(), "an ID number");
            if (c.address.size() >= 6) {
                addNeedle(c.address.toUtf8(), "a UTF-8 address");
                addNeedle(QByteArray(gbk.encode(c.address)), "a GBK address");
            }
        }
    }

    // Returns what was found in the text ("a phone number", ...), empty when clean.
    QString leakIn(const QByteArray &text) const
    {
        const char *d = text.constData();
        const qsizetype n = text.size();
        for (qsizetype i = 0; i + 6 <= n; ++i) {
            if (const auto it = m_needles6.constFind(pack(d + i, 6)); it != m_needles6.cend()) {
                for (const Needle &needle : it.value()) {
                    if (memcmp(d + i, needle.bytes.constData(), 6) == 0)
                        return QString::fromLatin1(needle.what);
                }
            }
            if (i + 8 > n)
                continue;
            if (const auto it = m_needles8.constFind(pack(d + i, 8)); it != m_needles8.cend()) {
                for (const Needle &needle : it.value()) {
                    if (i + needle.bytes.size() <= n && memcmp(d + i, needle.bytes.constData(), size_t(needle.bytes.size())) == 0)
                        return QString::fromLatin1(needle.what);
                }
            }
        }
        return {};
    }

    void scanAll(const char *when)
    {
        const QStringList files = filesToScan();
        QVERIFY(files.contains(m_store));
        int scanned = 0;
        for (const QString &file : files) {
            const QByteArray text = stringsOf(file);
            const QString leak = leakIn(text);
            QVERIFY2(leak.isEmpty(), qPrintable(QStringLiteral("%1: %2 in %3").arg(QString::fromLatin1(when), leak, file)));
            ++scanned;
        }
        if (qstrcmp(when, "running") != 0)
            qInfo("%s: %d files scanned with strings, none holds a name, phone or ID number", when, scanned);
    }

private slots:
    void initTestCase()
    {
        QVERIFY(QFile::exists(qEnvironmentVariable("BRANCHDESK_GUI")));
        m_tmp = m_dir.filePath(QStringLiteral("tmp"));
        QDir().mkpath(m_tmp);
        QDir().mkpath(m_dir.filePath(QStringLiteral("home")));
        m_store = m_dir.filePath(QStringLiteral("scan.db"));
        const DemoGenerator::Options options{3000, 7, QDate(2026, 11, 23)};
        QVERIFY(BranchStore::createDemo(m_store, m_pass, options));
        DemoGenerator::generate(options, &m_data);
        QCOMPARE(int(m_data.customers.size()), 3000);
        buildNeedles();
    }

    void theCheckCanFail()
    {
        // The scan finds what is there: a file with one generated name and one phone in it.
        const QString bait = m_dir.filePath(QStringLiteral("bait.txt"));
        QFile f(bait);
        QVERIFY(f.open(QIODevice::WriteOnly));
        f.write("x " + m_data.customers[42].name.toUtf8() + " " + m_data.customers[43].phone.toLatin1() + "\n");
        f.close();
        QCOMPARE(leakIn(stringsOf(bait)), QStringLiteral("a UTF-8 name"));
        QVERIFY(f.open(QIODevice::WriteOnly | QIODevice::Truncate));
        QStringEncoder gbk("GB18030");
        QString gbkName;
        for (const Customer &c : m_data.customers) {
            if (c.name.size() >= 3) {
                gbkName = c.name;
                break;
            }
        }
        f.write("id " + m_data.customers[44].idNumber.toLatin1() + " x\n");
        f.close();
        QCOMPARE(leakIn(stringsOf(bait)), QStringLiteral("an ID number"));
        QVERIFY(f.open(QIODevice::WriteOnly | QIODevice::Truncate));
        f.write("== " + QByteArray(gbk.encode(gbkName)) + " ==\n");
        f.close();
        QCOMPARE(leakIn(stringsOf(bait)), QStringLiteral("a GBK name"));
        QFile::remove(bait);
    }

    void nothingReadableWhileRunningOrAfterExit()
    {
        // Given the app running on the store, searching (so pages hold data)
        QProcess app;
        app.setProcessEnvironment(appEnvironment());
        app.start(qEnvironmentVariable("BRANCHDESK_GUI"),
                  {QStringLiteral("--store"), m_store, QStringLiteral("--search"), m_data.customers[5].name.left(1),
                   QStringLiteral("--page"), QStringLiteral("customers")});
        QVERIFY(app.waitForStarted());
        // When strings runs over every file again and again while it loads, indexes and paints
        // (the WAL and any temporary file exist only while a connection is open)
        QElapsedTimer running;
        running.start();
        int rounds = 0;
        while (running.elapsed() < 20000) {
            QCOMPARE(app.state(), QProcess::Running);
            scanAll("running");
            ++rounds;
            QTest::qWait(500);
        }
        qInfo("%d scans while the app ran", rounds);
        // And after it is ended
        ::kill(pid_t(app.processId()), SIGTERM);
        QVERIFY(app.waitForFinished(30000));
        scanAll("after exit");

        // And after a normal exit (it quits itself after the first paint)
        QProcess again;
        again.setProcessEnvironment(appEnvironment());
        again.start(qEnvironmentVariable("BRANCHDESK_GUI"), {QStringLiteral("--store"), m_store, QStringLiteral("--quit-after-paint")});
        QVERIFY(again.waitForFinished(120000));
        QCOMPARE(again.exitCode(), 0);
        QVERIFY(again.readAllStandardOutput().contains("rows 3000"));
        scanAll("after a normal exit");
    }
};

QTEST_GUILESS_MAIN(TestPlaintextScan)
#include "tst_plaintextscan.moc"
