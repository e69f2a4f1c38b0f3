#include "nicnames.h"

#include "common/text.h"

#include <QCryptographicHash>
#include <QJsonArray>
#include <QRegularExpression>
#include <algorithm>

namespace xms {

namespace {

QString tr(const char* text)
{
    return Text::translate("xms", text).toString(); // lupdate files tr() here under the namespace
}

// Interfaces that are not a NIC of the VM: they keep working whatever the NICs are called.
bool isVirtual(const QString& name)
{
    static const QRegularExpression re(
        QStringLiteral("^(lo|br|bond|team|virbr|docker|veth|vlan|tun|tap|wg|vnet|dummy|ppp|sit|ip6tnl|gre)"));
    return name.isEmpty() || re.match(name).hasMatch() || name.contains(u'*') || name.contains(u'?');
}

// "ens192.100" (a VLAN) and "ens192:1" (an alias) live on ens192.
QString baseName(QString name)
{
    name = name.trimmed();
    for (QChar sep : {u'.', u':'}) {
        const qsizetype i = name.indexOf(sep);
        if (i > 0)
            name.truncate(i);
    }
    return name;
}

bool isPredictable(const QString& name)
{
    static const QRegularExpression re(QStringLiteral("^en[a-z]"));
    return re.match(name).hasMatch();
}

bool isClassic(const QString& name)
{
    static const QRegularExpression re(QStringLiteral("^eth[0-9]+$"));
    return re.match(name).hasMatch();
}

QString normalMac(QString mac)
{
    mac = mac.trimmed().toLower().remove(u'"');
    mac.replace(u'-', u':');
    return mac;
}

struct Collector
{
    GuestNicConfig& c;
    const QString& path;

    void name(const QString& raw)
    {
        const QString n = baseName(raw);
        if (!isVirtual(n) && !c.configuredNames.contains(n))
            c.configuredNames.append(n);
    }
    void macName(const QString& mac, const QString& n)
    {
        if (!mac.isEmpty() && !n.isEmpty())
            c.namesByMac.insert(normalMac(mac), baseName(n));
    }
    void vmwareOnly(const QString& what) { c.vmwareOnly.append(path + u": " + what); }
};

void parseIfupdown(const QStringList& lines, Collector& out)
{
    static const QRegularExpression ws(QStringLiteral("\\s+"));
    for (const QString& line : lines) {
        const QStringList t = line.trimmed().split(ws, Qt::SkipEmptyParts);
        if (t.size() < 2)
            continue;
        if (t[0] == u"iface" || t[0] == u"mapping")
            out.name(t[1]);
        else if (t[0] == u"auto" || t[0].startsWith(u"allow-"))
            for (qsizetype i = 1; i < t.size(); ++i)
                out.name(t[i]);
    }
}

// Enough YAML for netplan's ethernets: ids, match.macaddress + set-name, match.driver.
void parseNetplan(const QStringList& lines, Collector& out)
{
    const auto indentOf = [](const QString& l) {
        qsizetype i = 0;
        while (i < l.size() && l[i] == u' ')
            ++i;
        return i;
    };
    qsizetype ethIndent = -1, idIndent = -1;
    QString id, mac, setName;
    bool matched = false;
    const auto flush = [&] {
        if (!id.isEmpty()) {
            if (!setName.isEmpty())
                out.name(setName);
            else if (!matched)
                out.name(id);
            out.macName(mac, setName);
        }
        id.clear(), mac.clear(), setName.clear(), matched = false;
    };
    for (const QString& raw : lines) {
        const QString l = raw.section(u'#', 0, 0);
        if (l.trimmed().isEmpty())
            continue;
        const qsizetype indent = indentOf(l);
        const QString key = l.trimmed().section(u':', 0, 0).trimmed().remove(u'"');
        const QString value = l.trimmed().section(u':', 1).trimmed().remove(u'"').remove(u'\'');
        if (ethIndent >= 0 && indent <= ethIndent) {
            flush();
            ethIndent = idIndent = -1;
        }
        if (key == u"ethernets") {
            ethIndent = indent;
            continue;
        }
        if (ethIndent < 0)
            continue;
        if (idIndent < 0 || indent == idIndent) {
            flush();
            idIndent = indent;
            id = key;
            continue;
        }
        if (key == u"match")
            matched = true;
        else if (key == u"macaddress")
            mac = value;
        else if (key == u"set-name")
            setName = value;
        else if (key == u"driver" && value.contains(u"vmxnet"))
            out.vmwareOnly(tr("matches the VMware NIC driver %1, which VirtIO NICs do not have").arg(value));
    }
    flush();
}

QMap<QString, QString> keyValues(const QStringList& lines)
{
    QMap<QString, QString> kv;
    for (const QString& line : lines) {
        const qsizetype eq = line.indexOf(u'=');
        if (eq > 0 && !line.trimmed().startsWith(u'#'))
            kv.insert(line.left(eq).trimmed(), line.mid(eq + 1).trimmed().remove(u'"').remove(u'\''));
    }
    return kv;
}

void parseUdevRules(const QStringList& lines, Collector& out)
{
    static const QRegularExpression addr(QStringLiteral("ATTRS?\\{address\\}==\"([0-9a-fA-F:]+)\""));
    static const QRegularExpression name(QStringLiteral("NAME:?=\"([^\"]+)\""));
    for (const QString& line : lines) {
        if (line.trimmed().startsWith(u'#'))
            continue;
        const auto n = name.match(line);
        if (!n.hasMatch())
            continue;
        if (const auto a = addr.match(line); a.hasMatch())
            out.macName(a.captured(1), n.captured(1));
        out.name(n.captured(1));
        if (line.contains(u"vmxnet"))
            out.vmwareOnly(tr("names an interface by the VMware NIC driver"));
    }
}

} // namespace

QStringList guestNicConfigFiles()
{
    return {QStringLiteral("/etc/network/interfaces"), QStringLiteral("/etc/udev/rules.d/70-persistent-net.rules"),
            QStringLiteral("/etc/default/grub"),       QStringLiteral("/boot/grub/grub.cfg"),
            QStringLiteral("/boot/grub2/grub.cfg"),    QStringLiteral("/etc/kernel/cmdline")};
}

QStringList guestNicConfigDirectories()
{
    return {QStringLiteral("/etc/network/interfaces.d"),
            QStringLiteral("/etc/netplan"),
            QStringLiteral("/etc/NetworkManager/system-connections"),
            QStringLiteral("/etc/sysconfig/network-scripts"),
            QStringLiteral("/etc/sysconfig/network"),
            QStringLiteral("/etc/systemd/network"),
            QStringLiteral("/etc/default/grub.d")};
}

GuestNicConfig parseGuestNicConfig(const QList<GuestFile>& files)
{
    GuestNicConfig c;
    for (const GuestFile& f : files) {
        const QString& p = f.path;
        const QString fileName = p.section(u'/', -1);
        const QStringList lines = QString::fromUtf8(f.text).split(u'\n');
        Collector out {c, p};
        bool known = true;
        if (p == u"/etc/network/interfaces" || p.startsWith(u"/etc/network/interfaces.d/")) {
            parseIfupdown(lines, out);
        } else if (p.startsWith(u"/etc/netplan/") && (p.endsWith(u".yaml") || p.endsWith(u".yml"))) {
            parseNetplan(lines, out);
        } else if (p.startsWith(u"/etc/NetworkManager/system-connections/")) {
            const auto kv = keyValues(lines);
            out.name(kv.value(QStringLiteral("interface-name")));
        } else if (p.startsWith(u"/etc/sysconfig/network") && fileName.startsWith(u"ifcfg-")) {
            const auto kv = keyValues(lines);
            const QString dev = kv.value(QStringLiteral("DEVICE"), fileName.mid(6));
            out.name(dev);
            out.macName(kv.value(QStringLiteral("HWADDR")), dev);
        } else if (p.startsWith(u"/etc/systemd/network/") && p.endsWith(u".network")) {
            for (const QString& name : keyValues(lines).value(QStringLiteral("Name")).split(u' ', Qt::SkipEmptyParts))
                out.name(name);
        } else if (p.startsWith(u"/etc/systemd/network/") && p.endsWith(u".link")) {
            const auto kv = keyValues(lines);
            for (const QString& mac : kv.value(QStringLiteral("MACAddress")).split(u' ', Qt::SkipEmptyParts))
                out.macName(mac, kv.value(QStringLiteral("Name")));
        } else if (p.startsWith(u"/etc/udev/rules.d/") && p.endsWith(u".rules")) {
            parseUdevRules(lines, out);
        } else if (p.contains(u"grub") || p == u"/etc/kernel/cmdline") {
            // Any kernel command line of the guest's that turns predictable names off.
            for (const QString& line : lines) {
                const QString l = line.trimmed();
                if (!l.startsWith(u'#') && l.contains(u"net.ifnames=0"))
                    c.classicNames = true;
            }
        } else {
            known = false;
        }
        if (known)
            c.files.append(p);
    }
    return c;
}

QJsonObject GuestNicConfig::toJson() const
{
    QJsonObject byMac;
    for (auto it = namesByMac.cbegin(); it != namesByMac.cend(); ++it)
        byMac.insert(it.key(), it.value());
    return {{QStringLiteral("classicNames"), classicNames},
            {QStringLiteral("configuredNames"), QJsonArray::fromStringList(configuredNames)},
            {QStringLiteral("namesByMac"), byMac},
            {QStringLiteral("vmwareOnly"), QJsonArray::fromStringList(vmwareOnly)},
            {QStringLiteral("files"), QJsonArray::fromStringList(files)}};
}

GuestNicConfig GuestNicConfig::fromJson(const QJsonObject& o)
{
    const auto strings = [&](const char* key) {
        QStringList out;
        for (const auto& v : o.value(QLatin1StringView(key)).toArray())
            out.append(v.toString());
        return out;
    };
    GuestNicConfig c;
    c.classicNames = o.value(QStringLiteral("classicNames")).toBool();
    c.configuredNames = strings("configuredNames");
    const QJsonObject byMac = o.value(QStringLiteral("namesByMac")).toObject();
    for (auto it = byMac.begin(); it != byMac.end(); ++it)
        c.namesByMac.insert(it.key(), it.value().toString());
    c.vmwareOnly = strings("vmwareOnly");
    c.files = strings("files");
    return c;
}

QList<GuestFile> NicPin::linkFiles() const
{
    // One file per MAC: a list in MACAddress= needs systemd 242 or later; older guests read one.
    QList<GuestFile> out;
    for (qsizetype i = 0; i < macs.size(); ++i) {
        const QString path = QStringLiteral("/etc/systemd/network/10-xms-%1%2.link")
                                 .arg(name, i == 0 ? QString() : QStringLiteral("-%1").arg(i + 1));
        const QByteArray text
            = "# Written by XMS Desktop when this VM moved from VMware to Xloud: the VirtIO NIC keeps\n"
              "# the name its network configuration uses ("
            + reason.toUtf8() + ").\n[Match]\nMACAddress=" + macs[i].toUtf8() + "\n\n[Link]\nName=" + name.toUtf8()
            + "\n";
        out.append({path, text});
    }
    return out;
}

QJsonObject NicPin::toJson() const
{
    return {{QStringLiteral("nic"), label},
            {QStringLiteral("name"), name},
            {QStringLiteral("macs"), QJsonArray::fromStringList(macs)},
            {QStringLiteral("reason"), reason}};
}

NicNamePlan planNicNames(const GuestNicConfig& config, const QList<NicToPin>& nics)
{
    NicNamePlan plan;
    QStringList predictable;
    for (const QString& n : config.configuredNames)
        if (isPredictable(n))
            predictable.append(n);
    QList<qsizetype> open; // NICs without a name yet, in slot order
    const auto pin = [&](const NicToPin& nic, const QString& name, const QString& reason) {
        plan.pins.append({nic.label, name, nic.targetMacs, reason});
        predictable.removeAll(name);
    };
    for (qsizetype i = 0; i < nics.size(); ++i) {
        const NicToPin& nic = nics[i];
        const QString ruled = config.namesByMac.value(nic.sourceMac);
        const QString slotName = nic.pciSlot > 0 ? QStringLiteral("ens%1").arg(nic.pciSlot) : QString();
        if (!ruled.isEmpty() && !isClassic(ruled))
            pin(nic, ruled, tr("the guest names MAC %1 %2").arg(nic.sourceMac, ruled));
        else if (!ruled.isEmpty())
            plan.notes.append(
                tr("%1 is %2 by the guest's own rule for its MAC; classic names follow the NIC order on VirtIO")
                    .arg(nic.label, ruled));
        else if (!slotName.isEmpty() && predictable.contains(slotName))
            pin(nic, slotName, tr("VMware names the NIC in PCI slot %1 %2").arg(nic.pciSlot).arg(slotName));
        else
            open.append(i);
    }
    if (open.isEmpty())
        return plan;
    if (config.classicNames || predictable.isEmpty()) {
        plan.notes.append(config.classicNames
                              ? tr("the guest uses classic interface names (eth0, eth1 …), which follow the NIC "
                                   "order on VirtIO")
                              : tr("the guest's configuration names no interface that could change on VirtIO"));
        return plan;
    }
    if (open.size() == 1 && predictable.size() == 1) {
        pin(nics[open.first()], predictable.first(), tr("the only NIC, and the only name its configuration uses"));
        return plan;
    }
    if (open.size() == predictable.size()) {
        std::stable_sort(open.begin(), open.end(),
                         [&](qsizetype a, qsizetype b) { return nics[a].pciSlot < nics[b].pciSlot; });
        QStringList names = predictable;
        std::sort(names.begin(), names.end(), [](const QString& a, const QString& b) {
            return a.size() != b.size() ? a.size() < b.size() : a < b; // ens192 before ens224, ens1 before ens10
        });
        for (qsizetype k = 0; k < open.size(); ++k)
            pin(nics[open[k]], names[k], tr("the NICs in PCI slot order take the configured names in order"));
        return plan;
    }
    QStringList labels;
    for (qsizetype i : std::as_const(open))
        labels.append(nics[i].label);
    plan.warnings.append(tr("Could not tell which of the guest's interface names (%1) %2 had under VMware: their "
                            "configuration may not apply on VirtIO. Check the guest's network after the migration.")
                             .arg(predictable.join(u", "), labels.join(u", ")));
    return plan;
}

QString derivedMac(const QString& jobId, const QString& nicLabel)
{
    const QByteArray h
        = QCryptographicHash::hash((jobId + u'\n' + nicLabel).toUtf8(), QCryptographicHash::Sha256).left(3).toHex();
    return QStringLiteral("fa:16:3e:%1:%2:%3")
        .arg(QString::fromLatin1(h.mid(0, 2)), QString::fromLatin1(h.mid(2, 2)), QString::fromLatin1(h.mid(4, 2)));
}

} // namespace xms
