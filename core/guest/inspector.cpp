#include "inspector.h"

#include "common/errorcodes.h"
#include "common/logging.h"
#include "common/text.h"
#include "guest/appliancedeadline.h"
#include "guest/guestfsenv.h"
#include "guest/guestfssession.h"

#include <QCoreApplication>
#include <QElapsedTimer>
#include <QFileInfo>
#include <QThread>
#include <algorithm>
#include <guestfs.h>
#include <optional>

namespace xms {

void InspectControl::cancel()
{
    m_cancelled = true;
    killAppliance();
}

void InspectControl::setApplianceMarker(const QString& marker)
{
    {
        std::lock_guard lock(m_mutex);
        m_marker = marker;
    }
    if (m_cancelled)
        killAppliance();
}

void InspectControl::killAppliance()
{
    QString marker;
    {
        std::lock_guard lock(m_mutex);
        marker = m_marker;
    }
    killApplianceOf(marker);
}

namespace {

struct Inspection
{
    GuestfsSession& s;
    InspectControl& control;
    GuestInfo info;

    Error failure(const QString& code, const QString& message) const
    {
        if (control.isCancelled())
            return Error::make(errc::kJobCancelled,
                               Text::translate("xms::Inspection", "Inspection was cancelled.").toString());
        return Error::make(code, message, s.errorDetail());
    }

    void readLayout()
    {
        for (const QString& dev : s.list(guestfs_list_devices(s.g))) {
            GuestDisk disk;
            disk.device = dev;
            disk.size = quint64(std::max<int64_t>(0, guestfs_blockdev_getsize64(s.g, s.c(dev))));
            disk.partitionTable = s.str(guestfs_part_get_parttype(s.g, s.c(dev))); // fails without a table
            if (!disk.partitionTable.isEmpty()) {
                if (guestfs_partition_list* parts = guestfs_part_list(s.g, s.c(dev))) {
                    for (uint32_t i = 0; i < parts->len; ++i)
                        disk.partitions.append(partition(disk, parts->val[i]));
                    guestfs_free_partition_list(parts);
                }
            }
            info.disks.append(disk);
        }
        info.lvm.physicalVolumes = s.list(guestfs_pvs(s.g));
        info.lvm.volumeGroups = s.list(guestfs_vgs(s.g));
        info.lvm.logicalVolumes = s.list(guestfs_lvs(s.g));

        const QStringList fs = s.list(guestfs_list_filesystems(s.g)); // device, type, device, type …
        for (qsizetype i = 0; i + 1 < fs.size(); i += 2) {
            GuestFilesystem f;
            f.device = fs[i];
            f.type = fs[i + 1];
            if (f.type != u"swap" && f.type != u"unknown") {
                f.label = s.str(guestfs_vfs_label(s.g, s.c(f.device)));
                f.uuid = s.str(guestfs_vfs_uuid(s.g, s.c(f.device)));
            }
            if (f.type == u"swap")
                f.uuid = s.str(guestfs_vfs_uuid(s.g, s.c(f.device)));
            const int64_t size = guestfs_blockdev_getsize64(s.g, s.c(f.device));
            f.size = size >= 0 ? size : -1;
            info.filesystems.append(f);
        }
    }

    GuestPartition partition(const GuestDisk& disk, const guestfs_partition& p)
    {
        GuestPartition out;
        out.number = p.part_num;
        out.device = disk.device + QString::number(p.part_num);
        out.start = p.part_start;
        out.size = p.part_size;
        if (disk.partitionTable == u"gpt") {
            out.gptType = s.str(guestfs_part_get_gpt_type(s.g, s.c(disk.device), p.part_num)).toUpper();
            out.esp = out.gptType == kEspGptType;
            out.biosBoot = out.gptType == kBiosBootGptType;
        } else if (disk.partitionTable == u"msdos") {
            out.mbrId = guestfs_part_get_mbr_id(s.g, s.c(disk.device), p.part_num);
            out.esp = out.mbrId == 0xef;
        }
        return out;
    }

    GuestRoot readRoot(const QString& root)
    {
        GuestRoot r;
        const QByteArray rt = root.toUtf8();
        r.root = root;
        r.osType = s.str(guestfs_inspect_get_type(s.g, rt));
        r.distro = s.str(guestfs_inspect_get_distro(s.g, rt));
        r.majorVersion = std::max(0, guestfs_inspect_get_major_version(s.g, rt));
        r.minorVersion = std::max(0, guestfs_inspect_get_minor_version(s.g, rt));
        r.productName = s.str(guestfs_inspect_get_product_name(s.g, rt));
        r.osinfo = s.str(guestfs_inspect_get_osinfo(s.g, rt));
        r.arch = s.str(guestfs_inspect_get_arch(s.g, rt));
        r.hostname = s.str(guestfs_inspect_get_hostname(s.g, rt));
        r.packageFormat = s.str(guestfs_inspect_get_package_format(s.g, rt));
        r.packageManagement = s.str(guestfs_inspect_get_package_management(s.g, rt));
        if (r.osType == u"windows")
            r.windowsSystemRoot = s.str(guestfs_inspect_get_windows_systemroot(s.g, rt));
        const QStringList mps = s.list(guestfs_inspect_get_mountpoints(s.g, rt)); // mountpoint, device …
        for (qsizetype i = 0; i + 1 < mps.size(); i += 2)
            r.mountpoints.insert(mps[i], mps[i + 1]);

        mountRoot(r);
        if (guestfs_application2_list* apps = guestfs_inspect_list_applications2(s.g, rt)) {
            r.applicationCount = int(apps->len);
            for (uint32_t i = 0; i < apps->len; ++i) {
                const auto& a = apps->val[i];
                const QString name = QString::fromUtf8(a.app2_name);
                const QString display = QString::fromUtf8(a.app2_display_name);
                const QString kind = appKindOf(name, display);
                if (!kind.isEmpty())
                    r.apps.append({kind, name, QString::fromUtf8(a.app2_version)});
            }
            guestfs_free_application2_list(apps);
        } else {
            info.warnings.append(
                Text::translate("xms::Inspection", "Could not list the applications installed in %1: %2")
                    .toString()
                    .arg(r.displayName(), QString::fromUtf8(guestfs_last_error(s.g))));
        }
        if (r.osType == u"linux")
            r.nicConfig = parseGuestNicConfig(readNicConfigFiles());
        guestfs_umount_all(s.g);
        return r;
    }

    // The guest's network configuration files (each at most 1 MiB; a bigger one is not configuration).
    QList<GuestFile> readNicConfigFiles()
    {
        QList<GuestFile> out;
        const auto readOne = [&](const QString& path) {
            if (guestfs_is_file_opts(s.g, s.c(path), GUESTFS_IS_FILE_OPTS_FOLLOWSYMLINKS, 1, -1) != 1)
                return;
            const int64_t size = guestfs_filesize(s.g, s.c(path));
            if (size < 0 || size > (1 << 20))
                return;
            size_t got = 0;
            if (char* data = guestfs_read_file(s.g, s.c(path), &got)) {
                out.append({path, QByteArray(data, qsizetype(got))});
                free(data);
            }
        };
        for (const QString& f : guestNicConfigFiles())
            readOne(f);
        for (const QString& dir : guestNicConfigDirectories()) {
            if (guestfs_is_dir_opts(s.g, s.c(dir), GUESTFS_IS_DIR_OPTS_FOLLOWSYMLINKS, 1, -1) != 1)
                continue;
            for (const QString& name : s.list(guestfs_ls(s.g, s.c(dir))))
                readOne(dir + u'/' + name);
        }
        return out;
    }

    // Mounts the root's file systems read-only in its own layout (shortest mount point first) and
    // measures each; the apps listing needs them mounted.
    void mountRoot(const GuestRoot& r)
    {
        QStringList points = r.mountpoints.keys();
        std::sort(points.begin(), points.end(), [](const QString& a, const QString& b) { return a.size() < b.size(); });
        for (const QString& mp : points) {
            const QString dev = r.mountpoints.value(mp);
            if (guestfs_mount_ro(s.g, s.c(dev), s.c(mp)) != 0) {
                qCDebug(lcGuest) << "could not mount" << dev << "on" << mp << guestfs_last_error(s.g);
                continue;
            }
            measure(dev, mp, mp);
        }
    }

    void measure(const QString& device, const QString& path, const QString& mountpoint)
    {
        const QString canonical = s.str(guestfs_canonical_device_name(s.g, s.c(device)));
        for (auto& f : info.filesystems) {
            if (f.device != device && f.device != canonical)
                continue;
            if (struct guestfs_statvfs* st = guestfs_statvfs(s.g, s.c(path))) {
                f.size = st->blocks * st->frsize;
                f.used = (st->blocks - st->bfree) * st->frsize;
                guestfs_free_statvfs(st);
            }
            if (f.mountpoint.isEmpty())
                f.mountpoint = mountpoint;
        }
    }

    // File systems no root mounts (data disks …): mount each alone to learn its usage.
    void measureTheRest()
    {
        for (const auto& f : std::as_const(info.filesystems)) {
            if (f.used >= 0 || f.type == u"swap" || f.type == u"unknown" || f.type.startsWith(u"crypto"))
                continue;
            if (control.isCancelled())
                return;
            if (guestfs_mount_ro(s.g, s.c(f.device), "/") == 0) {
                measure(f.device, QStringLiteral("/"), QString());
                guestfs_umount_all(s.g);
            }
        }
    }
};

} // namespace

namespace {

enum class Stall { None, Launch, Inspect };

Error stalledError(Stall where, const InspectRequest& request)
{
    const bool launch = where == Stall::Launch;
    const auto minutes
        = std::chrono::duration_cast<std::chrono::minutes>(launch ? request.launchTimeout : request.inspectTimeout);
    return Error::make(
        errc::kGuestApplianceStalled,
        (launch
             ? Text::translate("xms", "The libguestfs appliance did not start within %1 min, twice.").toString()
             : Text::translate("xms",
                               "The libguestfs appliance stopped responding: the inspection took longer than %1 min, "
                               "twice.")
                   .toString())
                .arg(std::max<qint64>(1, minutes.count()))
            + u' '
            + Text::translate(
                  "xms",
                  "The host is probably overloaded (without KVM the appliance is emulated and slow): run fewer "
                  "migrations at once or enable KVM, then retry.")
                  .toString());
}

Result<GuestInfo> inspectOnce(const InspectRequest& request, InspectControl& control,
                              const std::function<void(int, const QString&)>& report, Stall* stall)
{
    GuestfsSession session(request.logFile);
    if (auto st = session.open(); !st)
        return std::unexpected(st.error());
    for (const QString& d : request.disks) {
        if (auto st = session.addReadOnly(d, request.format); !st)
            return std::unexpected(st.error());
    }
    if (control.isCancelled())
        return fail(errc::kJobCancelled, Text::translate("xms", "Inspection was cancelled.").toString());

    control.setApplianceMarker(session.tmpDir());
    report(
        3,
        guestfs::applianceCached()
            ? Text::translate("xms", "Starting the inspection appliance").toString()
            : Text::translate("xms", "Building the libguestfs appliance (first run only; this takes a minute or two)")
                  .toString());
    Inspection in {session, control, {}};
    {
        const ApplianceDeadline deadline(request.launchTimeout, [&control] { control.killAppliance(); });
        const int launched = guestfs_launch(session.g);
        if (deadline.expired() && !control.isCancelled()) {
            *stall = Stall::Launch;
            return std::unexpected(stalledError(*stall, request));
        }
        if (launched != 0) {
            return std::unexpected(
                in.failure(QStringLiteral("guest.appliance_failed"),
                           Text::translate("xms", "libguestfs could not start its helper appliance. ").toString()
                               + guestfs::testToolAdvice()));
        }
    }
    const ApplianceDeadline deadline(request.inspectTimeout, [&control] { control.killAppliance(); });
    // After a kill every libguestfs call fails at once: each step asks whether that is why.
    const auto interrupted = [&]() -> std::optional<Error> {
        if (control.isCancelled())
            return Error::make(errc::kJobCancelled, Text::translate("xms", "Inspection was cancelled.").toString());
        if (deadline.expired()) {
            *stall = Stall::Inspect;
            return stalledError(*stall, request);
        }
        return std::nullopt;
    };
    if (auto e = interrupted())
        return std::unexpected(*e);

    report(45, Text::translate("xms", "Looking for operating systems").toString());
    char** rootsRaw = guestfs_inspect_os(session.g);
    if (auto e = interrupted())
        return std::unexpected(*e);
    if (!rootsRaw) {
        return std::unexpected(in.failure(
            QStringLiteral("guest.inspection_failed"),
            Text::translate("xms",
                            "libguestfs could not inspect the guest (often an unreadable /etc/fstab or registry in the "
                            "guest). Fix the guest on the source VM, or see the details.")
                .toString()));
    }
    const QStringList roots = session.list(rootsRaw);

    report(55, Text::translate("xms", "Reading the disk layout").toString());
    in.readLayout();
    if (auto e = interrupted())
        return std::unexpected(*e);

    for (qsizetype i = 0; i < roots.size(); ++i) {
        report(65 + int(25 * i / roots.size()),
               Text::translate("xms", "Reading the installed software of %1").toString().arg(roots[i]));
        in.info.roots.append(in.readRoot(roots[i]));
        if (auto e = interrupted())
            return std::unexpected(*e);
    }
    report(92, Text::translate("xms", "Measuring the remaining file systems").toString());
    in.measureTheRest();
    if (auto e = interrupted())
        return std::unexpected(*e);
    session.close();
    return std::move(in.info);
}

} // namespace

Result<GuestInfo> inspectDisks(const InspectRequest& request, InspectControl& control,
                               const InspectProgressFn& progress)
{
    QElapsedTimer clock;
    clock.start();
    const auto report = [&](int percent, const QString& message) {
        if (progress)
            progress(percent, message);
    };
    report(0, Text::translate("xms", "Checking the disks").toString());
    if (request.disks.isEmpty())
        return fail(errc::kGuestNoDisks, Text::translate("xms", "There is no disk to inspect.").toString());
    for (const QString& d : request.disks) {
        if (!QFileInfo(d).isReadable()) {
            return fail(
                errc::kGuestDiskMissing,
                Text::translate("xms", "The staging image %1 is missing or unreadable. Run the Export stage again.")
                    .toString()
                    .arg(d));
        }
    }
    if (auto k = guestfs::checkHostKernel(); !k)
        return std::unexpected(k.error());

    Stall stall = Stall::None;
    Result<GuestInfo> inspected = inspectOnce(request, control, report, &stall);
    const bool restarted = stall != Stall::None;
    if (restarted) { // read-only, so simply once more with a fresh appliance
        qCWarning(lcGuest) << "inspection appliance stalled; starting it again";
        report(3, Text::translate("xms", "The inspection appliance stopped responding; starting it again").toString());
        stall = Stall::None;
        inspected = inspectOnce(request, control, report, &stall);
    }
    if (!inspected)
        return inspected;

    GuestInfo info = std::move(*inspected);
    const qsizetype roots = info.roots.size();
    if (restarted)
        info.warnings.append(
            Text::translate("xms",
                            "The inspection appliance stopped responding once and was restarted; the host may be "
                            "overloaded.")
                .toString());
    if (roots > 1) {
        info.warnings.append(Text::translate("Guest",
                                             "%n operating systems were found; the first (%1) is "
                                             "treated as the one that boots.",
                                             nullptr, int(roots))
                                 .toString()
                                 .arg(info.roots.first().displayName()));
    }
    bool hybrid = false;
    info.vmFirmware = request.vmFirmware;
    info.layoutFirmware = firmwareFromLayout(info.disks, &hybrid);
    info.firmware = decideFirmware(info.vmFirmware, info.layoutFirmware, hybrid, &info.warnings);
    info.elapsedMs = clock.elapsed();
    if (roots == 0 && request.requireOs) {
        return fail(errc::kGuestNoOs,
                    Text::translate(
                        "xms",
                        "No operating system was found on the VM's disks. Check that the VM's boot disk was exported "
                        "and that its disks are complete; a VM with only data disks cannot be migrated as a bootable "
                        "instance.")
                        .toString(),
                    info.summary());
    }
    report(100, Text::translate("xms", "Inspection complete: %1").toString().arg(info.summary()));
    qCInfo(lcGuest) << "inspected" << request.disks << "in" << info.elapsedMs << "ms:" << info.summary();
    return info;
}

} // namespace xms
