#include "labfaults.h"
#include "xloud/blockstorageclient.h"
#include "xloud/computeclient.h"
#include "xloud/imageclient.h"
#include "xloud/networkclient.h"
#include "xloud/resources.h"
#include "xloud/session.h"
#include "xloudlab.h"

#include <QCryptographicHash>
#include <QFile>
#include <QRandomGenerator>
#include <QTemporaryDir>
#include <QTest>

using namespace xms;
using namespace Qt::StringLiterals;
using namespace xms::xloud;
using namespace xms::test;

// The lab cloud over HTTPS: the lab's fault proxy terminates TLS with a lab-CA certificate in front of
// the real Keystone, Glance, Cinder, Neutron and the Nova emulator, and rewrites the catalog to https.
// XMS trusts the lab CA as the cloud's CA bundle; an untrusted CA and an http catalog endpoint are
// refused; each injected fault (503, 500, 401, 403, 409, 413, reset, drop, stall) hits a real operation
// and the test checks the error, the retries the proxy counted, and that nothing is left in the cloud.
class TestXloudHttps : public QObject
{
    Q_OBJECT

    QTemporaryDir m_dir;
    int m_cloudNo = 0;

    // A fresh cloud name each time: tokens are cached per cloud name, and each case wants its own login.
    std::unique_ptr<Session> session(TlsPolicy tls = {})
    {
        CloudRecord c = labTlsCloud(u"lab-tls-%1"_s.arg(++m_cloudNo));
        if (tls.mode != TlsPolicy::Mode::SystemCa)
            c.tls = tls;
        auto s = std::make_unique<Session>(c, labPassword());
        s->options().retryDelayMs = 100;
        return s;
    }

    static void verifyNoVolume(BlockStorageClient& volumes, const QString& name)
    {
        const auto left = await<QList<Volume>>([&](auto cb) { volumes.findVolumes(name, cb); });
        XMS_VERIFY_OK(left);
        QVERIFY2(left->isEmpty(), qPrintable(u"volume left in the cloud: "_s + name));
    }

private slots:
    void initTestCase()
    {
        QVERIFY(m_dir.isValid());
        requireEnv("XMS_LAB_CA_BUNDLE");
        requireEnv("XMS_LAB_FAULT_URL");
        Session::clearTokenCache();
    }

    void realOperationsOverTls()
    {
        LabFaults proxy;
        auto s = session();
        const auto check = await<CloudCheck>([&](auto cb) { checkCloud(s.get(), u"infra"_s, cb); });
        XMS_VERIFY_OK(check);
        for (const auto& [service, url] : check->endpoints)
            QVERIFY2(url.startsWith(u"https://127.0.0.1:1"), qPrintable(service + u" " + url));

        ComputeClient compute(s.get(), u"infra"_s);
        const auto flavors = await<QList<Flavor>>([&](auto cb) { compute.flavors(cb); });
        XMS_VERIFY_OK(flavors);
        QVERIFY(std::any_of(flavors->begin(), flavors->end(), [](const Flavor& f) { return f.name == u"m1.tiny"; }));
        NetworkClient network(s.get(), u"infra"_s);
        const auto nets = await<QList<Network>>([&](auto cb) { network.networks(cb); });
        XMS_VERIFY_OK(nets);
        QVERIFY(std::any_of(nets->begin(), nets->end(), [](const Network& n) { return n.name == u"internal-net"; }));

        BlockStorageClient volumes(s.get(), u"infra"_s);
        VolumeSpec spec;
        spec.name = uniqueName(u"tls-volume"_s);
        const auto created = await<Volume>([&](auto cb) { volumes.createVolume(spec, cb); });
        XMS_VERIFY_OK(created);
        const auto ready = await<Volume>([&](auto cb) {
            volumes.waitAvailable(created->id, cb, WaitOptions {300, 1000, 120000});
        });
        XMS_VERIFY_OK(ready);
        QCOMPARE(ready->status, u"available"_s);
        XMS_VERIFY_OK(awaitStatus([&](auto cb) { volumes.removeVolume(created->id, cb); }));
        verifyNoVolume(volumes, spec.name);

        // Every call went through the proxy: its log has them, with the cloud's answers.
        const QJsonArray cinder = proxy.requests(u"cinder"_s);
        QVERIFY(std::any_of(cinder.begin(), cinder.end(), [](const QJsonValue& r) {
            return r[u"method"].toString() == u"POST" && r[u"path"].toString().endsWith(u"/volumes")
                && r[u"status"].toInt() == 202;
        }));
        QVERIFY(!proxy.requests(u"keystone"_s).isEmpty());
        QVERIFY(!proxy.requests(u"nova"_s).isEmpty());
        QVERIFY(!proxy.requests(u"neutron"_s).isEmpty());
    }

    void untrustedCaIsRefused()
    {
        LabFaults proxy;
        TlsPolicy other;
        other.mode = TlsPolicy::Mode::CaFile;
        other.caFile = QString::fromUtf8(requireEnv("XMS_LAB_UNTRUSTED_CA_BUNDLE"));
        auto s = session(other);
        const auto t = await<ScopedToken>([&](auto cb) { s->token({}, cb); });
        QVERIFY(!t.has_value());
        QCOMPARE(t.error().code, u"tls.untrusted"_s);
        QVERIFY2(t.error().message.contains(u"TLS certificate of 127.0.0.1 is not trusted"),
                 qPrintable(t.error().message));
        QVERIFY(t.error().message.contains(u"--ca-file"));
        QVERIFY2(proxy.requests().isEmpty(), "no request (and so no password) crossed a refused handshake");
    }

    void httpCatalogEndpointIsRefused()
    {
        LabFaults proxy;
        QVERIFY(proxy.plainCatalog(u"volumev3"_s) > 0);
        QVERIFY(proxy.plainCatalog(u"block-storage"_s) > 0);
        auto s = session();
        BlockStorageClient volumes(s.get(), u"infra"_s);
        const auto types = await<QList<VolumeType>>([&](auto cb) { volumes.volumeTypes(cb); });
        QVERIFY(!types.has_value());
        QCOMPARE(types.error().code, u"tls.insecure_endpoint"_s);
        const QString& m = types.error().message;
        QVERIFY2(m.contains(u"lists Block Storage (Cinder) at http://127.0.0.1:8776/v3/"), qPrintable(m));
        QVERIFY(m.contains(u"does not send the cloud's token there in clear"));
        // `xms cloud test` and the dialog's Test say the same before anything is saved.
        const auto check = await<CloudCheck>([&](auto cb) { checkCloud(s.get(), u"infra"_s, cb); });
        QVERIFY(!check.has_value());
        QCOMPARE(check.error().code, u"tls.insecure_endpoint"_s);
        QVERIFY(proxy.requests(u"cinder"_s).isEmpty());
        // The other services of the same catalog still work over https.
        ComputeClient compute(s.get(), u"infra"_s);
        XMS_VERIFY_OK(await<QList<Flavor>>([&](auto cb) { compute.flavors(cb); }));
    }

    // A create (POST) is never retried blindly: the error says what failed, and nothing is left behind.
    void createFaultsLeaveNothing_data()
    {
        QTest::addColumn<QString>("action");
        QTest::addColumn<int>("status");
        QTest::addColumn<QString>("code");
        QTest::addColumn<QString>("text");
        QTest::newRow("503") << u"status"_s << 503 << u"xloud.server_error"_s << u"(HTTP 503)"_s;
        QTest::newRow("500") << u"status"_s << 500 << u"xloud.server_error"_s << u"Try again later"_s;
        QTest::newRow("413") << u"status"_s << 413 << u"xloud.quota_exceeded"_s << u"quota is exceeded"_s;
        QTest::newRow("409") << u"status"_s << 409 << u"xloud.conflict"_s << u"current state"_s;
        QTest::newRow("403") << u"status"_s << 403 << u"xloud.forbidden"_s << u"not allowed"_s;
        const QString mayHave = u"Block Storage (Cinder) broke before it answered"_s;
        QTest::newRow("reset") << u"reset"_s << 0 << u"xloud.unreachable"_s << mayHave;
        QTest::newRow("drop") << u"drop"_s << 0 << u"xloud.unreachable"_s << mayHave;
        // The cloud creates the volume and the answer is lost: exactly one volume (Qt Network would send
        // the POST four times), found by name and removed as cleanup does.
        QTest::newRow("answer lost") << u"drop-after"_s << 0 << u"xloud.unreachable"_s << mayHave;
    }
    void createFaultsLeaveNothing()
    {
        QFETCH(QString, action);
        QFETCH(int, status);
        QFETCH(QString, code);
        QFETCH(QString, text);
        LabFaults proxy;
        const bool after = action.endsWith(u"-after");
        const int rule = proxy.add({.service = u"cinder"_s,
                                    .method = u"POST"_s,
                                    .path = u"/volumes$"_s,
                                    .action = after ? action.chopped(6) : action,
                                    .status = status,
                                    .phase = after ? u"after"_s : QString(),
                                    .message = u"injected by tst_xloudhttps"_s});
        QVERIFY(rule > 0);
        auto s = session();
        BlockStorageClient volumes(s.get(), u"infra"_s);
        VolumeSpec spec;
        spec.name = uniqueName(u"tls-fault"_s);
        const auto created = await<Volume>([&](auto cb) { volumes.createVolume(spec, cb); });
        QVERIFY(!created.has_value());
        QCOMPARE(created.error().code, code);
        QVERIFY2(created.error().message.contains(text), qPrintable(created.error().toString()));
        if (status && status != 413 && status != 500 && status != 503)
            QVERIFY2(created.error().toString().contains(u"injected by tst_xloudhttps"),
                     qPrintable(created.error().toString()));
        QCOMPARE(proxy.rule(rule)[u"fired"].toInt(), 1); // a POST is sent once, not retried
        if (after) {
            const auto made = await<QList<Volume>>([&](auto cb) { volumes.findVolumes(spec.name, cb); });
            XMS_VERIFY_OK(made);
            QCOMPARE(made->size(), 1);
            XMS_VERIFY_OK(awaitStatus([&](auto cb) { volumes.removeVolume(made->first().id, cb); }));
        }
        verifyNoVolume(volumes, spec.name);
    }

    // Reads are retried with back-off past one 503, reset or drop; a 401 logs in again once.
    void readsRecover_data()
    {
        QTest::addColumn<QString>("action");
        QTest::addColumn<int>("status");
        QTest::newRow("503 once") << u"status"_s << 503;
        QTest::newRow("reset once") << u"reset"_s << 0;
        QTest::newRow("drop once") << u"drop"_s << 0;
        QTest::newRow("401 once") << u"status"_s << 401;
    }
    void readsRecover()
    {
        QFETCH(QString, action);
        QFETCH(int, status);
        LabFaults proxy;
        const int rule = proxy.add({.service = u"nova"_s,
                                    .method = u"GET"_s,
                                    .path = u"/flavors"_s,
                                    .action = action,
                                    .nth = 1,
                                    .status = status});
        auto s = session();
        ComputeClient compute(s.get(), u"infra"_s);
        const auto flavors = await<QList<Flavor>>([&](auto cb) { compute.flavors(cb); });
        XMS_VERIFY_OK(flavors);
        QVERIFY(!flavors->isEmpty());
        const QJsonObject r = proxy.rule(rule);
        QCOMPARE(r[u"fired"].toInt(), 1);
        QCOMPARE(r[u"seen"].toInt(), 2); // the failed attempt, then the one that worked
        QCOMPARE(s->logins(), status == 401 ? 2 : 1);
    }

    void persistentReadFailureGivesUp()
    {
        LabFaults proxy;
        const int rule = proxy.add(
            {.service = u"nova"_s, .method = u"GET"_s, .path = u"/flavors"_s, .action = u"status"_s, .status = 500});
        auto s = session();
        s->options().readRetries = 2;
        ComputeClient compute(s.get(), u"infra"_s);
        const auto flavors = await<QList<Flavor>>([&](auto cb) { compute.flavors(cb); });
        QVERIFY(!flavors.has_value());
        QCOMPARE(flavors.error().code, u"xloud.server_error"_s);
        QVERIFY2(flavors.error().message.contains(u"Compute (Nova) failed"), qPrintable(flavors.error().message));
        QCOMPARE(proxy.rule(rule)[u"fired"].toInt(), 3); // the first try and two retries
    }

    void stalledServiceTimesOut()
    {
        LabFaults proxy;
        proxy.add(
            {.service = u"cinder"_s, .method = u"GET"_s, .path = u"/types"_s, .action = u"stall"_s, .seconds = 4});
        auto s = session();
        s->options().timeoutMs = 1500;
        s->options().readRetries = 0;
        BlockStorageClient volumes(s.get(), u"infra"_s);
        const auto types = await<QList<VolumeType>>([&](auto cb) { volumes.volumeTypes(cb); });
        QVERIFY(!types.has_value());
        QCOMPARE(types.error().code, u"xloud.timeout"_s);
        QVERIFY2(types.error().message.contains(u"Block Storage (Cinder) did not answer in time"),
                 qPrintable(types.error().message));
    }

    // The bulk upload (libcurl, the same CA bundle) streams through TLS; a fault on it is an error and the
    // image can be deleted so that nothing stays.
    void imageUploadOverTls_data()
    {
        QTest::addColumn<QString>("action");
        QTest::addColumn<int>("status");
        QTest::addColumn<QString>("code");
        QTest::newRow("clean") << QString() << 0 << QString();
        QTest::newRow("413") << u"status"_s << 413 << u"xloud.quota_exceeded"_s;
        QTest::newRow("503") << u"status"_s << 503 << u"xloud.server_error"_s;
        QTest::newRow("reset") << u"reset"_s << 0 << u"transfer.interrupted"_s;
    }
    void imageUploadOverTls()
    {
        QFETCH(QString, action);
        QFETCH(int, status);
        QFETCH(QString, code);
        const QString file = m_dir.filePath(u"disk.raw"_s);
        if (!QFile::exists(file)) {
            QFile f(file);
            QVERIFY(f.open(QIODevice::WriteOnly));
            QByteArray chunk(32 << 20, Qt::Uninitialized);
            QRandomGenerator::global()->fillRange(reinterpret_cast<quint32*>(chunk.data()), chunk.size() / 4);
            QCOMPARE(f.write(chunk), chunk.size());
        }
        LabFaults proxy;
        if (!action.isEmpty())
            QVERIFY(proxy.add({.service = u"glance"_s,
                               .method = u"PUT"_s,
                               .path = u"/file$"_s,
                               .action = action,
                               .status = status})
                    > 0);
        auto s = session();
        ImageClient images(s.get(), u"infra"_s);
        ImageSpec spec;
        spec.name = uniqueName(u"tls-image"_s);
        const auto image = await<Image>([&](auto cb) { images.createImage(spec, cb); });
        XMS_VERIFY_OK(image);
        const auto up = await<UploadResult>([&](auto cb) { images.upload(image->id, file, {}, cb); }, 300000);
        if (code.isEmpty()) {
            XMS_VERIFY_OK(up);
            QCOMPARE(qint64(up->bytes), qint64(32 << 20));
            const auto active = await<Image>([&](auto cb) {
                images.waitActive(image->id, cb, WaitOptions {300, 1000, 120000});
            });
            XMS_VERIFY_OK(active);
            QFile f(file);
            QVERIFY(f.open(QIODevice::ReadOnly));
            QCOMPARE(active->hashValue.toLatin1(),
                     QCryptographicHash::hash(f.readAll(), QCryptographicHash::Sha512).toHex());
        } else {
            QVERIFY(!up.has_value());
            QCOMPARE(up.error().code, code);
            qInfo() << "upload error:" << up.error().toString();
            QVERIFY2(up.error().toString().contains(u"Injected by the lab fault proxy") || action == u"reset",
                     qPrintable(up.error().toString()));
        }
        XMS_VERIFY_OK(awaitStatus([&](auto cb) { images.deleteImage(image->id, cb); }));
        const auto left = await<QList<Image>>([&](auto cb) { images.findImages(spec.name, cb); });
        XMS_VERIFY_OK(left);
        QVERIFY2(left->isEmpty(), qPrintable(u"image left in the cloud: "_s + spec.name));
    }
};

QTEST_GUILESS_MAIN(TestXloudHttps)
#include "tst_xloudhttps.moc"
