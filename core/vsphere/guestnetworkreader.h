#pragma once

#include "guestnetwork.h"
#include "objectcontent.h"

namespace xms::vsphere {

// VMware Tools' network facts from one VM's properties "guest.net", "guest.ipStack" and
// "guest.hostName" (as a RetrievePropertiesEx returns them). Pure, unit-tested on vSphere 7 shapes.
// Addresses come from each NIC's ipConfig (with prefix), else from its plain ipAddress list; a default
// route's gateway goes to the NIC its `device` index names, else to the NIC whose subnet holds it.
GuestNetwork readGuestNetwork(const ObjectContent& vm);

} // namespace xms::vsphere
