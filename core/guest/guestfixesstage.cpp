#include "guestfixesstage.h"

#include "common/errorcodes.h"
#include "common/logging.h"
#include "common/text.h"
#include "guest/guestfsenv.h"
#include "guest/libvirtxml.h"
#include "guest/processtree.h"

#include <QCoreApplication>
#include <QDateTime>
#include <QDir>
#include <QFileInfo>
#include <QStandardPaths>
#include <QUuid>
#include <algorithm>
#include <signal.h>
#include <sys/prctl.h>
#include <unistd.h>

namespace xms {

namespace {
constexpr qsizetype kMaxLogText = 4 << 20; // the tail kept in memory for error mapping
constexpr int kPollMs = 100;
constexpr int kGiveUpMs = 15000; // after SIGKILL nothing should survive this long
constexpr const char* kWorkDirVar = "XMS_GUEST_FIXES_WORKDIR"; // finds an earlier attempt's processes

QString findProgram(const QString& program)
{
    if (program.contains(u'/'))
        return QFileInfo(program).isExecutable() ? program : QString();
    return QStandardPaths::findExecutable(program);
}
} // namespace

Status checkWindowsDrivers(const QString& osType, const QString& virtioWin)
{
    if (osType != u"windows")
        return {};
    const QString path = virtioWin.isEmpty() ? qEnvironmentVariable("VIRTIO_WIN") : virtioWin;
    const QString where = QStringLiteral("https://fedorapeople.org/groups/virt/virtio-win/direct-downloads/"
                                         "stable-virtio/virtio-win.iso");
    if (path.isEmpty()) {
        return fail(errc::kGuestVirtioWinMissing,
                    Text::translate(
                        "xms",
                        "This VM runs Windows, which needs VirtIO drivers to boot on Xloud. Download virtio-win.iso "
                        "(%1) and point the \"VirtIO drivers for Windows\" setting, the --virtio-win option or the "
                        "VIRTIO_WIN environment variable at it.")
                        .toString()
                        .arg(where));
    }
    if (!QFileInfo::exists(path)) {
        return fail(
            errc::kGuestVirtioWinMissing,
            Text::translate("xms",
                            "The VirtIO drivers for Windows are configured as %1, which does not exist. Download "
                            "virtio-win.iso (%2) and point the setting at it.")
                .toString()
                .arg(path, where));
    }
    return {};
}

GuestFixesStage::GuestFixesStage(GuestFixesRequest request, QObject* parent)
    : QObject(parent)
    , m_request(std::move(request))
    , m_marker("XMS_GUEST_FIXES_RUN=" + QUuid::createUuid().toByteArray(QUuid::WithoutBraces))
{
    m_killTimer.setInterval(kPollMs);
    m_silenceTimer.setSingleShot(true);
    m_silenceTimer.setInterval(m_request.silenceLimitMs);
    connect(&m_silenceTimer, &QTimer::timeout, this, [this] { onStalled(Stall::Silence); });
    m_launchTimer.setSingleShot(true);
    m_launchTimer.setInterval(m_request.launchLimitMs);
    connect(&m_launchTimer, &QTimer::timeout, this, [this] { onStalled(Stall::Launch); });
    if (m_request.logFile.isEmpty() && !m_request.workDir.isEmpty())
        m_request.logFile = QDir::cleanPath(m_request.workDir) + u".log";
}

GuestFixesStage::~GuestFixesStage()
{
    if (!m_running)
        return;
    // Being destroyed mid-run: no time for politeness. QProcess's destructor then reaps virt-v2v.
    if (m_process && m_process->processId() > 0)
        ::kill(-pid_t(m_process->processId()), SIGKILL);
    proc::killAll(proc::withEnvironmentEntry(m_marker), SIGKILL);
    removeScratch();
}

qint64 GuestFixesStage::converterPid() const
{
    return (m_step == Step::Convert && m_process) ? m_process->processId() : 0;
}

void GuestFixesStage::start()
{
    if (m_running)
        return;
    m_running = true;
    m_clock.start();
    if (Status st = prepare(); !st) {
        const Error e = st.error();
        QTimer::singleShot(0, this, [this, e] {
            removeScratch();
            finish(std::unexpected(e));
        });
        return;
    }
    m_step = Step::Overlays;
    nextOverlay();
}

Error GuestFixesStage::cancelledError()
{
    return Error::make(
        errc::kJobCancelled,
        Text::translate("xms", "Guest Fixes was cancelled; the staging images are unchanged.").toString());
}

Error GuestFixesStage::stopError() const
{
    return m_stopError ? *m_stopError : cancelledError();
}

void GuestFixesStage::startAhead()
{
    m_awaitingPlan = true;
    start();
}

void GuestFixesStage::setPlan(const QString& osType, const QList<NicPin>& pins)
{
    if (!m_awaitingPlan)
        return;
    m_awaitingPlan = false;
    m_request.osType = osType;
    m_request.pins = pins;
    if (!m_running || m_cancelled || m_step == Step::Stopping || m_step == Step::Done)
        return;
    if (Status w = checkWindowsDrivers(osType, m_request.virtioWin); !w) {
        m_stopError = w.error(); // stopped like a cancel, ending with this error instead
        return cancel();
    }
    if (m_step == Step::AwaitPlan)
        afterConversion();
}

void GuestFixesStage::cancel()
{
    if (!m_running || m_cancelled)
        return;
    m_cancelled = true;
    qCInfo(lcGuest) << "guest fixes: cancel requested in step" << int(m_step);
    // A commit is short and must not be torn (it would leave a half-written staging image): it finishes,
    // then the stage reports the cancel.
    if (m_step == Step::Overlays || m_step == Step::Convert || m_step == Step::Pin)
        stopTree();
    else if (m_step == Step::AwaitPlan)
        finishWhenTreeGone(stopError());
    else if (m_step == Step::Verify && m_verifier)
        m_verifier->cancel(); // its finished() reports the cancel
}

Status GuestFixesStage::prepare()
{
    if (Status w = checkWindowsDrivers(m_request.osType, m_request.virtioWin); !w)
        return w;
    if (m_request.disks.isEmpty() || m_request.workDir.isEmpty())
        return fail(
            errc::kGuestInternal,
            Text::translate("xms::GuestFixesStage", "Guest Fixes needs the staging images and a work directory.")
                .toString());
    for (const QString& d : m_request.disks) {
        const QFileInfo fi(d);
        if (!fi.exists() || !fi.isWritable()) {
            return fail(errc::kGuestDiskMissing,
                        Text::translate("xms::GuestFixesStage",
                                        "The staging image %1 is missing or not writable. Run the Export stage again.")
                            .toString()
                            .arg(d));
        }
    }
    if (findProgram(m_request.program).isEmpty()) {
        return fail(
            errc::kGuestV2vMissing,
            Text::translate("xms::GuestFixesStage",
                            "%1 is not installed. Install virt-v2v 2.2 or later with nbdkit and nbdcopy (Debian 12: "
                            "apt-get install virt-v2v nbdkit libnbd-bin), then retry.")
                .toString()
                .arg(m_request.program));
    }
    if (findProgram(m_request.qemuImg).isEmpty()) {
        return fail(
            errc::kGuestQemuImgMissing,
            Text::translate("xms::GuestFixesStage",
                            "qemu-img is not installed. Install it (Debian: apt-get install qemu-utils), then retry.")
                .toString());
    }
    if (Status k = guestfs::checkHostKernel(); !k)
        return k;
    // Leftovers of an attempt this process did not see end (it crashed): its processes, then its files.
    const QList<pid_t> stale
        = proc::withEnvironmentEntry(QByteArray(kWorkDirVar) + '=' + QDir(m_request.workDir).absolutePath().toUtf8());
    if (!stale.isEmpty()) {
        qCWarning(lcGuest) << "guest fixes: killing processes of an earlier attempt" << stale;
        proc::killAll(stale, SIGKILL);
    }
    QDir work(m_request.workDir);
    work.removeRecursively();
    if (!QDir().mkpath(m_request.workDir)) {
        return fail(errc::kGuestWorkdirUnavailable,
                    Text::translate("xms::GuestFixesStage",
                                    "Cannot create %1. Check the staging directory's permissions and free space.")
                        .toString()
                        .arg(m_request.workDir));
    }
    // Unix socket paths are limited to 108 bytes: virt-v2v's sockets go to a short directory in /tmp.
    m_tmp = std::make_unique<QTemporaryDir>(QDir::tempPath() + u"/xms-v2v-XXXXXX");
    if (!m_tmp->isValid()) {
        return fail(errc::kGuestTmpUnavailable,
                    Text::translate("xms::GuestFixesStage",
                                    "Cannot create a temporary directory in %1. Free some space there or set TMPDIR.")
                        .toString()
                        .arg(QDir::tempPath()));
    }
    m_log.setFileName(m_request.logFile);
    if (!m_log.open(QIODevice::WriteOnly | QIODevice::Append)) {
        return fail(errc::kGuestLogUnavailable,
                    Text::translate("xms::GuestFixesStage", "Cannot write the Guest Fixes log %1.")
                        .toString()
                        .arg(m_request.logFile),
                    m_log.errorString());
    }
    log("=== " + QDateTime::currentDateTime().toString(Qt::ISODate).toUtf8() + " guest fixes of "
        + m_request.disks.join(u", ").toUtf8());
    return {};
}

void GuestFixesStage::runTool(const QString& program, const QStringList& args,
                              void (GuestFixesStage::*onDone)(int, QProcess::ExitStatus), bool converter)
{
    auto* p = new QProcess(this);
    m_process = p;
    m_toolOutput.clear();
    if (converter) {
        connect(p, &QProcess::readyReadStandardOutput, this, [this] { onConverterOutput(QProcess::StandardOutput); });
        connect(p, &QProcess::readyReadStandardError, this, [this] { onConverterOutput(QProcess::StandardError); });
    } else { // qemu-img: its few lines only matter when it fails
        p->setProcessChannelMode(QProcess::MergedChannels);
        connect(p, &QProcess::readyRead, this, [this, p] { m_toolOutput += p->readAll(); });
    }
    QProcessEnvironment env = guestfs::toolEnvironment();
    env.insert(QString::fromLatin1(m_marker.left(m_marker.indexOf('='))),
               QString::fromLatin1(m_marker.mid(m_marker.indexOf('=') + 1)));
    env.insert(QStringLiteral("LC_ALL"), QStringLiteral("C.UTF-8")); // the error mapping reads English
    env.insert(QStringLiteral("TMPDIR"), m_tmp->path());
    env.insert(QStringLiteral("VIRT_V2V_TMPDIR"), m_tmp->path());
    const QString virtioWin = m_request.virtioWin.isEmpty() ? qEnvironmentVariable("VIRTIO_WIN") : m_request.virtioWin;
    if (!virtioWin.isEmpty())
        env.insert(QStringLiteral("VIRTIO_WIN"), virtioWin);
    env.insert(QString::fromLatin1(kWorkDirVar), QDir(m_request.workDir).absolutePath());
    p->setProcessEnvironment(env); // copies env: everything the children carry is set above
    // Its own session and process group: cancel signals the whole tree at once, and no terminal is
    // there for virt-v2v to prompt on. If this process dies, virt-v2v gets SIGTERM and stops its children.
    p->setChildProcessModifier([] {
        ::setsid();
        ::prctl(PR_SET_PDEATHSIG, SIGTERM);
    });
    connect(p, &QProcess::finished, this, [this, p, onDone](int code, QProcess::ExitStatus status) {
        p->deleteLater();
        (this->*onDone)(code, status);
    });
    connect(p, &QProcess::errorOccurred, this, [this, p, onDone](QProcess::ProcessError error) {
        if (error != QProcess::FailedToStart)
            return; // crashes also emit finished()
        m_toolOutput = p->errorString().toUtf8();
        p->deleteLater();
        (this->*onDone)(-1, QProcess::CrashExit);
    });
    log("$ " + program.toUtf8() + ' ' + args.join(u' ').toUtf8());
    p->start(program, args);
}

QString GuestFixesStage::toolError(const QString& what) const
{
    return what + u": " + QString::fromUtf8(m_toolOutput).trimmed();
}

void GuestFixesStage::nextOverlay()
{
    if (m_cancelled)
        return finishWhenTreeGone(stopError());
    if (m_index == m_request.disks.size())
        return startConversion();
    const QString overlay = QDir(m_request.workDir).filePath(QStringLiteral("disk-%1.qcow2").arg(m_index));
    m_overlays.append(overlay);
    runTool(m_request.qemuImg,
            {QStringLiteral("create"), QStringLiteral("-q"), QStringLiteral("-f"), QStringLiteral("qcow2"),
             QStringLiteral("-b"), QFileInfo(m_request.disks[m_index]).absoluteFilePath(), QStringLiteral("-F"),
             m_request.format, overlay},
            &GuestFixesStage::onOverlayCreated);
}

void GuestFixesStage::onOverlayCreated(int exitCode, QProcess::ExitStatus status)
{
    if (m_cancelled)
        return finishWhenTreeGone(stopError());
    if (status != QProcess::NormalExit || exitCode != 0) {
        return finishWhenTreeGone(Error::make(
            errc::kGuestOverlayFailed,
            Text::translate("xms::GuestFixesStage", "Could not create a working overlay of %1. Check free space in %2.")
                .toString()
                .arg(m_request.disks[m_index], m_request.workDir),
            toolError(m_request.qemuImg)));
    }
    ++m_index;
    nextOverlay();
}

void GuestFixesStage::startConversion()
{
    QList<LibvirtDisk> disks;
    for (const QString& o : std::as_const(m_overlays))
        disks.append({o, QStringLiteral("qcow2")});
    const QString xmlPath = QDir(m_request.workDir).filePath(QStringLiteral("domain.xml"));
    QFile xml(xmlPath);
    if (!xml.open(QIODevice::WriteOnly) || xml.write(libvirtDomainXml(m_request.vmName, disks, m_request.firmware)) < 0
        || !xml.flush()) {
        return finishWhenTreeGone(Error::make(
            errc::kGuestWorkdirUnavailable,
            Text::translate("xms::GuestFixesStage", "Cannot write %1. Check free space in the staging directory.")
                .toString()
                .arg(xmlPath),
            xml.errorString()));
    }
    xml.close();
    m_step = Step::Convert;
    ++m_launches;
    m_convertClock.start();
    emit progress(
        1,
        guestfs::applianceCached()
            ? Text::translate("xms::GuestFixesStage", "Starting virt-v2v").toString()
            : Text::translate("xms::GuestFixesStage",
                              "Building the libguestfs appliance (first run only; this takes a minute or two)")
                  .toString());
    runTool(m_request.program,
            {QStringLiteral("--machine-readable"), QStringLiteral("-i"), QStringLiteral("libvirtxml"), xmlPath},
            &GuestFixesStage::onConverted, true);
    m_silenceTimer.start();
}

void GuestFixesStage::onConverterOutput(QProcess::ProcessChannel channel)
{
    QProcess* p = m_process;
    if (!p)
        return;
    p->setReadChannel(channel);
    const bool atEnd = p->state() == QProcess::NotRunning;
    if (!atEnd && m_stall == Stall::None)
        m_silenceTimer.start();
    while (p->canReadLine() || (atEnd && p->bytesAvailable() > 0)) {
        const QByteArray line = p->canReadLine() ? p->readLine() : p->readAll();
        log(line.trimmed());
        if (channel == QProcess::StandardError)
            continue;
        const V2vLine parsed = parseV2vLine(line);
        if (parsed.kind == V2vLine::Kind::Message && m_stall == Stall::None) {
            if (parsed.text.startsWith(u"Opening the source"))
                m_launchTimer.start();
            else
                m_launchTimer.stop();
        }
        if (m_progress.feed(parsed))
            emit progress(m_progress.percent(), m_progress.message());
    }
}

void GuestFixesStage::onConverted(int exitCode, QProcess::ExitStatus status)
{
    onConverterOutput(QProcess::StandardOutput);
    onConverterOutput(QProcess::StandardError);
    m_conversionMs = m_convertClock.elapsed();
    log("=== virt-v2v exited with " + QByteArray::number(exitCode) + (status == QProcess::CrashExit ? " (killed)" : "")
        + " after " + QByteArray::number(m_conversionMs / 1000) + " s");
    m_silenceTimer.stop();
    m_launchTimer.stop();
    if (m_cancelled)
        return finishWhenTreeGone(stopError());
    if (m_stall == Stall::Launch && m_launches < 2)
        return restartWhenTreeGone();
    if (m_stall != Stall::None)
        return finishWhenTreeGone(stalledError());
    if (status != QProcess::NormalExit || exitCode != 0) {
        QStringList errors = m_progress.errors();
        if (exitCode == -1 && !m_toolOutput.isEmpty())
            errors.append(QString::fromUtf8(m_toolOutput));
        return finishWhenTreeGone(mapV2vFailure(errors, m_logText, m_request.logFile));
    }
    if (m_awaitingPlan) {
        m_step = Step::AwaitPlan;
        log("=== waiting for the inspection before pinning and committing");
        return;
    }
    afterConversion();
}

void GuestFixesStage::afterConversion()
{
    if (!m_request.pins.isEmpty())
        return startPinning();
    startCommit();
}

// One guestfish run writes the .link files into the converted overlays (the guest's own file systems,
// mounted as its fstab says). Its appliance boot is the price of keeping the names: it runs only when a
// NIC needs a pin.
void GuestFixesStage::startPinning()
{
    m_step = Step::Pin;
    QByteArray script = "mkdir-p /etc/systemd/network\n";
    int n = 0;
    for (const NicPin& pin : std::as_const(m_request.pins)) {
        for (const GuestFile& f : pin.linkFiles()) {
            const QString local = QDir(m_request.workDir).filePath(QStringLiteral("pin-%1.link").arg(++n));
            QFile out(local);
            if (!out.open(QIODevice::WriteOnly) || out.write(f.text) != f.text.size() || !out.flush())
                return finishWhenTreeGone(
                    Error::make(errc::kGuestWorkdirUnavailable,
                                Text::translate("xms::GuestFixesStage",
                                                "Cannot write %1. Check free space in the staging directory.")
                                    .toString()
                                    .arg(local),
                                out.errorString()));
            script += "upload " + local.toUtf8() + ' ' + f.path.toUtf8() + '\n';
            m_changes.append(Text::translate("xms::GuestFixesStage", "wrote %1: %2 keeps the name %3 (%4)")
                                 .toString()
                                 .arg(f.path, pin.label, pin.name, pin.reason));
        }
    }
    const QString scriptPath = QDir(m_request.workDir).filePath(QStringLiteral("pins.guestfish"));
    QFile sf(scriptPath);
    if (!sf.open(QIODevice::WriteOnly) || sf.write(script) != script.size() || !sf.flush())
        return finishWhenTreeGone(Error::make(errc::kGuestWorkdirUnavailable,
                                              Text::translate("xms::GuestFixesStage",
                                                              "Cannot write %1. Check free space in the staging "
                                                              "directory.")
                                                  .toString()
                                                  .arg(scriptPath),
                                              sf.errorString()));
    sf.close();
    QStringList args {QStringLiteral("--rw"), QStringLiteral("--format=qcow2")};
    for (const QString& o : std::as_const(m_overlays))
        args << QStringLiteral("-a") << o;
    args << QStringLiteral("-i") << QStringLiteral("-f") << scriptPath;
    emit progress(95, Text::translate("xms::GuestFixesStage", "Keeping the network interface names").toString());
    log("=== pinning interface names: " + script.trimmed().replace('\n', "; "));
    m_launchTimer.start(); // guestfish is silent: a hung appliance is caught by the launch limit
    runTool(m_request.guestfish, args, &GuestFixesStage::onPinned);
}

void GuestFixesStage::onPinned(int exitCode, QProcess::ExitStatus status)
{
    m_launchTimer.stop();
    log(m_toolOutput.trimmed());
    if (m_cancelled)
        return finishWhenTreeGone(stopError());
    if (m_stall != Stall::None)
        return finishWhenTreeGone(stalledError());
    if (status != QProcess::NormalExit || exitCode != 0) {
        return finishWhenTreeGone(Error::make(
            errc::kGuestPinFailed,
            Text::translate("xms::GuestFixesStage",
                            "Could not write the network interface names into the converted guest. The staging images "
                            "are unchanged; see the Guest Fixes log %1, then retry.")
                .toString()
                .arg(m_request.logFile),
            toolError(m_request.guestfish)));
    }
    startCommit();
}

void GuestFixesStage::startCommit()
{
    m_step = Step::Commit;
    m_index = 0;
    nextCommit();
}

void GuestFixesStage::nextCommit()
{
    if (m_index == m_overlays.size()) {
        if (m_cancelled) // asked during the commit, which had to complete
            return finishWhenTreeGone(stopError());
        if (m_request.verifyBoot)
            return startBootVerification();
        return succeed();
    }
    emit progress(96 + 3 * m_index / int(m_overlays.size()),
                  Text::translate("xms::GuestFixesStage", "Writing the changes into staging image %1 of %2")
                      .toString()
                      .arg(m_index + 1)
                      .arg(m_overlays.size()));
    runTool(m_request.qemuImg,
            {QStringLiteral("commit"), QStringLiteral("-q"), QStringLiteral("-d"), m_overlays[m_index]},
            &GuestFixesStage::onCommitted);
}

void GuestFixesStage::succeed()
{
    GuestFixesResult r;
    r.logFile = m_request.logFile;
    r.warnings = m_progress.warnings();
    r.guestAgentAtFirstBoot = m_progress.guestAgentAtFirstBoot();
    r.conversionMs = m_conversionMs;
    r.changes = m_changes;
    r.boot = m_boot;
    r.elapsedMs = m_clock.elapsed();
    log("=== guest fixes done in " + QByteArray::number(r.elapsedMs / 1000) + " s");
    removeScratch();
    emit progress(100, Text::translate("xms::GuestFixesStage", "The guest is converted to VirtIO").toString());
    return finish(r);
}

// The converted staging images booted on throwaway overlays, on the target's virtual hardware and an
// isolated network: only a guest that brings its network up with the expected identity goes to Xloud.
void GuestFixesStage::startBootVerification()
{
    m_step = Step::Verify;
    BootVerifyRequest b;
    b.disks = m_request.disks;
    b.format = m_request.format;
    b.firmware = m_request.firmware == Firmware::Uefi ? Firmware::Uefi : Firmware::Bios;
    b.nics = m_request.bootNics;
    b.workDir = QDir(m_request.workDir).filePath(QStringLiteral("boot"));
    b.keepDir = m_request.evidenceDir;
    b.markerEnv = m_marker;
    b.qemuImg = m_request.qemuImg;
    b.kvm = m_request.bootKvm;
    if (m_request.bootDeadlineMs > 0)
        b.deadlineMs = m_request.bootDeadlineMs;
    if (m_request.bootAfterLoginMs > 0)
        b.afterLoginMs = m_request.bootAfterLoginMs;
    auto* verifier = new BootVerifier(b, this);
    m_verifier = verifier;
    connect(verifier, &BootVerifier::progress, this, [this](const QString& message) {
        log("=== " + message.toUtf8());
        emit progress(99, message);
    });
    connect(verifier, &BootVerifier::finished, this, [this, verifier](const Result<BootVerifyResult>& r) {
        verifier->deleteLater();
        if (m_cancelled)
            return finishWhenTreeGone(stopError());
        if (!r) {
            log("=== boot verification failed: " + r.error().message.toUtf8() + "\n" + r.error().detail.toUtf8());
            return finishWhenTreeGone(r.error());
        }
        m_boot = *r;
        log("=== boot verified after " + QByteArray::number(r->elapsedMs / 1000)
            + " s: " + r->seen.join(u"; ").toUtf8());
        succeed();
    });
    log("=== verifying the boot");
    verifier->start();
}

void GuestFixesStage::onCommitted(int exitCode, QProcess::ExitStatus status)
{
    if (status != QProcess::NormalExit || exitCode != 0) {
        return finishWhenTreeGone(Error::make(
            errc::kGuestCommitFailed,
            Text::translate(
                "xms::GuestFixesStage",
                "Could not write the converted guest into the staging image %1, which may now be damaged. Check "
                "free space, then run the migration again from Export.")
                .toString()
                .arg(m_request.disks[m_index]),
            toolError(m_request.qemuImg)));
    }
    ++m_index;
    nextCommit();
}

void GuestFixesStage::stopTree()
{
    if (m_process && m_process->processId() > 0)
        ::kill(-pid_t(m_process->processId()), SIGTERM); // virt-v2v cleans up nbdkit/QEMU on SIGTERM
    proc::killAll(proc::withEnvironmentEntry(m_marker), SIGTERM);
    m_stopClock.start();
    disconnect(&m_killTimer, nullptr, this, nullptr);
    connect(&m_killTimer, &QTimer::timeout, this, [this] {
        if (m_stopClock.elapsed() < m_request.killGraceMs)
            return;
        if (m_process && m_process->processId() > 0)
            ::kill(-pid_t(m_process->processId()), SIGKILL);
        proc::killAll(proc::withEnvironmentEntry(m_marker), SIGKILL);
    });
    m_killTimer.start();
}

Error GuestFixesStage::stalledError() const
{
    const QString message = m_stall == Stall::Launch
        ? Text::translate(
              "xms::GuestFixesStage",
              "virt-v2v's appliance did not start within %1 min, twice. The host is probably overloaded (without "
              "KVM the appliance is emulated and slow): run fewer migrations at once or enable KVM, then retry. "
              "The staging images are unchanged.")
              .toString()
              .arg(std::max(1, m_request.launchLimitMs / 60000))
        : Text::translate("xms::GuestFixesStage",
                          "virt-v2v printed nothing for %1 min and was stopped: its appliance has probably hung, which "
                          "happens on an overloaded host without KVM. The staging images are unchanged; run fewer "
                          "migrations at once or enable KVM, then retry.")
              .toString()
              .arg(std::max(1, m_request.silenceLimitMs / 60000));
    return Error::make(errc::kGuestConverterStalled, message, m_request.logFile);
}

void GuestFixesStage::onStalled(Stall why)
{
    if ((m_step != Step::Convert && m_step != Step::Pin) || m_cancelled || m_stall != Stall::None)
        return;
    m_stall = why;
    const int limitMs = why == Stall::Launch ? m_request.launchLimitMs : m_request.silenceLimitMs;
    log("=== virt-v2v "
        + QByteArray(why == Stall::Launch ? "did not start its appliance within " : "printed nothing for ")
        + QByteArray::number(limitMs / 1000) + " s: stopping it");
    qCWarning(lcGuest) << "guest fixes: virt-v2v stalled" << (why == Stall::Launch ? "starting its appliance" : "")
                       << "after" << limitMs << "ms; stopping it";
    stopTree();
}

void GuestFixesStage::restartWhenTreeGone()
{
    m_step = Step::Stopping;
    whenTreeGone([this] {
        // Fresh overlays: whatever the stopped run wrote into them is gone; the staging images never changed.
        for (const QString& o : std::as_const(m_overlays))
            QFile::remove(o);
        m_overlays.clear();
        m_index = 0;
        m_stall = Stall::None;
        m_progress = V2vProgress();
        m_stopClock.invalidate();
        log("=== starting virt-v2v again");
        emit progress(1,
                      Text::translate("xms::GuestFixesStage",
                                      "virt-v2v's appliance did not start within %1 min; starting virt-v2v again")
                          .toString()
                          .arg(std::max(1, m_request.launchLimitMs / 60000)));
        m_step = Step::Overlays;
        nextOverlay();
    });
}

void GuestFixesStage::whenTreeGone(std::function<void()> then)
{
    if (!m_stopClock.isValid())
        m_stopClock.start();
    disconnect(&m_killTimer, nullptr, this, nullptr);
    const auto check = [this, then = std::move(then)] {
        const QList<pid_t> left = proc::withEnvironmentEntry(m_marker);
        if (!left.isEmpty() && m_stopClock.elapsed() < kGiveUpMs) {
            if (m_stopClock.elapsed() >= m_request.killGraceMs)
                proc::killAll(left, SIGKILL);
            return;
        }
        if (!left.isEmpty())
            qCWarning(lcGuest) << "guest fixes: processes survived SIGKILL:" << left;
        m_killTimer.stop();
        QTimer::singleShot(0, this, then); // outside this slot: `then` may reconnect the timer
    };
    connect(&m_killTimer, &QTimer::timeout, this, check);
    m_killTimer.start();
}

void GuestFixesStage::finishWhenTreeGone(const Error& error)
{
    m_step = Step::Stopping;
    m_pendingError = error;
    whenTreeGone([this] {
        removeScratch();
        finish(std::unexpected(m_pendingError));
    });
}

void GuestFixesStage::finish(const Result<GuestFixesResult>& result)
{
    m_step = Step::Done;
    m_running = false;
    m_killTimer.stop();
    m_silenceTimer.stop();
    m_launchTimer.stop();
    if (result)
        qCInfo(lcGuest) << "guest fixes done in" << result->elapsedMs << "ms (virt-v2v" << result->conversionMs
                        << "ms)";
    else if (result.error().is(errc::kJobCancelled))
        qCInfo(lcGuest) << "guest fixes cancelled after" << m_clock.elapsed() << "ms";
    else
        qCWarning(lcGuest).noquote() << "guest fixes failed:" << result.error().code << result.error().message;
    if (!result && !result.error().is(errc::kJobCancelled) && m_log.isOpen())
        log("=== failed: " + result.error().code.toUtf8() + ": " + result.error().message.toUtf8());
    m_log.close();
    emit finished(result);
}

void GuestFixesStage::removeScratch()
{
    if (!m_request.workDir.isEmpty())
        QDir(m_request.workDir).removeRecursively();
    m_tmp.reset();
}

void GuestFixesStage::log(const QByteArray& line)
{
    if (m_log.isOpen()) {
        m_log.write(line);
        m_log.write("\n");
        m_log.flush();
    }
    m_logText += QString::fromUtf8(line);
    m_logText += u'\n';
    if (m_logText.size() > kMaxLogText)
        m_logText.remove(0, m_logText.size() - kMaxLogText / 2);
}

} // namespace xms
