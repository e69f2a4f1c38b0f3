#include "guestfsenv.h"

#include "common/errorcodes.h"
#include "common/paths.h"
#include "common/text.h"

#include <QCoreApplication>
#include <QDir>
#include <QFileInfo>
#include <QProcess>
#include <QStandardPaths>
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

bool kvmBroken()
{
    static const bool broken = [] {
        if (qEnvironmentVariableIsSet("LIBGUESTFS_BACKEND_SETTINGS") || access("/dev/kvm", R_OK | W_OK) != 0)
            return false; // the user decided, or libguestfs falls back to TCG by itself
        const QString qemu = QStandardPaths::findExecutable(QStringLiteral("qemu-system-x86_64"));
        if (qemu.isEmpty())
            return false;
        QProcess probe;
        probe.setProcessChannelMode(QProcess::MergedChannels);
        // -S: the CPU never runs; a host that cannot run KVM guests aborts while setting the vCPU up.
        probe.start(qemu,
                    {QStringLiteral("-machine"), QStringLiteral("accel=kvm"), QStringLiteral("-cpu"),
                     QStringLiteral("host"), QStringLiteral("-display"), QStringLiteral("none"),
                     QStringLiteral("-nodefaults"), QStringLiteral("-m"), QStringLiteral("64"), QStringLiteral("-S")});
        if (!probe.waitForStarted(5000))
            return false;
        if (probe.waitForFinished(1500))
            return true; // QEMU gave up at once
        probe.kill();
        probe.waitForFinished(2000);
        return false;
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
