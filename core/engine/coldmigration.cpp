#include "coldmigration.h"

#include "common/text.h"
#include "engine/checkpoint.h"
#include "engine/exportstage.h"
#include "engine/finalizestage.h"
#include "engine/gueststages.h"
#include "engine/jobcontext.h"
#include "engine/ledgercleanup.h"
#include "engine/writevolumestage.h"
#include "secrets/secretstore.h"
#include "store/jobstore.h"
#include "store/store.h"
#include "vsphere/moref.h"
#include "vsphere/poweron.h"
#include "vsphere/propertycollector.h"
#include "vsphere/session.h"
#include "vsphere/vmevents.h"

#include <QCoreApplication>

namespace xms::coldmigration {

StageFactory stages()
{
    return [](JobContext&, QObject* parent) {
        auto* inspect = new InspectStageRunner(parent);
        auto* guestFixes = new GuestFixesStageRunner(parent);
        inspect->convertAhead(guestFixes); // the two appliance boots overlap
        return QList<StageRunner*> {new ExportStageRunner(parent), inspect, guestFixes,
                                    new WriteVolumeStageRunner(parent), new FinalizeStageRunner(parent)};
    };
}

namespace {

// After a cancel, when the spec asks for it and this job powered the source off: power it on again
// (vsphere::PowerOn). Its event goes through the host like every other event, filed under Cancelled.
void powerOnSource(JobContext& ctx, JobHost& host, QObject* context, std::function<void(Status)> done)
{
    if (!ctx.cancelled || !ctx.spec.powerOnSourceOnCancel || ctx.exported.poweredOff.isNull())
        return done({});
    auto* session = new vsphere::Session(vsphere::Session::optionsFor(ctx.environment, ctx.sourcePassword), context);
    const vsphere::MoRef vm = ctx.exported.poweredOff;
    JobContext* c = &ctx;
    JobHost* h = &host;
    auto record = [c, h, session, done](Status s) {
        h->emitEventAt(Stage::Cancelled, s ? EventLevel::Info : EventLevel::Warning,
                       s ? QStringLiteral("source.powered_on") : QStringLiteral("source.power_on_failed"),
                       s ? Text::translate("xms", "%1 was powered on again, as requested").arg(c->spec.vm)
                         : Text::translate("xms", "%1 could not be powered on again: %2. Power it on in vSphere.")
                               .arg(c->spec.vm, s.error().message));
        session->deleteLater();
        done({}); // the job stays Cancelled either way; the event says what happened
    };
    session->open([session, vm, record, context](Status opened) {
        if (!opened)
            return record(opened);
        vsphere::PowerOn::start(*session, vm, context, record);
    });
}

// A retry may reuse the disks converted earlier only while the source has stayed powered off: once it runs
// again its disks move on, and the old copy would migrate stale data. Anything unsure starts over.
void confirmSourceStillOff(JobContext& ctx, JobStore& jobs, QObject* context, std::function<void()> next)
{
    const auto job = jobs.job(ctx.jobId);
    const auto checkpoint = job ? Checkpoint::fromJson(job->checkpoint) : std::nullopt;
    if (!checkpoint)
        return next();
    JobContext* c = &ctx;
    const vsphere::MoRef vm = checkpoint->vm.moref;
    auto* session = new vsphere::Session(vsphere::Session::optionsFor(ctx.environment, ctx.sourcePassword), context);
    auto unsure = [c](const Error& e) {
        return Text::translate("xms", "could not confirm that %1 is still powered off (%2)")
            .toString()
            .arg(c->spec.vm, e.message);
    };
    const QDateTime exported = checkpoint->exportStarted;
    auto close = [session, next] {
        session->close([session, next](Status) {
            session->deleteLater();
            next();
        });
    };
    session->open([c, session, vm, exported, unsure, next, close](Status opened) {
        if (!opened) {
            c->resumeBlocked = unsure(opened.error());
            session->deleteLater();
            return next();
        }
        vsphere::PropertyCollector::retrieveOne(
            *session, vm, {QStringLiteral("VirtualMachine"), {QStringLiteral("runtime.powerState")}},
            [c, session, vm, exported, unsure, close](Result<vsphere::ObjectContent> r) {
                const QString state = r ? r->text(QStringLiteral("runtime.powerState")) : QString();
                if (!r)
                    c->resumeBlocked = unsure(r.error());
                else if (state != u"poweredOff")
                    c->resumeBlocked = Text::translate("xms",
                                                       "%1 is %2 now, so its disks may have changed "
                                                       "since they were exported")
                                           .toString()
                                           .arg(c->spec.vm, state);
                if (!c->resumeBlocked.isEmpty() || !exported.isValid())
                    return close(); // a checkpoint from before export times were kept: power state only
                // Off now is not enough: a VM powered on and off again since has other disks.
                vsphere::vmevents::poweredOnSince(
                    *session, vm, exported, [c, unsure, close](Result<std::optional<QDateTime>> on) {
                        if (!on)
                            c->resumeBlocked = unsure(on.error());
                        else if (*on)
                            c->resumeBlocked
                                = Text::translate("xms",
                                                  "%1 was powered on at %2, after its disks were exported, "
                                                  "so they may be out of date")
                                      .toString()
                                      .arg(c->spec.vm, (*on)->toLocalTime().toString(Qt::ISODate));
                        close();
                    });
            });
    });
}

} // namespace

CleanupFn cleanup()
{
    return [](JobContext& ctx, JobHost& host, QObject* context, std::function<void(Status)> done) {
        JobContext* c = &ctx;
        JobHost* h = &host;
        (new LedgerCleanup(
             ctx, host,
             [c, h, context, done](Status cleaned) {
                 powerOnSource(*c, *h, context, [cleaned, done](Status) { done(cleaned); });
             },
             context))
            ->start();
    };
}

PrepareFn prepare()
{
    return [](JobContext& ctx, JobHost& host, QObject* context, std::function<void(Status)> done) {
        auto env = host.jobs().store().environment(ctx.spec.source);
        if (!env)
            return done(std::unexpected(env.error()));
        auto cloud = host.jobs().store().cloud(ctx.spec.cloud);
        if (!cloud)
            return done(std::unexpected(cloud.error()));
        ctx.environment = *env;
        ctx.cloud = *cloud;
        const QString cloudKey = SecretStore::cloudSecretKey(*cloud);
        JobContext* c = &ctx;
        JobStore* jobs = &host.jobs();
        SecretStore::backend().read(
            SecretStore::sourcePasswordKey(env->name), context, [c, jobs, context, cloudKey, done](Result<QString> pw) {
                if (!pw)
                    return done(std::unexpected(pw.error()));
                c->sourcePassword = *pw;
                SecretStore::backend().read(cloudKey, context, [c, jobs, context, done](Result<QString> secret) {
                    if (!secret)
                        return done(std::unexpected(secret.error()));
                    c->cloudSecret = *secret;
                    confirmSourceStillOff(*c, *jobs, context, [done] { done({}); });
                });
            });
    };
}

} // namespace xms::coldmigration
