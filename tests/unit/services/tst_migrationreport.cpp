// The migration report from a store holding a job's recorded events and ledger, as a worker writes them:
// the model (stage spans, bytes, rates, the estimate, guest changes, checksums, resources) and its text,
// JSON and HTML renderings — with real figures, no secrets, and an HTML page that loads nothing.
#include "services/migrationreport.h"
#include "services/reportrender.h"
#include "store/jobstore.h"
#include "testutil.h"

#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QRegularExpression>
#include <QSqlQuery>
#include <QTemporaryDir>
#include <QTest>

using namespace xms;
using namespace Qt::StringLiterals;

namespace {
constexpr qint64 kGiB = 1024LL * 1024 * 1024;
const QString kSentHash = QString(128, u'a');
const QString kRawHash = QString(64, u'c');
} // namespace

class TestMigrationReport : public QObject
{
    Q_OBJECT

    QTemporaryDir m_dir;
    QString m_path;
    std::optional<JobStore> m_jobs;
    QDateTime m_t0;

    QJsonObject spec(const QString& vm)
    {
        MigrationSpec s;
        s.source = u"prod-vcenter"_s;
        s.vm = vm;
        s.cloud = u"xloud"_s;
        s.project = u"infra"_s;
        s.flavor = u"m1.large"_s;
        s.volumeType = u"ssd"_s;
        PreflightReport p;
        p.vm = vm;
        p.add({u"Storage"_s, u"storage.staging_space"_s, Verdict::Pass, u"40 GiB free for 2 GiB"_s, {}});
        p.add({u"Network"_s, u"network.keep_ip.gateway"_s, Verdict::Warn, u"The gateway differs"_s,
               u"Check internal-subnet's gateway"_s});
        p.estimate = Estimate {600, 2 * kGiB, u"defaults"_s};
        s.preflightAtSubmit = p;
        QJsonObject o = s.toJson();
        o.insert(u"cloud_password"_s, u"hunter2-in-spec"_s); // must never reach a report
        return o;
    }

    void event(const QString& job, int at, Stage stage, const QString& name, const QString& message,
               const QJsonObject& data = {}, EventLevel level = EventLevel::Info)
    {
        EventRecord e = EventRecord::of(job, stage, level, name, Text::literal(message), data);
        e.time = m_t0.addSecs(at);
        XMS_VERIFY_OK(m_jobs->appendEvent(e));
    }

    static QJsonObject vm()
    {
        vsphere::VmInfo v;
        v.name = u"web01"_s;
        v.guestFullName = u"Debian GNU/Linux 12 (64-bit)"_s;
        v.firmware = u"bios"_s;
        v.numCpus = 2;
        v.coresPerSocket = 1;
        v.memoryMB = 4096;
        v.hardwareVersion = u"vmx-19"_s;
        vsphere::DiskInfo d;
        d.label = u"Hard disk 1"_s;
        d.capacityBytes = 2 * kGiB;
        d.controllerType = u"pvscsi"_s;
        d.fileName = u"[LocalDS_0] web01/web01.vmdk"_s;
        v.disks = {d};
        vsphere::NicInfo n;
        n.label = u"Network adapter 1"_s;
        n.macAddress = u"00:50:56:aa:bb:01"_s;
        n.adapterType = u"vmxnet3"_s;
        n.network = u"VM Network"_s;
        v.nics = {n};
        vsphere::GuestNic g;
        g.macAddress = n.macAddress;
        g.addresses = {{u"10.10.0.50"_s, 24}};
        g.ipv4Gateway = u"10.10.0.1"_s;
        v.guestNetwork.hostName = u"web01"_s;
        v.guestNetwork.nics = {g};
        return {{u"vm"_s, v.toJson()}};
    }

    // Export 129 s for 2 GiB, Inspect, Guest Fixes with two changes and a warning, Write Volume 210 s for
    // 1 GiB with matching checksums, Finalize; Completed at +700 s.
    void completedJob(QString* jobId)
    {
        auto job = m_jobs->create(spec(u"web01"_s));
        XMS_VERIFY_OK(job);
        const QString id = *jobId = job->id;
        event(id, 0, Stage::Queued, u"job.started"_s, u"Migration of web01 started (attempt 1)"_s);
        event(id, 1, Stage::Export, u"source.discovered"_s, u"Found web01 with 1 disk(s)"_s, vm());
        event(id, 5, Stage::Export, u"source.powered_off"_s, u"web01 was powered off"_s);
        event(id, 126, Stage::Export, u"export.disk_done"_s, u"Disk 1 of 1 staged"_s,
              {{u"index"_s, 0}, {u"bytesReceived"_s, double(2 * kGiB)}});
        event(id, 130, Stage::Inspect, u"inspect.completed"_s, u"Debian 12, BIOS"_s);
        event(id, 160, Stage::GuestFixes, u"guest_fixes.started"_s, u"Converting"_s);
        event(id, 300, Stage::GuestFixes, u"guest_fixes.guest_change"_s,
              u"Pinned interface ens192 to 00:50:56:aa:bb:01 (/etc/systemd/network/10-xms-ens192.link)"_s);
        event(id, 301, Stage::GuestFixes, u"guest_fixes.guest_change"_s, u"Removed VMware Tools (open-vm-tools)"_s);
        event(id, 302, Stage::GuestFixes, u"guest_fixes.warning"_s, u"could not update grub2 console"_s,
              {{u"password"_s, u"hunter2-in-event"_s}, {u"nested"_s, QJsonObject {{u"x_auth_token"_s, u"tok-XYZ"_s}}}},
              EventLevel::Warning);
        event(id, 400, Stage::WriteVolume, u"write.started"_s, u"Writing 1 volume(s) of type ssd"_s);
        const QJsonObject hashes {{u"disk"_s, 0},
                                  {u"image_id"_s, u"img-0001"_s},
                                  {u"hash_algo"_s, u"sha512"_s},
                                  {u"hash_value"_s, kSentHash},
                                  {u"raw_sha256"_s, kRawHash}};
        QJsonObject uploaded = hashes;
        uploaded.insert(u"bytes"_s, double(kGiB));
        event(id, 500, Stage::WriteVolume, u"write.image_uploaded"_s, u"Disk 1 uploaded"_s, uploaded);
        QJsonObject verified = hashes;
        verified.insert(u"os_hash_algo"_s, u"sha512"_s);
        verified.insert(u"os_hash_value"_s, kSentHash);
        event(id, 501, Stage::WriteVolume, u"write.image_verified"_s, u"Disk 1 verified"_s, verified);
        event(id, 600, Stage::WriteVolume, u"write.volume_created"_s, u"Volume web01-disk0 (2 GiB) is available"_s);
        event(id, 610, Stage::Finalize, u"finalize.port_created"_s, u"Port for Network adapter 1"_s);
        event(id, 650, Stage::Finalize, u"finalize.server_created"_s, u"Server web01"_s);
        const struct
        {
            const char* kind;
            const char* resourceId;
            const char* state;
        } made[] = {{"image", "img-0001", "deleted"},
                    {"volume", "vol-0001", "kept"},
                    {"port", "port-0001", "kept"},
                    {"server", "srv-0001", "kept"}};
        for (const auto& m : made) {
            LedgerEntry e;
            e.jobId = id;
            e.kind = QString::fromLatin1(m.kind);
            e.cloud = u"xloud"_s;
            e.project = u"infra"_s;
            e.name = u"xms-"_s + e.kind;
            auto row = m_jobs->ledgerAdd(JobLease(id), e);
            XMS_VERIFY_OK(row);
            XMS_VERIFY_OK(m_jobs->ledgerSetResource(JobLease(id), *row, QString::fromLatin1(m.resourceId)));
            XMS_VERIFY_OK(m_jobs->ledgerSetState(JobLease(id), *row, QString::fromLatin1(m.state)));
        }
        JobEnd end;
        end.terminal = Stage::Completed;
        end.errorOrResult = {{u"server_id"_s, u"srv-0001"_s}};
        end.event = EventRecord::of(id, Stage::Completed, EventLevel::Info, u"migration.completed"_s,
                                    Text::literal(u"web01 runs on Xloud"_s));
        end.event->time = m_t0.addSecs(700);
        XMS_VERIFY_OK(m_jobs->end(JobLease(id), end));
        QSqlQuery q(test::rawSqlite(m_path));
        q.prepare(u"UPDATE jobs SET finished_at = :t WHERE id = :id"_s);
        q.bindValue(u":t"_s, m_t0.addSecs(700).toString(Qt::ISODateWithMs));
        q.bindValue(u":id"_s, id);
        QVERIFY(q.exec());
    }

    MigrationReport::StageSpan span(const MigrationReport& r, Stage s)
    {
        for (const auto& x : r.timeline)
            if (x.stage == s)
                return x;
        return {};
    }

private slots:
    void initTestCase()
    {
        QVERIFY(m_dir.isValid());
        m_path = m_dir.filePath(u"xms.sqlite"_s);
        auto store = Store::open(m_path);
        XMS_VERIFY_OK(store);
        m_jobs.emplace(*store);
        m_t0 = QDateTime::currentDateTimeUtc().addSecs(-7200);
        m_t0.setTime(QTime(m_t0.time().hour(), m_t0.time().minute(), m_t0.time().second()));
    }

    void modelFromTheStore()
    {
        QString id;
        completedJob(&id);
        if (QTest::currentTestFailed())
            return;
        auto r = MigrationReport::load(*m_jobs, id.left(8));
        XMS_VERIFY_OK(r);
        QCOMPARE(r->job.id, id);
        QCOMPARE(r->job.stage, Stage::Completed);
        QCOMPARE(r->attempts, 1);
        QVERIFY(r->vm);
        QCOMPARE(r->vm->nics.first().macAddress, u"00:50:56:aa:bb:01"_s);
        QCOMPARE(r->vm->guestNetwork.nic(u"00:50:56:aa:bb:01"_s)->addresses.first().address, u"10.10.0.50"_s);
        QVERIFY(r->preflight);
        QCOMPARE(r->preflight->verdict, Verdict::Warn);
        QCOMPARE(r->preflight->checks.size(), 2);

        const auto exp = span(*r, Stage::Export);
        QCOMPARE(exp.seconds(), 129); // source.discovered (+1) until Inspect's first event (+130)
        QCOMPARE(exp.bytes, 2 * kGiB);
        QCOMPARE(qint64(exp.bytesPerSecond()), qint64(2.0 * kGiB / 129));
        QCOMPARE(span(*r, Stage::Inspect).seconds(), 30);
        QCOMPARE(span(*r, Stage::GuestFixes).seconds(), 240);
        const auto write = span(*r, Stage::WriteVolume);
        QCOMPARE(write.seconds(), 210);
        QCOMPARE(write.bytes, kGiB);
        QCOMPARE(span(*r, Stage::Finalize).seconds(), 90); // until migration.completed
        QCOMPARE(r->elapsedSeconds, 700);
        QCOMPARE(r->estimate->seconds, 600);

        QCOMPARE(r->guestChanges.size(), 2);
        QVERIFY(r->guestChanges.first().message.contains(u"ens192"));
        QCOMPARE(r->warnings.size(), 1);
        QCOMPARE(r->integrity.size(), 1);
        QCOMPARE(r->integrity.first().verdict, MigrationReport::DiskIntegrity::Verdict::Match);
        QCOMPARE(r->integrity.first().rawSha256, kRawHash);
        QCOMPARE(r->integrity.first().bytesSent, kGiB);
        QCOMPARE(r->resources.size(), 4);
        QCOMPARE(r->resources.at(1).resourceId, u"vol-0001"_s);
        QCOMPARE(r->events.size(), 16);
    }

    void renderings()
    {
        QString id;
        completedJob(&id);
        if (QTest::currentTestFailed())
            return;
        auto r = MigrationReport::load(*m_jobs, id);
        XMS_VERIFY_OK(r);
        const QString text = ReportRenderer::text(*r);
        const QJsonObject json = ReportRenderer::json(*r);
        const QString html = ReportRenderer::html(*r);
        // The sample for docs/: XMS_REPORT_SAMPLE_DIR=docs build/tests/unit/services/tst_migrationreport
        if (const QString dir = qEnvironmentVariable("XMS_REPORT_SAMPLE_DIR"); !dir.isEmpty())
            for (auto f : {ReportRenderer::Format::Html, ReportRenderer::Format::Text, ReportRenderer::Format::Json})
                XMS_VERIFY_OK(ReportRenderer::save(*r, f,
                                                   dir + u"/report-sample."
                                                       + (f == ReportRenderer::Format::Html       ? u"html"_s
                                                              : f == ReportRenderer::Format::Text ? u"txt"_s
                                                                                                  : u"json"_s)));

        for (const QString& rendered : {text, QString::fromUtf8(QJsonDocument(json).toJson()), html}) {
            for (const char* secret : {"hunter2", "tok-XYZ"}) // neither the spec's nor an event's secret
                QVERIFY2(!rendered.contains(QLatin1StringView(secret)), secret);
            for (const char* must : {"vol-0001", "srv-0001", "port-0001", "img-0001", "ens192", "open-vm-tools",
                                     "10.10.0.50", "00:50:56:aa:bb:01", "The gateway differs"})
                QVERIFY2(rendered.contains(QLatin1StringView(must)), must);
            QVERIFY(rendered.contains(kRawHash));
            QVERIFY(rendered.contains(kSentHash));
        }

        // Text: a titled section each, with the figures.
        QVERIFY(html.contains(u"10.10.0.50/24"));
        for (const char* must :
             {"10.10.0.50/24", "Stage timeline", "2 min 9 s", "3 min 30 s", "2.0 GB", "Integrity", "match",
              "Estimate against what happened", "117 %", "Event log", "migration.completed"})
            QVERIFY2(text.contains(QLatin1StringView(must)), must);

        // JSON: raw values under stable keys.
        QCOMPARE(json.value(u"report_version"_s).toInt(), 1);
        QCOMPARE(json.value(u"job"_s).toObject().value(u"id"_s).toString(), id);
        QCOMPARE(json.value(u"job"_s).toObject().value(u"elapsed_seconds"_s).toInt(), 700);
        const QJsonArray timeline = json.value(u"timeline"_s).toArray();
        QCOMPARE(timeline.size(), 5);
        QCOMPARE(timeline.at(0).toObject().value(u"stage"_s).toString(), u"export"_s);
        QCOMPARE(timeline.at(0).toObject().value(u"seconds"_s).toInt(), 129);
        QCOMPARE(qint64(timeline.at(0).toObject().value(u"bytes"_s).toDouble()), 2 * kGiB);
        QCOMPARE(timeline.at(3).toObject().value(u"stage"_s).toString(), u"write_volume"_s);
        QCOMPARE(timeline.at(3).toObject().value(u"seconds"_s).toInt(), 210);
        const QJsonObject disk = json.value(u"integrity"_s).toArray().first().toObject();
        QCOMPARE(disk.value(u"verdict"_s).toString(), u"match"_s);
        QCOMPARE(disk.value(u"os_hash_value"_s).toString(), kSentHash);
        QCOMPARE(disk.value(u"raw_sha256"_s).toString(), kRawHash);
        QCOMPARE(json.value(u"resources"_s).toArray().size(), 4);
        QCOMPARE(json.value(u"guest_changes"_s).toArray().size(), 2);
        QCOMPARE(json.value(u"preflight"_s).toObject().value(u"verdict"_s).toString(), u"warn"_s);
        QCOMPARE(json.value(u"estimate"_s).toObject().value(u"estimated_seconds"_s).toInt(), 600);
        QCOMPARE(json.value(u"events"_s).toArray().size(), 16);
        QCOMPARE(json.value(u"source_vm"_s).toObject().value(u"name"_s).toString(), u"web01"_s);
        QVERIFY(!json.value(u"spec"_s).toObject().contains(u"preflight_at_submit"_s));

        // HTML: self-contained, a chart, printable.
        QVERIFY(html.startsWith(u"<!DOCTYPE html>"));
        QVERIFY(!html.contains(u"http://"));
        QVERIFY(!html.contains(u"https://"));
        for (const char* never : {"<script", "<link", "<img", "<iframe", " src=", "@import", "url("})
            QVERIFY2(!html.contains(QLatin1StringView(never), Qt::CaseInsensitive), never);
        QVERIFY(html.contains(u"<svg"));
        QCOMPARE(html.count(u"<rect"), 5); // a bar per stage that ran
        QVERIFY(html.contains(u"@media print"));
        QVERIFY(html.contains(u"<section id=\"integrity\">"));
        QVERIFY(html.contains(u"<tr class=\"ok\">"));
    }

    void resumedJobWithACorruptUpload()
    {
        // Attempt 1 converts and fails in Write Volume; attempt 2 resumes there and finds a checksum mismatch.
        auto job = m_jobs->create(spec(u"db01"_s));
        const QString id = job->id;
        event(id, 0, Stage::Queued, u"job.started"_s, u"attempt 1"_s);
        event(id, 10, Stage::Export, u"export.disk_done"_s, u"staged"_s, {{u"bytesReceived"_s, double(kGiB)}});
        event(id, 70, Stage::Inspect, u"inspect.completed"_s, u"ok"_s);
        event(id, 80, Stage::GuestFixes, u"guest_fixes.completed"_s, u"ok"_s);
        event(id, 90, Stage::WriteVolume, u"write.failed"_s, u"cloud down"_s, {}, EventLevel::Error);
        event(id, 1000, Stage::Queued, u"job.started"_s, u"attempt 2"_s);
        event(id, 1001, Stage::Queued, u"job.resumed"_s, u"resuming"_s, {{u"from_attempt"_s, 1}});
        event(id, 1002, Stage::WriteVolume, u"write.image_uploaded"_s, u"uploaded"_s,
              {{u"disk"_s, 0}, {u"bytes"_s, 1000.0}, {u"hash_algo"_s, u"sha512"_s}, {u"hash_value"_s, kSentHash}});
        event(id, 1003, Stage::WriteVolume, u"write.checksum_mismatch"_s, u"mismatch"_s,
              {{u"disk"_s, 0},
               {u"hash_algo"_s, u"sha512"_s},
               {u"hash_value"_s, kSentHash},
               {u"os_hash_algo"_s, u"sha512"_s},
               {u"os_hash_value"_s, QString(128, u'f')}},
              EventLevel::Error);
        auto r = MigrationReport::load(*m_jobs, id);
        XMS_VERIFY_OK(r);
        QCOMPARE(r->attempts, 2);
        QCOMPARE(span(*r, Stage::Export).fromAttempt, 1);
        QCOMPARE(span(*r, Stage::Export).seconds(), 60);
        QCOMPARE(span(*r, Stage::WriteVolume).fromAttempt, 2);
        QVERIFY(!span(*r, Stage::Finalize).ran());
        QCOMPARE(r->elapsedSeconds, -1); // not ended
        QVERIFY(!r->vm); // never discovered, no checkpoint
        QCOMPARE(r->integrity.size(), 1);
        QCOMPARE(r->integrity.first().verdict, MigrationReport::DiskIntegrity::Verdict::Mismatch);
        const QString text = ReportRenderer::text(*r);
        QVERIFY(text.contains(u"MISMATCH"));
        QVERIFY(text.contains(u"did not run"));
        QVERIFY(text.contains(u"Export did not discover the VM"));
        QVERIFY(ReportRenderer::html(*r).contains(u"<tr class=\"bad\">"));
        QCOMPARE(ReportRenderer::json(*r).value(u"integrity"_s).toArray().first().toObject().value(u"verdict"_s),
                 QJsonValue(u"mismatch"_s));
    }

    void savesAtomicallyOrNotAtAll()
    {
        QString id;
        completedJob(&id);
        if (QTest::currentTestFailed())
            return;
        const QString file = m_dir.filePath(u"report.html"_s);
        XMS_VERIFY_OK(ReportRenderer::save(*m_jobs, id, ReportRenderer::formatForFile(file), file));
        QFile f(file);
        QVERIFY(f.open(QIODevice::ReadOnly));
        QVERIFY(f.readAll().startsWith("<!DOCTYPE html>"));
        QCOMPARE(ReportRenderer::formatForFile(u"a/b.JSON"_s), ReportRenderer::Format::Json);
        QCOMPARE(ReportRenderer::formatForFile(u"b.txt"_s), ReportRenderer::Format::Text);
        const QString bad = m_dir.filePath(u"no-such-dir/report.html"_s);
        const Status s = ReportRenderer::save(*m_jobs, id, ReportRenderer::Format::Html, bad);
        QVERIFY(!s);
        QCOMPARE(s.error().code, u"io.write"_s);
        QVERIFY(s.error().message.contains(bad));
        QVERIFY(!QFile::exists(bad));
        QCOMPARE(ReportRenderer::save(*m_jobs, u"nosuchjob"_s, ReportRenderer::Format::Html, file).error().code,
                 u"job.not_found"_s);
    }
};

QTEST_GUILESS_MAIN(TestMigrationReport)
#include "tst_migrationreport.moc"
