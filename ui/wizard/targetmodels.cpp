#include "targetmodels.h"

#include "migrationdraft.h"

namespace xms::ui {

FlavorModel::FlavorModel(QObject* parent)
    : QAbstractListModel(parent)
{
}

int FlavorModel::rowCount(const QModelIndex& parent) const { return parent.isValid() ? 0 : int(m_flavors.size()); }

QVariant FlavorModel::data(const QModelIndex& index, int role) const
{
    if (!checkIndex(index, CheckIndexOption::IndexIsValid | CheckIndexOption::ParentIsInvalid))
        return {};
    const xloud::Flavor& f = m_flavors.at(index.row());
    const QString misfit = flavorMisfit(f, m_vcpus, m_ramMiB);
    switch (role) {
    case Qt::DisplayRole:
        return tr("%1 — %2 vCPU, %3 MiB RAM%4")
            .arg(f.name)
            .arg(f.vcpus)
            .arg(f.ramMiB)
            .arg(misfit.isEmpty() ? tr("  ✓ fits") : tr("  ✗ too small"));
    case Qt::ToolTipRole: return misfit.isEmpty() ? tr("Fits the selected VMs") : misfit;
    case NameRole: return f.name;
    case MisfitRole: return misfit;
    default: return {};
    }
}

Qt::ItemFlags FlavorModel::flags(const QModelIndex& index) const
{
    if (!index.isValid())
        return Qt::NoItemFlags;
    const xloud::Flavor& f = m_flavors.at(index.row());
    if (!flavorMisfit(f, m_vcpus, m_ramMiB).isEmpty())
        return Qt::NoItemFlags; // listed so the user sees why, never selectable
    return Qt::ItemIsEnabled | Qt::ItemIsSelectable;
}

void FlavorModel::setFlavors(const QList<xloud::Flavor>& flavors, int needVcpus, qint64 needRamMiB)
{
    beginResetModel();
    m_flavors = flavors;
    std::sort(m_flavors.begin(), m_flavors.end(), [](const xloud::Flavor& a, const xloud::Flavor& b) {
        return std::tie(a.vcpus, a.ramMiB, a.name) < std::tie(b.vcpus, b.ramMiB, b.name);
    });
    m_vcpus = needVcpus;
    m_ramMiB = needRamMiB;
    endResetModel();
}

int FlavorModel::rowOf(const QString& name) const
{
    for (qsizetype i = 0; i < m_flavors.size(); ++i) {
        if (m_flavors.at(i).name == name || m_flavors.at(i).id == name)
            return int(i);
    }
    return -1;
}

int FlavorModel::firstFitting() const
{
    for (qsizetype i = 0; i < m_flavors.size(); ++i) {
        if (flavorMisfit(m_flavors.at(i), m_vcpus, m_ramMiB).isEmpty())
            return int(i);
    }
    return -1;
}

InstanceNamesModel::InstanceNamesModel(MigrationDraft& draft, QObject* parent)
    : QAbstractTableModel(parent)
    , m_draft(draft)
{
}

int InstanceNamesModel::rowCount(const QModelIndex& parent) const
{
    return parent.isValid() ? 0 : int(m_draft.vms.size());
}

int InstanceNamesModel::columnCount(const QModelIndex& parent) const { return parent.isValid() ? 0 : ColumnCount; }

QVariant InstanceNamesModel::data(const QModelIndex& index, int role) const
{
    if (!checkIndex(index, CheckIndexOption::IndexIsValid | CheckIndexOption::ParentIsInvalid))
        return {};
    const vsphere::VmInfo& vm = m_draft.vms.at(index.row());
    if (role == Qt::ToolTipRole && index.column() == InstanceName)
        return tr("Becomes the guest's hostname on Xloud: letters, digits, '-' and '.', up to 63 characters");
    if (role != Qt::DisplayRole && role != Qt::EditRole)
        return {};
    switch (index.column()) {
    case Vm: return vm.name;
    case Cpu: return vm.numCpus;
    case Memory: return tr("%1 MiB").arg(vm.memoryMB);
    case InstanceName: return m_draft.instanceNameFor(vm.name);
    default: return {};
    }
}

bool InstanceNamesModel::setData(const QModelIndex& index, const QVariant& value, int role)
{
    if (role != Qt::EditRole || index.column() != InstanceName || !checkIndex(index))
        return false;
    m_draft.instanceNames.insert(m_draft.vms.at(index.row()).name, value.toString().trimmed());
    emit dataChanged(index, index);
    return true;
}

Qt::ItemFlags InstanceNamesModel::flags(const QModelIndex& index) const
{
    Qt::ItemFlags f = QAbstractTableModel::flags(index);
    if (index.isValid() && index.column() == InstanceName)
        f |= Qt::ItemIsEditable;
    return f;
}

QVariant InstanceNamesModel::headerData(int section, Qt::Orientation orientation, int role) const
{
    if (orientation != Qt::Horizontal || role != Qt::DisplayRole)
        return QAbstractTableModel::headerData(section, orientation, role);
    switch (section) {
    case Vm: return tr("Source VM");
    case Cpu: return tr("vCPU");
    case Memory: return tr("Memory");
    case InstanceName: return tr("Instance Name");
    default: return {};
    }
}

void InstanceNamesModel::reload()
{
    beginResetModel();
    endResetModel();
}

} // namespace xms::ui
