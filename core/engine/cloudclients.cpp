#include "cloudclients.h"

#include "engine/jobcontext.h"

namespace xms {

CloudClients::CloudClients(const JobContext& ctx, QObject* parent)
    : QObject(parent)
    , session(new xloud::Session(ctx.cloud, ctx.cloudSecret, this))
    , compute(new xloud::ComputeClient(session, ctx.spec.project, this))
    , volumes(new xloud::BlockStorageClient(session, ctx.spec.project, this))
    , network(new xloud::NetworkClient(session, ctx.spec.project, this))
    , images(new xloud::ImageClient(session, ctx.spec.project, this))
{
}

xloud::WaitOptions CloudClients::waitOptions(int timeoutMinutes)
{
    xloud::WaitOptions o;
    o.intervalMs = 500;
    o.maxIntervalMs = 5000;
    o.timeoutMs = timeoutMinutes * 60 * 1000;
    return o;
}

} // namespace xms
