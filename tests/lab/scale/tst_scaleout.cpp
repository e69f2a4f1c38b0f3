// Scale-out on the lab's PostgreSQL (issue 16): three `xms worker` processes, each with its own XMS_HOME,
// staging area, host name and credentials directory — what three conversion hosts would have — share one
// job store. Faults injected: kill -9 of a whole host (its worker and every child), and SIGSTOP of a host
// for longer than its lease. Each test says what it asserts: every job runs exactly once, a dead host's job
// is recovered by another host, a paused host is fenced (no write after it resumes), nothing is left in the
// real Glance/Cinder/Neutron/Nova, the source disks are untouched.
#include "../vsphere/vspherelab.h"
#include "../migration/migrationlab.h"
#include "../xloud/xloudlab.h"
#include "common/errorcodes.h"
#include "store/jobstore.h"
#include "teststore.h"
#include "testutil.h"
#include "xloud/blockstorageclient.h"
#include "xloud/computeclient.h"
#include "xloud/imageclient.h"
#include "xloud/networkclient.h"

#include <QDir>
#include <QElapsedTimer>
#include <QJsonArray>
#include <QJsonDocument>
#include <QProcess>
#include <QSet>
#include <QTemporaryDir>
#include <QTest>

#include <csignal>
#include <unistd.h>

using namespace xms;
using namespace xms::test;
using namespace Qt::StringLiterals;

namespace {

constexpr int kLeaseSeconds = 10;

using migrationlab::Run;

// One simulated conversion host: its own XMS_HOME (staging, logs, keychain namespace), its own host name,
// and a credentials directory as systemd would give its worker (store password, source and cloud secrets).
struct Host
{
    QString name;
    QTemporaryDir home;
    QTemporaryDir credentials;
    QProcess* worker = nullptr;
    qint64 pgid = 0; // the worker runs in its own process group: "the host" is everything in it
};

void writeFile(const QString& path, const QByteArray& bytes)
{
    QFile f(path);
    QVERIFY(f.open(QIODevice::WriteOnly));
    f.write(bytes);
}

} // namespace

class TestScaleOut : public QObject
{
    Q_OBJECT

    QTemporaryDir m_operator; // the desktop's XMS_HOME: it submits and watches
    QString m_url;
    QString m_pgPassword;
    std::optional<JobStore> m_jobs;
    std::array<Host, 3> m_hosts;
    migrationlab::LabCloud* m_cloud = nullptr;

    QProcessEnvironment environmentFor(const QString& home, const QString& credentials) const
    {
        QProcessEnvironment env = QProcessEnvironment::systemEnvironment();
        env.insert(u"XMS_HOME"_s, home);
        env.insert(u"XMS_STORE"_s, m_url);
        env.insert(u"CREDENTIALS_DIRECTORY"_s, credentials);
        return env;
    }

    // The operator's CLI: source and cloud secrets in the keychain; the store's password as a credential.
    Run xms(const QStringList& args, const QByteArray& input = {}, int timeoutMs = 180000)
    {
        return migrationlab::runXms(environmentFor(m_operator.path(), m_operator.filePath(u"credentials"_s)), args,
                                    input, timeoutMs);
    }

    void startWorker(Host& h)
    {
        h.worker = new QProcess(this);
        QProcessEnvironment env = environmentFor(h.home.path(), h.credentials.path());
        env.insert(u"XMS_HOST_NAME"_s, h.name);
        h.worker->setProcessEnvironment(env);
        h.worker->setProcessChannelMode(QProcess::MergedChannels);
        h.worker->setStandardOutputFile(h.home.filePath(u"worker.log"_s), QIODevice::Append);
        h.worker->setChildProcessModifier([] { ::setsid(); });
        h.worker->start(QStringLiteral(XMS_CLI),
                        {u"worker"_s, u"--slots"_s, u"1"_s, u"--lease"_s, QString::number(kLeaseSeconds)});
        QVERIFY(h.worker->waitForStarted(10000));
        h.pgid = h.worker->processId();
    }

    void stopWorker(Host& h)
    {
        if (!h.worker)
            return;
        if (h.worker->state() != QProcess::NotRunning) {
            ::kill(pid_t(h.pgid), SIGTERM); // graceful
            if (!h.worker->waitForFinished(60000)) {
                ::kill(-pid_t(h.pgid), SIGKILL);
                h.worker->waitForFinished(5000);
            }
        }
        delete h.worker;
        h.worker = nullptr;
    }

    Host& hostNamed(const QString& name)
    {
        for (Host& h : m_hosts)
            if (h.name == name)
                return h;
        qFatal("no host %s", qPrintable(name));
    }

    QStringList liveHosts() const { return m_jobs->liveWorkerHosts(5).value_or(QStringList()); }

    JobRecord waitFor(const QString& id, const std::function<bool(const JobRecord&)>& done, int timeoutMs)
    {
        return migrationlab::waitFor(*m_jobs, id, done, timeoutMs);
    }

    QString eventDump(const QString& id) const { return migrationlab::eventDump(*m_jobs, id); }

    QList<EventRecord> eventsNamed(const QString& id, const QString& name) const
    {
        QList<EventRecord> out;
        const QList<EventRecord> events = m_jobs->events(id).value_or(QList<EventRecord>());
        for (const EventRecord& e : events)
            if (e.name == name)
                out << e;
        return out;
    }

    QString submit(const QString& vm, const QString& instance)
    {
        const Run run = xms({u"migration"_s, u"submit"_s, u"--source"_s, u"lab"_s, u"--vm"_s, vm, u"--kind"_s,
                             u"cold"_s, u"--cloud"_s, u"lab"_s, u"--target-project"_s, u"infra"_s, u"--flavor"_s,
                             u"m1.small"_s, u"--volume-type"_s, u"ssd"_s, u"--instance-name"_s, instance,
                             u"--network-map"_s, u"VM Network=internal-net"_s, u"--again"_s, u"--output"_s,
                             u"json"_s});
        if (run.exitCode != 0)
            qWarning("submit failed: %s", qPrintable(run.err + run.out));
        return migrationlab::submittedId(run);
    }

    void verifyNothingLeft(const QString& id, const QString& instance)
    {
        m_cloud->verifyNothingLeft(*m_jobs, id, instance, 1);
    }

    // A job that has reached a stage of the conversion on some host: that host's name.
    QString waitUntilConverting(const QString& id)
    {
        const JobRecord j = waitFor(
            id,
            [](const JobRecord& r) {
                return isTerminal(r.stage) || r.stage == Stage::Inspect || r.stage == Stage::GuestFixes;
            },
            10 * 60 * 1000);
        if (j.stage != Stage::Inspect && j.stage != Stage::GuestFixes) {
            qWarning("%s", qPrintable(eventDump(id)));
            return {};
        }
        return j.workerHost;
    }

private slots:
    void initTestCase()
    {
        QVERIFY2(qEnvironmentVariableIsSet("DBUS_SESSION_BUS_ADDRESS"),
                 "run through tests/with-keyring: the operator's CLI keeps secrets in a real Secret Service");
        QVERIFY(m_operator.isValid());
        auto where = test::freshPostgresLocation(u"scaleout"_s);
        XMS_VERIFY_OK(where);
        m_url = where->display();
        m_pgPassword = test::storePassword(*where);
        QVERIFY(!m_pgPassword.isEmpty());
        QDir().mkpath(m_operator.filePath(u"credentials"_s));
        writeFile(m_operator.filePath(u"credentials/xms-store-password"_s), m_pgPassword.toUtf8());
        auto store = Store::open(*where, m_pgPassword);
        XMS_VERIFY_OK(store);
        m_jobs.emplace(*store);

        const QString added = migrationlab::addLabSourceAndCloud(
            [this](const QStringList& args, const QByteArray& input) { return xms(args, input); });
        QVERIFY2(added.isEmpty(), qPrintable(added));
        // The shared store's settings reach every host; boot verification is the BIOS e2e test's to prove.
        QCOMPARE(xms({u"settings"_s, u"set"_s, u"guest/verify-boot"_s, u"never"_s}).exitCode, 0);

        const char* names[] = {"host-a", "host-b", "host-c"};
        for (int i = 0; i < 3; ++i) {
            Host& h = m_hosts[size_t(i)];
            h.name = QString::fromLatin1(names[i]);
            QVERIFY(h.home.isValid() && h.credentials.isValid());
            // Each host's worker finds every secret it needs here, none in a keychain (its XMS_HOME has none).
            writeFile(h.credentials.filePath(u"xms-store-password"_s), m_pgPassword.toUtf8() + '\n');
            writeFile(h.credentials.filePath(u"xms-source-lab-password"_s), vspherelab::env("XMS_LAB_VC_PASSWORD").toUtf8());
            writeFile(h.credentials.filePath(u"xms-cloud-lab-password"_s), labPassword().toUtf8());
            startWorker(h);
        }
        QVERIFY2(QTest::qWaitFor([&] { return liveHosts().size() == 3; }, 30000), qPrintable(liveHosts().join(u',')));
        m_cloud = new migrationlab::LabCloud(this);
    }

    void cleanupTestCase()
    {
        for (Host& h : m_hosts)
            stopWorker(h);
    }

    // Six queued jobs, three hosts: each job runs exactly once, on one host, and every host records its own
    // jobs. One is a real migration to Completed; five name VMs the vCenter does not have and stop at Export.
    void sixJobsOnThreeHosts()
    {
        const auto before = vspherelab::vmFileHashes(u"lab-debian-bios"_s);
        const QString real = submit(u"lab-debian-bios"_s, u"scale-real"_s);
        QVERIFY(!real.isEmpty());
        QStringList ids {real};
        QJsonObject spec = m_jobs->job(real)->spec;
        for (int i = 0; i < 5; ++i) {
            spec[u"vm"] = u"scale-gone-%1"_s.arg(i);
            spec[u"instance_name"] = u"scale-gone-%1"_s.arg(i);
            ids << m_jobs->create(spec)->id;
        }
        QElapsedTimer clock;
        clock.start();
        for (const QString& id : ids) {
            const JobRecord j = waitFor(id, [](const JobRecord& r) { return isTerminal(r.stage); }, 20 * 60 * 1000);
            QVERIFY2(isTerminal(j.stage), qPrintable(eventDump(id)));
        }
        qInfo("six jobs on three hosts ended in %lld s", clock.elapsed() / 1000);

        QMap<QString, int> perHost;
        for (const QString& id : ids) {
            const JobRecord j = m_jobs->job(id).value();
            const auto started = eventsNamed(id, u"job.started"_s);
            QVERIFY2(started.size() == 1, qPrintable(eventDump(id))); // exactly once, by exactly one worker
            const QString host = started.first().data.value(u"host").toString();
            QVERIFY2(host.startsWith(u"host-"), qPrintable(host));
            QCOMPARE(j.workerHost, host); // claimed, run and ended by the same host
            QVERIFY(!started.first().data.value(u"worker").toString().isEmpty());
            ++perHost[host];
            if (id == real) {
                QVERIFY2(j.stage == Stage::Completed, qPrintable(eventDump(id)));
            } else {
                QCOMPARE(j.stage, Stage::Failed);
                QCOMPARE(j.failedStage, Stage::Export);
                verifyNothingLeft(id, j.spec.value(u"instance_name").toString());
            }
        }
        qInfo() << "jobs per host:" << perHost;
        // One slot per worker: while one host converts the real guest, the other two run the rest.
        QVERIFY2(perHost.size() >= 2, "the jobs did not spread over the hosts");
        QCOMPARE(vspherelab::vmFileHashes(u"lab-debian-bios"_s), before); // the source was only read
        m_cloud->removeMigrated(m_jobs->job(real).value());
    }

    // kill -9 of a whole host mid-conversion: its lease runs out and a worker on another host recovers the
    // job — fails it with the reason and leaves nothing in Xloud.
    void killedHostsJobIsRecoveredByAnother()
    {
        const QString id = submit(u"lab-debian-bios"_s, u"scale-killed"_s);
        QVERIFY(!id.isEmpty());
        const QString victim = waitUntilConverting(id);
        QVERIFY(!victim.isEmpty());
        Host& dead = hostNamed(victim);
        QCOMPARE(::kill(-pid_t(dead.pgid), SIGKILL), 0); // the worker and its virt-v2v/QEMU children
        dead.worker->waitForFinished(5000);

        const JobRecord j = waitFor(id, [](const JobRecord& r) { return isTerminal(r.stage); }, 3 * 60 * 1000);
        QVERIFY2(j.stage == Stage::Failed, qPrintable(eventDump(id)));
        QCOMPARE(j.error.value(u"code").toString(), QString(errc::kJobOrphaned));
        QVERIFY2(j.workerHost != victim && j.workerHost.startsWith(u"host-"), qPrintable(j.workerHost));
        QVERIFY2(!eventsNamed(id, u"job.orphaned"_s).isEmpty(), qPrintable(eventDump(id)));
        verifyNothingLeft(id, u"scale-killed"_s);
        delete dead.worker;
        dead.worker = nullptr;
        startWorker(dead); // the host comes back
        QVERIFY(QTest::qWaitFor([&] { return liveHosts().contains(victim); }, 30000));
    }

    // SIGSTOP of a host for longer than its lease (a suspended laptop, a VM paused by its hypervisor): another
    // host recovers the job; when the paused host resumes it stops the job at once and writes nothing more.
    void pausedHostIsFenced()
    {
        const QString id = submit(u"lab-debian-bios"_s, u"scale-paused"_s);
        QVERIFY(!id.isEmpty());
        const QString paused = waitUntilConverting(id);
        QVERIFY(!paused.isEmpty());
        Host& h = hostNamed(paused);
        QCOMPARE(::kill(-pid_t(h.pgid), SIGSTOP), 0);
        const JobRecord recovered
            = waitFor(id, [](const JobRecord& r) { return isTerminal(r.stage); }, 3 * 60 * 1000);
        QVERIFY2(recovered.stage == Stage::Failed, qPrintable(eventDump(id)));
        QCOMPARE(recovered.error.value(u"code").toString(), QString(errc::kJobOrphaned));
        QVERIFY(recovered.workerHost != paused);
        const int eventsAtRecovery = int(m_jobs->events(id)->size());

        QCOMPARE(::kill(-pid_t(h.pgid), SIGCONT), 0);
        // The resumed worker notices on its monotonic clock that it held no lease for longer than the lease,
        // stops the job's processes, and writes nothing: state and event log stay as recovery left them.
        QVERIFY2(QTest::qWaitFor(
                     [&] {
                         QFile log(h.home.filePath(u"worker.log"_s));
                         return log.open(QIODevice::ReadOnly)
                             && log.readAll().contains(QByteArray("job " + id.toUtf8() + " stopped without another write"));
                     },
                     30000),
                 "the resumed worker did not fence its job");
        QTest::qWait(5000);
        const JobRecord after = m_jobs->job(id).value();
        QCOMPARE(after.stage, Stage::Failed);
        QCOMPARE(after.finishedAt, recovered.finishedAt);
        QCOMPARE(int(m_jobs->events(id)->size()), eventsAtRecovery);
        QCOMPARE(h.worker->state(), QProcess::Running); // fenced, not crashed: it takes new work
        verifyNothingLeft(id, u"scale-paused"_s);
    }
};

QTEST_GUILESS_MAIN(TestScaleOut)
#include "tst_scaleout.moc"
