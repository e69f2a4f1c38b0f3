// ExportLease against a fake vCenter: waiting for "ready", reading deviceUrl (with "*" resolved), the
// keep-alive timer, Complete, Abort, and the lease's own error.
#include "fakevcenter.h"
#include "testutil.h"
#include "vsphere/exportlease.h"
#include "vsphere/session.h"

#include <QTemporaryDir>
#include <QTest>

using namespace xms;
using namespace xms::vsphere;

class TestExportLease : public QObject
{
    Q_OBJECT

    QTemporaryDir m_dir;
    std::unique_ptr<FakeVCenter> m_vc;
    std::unique_ptr<Session> m_session;
    int m_initializingPolls = 2;
    QString m_finalState = QStringLiteral("ready");
    QStringList m_percents;

    const MoRef kVm {QStringLiteral("VirtualMachine"), QStringLiteral("vm-42")};

    void serveLease()
    {
        m_vc->on(QStringLiteral("ExportVm"), [](const XmlElement&) {
            return FakeVCenter::moRefResponse(QStringLiteral("ExportVm"), QStringLiteral("HttpNfcLease"),
                                              QStringLiteral("lease-1"));
        });
        m_vc->on(QStringLiteral("RetrievePropertiesEx"), [this](const XmlElement&) {
            QString props;
            if (m_initializingPolls-- > 0) {
                props = QStringLiteral("<propSet><name>state</name><val>initializing</val></propSet>");
            } else if (m_finalState == u"error") {
                props = QStringLiteral(
                    "<propSet><name>state</name><val>error</val></propSet><propSet><name>error</name>"
                    "<val xsi:type=\"LocalizedMethodFault\"><fault xsi:type=\"SystemError\"><reason>disk "
                    "locked</reason></fault><localizedMessage>Unable to access file [ds] vm/vm.vmdk "
                    "since it is locked</localizedMessage></val></propSet>");
            } else {
                props = QStringLiteral(
                    "<propSet><name>state</name><val>ready</val></propSet><propSet><name>info</name><val "
                    "xsi:type=\"HttpNfcLeaseInfo\"><lease type=\"HttpNfcLease\">lease-1</lease><entity "
                    "type=\"VirtualMachine\">vm-42</entity><deviceUrl><key>/vm-42/VirtualLsiLogicController0:1</key>"
                    "<importKey>/vm/disk1</importKey><url>https://*/nfc/lease-1/disk-0.vmdk</url><sslThumbprint>"
                    "5E:56:5A:B2:EE:02:ED:75:FC:3C:D2:F6:58:21:F0:4E:B2:71:FD:71</sslThumbprint><disk>true</disk>"
                    "<targetId>disk-0.vmdk</targetId><fileSize>1048576</fileSize></deviceUrl><deviceUrl><key>/vm-42/"
                    "nvram"
                    "</key><url>https://*:9443/nfc/lease-1/nvram</url><disk>false</disk></deviceUrl>"
                    "<totalDiskCapacityInKB>2097152</totalDiskCapacityInKB><leaseTimeout>300</leaseTimeout></val></"
                    "propSet>");
            }
            return FakeVCenter::response(QStringLiteral("RetrievePropertiesEx"),
                                         u"<objects><obj type=\"HttpNfcLease\">lease-1</obj>" + props + u"</objects>");
        });
        m_vc->on(QStringLiteral("HttpNfcLeaseProgress"), [this](const XmlElement& call) {
            m_percents << call.textAt(u"percent");
            return FakeVCenter::response(QStringLiteral("HttpNfcLeaseProgress"));
        });
        m_vc->on(QStringLiteral("HttpNfcLeaseComplete"),
                 [](const XmlElement&) { return FakeVCenter::response(QStringLiteral("HttpNfcLeaseComplete")); });
        m_vc->on(QStringLiteral("HttpNfcLeaseAbort"),
                 [](const XmlElement&) { return FakeVCenter::response(QStringLiteral("HttpNfcLeaseAbort")); });
    }

    Result<LeaseInfo> openLease(ExportLease& lease)
    {
        std::optional<Result<LeaseInfo>> out;
        lease.open(kVm, [&](Result<LeaseInfo> r) { out = r; });
        if (!QTest::qWaitFor([&] { return out.has_value(); }, 15000))
            qFatal("the lease never became ready");
        return *out;
    }

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
        serveLease();
        m_session = std::make_unique<Session>(m_vc->sessionOptions());
        std::optional<Status> opened;
        m_session->open([&](Status s) { opened = s; });
        QTRY_VERIFY(opened.has_value());
        XMS_VERIFY_OK(*opened);
        m_initializingPolls = 2;
        m_finalState = QStringLiteral("ready");
        m_percents.clear();
    }

    void readyKeepAliveComplete()
    {
        ExportLease lease(*m_session);
        lease.setKeepAliveIntervalMs(50);
        auto info = openLease(lease);
        XMS_VERIFY_OK(info);
        QVERIFY(lease.isOpen());
        QCOMPARE(info->lease.value, QStringLiteral("lease-1"));
        QCOMPARE(info->leaseTimeoutSec, 300);
        QCOMPARE(info->totalDiskCapacityKB, 2097152);
        QCOMPARE(info->devices.size(), 2);
        const LeaseDevice& disk = info->devices[0];
        QVERIFY(disk.disk);
        // "*" is the host (and port) the session talks to; an explicit port stays.
        QCOMPARE(disk.url.toString(), QStringLiteral("https://127.0.0.1:%1/nfc/lease-1/disk-0.vmdk").arg(m_vc->port()));
        QCOMPARE(info->devices[1].url.toString(), QStringLiteral("https://127.0.0.1:9443/nfc/lease-1/nvram"));
        QCOMPARE(disk.sslThumbprint, QByteArray("5e565ab2ee02ed75fc3cd2f65821f04eb271fd71"));
        QCOMPARE(disk.fileSize, 1048576);
        int bus = -1, unit = -1;
        QVERIFY(disk.busAndUnit(bus, unit));
        QCOMPARE(bus, 0);
        QCOMPARE(unit, 1);
        QVERIFY(!info->devices[1].busAndUnit(bus, unit));

        lease.setProgress(42);
        QTRY_VERIFY(m_percents.size() >= 2);
        QCOMPARE(m_percents.last(), QStringLiteral("42"));
        std::optional<Status> done;
        lease.complete([&](Status s) { done = s; });
        QTRY_VERIFY(done.has_value());
        XMS_VERIFY_OK(*done);
        QVERIFY(!lease.isOpen());
        const qsizetype keepAlives = m_percents.size();
        QTest::qWait(200);
        QCOMPARE(m_percents.size(), keepAlives); // the timer stopped with the lease
        QCOMPARE(m_vc->count(QStringLiteral("HttpNfcLeaseComplete")), 1);
        QCOMPARE(m_vc->count(QStringLiteral("HttpNfcLeaseAbort")), 0);
    }

    void leaseError()
    {
        m_finalState = QStringLiteral("error");
        ExportLease lease(*m_session);
        auto info = openLease(lease);
        QVERIFY(!info);
        QCOMPARE(info.error().code, QStringLiteral("vsphere.lease.error"));
        QVERIFY2(info.error().message.contains(u"locked"), qPrintable(info.error().message));
        QVERIFY(!lease.isOpen());
    }

    void destroyedWhileOpenAborts()
    {
        {
            ExportLease lease(*m_session);
            XMS_VERIFY_OK(openLease(lease));
        }
        QTRY_COMPARE(m_vc->count(QStringLiteral("HttpNfcLeaseAbort")), 1);
    }

    void abortBeforeExportVmAnswered()
    {
        ExportLease lease(*m_session);
        bool called = false;
        lease.open(kVm, [&](Result<LeaseInfo>) { called = true; });
        std::optional<Status> aborted;
        lease.abort([&](Status s) { aborted = s; }); // ExportVm is still on its way
        QTRY_VERIFY(aborted.has_value());
        QTRY_COMPARE(m_vc->count(QStringLiteral("HttpNfcLeaseAbort")), 1); // sent once the lease id is known
        QTest::qWait(100);
        QVERIFY(!called);
    }

    // vSphere carried out ExportVm but the answer was lost: the error says so, and ExportVm is not sent a
    // second time (Qt Network would replay the POST, opening another lease on the VM).
    void lostAnswerIsNotReplayed()
    {
        m_vc->on(QStringLiteral("ExportVm"), [](const XmlElement&) {
            FakeVCenter::Reply r;
            r.drop = true;
            return r;
        });
        ExportLease lease(*m_session);
        std::optional<Result<LeaseInfo>> opened;
        lease.open(kVm, [&](Result<LeaseInfo> r) { opened = std::move(r); });
        QTRY_VERIFY(opened.has_value());
        QVERIFY(!opened->has_value());
        QTest::qWait(300);
        QCOMPARE(m_vc->count(QStringLiteral("ExportVm")), 1);
        QVERIFY2(
            opened->error().toString().contains(u"vSphere may have carried it out; XMS did not send it a second time"),
            qPrintable(opened->error().toString()));
    }

    void invalidPowerState()
    {
        m_vc->on(QStringLiteral("ExportVm"), [](const XmlElement&) {
            return FakeVCenter::fault(
                QStringLiteral("InvalidPowerState"), QStringLiteral("on"),
                QStringLiteral("<requestedState>poweredOff</requestedState><existingState>poweredOn</existingState>"));
        });
        ExportLease lease(*m_session);
        auto info = openLease(lease);
        QVERIFY(!info);
        QCOMPARE(info.error().code, QStringLiteral("vsphere.invalid_power_state"));
    }
};

QTEST_GUILESS_MAIN(TestExportLease)
#include "tst_exportlease.moc"
