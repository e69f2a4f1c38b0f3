#include "coldmigration.h"

#include "engine/checkpoint.h"
#include "engine/exportstage.h"
#include "engine/finalizestage.h"
#include "engine/gueststages.h"
#include "engine/jobcontext.h"
#include "engine/ledgercleanup.h"
#include "engine/settingkeys.h"
#include "engine/writevolumestage.h"
#include "secrets/secretstore.h"
#include "store/store.h"
#include "vsphere/moref.h"
#include "vsphere/propertycollector.h"
#include "vsphere/session.h"
#include "vsphere/soapenvelope.h"
#include "vsphere/task.h"
#include "vsphere/xmlelement.h"

#include <QCoreApplication>

namespace xms::coldmigration {

StageFactory stages()
{
    return [](JobContext& ctx, QObject* parent) {
        const QString virtioWin = settings::value(ctx.jobs->store(), settings::kVirtioWin);
        return QList<StageRunner*> {new ExportStageRunner(parent), new InspectStageRunner(parent),
                                    new GuestFixesStageRunner(virtioWin, parent), new WriteVolumeStageRunner(parent),
                                    new FinalizeStageRunner(parent)};
    };
}

namespace {

// After a cancel, when the spec asks for it and this job powered the source off: PowerOnVM_Task.
void powerOnSource(JobContext& ctx, QObject* context, std::function<void(Status)> done)
{
    if (!ctx.cancelled || !ctx.spec.powerOnSourceOnCancel || ctx.poweredOffMoref.isEmpty())
        return done({});
    auto* session = new vsphere::Session(vsphere::Session::optionsFor(ctx.environment, ctx.sourcePassword), context);
    const vsphere::MoRef vm {QStringLiteral("VirtualMachine"), ctx.poweredOffMoref};
    JobContext* c = &ctx;
    auto record = [c, session, done](Status s) {
        EventRecord e;
        e.jobId = c->jobId;
        e.stage = Stage::Cancelled;
        e.level = s ? EventLevel::Info : EventLevel::Warning;
        e.name = s ? QStringLiteral("source.powered_on") : QStringLiteral("source.power_on_failed");
        e.message = s ? QCoreApplication::translate("xms", "%1 was powered on again, as requested").arg(c->spec.vm)
                      : QCoreApplication::translate("xms",
                                                    "%1 could not be powered on again: %2. Power it on in "
                                                    "vSphere.")
                            .arg(c->spec.vm, s.error().message);
        c->jobs->appendEvent(e);
        session->deleteLater();
        done({}); // the job stays Cancelled either way; the event says what happened
    };
    session->open([session, vm, record, context](Status opened) {
        if (!opened)
            return record(opened);
        session->call(
            QStringLiteral("PowerOnVM_Task"),
            [vm](QXmlStreamWriter& w) { vsphere::writeMoRef(w, QStringLiteral("_this"), vm); },
            [session, record, context](Result<vsphere::XmlElement> r) {
                if (!r)
                    return record(std::unexpected(r.error()));
                vsphere::Task::wait(*session, vsphere::moRefFrom(r->child(u"returnval")), context,
                                    [record](Result<vsphere::XmlElement> t) {
                                        record(t ? Status {} : Status(std::unexpected(t.error())));
                                    });
            });
    });
}

// A retry may reuse the disks converted earlier only while the source has stayed powered off: once it runs
// again its disks move on, and the old copy would migrate stale data. Anything unsure starts over.
void confirmSourceStillOff(JobContext& ctx, QObject* context, std::function<void()> next)
{
    const auto job = ctx.jobs->job(ctx.jobId);
    const auto checkpoint = job ? Checkpoint::fromJson(job->checkpoint) : std::nullopt;
    if (!checkpoint)
        return next();
    JobContext* c = &ctx;
    const vsphere::MoRef vm {QStringLiteral("VirtualMachine"), checkpoint->vm.value(u"moref").toString()};
    auto* session = new vsphere::Session(vsphere::Session::optionsFor(ctx.environment, ctx.sourcePassword), context);
    auto unsure = [c](const Error& e) {
        return QCoreApplication::translate("xms", "could not confirm that %1 is still powered off (%2)")
            .arg(c->spec.vm, e.message);
    };
    session->open([c, session, vm, unsure, next](Status opened) {
        if (!opened) {
            c->resumeBlocked = unsure(opened.error());
            session->deleteLater();
            return next();
        }
        vsphere::PropertyCollector::retrieveOne(
            *session, vm, {QStringLiteral("VirtualMachine"), {QStringLiteral("runtime.powerState")}},
            [c, session, unsure, next](Result<vsphere::ObjectContent> r) {
                const QString state = r ? r->text(QStringLiteral("runtime.powerState")) : QString();
                if (!r)
                    c->resumeBlocked = unsure(r.error());
                else if (state != u"poweredOff")
                    c->resumeBlocked = QCoreApplication::translate("xms",
                                                                   "%1 is %2 now, so its disks may have changed "
                                                                   "since they were exported")
                                           .arg(c->spec.vm, state);
                session->close([session, next](Status) {
                    session->deleteLater();
                    next();
                });
            });
    });
}

} // namespace

CleanupFn cleanup()
{
    return [](JobContext& ctx, QObject* context, std::function<void(Status)> done) {
        JobContext* c = &ctx;
        (new LedgerCleanup(
             ctx,
             [c, context, done](Status cleaned) {
                 powerOnSource(*c, context, [cleaned, done](Status) { done(cleaned); });
             },
             context))
            ->start();
    };
}

PrepareFn prepare()
{
    return [](JobContext& ctx, QObject* context, std::function<void(Status)> done) {
        auto env = ctx.jobs->store().environment(ctx.spec.source);
        if (!env)
            return done(std::unexpected(env.error()));
        auto cloud = ctx.jobs->store().cloud(ctx.spec.cloud);
        if (!cloud)
            return done(std::unexpected(cloud.error()));
        ctx.environment = *env;
        ctx.cloud = *cloud;
        const QString cloudKey = SecretStore::cloudSecretKey(*cloud);
        JobContext* c = &ctx;
        SecretStore::backend().read(
            SecretStore::sourcePasswordKey(env->name), context, [c, context, cloudKey, done](Result<QString> pw) {
                if (!pw)
                    return done(std::unexpected(pw.error()));
                c->sourcePassword = *pw;
                SecretStore::backend().read(cloudKey, context, [c, context, done](Result<QString> secret) {
                    if (!secret)
                        return done(std::unexpected(secret.error()));
                    c->cloudSecret = *secret;
                    confirmSourceStillOff(*c, context, [done] { done({}); });
                });
            });
    };
}

} // namespace xms::coldmigration
