#pragma once

#include "common/error.h"
#include "guest/bootverifier.h"
#include "guest/guestinfo.h"
#include "guest/nicnames.h"
#include "guest/v2voutput.h"

#include <QElapsedTimer>
#include <QFile>
#include <QObject>
#include <QPointer>
#include <QProcess>
#include <QStringList>
#include <QTemporaryDir>
#include <QTimer>
#include <functional>
#include <memory>

namespace xms {

struct GuestFixesRequest
{
    QStringList disks; // staging images in the VM's disk order; changed in place, and only on success
    QString format = QStringLiteral("raw"); // of every staging image
    Firmware firmware = Firmware::Unknown; // GuestInfo::firmware
    QString osType; // GuestInfo's primary root ("windows" needs virtio-win)
    QString vmName; // names the guest in virt-v2v's messages
    QString virtioWin; // virtio-win ISO or directory; empty: $VIRTIO_WIN
    QString workDir; // scratch (overlays, input XML); created fresh, removed when the stage ends
    QString logFile; // virt-v2v's whole output, appended; kept with the job and named in errors
    QString program = QStringLiteral("virt-v2v-in-place"); // tests point this at a canned-output script
    QString qemuImg = QStringLiteral("qemu-img");
    QString guestfish = QStringLiteral("guestfish");
    // Interface names to keep (planNicNames): written into the converted guest as .link files.
    QList<NicPin> pins;
    // After the commit: boot the converted images (throwaway overlays) and wait for every NIC's identity.
    bool verifyBoot = false;
    QList<BootNic> bootNics;
    QString evidenceDir; // a failed boot's console log and screenshot go here (the job's logs)
    std::optional<bool> bootKvm; // unset: KVM when it works
    int bootDeadlineMs = 0; // 0: BootVerifyRequest's defaults
    int bootAfterLoginMs = 0;
    int killGraceMs = 3000; // SIGTERM to the process group, then SIGKILL after this long
    // virt-v2v with nothing to say for this long has hung (its appliance, under TCG on an overloaded host):
    // the tree is stopped and the stage fails with guest.converter_stalled. Its longest quiet phase, the
    // initramfs rebuild, measured ~8 min under TCG with Debian's default initramfs.
    int silenceLimitMs = 30 * 60 * 1000;
    // virt-v2v stuck in "Opening the source" (its appliance booting: ~60 s under TCG) this long is stopped
    // and started once more on fresh overlays; a second time it fails with guest.converter_stalled.
    int launchLimitMs = 5 * 60 * 1000;
};

struct GuestFixesResult
{
    QString logFile;
    QStringList warnings; // virt-v2v's warnings, for the job's events
    bool guestAgentAtFirstBoot = false; // virt-v2v installs qemu-guest-agent at first boot
    qint64 conversionMs = 0; // virt-v2v alone
    QStringList changes; // what XMS itself changed in the guest, one line each, for events and the report
    BootVerifyResult boot; // elapsedMs 0: not verified
    qint64 elapsedMs = 0; // the whole stage

    bool operator==(const GuestFixesResult&) const = default;
};

// A Windows guest needs VirtIO drivers (a virtio-win ISO): the preflight Block when none is configured or
// the path does not exist. `virtioWin` empty falls back to $VIRTIO_WIN. Other guests always pass.
Status checkWindowsDrivers(const QString& osType, const QString& virtioWin);

// Guest Fixes as an asynchronous stage: virt-v2v-in-place converts the guest to VirtIO. It works on qcow2
// overlays of the staging images, so a failed or cancelled run leaves the images exactly as they were; on
// success the overlays are committed into them (seconds). virt-v2v runs in its own session/process group
// and everything it starts carries a marker in its environment: cancel() ends the whole tree (SIGTERM,
// SIGKILL after killGraceMs), removes the partial output and then emits finished() with "job.cancelled".
// A virt-v2v silent for silenceLimitMs is stopped the same way (guest.converter_stalled); one whose
// appliance does not start within launchLimitMs is stopped and run once more.
// All work is asynchronous on this object's thread (QProcess); nothing blocks the caller.
class GuestFixesStage : public QObject
{
    Q_OBJECT
public:
    explicit GuestFixesStage(GuestFixesRequest request, QObject* parent = nullptr);
    ~GuestFixesStage() override; // kills whatever still runs and removes the scratch files

    void start();
    // Starts the conversion before the rest of the request is known (while Inspect still runs): after
    // virt-v2v it waits for setPlan() before pinning, committing and verifying. Only the conversion's
    // inputs must be final: disks, firmware, virtio-win, work directory.
    void startAhead();
    // The rest of an ahead request (osType checks Windows drivers; pins are written after the conversion).
    void setPlan(const QString& osType, const QList<NicPin>& pins);
    Firmware firmware() const { return m_request.firmware; }
    void cancel();
    static Error cancelledError(); // job.cancelled, as a cancelled stage ends
    bool isRunning() const { return m_running; }
    // The environment entry ("XMS_GUEST_FIXES_RUN=<uuid>") every process of this run carries.
    QByteArray runMarker() const { return m_marker; }
    // virt-v2v's process id while it runs (0 otherwise).
    qint64 converterPid() const;

signals:
    void progress(int percent, const QString& message);
    void finished(const xms::Result<xms::GuestFixesResult>& result);

private:
    enum class Step { Idle, Overlays, Convert, AwaitPlan, Pin, Commit, Verify, Stopping, Done };
    enum class Stall { None, Launch, Silence }; // why a watchdog stopped virt-v2v

    Status prepare();
    void runTool(const QString& program, const QStringList& args,
                 void (GuestFixesStage::*onDone)(int, QProcess::ExitStatus), bool converter = false);
    void nextOverlay();
    void onOverlayCreated(int exitCode, QProcess::ExitStatus status);
    void startConversion();
    void onConverterOutput(QProcess::ProcessChannel channel);
    void onConverted(int exitCode, QProcess::ExitStatus status);
    void startPinning();
    void onPinned(int exitCode, QProcess::ExitStatus status);
    void startCommit();
    void startBootVerification();
    void succeed();
    void afterConversion(); // pins when there are any, then the commit
    void nextCommit();
    void onCommitted(int exitCode, QProcess::ExitStatus status);
    void stopTree(); // SIGTERM now, SIGKILL later, until no marked process remains
    void onStalled(Stall why);
    Error stalledError() const; // guest.converter_stalled, saying which watchdog stopped virt-v2v
    void restartWhenTreeGone();
    void whenTreeGone(std::function<void()> then); // polls until no marked process remains
    void finishWhenTreeGone(const Error& error);
    Error stopError() const; // what a stop (m_cancelled) ends with
    void finish(const Result<GuestFixesResult>& result);
    void removeScratch();
    void log(const QByteArray& line);
    QString toolError(const QString& what) const;

    GuestFixesRequest m_request;
    QByteArray m_marker;
    Step m_step = Step::Idle;
    bool m_running = false;
    bool m_cancelled = false;
    bool m_awaitingPlan = false; // started ahead, setPlan() not called yet
    std::optional<Error> m_stopError; // why the stage stopped itself (else a cancel: job.cancelled)
    Stall m_stall = Stall::None;
    int m_launches = 0; // virt-v2v runs so far
    QPointer<QProcess> m_process;
    QStringList m_overlays;
    int m_index = 0;
    std::unique_ptr<QTemporaryDir> m_tmp; // short path for virt-v2v's sockets and temporary files
    QFile m_log;
    QString m_logText; // this run's output, for error mapping
    QByteArray m_toolOutput;
    V2vProgress m_progress;
    QElapsedTimer m_clock;
    QElapsedTimer m_convertClock;
    qint64 m_conversionMs = 0;
    QStringList m_changes;
    QPointer<BootVerifier> m_verifier;
    BootVerifyResult m_boot;
    QTimer m_killTimer;
    QTimer m_silenceTimer; // restarted by every line virt-v2v prints
    QTimer m_launchTimer; // runs while virt-v2v says "Opening the source"
    QElapsedTimer m_stopClock;
    Error m_pendingError;
};

} // namespace xms

Q_DECLARE_METATYPE(xms::Result<xms::GuestFixesResult>)
