// PowerOn against a fake vCenter: PowerOnVM_Task on the right VM and waited for; a refused call (the VM
// is already on) and a task that fails both end in the typed error.
#include "fakevcenter.h"
#include "testutil.h"
#include "vsphere/poweron.h"
#include "vsphere/session.h"

#include <QTemporaryDir>
#include <QTest>

using namespace xms;
using namespace xms::vsphere;

class TestPowerOn : public QObject
{
    Q_OBJECT

    QTemporaryDir m_dir;
    std::unique_ptr<FakeVCenter> m_vc;
    std::unique_ptr<Session> m_session;
    QString m_power; // what the fake VM is
    QString m_taskState;
    QString m_target; // the _this of the last PowerOnVM_Task
    int m_taskPolls = 0;

    const MoRef kVm {QStringLiteral("VirtualMachine"), QStringLiteral("vm-42")};

    void serveVm()
    {
        m_vc->on(QStringLiteral("PowerOnVM_Task"), [this](const XmlElement& call) {
            m_target = call.textAt(u"_this");
            if (m_power == u"poweredOn")
                return FakeVCenter::fault(
                    QStringLiteral("InvalidPowerState"), QStringLiteral("on"),
                    QStringLiteral(
                        "<requestedState>poweredOff</requestedState><existingState>poweredOn</existingState>"));
            return FakeVCenter::moRefResponse(QStringLiteral("PowerOnVM_Task"), QStringLiteral("Task"),
                                              QStringLiteral("task-7"));
        });
        m_vc->on(QStringLiteral("RetrievePropertiesEx"), [this](const XmlElement&) {
            // Running for two polls, then the task's final state.
            const QString state = ++m_taskPolls < 3 ? QStringLiteral("running") : m_taskState;
            if (state == u"success")
                m_power = QStringLiteral("poweredOn");
            return FakeVCenter::response(
                QStringLiteral("RetrievePropertiesEx"),
                u"<objects><obj type=\"Task\">task-7</obj><propSet><name>info</name><val xsi:type=\"TaskInfo\">"
                u"<key>task-7</key><state>"
                    + state + u"</state>"
                    + (state == u"error"
                           ? QStringLiteral("<error><fault xsi:type=\"TaskInProgress\"/><localizedMessage>"
                                            "Another task is already in progress.</localizedMessage></error>")
                           : QString())
                    + u"</val></propSet></objects>");
        });
    }

    Status run()
    {
        std::optional<Status> out;
        QObject context;
        PowerOn::start(*m_session, kVm, &context, [&](Status s) { out = s; });
        if (!QTest::qWaitFor([&] { return out.has_value(); }, 20000))
            qFatal("power-on did not finish");
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
        m_power = QStringLiteral("poweredOff");
        m_taskState = QStringLiteral("success");
        m_taskPolls = 0;
        m_target.clear();
    }

    void powersOnAndWaitsForTheTask()
    {
        XMS_VERIFY_OK(run());
        QCOMPARE(m_vc->count(QStringLiteral("PowerOnVM_Task")), 1);
        QCOMPARE(m_target, QStringLiteral("vm-42"));
        QCOMPARE(m_taskPolls, 3); // waited until the task ended
        QCOMPARE(m_power, QStringLiteral("poweredOn"));
    }

    void alreadyOnIsRefused()
    {
        m_power = QStringLiteral("poweredOn");
        const Status s = run();
        QVERIFY(!s);
        QCOMPARE(s.error().code, QStringLiteral("vsphere.invalid_power_state"));
        QCOMPARE(m_taskPolls, 0);
    }

    void taskFails()
    {
        m_taskState = QStringLiteral("error");
        const Status s = run();
        QVERIFY(!s);
        QCOMPARE(s.error().code, QStringLiteral("vsphere.task_in_progress"));
    }
};

QTEST_GUILESS_MAIN(TestPowerOn)
#include "tst_poweron.moc"
