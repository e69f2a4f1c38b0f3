// Session, SoapClient and TlsGuard against an in-process fake vCenter (HTTPS, canned SOAP): trust
// decisions, transport errors, login, re-login on NotAuthenticated, PropertyCollector paging.
#include "fakevcenter.h"
#include "testutil.h"
#include "vsphere/connectiontest.h"
#include "vsphere/discovery.h"
#include "vsphere/propertycollector.h"
#include "vsphere/session.h"

#include <QSignalSpy>
#include <QTcpServer>
#include <QTemporaryDir>
#include <QTest>

using namespace xms;
using namespace xms::vsphere;

namespace {
// Test-side waiting for one asynchronous result (product code never waits like this).
template<typename T> T waitFor(std::optional<T>& slot, int ms = 15000)
{
    if (!QTest::qWaitFor([&] { return slot.has_value(); }, ms))
        qFatal("timed out waiting for a callback");
    return *slot;
}

Status openNow(Session& s)
{
    std::optional<Status> r;
    s.open([&](Status st) { r = st; });
    return waitFor(r);
}
} // namespace

class TestSession : public QObject
{
    Q_OBJECT

    QTemporaryDir m_dir;
    std::unique_ptr<FakeVCenter> m_vc;

    Session::Options options(TlsPolicy tls) const
    {
        Session::Options o = m_vc->sessionOptions();
        o.tls = tls;
        o.timeoutMs = 10000;
        return o;
    }
    TlsPolicy pinnedSha256() const { return TlsPolicy::pinned(fingerprint::sha256(m_vc->certificateDer())); }

private slots:
    void initTestCase()
    {
        QString error;
        QVERIFY2(FakeVCenter::makeCertificate(m_dir.path(), &error), qPrintable(error));
    }

    void init()
    {
        m_vc = std::make_unique<FakeVCenter>();
        QVERIFY(m_vc->start(m_dir.filePath(QStringLiteral("cert.pem")), m_dir.filePath(QStringLiteral("key.pem"))));
    }

    void trust_data()
    {
        QTest::addColumn<int>("mode"); // 0 system, 1 CA file, 2 pin SHA-256, 3 pin SHA-1, 4 wrong pin, 5 insecure,
                                       // 6 missing CA file
        QTest::addColumn<QString>("code"); // empty: connects
        QTest::newRow("system CAs refuse a self-signed cert") << 0 << "tls.untrusted";
        QTest::newRow("CA file") << 1 << "";
        QTest::newRow("pinned SHA-256") << 2 << "";
        QTest::newRow("pinned SHA-1") << 3 << "";
        QTest::newRow("pin mismatch") << 4 << "tls.pin_mismatch";
        QTest::newRow("insecure") << 5 << "";
        QTest::newRow("CA file missing") << 6 << "tls.ca_file";
    }

    void trust()
    {
        QFETCH(int, mode);
        QFETCH(QString, code);
        TlsPolicy tls;
        const QByteArray der = m_vc->certificateDer();
        switch (mode) {
        case 1:
            tls.mode = TlsPolicy::Mode::CaFile;
            tls.caFile = m_dir.filePath(QStringLiteral("cert.pem"));
            break;
        case 2:
            tls = TlsPolicy::pinned(fingerprint::sha256(der));
            break;
        case 3:
            tls = TlsPolicy::pinned(fingerprint::sha1(der));
            break;
        case 4:
            tls = TlsPolicy::pinned(QByteArray(64, 'a'));
            break;
        case 5:
            tls.mode = TlsPolicy::Mode::Insecure;
            break;
        case 6:
            tls.mode = TlsPolicy::Mode::CaFile;
            tls.caFile = m_dir.filePath(QStringLiteral("nope.pem"));
            break;
        default:
            break;
        }
        Session s(options(tls));
        const Status r = openNow(s);
        if (code.isEmpty()) {
            XMS_VERIFY_OK(r);
            QVERIFY(s.isOpen());
            QCOMPARE(s.about().name, QStringLiteral("VMware vCenter Server"));
            QCOMPARE(s.soap().peerCertificate().sha256, fingerprint::sha256(der));
            return;
        }
        QVERIFY(!r);
        QCOMPARE(r.error().code, code);
        if (mode == 0 || mode == 4) {
            // The operator gets both fingerprints to compare and pin, and no credentials were sent.
            QVERIFY(r.error().message.contains(fingerprint::pretty(fingerprint::sha256(der))));
            QVERIFY(r.error().message.contains(fingerprint::pretty(fingerprint::sha1(der))));
            QCOMPARE(s.soap().peerCertificate().sha1, fingerprint::sha1(der));
            QVERIFY(!m_vc->calls.contains(u"Login"));
        }
    }

    void loginAndCookie()
    {
        Session s(options(pinnedSha256()));
        XMS_VERIFY_OK(openNow(s));
        QCOMPARE(m_vc->calls, (QStringList {QStringLiteral("RetrieveServiceContent"), QStringLiteral("Login")}));
        QCOMPARE(s.soap().sessionCookie(), QByteArray("vmware_soap_session=\"fake-1\""));
        // SOAPAction follows the server's API version once known.
        QCOMPARE(m_vc->soapActions.last(), QByteArray("urn:vim25/6.5"));
        std::optional<Status> closed;
        s.close([&](Status st) { closed = st; });
        XMS_VERIFY_OK(waitFor(closed));
        QVERIFY(m_vc->cookies.last().contains("fake-1"));
        QVERIFY(s.soap().sessionCookie().isEmpty());
    }

    void connectionTestAndCertificateProbe()
    {
        QObject ctx;
        std::optional<Result<ConnectionReport>> report;
        ConnectionTest::run(options(pinnedSha256()), {}, &ctx, [&](Result<ConnectionReport> r) { report = r; });
        auto r = waitFor(report);
        XMS_VERIFY_OK(r);
        QCOMPARE(r->about.fullName, QStringLiteral("VMware vCenter Server 6.5.0 build-5973321"));
        QCOMPARE(r->certificate.sha256, fingerprint::sha256(m_vc->certificateDer()));
        QCOMPARE(m_vc->calls,
                 (QStringList {QStringLiteral("RetrieveServiceContent"), QStringLiteral("Login"),
                               QStringLiteral("Logout")}));

        // Reading the certificate to show it sends no credentials at all.
        std::optional<Result<PeerCertificate>> cert;
        ConnectionTest::fetchCertificate(QStringLiteral("127.0.0.1"), m_vc->port(), &ctx,
                                         [&](Result<PeerCertificate> c) { cert = c; });
        auto c = waitFor(cert);
        XMS_VERIFY_OK(c);
        QCOMPARE(c->sha1, fingerprint::sha1(m_vc->certificateDer()));
        QCOMPARE(c->subject, QStringLiteral("127.0.0.1"));
        QCOMPARE(m_vc->count(QStringLiteral("Login")), 1);
        QCOMPARE(m_vc->calls.last(), QStringLiteral("RetrieveServiceContent"));
    }

    void wrongPassword()
    {
        Session::Options o = options(pinnedSha256());
        o.password = QStringLiteral("wrong");
        Session s(o);
        const Status r = openNow(s);
        QVERIFY(!r);
        QCOMPARE(r.error().code, QStringLiteral("vsphere.invalid_login"));
        QVERIFY(!s.isOpen());
    }

    void transportErrors_data()
    {
        QTest::addColumn<QString>("host");
        QTest::addColumn<bool>("closedPort");
        QTest::addColumn<QString>("code");
        QTest::newRow("unknown host") << "xms-no-such-host.invalid" << false << "net.host_not_found";
        QTest::newRow("refused port") << "127.0.0.1" << true << "net.connection_refused";
    }

    void transportErrors()
    {
        QFETCH(QString, host);
        QFETCH(bool, closedPort);
        QFETCH(QString, code);
        Session::Options o = options(pinnedSha256());
        o.host = host;
        if (closedPort) {
            QTcpServer probe;
            QVERIFY(probe.listen(QHostAddress::LocalHost, 0));
            o.port = probe.serverPort();
        } // the port is closed again here
        Session s(o);
        const Status r = openNow(s);
        QVERIFY(!r);
        QCOMPARE(r.error().code, code);
        QVERIFY(r.error().message.contains(host));
    }

    void notSoap()
    {
        m_vc->on(QStringLiteral("RetrieveServiceContent"), [](const XmlElement&) {
            return FakeVCenter::Reply {404, "<html>nothing here</html>", {}};
        });
        Session s(options(pinnedSha256()));
        Status r = openNow(s);
        QCOMPARE(r.error().code, QStringLiteral("vsphere.no_sdk"));
        m_vc->on(QStringLiteral("RetrieveServiceContent"), [](const XmlElement&) {
            return FakeVCenter::Reply {200, "{\"json\": true}", {}};
        });
        Session s2(options(pinnedSha256()));
        r = openNow(s2);
        QCOMPARE(r.error().code, QStringLiteral("vsphere.bad_response"));
    }

    void reloginOnceWhenTheSessionExpired()
    {
        int calls = 0;
        m_vc->on(QStringLiteral("CreateContainerView"), [&](const XmlElement&) {
            if (++calls == 1) // the server restarted, say: the first cookie is no longer known
                return FakeVCenter::fault(QStringLiteral("NotAuthenticated"), {},
                                          QStringLiteral("<privilegeId>System.View</privilegeId>"));
            return FakeVCenter::moRefResponse(QStringLiteral("CreateContainerView"), QStringLiteral("ContainerView"),
                                              QStringLiteral("view-1"));
        });
        Session s(options(pinnedSha256()));
        XMS_VERIFY_OK(openNow(s));
        std::optional<Result<MoRef>> view;
        PropertyCollector::createContainerView(s, s.serviceContent().rootFolder, {QStringLiteral("VirtualMachine")},
                                               [&](Result<MoRef> r) { view = r; });
        auto r = waitFor(view);
        XMS_VERIFY_OK(r);
        QCOMPARE(m_vc->count(QStringLiteral("Login")), 2);
        QCOMPARE(m_vc->count(QStringLiteral("CreateContainerView")), 2);
        QVERIFY(m_vc->cookies.last().contains("fake-2")); // the retry carried the new session

        // Still refused after a fresh login: reported, not retried forever.
        calls = -100;
        m_vc->on(QStringLiteral("CreateContainerView"),
                 [](const XmlElement&) { return FakeVCenter::fault(QStringLiteral("NotAuthenticated"), {}); });
        view.reset();
        PropertyCollector::createContainerView(s, s.serviceContent().rootFolder, {QStringLiteral("VirtualMachine")},
                                               [&](Result<MoRef> res) { view = res; });
        r = waitFor(view);
        QVERIFY(!r);
        QCOMPARE(r.error().code, QStringLiteral("vsphere.not_authenticated"));
        QCOMPARE(m_vc->count(QStringLiteral("Login")), 3);
    }

    void pagingAcrossContinueRetrieve()
    {
        // Page 1 holds a VM whose NIC is on a distributed port group that only page 2 names.
        const QString vm = QStringLiteral(
            "<objects><obj type=\"VirtualMachine\">vm-1</obj><propSet><name>name</name><val>web</val></propSet>"
            "<propSet><name>config.hardware.device</name><val xsi:type=\"ArrayOfVirtualDevice\"><VirtualDevice "
            "xsi:type=\"VirtualVmxnet3\"><key>4000</key><backing "
            "xsi:type=\"VirtualEthernetCardDistributedVirtualPortBackingInfo\">"
            "<port><portgroupKey>dvportgroup-9</portgroupKey></port></backing><macAddress>00:50:56:00:00:01</"
            "macAddress>"
            "</VirtualDevice></val></propSet></objects>");
        const QString pg
            = QStringLiteral("<objects><obj type=\"DistributedVirtualPortgroup\">dvportgroup-9</obj><propSet>"
                             "<name>name</name><val>Web-PG</val></propSet><propSet><name>key</name><val>"
                             "dvportgroup-9</val></propSet></objects>");
        m_vc->on(QStringLiteral("CreateContainerView"), [](const XmlElement&) {
            return FakeVCenter::moRefResponse(QStringLiteral("CreateContainerView"), QStringLiteral("ContainerView"),
                                              QStringLiteral("session[1]view"));
        });
        QString sentMax;
        m_vc->on(QStringLiteral("RetrievePropertiesEx"), [&](const XmlElement& call) {
            sentMax = call.textAt(u"options/maxObjects");
            return FakeVCenter::response(QStringLiteral("RetrievePropertiesEx"), u"<token>page-2</token>" + vm);
        });
        QString sentToken;
        m_vc->on(QStringLiteral("ContinueRetrievePropertiesEx"), [&](const XmlElement& call) {
            sentToken = call.textAt(u"token");
            return FakeVCenter::response(QStringLiteral("ContinueRetrievePropertiesEx"), pg);
        });
        m_vc->on(QStringLiteral("DestroyView"),
                 [](const XmlElement&) { return FakeVCenter::response(QStringLiteral("DestroyView")); });
        Session s(options(pinnedSha256()));
        XMS_VERIFY_OK(openNow(s));
        std::optional<Result<Inventory>> inv;
        Discovery::discover(s, {}, [&](Result<Inventory> r) { inv = r; });
        auto r = waitFor(inv);
        XMS_VERIFY_OK(r);
        QCOMPARE(sentMax, QStringLiteral("500"));
        QCOMPARE(sentToken, QStringLiteral("page-2"));
        QCOMPARE(r->vms.size(), 1);
        QCOMPARE(r->vms[0].nics.value(0).network, QStringLiteral("Web-PG"));
        QTRY_COMPARE(m_vc->count(QStringLiteral("DestroyView")), 1);
    }

    void unknownDatacenter()
    {
        m_vc->on(QStringLiteral("FindByInventoryPath"),
                 [](const XmlElement&) { return FakeVCenter::response(QStringLiteral("FindByInventoryPath")); });
        m_vc->on(QStringLiteral("CreateContainerView"), [](const XmlElement&) {
            return FakeVCenter::moRefResponse(QStringLiteral("CreateContainerView"), QStringLiteral("ContainerView"),
                                              QStringLiteral("v2"));
        });
        m_vc->on(QStringLiteral("RetrievePropertiesEx"), [](const XmlElement&) {
            return FakeVCenter::response(
                QStringLiteral("RetrievePropertiesEx"),
                QStringLiteral("<objects><obj type=\"Datacenter\">dc-2</obj><propSet><name>name</name><val>Berlin</val>"
                               "</propSet></objects><objects><obj type=\"Datacenter\">dc-1</obj><propSet><name>name"
                               "</name><val>Amsterdam</val></propSet></objects>"));
        });
        m_vc->on(QStringLiteral("DestroyView"),
                 [](const XmlElement&) { return FakeVCenter::response(QStringLiteral("DestroyView")); });
        Session s(options(pinnedSha256()));
        XMS_VERIFY_OK(openNow(s));
        std::optional<Result<Inventory>> inv;
        Discovery::discover(s, QStringLiteral("Paris"), [&](Result<Inventory> r) { inv = r; });
        auto r = waitFor(inv);
        QVERIFY(!r);
        QCOMPARE(r.error().code, QStringLiteral("vsphere.datacenter.not_found"));
        QVERIFY2(r.error().message.contains(u"Paris") && r.error().message.contains(u"Amsterdam, Berlin"),
                 qPrintable(r.error().message));
    }
};

QTEST_GUILESS_MAIN(TestSession)
#include "tst_session.moc"
