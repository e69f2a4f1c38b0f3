#include "ledgercleanup.h"

#include "common/errorcodes.h"
#include "engine/cloudclients.h"
#include "engine/jobcontext.h"
#include "engine/jobhost.h"
#include "secrets/secretstore.h"
#include "store/jobstore.h"
#include "store/store.h"

#include <QTimer>

namespace xms {

namespace {
const QString kDeleted = QStringLiteral("deleted");
const QString kKept = QStringLiteral("kept");
} // namespace

LedgerCleanup::LedgerCleanup(JobContext& ctx, JobHost& host, Done done, QObject* parent)
    : QObject(parent)
    , m_ctx(ctx)
    , m_host(host)
    , m_done(std::move(done))
{
}

void LedgerCleanup::start()
{
    auto ledger = m_ctx.ledger->entries();
    if (!ledger) {
        m_failures.append(ledger.error().message);
        return finish();
    }
    for (const LedgerEntry& e : *ledger)
        if (e.state != kDeleted && e.state != kKept)
            m_todo.prepend(e); // newest first
    if (m_todo.isEmpty())
        return finish(); // nothing made in the cloud: no need to reach it
    withCloud([this] { next(); });
}

void LedgerCleanup::withCloud(std::function<void()> then)
{
    // Crash recovery runs in a process that never prepared the job: read the cloud and its secret now.
    if (m_ctx.cloud.name.isEmpty()) {
        auto cloud = m_host.jobs().store().cloud(m_ctx.spec.cloud);
        if (!cloud) {
            m_failures.append(cloud.error().message);
            return finish();
        }
        m_ctx.cloud = *cloud;
    }
    if (!m_ctx.cloudSecret.isEmpty()) {
        m_cloud = new CloudClients(m_ctx, this);
        return then();
    }
    SecretStore::backend().read(SecretStore::cloudSecretKey(m_ctx.cloud), this, [this, then](Result<QString> secret) {
        if (!secret) {
            m_failures.append(secret.error().message);
            return finish();
        }
        m_ctx.cloudSecret = *secret;
        m_cloud = new CloudClients(m_ctx, this);
        then();
    });
}

void LedgerCleanup::next()
{
    if (m_todo.isEmpty())
        return finish();
    const LedgerEntry e = m_todo.takeFirst();
    resolve(e, [this, e](QStringList ids) {
        if (ids.isEmpty()) { // never created
            m_ctx.ledger->setState(e.id, kDeleted);
            return next();
        }
        removeAll(e, ids);
    });
}

void LedgerCleanup::removeAll(const LedgerEntry& e, QStringList ids)
{
    if (ids.isEmpty())
        return next();
    const QString id = ids.takeFirst();
    remove(e, id, [this, e, id, ids](Status s) {
        note(e, id, s);
        removeAll(e, ids);
    });
}

void LedgerCleanup::resolve(const LedgerEntry& e, std::function<void(QStringList)> then)
{
    if (!e.resourceId.isEmpty())
        return then({e.resourceId});
    auto failed = [this, e, then](const Error& err) {
        m_failures.append(tr("could not look up %1 %2: %3").arg(e.kind, e.name, err.message));
        then({});
    };
    const QString job = m_ctx.jobId;
    if (e.kind == u"server")
        return m_cloud->compute->findServers(e.name, [=](Result<QList<xloud::Server>> r) {
            if (!r)
                return failed(r.error());
            QStringList ids;
            for (const xloud::Server& s : *r)
                if (s.metadata.value(QStringLiteral("xms_job")) == job)
                    ids.append(s.id);
            then(ids);
        });
    if (e.kind == u"volume")
        return m_cloud->volumes->findVolumes(e.name, [=](Result<QList<xloud::Volume>> r) {
            if (!r)
                return failed(r.error());
            QStringList ids;
            for (const xloud::Volume& v : *r)
                if (v.metadata.value(QStringLiteral("xms_job")) == job)
                    ids.append(v.id);
            then(ids);
        });
    if (e.kind == u"port") // named after the job: xms-<id>-nicN
        return m_cloud->network->findPorts(e.name, [=](Result<QList<xloud::Port>> r) {
            if (!r)
                return failed(r.error());
            QStringList ids;
            for (const xloud::Port& p : *r)
                ids.append(p.id);
            then(ids);
        });
    if (e.kind == u"image") // named after the job: xms-<id>-diskN-image
        return m_cloud->images->findImages(e.name, [=](Result<QList<xloud::Image>> r) {
            if (!r)
                return failed(r.error());
            QStringList ids;
            for (const xloud::Image& i : *r)
                ids.append(i.id);
            then(ids);
        });
    m_failures.append(tr("unknown resource kind %1 in the ledger").arg(e.kind));
    then({});
}

void LedgerCleanup::remove(const LedgerEntry& e, const QString& id, std::function<void(Status)> then)
{
    const auto waits = CloudClients::waitOptions(15);
    if (e.kind == u"server")
        return m_cloud->compute->deleteServer(id, [this, id, then, waits](Status s) {
            if (!s)
                return then(s);
            m_cloud->compute->waitDeleted(id, then, waits);
        });
    if (e.kind == u"volume")
        return m_cloud->volumes->removeVolume(id, then, waits);
    if (e.kind == u"port")
        return m_cloud->network->deletePort(id, then);
    m_cloud->images->deleteImage(id, then);
}

void LedgerCleanup::note(const LedgerEntry& e, const QString& id, const Status& result)
{
    // Filed under the stage the store has for the job: the one it stopped in, also when recovering a job
    // whose process died.
    Stage stage = Stage::Queued;
    if (auto job = m_host.jobs().job(m_ctx.jobId))
        stage = job->stage;
    const QJsonObject data {
        {QStringLiteral("kind"), e.kind}, {QStringLiteral("name"), e.name}, {QStringLiteral("id"), id}};
    if (result) {
        m_ctx.ledger->setState(e.id, kDeleted);
        m_host.emitEventAt(stage, EventLevel::Info, QStringLiteral("cleanup.deleted"),
                           Text::translate("xms::LedgerCleanup", "Deleted %1 %2").arg(e.kind, e.name), data);
    } else {
        m_failures.append(tr("%1 %2 (%3): %4").arg(e.kind, e.name, id, result.error().message));
        m_host.emitEventAt(stage, EventLevel::Warning, QStringLiteral("cleanup.delete_failed"),
                           Text::translate("xms::LedgerCleanup", "Could not delete %1 %2: %3")
                               .arg(e.kind, e.name, result.error().message),
                           data);
    }
}

void LedgerCleanup::finish()
{
    Done done = std::move(m_done);
    deleteLater();
    if (m_failures.isEmpty())
        return done({});
    done(fail(errc::kCleanupIncomplete,
              tr("%1. Run 'xms migration cleanup %3' to try again (after fixing access, if that was the cause), "
                 "or delete these by hand in the Xloud dashboard (project %2).")
                  .arg(m_failures.join(QStringLiteral("; ")), m_ctx.spec.project, m_ctx.jobId.left(8))));
}

} // namespace xms
