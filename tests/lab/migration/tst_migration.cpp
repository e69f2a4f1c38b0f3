// Real cold migrations end to end, as an operator runs them: the `xms` binary with a real keychain, the
// lab's vCenter simulator, the libguestfs appliance and virt-v2v on the real Debian guest, and real
// Keystone/Glance/Cinder/Neutron (Nova is the lab's emulator). Each test checks the cloud itself, not
// only what xms says, and removes what a completed migration made so the next test starts clean.
#include "../vsphere/vspherelab.h"
#include "../xloud/xloudlab.h"
#include "migrationlab.h"
#include "guest/bootverifier.h"
#include "store/jobstore.h"
#include "store/store.h"
#include "xloud/blockstorageclient.h"
#include "xloud/computeclient.h"
#include "xloud/imageclient.h"
#include "xloud/networkclient.h"
#include "xloud/session.h"

#include <QCryptographicHash>
#include <QDir>
#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QProcess>
#include <QSignalSpy>
#include <QTemporaryDir>
#include <QTest>
#include <csignal>

using namespace xms;
using namespace Qt::StringLiterals;
using namespace xms::test;

namespace {

using migrationlab::Run;

const QStringList kSeedEvents
    = {u"source.powered_off"_s, u"export.started"_s, u"export.progress"_s,    u"guest_fixes.started"_s,
       u"write.started"_s,      u"write.progress"_s, u"finalize.completed"_s, u"migration.completed"_s};

QByteArray sha256Head(const QString& path, qint64 bytes)
{
    QFile f(path);
    if (!f.open(QIODevice::ReadOnly))
        return {};
    QCryptographicHash h(QCryptographicHash::Sha256);
    qint64 left = bytes;
    while (left > 0) {
        const QByteArray chunk = f.read(std::min<qint64>(left, 1 << 20));
        if (chunk.isEmpty())
            break;
        h.addData(chunk);
        left -= chunk.size();
    }
    return h.result().toHex();
}

} // namespace

class TestMigration : public QObject
{
    Q_OBJECT

    QTemporaryDir m_home;
    std::optional<JobStore> m_jobs;
    migrationlab::LabCloud* m_cloud = nullptr;
    xloud::ComputeClient* m_compute = nullptr;
    xloud::BlockStorageClient* m_volumes = nullptr;
    xloud::NetworkClient* m_network = nullptr;
    xloud::ImageClient* m_images = nullptr;
    QString m_labDir;
    QString m_quotaUrl;
    QByteArray m_adminToken;

    Run xms(const QStringList& args, const QByteArray& input = {}, int timeoutMs = 180000)
    {
        QProcessEnvironment env = QProcessEnvironment::systemEnvironment();
        env.insert(u"XMS_HOME"_s, m_home.path());
        return migrationlab::runXms(env, args, input, timeoutMs);
    }

    // lab-debian-bios has 1 vCPU, lab-two-disks 2 (both 2 GiB RAM): the smallest flavors that fit.
    QStringList targetArgs(const QString& vm) const
    {
        const QString flavor = vm == u"lab-two-disks" ? u"m1.medium"_s : u"m1.small"_s;
        return {u"--source"_s,         u"lab"_s,   u"--vm"_s,     vm,
                u"--kind"_s,           u"cold"_s,  u"--cloud"_s,  u"lab"_s,
                u"--target-project"_s, u"infra"_s, u"--flavor"_s, flavor,
                u"--volume-type"_s,    u"ssd"_s};
    }

    JobRecord job(const QString& id) { return m_jobs->job(id).value(); }

    JobRecord waitFor(const QString& id, const std::function<bool(const JobRecord&)>& done, int timeoutMs)
    {
        return migrationlab::waitFor(*m_jobs, id, done, timeoutMs);
    }

    QStringList eventNames(const QString& id) const { return test::eventNames(*m_jobs, id); }

    QString eventDump(const QString& id) { return migrationlab::eventDump(*m_jobs, id); }

    // The seed events in this order (others may come between them).
    static bool inOrder(const QStringList& names, const QStringList& wanted)
    {
        qsizetype at = 0;
        for (const QString& w : wanted) {
            at = names.indexOf(w, at);
            if (at < 0)
                return false;
        }
        return true;
    }

    QString submitted(const Run& r) { return migrationlab::submittedId(r); }

    // Nothing of the job in Xloud; its staging directory gone too unless the job kept its converted disks.
    void verifyNothingLeft(const QString& id, bool stagingKept = false)
    {
        m_cloud->verifyNothingLeft(*m_jobs, id, job(id).spec.value(u"vm").toString(), 2);
        if (QTest::currentTestFailed())
            return;
        if (!stagingKept)
            QVERIFY2(!QDir(m_home.filePath(u"staging/"_s + id)).exists(), "staging files were left behind");
    }

    void removeMigrated(const JobRecord& j) { m_cloud->removeMigrated(j); }

    QString volumeFile(const QString& volumeId) const { return m_labDir + u"/cloud/cinder/volumes/volume-" + volumeId; }

    // Leaves project infra no headroom for one Cinder quota key (admin, as a cloud operator would): the limit is
    // pinned to what is already used or reserved, the smallest value Cinder accepts whatever other tests left.
    // Returns the limit it replaced, or a negative HTTP status / -1 on failure.
    int exhaustCinderQuota(const QString& key)
    {
        QByteArray token;
        const QJsonObject auth {
            {u"identity"_s,
             QJsonObject {
                 {u"methods"_s, QJsonArray {u"password"_s}},
                 {u"password"_s,
                  QJsonObject {
                      {u"user"_s,
                       QJsonObject {{u"name"_s, QString::fromUtf8(requireEnv("XMS_LAB_OS_ADMIN_USERNAME"))},
                                    {u"domain"_s, QJsonObject {{u"name"_s, u"Default"_s}}},
                                    {u"password"_s, QString::fromUtf8(requireEnv("XMS_LAB_OS_ADMIN_PASSWORD"))}}}}}}},
            {u"scope"_s,
             QJsonObject {
                 {u"project"_s,
                  QJsonObject {{u"name"_s, u"admin"_s}, {u"domain"_s, QJsonObject {{u"name"_s, u"Default"_s}}}}}}}};
        const int status = rawCall("POST", QString::fromUtf8(requireEnv("OS_AUTH_URL")) + u"/auth/tokens", {},
                                   QJsonObject {{u"auth"_s, auth}}, nullptr, &token);
        if (status != 201)
            return -status;
        QFile idsFile(m_labDir + u"/cloud/ids.json");
        if (!idsFile.open(QIODevice::ReadOnly))
            return -1;
        const QJsonObject projects = QJsonDocument::fromJson(idsFile.readAll()).object()[u"projects"].toObject();
        m_quotaUrl = u"http://127.0.0.1:8776/v3/"_s + projects[u"admin"].toString() + u"/os-quota-sets/"
            + projects[u"infra"].toString();
        m_adminToken = token;
        QJsonObject reply;
        if (const int got = rawCall("GET", m_quotaUrl + u"?usage=true", token, {}, &reply); got != 200)
            return -got;
        const QJsonObject usage = reply[u"quota_set"].toObject()[key].toObject();
        const int used = usage[u"in_use"].toInt() + usage[u"reserved"].toInt();
        if (const int put
            = rawCall("PUT", m_quotaUrl, token, QJsonObject {{u"quota_set"_s, QJsonObject {{key, used}}}});
            put != 200)
            return -put;
        return usage[u"limit"].toInt();
    }

    // The job's report, read back through `xms migration report` (no new conversion): every stage with its
    // time and bytes, the disk's checksums equal to the image service's, what it created, as JSON and HTML.
    void checkReport(const JobRecord& j, const QString& volumeId, const QString& serverId, const QString& mac)
    {
        const Run json = xms({u"migration"_s, u"report"_s, j.id.left(8), u"--output"_s, u"json"_s});
        QVERIFY2(json.exitCode == 0, qPrintable(json.err));
        const QJsonObject r = QJsonDocument::fromJson(json.out.toUtf8()).object();
        QCOMPARE(r.value(u"job"_s).toObject().value(u"stage"_s).toString(), u"completed"_s);
        QVERIFY(r.value(u"job"_s).toObject().value(u"elapsed_seconds"_s).toDouble() > 0);
        QCOMPARE(r.value(u"source_vm"_s).toObject().value(u"name"_s).toString(), u"lab-debian-bios"_s);
        QVERIFY(QJsonDocument(r.value(u"source_vm"_s).toObject()).toJson().contains(mac.toLower().toUtf8()));
        QVERIFY(!r.value(u"preflight"_s).toObject().value(u"checks"_s).toArray().isEmpty());
        QVERIFY(r.value(u"estimate"_s).toObject().value(u"estimated_seconds"_s).toDouble() > 0);
        for (const QJsonValue& v : r.value(u"timeline"_s).toArray()) {
            const QJsonObject s = v.toObject();
            QVERIFY2(s.value(u"ran"_s).toBool(), qPrintable(s.value(u"stage"_s).toString()));
            if (s.value(u"stage"_s) == u"export"_s || s.value(u"stage"_s) == u"write_volume"_s) {
                QVERIFY(s.value(u"bytes"_s).toDouble() > 0);
                QVERIFY(s.value(u"seconds"_s).toDouble() > 0);
            }
        }
        const QJsonArray integrity = r.value(u"integrity"_s).toArray();
        QCOMPARE(integrity.size(), 1);
        const QJsonObject disk = integrity.first().toObject();
        QCOMPARE(disk.value(u"verdict"_s).toString(), u"match"_s);
        QCOMPARE(disk.value(u"os_hash_algo"_s).toString(), u"sha512"_s);
        QCOMPARE(disk.value(u"os_hash_value"_s).toString(), disk.value(u"hash_value"_s).toString());
        QCOMPARE(disk.value(u"raw_sha256"_s).toString().size(), 64);
        QStringList kept;
        for (const QJsonValue& v : r.value(u"resources"_s).toArray())
            if (v.toObject().value(u"state"_s) == u"kept"_s)
                kept << v.toObject().value(u"id"_s).toString();
        QVERIFY2(kept.contains(volumeId) && kept.contains(serverId), qPrintable(kept.join(u' ')));
        QVERIFY(!r.value(u"events"_s).toArray().isEmpty());

        const QString page = m_home.filePath(u"report-"_s + j.id + u".html");
        const Run html = xms({u"migration"_s, u"report"_s, j.id, u"--output"_s, u"html"_s, u"--file"_s, page});
        QVERIFY2(html.exitCode == 0, qPrintable(html.err));
        QFile f(page);
        QVERIFY(f.open(QIODevice::ReadOnly));
        const QByteArray bytes = f.readAll();
        QVERIFY(bytes.contains("<svg") && bytes.contains(volumeId.toUtf8()));
        QVERIFY(!bytes.contains("http://") && !bytes.contains("https://"));
    }

    void restoreCinderQuota(const QString& key, int limit)
    {
        const int put
            = rawCall("PUT", m_quotaUrl, m_adminToken, QJsonObject {{u"quota_set"_s, QJsonObject {{key, limit}}}});
        if (put != 200)
            qWarning("could not restore Cinder quota %s to %d: HTTP %d", qPrintable(key), limit, put);
    }

private slots:
    void initTestCase()
    {
        QVERIFY2(qEnvironmentVariableIsSet("DBUS_SESSION_BUS_ADDRESS"),
                 "run through tests/with-keyring: the CLI keeps secrets in a real Secret Service");
        QVERIFY(m_home.isValid());
        m_labDir = QString::fromUtf8(requireEnv("XMS_LAB_DIR"));
        qputenv("XMS_HOME", m_home.path().toUtf8());
        auto store = Store::openDefault(); // the CLI's own store under XMS_HOME
        XMS_VERIFY_OK(store);
        m_jobs.emplace(*store);

        const QString added = migrationlab::addLabSourceAndCloud(
            [this](const QStringList& args, const QByteArray& input) { return xms(args, input); });
        QVERIFY2(added.isEmpty(), qPrintable(added));
        m_cloud = new migrationlab::LabCloud(this);
        m_compute = m_cloud->compute;
        m_volumes = m_cloud->volumes;
        m_network = m_cloud->network;
        m_images = m_cloud->images;
    }

    // d. Over quota: preflight names the quota and submit creates no job.
    void preflightBlocksOverQuota()
    {
        const int limit = exhaustCinderQuota(u"volumes_ssd"_s);
        QVERIFY2(limit >= 0, qPrintable(u"pinning the quota failed: "_s + QString::number(limit)));
        auto restore = qScopeGuard([this, limit] { restoreCinderQuota(u"volumes_ssd"_s, limit); });
        QStringList args = {u"preflight"_s};
        args += targetArgs(u"lab-debian-bios"_s);
        args += {u"--network-map"_s, u"VM Network=internal-net"_s};
        const Run pre = xms(args);
        QCOMPARE(pre.exitCode, 1);
        QVERIFY2(pre.out.contains(u"[Block]") && pre.out.contains(u"volumes_ssd"), qPrintable(pre.out));

        QStringList submit = {u"migration"_s, u"submit"_s};
        submit += targetArgs(u"lab-debian-bios"_s);
        submit += {u"--network-map"_s, u"VM Network=internal-net"_s};
        const Run refused = xms(submit);
        QCOMPARE(refused.exitCode, 1);
        QVERIFY2(refused.err.contains(u"volumes_ssd") && refused.err.contains(u"no job was created"),
                 qPrintable(refused.err));
        QCOMPARE(m_jobs->jobs()->size(), 0);
    }

    void preflightRefusesSmallFlavorAndUnmappedNic()
    {
        QStringList args = {u"preflight"_s};
        args += targetArgs(u"lab-two-disks"_s);
        args[args.indexOf(u"m1.medium"_s)] = u"m1.tiny"_s;
        args += {u"--network-map"_s, u"VM Network=internal-net"_s, u"--output"_s, u"json"_s};
        const Run pre = xms(args);
        QCOMPARE(pre.exitCode, 1);
        const QJsonObject report = QJsonDocument::fromJson(pre.out.toUtf8()).array().first().toObject();
        QCOMPARE(report[u"verdict"].toString(), u"block"_s);
        QStringList blocks;
        for (const QJsonValue& c : report[u"checks"].toArray())
            if (c[u"verdict"].toString() == u"block")
                blocks.append(c[u"key"].toString() + u": " + c[u"message"].toString());
        QVERIFY2(blocks.join(u'\n').contains(u"target.flavor_fit: Flavor m1.tiny"), qPrintable(blocks.join(u'\n')));
        QVERIFY2(blocks.join(u'\n').contains(u"network.unmapped") && blocks.join(u'\n').contains(u"DC0_DVPG0"),
                 qPrintable(blocks.join(u'\n')));
    }

    // Network identity: lab-debian-static's VMware Tools report 10.10.0.200/24 (internal-subnet's static
    // range). Preflight passes keep-ip there, blocks it on another subnet or when a port holds the address;
    // submit keeps what Tools saw with the job, and Export reports it again before the power-off.
    void keepIpPreflightAndSubmit()
    {
        const auto checksOf = [&](const QString& map, int exitCode) {
            QStringList args = {u"preflight"_s};
            args += targetArgs(u"lab-debian-static"_s);
            args += {u"--network-map"_s, map, u"--output"_s, u"json"_s};
            const Run pre = xms(args);
            QHash<QString, QJsonObject> checks;
            for (const QJsonValue& c : QJsonDocument::fromJson(pre.out.toUtf8()).array().first()[u"checks"].toArray())
                checks.insert(c[u"key"].toString(), c.toObject());
            if (pre.exitCode != exitCode)
                qWarning().noquote() << "preflight exit" << pre.exitCode << pre.out << pre.err;
            return pre.exitCode == exitCode ? checks : QHash<QString, QJsonObject> {};
        };
        const QString keep = u"VM Network=internal-net/internal-subnet,keep-mac,keep-ip"_s;
        auto checks = checksOf(keep, 0);
        QCOMPARE(checks.value(u"network.keep_ip"_s)[u"verdict"].toString(), u"pass"_s);
        QCOMPARE(checks.value(u"network.keep_ip"_s)[u"message"].toString(),
                 u"Network adapter 1 keeps IP 10.10.0.200 on internal-subnet (10.10.0.0/24)"_s);
        QVERIFY(!checks.contains(u"network.gateway"_s)); // 10.10.0.1 is the subnet's gateway too

        checks = checksOf(u"VM Network=backend-net/backend-subnet,keep-ip"_s, 1);
        QCOMPARE(checks.value(u"network.keep_ip_subnet"_s)[u"message"].toString(),
                 u"Network adapter 1 has 10.10.0.200, which is outside backend-subnet (10.20.0.0/24)"_s);

        auto nets = await<QList<xloud::Network>>([&](auto cb) { m_network->networksWithSubnets(cb); });
        XMS_VERIFY_OK(nets);
        xloud::PortSpec squat;
        for (const xloud::Network& n : *nets)
            if (n.name == u"internal-net" && !n.subnets.isEmpty()) {
                squat.networkId = n.id;
                squat.subnetId = n.subnets.first().id;
            }
        squat.ipAddress = u"10.10.0.200"_s;
        squat.name = uniqueName(u"ip-squatter"_s);
        auto port = await<xloud::Port>([&](auto cb) { m_network->createPort(squat, cb); });
        XMS_VERIFY_OK(port);
        {
            auto removePort
                = qScopeGuard([&] { (void)awaitStatus([&](auto cb) { m_network->deletePort(port->id, cb); }); });
            checks = checksOf(keep, 1);
            const QJsonObject inUse = checks.value(u"network.ip_in_use"_s);
            QCOMPARE(inUse[u"verdict"].toString(), u"block"_s);
            QVERIFY2(inUse[u"message"].toString().contains(port->id), qPrintable(inUse[u"message"].toString()));
            QVERIFY(inUse[u"fix"].toString().contains(u"DHCP"));
        }

        auto vc = vspherelab::openSession();
        XMS_VERIFY_OK(vspherelab::powerOn(*vc, vspherelab::vm(*vc, u"lab-debian-static"_s).moref));
        QStringList args = {u"migration"_s, u"submit"_s};
        args += targetArgs(u"lab-debian-static"_s);
        args += {u"--network-map"_s, keep, u"--power-on-source-on-cancel"_s, u"--output"_s, u"json"_s};
        const Run run = xms(args);
        QVERIFY2(run.exitCode == 0, qPrintable(run.err + run.out));
        const QString id = submitted(run);
        QVERIFY(!id.isEmpty());
        const QJsonObject atSubmit = job(id).spec[u"guest_network_at_submit"].toObject();
        QCOMPARE(atSubmit[u"hostName"].toString(), u"lab-debian-static"_s);
        QCOMPARE(atSubmit[u"nics"][0][u"addresses"][0][u"address"].toString(), u"10.10.0.200"_s);
        QVERIFY2(QTest::qWaitFor([&] { return eventNames(id).contains(u"source.guest_network"_s); }, 120000),
                 qPrintable(eventDump(id)));
        const Run cancel = xms({u"migration"_s, u"cancel"_s, id.left(8)});
        QVERIFY2(cancel.exitCode == 0, qPrintable(cancel.err));
        QCOMPARE(waitFor(
                     id, [](const JobRecord& r) { return isTerminal(r.stage); }, 300000)
                     .stage,
                 Stage::Cancelled);
        QVERIFY2(inOrder(eventNames(id), {u"source.discovered"_s, u"source.guest_network"_s}),
                 qPrintable(eventDump(id)));
        const QList<EventRecord> events = m_jobs->events(id).value();
        for (const EventRecord& e : events)
            if (e.name == u"source.guest_network") {
                QCOMPARE(e.level, EventLevel::Info);
                QCOMPARE(e.data[u"changed_since_submit"].toBool(true), false);
                QVERIFY2(e.message.contains(u"as at submit") && e.message.contains(u"10.10.0.200/24 "),
                         qPrintable(e.message));
            }
        QCOMPARE(vspherelab::vm(*vc, u"lab-debian-static"_s).powerState, u"poweredOn"_s);
        verifyNothingLeft(id);
    }

    // a. lab-debian-bios, end to end, with the instance's disk booted on VirtIO afterwards.
    void migrateBiosGuest()
    {
        auto vc = vspherelab::openSession();
        const vsphere::VmInfo before = vspherelab::vm(*vc, u"lab-debian-bios"_s);
        XMS_VERIFY_OK(vspherelab::powerOn(*vc, before.moref));
        const QString mac = before.nics.first().macAddress;
        QMap<QString, QByteArray> sourceFiles;
        const auto all = vspherelab::datastoreHashes();
        // Its disks and configuration; vmware.log is the simulated hypervisor's own log of power operations.
        for (auto it = all.begin(); it != all.end(); ++it)
            if (it.key().contains(u"lab-debian-bios") && !it.key().endsWith(u"vmware.log"))
                sourceFiles.insert(it.key(), it.value());
        QVERIFY(!sourceFiles.isEmpty());

        // The demo (README) migrates this VM with keep-mac too: free the MAC if an earlier run holds it.
        auto holders = await<QList<xloud::Port>>([&](auto cb) { m_network->portsByMac(mac, cb); });
        XMS_VERIFY_OK(holders);
        for (const xloud::Port& p : *holders) {
            if (!p.deviceId.isEmpty()) {
                XMS_VERIFY_OK(awaitStatus([&](auto cb) { m_compute->deleteServer(p.deviceId, cb); }));
                XMS_VERIFY_OK(awaitStatus([&](auto cb) { m_compute->waitDeleted(p.deviceId, cb); }, 300000));
            }
            XMS_VERIFY_OK(awaitStatus([&](auto cb) { m_network->deletePort(p.id, cb); }));
        }

        // Boot verification on, as on a KVM host (auto leaves it off under TCG): the converted guest must ask
        // DHCP from its kept MAC before anything is created in Xloud.
        const Run verify = xms({u"settings"_s, u"set"_s, u"guest/verify-boot"_s, u"always"_s});
        QVERIFY2(verify.exitCode == 0, qPrintable(verify.err));
        auto verifyOff = qScopeGuard([&] { xms({u"settings"_s, u"unset"_s, u"guest/verify-boot"_s}); });
        QStringList args = {u"migration"_s, u"submit"_s};
        args += targetArgs(u"lab-debian-bios"_s);
        args += {u"--network-map"_s, u"VM Network=internal-net,keep-mac"_s, u"--wait"_s};
        QElapsedTimer clock;
        clock.start();
        const Run run = xms(args, {}, 30 * 60 * 1000);
        qInfo("lab-debian-bios migrated in %lld s", clock.elapsed() / 1000);
        QVERIFY2(run.exitCode == 0, qPrintable(run.out + run.err));
        QVERIFY2(run.out.contains(u"migration.completed"), qPrintable(run.out)); // the live display

        const JobRecord j = m_jobs->jobs()->first();
        QCOMPARE(j.stage, Stage::Completed);
        const QStringList names = eventNames(j.id);
        QVERIFY2(inOrder(names, kSeedEvents), qPrintable(names.join(u", ")));
        QVERIFY(names.contains(u"inspect.completed"_s));
        QVERIFY2(inOrder(names, {u"guest_fixes.boot_verified"_s, u"guest_fixes.completed"_s, u"write.started"_s}),
                 qPrintable(names.join(u", ")));
        const auto events = m_jobs->events(j.id);
        for (const EventRecord& e : *events) {
            if (e.name == u"inspect.completed") {
                const QString text = QString::fromUtf8(QJsonDocument(e.data).toJson());
                QVERIFY2(text.contains(u"debian") && text.contains(u"bios"), qPrintable(text));
            }
            if (e.name == u"guest_fixes.boot_verified") {
                qInfo("%s", qPrintable(e.message));
                QVERIFY(e.data[u"seconds"].toDouble() > 0);
                QCOMPARE(e.data[u"seen"].toArray().first().toString(),
                         u"Network adapter 1 (%1): a DHCP request"_s.arg(mac.toLower()));
            }
            if (e.name == u"guest_fixes.nic_names") // eth0 with net.ifnames=0: nothing to pin
                QVERIFY2(e.message.contains(u"classic interface names"), qPrintable(e.message));
            if (e.name == u"guest_fixes.completed") { // virt-v2v's log outlives the job's staging
                QFile log(e.data.value(u"logFile").toString());
                QVERIFY2(log.open(QIODevice::ReadOnly), qPrintable(log.fileName()));
                QVERIFY(log.fileName().startsWith(m_home.filePath(u"logs/"_s)));
                QVERIFY(log.readAll().contains("Finishing off"));
            }
        }

        // The instance, its volume and its port, read from the services themselves.
        const QString serverId = j.result[u"server_id"].toString();
        auto server = await<xloud::Server>([&](auto cb) { m_compute->server(serverId, cb); });
        XMS_VERIFY_OK(server);
        QCOMPARE(server->status, u"ACTIVE"_s);
        QCOMPARE(server->name, u"lab-debian-bios"_s);
        const QJsonArray volumeIds = j.result[u"volume_ids"].toArray();
        QCOMPARE(volumeIds.size(), 1);
        auto volume = await<xloud::Volume>([&](auto cb) { m_volumes->volume(volumeIds.first().toString(), cb); });
        XMS_VERIFY_OK(volume);
        QVERIFY(volume->bootable);
        QCOMPARE(volume->volumeType, u"ssd"_s);
        QCOMPARE(volume->imageMetadata.value(u"hw_disk_bus"_s), u"virtio"_s);
        QCOMPARE(volume->imageMetadata.value(u"hw_vif_model"_s), u"virtio"_s);
        QCOMPARE(volume->imageMetadata.value(u"hw_firmware_type"_s), u"bios"_s);
        QVERIFY(server->volumeIds.contains(volume->id));
        const QJsonArray portIds = j.result[u"port_ids"].toArray();
        QCOMPARE(portIds.size(), 1);
        auto port = await<xloud::Port>([&](auto cb) { m_network->port(portIds.first().toString(), cb); });
        XMS_VERIFY_OK(port);
        QCOMPARE(port->macAddress.toLower(), mac.toLower());

        // The source: powered off, its files byte for byte as before.
        const vsphere::VmInfo after = vspherelab::vm(*vc, u"lab-debian-bios"_s);
        QCOMPARE(after.powerState, u"poweredOff"_s);
        const auto now = vspherelab::datastoreHashes();
        for (auto it = sourceFiles.begin(); it != sourceFiles.end(); ++it)
            QVERIFY2(now.value(it.key()) == it.value(), qPrintable(u"source file changed: "_s + it.key()));
        QVERIFY(!QDir(m_home.filePath(u"staging/"_s + j.id)).exists());

        // The volume's bytes boot under QEMU with virtio-blk and virtio-net only.
        QProcess boot;
        boot.setProcessChannelMode(QProcess::MergedChannels);
        boot.start(QStringLiteral(XMS_SOURCE_DIR "/tests/lab/guest/boot-check"),
                   {volumeFile(volume->id), u"--firmware"_s, u"bios"_s, u"--disk-bus"_s, u"virtio"_s, u"--nic"_s,
                    u"virtio"_s, u"--timeout"_s, u"600"_s});
        QVERIFY(boot.waitForFinished(700000));
        const QString bootLog = QString::fromUtf8(boot.readAll());
        QVERIFY2(boot.exitCode() == 0 && bootLog.contains(u"OK login prompt"), qPrintable(bootLog));
        qInfo("%s", qPrintable(bootLog.trimmed().split(u'\n').last()));

        checkReport(j, volume->id, serverId, mac);
        removeMigrated(j);
    }

    // b'. lab-debian-static, end to end with keep-mac and keep-ip: a guest configured as on VMware (ens192,
    // 10.10.0.200/24) keeps its interface name through a pin, proves its network in the boot verification
    // before anything is created, and its Cinder volume's bytes answer ARP at the kept address from the kept
    // MAC on a wire of their own; booted with a MAC the pin does not name, they do not.
    void migrateStaticGuestKeepingItsAddress()
    {
        auto vc = vspherelab::openSession();
        const vsphere::VmInfo before = vspherelab::vm(*vc, u"lab-debian-static"_s);
        XMS_VERIFY_OK(vspherelab::powerOn(*vc, before.moref));
        const QString mac = before.nics.first().macAddress.toLower();
        const Run verify = xms({u"settings"_s, u"set"_s, u"guest/verify-boot"_s, u"always"_s});
        QVERIFY2(verify.exitCode == 0, qPrintable(verify.err));
        auto verifyOff = qScopeGuard([&] { xms({u"settings"_s, u"unset"_s, u"guest/verify-boot"_s}); });

        QStringList args = {u"migration"_s, u"submit"_s};
        args += targetArgs(u"lab-debian-static"_s);
        args += {u"--network-map"_s, u"VM Network=internal-net/internal-subnet,keep-mac,keep-ip"_s, u"--wait"_s};
        QElapsedTimer clock;
        clock.start();
        const Run run = xms(args, {}, 30 * 60 * 1000);
        qInfo("lab-debian-static migrated in %lld s", clock.elapsed() / 1000);
        QVERIFY2(run.exitCode == 0, qPrintable(run.out + run.err));
        const JobRecord j = m_jobs->jobs()->first();
        auto removeAll = qScopeGuard([&] { removeMigrated(j); }); // also when an assertion below fails
        QCOMPARE(j.stage, Stage::Completed);
        const QStringList names = eventNames(j.id);
        QVERIFY2(inOrder(names, {u"guest_fixes.guest_change"_s, u"guest_fixes.boot_verified"_s, u"write.started"_s}),
                 qPrintable(names.join(u", ")));
        const QList<EventRecord> events = m_jobs->events(j.id).value();
        QStringList changes; // one .link per MAC the port may get: the kept one, then XMS's own
        for (const EventRecord& e : events) {
            if (e.name == u"guest_fixes.guest_change")
                changes.append(e.message);
            if (e.name == u"guest_fixes.boot_verified") {
                qInfo("%s", qPrintable(e.message));
                QCOMPARE(e.data[u"seen"].toArray().first().toString(),
                         u"Network adapter 1 (%1): an ARP answer for 10.10.0.200"_s.arg(mac));
            }
        }
        QCOMPARE(changes.size(), 2);
        const QString why
            = u": Network adapter 1 keeps the name ens192 (VMware names the NIC in PCI slot 192 ens192)"_s;
        QCOMPARE(changes[0], u"wrote /etc/systemd/network/10-xms-ens192.link"_s + why);
        QCOMPARE(changes[1], u"wrote /etc/systemd/network/10-xms-ens192-2.link"_s + why);
        const QJsonArray portIds = j.result[u"port_ids"].toArray();
        QCOMPARE(portIds.size(), 1);
        auto port = await<xloud::Port>([&](auto cb) { m_network->port(portIds.first().toString(), cb); });
        XMS_VERIFY_OK(port);
        QCOMPARE(port->macAddress.toLower(), mac);
        QCOMPARE(port->fixedIps.size(), 1);
        QCOMPARE(port->fixedIps.first().ipAddress, u"10.10.0.200"_s);
        const QString volume = volumeFile(j.result[u"volume_ids"].toArray().first().toString());

        const auto bootVolume = [&](const QString& withMac, int afterLoginMs) {
            BootVerifyRequest b;
            b.disks = {volume};
            b.nics = {{u"Network adapter 1"_s, withMac, u"10.10.0.200"_s}};
            b.workDir = m_home.filePath(u"boot-check-"_s + withMac.right(2));
            b.keepDir = b.workDir + u"-evidence"_s;
            b.afterLoginMs = afterLoginMs;
            BootVerifier verifier(b);
            QSignalSpy finished(&verifier, &BootVerifier::finished);
            verifier.start();
            return finished.wait(900000) ? finished.first().first().value<Result<BootVerifyResult>>()
                                         : fail(u"test.timeout"_s, u"the boot never ended"_s);
        };
        const auto answered = bootVolume(mac, 120000);
        XMS_VERIFY_OK(answered);
        qInfo("the volume answers at the kept address after %lld s", answered->elapsedMs / 1000);
        QCOMPARE(answered->seen, QStringList {u"Network adapter 1 (%1): an ARP answer for 10.10.0.200"_s.arg(mac)});

        const auto unpinned = bootVolume(u"fa:16:3e:99:99:99"_s, 30000);
        QVERIFY(!unpinned);
        qInfo("unpinned: %s", qPrintable(unpinned.error().message));
        QCOMPARE(unpinned.error().code, u"guest.boot_failed"_s);
        QVERIFY2(unpinned.error().message.contains(u"never sent a DHCP request or an answer for 10.10.0.200; seen "
                                                   u"from its MAC: nothing"),
                 qPrintable(unpinned.error().message));
    }

    // c. Cancel while the disks stream: the lease is aborted, nothing remains, the events tell it.
    void cancelDuringExport()
    {
        auto vc = vspherelab::openSession();
        XMS_VERIFY_OK(vspherelab::powerOn(*vc, vspherelab::vm(*vc, u"lab-two-disks"_s).moref));
        QStringList args = {u"migration"_s, u"submit"_s};
        args += targetArgs(u"lab-two-disks"_s);
        args += {u"--network-map"_s,
                 u"VM Network=internal-net"_s,
                 u"--network-map"_s,
                 u"DC0_DVPG0=backend-net"_s,
                 u"--power-on-source-on-cancel"_s,
                 u"--output"_s,
                 u"json"_s};
        const Run run = xms(args);
        QVERIFY2(run.exitCode == 0, qPrintable(run.err));
        const QString id = submitted(run);
        QVERIFY(!id.isEmpty());
        QVERIFY2(QTest::qWaitFor([&] { return eventNames(id).contains(u"export.started"_s); }, 120000),
                 qPrintable(eventDump(id)));
        const Run cancel = xms({u"migration"_s, u"cancel"_s, id.left(8)});
        QVERIFY2(cancel.exitCode == 0, qPrintable(cancel.err));
        const JobRecord j = waitFor(
            id, [](const JobRecord& r) { return isTerminal(r.stage); }, 120000);
        QCOMPARE(j.stage, Stage::Cancelled);
        QCOMPARE(j.failedStage, Stage::Export);
        const QStringList names = eventNames(id);
        QVERIFY2(inOrder(names,
                         {u"source.powered_off"_s, u"export.started"_s, u"job.cancelling"_s, u"source.powered_on"_s,
                          u"job.cancelled"_s}),
                 qPrintable(names.join(u", ")));
        QCOMPARE(vspherelab::vm(*vc, u"lab-two-disks"_s).powerState, u"poweredOn"_s); // as asked
        verifyNothingLeft(id);
    }

    // c. kill -9 of the worker mid-Write Volume: the next worker finds the job, deletes what it created
    // and fails it with an explanation; the event log stays. b. Its retry then migrates lab-two-disks:
    // two volumes (the data disk's bytes intact) and two ports on two networks.
    // kill -9 mid Write Volume: the next worker fails the job and deletes what it made in Xloud, but keeps
    // the converted disks; Retry resumes at Write Volume with them (no second export or conversion).
    void killDuringWriteVolumeThenResumeTwoDisks()
    {
        QStringList args = {u"migration"_s, u"submit"_s};
        args += targetArgs(u"lab-two-disks"_s);
        args += {u"--network-map"_s, u"VM Network=internal-net"_s,
                 u"--network-map"_s, u"DC0_DVPG0=backend-net"_s,
                 u"--output"_s,      u"json"_s};
        const Run run = xms(args);
        QVERIFY2(run.exitCode == 0, qPrintable(run.err));
        const QString id = submitted(run);
        const JobRecord writing = waitFor(
            id,
            [](const JobRecord& r) {
                return isTerminal(r.stage)
                    || (r.stage == Stage::WriteVolume && r.progress.value(Stage::WriteVolume).bytesDone > 0);
            },
            30 * 60 * 1000);
        QVERIFY2(writing.stage == Stage::WriteVolume, qPrintable(eventDump(id)));
        const qint64 pid = writing.owner.section(u'-', 1, 1).toLongLong();
        QVERIFY2(pid > 1, qPrintable(writing.owner));
        QCOMPARE(::kill(pid_t(pid), SIGKILL), 0);
        QTest::qWait(17000); // a worker counts as dead after 15 s without a heartbeat

        const Run recovery = xms({u"worker"_s, u"--until-idle"_s}, {}, 600000);
        QVERIFY2(recovery.exitCode == 0, qPrintable(recovery.err));
        const JobRecord failed = job(id);
        QCOMPARE(failed.stage, Stage::Failed);
        QCOMPARE(failed.failedStage, Stage::WriteVolume);
        QCOMPARE(failed.error[u"code"].toString(), u"job.orphaned"_s);
        const QStringList names = eventNames(id);
        QVERIFY2(inOrder(names, {u"export.started"_s, u"write.started"_s, u"job.orphaned"_s, u"cleanup.started"_s}),
                 qPrintable(names.join(u", ")));
        QVERIFY2(names.contains(u"cleanup.deleted"_s), "the partial image or volume was deleted");
        QVERIFY2(names.contains(u"staging.kept"_s), qPrintable(names.join(u", ")));
        QVERIFY(!failed.checkpoint.isEmpty());
        const QString staging = m_home.path() + u"/staging/" + id;
        QVERIFY(QFile::exists(staging + u"/disk-0.raw") && QFile::exists(staging + u"/disk-1.raw"));
        verifyNothingLeft(id, true);

        const Run retry = xms({u"migration"_s, u"retry"_s, id.left(8)});
        QVERIFY2(retry.exitCode == 0, qPrintable(retry.err));
        QVERIFY2(retry.out.contains(u"resumes"), qPrintable(retry.out));
        const JobRecord done = waitFor(
            id, [](const JobRecord& r) { return isTerminal(r.stage); }, 30 * 60 * 1000);
        QVERIFY2(done.stage == Stage::Completed, qPrintable(eventDump(id)));
        QCOMPARE(done.attempt, 2);
        const QStringList all = eventNames(id);
        QCOMPARE(all.count(u"export.started"_s), 1); // attempt 2 neither exported nor converted again
        QVERIFY2(all.indexOf(u"job.resumed"_s) > all.lastIndexOf(u"job.started"_s), qPrintable(all.join(u", ")));
        QVERIFY(!QDir(staging).exists()); // removed once the job completed
        QVERIFY(done.checkpoint.isEmpty());

        const QJsonArray volumeIds = done.result[u"volume_ids"].toArray();
        QCOMPARE(volumeIds.size(), 2);
        auto server
            = await<xloud::Server>([&](auto cb) { m_compute->server(done.result[u"server_id"].toString(), cb); });
        XMS_VERIFY_OK(server);
        QCOMPARE(server->status, u"ACTIVE"_s);
        for (const QJsonValue& v : volumeIds)
            QVERIFY(server->volumeIds.contains(v.toString()));
        // The data disk arrived byte for byte (the lab wrote known bytes into its first 64 MiB).
        QCOMPARE(sha256Head(volumeFile(volumeIds.at(1).toString()), 64 << 20), requireEnv("XMS_LAB_DATA_DISK_SHA256"));
        QSet<QString> networks;
        for (const QJsonValue& p : done.result[u"port_ids"].toArray()) {
            auto port = await<xloud::Port>([&](auto cb) { m_network->port(p.toString(), cb); });
            XMS_VERIFY_OK(port);
            networks.insert(port->networkId);
        }
        QCOMPARE(networks.size(), 2);
        removeMigrated(done);
    }
};

QTEST_GUILESS_MAIN(TestMigration)
#include "tst_migration.moc"
