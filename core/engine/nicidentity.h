#pragma once

#include "guest/bootverifier.h"
#include "guest/nicnames.h"

#include <QList>

namespace xms {

struct JobContext;

// Who each of the job's NICs will be on Xloud: the MACs its port may get (kept, else XMS's own derived
// one; Finalize tries them in this order) and the address the guest configured for it (VMware Tools'
// facts from just before the power-off, else from submit).
struct NicIdentity
{
    QList<NicToPin> pins; // for planNicNames
    QList<BootNic> boot; // for the boot verification: each NIC with its first MAC
};
NicIdentity nicIdentity(const JobContext& ctx);

} // namespace xms
