#pragma once

#include "common/text.h"
#include "model/jobrecords.h"
#include "vsphere/vminfo.h"

#include <QJsonObject>
#include <optional>

namespace xms {

// The event source.guest_network: what VMware Tools reports just before the power-off, against what it
// reported at submit — a changed address would make keep-ip keep the wrong one, so that is a warning that
// names each change. Data: vm, guest_network, changes[], changed_since_submit (null: nothing captured).
struct GuestNetworkReport
{
    EventLevel level = EventLevel::Info;
    Text message;
    QJsonObject data;
};
GuestNetworkReport guestNetworkReport(const vsphere::VmInfo& vm, const std::optional<vsphere::GuestNetwork>& atSubmit);

} // namespace xms
