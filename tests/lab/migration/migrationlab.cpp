#include "migrationlab.h"

#include "../vsphere/vspherelab.h"
#include "../xloud/xloudlab.h"
#include "testutil.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QProcess>
#include <QTest>

namespace xms::migrationlab {

using namespace Qt::StringLiterals;
using namespace xms::test;

Run runXms(const QProcessEnvironment& env, const QStringList& args, const QByteArray& input, int timeoutMs)
{
    QProcess p;
    p.setProcessEnvironment(env);
    p.start(QStringLiteral(XMS_CLI), args);
    if (!p.waitForStarted(10000))
        return {};
    p.write(input);
    p.closeWriteChannel();
    if (!p.waitForFinished(timeoutMs))
        p.kill();
    Run r {p.exitCode(), QString::fromUtf8(p.readAllStandardOutput()), QString::fromUtf8(p.readAllStandardError())};
    for (const char* secret : {"OS_PASSWORD", "XMS_LAB_VC_PASSWORD"})
        if (r.out.contains(QString::fromUtf8(qgetenv(secret))) || r.err.contains(QString::fromUtf8(qgetenv(secret))))
            qFatal("xms printed a password");
    return r;
}

QString addLabSourceAndCloud(const Xms& xms)
{
    const Run source = xms({u"source"_s, u"create"_s, u"lab"_s, u"--host"_s, vspherelab::env("XMS_LAB_VC_HOST"),
                            u"--port"_s, vspherelab::env("XMS_LAB_VC_PORT"), u"--user"_s,
                            vspherelab::env("XMS_LAB_VC_USER"), u"--password-stdin"_s, u"--thumbprint"_s,
                            vspherelab::env("XMS_LAB_VC_THUMBPRINT")},
                           vspherelab::env("XMS_LAB_VC_PASSWORD").toUtf8() + '\n');
    if (source.exitCode != 0)
        return u"source create: "_s + source.err;
    const CloudRecord c = labCloud();
    const Run cloud = xms({u"cloud"_s, u"create"_s, u"lab"_s, u"--auth-url"_s, c.authUrl, u"--user"_s, c.username,
                           u"--password-stdin"_s, u"--project"_s, c.project, u"--region"_s, c.region},
                          labPassword().toUtf8() + '\n');
    if (cloud.exitCode != 0)
        return u"cloud create: "_s + cloud.err;
    return {};
}

QString submittedId(const Run& r)
{
    const QJsonArray arr = QJsonDocument::fromJson(r.out.toUtf8()).array();
    return arr.isEmpty() ? QString() : arr.first()[u"id"].toString();
}

JobRecord waitFor(const JobStore& jobs, const QString& id, const std::function<bool(const JobRecord&)>& done,
                  int timeoutMs)
{
    JobRecord j;
    (void)QTest::qWaitFor(
        [&] {
            j = jobs.job(id).value_or(JobRecord());
            return done(j);
        },
        timeoutMs);
    return j;
}

QString eventDump(const JobStore& jobs, const QString& id)
{
    QString s;
    const QList<EventRecord> events = jobs.events(id).value_or(QList<EventRecord>());
    for (const EventRecord& e : events)
        s += e.time.toString(Qt::ISODateWithMs) + u' ' + e.name + u": " + e.message + u'\n';
    return s;
}

LabCloud::LabCloud(QObject* parent)
    : QObject(parent)
{
    const CloudRecord c = labCloud();
    session = new xloud::Session(labCloud(u"migration-check"_s), labPassword(), this);
    compute = new xloud::ComputeClient(session, c.project, this);
    volumes = new xloud::BlockStorageClient(session, c.project, this);
    network = new xloud::NetworkClient(session, c.project, this);
    images = new xloud::ImageClient(session, c.project, this);
}

void LabCloud::verifyNothingLeft(const JobStore& jobs, const QString& id, const QString& instance, int disks)
{
    const auto ledger = jobs.ledger(id);
    QVERIFY(ledger.has_value());
    for (const LedgerEntry& e : *ledger)
        QVERIFY2(e.state == u"deleted", qPrintable(e.kind + u' ' + e.name + u" is " + e.state));
    const QString prefix = u"xms-" + id.left(8) + u'-';
    for (int disk = 0; disk < disks; ++disk) {
        auto found = await<QList<xloud::Image>>(
            [&](auto cb) { images->findImages(prefix + u"disk" + QString::number(disk) + u"-image", cb); });
        XMS_VERIFY_OK(found);
        QVERIFY2(found->isEmpty(), "a temporary image was left behind");
        auto ports = await<QList<xloud::Port>>(
            [&](auto cb) { network->findPorts(prefix + u"nic" + QString::number(disk), cb); });
        XMS_VERIFY_OK(ports);
        QVERIFY2(ports->isEmpty(), "a port was left behind");
        auto vols = await<QList<xloud::Volume>>(
            [&](auto cb) { volumes->findVolumes(instance + u"-disk" + QString::number(disk), cb); });
        XMS_VERIFY_OK(vols);
        for (const xloud::Volume& v : *vols)
            QVERIFY2(v.metadata.value(u"xms_job"_s) != id, "a volume was left behind");
    }
    auto servers = await<QList<xloud::Server>>([&](auto cb) { compute->findServers(instance, cb); });
    XMS_VERIFY_OK(servers);
    for (const xloud::Server& s : *servers)
        QVERIFY2(s.metadata.value(u"xms_job"_s) != id, "a server was left behind");
}

void LabCloud::removeMigrated(const JobRecord& j)
{
    const QString server = j.result.value(u"server_id").toString();
    if (!server.isEmpty()) {
        XMS_VERIFY_OK(awaitStatus([&](auto cb) { compute->deleteServer(server, cb); }));
        XMS_VERIFY_OK(awaitStatus([&](auto cb) { compute->waitDeleted(server, cb); }, 300000));
    }
    for (const QJsonValue& p : j.result.value(u"port_ids").toArray())
        XMS_VERIFY_OK(awaitStatus([&](auto cb) { network->deletePort(p.toString(), cb); }));
    for (const QJsonValue& v : j.result.value(u"volume_ids").toArray())
        XMS_VERIFY_OK(awaitStatus([&](auto cb) { volumes->removeVolume(v.toString(), cb); }, 300000));
}

} // namespace xms::migrationlab
