#pragma once

#include "xloud/types.h"

#include <QAbstractListModel>
#include <QAbstractTableModel>
#include <QHash>

namespace xms::ui {

struct MigrationDraft;

// Flavors of the target project; those too small for the largest selected VM are shown but disabled,
// with the reason as tooltip.
class FlavorModel : public QAbstractListModel
{
    Q_OBJECT
public:
    enum Role { NameRole = Qt::UserRole + 1, MisfitRole };
    explicit FlavorModel(QObject* parent = nullptr);
    int rowCount(const QModelIndex& parent = {}) const override;
    QVariant data(const QModelIndex& index, int role = Qt::DisplayRole) const override;
    Qt::ItemFlags flags(const QModelIndex& index) const override;
    void setFlavors(const QList<xloud::Flavor>& flavors, int needVcpus, qint64 needRamMiB);
    int rowOf(const QString& name) const;
    int firstFitting() const;

private:
    QList<xloud::Flavor> m_flavors;
    int m_vcpus = 0;
    qint64 m_ramMiB = 0;
};

// One row per selected VM with its instance name (editable; defaults to the VM name made valid).
class InstanceNamesModel : public QAbstractTableModel
{
    Q_OBJECT
public:
    enum Column { Vm, Cpu, Memory, InstanceName, ColumnCount };
    explicit InstanceNamesModel(MigrationDraft& draft, QObject* parent = nullptr);
    int rowCount(const QModelIndex& parent = {}) const override;
    int columnCount(const QModelIndex& parent = {}) const override;
    QVariant data(const QModelIndex& index, int role = Qt::DisplayRole) const override;
    bool setData(const QModelIndex& index, const QVariant& value, int role = Qt::EditRole) override;
    Qt::ItemFlags flags(const QModelIndex& index) const override;
    QVariant headerData(int section, Qt::Orientation orientation, int role = Qt::DisplayRole) const override;
    void reload(); // after the VM selection changed

private:
    MigrationDraft& m_draft;
};

} // namespace xms::ui
