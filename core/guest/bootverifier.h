#pragma once

#include "common/error.h"
#include "guest/guestinfo.h"

#include <QElapsedTimer>
#include <QList>
#include <QObject>
#include <QPointer>
#include <QProcess>
#include <QStringList>
#include <QTimer>
#include <optional>

class QLocalServer;
class QLocalSocket;

namespace xms {

// A NIC as the instance on Xloud will have it.
struct BootNic
{
    QString label; // "Network adapter 1"
    QString mac; // the target MAC, lower case
    QString expectIp; // keep-ip: the address it must answer ARP for; empty: it must ask DHCP
};

struct BootVerifyRequest
{
    QStringList disks; // the converted images; never written (the boot runs on throwaway overlays)
    QString format = QStringLiteral("raw");
    Firmware firmware = Firmware::Bios;
    QList<BootNic> nics;
    QString workDir; // overlays, sockets, console; created fresh, removed at the end
    QString keepDir; // on failure the console log and a screenshot are kept here
    QByteArray markerEnv; // "NAME=value" QEMU carries: the caller's process-tree marker
    QString qemu = QStringLiteral("qemu-system-x86_64");
    QString qemuImg = QStringLiteral("qemu-img");
    int memoryMb = 1024;
    int cpus = 2;
    std::optional<bool> kvm; // unset: KVM when it works here, else TCG
    int deadlineMs = 10 * 60 * 1000; // the whole boot
    // After the console shows a login prompt the network has this long to answer.
    int afterLoginMs = 90 * 1000;
};

struct BootVerifyResult
{
    qint64 elapsedMs = 0;
    bool kvm = false;
    QStringList seen; // per NIC what proved it, for the event
    bool operator==(const BootVerifyResult&) const = default;
};

// Boots the converted guest on the target's virtual hardware (virtio disks, virtio-net NICs with the target
// MACs, the target's firmware) on a network of its own: each NIC's cable ends in this object, nothing
// routes out. It waits until every NIC proves its identity: a DHCP request from its MAC, or for a kept IP
// an ARP answer (XMS asks "who has") or announcement from its MAC with that address. Fails with
// guest.boot_failed (console and screenshot kept) when the guest does not, before the deadline or soon
// after its console offered a login. Asynchronous; QEMU is always stopped.
class BootVerifier : public QObject
{
    Q_OBJECT
public:
    explicit BootVerifier(BootVerifyRequest request, QObject* parent = nullptr);
    ~BootVerifier() override;

    void start();
    void cancel();

signals:
    void progress(const QString& message);
    void finished(const xms::Result<xms::BootVerifyResult>& result);

private:
    struct Wire
    {
        BootNic nic;
        QLocalServer* server = nullptr;
        QPointer<QLocalSocket> socket;
        QByteArray buffer;
        QString proof; // what proved it; empty until then
        QStringList seen; // what else came from its MAC
    };

    Status prepare();
    QStringList qemuArguments() const;
    void onFrames(int index);
    void onFrame(Wire& wire, const QByteArray& frame);
    void onTick();
    void readConsole();
    void fail(const QString& why);
    void keepEvidence();
    void finish(const Result<BootVerifyResult>& result);
    QString consoleTail(int lines) const;
    QString whatWasSeen() const;

    BootVerifyRequest m_request;
    bool m_kvm = false;
    bool m_running = false;
    QList<Wire> m_wires;
    QPointer<QProcess> m_qemu;
    QByteArray m_qemuOutput;
    QTimer m_tick;
    QElapsedTimer m_clock;
    qint64 m_loginAtMs = -1;
    qint64 m_consoleRead = 0;
    QByteArray m_console;
    Error m_failure;
};

} // namespace xms

Q_DECLARE_METATYPE(xms::Result<xms::BootVerifyResult>)
