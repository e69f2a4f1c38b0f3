#pragma once

#include "engine/preflight.h"
#include "vsphere/vminfo.h"

#include <QAbstractItemModel>
#include <QHash>

namespace xms::ui {

// The source inventory as a two-level tree: one row per VM, and under a VM that went through preflight
// one child row per check (verdict, what was found, the fix). The Verdict column is what the wizard gates on.
class InventoryModel : public QAbstractItemModel
{
    Q_OBJECT
public:
    enum Column { Name, Power, Cpu, Memory, Disks, Guest, Addresses, Verdict, ColumnCount };
    enum Role { SortRole = Qt::UserRole + 1, VmNameRole };

    explicit InventoryModel(QObject* parent = nullptr);

    QModelIndex index(int row, int column, const QModelIndex& parent = {}) const override;
    QModelIndex parent(const QModelIndex& child) const override;
    int rowCount(const QModelIndex& parent = {}) const override;
    int columnCount(const QModelIndex& parent = {}) const override;
    QVariant data(const QModelIndex& index, int role = Qt::DisplayRole) const override;
    QVariant headerData(int section, Qt::Orientation orientation, int role = Qt::DisplayRole) const override;

    void setInventory(const vsphere::Inventory& inventory);
    void setReport(const PreflightReport& report); // by report.vm; replaces the VM's children
    void setChecking(const QString& vm, bool checking);
    const vsphere::VmInfo* vm(const QString& name) const;
    const PreflightReport* report(const QString& vm) const;

private:
    int rowOfVm(const QString& name) const;
    QVariant vmData(const vsphere::VmInfo& vm, int column, int role) const;
    QVariant checkData(const PreflightCheck& check, int column, int role) const;

    QList<vsphere::VmInfo> m_vms;
    QHash<QString, PreflightReport> m_reports;
    QHash<QString, bool> m_checking;
};

} // namespace xms::ui
