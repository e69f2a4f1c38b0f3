#include "labguest.h"

#include "guest/appliancedeadline.h"
#include "guest/guestfssession.h"

#include <QDir>
#include <QElapsedTimer>
#include <QFile>
#include <QProcess>
#include <QRegularExpression>
#include <algorithm>
#include <guestfs.h>

namespace xms::labguest {

void useLabLibguestfs()
{
    if (!qEnvironmentVariableIsSet("LIBGUESTFS_CACHEDIR")) {
        const QString cache = qEnvironmentVariable("XMS_LAB_CACHE", QStringLiteral("/var/cache/xms-lab"));
        qputenv("LIBGUESTFS_CACHEDIR", (cache + u"/libguestfs").toLocal8Bit());
    }
    if (!qEnvironmentVariableIsSet("LIBGUESTFS_BACKEND_SETTINGS"))
        qputenv("LIBGUESTFS_BACKEND_SETTINGS", "force_tcg");
    QDir().mkpath(qEnvironmentVariable("LIBGUESTFS_CACHEDIR"));
}

Status sparseCopy(const QString& from, const QString& to)
{
    QProcess cp;
    cp.start(QStringLiteral("cp"), {QStringLiteral("--sparse=always"), from, to});
    if (!cp.waitForFinished(600000) || cp.exitCode() != 0)
        return fail(QStringLiteral("test.copy"), QStringLiteral("cp %1 %2 failed").arg(from, to),
                    QString::fromUtf8(cp.readAllStandardError()));
    return {};
}

namespace {
// One appliance with every image added read-only, launched under a deadline: a hung launch (seen under
// TCG on a loaded host) is killed and tried once more, as the product's inspection does.
Status launchReadOnly(GuestfsSession& s, const QStringList& images)
{
    if (auto st = s.open(); !st)
        return st;
    for (const QString& img : images) {
        QProcess info; // the staging copies are raw; boot-check overlays would be qcow2
        info.start(QStringLiteral("qemu-img"), {QStringLiteral("info"), QStringLiteral("--output=json"), img});
        info.waitForFinished();
        const QString format = QString::fromUtf8(info.readAllStandardOutput()).contains(u"\"format\": \"qcow2\"")
            ? QStringLiteral("qcow2")
            : QStringLiteral("raw");
        if (auto st = s.addReadOnly(img, format); !st)
            return st;
    }
    const ApplianceDeadline deadline(std::chrono::minutes(5), [m = s.tmpDir()] { killApplianceOf(m); });
    if (guestfs_launch(s.g) != 0) {
        return fail(deadline.expired() ? QStringLiteral("test.launch_stalled") : QStringLiteral("test.launch"),
                    QStringLiteral("libguestfs launch failed"), s.errorDetail());
    }
    return {};
}
} // namespace

Result<QList<GuestFiles>> readGuestFiles(const QStringList& images, const QString& scratchDir)
{
    auto session = std::make_unique<GuestfsSession>();
    Status launched = launchReadOnly(*session, images);
    if (!launched && launched.error().is(u"test.launch_stalled")) {
        qWarning("libguestfs appliance hung while starting; trying once more");
        session = std::make_unique<GuestfsSession>();
        launched = launchReadOnly(*session, images);
    }
    if (!launched)
        return std::unexpected(launched.error());
    GuestfsSession& s = *session;
    QStringList roots = GuestfsSession::list(guestfs_inspect_os(s.g));
    std::sort(roots.begin(), roots.end());
    if (roots.size() != images.size()) {
        return fail(QStringLiteral("test.roots"),
                    QStringLiteral("expected %1 roots, found %2").arg(images.size()).arg(roots.join(u", ")));
    }
    QList<GuestFiles> out;
    for (qsizetype i = 0; i < roots.size(); ++i) {
        GuestFiles files;
        if (guestfs_mount_ro(s.g, GuestfsSession::c(roots[i]), "/") != 0)
            return fail(QStringLiteral("test.mount"), QStringLiteral("cannot mount %1").arg(roots[i]), s.errorDetail());
        QStringList initrds = GuestfsSession::list(guestfs_ls(s.g, "/boot"))
                                  .filter(QRegularExpression(QStringLiteral("^initrd\\.img-[^ ]*[0-9]-amd64$")));
        std::sort(initrds.begin(), initrds.end());
        if (initrds.isEmpty())
            return fail(QStringLiteral("test.initrd"), QStringLiteral("no /boot/initrd.img-* in %1").arg(images[i]));
        files.initrdName = initrds.last();
        const QString local = QDir(scratchDir).filePath(QStringLiteral("initrd-%1").arg(i));
        const QString status = QDir(scratchDir).filePath(QStringLiteral("dpkg-status-%1").arg(i));
        if (guestfs_download(s.g, GuestfsSession::c(u"/boot/" + files.initrdName), GuestfsSession::c(local)) != 0
            || guestfs_download(s.g, "/var/lib/dpkg/status", GuestfsSession::c(status)) != 0) {
            return fail(QStringLiteral("test.download"), QStringLiteral("download failed"), s.errorDetail());
        }
        guestfs_umount_all(s.g);

        QProcess ls;
        ls.start(QStringLiteral("lsinitramfs"), {local});
        ls.waitForFinished(120000);
        for (const QByteArray& line : ls.readAllStandardOutput().split('\n')) {
            if (line.endsWith(".ko") || line.endsWith(".ko.xz") || line.endsWith(".ko.zst"))
                files.initrdModules.append(QString::fromUtf8(line.mid(line.lastIndexOf('/') + 1)));
        }
        QFile st(status);
        if (st.open(QIODevice::ReadOnly)) {
            // dpkg status: one stanza per package; an installed one says "Status: install ok installed".
            bool inPkg = false;
            for (const QByteArray& line : st.readAll().split('\n')) {
                if (line.startsWith("Package: "))
                    inPkg = line == "Package: open-vm-tools";
                else if (inPkg && line.startsWith("Status: ") && line.endsWith("install ok installed"))
                    files.openVmToolsInstalled = true;
            }
        }
        out.append(files);
    }
    s.close();
    return out;
}

bool hasModule(const GuestFiles& files, const QString& module)
{
    for (const QString& m : files.initrdModules) {
        if (m == module + u".ko" || m.startsWith(module + u".ko."))
            return true;
    }
    return false;
}

Result<bool> ensureEspGrubConfig(const QString& rawImage, const GuestInfo& info, const QString& scratchDir)
{
    quint64 espStart = 0;
    for (const auto& d : info.disks) {
        for (const auto& p : d.partitions) {
            if (p.esp && espStart == 0)
                espStart = p.start;
        }
    }
    QString rootUuid;
    for (const auto& f : info.filesystems) {
        if (f.mountpoint == u"/")
            rootUuid = f.uuid;
    }
    if (espStart == 0 || rootUuid.isEmpty())
        return fail(QStringLiteral("test.esp"), QStringLiteral("no ESP or no root UUID in the inspection result"));
    const QString fat = rawImage + u"@@" + QString::number(espStart);
    const auto mtool = [&](const QString& tool, const QStringList& args, QByteArray* out = nullptr) {
        QProcess p;
        p.setProcessChannelMode(QProcess::MergedChannels);
        p.start(tool, QStringList {QStringLiteral("-i"), fat} + args);
        p.waitForFinished(60000);
        if (out)
            *out = p.readAll();
        return p.exitStatus() == QProcess::NormalExit && p.exitCode() == 0;
    };
    QByteArray listing;
    if (!mtool(QStringLiteral("mdir"), {QStringLiteral("-/"), QStringLiteral("-b"), QStringLiteral("::/EFI")},
               &listing))
        return fail(QStringLiteral("test.esp"), QStringLiteral("mdir failed (is mtools installed?)"),
                    QString::fromUtf8(listing));
    if (listing.toLower().contains("/grub.cfg"))
        return false;
    const QString stub = QDir(scratchDir).filePath(QStringLiteral("esp-grub.cfg"));
    QFile f(stub);
    if (!f.open(QIODevice::WriteOnly))
        return fail(QStringLiteral("test.esp"), QStringLiteral("cannot write %1").arg(stub));
    f.write("search.fs_uuid " + rootUuid.toUtf8()
            + " root\nset prefix=($root)'/boot/grub'\nconfigfile $prefix/grub.cfg\n");
    f.close();
    QByteArray out;
    if (!mtool(QStringLiteral("mmd"), {QStringLiteral("::/EFI/debian")}, &out)
        || !mtool(QStringLiteral("mcopy"), {stub, QStringLiteral("::/EFI/debian/grub.cfg")}, &out))
        return fail(QStringLiteral("test.esp"), QStringLiteral("mtools could not write the ESP"),
                    QString::fromUtf8(out));
    return true;
}

BootResult bootCheckVirtio(const QString& image, const QString& firmware, int timeoutSeconds)
{
    BootResult r;
    QElapsedTimer clock;
    clock.start();
    const QString script = QStringLiteral(XMS_SOURCE_DIR "/tests/lab/guest/boot-check");
    for (r.attempts = 1; r.attempts <= 3; ++r.attempts) {
        QProcess p;
        p.setProcessChannelMode(QProcess::MergedChannels);
        p.start(script,
                {image, QStringLiteral("--firmware"), firmware, QStringLiteral("--disk-bus"), QStringLiteral("virtio"),
                 QStringLiteral("--nic"), QStringLiteral("virtio"), QStringLiteral("--timeout"),
                 QString::number(timeoutSeconds)});
        p.waitForFinished((timeoutSeconds + 120) * 1000);
        r.output += QString::fromUtf8(p.readAll());
        r.ok = p.exitStatus() == QProcess::NormalExit && p.exitCode() == 0;
        // A TCG guest starved of CPU can fail the kernel's timer check before anything guest-specific runs.
        if (r.ok || !r.output.contains(u"IO-APIC + timer doesn't work"))
            break;
        qWarning("boot-check: kernel timer check failed under TCG (host overloaded); retrying");
    }
    r.elapsedMs = clock.elapsed();
    return r;
}

} // namespace xms::labguest
