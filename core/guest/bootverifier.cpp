#include "bootverifier.h"

#include "common/errorcodes.h"
#include "common/logging.h"
#include "common/text.h"
#include "guest/ethframes.h"
#include "guest/guestfsenv.h"

#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QLocalServer>
#include <QLocalSocket>
#include <QStandardPaths>
#include <QtEndian>

using namespace Qt::StringLiterals;

namespace xms {

namespace {

// The made-up station that asks "who has": locally administered, never a guest's.
const QByteArray kProbeMac = eth::macBytes(QStringLiteral("02:78:6d:73:00:01"));
constexpr int kTickMs = 1000;
constexpr int kScreenshotWaitMs = 4000;

QString ovmf(const char* file)
{
    return QStringLiteral("/usr/share/OVMF/") + QLatin1StringView(file);
}

} // namespace

BootVerifier::BootVerifier(BootVerifyRequest request, QObject* parent)
    : QObject(parent)
    , m_request(std::move(request))
{
    m_tick.setInterval(kTickMs);
    connect(&m_tick, &QTimer::timeout, this, &BootVerifier::onTick);
}

BootVerifier::~BootVerifier()
{
    if (m_qemu && m_qemu->state() != QProcess::NotRunning) {
        m_qemu->disconnect(this);
        m_qemu->kill();
        m_qemu->waitForFinished(3000);
    }
    if (!m_request.workDir.isEmpty())
        QDir(m_request.workDir).removeRecursively();
}

void BootVerifier::start()
{
    if (m_running)
        return;
    m_running = true;
    m_clock.start();
    if (Status s = prepare(); !s) {
        QTimer::singleShot(0, this, [this, e = s.error()] { finish(std::unexpected(e)); });
        return;
    }
    auto* qemu = new QProcess(this);
    m_qemu = qemu;
    qemu->setProcessChannelMode(QProcess::MergedChannels);
    QProcessEnvironment env = QProcessEnvironment::systemEnvironment();
    if (const qsizetype eq = m_request.markerEnv.indexOf('='); eq > 0)
        env.insert(QString::fromLatin1(m_request.markerEnv.left(eq)),
                   QString::fromLatin1(m_request.markerEnv.mid(eq + 1)));
    qemu->setProcessEnvironment(env);
    connect(qemu, &QProcess::readyRead, this, [this, qemu] { m_qemuOutput += qemu->readAll().right(8192); });
    connect(qemu, &QProcess::finished, this, [this](int code, QProcess::ExitStatus) {
        if (!m_running || !m_failure.code.isEmpty())
            return;
        readConsole();
        m_failure = Error::make(errc::kGuestBootFailed,
                                tr("QEMU stopped (exit code %1) before the converted guest proved its network: %2")
                                    .arg(code)
                                    .arg(QString::fromUtf8(m_qemuOutput).trimmed().right(600)),
                                consoleTail(30));
        keepEvidence();
        finish(std::unexpected(m_failure));
    });
    connect(qemu, &QProcess::errorOccurred, this, [this, qemu](QProcess::ProcessError e) {
        if (e != QProcess::FailedToStart || !m_running)
            return;
        finish(
            std::unexpected(Error::make(errc::kGuestBootUnavailable,
                                        tr("Cannot start %1 to verify the boot. Install QEMU (Debian: apt-get install "
                                           "qemu-system-x86), or set Guest Fixes' boot verification to never.")
                                            .arg(m_request.qemu),
                                        qemu->errorString())));
    });
    qCInfo(lcGuest).noquote() << "boot verification:" << m_request.qemu << qemuArguments().join(u' ');
    emit progress(m_kvm ? tr("Booting the converted guest (KVM) to check its network")
                        : tr("Booting the converted guest (emulated, a minute or two) to check its network"));
    qemu->start(m_request.qemu, qemuArguments());
    m_tick.start();
}

Status BootVerifier::prepare()
{
    if (m_request.disks.isEmpty())
        return xms::fail(errc::kGuestNoDisks, tr("There is no disk to boot."));
    if (QStandardPaths::findExecutable(m_request.qemu).isEmpty() && !QFileInfo(m_request.qemu).isExecutable())
        return xms::fail(errc::kGuestBootUnavailable,
                         tr("%1 is not installed, so the converted guest cannot be boot-verified. Install QEMU "
                            "(Debian: apt-get install qemu-system-x86), or set Guest Fixes' boot verification to "
                            "never.")
                             .arg(m_request.qemu));
    if (m_request.firmware == Firmware::Uefi && !QFileInfo::exists(ovmf("OVMF_CODE_4M.fd")))
        return xms::fail(errc::kGuestBootUnavailable,
                         tr("UEFI firmware for QEMU is missing (%1): install it (Debian: apt-get install ovmf), or "
                            "set Guest Fixes' boot verification to never.")
                             .arg(ovmf("OVMF_CODE_4M.fd")));
    m_kvm = m_request.kvm.value_or(guestfs::kvmUsable());
    QDir(m_request.workDir).removeRecursively();
    if (!QDir().mkpath(m_request.workDir))
        return xms::fail(errc::kGuestWorkdirUnavailable,
                         tr("Cannot create %1 for the boot verification. Check the staging directory's free space.")
                             .arg(m_request.workDir));
    const QDir work(m_request.workDir);
    for (qsizetype i = 0; i < m_request.disks.size(); ++i) {
        QProcess img;
        img.setProcessChannelMode(QProcess::MergedChannels);
        img.start(m_request.qemuImg,
                  {QStringLiteral("create"), QStringLiteral("-q"), QStringLiteral("-f"), QStringLiteral("qcow2"),
                   QStringLiteral("-b"), QFileInfo(m_request.disks[i]).absoluteFilePath(), QStringLiteral("-F"),
                   m_request.format, work.filePath(QStringLiteral("boot-%1.qcow2").arg(i))});
        if (!img.waitForFinished(60000) || img.exitStatus() != QProcess::NormalExit || img.exitCode() != 0)
            return xms::fail(errc::kGuestOverlayFailed,
                             tr("Could not create a throwaway overlay of %1 to boot. Check free space in %2.")
                                 .arg(m_request.disks[i], m_request.workDir),
                             QString::fromUtf8(img.readAll()));
    }
    if (m_request.firmware == Firmware::Uefi
        && !QFile::copy(ovmf("OVMF_VARS_4M.fd"), work.filePath(QStringLiteral("OVMF_VARS.fd"))))
        return xms::fail(errc::kGuestWorkdirUnavailable,
                         tr("Cannot copy the UEFI variables template into %1.").arg(m_request.workDir));
    for (qsizetype i = 0; i < m_request.nics.size(); ++i) {
        Wire w;
        w.nic = m_request.nics[i];
        w.server = new QLocalServer(this);
        w.server->setSocketOptions(QLocalServer::UserAccessOption);
        const QString path = work.filePath(QStringLiteral("nic-%1.sock").arg(i));
        if (!w.server->listen(path))
            return xms::fail(errc::kGuestWorkdirUnavailable,
                             tr("Cannot listen on %1 for the boot verification's network.").arg(path),
                             w.server->errorString());
        connect(w.server, &QLocalServer::newConnection, this, [this, i] {
            Wire& wire = m_wires[i];
            wire.socket = wire.server->nextPendingConnection();
            connect(wire.socket, &QLocalSocket::readyRead, this, [this, i] { onFrames(int(i)); });
        });
        m_wires.append(w);
    }
    return {};
}

QStringList BootVerifier::qemuArguments() const
{
    const QDir work(m_request.workDir);
    QStringList a {QStringLiteral("-nodefaults"),
                   QStringLiteral("-no-user-config"),
                   QStringLiteral("-display"),
                   QStringLiteral("none"),
                   QStringLiteral("-vga"),
                   QStringLiteral("std"),
                   QStringLiteral("-no-reboot"),
                   QStringLiteral("-m"),
                   QString::number(m_request.memoryMb),
                   QStringLiteral("-smp"),
                   QString::number(m_request.cpus),
                   QStringLiteral("-accel"),
                   m_kvm ? QStringLiteral("kvm") : QStringLiteral("tcg"),
                   QStringLiteral("-cpu"),
                   m_kvm ? QStringLiteral("host") : QStringLiteral("max"),
                   QStringLiteral("-serial"),
                   u"file:"_s + work.filePath(QStringLiteral("console.log")),
                   QStringLiteral("-qmp"),
                   u"unix:"_s + work.filePath(QStringLiteral("qmp.sock")) + u",server=on,wait=off"_s};
    if (m_request.firmware == Firmware::Uefi) {
        a << QStringLiteral("-machine") << QStringLiteral("q35") << QStringLiteral("-drive")
          << u"if=pflash,format=raw,unit=0,readonly=on,file="_s + ovmf("OVMF_CODE_4M.fd") << QStringLiteral("-drive")
          << u"if=pflash,format=raw,unit=1,file="_s + work.filePath(QStringLiteral("OVMF_VARS.fd"));
    } else {
        a << QStringLiteral("-machine") << QStringLiteral("pc");
    }
    for (qsizetype i = 0; i < m_request.disks.size(); ++i)
        a << QStringLiteral("-drive")
          << u"if=virtio,format=qcow2,cache=unsafe,file="_s + work.filePath(QStringLiteral("boot-%1.qcow2").arg(i));
    for (qsizetype i = 0; i < m_wires.size(); ++i) {
        a << QStringLiteral("-netdev")
          << QStringLiteral("stream,id=n%1,server=off,addr.type=unix,addr.path=%2")
                 .arg(i)
                 .arg(work.filePath(QStringLiteral("nic-%1.sock").arg(i)))
          << QStringLiteral("-device")
          << QStringLiteral("virtio-net-pci,netdev=n%1,mac=%2").arg(i).arg(m_wires[i].nic.mac);
    }
    return a;
}

// QEMU's stream netdev: each frame is preceded by its length, 4 bytes big-endian.
void BootVerifier::onFrames(int index)
{
    Wire& w = m_wires[index];
    if (!w.socket)
        return;
    w.buffer += w.socket->readAll();
    while (w.buffer.size() >= 4) {
        const quint32 len = qFromBigEndian<quint32>(reinterpret_cast<const uchar*>(w.buffer.constData()));
        if (w.buffer.size() < qsizetype(4 + len))
            break;
        const QByteArray frame = w.buffer.mid(4, len);
        w.buffer.remove(0, 4 + len);
        onFrame(w, frame);
        if (!m_running)
            return;
    }
}

void BootVerifier::onFrame(Wire& w, const QByteArray& frame)
{
    const eth::Frame f = eth::classify(frame);
    if (f.source.compare(w.nic.mac, Qt::CaseInsensitive) != 0 || !w.proof.isEmpty())
        return;
    const quint32 expect = eth::ipv4(w.nic.expectIp);
    QString what;
    switch (f.kind) {
    case eth::Frame::Kind::Dhcp:
        what = tr("a DHCP request");
        w.proof = what; // a DHCP guest; with keep-ip Xloud's DHCP hands it its kept address

        break;
    case eth::Frame::Kind::Arp:
        what = f.arpReply ? tr("an ARP answer for %1").arg(eth::ipv4Text(f.ip))
                          : tr("an ARP request from %1").arg(eth::ipv4Text(f.ip));
        if (expect && f.ip == expect)
            w.proof = what;
        break;
    case eth::Frame::Kind::Ipv4:
        what = tr("IPv4 traffic from %1").arg(eth::ipv4Text(f.ip));
        if (expect && f.ip == expect)
            w.proof = what;
        break;
    case eth::Frame::Kind::Ipv6:
        what = tr("IPv6 traffic");
        break;
    case eth::Frame::Kind::Other:
        what = tr("other traffic");
        break;
    }
    if (!w.seen.contains(what))
        w.seen.append(what);
    if (w.proof.isEmpty())
        return;
    qCInfo(lcGuest).noquote() << "boot verification:" << w.nic.label << w.nic.mac << "proved by" << w.proof << "after"
                              << m_clock.elapsed() << "ms";
    for (const Wire& other : std::as_const(m_wires))
        if (other.proof.isEmpty())
            return;
    BootVerifyResult r;
    r.elapsedMs = m_clock.elapsed();
    r.kvm = m_kvm;
    for (const Wire& other : std::as_const(m_wires))
        r.seen.append(tr("%1 (%2): %3").arg(other.nic.label, other.nic.mac, other.proof));
    finish(r);
}

void BootVerifier::onTick()
{
    if (!m_running || !m_failure.code.isEmpty())
        return;
    readConsole();
    for (Wire& w : m_wires) {
        const quint32 expect = eth::ipv4(w.nic.expectIp);
        if (w.proof.isEmpty() && expect && w.socket) {
            QByteArray out(4, '\0');
            const QByteArray frame = eth::arpRequest(kProbeMac, 0, expect);
            qToBigEndian<quint32>(quint32(frame.size()), reinterpret_cast<uchar*>(out.data()));
            w.socket->write(out + frame);
        }
    }
    const qint64 now = m_clock.elapsed();
    if (m_wires.isEmpty() && m_loginAtMs >= 0) { // no NIC to prove: the login prompt is the proof
        BootVerifyResult r;
        r.elapsedMs = now;
        r.kvm = m_kvm;
        r.seen.append(tr("the console offered a login"));
        return finish(r);
    }
    if (m_loginAtMs >= 0 && now - m_loginAtMs > m_request.afterLoginMs)
        return fail(tr("The converted guest booted (its console offered a login after %1 s) but its network did not "
                       "come up within %2 s: %3")
                        .arg(m_loginAtMs / 1000)
                        .arg(m_request.afterLoginMs / 1000)
                        .arg(whatWasSeen()));
    if (now > m_request.deadlineMs)
        return fail(tr("The converted guest did not bring its network up within %1 s of booting: %2")
                        .arg(m_request.deadlineMs / 1000)
                        .arg(whatWasSeen()));
}

void BootVerifier::readConsole()
{
    QFile f(QDir(m_request.workDir).filePath(QStringLiteral("console.log")));
    if (!f.open(QIODevice::ReadOnly) || !f.seek(m_consoleRead))
        return;
    const QByteArray more = f.readAll();
    m_consoleRead += more.size();
    m_console += more;
    if (m_console.size() > 256 * 1024)
        m_console.remove(0, m_console.size() - 128 * 1024);
    if (m_loginAtMs < 0 && m_console.contains(" login:"))
        m_loginAtMs = m_clock.elapsed();
}

QString BootVerifier::whatWasSeen() const
{
    QStringList parts;
    for (const Wire& w : m_wires) {
        if (!w.proof.isEmpty())
            continue;
        const QString wanted = w.nic.expectIp.isEmpty()
            ? tr("a DHCP request")
            : tr("a DHCP request or an answer for %1").arg(w.nic.expectIp.section(u'/', 0, 0));
        parts.append(tr("%1 (MAC %2) never sent %3; seen from its MAC: %4")
                         .arg(w.nic.label, w.nic.mac, wanted, w.seen.isEmpty() ? tr("nothing") : w.seen.join(u", ")));
    }
    return parts.join(u"; ") + u". "_s
        + tr("Its network configuration does not apply on VirtIO (interface names or MACs changed?). Nothing was "
             "created in Xloud; the console log and a screenshot are in %1.")
              .arg(m_request.keepDir);
}

void BootVerifier::fail(const QString& why)
{
    m_failure = Error::make(errc::kGuestBootFailed, why, consoleTail(30));
    qCWarning(lcGuest).noquote() << "boot verification failed:" << why;
    m_tick.stop();
    // A screenshot through QMP, then the evidence is kept and QEMU stopped.
    const QString shot = QDir(m_request.workDir).filePath(QStringLiteral("screen.ppm"));
    auto* qmp = new QLocalSocket(this);
    qmp->connectToServer(QDir(m_request.workDir).filePath(QStringLiteral("qmp.sock")));
    if (qmp->waitForConnected(1000)) {
        qmp->write("{\"execute\":\"qmp_capabilities\"}\n{\"execute\":\"screendump\",\"arguments\":{\"filename\":\""
                   + shot.toUtf8() + "\"}}\n");
        qmp->flush();
    }
    auto* waited = new QElapsedTimer;
    waited->start();
    auto* poll = new QTimer(this);
    connect(poll, &QTimer::timeout, this, [this, poll, waited, qmp, shot] {
        qmp->readAll();
        if (QFileInfo(shot).size() <= 0 && waited->elapsed() < kScreenshotWaitMs)
            return;
        poll->deleteLater();
        qmp->deleteLater();
        delete waited;
        keepEvidence();
        finish(std::unexpected(m_failure));
    });
    poll->start(200);
}

void BootVerifier::keepEvidence()
{
    if (m_request.keepDir.isEmpty() || !QDir().mkpath(m_request.keepDir))
        return;
    const QDir work(m_request.workDir), keep(m_request.keepDir);
    for (const char* name : {"console.log", "screen.ppm"}) {
        const QString to = keep.filePath(QLatin1StringView(name));
        QFile::remove(to);
        QFile::copy(work.filePath(QLatin1StringView(name)), to);
    }
}

QString BootVerifier::consoleTail(int lines) const
{
    const QList<QByteArray> all = m_console.split('\n');
    return QString::fromUtf8(all.mid(std::max<qsizetype>(0, all.size() - lines)).join('\n')).trimmed();
}

void BootVerifier::cancel()
{
    if (!m_running)
        return;
    finish(xms::fail(errc::kJobCancelled, tr("The boot verification was cancelled.")));
}

void BootVerifier::finish(const Result<BootVerifyResult>& result)
{
    if (!m_running)
        return;
    m_running = false;
    m_tick.stop();
    if (m_qemu && m_qemu->state() != QProcess::NotRunning) {
        m_qemu->disconnect(this);
        m_qemu->kill(); // a throwaway boot: nothing to shut down politely
        m_qemu->waitForFinished(5000);
    }
    for (Wire& w : m_wires)
        if (w.server)
            w.server->close();
    QDir(m_request.workDir).removeRecursively();
    emit finished(result);
}

} // namespace xms
