// The report's sections in words, shared by the text and the HTML layouts.
#include "common/units.h"
#include "reportrender.h"

namespace xms {

namespace {

using Table = ReportRenderer::Table;
using DiskIntegrity = MigrationReport::DiskIntegrity;
using Rows = QList<QStringList>;

QString when(const QDateTime& t)
{
    return t.isValid() ? t.toLocalTime().toString(QStringLiteral("yyyy-MM-dd HH:mm:ss")) : QStringLiteral("–");
}

QString orDash(const QString& s)
{
    return s.isEmpty() ? QStringLiteral("–") : s;
}

QString eventLevelName(EventLevel level)
{
    switch (level) {
    case EventLevel::Debug:
        return ReportRenderer::tr("debug");
    case EventLevel::Info:
        return ReportRenderer::tr("info");
    case EventLevel::Warning:
        return ReportRenderer::tr("warning");
    case EventLevel::Error:
        break;
    }
    return ReportRenderer::tr("error");
}

QString levelClass(EventLevel level)
{
    return level == EventLevel::Error  ? QStringLiteral("bad")
        : level == EventLevel::Warning ? QStringLiteral("warn")
                                       : QString();
}

Table eventTable(QString id, QString title, const QList<EventRecord>& events, QString empty)
{
    Table t = Table::grid(std::move(id), std::move(title),
                          {ReportRenderer::tr("Time"), ReportRenderer::tr("Stage"), ReportRenderer::tr("Level"),
                           ReportRenderer::tr("Event"), ReportRenderer::tr("Message")},
                          std::move(empty));
    for (const EventRecord& e : events)
        t.add({when(e.time), stageName(e.stage), eventLevelName(e.level), e.name, e.message}, levelClass(e.level));
    return t;
}

Table summary(const MigrationReport& r)
{
    const JobRecord& j = r.job;
    const auto spec = [&](const char* key) { return j.spec.value(QLatin1StringView(key)).toString(); };
    Table t = Table::pairs(QStringLiteral("summary"), ReportRenderer::tr("Summary"));
    QString outcome = stageName(j.stage);
    if (j.stage == Stage::Failed || j.stage == Stage::Cancelled)
        outcome = ReportRenderer::tr("%1 during %2").arg(outcome, stageName(j.failedStage));
    t.add({ReportRenderer::tr("Job"), j.id});
    t.add({ReportRenderer::tr("Source VM"), ReportRenderer::tr("%1 on %2").arg(spec("vm"), spec("source"))});
    t.add({ReportRenderer::tr("Target"),
           QStringLiteral("%1 / %2 / %3").arg(spec("cloud"), spec("project"), spec("instance_name"))});
    t.add({ReportRenderer::tr("Flavor, volume type"),
           QStringLiteral("%1, %2").arg(orDash(spec("flavor")), orDash(spec("volume_type")))});
    t.add({ReportRenderer::tr("Outcome"), outcome},
          j.stage == Stage::Completed ? QStringLiteral("ok")
              : isTerminal(j.stage)   ? QStringLiteral("bad")
                                      : QString());
    t.add({ReportRenderer::tr("Attempts"), QString::number(std::max(r.attempts, j.attempt))});
    t.add({ReportRenderer::tr("Submitted"), when(j.createdAt)});
    t.add({ReportRenderer::tr("Finished"), when(j.finishedAt)});
    t.add({ReportRenderer::tr("Elapsed (final attempt)"),
           r.elapsedSeconds >= 0 ? formatDuration(r.elapsedSeconds) : QStringLiteral("–")});
    if (const QString server = j.result.value(u"server_id").toString(); !server.isEmpty())
        t.add({ReportRenderer::tr("Instance"), server});
    if (const QString error = j.error.value(u"message").toString(); !error.isEmpty())
        t.add({ReportRenderer::tr("Error"), error}, QStringLiteral("bad"));
    t.add({ReportRenderer::tr("Report generated"), when(r.generatedAt)});
    return t;
}

Table sourceVm(const MigrationReport& r)
{
    Table t = Table::pairs(QStringLiteral("source"), ReportRenderer::tr("Source VM"),
                           ReportRenderer::tr("Export did not discover the VM in this job."));
    if (!r.vm)
        return t;
    const vsphere::VmInfo& vm = *r.vm;
    const QString firmware = orDash(vm.firmware) + (vm.secureBoot ? ReportRenderer::tr(" (Secure Boot)") : QString());
    for (const QStringList& row :
         Rows {{ReportRenderer::tr("Name"), vm.name},
               {ReportRenderer::tr("Guest OS"), orDash(vm.guestFullName.isEmpty() ? vm.guestId : vm.guestFullName)},
               {ReportRenderer::tr("Firmware"), firmware},
               {ReportRenderer::tr("CPUs"),
                ReportRenderer::tr("%1 (%2 per socket)").arg(vm.numCpus).arg(std::max(1, vm.coresPerSocket))},
               {ReportRenderer::tr("Memory"), formatBytes(vm.memoryMB * 1024 * 1024)},
               {ReportRenderer::tr("Hardware version"), orDash(vm.hardwareVersion)},
               {ReportRenderer::tr("ESXi host"), orDash(vm.host)},
               {ReportRenderer::tr("Hostname (VMware Tools)"), orDash(vm.guestNetwork.hostName)},
               {ReportRenderer::tr("Instance UUID"), orDash(vm.instanceUuid)}})
        t.add(row);
    return t;
}

Table disks(const MigrationReport& r)
{
    Table t = Table::grid(QStringLiteral("disks"), ReportRenderer::tr("Disks"),
                          {ReportRenderer::tr("Disk"), ReportRenderer::tr("Capacity"), ReportRenderer::tr("Controller"),
                           ReportRenderer::tr("Provisioning"), ReportRenderer::tr("Mode"), ReportRenderer::tr("File")},
                          ReportRenderer::tr("No disks are known."));
    if (r.vm)
        for (const vsphere::DiskInfo& d : r.vm->disks)
            t.add({orDash(d.label), formatBytes(d.capacityBytes), orDash(d.controllerType), orDash(d.provisioning),
                   orDash(d.diskMode), orDash(d.fileName)});
    return t;
}

Table nics(const MigrationReport& r)
{
    Table t = Table::grid(QStringLiteral("nics"), ReportRenderer::tr("Network adapters"),
                          {ReportRenderer::tr("Adapter"), ReportRenderer::tr("MAC"), ReportRenderer::tr("Type"),
                           ReportRenderer::tr("Network"), ReportRenderer::tr("Addresses"),
                           ReportRenderer::tr("Gateway"), ReportRenderer::tr("DNS")},
                          ReportRenderer::tr("No network adapters are known."));
    if (!r.vm)
        return t;
    for (const vsphere::NicInfo& n : r.vm->nics) {
        const vsphere::GuestNic* g = r.vm->guestNetwork.nic(n.macAddress);
        QStringList ips;
        if (g)
            for (const vsphere::GuestIp& ip : g->addresses)
                ips.append(ip.withPrefix());
        t.add({orDash(n.label), n.macAddress, orDash(n.adapterType), orDash(n.network),
               ips.isEmpty() ? ReportRenderer::tr("(not reported)") : ips.join(QStringLiteral(", ")),
               g ? orDash(g->ipv4Gateway) : QStringLiteral("–"),
               g ? orDash(g->dnsServers.join(QStringLiteral(", "))) : QStringLiteral("–")});
    }
    return t;
}

Table preflight(const MigrationReport& r)
{
    Table t
        = Table::grid(QStringLiteral("preflight"),
                      r.preflight ? ReportRenderer::tr("Preflight at submit: %1").arg(verdictName(r.preflight->verdict))
                                  : ReportRenderer::tr("Preflight at submit"),
                      {ReportRenderer::tr("Verdict"), ReportRenderer::tr("Category"), ReportRenderer::tr("Check"),
                       ReportRenderer::tr("Fix")},
                      ReportRenderer::tr("No preflight is stored with this job (it was submitted without one)."));
    if (r.preflight)
        for (const PreflightCheck& c : r.preflight->checks)
            t.add({verdictName(c.verdict), c.category, c.message, c.fix},
                  c.verdict == Verdict::Block      ? QStringLiteral("bad")
                      : c.verdict == Verdict::Warn ? QStringLiteral("warn")
                                                   : QStringLiteral("ok"));
    return t;
}

Table timeline(const MigrationReport& r)
{
    Table t = Table::grid(QStringLiteral("timeline"), ReportRenderer::tr("Stage timeline"),
                          {ReportRenderer::tr("Stage"), ReportRenderer::tr("Attempt"), ReportRenderer::tr("Start"),
                           ReportRenderer::tr("End"), ReportRenderer::tr("Duration"), ReportRenderer::tr("Bytes"),
                           ReportRenderer::tr("Rate")},
                          {});
    const QString dash = QStringLiteral("–");
    for (const MigrationReport::StageSpan& s : r.timeline) {
        if (!s.ran()) {
            t.add({stageName(s.stage), dash, ReportRenderer::tr("did not run"), dash, dash, dash, dash});
            continue;
        }
        const double rate = s.bytesPerSecond();
        t.add({stageName(s.stage), QString::number(s.fromAttempt), when(s.start), when(s.end),
               formatDuration(s.seconds()), s.bytes > 0 ? formatBytes(s.bytes) : dash,
               rate > 0 ? ReportRenderer::tr("%1/s").arg(formatBytes(qint64(rate))) : dash});
    }
    return t;
}

Table estimate(const MigrationReport& r)
{
    Table t = Table::pairs(QStringLiteral("estimate"), ReportRenderer::tr("Estimate against what happened"),
                           ReportRenderer::tr("No estimate is stored with this job."));
    if (!r.estimate)
        return t;
    const Estimate& e = *r.estimate;
    qint64 staged = 0;
    for (const MigrationReport::StageSpan& s : r.timeline)
        if (s.stage == Stage::Export)
            staged = s.bytes;
    t.add({ReportRenderer::tr("Estimated runtime"),
           ReportRenderer::tr("%1 (from %2)").arg(formatDuration(e.seconds), e.basis)});
    t.add({ReportRenderer::tr("Actual runtime"),
           r.elapsedSeconds >= 0 ? formatDuration(r.elapsedSeconds) : ReportRenderer::tr("(not finished)")});
    t.add({ReportRenderer::tr("Disks, estimated for"), formatBytes(e.diskBytes)});
    t.add({ReportRenderer::tr("Disks, exported"), staged > 0 ? formatBytes(staged) : QStringLiteral("–")});
    if (r.elapsedSeconds >= 0 && e.seconds > 0) {
        const double ratio = double(r.elapsedSeconds) / double(e.seconds);
        t.add({ReportRenderer::tr("Actual / estimated"), QStringLiteral("%1 %").arg(qRound(ratio * 100))},
              ratio > 1.5 ? QStringLiteral("warn") : QStringLiteral("ok"));
    }
    return t;
}

Table guestChanges(const MigrationReport& r)
{
    Table t = Table::grid(QStringLiteral("guest_changes"), ReportRenderer::tr("Changes to the guest"),
                          {ReportRenderer::tr("Time"), ReportRenderer::tr("Change")},
                          ReportRenderer::tr("Guest Fixes listed no change to the guest."));
    for (const EventRecord& e : r.guestChanges)
        t.add({when(e.time), e.message});
    return t;
}

Table integrity(const MigrationReport& r)
{
    Table t
        = Table::grid(QStringLiteral("integrity"), ReportRenderer::tr("Integrity"),
                      {ReportRenderer::tr("Disk"), ReportRenderer::tr("SHA-256 of the staged disk"),
                       ReportRenderer::tr("Checksum XMS computed while uploading"),
                       ReportRenderer::tr("Image service's checksum (os_hash_value)"), ReportRenderer::tr("Result")},
                      ReportRenderer::tr("No disk was uploaded in the final attempt."));
    for (const DiskIntegrity& d : r.integrity) {
        const QString sent = d.sent.isEmpty() ? QStringLiteral("–") : d.algorithm + u' ' + d.sent;
        const QString received
            = d.received.isEmpty() ? QStringLiteral("–") : orDash(d.serviceAlgorithm) + u' ' + d.received;
        QString verdict = ReportRenderer::tr("not compared");
        QString cls = QStringLiteral("warn");
        if (d.verdict == DiskIntegrity::Verdict::Match) {
            verdict = ReportRenderer::tr("match");
            cls = QStringLiteral("ok");
        } else if (d.verdict == DiskIntegrity::Verdict::Mismatch) {
            verdict = ReportRenderer::tr("MISMATCH: corrupted in transit");
            cls = QStringLiteral("bad");
        }
        t.add({QString::number(d.disk + 1), orDash(d.rawSha256), sent, received, verdict}, cls);
    }
    return t;
}

Table resources(const MigrationReport& r)
{
    Table t = Table::grid(QStringLiteral("resources"), ReportRenderer::tr("Cloud resources created"),
                          {ReportRenderer::tr("Kind"), ReportRenderer::tr("Name"), ReportRenderer::tr("ID"),
                           ReportRenderer::tr("State"), ReportRenderer::tr("Project"), ReportRenderer::tr("Recorded"),
                           ReportRenderer::tr("Deleted")},
                          ReportRenderer::tr("The job created nothing in the cloud."));
    for (const LedgerEntry& e : r.resources)
        t.add({e.kind, e.name, orDash(e.resourceId), e.state, e.cloud + u" / " + e.project, when(e.createdAt),
               e.deletedAt.isValid() ? when(e.deletedAt) : QStringLiteral("–")},
              e.state == u"kept" ? QStringLiteral("ok") : QString());
    return t;
}

} // namespace

ReportRenderer::Table ReportRenderer::Table::grid(QString id, QString title, QStringList headers, QString empty)
{
    Table t;
    t.id = std::move(id);
    t.title = std::move(title);
    t.headers = std::move(headers);
    t.empty = std::move(empty);
    return t;
}

ReportRenderer::Table ReportRenderer::Table::pairs(QString id, QString title, QString empty)
{
    Table t = grid(std::move(id), std::move(title), {}, std::move(empty));
    t.keyValue = true;
    return t;
}

void ReportRenderer::Table::add(QStringList row, const QString& rowClass)
{
    rows.append(std::move(row));
    rowClasses.append(rowClass);
}

QList<ReportRenderer::Table> ReportRenderer::tables(const MigrationReport& r)
{
    return {summary(r),
            sourceVm(r),
            disks(r),
            nics(r),
            preflight(r),
            timeline(r),
            estimate(r),
            guestChanges(r),
            integrity(r),
            resources(r),
            eventTable(QStringLiteral("warnings"), tr("Warnings and errors"), r.warnings, tr("None.")),
            eventTable(QStringLiteral("events"), tr("Event log"), r.events, tr("No events."))};
}

} // namespace xms
