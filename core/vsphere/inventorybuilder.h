#pragma once

#include "propertycollector.h"
#include "vminfo.h"

namespace xms::vsphere {

// Turns one PropertyCollector retrieval over a ContainerView into VmInfo values: devices into disks and
// NICs, controller keys into controller types, network morefs and distributed port group keys into
// port group names, host morefs into host names. Pure: no I/O, so it is unit-tested with canned responses.
class InventoryBuilder
{
public:
    // The ContainerView's types and the properties read from them (one retrieval for everything).
    static QStringList viewTypes();
    static QList<PropertySpec> propertySpecs();

    // VMs sorted by name; objects of other types only feed the name lookups.
    static QList<VmInfo> build(const QList<ObjectContent>& objects);

    // "[LocalDS_0] vm/vm.vmdk" → "LocalDS_0"
    static QString datastoreOf(const QString& fileName);
    static QString controllerTypeOf(const QString& xsiType); // "ParaVirtualSCSIController" → "pvscsi"
    static QString adapterTypeOf(const QString& xsiType); // "VirtualVmxnet3" → "vmxnet3"; empty: not a NIC
};

} // namespace xms::vsphere
