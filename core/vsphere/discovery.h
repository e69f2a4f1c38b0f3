#pragma once

#include "common/error.h"
#include "vminfo.h"

#include <functional>

namespace xms::vsphere {

class Session;

// Discovers every VM of a server (or of one datacenter) with ONE PropertyCollector retrieval over a
// ContainerView — not one round trip per VM — and resolves networks, port groups and hosts to names.
class Discovery
{
public:
    using Done = std::function<void(Result<Inventory>)>;

    // datacenter: a name or inventory path ("Folder/DC1"); empty for the whole server.
    // Errors: "vsphere.datacenter.not_found", plus the session's.
    static void discover(Session& session, const QString& datacenter, Done done);

    // The datacenter's moref (the root folder when datacenter is empty); "vsphere.datacenter.not_found"
    // lists the datacenters that exist.
    static void findDatacenter(Session& session, const QString& datacenter, std::function<void(Result<MoRef>)> done);

    // One VM by name or managed object id. "vsphere.vm.not_found"; "vsphere.vm.ambiguous" when the name is
    // used more than once (then the moref, e.g. "vm-42", picks one).
    static Result<VmInfo> findVm(const Inventory& inventory, const QString& nameOrId);
};

} // namespace xms::vsphere
