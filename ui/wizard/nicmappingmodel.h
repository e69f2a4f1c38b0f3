#pragma once

#include "engine/migrationspec.h"
#include "vsphere/vminfo.h"
#include "xloud/types.h"

#include <QAbstractTableModel>

namespace xms::ui {

// One row per source NIC (or per source network when several VMs share it) → target network, subnet and
// whether to keep the MAC and the IP. Keep MAC is disabled, with the reason, where Neutron would refuse it;
// Keep IP where VMware Tools reports no address for the NIC (it then gets one by DHCP).
class NicMappingModel : public QAbstractTableModel
{
    Q_OBJECT
public:
    enum Column { Source, GuestAddress, TargetNetwork, TargetSubnet, KeepMac, KeepIp, ColumnCount };
    enum Role { OptionsRole = Qt::UserRole + 1 }; // QStringList of choices for the editor

    explicit NicMappingModel(QObject* parent = nullptr);

    int rowCount(const QModelIndex& parent = {}) const override;
    int columnCount(const QModelIndex& parent = {}) const override;
    QVariant data(const QModelIndex& index, int role = Qt::DisplayRole) const override;
    bool setData(const QModelIndex& index, const QVariant& value, int role = Qt::EditRole) override;
    Qt::ItemFlags flags(const QModelIndex& index) const override;
    QVariant headerData(int section, Qt::Orientation orientation, int role = Qt::DisplayRole) const override;

    // Rows from the VMs' NICs; existing choices are kept for the same source.
    void setSources(const QList<vsphere::VmInfo>& vms, const QList<xloud::Network>& networks,
                    const QString& projectId);
    void apply(const QList<NicMapping>& mappings); // a profile: matched by source network (or NIC label)
    QList<NicMapping> mappings() const;
    bool isComplete() const; // every row has a target network
    // Empty when the MAC may be kept on this network, else why not (translated).
    QString keepMacBlocker(const QString& network) const;
    QString keepIpBlocker(int row) const; // empty when the row's NIC(s) report an address

private:
    struct Row
    {
        NicMapping mapping;
        QString description; // "Network adapter 1 · VM Network · 00:50:56:…"
        QString addresses; // what Tools reports for the NIC (every selected VM's, on a shared row)
        bool anyAddress = false;
    };
    const xloud::Network* network(const QString& nameOrId) const;

    QList<Row> m_rows;
    QList<xloud::Network> m_networks;
    QString m_projectId;
};

} // namespace xms::ui
