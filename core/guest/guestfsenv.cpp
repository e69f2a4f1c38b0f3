#include "guestfsenv.h"

#include "common/errorcodes.h"
#include "common/logging.h"
#include "common/paths.h"
#include "common/text.h"

#include <QCoreApplication>
#include <QDir>
#include <QFileInfo>
#include <QProcess>
#include <QStandardPaths>
#include <QTemporaryFile>
#include <functional>
#include <unistd.h>

namespace xms::guestfs {

QString applianceCacheDir()
{
    QString dir = qEnvironmentVariable("LIBGUESTFS_CACHEDIR");
    if (dir.isEmpty())
        dir = paths::cacheDir() + u"/libguestfs";
    QDir().mkpath(dir);
    return dir;
}

bool applianceCached()
{
    // supermin's layout: <cachedir>/.guestfs-<euid>/appliance.d/{kernel,initrd,root}.
    const QString d = applianceCacheDir() + u"/.guestfs-" + QString::number(geteuid()) + u"/appliance.d";
    return QFileInfo::exists(d + u"/root") && QFileInfo::exists(d + u"/kernel");
}

Status checkHostKernel(const QString& bootDir)
{
    // A fixed appliance or an explicit kernel makes /boot irrelevant.
    if (qEnvironmentVariableIsSet("SUPERMIN_KERNEL") || qEnvironmentVariableIsSet("LIBGUESTFS_PATH"))
        return {};
    const QFileInfoList kernels = QDir(bootDir).entryInfoList({QStringLiteral("vmlinuz-*")}, QDir::Files);
    if (kernels.isEmpty()) {
        return fail(errc::kGuestNoHostKernel,
                    Text::translate("Guest",
                                    "This workstation has no Linux kernel in %1, and libguestfs builds its "
                                    "helper appliance from it. Install one (Debian/Ubuntu: apt-get install "
                                    "linux-image-generic or linux-image-amd64), then run %2.")
                        .toString()
                        .arg(bootDir, QStringLiteral("libguestfs-test-tool")));
    }
    for (const auto& k : kernels) {
        if (k.isReadable())
            return {};
    }
    return fail(errc::kGuestHostKernelUnreadable,
                Text::translate("Guest",
                                "The kernels in %1 are not readable by this user, and libguestfs needs to "
                                "read one. Make them readable (sudo chmod 0644 %1/vmlinuz-*), then run %2.")
                    .toString()
                    .arg(bootDir, QStringLiteral("libguestfs-test-tool")),
                kernels.first().absoluteFilePath());
}

namespace {

// Runs QEMU under KVM with `args`; true when it exits by itself within timeoutMs and `ok` accepts it.
bool qemuRunsUnderKvm(const QString& qemu, const QStringList& args, int timeoutMs,
                      const std::function<bool(const QProcess&, const QByteArray&)>& ok)
{
    QProcess probe;
    probe.setProcessChannelMode(QProcess::MergedChannels);
    probe.start(qemu,
                QStringList {QStringLiteral("-machine"), QStringLiteral("accel=kvm"), QStringLiteral("-cpu"),
                             QStringLiteral("max"), QStringLiteral("-display"), QStringLiteral("none"),
                             QStringLiteral("-nodefaults"), QStringLiteral("-no-user-config"),
                             QStringLiteral("-no-reboot")}
                    + args);
    if (!probe.waitForStarted(5000))
        return false;
    const bool ended = probe.waitForFinished(timeoutMs);
    if (!ended) {
        probe.kill();
        probe.waitForFinished(2000);
    }
    const QByteArray output = probe.readAll();
    const bool ran = ended && probe.exitStatus() == QProcess::NormalExit && ok(probe, output);
    if (!ran)
        qCInfo(lcGuest).noquote() << "KVM does not run guests here, so libguestfs and QEMU use TCG:"
                                  << (ended ? QString::fromLocal8Bit(output).trimmed().right(300)
                                            : QStringLiteral("the probe guest hung"));
    return ran;
}

QString newestHostKernel()
{
    const QFileInfoList kernels
        = QDir(QStringLiteral("/boot")).entryInfoList({QStringLiteral("vmlinuz-*")}, QDir::Files, QDir::Name);
    for (auto it = kernels.crbegin(); it != kernels.crend(); ++it)
        if (it->isReadable())
            return it->absoluteFilePath();
    return {};
}

} // namespace

bool kvmBroken()
{
    static const bool broken = [] {
        if (qEnvironmentVariableIsSet("LIBGUESTFS_BACKEND_SETTINGS") || access("/dev/kvm", R_OK | W_OK) != 0)
            return false; // the user decided, or libguestfs falls back to TCG by itself
        const QString qemu = QStandardPaths::findExecutable(QStringLiteral("qemu-system-x86_64"));
        if (qemu.isEmpty())
            return false;
        // KVM works when it runs a Linux guest, nothing less: on some hosts QEMU aborts setting the vCPU
        // up; on others a boot sector runs but a kernel never gets anywhere, and the appliance would hang
        // for good. So the probe boots the host's kernel (the one the appliance boots) with no root file
        // system: it panics and QEMU exits (-no-reboot, panic=-1) — in about a second with KVM, 5 s
        // under TCG. Without a readable kernel, a boot sector that asks QEMU to exit with 85
        // (isa-debug-exit: (0x2a << 1) | 1) shows at least that the vCPU runs.
        if (const QString kernel = newestHostKernel(); !kernel.isEmpty()) {
            return !qemuRunsUnderKvm(
                qemu,
                {QStringLiteral("-m"), QStringLiteral("256"), QStringLiteral("-serial"), QStringLiteral("stdio"),
                 QStringLiteral("-kernel"), kernel, QStringLiteral("-append"),
                 QStringLiteral("console=ttyS0 panic=-1 quiet")},
                8000, [](const QProcess&, const QByteArray& out) { return out.contains("Kernel panic"); });
        }
        QTemporaryFile sector(QDir::tempPath() + u"/xms-kvm-probe-XXXXXX.img");
        QByteArray code("\xb0\x2a\xe6\xf4\xf4\xeb\xfd", 7); // mov al,0x2a; out 0xf4,al; hlt; jmp $-1
        code.resize(510, '\0');
        code.append("\x55\xaa", 2);
        if (!sector.open() || sector.write(code) != code.size() || !sector.flush())
            return false;
        return !qemuRunsUnderKvm(qemu,
                                 {QStringLiteral("-m"), QStringLiteral("16"), QStringLiteral("-device"),
                                  QStringLiteral("isa-debug-exit,iobase=0xf4,iosize=0x04"), QStringLiteral("-drive"),
                                  u"file=" + sector.fileName() + u",format=raw,if=ide"},
                                 3000, [](const QProcess& p, const QByteArray&) { return p.exitCode() == 85; });
    }();
    return broken;
}

bool kvmUsable()
{
    return access("/dev/kvm", R_OK | W_OK) == 0 && !kvmBroken()
        && qEnvironmentVariable("LIBGUESTFS_BACKEND_SETTINGS") != u"force_tcg";
}

QProcessEnvironment toolEnvironment()
{
    QProcessEnvironment env = QProcessEnvironment::systemEnvironment();
    if (kvmBroken())
        env.insert(QStringLiteral("LIBGUESTFS_BACKEND_SETTINGS"), QStringLiteral("force_tcg"));
    if (!env.contains(QStringLiteral("LIBGUESTFS_BACKEND")))
        env.insert(QStringLiteral("LIBGUESTFS_BACKEND"), QStringLiteral("direct"));
    env.insert(QStringLiteral("LIBGUESTFS_CACHEDIR"), applianceCacheDir());
    return env;
}

QString testToolAdvice()
{
    return Text::translate("Guest",
                           "Run libguestfs-test-tool to see why libguestfs cannot start (on hosts where "
                           "/dev/kvm exists but fails, set LIBGUESTFS_BACKEND_SETTINGS=force_tcg).")
        .toString();
}

} // namespace xms::guestfs
