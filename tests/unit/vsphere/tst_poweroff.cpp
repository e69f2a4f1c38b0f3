// PowerOff's decisions against a fake vCenter: already off, graceful guest shutdown, the timeout that
// falls back to PowerOffVM_Task, task failures, and the race where the VM stops on its own.
#include "fakevcenter.h"
#include "testutil.h"
#include "vsphere/poweroff.h"
#include "vsphere/session.h"

#include <QSignalSpy>
#include <QTemporaryDir>
#include <QTest>

using namespace xms;
using namespace xms::vsphere;

class TestPowerOff : public QObject
{
    Q_OBJECT

    QTemporaryDir m_dir;
    std::unique_ptr<FakeVCenter> m_vc;
    std::unique_ptr<Session> m_session;
    QString m_power; // what the fake VM reports
    QString m_tools;
    int m_pollsUntilOff = -1; // after ShutdownGuest: this many state reads, then poweredOff; -1 never
    QString m_taskState;

    const MoRef kVm {QStringLiteral("VirtualMachine"), QStringLiteral("vm-42")};

    void serveVm()
    {
        m_vc->on(QStringLiteral("RetrievePropertiesEx"), [this](const XmlElement& call) {
            const QString type = call.textAt(u"specSet/objectSet/obj").startsWith(u"task")
                ? QStringLiteral("Task")
                : QStringLiteral("VirtualMachine");
            if (type == u"Task")
                return FakeVCenter::response(
                    QStringLiteral("RetrievePropertiesEx"),
                    u"<objects><obj type=\"Task\">task-1</obj><propSet><name>info</name><val xsi:type=\"TaskInfo\">"
                    u"<key>task-1</key><state>"
                        + m_taskState + u"</state>"
                        + (m_taskState == u"error"
                               ? QStringLiteral("<error><fault xsi:type=\"TaskInProgress\"/><localizedMessage>"
                                                "Another task is already in progress.</localizedMessage></error>")
                               : QString())
                        + u"</val></propSet></objects>");
            if (m_pollsUntilOff == 0)
                m_power = QStringLiteral("poweredOff");
            else if (m_pollsUntilOff > 0)
                --m_pollsUntilOff;
            return FakeVCenter::response(
                QStringLiteral("RetrievePropertiesEx"),
                u"<objects><obj type=\"VirtualMachine\">vm-42</obj><propSet><name>runtime.powerState"
                u"</name><val>"
                    + m_power
                    + u"</val></propSet><propSet><name>guest.toolsRunningStatus"
                      u"</name><val>"
                    + m_tools + u"</val></propSet></objects>");
        });
        m_vc->on(QStringLiteral("ShutdownGuest"),
                 [](const XmlElement&) { return FakeVCenter::response(QStringLiteral("ShutdownGuest")); });
        m_vc->on(QStringLiteral("PowerOffVM_Task"), [this](const XmlElement&) {
            if (m_power == u"poweredOff")
                return FakeVCenter::fault(
                    QStringLiteral("InvalidPowerState"), QStringLiteral("off"),
                    QStringLiteral(
                        "<requestedState>poweredOn</requestedState><existingState>poweredOff</existingState>"));
            return FakeVCenter::moRefResponse(QStringLiteral("PowerOffVM_Task"), QStringLiteral("Task"),
                                              QStringLiteral("task-1"));
        });
    }

    Result<PowerOffResult> run(int timeoutSec = 5, QStringList* statuses = nullptr)
    {
        PowerOff op(*m_session, kVm, PowerOff::Options {timeoutSec, 50});
        QSignalSpy spy(&op, &PowerOff::statusChanged);
        std::optional<Result<PowerOffResult>> out;
        op.start([&](Result<PowerOffResult> r) { out = r; });
        if (!QTest::qWaitFor([&] { return out.has_value(); }, 20000))
            qFatal("power-off did not finish");
        if (statuses)
            for (const auto& args : spy)
                statuses->append(args.at(0).toString());
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
        serveVm();
        m_session = std::make_unique<Session>(m_vc->sessionOptions());
        std::optional<Status> opened;
        m_session->open([&](Status s) { opened = s; });
        QTRY_VERIFY(opened.has_value());
        XMS_VERIFY_OK(*opened);
        m_tools = QStringLiteral("guestToolsNotRunning");
        m_pollsUntilOff = -1;
        m_taskState = QStringLiteral("success");
    }

    void alreadyOff()
    {
        m_power = QStringLiteral("poweredOff");
        auto r = run();
        XMS_VERIFY_OK(r);
        QCOMPARE(r->method, PowerOffResult::Method::AlreadyOff);
        QCOMPARE(m_vc->count(QStringLiteral("PowerOffVM_Task")), 0);
        QCOMPARE(m_vc->count(QStringLiteral("ShutdownGuest")), 0);
        const QJsonObject event = r->eventData(QStringLiteral("web-01"), kVm);
        QCOMPARE(event.value(u"method").toString(), QStringLiteral("already_off"));
        QCOMPARE(event.value(u"moref").toString(), QStringLiteral("vm-42"));
        QCOMPARE(event.value(u"vm").toString(), QStringLiteral("web-01"));
    }

    void gracefulWithTools()
    {
        m_power = QStringLiteral("poweredOn");
        m_tools = QStringLiteral("guestToolsRunning");
        m_pollsUntilOff = 3;
        QStringList statuses;
        auto r = run(5, &statuses);
        XMS_VERIFY_OK(r);
        QCOMPARE(r->method, PowerOffResult::Method::GuestShutdown);
        QVERIFY(!r->guestShutdownTimedOut);
        QCOMPARE(m_vc->count(QStringLiteral("ShutdownGuest")), 1);
        QCOMPARE(m_vc->count(QStringLiteral("PowerOffVM_Task")), 0);
        QVERIFY(statuses.size() >= 2);
        QVERIFY(statuses.first().contains(u"Shutting down"));
    }

    void guestTooSlowThenHard()
    {
        m_power = QStringLiteral("poweredOn");
        m_tools = QStringLiteral("guestToolsRunning");
        QElapsedTimer t;
        t.start();
        auto r = run(1);
        XMS_VERIFY_OK(r);
        QCOMPARE(r->method, PowerOffResult::Method::Hard);
        QVERIFY(r->guestShutdownTimedOut);
        QVERIFY(t.elapsed() >= 1000);
        QCOMPARE(m_vc->count(QStringLiteral("ShutdownGuest")), 1);
        QCOMPARE(m_vc->count(QStringLiteral("PowerOffVM_Task")), 1);
        QCOMPARE(r->eventData({}, kVm).value(u"guestShutdownTimedOut").toBool(), true);
    }

    void noToolsIsHard()
    {
        m_power = QStringLiteral("poweredOn");
        auto r = run();
        XMS_VERIFY_OK(r);
        QCOMPARE(r->method, PowerOffResult::Method::Hard);
        QCOMPARE(m_vc->count(QStringLiteral("ShutdownGuest")), 0);
    }

    void suspendedIsHard()
    {
        m_power = QStringLiteral("suspended");
        m_tools = QStringLiteral("guestToolsRunning");
        auto r = run();
        XMS_VERIFY_OK(r);
        QCOMPARE(r->method, PowerOffResult::Method::Hard);
        QCOMPARE(m_vc->count(QStringLiteral("ShutdownGuest")), 0);
    }

    void taskFails()
    {
        m_power = QStringLiteral("poweredOn");
        m_taskState = QStringLiteral("error");
        auto r = run();
        QVERIFY(!r);
        QCOMPARE(r.error().code, QStringLiteral("vsphere.task_in_progress"));
    }

    void toolsRefuseShutdown()
    {
        m_power = QStringLiteral("poweredOn");
        m_tools = QStringLiteral("guestToolsRunning");
        m_vc->on(QStringLiteral("ShutdownGuest"), [](const XmlElement&) {
            return FakeVCenter::fault(QStringLiteral("ToolsUnavailable"), QStringLiteral("no tools"));
        });
        auto r = run();
        XMS_VERIFY_OK(r);
        QCOMPARE(r->method, PowerOffResult::Method::Hard);
    }

    void unknownVm()
    {
        m_vc->on(QStringLiteral("RetrievePropertiesEx"), [](const XmlElement&) {
            return FakeVCenter::fault(QStringLiteral("ManagedObjectNotFound"), QStringLiteral("gone"),
                                      QStringLiteral("<obj type=\"VirtualMachine\">vm-42</obj>"));
        });
        auto r = run();
        QVERIFY(!r);
        QCOMPARE(r.error().code, QStringLiteral("vsphere.object_not_found"));
    }
};

QTEST_GUILESS_MAIN(TestPowerOff)
#include "tst_poweroff.moc"
