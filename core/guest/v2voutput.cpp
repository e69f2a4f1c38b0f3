#include "v2voutput.h"

#include "common/errorcodes.h"
#include "common/text.h"

#include <QCoreApplication>
#include <QJsonDocument>
#include <QJsonObject>
#include <QRegularExpression>
#include <algorithm>
#include <iterator>

namespace xms {

namespace {
struct Phase
{
    const char* prefix;
    int start;
};

// In the order virt-v2v-in-place 2.2 runs them. Measured on the lab's Debian guest under TCG on a busy
// 2-core host: opening (appliance launch) 60 s, inspecting 30 s, converting (initramfs rebuild) 230-330 s,
// mapping (fstrim) 7 s, the rest about a second.
constexpr Phase kPhases[] = {
    {"Setting up the source", 1},
    {"Opening the source", 3},
    {"Inspecting the source", 25},
    {"Detecting firmware", 30},
    {"Checking for sufficient free disk space", 31},
    {"Converting", 33},
    {"Mapping filesystem data", 90},
    {"Closing the overlay", 92},
    {"Assigning disks to buses", 93},
    {"Checking if the guest needs BIOS or UEFI", 94},
    {"Finishing off", 95},
};
constexpr int kEnd = 96; // the caller's own work (committing the overlays) fills 96–100
} // namespace

V2vLine parseV2vLine(QByteArrayView raw)
{
    const QByteArray line = raw.toByteArray().trimmed();
    V2vLine out;
    if (line.startsWith('{')) {
        const QJsonObject o = QJsonDocument::fromJson(line).object();
        const QString type = o.value(u"type").toString();
        if (!o.isEmpty() && o.contains(u"message")) {
            out.text = o.value(u"message").toString();
            if (type == u"message")
                out.kind = V2vLine::Kind::Message;
            else if (type == u"info")
                out.kind = V2vLine::Kind::Info;
            else if (type == u"warning")
                out.kind = V2vLine::Kind::Warning;
            else if (type == u"error")
                out.kind = V2vLine::Kind::Error;
            else
                out.kind = V2vLine::Kind::Text;
            return out;
        }
    }
    static const QRegularExpression progress(QStringLiteral("^([0-9]+)/([0-9]+)$"));
    const QString text = QString::fromUtf8(line);
    if (const auto m = progress.match(text); m.hasMatch()) {
        out.kind = V2vLine::Kind::Progress;
        out.done = m.captured(1).toLongLong();
        out.total = m.captured(2).toLongLong();
        return out;
    }
    out.text = text;
    return out;
}

int V2vProgress::phaseStart(const QString& message)
{
    for (const auto& p : kPhases) {
        if (message.startsWith(QLatin1StringView(p.prefix)))
            return p.start;
    }
    return -1;
}

bool V2vProgress::feed(const V2vLine& line)
{
    const int before = m_percent;
    const QString beforeMessage = m_message;
    switch (line.kind) {
    case V2vLine::Kind::Message: {
        const auto* it = std::find_if(std::begin(kPhases), std::end(kPhases), [&](const Phase& p) {
            return line.text.startsWith(QLatin1StringView(p.prefix));
        });
        if (it != std::end(kPhases)) {
            m_phaseStart = it->start;
            m_phaseEnd = (it + 1 != std::end(kPhases)) ? (it + 1)->start : kEnd;
            m_percent = std::max(m_percent, m_phaseStart);
        }
        m_message = line.text;
        break;
    }
    case V2vLine::Kind::Progress:
        if (line.total > 0 && m_phaseEnd > m_phaseStart) {
            const qint64 share = (m_phaseEnd - m_phaseStart) * std::min(line.done, line.total) / line.total;
            m_percent = std::max(m_percent, m_phaseStart + int(share));
        }
        break;
    case V2vLine::Kind::Warning:
        m_warnings.append(line.text);
        break;
    case V2vLine::Kind::Info:
        m_infos.append(line.text);
        if (line.text.contains(u"QEMU Guest Agent will be installed"))
            m_agent = true;
        break;
    case V2vLine::Kind::Error:
        m_errors.append(line.text);
        break;
    case V2vLine::Kind::Text:
        break;
    }
    // virt-v2v 2.2 sends this one as a warning on some guests and as info on others.
    if (line.kind == V2vLine::Kind::Warning && line.text.contains(u"QEMU Guest Agent will be installed"))
        m_agent = true;
    return m_percent != before || m_message != beforeMessage;
}

// ---- failures ----

namespace {
struct Rule
{
    const char* pattern; // case-insensitive, matched against the errors and the log
    const char* code;
    const char* message;
};

constexpr Rule kRules[] = {
    {"inspection could not detect the source guest|No root device found in this operating system image", "guest.no_os",
     QT_TRANSLATE_NOOP("Guest",
                       "virt-v2v found no operating system on the VM's disks, so there is nothing to make "
                       "bootable. Check that the VM's boot disk was exported and that its disks are complete; "
                       "a VM with only data disks cannot be converted.")},
    {"Windows Hibernation or Fast Restart|unsafe state.*(hibernat|fast)|Metadata kept in Windows cache",
     "guest.windows_hibernated",
     QT_TRANSLATE_NOOP("Guest",
                       "Windows on this VM is hibernated or uses Fast Startup, so its disk cannot be changed. "
                       "Power the source VM on, turn Fast Startup off (Control Panel > Power Options > Choose "
                       "what the power buttons do > untick \"Turn on fast startup\"), shut Windows down fully "
                       "(shutdown /s /t 0), then migrate again.")},
    {"not enough (free space|available inodes) for conversion on filesystem", "guest.no_free_space",
     QT_TRANSLATE_NOOP("Guest",
                       "The guest has too little free space for the conversion: %1. virt-v2v needs about "
                       "100 MB free on / (Windows: C:), 50 MB on /boot and 10 MB on other file systems. Free "
                       "space in the guest (or grow its disk) on the source VM, then migrate again.")},
    {"insufficient free space in the conversion server temporary directory", "guest.host_no_space",
     QT_TRANSLATE_NOOP("Guest",
                       "This workstation ran out of disk space during the conversion. Free space in the "
                       "staging directory (and in the libguestfs cache), then retry.")},
    {"multi-boot operating systems are not supported", "guest.multiboot",
     QT_TRANSLATE_NOOP("Guest",
                       "The VM's disks hold several operating systems (multi-boot), which virt-v2v cannot "
                       "convert. Remove the extra operating systems on the source VM, then migrate again.")},
    {"One of rhsrvany.exe or pvvxsvc.exe is missing", "guest.windows_tools_missing",
     QT_TRANSLATE_NOOP("Guest",
                       "Converting Windows needs rhsrvany.exe (or pvvxsvc.exe), which this workstation "
                       "lacks. Build or download rhsrvany (https://github.com/rwmjones/rhsrvany), put it in a "
                       "directory and set VIRT_TOOLS_DATA_DIR to that directory, then retry.")},
    {"cannot open virtio-win ISO|is missing from the virtio-win directory or ISO", "guest.virtio_win_invalid",
     QT_TRANSLATE_NOOP("Guest",
                       "The virtio-win drivers could not be used. Point the virtio-win setting (or "
                       "--virtio-win) at a complete virtio-win ISO from "
                       "https://fedorapeople.org/groups/virt/virtio-win/direct-downloads/, then retry.")},
    {"guest type [^\\n]* is not supported|is not supported by virt-v2v|Dynamic Disk", "guest.unsupported",
     QT_TRANSLATE_NOOP("Guest",
                       "virt-v2v cannot convert this guest operating system. Supported are RHEL/CentOS/"
                       "Rocky/Alma, Fedora, SLES/openSUSE, Debian 6+, Ubuntu 10.04+ and Windows 7/2008 R2 or "
                       "later with a virtio-win ISO.")},
    {"no bootloader detected", "guest.no_bootloader",
     QT_TRANSLATE_NOOP("Guest",
                       "virt-v2v found no GRUB configuration in the guest. It looks in /boot on BIOS guests "
                       "and for EFI/<name>/grub.cfg on the EFI system partition of UEFI guests, which a boot "
                       "loader installed only at the removable path EFI/BOOT lacks. Reinstall the "
                       "distribution's boot loader in the guest on the source VM (Debian/Ubuntu: apt-get "
                       "install shim-signed grub-efi-amd64-signed, then grub-install and update-grub), then "
                       "migrate again.")},
    {"no kernels were found in the bootloader configuration", "guest.no_kernel",
     QT_TRANSLATE_NOOP("Guest",
                       "virt-v2v found no kernel in the guest's boot loader configuration. Make sure the "
                       "guest boots normally on the source VM (its kernel installed and listed by the boot "
                       "loader), then migrate again.")},
    {"nbdkit is not installed|nbdkit-file-plugin is not installed|nbdcopy[^\\n]*(not found|No such file)",
     "guest.v2v_dependencies",
     QT_TRANSLATE_NOOP("Guest",
                       "virt-v2v needs nbdkit and nbdcopy, which are missing. Install them (Debian: "
                       "apt-get install nbdkit libnbd-bin), then retry.")},
    {"guestfs_launch failed|supermin exited with error|libguestfs-test-tool|could not create appliance",
     "guest.appliance_failed",
     QT_TRANSLATE_NOOP("Guest", "libguestfs could not start its helper appliance for virt-v2v. ")},
    {"No space left on device", "guest.no_space",
     QT_TRANSLATE_NOOP("Guest",
                       "A disk filled up during the conversion: a file system in the guest, or the staging "
                       "directory or libguestfs cache on this workstation. Free space there, then retry.")},
    {"inspection of the package database failed", "guest.inspection_failed",
     QT_TRANSLATE_NOOP("Guest",
                       "virt-v2v could not read the guest's package database. Check the guest's package "
                       "manager on the source VM (e.g. dpkg --audit / rpm --verifydb), then retry.")},
};

QString tail(const QString& log, int lines)
{
    const QStringList all = log.split(u'\n');
    return all.mid(std::max<qsizetype>(0, all.size() - lines)).join(u'\n');
}
} // namespace

Error mapV2vFailure(const QStringList& errors, const QString& log, const QString& logFile)
{
    const QString haystack = errors.join(u'\n') + u'\n' + log;
    const QString detail
        = Text::translate("xms", "virt-v2v log: %1").toString().arg(logFile) + u"\n…\n" + tail(log, 30);
    for (const auto& rule : kRules) {
        const QRegularExpression re(QLatin1StringView(rule.pattern),
                                    QRegularExpression::CaseInsensitiveOption
                                        | QRegularExpression::DotMatchesEverythingOption);
        if (!re.match(haystack).hasMatch())
            continue;
        QString message = Text::translate("Guest", rule.message).toString();
        const QString code = QLatin1StringView(rule.code);
        if (code == u"guest.no_free_space") {
            static const QRegularExpression what(
                QStringLiteral("not enough (?:free space|available inodes) for conversion on filesystem\\s+(.*?)\\.\\s+"
                               "([^\\n]*needed)"));
            const auto m = what.match(haystack);
            message = message.arg(m.hasMatch() ? m.captured(1) + u" (" + m.captured(2) + u')'
                                               : Text::translate("xms", "see the log").toString());
        } else if (code == u"guest.appliance_failed") {
            message
                += Text::translate("xms",
                                   "Run libguestfs-test-tool to see why (on hosts where /dev/kvm exists but fails, set "
                                   "LIBGUESTFS_BACKEND_SETTINGS=force_tcg).")
                       .toString();
        }
        return Error::make(code, message, detail);
    }
    const QString last = errors.isEmpty() ? tail(log, 1).trimmed() : errors.last().simplified();
    return Error::make(errc::kGuestFixesFailed,
                       Text::translate("xms", "virt-v2v could not convert the guest: %1 The whole log is in %2.")
                           .toString()
                           .arg(last, logFile),
                       detail);
}

} // namespace xms
