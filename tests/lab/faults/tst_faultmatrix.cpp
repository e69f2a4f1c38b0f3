// The fault matrix (issue 12): every stage × the faults that apply to it, injected into real `xms worker`
// processes running real cold migrations against the whole lab — the vCenter simulator (through the lab
// proxy's vCenter front for SOAP and NFC faults), virt-v2v, real Glance/Cinder/Neutron and the Nova emulator
// (through the proxy's https front for cloud faults). For each cell it asserts: the job's end state, its
// event log kept (with the event that says what happened), zero resources in the cloud carrying the job's
// mark (swept.py lists every service — not the job's ledger), the source's files unchanged, staging freed or
// kept as documented, and a completed migration never deleted. It prints the matrix at the end.
//
// Process faults land at exact points: the worker runs with XMS_FAULT_STOP_AFTER=<event> and stops itself
// (SIGSTOP) right after storing that event (common/faultpoint.h); the test then kills it (-9), keeps it
// stopped past its lease, sends SIGTERM, or cancels the job, and lets it go on.
//
// Conversions are few: bench A runs Export/Inspect/Guest Fixes cells on lab-debian-bios (each one stops
// early); bench B converts lab-debian-static once, and every Write Volume and Finalize cell is a retry that
// resumes from its kept converted disks.
#include "../migration/migrationlab.h"
#include "../vsphere/vspherelab.h"
#include "../xloud/labfaults.h"
#include "../xloud/xloudlab.h"
#include "common/errorcodes.h"
#include "store/jobstore.h"
#include "store/store.h"
#include "testutil.h"

#include <QDir>
#include <QDirIterator>
#include <QElapsedTimer>
#include <QFileInfo>
#include <QJsonArray>
#include <QJsonDocument>
#include <QProcess>
#include <QSet>
#include <QTemporaryDir>
#include <QTest>
#include <QTimer>

#include <csignal>
#include <fcntl.h>
#include <sys/statvfs.h>
#include <unistd.h>

using namespace xms;
using namespace xms::test;
using namespace Qt::StringLiterals;

namespace {

constexpr int kLeaseSeconds = 8;
constexpr int kMinutes = 60 * 1000;

using migrationlab::Run;

enum class Kill { Nine, StopPastLease, Term, Cancel };

QString killName(Kill k)
{
    switch (k) {
    case Kill::Nine:
        return u"kill -9"_s;
    case Kill::StopPastLease:
        return u"SIGSTOP past lease"_s;
    case Kill::Term:
        return u"SIGTERM"_s;
    case Kill::Cancel:
        return u"cancel"_s;
    }
    return {};
}

// One row of the printed matrix.
struct Cell
{
    QString stage;
    QString fault;
    QString end; // the job's end state (and failed stage)
    bool survived = false; // a clear end state, log kept, nothing leaked, source unchanged
    int leaked = 0;
    QString id;
};

// A process is stopped (SIGSTOP): state T in /proc/PID/stat.
bool isStopped(qint64 pid)
{
    QFile f(u"/proc/%1/stat"_s.arg(pid));
    if (!f.open(QIODevice::ReadOnly))
        return false;
    const QByteArray stat = f.readAll();
    const qsizetype close = stat.lastIndexOf(')');
    return close > 0 && stat.size() > close + 2 && stat.at(close + 2) == 'T';
}

// Size and modification time of each of a VM's files in the simulator's datastore: any write shows.
QMap<QString, QString> statSource(const QString& vm)
{
    QMap<QString, QString> out;
    const QString root = vspherelab::env("XMS_LAB_VC_DATASTORE_DIR");
    QDirIterator it(root, QDir::Files | QDir::Hidden, QDirIterator::Subdirectories);
    while (it.hasNext()) {
        const QString path = it.next();
        if (!path.contains(vm) || path.endsWith(u"vmware.log"))
            continue;
        const QFileInfo fi(path);
        out.insert(path.mid(root.size()),
                   u"%1 %2"_s.arg(fi.size()).arg(fi.lastModified().toMSecsSinceEpoch()));
    }
    return out;
}

// The lab's passwords, as a leak would show them.
QList<QByteArray> labSecrets()
{
    return {vspherelab::env("XMS_LAB_VC_PASSWORD").toUtf8(), labPassword().toUtf8()};
}

// A process and all its descendants (children may start sessions or groups of their own): pid → command.
QMap<qint64, QString> processTree(qint64 root)
{
    QMultiMap<qint64, qint64> children;
    QMap<qint64, QString> names;
    const QStringList pids = QDir(u"/proc"_s).entryList(QDir::Dirs | QDir::NoDotAndDotDot);
    for (const QString& p : pids) {
        bool isPid = false;
        const qint64 pid = p.toLongLong(&isPid);
        if (!isPid)
            continue;
        QFile f(u"/proc/%1/stat"_s.arg(pid));
        if (!f.open(QIODevice::ReadOnly))
            continue;
        const QByteArray stat = f.readAll();
        const qsizetype open = stat.indexOf('('), close = stat.lastIndexOf(')');
        const QList<QByteArray> rest = stat.mid(close + 2).split(' '); // state ppid …
        if (open < 0 || rest.size() < 2)
            continue;
        names.insert(pid, QString::fromUtf8(stat.mid(open + 1, close - open - 1)));
        children.insert(rest.at(1).toLongLong(), pid);
    }
    QMap<qint64, QString> out;
    QList<qint64> todo {root};
    while (!todo.isEmpty()) {
        const qint64 pid = todo.takeLast();
        if (!names.contains(pid) || out.contains(pid))
            continue;
        out.insert(pid, names.value(pid));
        todo.append(children.values(pid));
    }
    return out;
}

// One workstation: its XMS_HOME (SQLite store, keychain namespace, logs), its staging, its workers.
struct Bench
{
    QString name;
    QTemporaryDir home;
    std::optional<JobStore> jobs;
    QString staging; // set when a test gives it a staging filesystem of its own
    QString vm;
    QString source = u"lab"_s;
    QString cloud = u"lab"_s;
    int workers = 0;

    QProcessEnvironment environment() const
    {
        QProcessEnvironment env = QProcessEnvironment::systemEnvironment();
        env.insert(u"XMS_HOME"_s, home.path());
        env.remove(u"XMS_STORE"_s);
        env.remove(u"XMS_FAULT_STOP_AFTER"_s);
        return env;
    }
    Run xms(const QStringList& args, const QByteArray& input = {}, int timeoutMs = 180000) const
    {
        return migrationlab::runXms(environment(), args, input, timeoutMs);
    }
    QString stagingOf(const QString& id) const
    {
        return QDir(staging.isEmpty() ? home.filePath(u"staging"_s) : staging).filePath(id);
    }
};

} // namespace

class TestFaultMatrix : public QObject
{
    Q_OBJECT

    Bench m_a; // Export, Inspect, Guest Fixes on lab-debian-bios
    Bench m_b; // Write Volume and Finalize: lab-debian-static, converted once, then retried
    QString m_chain; // bench B's job
    QList<Cell> m_cells;
    QMap<QString, QByteArray> m_sourceA, m_sourceB; // SHA-256 before the matrix
    QString m_tmpfs; // bench A's size-limited staging (tmpfs)
    // The secrets scan of every child process while it runs: what was looked at, what carried a secret.
    QTimer m_scan;
    QSet<QString> m_scannedCommands;
    int m_scannedProcesses = 0;
    QStringList m_secretsFound;
    std::unique_ptr<LabFaults> m_faults;

    // ---- workers --------------------------------------------------------------------------------------

    // `xms worker` in its own process group, logging to the bench's home; stops itself after `stopAfter`.
    QProcess* startWorker(Bench& b, const QString& stopAfter = {}, bool untilIdle = true)
    {
        auto* w = new QProcess(this);
        QProcessEnvironment env = b.environment();
        if (!stopAfter.isEmpty())
            env.insert(u"XMS_FAULT_STOP_AFTER"_s, stopAfter);
        w->setProcessEnvironment(env);
        w->setProcessChannelMode(QProcess::MergedChannels);
        w->setStandardOutputFile(b.home.filePath(u"worker-%1.log"_s.arg(++b.workers)));
        w->setChildProcessModifier([] { ::setsid(); });
        QStringList args {u"worker"_s, u"--slots"_s, u"1"_s, u"--lease"_s, QString::number(kLeaseSeconds)};
        if (untilIdle)
            args << u"--until-idle"_s;
        const int before = b.jobs->liveWorkers(60).value_or(0);
        w->start(QStringLiteral(XMS_CLI), args);
        if (!w->waitForStarted(10000))
            qWarning("xms worker did not start");
        // Registered before anything is submitted: a submit that sees no live worker starts one of its own.
        if (!QTest::qWaitFor([&] { return b.jobs->liveWorkers(60).value_or(0) > before; }, 15000))
            qWarning("xms worker did not register");
        return w;
    }

    QString workerLog(const Bench& b) const
    {
        QFile f(b.home.filePath(u"worker-%1.log"_s.arg(b.workers)));
        return f.open(QIODevice::ReadOnly) ? QString::fromUtf8(f.readAll()) : QString();
    }

    static void reap(QProcess* w, int signo = SIGTERM)
    {
        if (w->state() != QProcess::NotRunning) {
            ::kill(pid_t(w->processId()), SIGCONT);
            ::kill(pid_t(w->processId()), signo);
            if (!w->waitForFinished(60000)) {
                ::kill(-pid_t(w->processId()), SIGKILL);
                w->waitForFinished(5000);
            }
        }
        w->deleteLater();
    }

    JobRecord waitEnd(const Bench& b, const QString& id, int timeoutMs = 5 * kMinutes)
    {
        return migrationlab::waitFor(
            *b.jobs, id, [](const JobRecord& r) { return isTerminal(r.stage); }, timeoutMs);
    }

    QStringList eventNames(const Bench& b, const QString& id) const
    {
        QStringList out;
        for (const EventRecord& e : b.jobs->events(id).value_or(QList<EventRecord>()))
            out << e.name;
        return out;
    }

    // A worker started with a stop point has reached it (or the job ended without reaching it).
    bool reachedStop(const Bench& b, QProcess* w, const QString& id, const QString& stopAfter)
    {
        const bool stopped = QTest::qWaitFor(
            [&] {
                if (isStopped(w->processId()))
                    return true;
                const auto j = b.jobs->job(id);
                return w->state() == QProcess::NotRunning || (j && isTerminal(j->stage));
            },
            8 * kMinutes);
        if (!stopped || !isStopped(w->processId())) {
            qWarning("%s never reached %s:\n%s\nworker log:\n%s", qPrintable(id), qPrintable(stopAfter),
                     qPrintable(migrationlab::eventDump(*b.jobs, id)), qPrintable(workerLog(b)));
            return false;
        }
        return true;
    }

    // Applies a process fault to a worker stopped at its stop point; returns the job's end.
    JobRecord applyKill(Bench& b, QProcess* w, const QString& id, Kill kind)
    {
        const qint64 pid = w->processId();
        JobRecord end;
        switch (kind) {
        case Kill::Nine: {
            ::kill(-pid_t(pid), SIGKILL); // the worker and every child (virt-v2v, nbdkit, QEMU)
            w->waitForFinished(10000);
            QTest::qWait((kLeaseSeconds + 1) * 1000); // the lease runs out; a worker started later recovers
            QProcess* rescuer = startWorker(b);
            end = waitEnd(b, id);
            rescuer->waitForFinished(60000);
            reap(rescuer);
            break;
        }
        case Kill::StopPastLease: {
            QTest::qWait((kLeaseSeconds + 2) * 1000);
            QProcess* rescuer = startWorker(b);
            end = waitEnd(b, id);
            rescuer->waitForFinished(60000);
            reap(rescuer);
            const qsizetype eventsAtRecovery = b.jobs->events(id)->size();
            const QString log = b.home.filePath(u"worker-%1.log"_s.arg(b.workers - 1));
            ::kill(pid_t(pid), SIGCONT);
            // It notices on its monotonic clock that its lease ran out, stops the job, writes nothing more.
            const bool fenced = QTest::qWaitFor(
                [&] {
                    QFile f(log);
                    return f.open(QIODevice::ReadOnly)
                        && f.readAll().contains(QByteArray("job " + id.toUtf8() + " stopped without another write"));
                },
                30000);
            if (!fenced)
                qWarning("the resumed worker did not fence %s", qPrintable(id));
            QTest::qWait(2000);
            // What its stage wrote after waking is removed once the stage stopped (the job keeps no disks).
            if (b.jobs->job(id)->checkpoint.isEmpty())
                (void)QTest::qWaitFor([&] { return !QFileInfo::exists(b.stagingOf(id)); }, 10000);
            if (!fenced || b.jobs->events(id)->size() != eventsAtRecovery
                || b.jobs->job(id)->finishedAt != end.finishedAt)
                end.stage = Stage::Queued; // not a clean outcome: the matrix says so
            reap(w);
            return end;
        }
        case Kill::Term:
            ::kill(pid_t(pid), SIGTERM);
            ::kill(pid_t(pid), SIGCONT);
            end = waitEnd(b, id);
            if (!w->waitForFinished(60000) || w->exitStatus() != QProcess::NormalExit)
                qWarning("the worker did not exit on SIGTERM");
            break;
        case Kill::Cancel: {
            const Run r = b.xms({u"migration"_s, u"cancel"_s, id});
            if (r.exitCode != 0)
                qWarning("cancel: %s", qPrintable(r.err));
            ::kill(pid_t(pid), SIGCONT);
            end = waitEnd(b, id);
            break;
        }
        }
        reap(w);
        return end;
    }

    // ---- checks ---------------------------------------------------------------------------------------

    // The argv and environment of every process of the bench workers' sessions (worker, virt-v2v, nbdkit,
    // qemu, guestfish …), read while they run: no secret may be in either.
    void scanChildren()
    {
        // The workers' trees, and every process naming a bench's home (children a converter detached
        // from its parent — virt-v2v, nbdkit, qemu — carry staging paths in argv or XMS_* in environ).
        QMap<qint64, QString> procs;
        for (QProcess* w : findChildren<QProcess*>())
            if (w->state() == QProcess::Running)
                procs.insert(processTree(w->processId()));
        const QByteArray homeA = QFile::encodeName(m_a.home.path()), homeB = QFile::encodeName(m_b.home.path());
        const QMap<qint64, QString> all = processTree(1);
        for (auto it = all.begin(); it != all.end(); ++it) {
            QFile f(u"/proc/%1/cmdline"_s.arg(it.key())), e(u"/proc/%1/environ"_s.arg(it.key()));
            const QByteArray seen = (f.open(QIODevice::ReadOnly) ? f.readAll() : QByteArray())
                + (e.open(QIODevice::ReadOnly) ? e.readAll() : QByteArray());
            if (seen.contains(homeA) || seen.contains(homeB))
                procs.insert(it.key(), it.value());
        }
        const QList<QByteArray> secrets = labSecrets();
        {
            for (auto it = procs.begin(); it != procs.end(); ++it) {
                QByteArray seen;
                for (const char* part : {"cmdline", "environ"}) {
                    QFile f(u"/proc/%1/%2"_s.arg(it.key()).arg(QLatin1StringView(part)));
                    if (f.open(QIODevice::ReadOnly))
                        seen += f.readAll();
                }
                if (seen.isEmpty())
                    continue;
                ++m_scannedProcesses;
                m_scannedCommands.insert(it.value());
                for (const QByteArray& secret : secrets)
                    if (seen.contains(secret))
                        m_secretsFound << u"pid %1 (%2)"_s.arg(it.key()).arg(it.value());
            }
        }
    }

    // Every file a bench kept: the SQLite store and its WAL, the logs (worker, job, virt-v2v), staging.
    QStringList filesWithSecrets(const QString& root) const
    {
        QStringList out;
        const QList<QByteArray> secrets = labSecrets();
        QDirIterator it(root, QDir::Files | QDir::Hidden, QDirIterator::Subdirectories);
        while (it.hasNext()) {
            const QString path = it.next();
            QFile f(path);
            if (f.size() > (64 << 20) || !f.open(QIODevice::ReadOnly))
                continue; // disk images: staged guest data, not something XMS writes secrets into
            const QByteArray bytes = f.readAll();
            for (const QByteArray& secret : secrets)
                if (bytes.contains(secret))
                    out << path;
        }
        return out;
    }

    // Everything in the cloud that carries the job's mark, swept by listing each service.
    QStringList sweep(const QString& id, const QString& instance = {})
    {
        QStringList left;
        for (int round = 0; round < 20; ++round) { // a deletion still in progress ends soon or is a leak
            QProcess p;
            p.start(u"/usr/bin/python3"_s, {QStringLiteral(XMS_FAULTS_DIR "/sweep.py"), id, instance});
            if (!p.waitForFinished(60000) || p.exitCode() != 0) {
                qWarning("sweep.py failed: %s", p.readAllStandardError().constData());
                return {u"sweep failed"_s};
            }
            const QJsonObject found = QJsonDocument::fromJson(p.readAllStandardOutput()).object();
            left.clear();
            for (auto it = found.begin(); it != found.end(); ++it)
                for (const QJsonValue& v : it.value().toArray())
                    left << it.key() + u": "_s + v.toString();
            if (left.isEmpty())
                return left;
            QTest::qWait(1500);
        }
        return left;
    }

    // Records the cell and checks what every cell must show. `wantEvent`: the event that says what happened.
    void check(Bench& b, const QString& stage, const QString& fault, const QString& id, const JobRecord& end,
               Stage wantEnd, const QString& wantEvent, bool stagingKept)
    {
        Cell c {stage, fault, {}, false, 0, id};
        c.end = stageName(end.stage);
        if (end.stage == Stage::Failed)
            c.end += u" in "_s + stageName(end.failedStage);
        const QStringList names = eventNames(b, id);
        const QStringList leaked = sweep(id, end.stage == Stage::Completed ? QString() : instanceOf(b, id));
        c.leaked = int(leaked.size());
        const bool staged = QFileInfo::exists(b.stagingOf(id));
        const bool sourceSame = statSource(b.vm) == (b.vm == m_a.vm ? m_statA : m_statB);
        c.survived = end.stage == wantEnd && names.contains(wantEvent) && leaked.isEmpty() && sourceSame
            && staged == stagingKept;
        m_cells << c;
        if (end.stage == Stage::Completed && wantEnd != Stage::Completed) {
            migrationlab::LabCloud cloud; // it migrated after all: free the lab's quota for the next cells
            cloud.removeMigrated(b.jobs->job(id).value());
        }
        qInfo().noquote() << u"cell %1 × %2: %3, %4 event(s), leaked %5"_s.arg(stage, fault, c.end)
                                 .arg(names.size())
                                 .arg(c.leaked);
        const QString dump = migrationlab::eventDump(*b.jobs, id);
        QVERIFY2(end.stage == wantEnd, qPrintable(u"ended %1, expected %2\n"_s.arg(c.end, stageName(wantEnd)) + dump));
        QVERIFY2(names.contains(wantEvent), qPrintable(u"no %1 event\n"_s.arg(wantEvent) + dump));
        QVERIFY2(leaked.isEmpty(), qPrintable(u"left in the cloud:\n"_s + leaked.join(u'\n') + u'\n' + dump));
        QVERIFY2(sourceSame, "the source VM's files changed");
        QVERIFY2(staged == stagingKept, qPrintable(u"staging %1 is %2\n"_s.arg(b.stagingOf(id),
                                                                               staged ? u"kept"_s : u"gone"_s) + dump));
    }

    QString instanceOf(const Bench& b, const QString& id) const
    {
        return b.jobs->job(id)->spec.value(u"instance_name").toString();
    }

    QMap<QString, QString> m_statA, m_statB;

    // ---- jobs -----------------------------------------------------------------------------------------

    QString submit(Bench& b, const QString& instance)
    {
        const Run r = b.xms({u"migration"_s, u"submit"_s, u"--source"_s, b.source, u"--vm"_s, b.vm, u"--kind"_s,
                             u"cold"_s, u"--cloud"_s, b.cloud, u"--target-project"_s, u"infra"_s, u"--flavor"_s,
                             u"m1.small"_s, u"--volume-type"_s, u"ssd"_s, u"--instance-name"_s, instance,
                             u"--network-map"_s, u"VM Network=internal-net"_s, u"--again"_s, u"--output"_s,
                             u"json"_s});
        if (r.exitCode != 0)
            qWarning("submit failed: %s", qPrintable(r.err + r.out));
        return migrationlab::submittedId(r);
    }

    bool retry(Bench& b, const QString& id)
    {
        const Run r = b.xms({u"migration"_s, u"retry"_s, id});
        if (r.exitCode != 0)
            qWarning("retry failed: %s", qPrintable(r.err + r.out));
        return r.exitCode == 0;
    }

    // A process fault at `stopAfter` of a new job on bench A.
    void processCellA(const QString& stage, const QString& stopAfter, Kill kind)
    {
        QProcess* w = startWorker(m_a, stopAfter, false);
        const QString id = submit(m_a, u"fm-%1"_s.arg(m_cells.size()));
        QVERIFY(!id.isEmpty());
        QVERIFY(reachedStop(m_a, w, id, stopAfter));
        const JobRecord end = applyKill(m_a, w, id, kind);
        expectKilled(m_a, stage, kind, id, end, false);
    }

    void expectKilled(Bench& b, const QString& stage, Kill kind, const QString& id, const JobRecord& end,
                      bool stagingKept)
    {
        switch (kind) {
        case Kill::Nine:
        case Kill::StopPastLease:
            return check(b, stage, killName(kind), id, end, Stage::Failed, u"job.orphaned"_s, stagingKept);
        case Kill::Term:
            return check(b, stage, killName(kind), id, end, Stage::Failed, u"job.interrupted"_s, stagingKept);
        case Kill::Cancel:
            return check(b, stage, killName(kind), id, end, Stage::Cancelled, u"job.cancelled"_s, false);
        }
    }

    // A network fault on bench A's source: the job runs with it to its end.
    JobRecord runWithFault(Bench& b, const std::function<QString()>& queue, const Fault& f,
                           const QString& stopAfter = {})
    {
        QProcess* w = startWorker(b, stopAfter, false);
        const QString id = queue();
        const int rule = id.isEmpty() ? -1 : m_faults->add(f);
        if (rule < 0) {
            reap(w);
            return {};
        }
        JobRecord end;
        if (!stopAfter.isEmpty() && reachedStop(b, w, id, stopAfter)) { // it survived the fault: stop here
            m_faults->clear();
            end = applyKill(b, w, id, Kill::Cancel);
        } else {
            end = waitEnd(b, id, 8 * kMinutes);
            reap(w);
        }
        const QJsonObject fired = m_faults->rule(rule);
        m_faults->clear();
        if (fired.value(u"fired").toInt() < 1)
            qWarning("fault rule %d never fired", rule);
        return end;
    }

    // Bench B's job, retried from its kept disks, with a process fault at `stopAfter`.
    void processCellB(const QString& stage, const QString& stopAfter, Kill kind)
    {
        QProcess* w = startWorker(m_b, stopAfter, false);
        QVERIFY(retry(m_b, m_chain));
        QVERIFY(reachedStop(m_b, w, m_chain, stopAfter));
        const JobRecord end = applyKill(m_b, w, m_chain, kind);
        expectKilled(m_b, stage, kind, m_chain, end, kind != Kill::Cancel);
    }

    void networkCellB(const QString& stage, const QString& name, const Fault& f)
    {
        const JobRecord end = runWithFault(m_b, [&] { return retry(m_b, m_chain) ? m_chain : QString(); }, f);
        QVERIFY(!end.id.isEmpty());
        check(m_b, stage, name, m_chain, end, Stage::Failed, stageKey(end.failedStage) + u".failed"_s, true);
        if (!QTest::currentTestFailed())
            QCOMPARE(end.failedStage, stage == u"Finalize" ? Stage::Finalize : Stage::WriteVolume);
    }

    // Bench A's staging filesystem is filled (but for `leave` bytes) at `stopAfter`; the job must fail in
    // `stage` (Inspect counts for Guest Fixes: the conversion runs beside it) saying it ran out of space.
    void outOfSpaceCell(const QString& stage, const QString& stopAfter, qint64 leave)
    {
        QProcess* w = startWorker(m_a, stopAfter, false);
        const QString id = submit(m_a, u"fm-%1"_s.arg(m_cells.size()));
        QVERIFY(!id.isEmpty());
        QVERIFY(reachedStop(m_a, w, id, stopAfter));
        const bool filled = fill(m_tmpfs, leave);
        ::kill(pid_t(w->processId()), SIGCONT);
        if (!filled)
            reap(w);
        QVERIFY(filled);
        const JobRecord end = waitEnd(m_a, id, 10 * kMinutes);
        reap(w);
        QFile::remove(QDir(m_tmpfs).filePath(u"filler"_s));
        check(m_a, stage, u"ENOSPC (staging full)"_s, id, end, Stage::Failed, stageKey(end.failedStage) + u".failed"_s,
              false);
        if (QTest::currentTestFailed())
            return;
        QVERIFY2(stageName(end.failedStage) == stage
                     || (stage == u"Guest Fixes" && end.failedStage == Stage::Inspect),
                 qPrintable(stageName(end.failedStage)));
        QVERIFY2(end.error.value(u"message").toString().contains(u"space"_s, Qt::CaseInsensitive),
                 qPrintable(end.error.value(u"message").toString()));
    }

    QString addSourceAndCloud(Bench& b, const QString& sourcePort, bool tlsCloud)
    {
        const Run source = b.xms({u"source"_s, u"create"_s, b.source, u"--host"_s, vspherelab::env("XMS_LAB_VC_HOST"),
                                  u"--port"_s, sourcePort, u"--user"_s, vspherelab::env("XMS_LAB_VC_USER"),
                                  u"--password-stdin"_s, u"--thumbprint"_s, vspherelab::env("XMS_LAB_VC_THUMBPRINT")},
                                 vspherelab::env("XMS_LAB_VC_PASSWORD").toUtf8() + '\n');
        if (source.exitCode != 0)
            return u"source create: "_s + source.err;
        const CloudRecord c = tlsCloud ? labTlsCloud(b.cloud) : labCloud(b.cloud);
        QStringList args {u"cloud"_s, u"create"_s, b.cloud, u"--auth-url"_s, c.authUrl, u"--user"_s, c.username,
                          u"--password-stdin"_s, u"--project"_s, c.project, u"--region"_s, c.region};
        if (tlsCloud)
            args << u"--ca-file"_s << c.tls.caFile;
        const Run cloud = b.xms(args, labPassword().toUtf8() + '\n');
        if (cloud.exitCode != 0)
            return u"cloud create: "_s + cloud.err;
        if (b.xms({u"settings"_s, u"set"_s, u"guest/verify-boot"_s, u"never"_s}).exitCode != 0)
            return u"settings set guest/verify-boot failed"_s;
        return {};
    }

    // Fills bench A's staging filesystem but for `leave` bytes.
    static bool fill(const QString& dir, qint64 leave)
    {
        struct statvfs s {};
        if (::statvfs(QFile::encodeName(dir).constData(), &s) != 0)
            return false;
        const qint64 avail = qint64(s.f_bavail) * qint64(s.f_frsize);
        QFile f(QDir(dir).filePath(u"filler"_s));
        if (!f.open(QIODevice::WriteOnly))
            return false;
        return ::posix_fallocate(f.handle(), 0, off_t(avail - leave)) == 0; // ext4: allocated at once, no data

    }

private slots:
    void initTestCase()
    {
        QVERIFY2(qEnvironmentVariableIsSet("DBUS_SESSION_BUS_ADDRESS"),
                 "run through tests/with-keyring: the CLI keeps secrets in a real Secret Service");
        QVERIFY2(qEnvironmentVariableIsSet("XMS_LAB_VC_FAULT_URL"),
                 "XMS_LAB_VC_FAULT_URL is not set: run through tests/lab/with-lab with the lab up (tests/lab/lab up)");
        QVERIFY2(::geteuid() == 0, "the ENOSPC cells loop-mount a size-limited staging filesystem: run as root");
        m_faults = std::make_unique<LabFaults>();

        for (Bench* b : {&m_a, &m_b}) {
            QVERIFY(b->home.isValid());
            auto store = Store::open(QDir(b->home.path()).filePath(u"xms.sqlite"_s));
            XMS_VERIFY_OK(store);
            b->jobs.emplace(*store);
        }
        m_a.name = u"A"_s;
        m_a.vm = u"lab-debian-bios"_s;
        m_a.source = u"labfront"_s; // the simulator through the lab proxy's vCenter front
        m_b.name = u"B"_s;
        m_b.vm = u"lab-debian-static"_s;
        m_b.cloud = u"labtls"_s; // the cloud through the lab proxy's https front
        const QString vcFront = QUrl(qEnvironmentVariable("XMS_LAB_VC_FAULT_URL")).port() > 0
            ? QString::number(QUrl(qEnvironmentVariable("XMS_LAB_VC_FAULT_URL")).port())
            : QString();
        QVERIFY(!vcFront.isEmpty());
        QString added = addSourceAndCloud(m_a, vcFront, false);
        QVERIFY2(added.isEmpty(), qPrintable(added));
        added = addSourceAndCloud(m_b, vspherelab::env("XMS_LAB_VC_PORT"), true);
        QVERIFY2(added.isEmpty(), qPrintable(added));

        // Bench A stages on a filesystem of its own (ext4 in a sparse file, loop-mounted), so a cell can fill
        // it (ENOSPC) without touching the machine's disks.
        m_tmpfs = m_a.home.filePath(u"staging-fs"_s);
        const QString image = m_a.home.filePath(u"staging-fs.img"_s);
        QVERIFY(QDir().mkpath(m_tmpfs));
        QFile::remove(image);
        QFile img(image);
        QVERIFY(img.open(QIODevice::WriteOnly) && img.resize(12LL << 30));
        img.close();
        // -m 0: no blocks reserved for root (the worker runs as root here and would write into them).
        QCOMPARE(QProcess::execute(u"mkfs.ext4"_s, {u"-q"_s, u"-F"_s, u"-m"_s, u"0"_s, image}), 0);
        QCOMPARE(QProcess::execute(u"mount"_s, {u"-o"_s, u"loop"_s, image, m_tmpfs}), 0);
        m_a.staging = m_tmpfs;
        QCOMPARE(m_a.xms({u"settings"_s, u"set"_s, u"engine/staging-dir"_s, m_tmpfs}).exitCode, 0);

        m_sourceA = vspherelab::vmFileHashes(m_a.vm);
        m_sourceB = vspherelab::vmFileHashes(m_b.vm);
        QVERIFY(!m_sourceA.isEmpty() && !m_sourceB.isEmpty());
        m_statA = statSource(m_a.vm);
        m_statB = statSource(m_b.vm);

        // Bench B converts its guest while bench A's cells run; it stops at its first Write Volume point.
        m_chainWorker = startWorker(m_b, u"write.image_uploaded"_s, false);
        m_chain = submit(m_b, u"fm-chain"_s);
        QVERIFY(!m_chain.isEmpty());
        connect(&m_scan, &QTimer::timeout, this, &TestFaultMatrix::scanChildren);
        m_scan.start(250);
    }

    void cleanupTestCase()
    {
        m_scan.stop();
        if (m_chainWorker)
            reap(m_chainWorker);
        m_faults.reset();
        if (!m_tmpfs.isEmpty())
            QProcess::execute(u"umount"_s, {u"-l"_s, m_tmpfs});
        // The matrix, as README shows it.
        QString table = u"\nFAULT MATRIX (stage × fault: end state, leaked resources)\n"_s;
        table += u"%1 %2 %3 %4 %5\n"_s.arg(u"stage"_s, -13).arg(u"fault"_s, -30).arg(u"end"_s, -26)
                     .arg(u"leaked"_s, -7).arg(u"ok"_s);
        int ok = 0, leaked = 0;
        for (const Cell& c : std::as_const(m_cells)) {
            table += u"%1 %2 %3 %4 %5\n"_s.arg(c.stage, -13).arg(c.fault, -30).arg(c.end, -26)
                         .arg(c.leaked, -7).arg(c.survived ? u"yes"_s : u"NO"_s);
            ok += c.survived ? 1 : 0;
            leaked += c.leaked;
        }
        table += u"faults injected %1, survived %2, resources leaked %3\n"_s.arg(m_cells.size()).arg(ok).arg(leaked);
        qInfo().noquote() << table;
    }

    // ---- Export (bench A; the vCenter through the proxy) ---------------------------------------------

    void exportProcessFaults_data()
    {
        QTest::addColumn<int>("kind");
        for (Kill k : {Kill::Nine, Kill::StopPastLease, Kill::Term, Kill::Cancel})
            QTest::newRow(qPrintable(killName(k))) << int(k);
    }
    void exportProcessFaults()
    {
        QFETCH(int, kind);
        processCellA(u"Export"_s, u"source.powered_off"_s, Kill(kind));
    }

    void exportNetworkFaults_data()
    {
        QTest::addColumn<QString>("name");
        QTest::addColumn<QString>("method");
        QTest::addColumn<QString>("path");
        QTest::addColumn<QString>("action");
        QTest::addColumn<int>("status");
        QTest::addColumn<int>("nth");
        QTest::addColumn<bool>("transient"); // XMS is expected to ride it out
        // Measured: one reset or 503 of the disk download fails the export (with a message that says so);
        // resuming the download by Range after a transient fault is not built yet — the cells say so.
        QTest::newRow("NFC reset once") << u"NFC reset once"_s << u"GET"_s << u"^/nfc/"_s << u"reset"_s << 0 << 1 << false;
        QTest::newRow("NFC 503 once") << u"NFC 503 once"_s << u"GET"_s << u"^/nfc/"_s << u"status"_s << 503 << 1 << false;
        QTest::newRow("NFC drop always") << u"NFC drop always"_s << u"GET"_s << u"^/nfc/"_s << u"drop"_s << 0 << 0 << false;
        QTest::newRow("SOAP 503 always") << u"SOAP 503 always"_s << u"POST"_s << u"^/sdk"_s << u"status"_s << 503 << 0 << false;
    }
    void exportNetworkFaults()
    {
        QFETCH(QString, name);
        QFETCH(QString, method);
        QFETCH(QString, path);
        QFETCH(QString, action);
        QFETCH(int, status);
        QFETCH(int, nth);
        QFETCH(bool, transient);
        QString id;
        Fault f;
        f.service = u"vcenter"_s;
        f.method = method;
        f.path = path;
        f.action = action;
        f.status = status;
        f.nth = nth;
        const JobRecord end = runWithFault(
            m_a, [&] { return id = submit(m_a, u"fm-%1"_s.arg(m_cells.size())); }, f,
            transient ? u"export.completed"_s : QString());
        QVERIFY(!id.isEmpty());
        if (transient)
            check(m_a, u"Export"_s, name, id, end, Stage::Cancelled, u"export.completed"_s, false);
        else
            check(m_a, u"Export"_s, name, id, end, Stage::Failed, u"export.failed"_s, false);
    }

    // The staging filesystem fills while the disks stream (after the space check passed).
    void exportOutOfSpace() { outOfSpaceCell(u"Export"_s, u"source.powered_off"_s, 64 << 20); }

    // ---- Inspect and Guest Fixes (bench A) -------------------------------------------------------------

    void inspectProcessFaults_data()
    {
        QTest::addColumn<int>("kind");
        for (Kill k : {Kill::Nine, Kill::Cancel})
            QTest::newRow(qPrintable(killName(k))) << int(k);
    }
    void inspectProcessFaults()
    {
        QFETCH(int, kind);
        processCellA(u"Inspect"_s, u"inspect.step"_s, Kill(kind));
    }

    void guestFixesProcessFaults_data()
    {
        QTest::addColumn<int>("kind");
        for (Kill k : {Kill::Nine, Kill::Term})
            QTest::newRow(qPrintable(killName(k))) << int(k);
    }
    void guestFixesProcessFaults()
    {
        QFETCH(int, kind);
        processCellA(u"Guest Fixes"_s, u"guest_fixes.started"_s, Kill(kind));
    }

    // The staging filesystem fills while virt-v2v writes the converted disks (it starts with Inspect).
    // All but 1 MiB: allocating every last block fails by itself.
    void guestFixesOutOfSpace() { outOfSpaceCell(u"Guest Fixes"_s, u"inspect.step"_s, 1 << 20); }

    // ---- Write Volume and Finalize (bench B: one conversion, every cell a retry from its kept disks) ----

    void writeVolumeFaults()
    {
        // The chain's first attempt converted and stopped at its first upload: kill -9 there.
        QVERIFY(reachedStop(m_b, m_chainWorker, m_chain, u"write.image_uploaded"_s));
        QProcess* w = std::exchange(m_chainWorker, nullptr);
        JobRecord end = applyKill(m_b, w, m_chain, Kill::Nine);
        expectKilled(m_b, u"Write Volume"_s, Kill::Nine, m_chain, end, true);
        if (QTest::currentTestFailed())
            return;
        processCellB(u"Write Volume"_s, u"write.image_uploaded"_s, Kill::StopPastLease);
        if (QTest::currentTestFailed())
            return;
        processCellB(u"Write Volume"_s, u"write.image_uploaded"_s, Kill::Term);
        if (QTest::currentTestFailed())
            return;
        struct Net
        {
            const char* name;
            Fault f;
        };
        const Net faults[] = {
            {"Glance upload reset", {u"glance"_s, u"PUT"_s, u"/file$"_s, u"reset"_s}},
            {"Glance create 503", {u"glance"_s, u"POST"_s, u"/v2/images$"_s, u"status"_s, 0, 503}},
            {"Cinder create 413", {u"cinder"_s, u"POST"_s, u"/volumes$"_s, u"status"_s, 0, 413}},
            {"Keystone token 401", {u"keystone"_s, u"POST"_s, u"/auth/tokens$"_s, u"status"_s, 0, 401}},
            {"Cinder create lost", {u"cinder"_s, u"POST"_s, u"/volumes$"_s, u"drop"_s, 1, 0, 0, u"after"_s}},
        };
        for (const Net& n : faults) {
            networkCellB(u"Write Volume"_s, QString::fromLatin1(n.name), n.f);
            if (QTest::currentTestFailed())
                return;
        }
    }

    void finalizeFaults()
    {
        QVERIFY2(!m_chain.isEmpty() && m_b.jobs->job(m_chain)->stage == Stage::Failed, "the chain did not get here");
        for (Kill k : {Kill::Nine, Kill::StopPastLease, Kill::Term}) {
            processCellB(u"Finalize"_s, u"finalize.port_created"_s, k);
            if (QTest::currentTestFailed())
                return;
        }
        struct Net
        {
            const char* name;
            Fault f;
        };
        const Net faults[] = {
            {"Neutron port 409", {u"neutron"_s, u"POST"_s, u"/ports$"_s, u"status"_s, 0, 409}},
            {"Nova create 500", {u"nova"_s, u"POST"_s, u"/servers$"_s, u"status"_s, 0, 500}},
            {"Nova create lost", {u"nova"_s, u"POST"_s, u"/servers$"_s, u"drop"_s, 1, 0, 0, u"after"_s}},
        };
        for (const Net& n : faults) {
            networkCellB(u"Finalize"_s, QString::fromLatin1(n.name), n.f);
            if (QTest::currentTestFailed())
                return;
        }
    }

    // The worker dies after Finalize completed and before the job's end was stored: the next worker
    // completes the job and keeps everything — a completed migration is never undone.
    void killAfterFinalizeCompleted()
    {
        QProcess* w = startWorker(m_b, u"finalize.completed"_s, false);
        QVERIFY(retry(m_b, m_chain));
        QVERIFY(reachedStop(m_b, w, m_chain, u"finalize.completed"_s));
        const JobRecord end = applyKill(m_b, w, m_chain, Kill::Nine);
        const QString instance = instanceOf(m_b, m_chain);
        const QStringList kept = sweep(m_chain, QString());
        Cell c {u"Finalize"_s, u"kill -9 after finalize.completed"_s, stageName(end.stage), false, 0, m_chain};
        const bool hasServer = std::any_of(kept.cbegin(), kept.cend(), [](const QString& s) { return s.startsWith(u"servers: "); });
        const bool hasVolume = std::any_of(kept.cbegin(), kept.cend(), [](const QString& s) { return s.startsWith(u"volumes: "); });
        c.survived = end.stage == Stage::Completed && hasServer && hasVolume
            && eventNames(m_b, m_chain).contains(u"job.recovered"_s);
        m_cells << c;
        QVERIFY2(end.stage == Stage::Completed, qPrintable(migrationlab::eventDump(*m_b.jobs, m_chain)));
        QVERIFY2(eventNames(m_b, m_chain).contains(u"job.recovered"_s), "no job.recovered event");
        QVERIFY2(hasServer && hasVolume, qPrintable(u"the completed migration lost: "_s + kept.join(u"; ")));
        const QList<LedgerEntry> ledger = m_b.jobs->ledger(m_chain).value_or(QList<LedgerEntry>());
        QVERIFY(!ledger.isEmpty());
        for (const LedgerEntry& e : ledger)
            QVERIFY2(e.state != u"deleted", qPrintable(e.kind + u" " + e.name + u" was deleted"));
        // The instance and its volumes stay; the lab's quota is freed for the tests after this one.
        migrationlab::LabCloud cloud;
        cloud.removeMigrated(m_b.jobs->job(m_chain).value());
        QVERIFY(!instance.isEmpty());
    }

    // No secret in anything the matrix's jobs left (stores, WALs, logs, events), nor in the argv or the
    // environment of any process the workers started while they ran.
    void secretsScan()
    {
        m_scan.stop();
        qInfo().noquote() << u"secrets scan: %1 process snapshots of %2"_s.arg(m_scannedProcesses)
                                 .arg(QStringList(m_scannedCommands.cbegin(), m_scannedCommands.cend()).join(u", "));
        QVERIFY2(m_scannedCommands.contains(u"virt-v2v"_s) || m_scannedCommands.contains(u"nbdkit"_s),
                 "the scan never saw the converter running");
        QVERIFY2(m_secretsFound.isEmpty(), qPrintable(m_secretsFound.join(u", ")));
        for (const Bench* b : {&m_a, &m_b}) {
            const QStringList files = filesWithSecrets(b->home.path());
            QVERIFY2(files.isEmpty(), qPrintable(u"a password is in "_s + files.join(u", ")));
        }
        for (const Cell& c : std::as_const(m_cells)) {
            const Bench& b = c.id == m_chain ? m_b : m_a;
            for (const EventRecord& e : b.jobs->events(c.id).value_or(QList<EventRecord>()))
                for (const QByteArray& secret : labSecrets())
                    QVERIFY2(!QJsonDocument(e.data).toJson().contains(secret) && !e.message.toUtf8().contains(secret),
                             qPrintable(e.name));
        }
    }

    // The matrix ran over the same two VMs: their disks are byte-for-byte what they were.
    void sourcesUntouched()
    {
        QCOMPARE(vspherelab::vmFileHashes(m_a.vm), m_sourceA);
        QCOMPARE(vspherelab::vmFileHashes(m_b.vm), m_sourceB);
    }

private:
    QProcess* m_chainWorker = nullptr;
};

QTEST_GUILESS_MAIN(TestFaultMatrix)
#include "tst_faultmatrix.moc"
