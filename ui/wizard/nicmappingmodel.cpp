#include "nicmappingmodel.h"

#include <QSet>

namespace xms::ui {

NicMappingModel::NicMappingModel(QObject* parent)
    : QAbstractTableModel(parent)
{
}

int NicMappingModel::rowCount(const QModelIndex& parent) const { return parent.isValid() ? 0 : int(m_rows.size()); }
int NicMappingModel::columnCount(const QModelIndex& parent) const { return parent.isValid() ? 0 : ColumnCount; }

const xloud::Network* NicMappingModel::network(const QString& nameOrId) const
{
    for (const xloud::Network& n : m_networks) {
        if (n.name == nameOrId || n.id == nameOrId)
            return &n;
    }
    return nullptr;
}

QString NicMappingModel::keepMacBlocker(const QString& name) const
{
    const xloud::Network* n = network(name);
    if (!n)
        return tr("Choose a target network first.");
    if (n->shared && n->projectId != m_projectId)
        return tr("%1 is a shared network of another project: Neutron lets only administrators set a MAC address "
                  "there.")
            .arg(n->name);
    return {};
}

QString NicMappingModel::keepIpBlocker(int row) const
{
    if (m_rows.at(row).anyAddress)
        return {};
    return tr("VMware Tools reports no IP address for this NIC, so there is none to keep: the instance gets one by "
              "DHCP. Start the VM with VMware Tools running and refresh the inventory to keep it.");
}

QVariant NicMappingModel::data(const QModelIndex& index, int role) const
{
    if (!checkIndex(index, CheckIndexOption::IndexIsValid | CheckIndexOption::ParentIsInvalid))
        return {};
    const Row& r = m_rows.at(index.row());
    const int col = index.column();
    if (col == KeepIp) {
        if (role == Qt::CheckStateRole)
            return r.mapping.keepIp ? Qt::Checked : Qt::Unchecked;
        if (role == Qt::ToolTipRole) {
            const QString blocker = keepIpBlocker(index.row());
            return blocker.isEmpty() ? tr("Give the Xloud port the guest's own IP address on the target subnet")
                                     : blocker;
        }
        return {};
    }
    if (col == KeepMac) {
        if (role == Qt::CheckStateRole)
            return r.mapping.keepMac ? Qt::Checked : Qt::Unchecked;
        if (role == Qt::ToolTipRole) {
            const QString blocker = keepMacBlocker(r.mapping.targetNetwork);
            return blocker.isEmpty() ? tr("Create the Xloud port with the source MAC address") : blocker;
        }
        return {};
    }
    if (role == OptionsRole) {
        QStringList options;
        if (col == TargetNetwork) {
            for (const xloud::Network& n : m_networks) {
                if (!n.external || n.shared)
                    options << n.name;
            }
        } else if (col == TargetSubnet) {
            options << QString(); // let Neutron choose
            if (const xloud::Network* n = network(r.mapping.targetNetwork)) {
                for (const xloud::Subnet& s : n->subnets)
                    options << s.name;
            }
        }
        return options;
    }
    if (role == Qt::ToolTipRole && col == TargetSubnet)
        return tr("Optional when the network has one subnet");
    if (role != Qt::DisplayRole && role != Qt::EditRole)
        return {};
    switch (col) {
    case Source: return r.description;
    case GuestAddress: return r.addresses.isEmpty() && role == Qt::DisplayRole ? tr("(none reported)") : r.addresses;
    case TargetNetwork: return r.mapping.targetNetwork;
    case TargetSubnet:
        if (r.mapping.targetSubnet.isEmpty() && role == Qt::DisplayRole)
            return tr("(automatic)");
        return r.mapping.targetSubnet;
    default: return {};
    }
}

bool NicMappingModel::setData(const QModelIndex& index, const QVariant& value, int role)
{
    if (!checkIndex(index, CheckIndexOption::IndexIsValid | CheckIndexOption::ParentIsInvalid))
        return false;
    Row& r = m_rows[index.row()];
    if (index.column() == KeepMac && role == Qt::CheckStateRole) {
        const bool keep = value.toInt() == Qt::Checked;
        if (keep && !keepMacBlocker(r.mapping.targetNetwork).isEmpty())
            return false;
        r.mapping.keepMac = keep;
    } else if (index.column() == KeepIp && role == Qt::CheckStateRole) {
        const bool keep = value.toInt() == Qt::Checked;
        if (keep && !keepIpBlocker(index.row()).isEmpty())
            return false;
        r.mapping.keepIp = keep;
    } else if (role == Qt::EditRole && index.column() == TargetNetwork) {
        r.mapping.targetNetwork = value.toString();
        r.mapping.targetSubnet.clear();
        if (const xloud::Network* n = network(r.mapping.targetNetwork); n && n->subnets.size() == 1)
            r.mapping.targetSubnet = n->subnets.first().name;
        if (!keepMacBlocker(r.mapping.targetNetwork).isEmpty())
            r.mapping.keepMac = false;
    } else if (role == Qt::EditRole && index.column() == TargetSubnet) {
        r.mapping.targetSubnet = value.toString();
    } else {
        return false;
    }
    emit dataChanged(this->index(index.row(), 0), this->index(index.row(), ColumnCount - 1));
    return true;
}

Qt::ItemFlags NicMappingModel::flags(const QModelIndex& index) const
{
    if (!index.isValid())
        return Qt::NoItemFlags;
    Qt::ItemFlags f = Qt::ItemIsEnabled | Qt::ItemIsSelectable;
    switch (index.column()) {
    case TargetNetwork: return f | Qt::ItemIsEditable;
    case TargetSubnet:
        return m_rows.at(index.row()).mapping.targetNetwork.isEmpty() ? f : f | Qt::ItemIsEditable;
    case KeepMac:
        if (!keepMacBlocker(m_rows.at(index.row()).mapping.targetNetwork).isEmpty())
            return Qt::ItemIsSelectable | Qt::ItemIsUserCheckable; // shown, not enabled: the tooltip says why
        return f | Qt::ItemIsUserCheckable;
    case KeepIp:
        if (!keepIpBlocker(index.row()).isEmpty())
            return Qt::ItemIsSelectable | Qt::ItemIsUserCheckable;
        return f | Qt::ItemIsUserCheckable;
    default: return f;
    }
}

QVariant NicMappingModel::headerData(int section, Qt::Orientation orientation, int role) const
{
    if (orientation != Qt::Horizontal || role != Qt::DisplayRole)
        return QAbstractTableModel::headerData(section, orientation, role);
    switch (section) {
    case Source: return tr("Source NIC");
    case TargetNetwork: return tr("Target Network");
    case TargetSubnet: return tr("Subnet");
    case GuestAddress: return tr("Guest IP");
    case KeepMac: return tr("Keep MAC");
    case KeepIp: return tr("Keep IP");
    default: return {};
    }
}

void NicMappingModel::setSources(const QList<vsphere::VmInfo>& vms, const QList<xloud::Network>& networks,
                                 const QString& projectId)
{
    const QList<NicMapping> previous = mappings();
    beginResetModel();
    m_networks = networks;
    m_projectId = projectId;
    m_rows.clear();
    const bool single = vms.size() == 1;
    QSet<QString> seen;
    for (const vsphere::VmInfo& vm : vms) {
        QHash<QString, int> perNetwork;
        for (const vsphere::NicInfo& nic : vm.nics)
            ++perNetwork[nic.network];
        for (const vsphere::NicInfo& nic : vm.nics) {
            Row r;
            r.mapping.sourceNetwork = nic.network;
            // Only a VM with two NICs on one network needs the label to tell them apart.
            if (single && perNetwork.value(nic.network) > 1)
                r.mapping.nicLabel = nic.label;
            const QString key = r.mapping.sourceNetwork + u'\x1f' + r.mapping.nicLabel;
            QStringList ips;
            if (const vsphere::GuestNic* facts = vm.guestNetwork.nic(nic.macAddress))
                for (const vsphere::GuestIp& ip : facts->addresses)
                    ips << ip.withPrefix();
            if (seen.contains(key)) { // another selected VM on the same network: its addresses join the row
                for (Row& existing : m_rows)
                    if (existing.mapping.sourceNetwork + u'\x1f' + existing.mapping.nicLabel == key && !ips.isEmpty()) {
                        existing.addresses += (existing.addresses.isEmpty() ? QString() : QStringLiteral(", "))
                            + ips.join(QStringLiteral(", "));
                        existing.anyAddress = true;
                    }
                continue;
            }
            seen.insert(key);
            r.addresses = ips.join(QStringLiteral(", "));
            r.anyAddress = !ips.isEmpty();
            r.description = single ? tr("%1 · %2 · %3").arg(nic.label, nic.network, nic.macAddress)
                                   : tr("%1 (every selected VM)").arg(nic.network);
            m_rows.append(r);
        }
    }
    endResetModel();
    apply(previous);
}

void NicMappingModel::apply(const QList<NicMapping>& mappings)
{
    for (qsizetype i = 0; i < m_rows.size(); ++i) {
        NicMapping& mine = m_rows[i].mapping;
        for (const NicMapping& m : mappings) {
            const bool sameLabel = !m.nicLabel.isEmpty() && m.nicLabel == mine.nicLabel;
            const bool sameNetwork = m.sourceNetwork == mine.sourceNetwork
                                     && (m.nicLabel.isEmpty() || m.nicLabel == mine.nicLabel);
            if (!sameLabel && !sameNetwork)
                continue;
            mine.targetNetwork = m.targetNetwork;
            mine.targetSubnet = m.targetSubnet;
            mine.keepMac = m.keepMac && keepMacBlocker(m.targetNetwork).isEmpty();
            mine.keepIp = m.keepIp && keepIpBlocker(int(i)).isEmpty();
            break;
        }
    }
    if (!m_rows.isEmpty())
        emit dataChanged(index(0, 0), index(int(m_rows.size()) - 1, ColumnCount - 1));
}

QList<NicMapping> NicMappingModel::mappings() const
{
    QList<NicMapping> out;
    for (const Row& r : m_rows)
        out.append(r.mapping);
    return out;
}

bool NicMappingModel::isComplete() const
{
    for (const Row& r : m_rows) {
        if (r.mapping.targetNetwork.isEmpty())
            return false;
    }
    return true;
}

} // namespace xms::ui
