#include "inventorymodel.h"

#include <QColor>
#include <QLocale>

namespace xms::ui {

namespace {
// Internal ids: 0 for VM rows; 1 + VM row for check rows (so a check knows its VM).
constexpr quintptr kTop = 0;

QColor verdictColor(xms::Verdict v)
{
    switch (v) {
    case xms::Verdict::Pass: return QColor(0x1b, 0x7f, 0x3b);
    case xms::Verdict::Warn: return QColor(0xb0, 0x6a, 0x00);
    case xms::Verdict::Block: return QColor(0xb0, 0x00, 0x20);
    }
    return {};
}
} // namespace

InventoryModel::InventoryModel(QObject* parent)
    : QAbstractItemModel(parent)
{
}

QModelIndex InventoryModel::index(int row, int column, const QModelIndex& parent) const
{
    if (!hasIndex(row, column, parent))
        return {};
    if (!parent.isValid())
        return createIndex(row, column, kTop);
    return createIndex(row, column, quintptr(parent.row()) + 1);
}

QModelIndex InventoryModel::parent(const QModelIndex& child) const
{
    if (!child.isValid() || child.internalId() == kTop)
        return {};
    return createIndex(int(child.internalId() - 1), 0, kTop);
}

int InventoryModel::rowCount(const QModelIndex& parent) const
{
    if (!parent.isValid())
        return int(m_vms.size());
    if (parent.internalId() != kTop || parent.column() != 0)
        return 0;
    const auto it = m_reports.constFind(m_vms.at(parent.row()).name);
    return it == m_reports.cend() ? 0 : int(it->checks.size());
}

int InventoryModel::columnCount(const QModelIndex&) const { return ColumnCount; }

QVariant InventoryModel::data(const QModelIndex& index, int role) const
{
    if (!checkIndex(index, CheckIndexOption::IndexIsValid))
        return {};
    if (index.internalId() == kTop)
        return vmData(m_vms.at(index.row()), index.column(), role);
    const vsphere::VmInfo& vm = m_vms.at(int(index.internalId() - 1));
    if (role == VmNameRole)
        return vm.name;
    return checkData(m_reports.value(vm.name).checks.at(index.row()), index.column(), role);
}

namespace {
// The guest's IPv4 addresses (the ones keep-ip can keep), as Tools reports them.
QString addressesOf(const vsphere::VmInfo& vm)
{
    QStringList out;
    for (const vsphere::GuestNic& n : vm.guestNetwork.nics)
        for (const vsphere::GuestIp& ip : n.ipv4())
            out << ip.address;
    return out.join(QStringLiteral(", "));
}
} // namespace

QVariant InventoryModel::vmData(const vsphere::VmInfo& vm, int column, int role) const
{
    const auto report = m_reports.constFind(vm.name);
    if (role == VmNameRole)
        return vm.name;
    if (role == Qt::ForegroundRole && column == Verdict && report != m_reports.cend())
        return verdictColor(report->verdict);
    if (role == SortRole) {
        switch (column) {
        case Cpu: return vm.numCpus;
        case Memory: return vm.memoryMB;
        case Disks: return vm.totalDiskBytes();
        case Verdict: return report == m_reports.cend() ? -1 : int(report->verdict);
        default: role = Qt::DisplayRole;
        }
    }
    if (role == Qt::ToolTipRole && column == Verdict && report != m_reports.cend())
        return report->summary();
    if (role == Qt::ToolTipRole && column == Addresses)
        return vm.guestNetwork.isEmpty() ? tr("VMware Tools reports no network facts for this VM")
                                         : vm.guestNetwork.summary();
    if (role != Qt::DisplayRole && role != Qt::ToolTipRole)
        return {};
    switch (column) {
    case Name: return vm.name;
    case Power:
        return vm.isPoweredOff() ? tr("Off") : vm.powerState == u"poweredOn" ? tr("On") : vm.powerState;
    case Cpu: return vm.numCpus;
    case Memory: return QLocale().formattedDataSize(vm.memoryMB * 1024 * 1024, 0, QLocale::DataSizeTraditionalFormat);
    case Disks:
        return tr("%n disk(s), %1", nullptr, int(vm.disks.size()))
            .arg(QLocale().formattedDataSize(vm.totalDiskBytes(), 1, QLocale::DataSizeTraditionalFormat));
    case Guest: return vm.guestFullName.isEmpty() ? vm.guestId : vm.guestFullName;
    case Addresses: return addressesOf(vm);
    case Verdict:
        if (m_checking.value(vm.name))
            return tr("Checking…");
        return report == m_reports.cend() ? tr("Not checked") : verdictName(report->verdict);
    default: return {};
    }
}

QVariant InventoryModel::checkData(const PreflightCheck& check, int column, int role) const
{
    // A check row spans the whole width in the view (first column), so everything is in column 0.
    if (role == Qt::ForegroundRole)
        return verdictColor(check.verdict);
    if (role == SortRole)
        role = Qt::DisplayRole;
    if ((role != Qt::DisplayRole && role != Qt::ToolTipRole) || column != Name)
        return {};
    QString text = tr("[%1] %2: %3").arg(verdictName(check.verdict), check.category, check.message);
    if (!check.fix.isEmpty() && check.verdict != xms::Verdict::Pass)
        text += u"  " + tr("Fix: %1").arg(check.fix);
    return text;
}

QVariant InventoryModel::headerData(int section, Qt::Orientation orientation, int role) const
{
    if (orientation != Qt::Horizontal || role != Qt::DisplayRole)
        return QAbstractItemModel::headerData(section, orientation, role);
    switch (section) {
    case Name: return tr("VM");
    case Power: return tr("Power");
    case Cpu: return tr("vCPU");
    case Memory: return tr("Memory");
    case Disks: return tr("Disks");
    case Guest: return tr("Guest OS");
    case Addresses: return tr("Guest IP");
    case Verdict: return tr("Preflight");
    default: return {};
    }
}

void InventoryModel::setInventory(const vsphere::Inventory& inventory)
{
    beginResetModel();
    m_vms = inventory.vms;
    m_reports.clear();
    m_checking.clear();
    endResetModel();
}

int InventoryModel::rowOfVm(const QString& name) const
{
    for (qsizetype i = 0; i < m_vms.size(); ++i) {
        if (m_vms.at(i).name == name)
            return int(i);
    }
    return -1;
}

void InventoryModel::setReport(const PreflightReport& report)
{
    const int row = rowOfVm(report.vm);
    if (row < 0)
        return;
    const QModelIndex parentIndex = index(row, 0);
    m_checking.remove(report.vm);
    const int old = rowCount(parentIndex);
    if (old > 0) {
        beginRemoveRows(parentIndex, 0, old - 1);
        m_reports.remove(report.vm);
        endRemoveRows();
    }
    if (!report.checks.isEmpty())
        beginInsertRows(parentIndex, 0, int(report.checks.size()) - 1);
    m_reports.insert(report.vm, report);
    if (!report.checks.isEmpty())
        endInsertRows();
    emit dataChanged(index(row, 0), index(row, ColumnCount - 1));
}

void InventoryModel::setChecking(const QString& vm, bool checking)
{
    const int row = rowOfVm(vm);
    if (row < 0)
        return;
    m_checking.insert(vm, checking);
    emit dataChanged(index(row, Verdict), index(row, Verdict));
}

const vsphere::VmInfo* InventoryModel::vm(const QString& name) const
{
    const int row = rowOfVm(name);
    return row < 0 ? nullptr : &m_vms.at(row);
}

const PreflightReport* InventoryModel::report(const QString& vm) const
{
    const auto it = m_reports.constFind(vm);
    return it == m_reports.cend() ? nullptr : &*it;
}

} // namespace xms::ui
