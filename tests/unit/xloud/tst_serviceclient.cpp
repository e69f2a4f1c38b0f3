#include "fakecloud.h"
#include "testutil.h"
#include "xloud/computeclient.h"
#include "xloud/networkclient.h"
#include "xloud/session.h"

#include <QElapsedTimer>
#include <QJsonArray>
#include <QSignalSpy>
#include <QTest>

using namespace xms;
using namespace Qt::StringLiterals;
using namespace xms::xloud;

namespace {
template<typename T> Result<T> await(const std::function<void(Callback<T>)>& start, int timeoutMs = 10000)
{
    auto out = std::make_shared<std::optional<Result<T>>>();
    start([out](Result<T> r) { *out = std::move(r); });
    if (!QTest::qWaitFor([&] { return out->has_value(); }, timeoutMs))
        return fail(u"test.timeout"_s, u"no answer"_s);
    return std::move(**out);
}

const QJsonObject kNetworks {{u"networks"_s, QJsonArray {QJsonObject {{u"id"_s, u"n1"_s}, {u"name"_s, u"net"_s}}}}};
} // namespace

// The authenticated REST layer against a scripted server: back-off retries for reads only, one new login
// after a 401, token sharing, microversion negotiation and the timer-driven waiters.
class TestServiceClient : public QObject
{
    Q_OBJECT

    std::unique_ptr<FakeCloud> m_cloud;
    std::unique_ptr<Session> m_session;

    CloudRecord record() const
    {
        CloudRecord c;
        c.name = QString::fromLatin1(QTest::currentTestFunction());
        c.authUrl = m_cloud->url(u"/v3"_s);
        c.region = u"R"_s;
        c.username = u"u"_s;
        c.project = u"infra"_s;
        return c;
    }

private slots:
    void init()
    {
        Session::clearTokenCache();
        m_cloud = std::make_unique<FakeCloud>();
        m_session = std::make_unique<Session>(record(), u"right"_s);
        m_session->options().retryDelayMs = 20;
        m_session->options().timeoutMs = 500;
    }

    void readsAreRetriedWithBackOff()
    {
        int calls = 0;
        m_cloud->handler = [&](const FakeRequest&) {
            return ++calls <= 2 ? FakeResponse::json(503, {{u"message"_s, u"busy"_s}})
                                : FakeResponse::json(200, kNetworks);
        };
        NetworkClient net(m_session.get(), {});
        QElapsedTimer clock;
        clock.start();
        const auto r = await<QList<Network>>([&](auto cb) { net.networks(cb); });
        XMS_VERIFY_OK(r);
        QCOMPARE(r->first().name, u"net"_s);
        QCOMPARE(calls, 3);
        QVERIFY(clock.elapsed() >= 20 + 40); // 20 ms, then doubled
    }

    void readsGiveUpAfterTheRetries()
    {
        m_session->options().readRetries = 2;
        m_cloud->handler = [](const FakeRequest&) { return FakeResponse::json(500, {{u"message"_s, u"boom"_s}}); };
        NetworkClient net(m_session.get(), {});
        const auto r = await<QList<Network>>([&](auto cb) { net.networks(cb); });
        QVERIFY(!r);
        QCOMPARE(r.error().code, u"xloud.server_error"_s);
        QCOMPARE(m_cloud->count("GET", u"/network/v2.0/networks"_s), 3);
    }

    void readTimeoutIsRetried()
    {
        int calls = 0;
        m_cloud->handler = [&](const FakeRequest&) {
            return ++calls == 1 ? FakeResponse {0, {}, {}, true} : FakeResponse::json(200, kNetworks);
        };
        NetworkClient net(m_session.get(), {});
        XMS_VERIFY_OK(await<QList<Network>>([&](auto cb) { net.networks(cb); }));
        QCOMPARE(calls, 2);
    }

    void createsAreNeverRetried_data()
    {
        QTest::addColumn<bool>("hang");
        QTest::addColumn<QString>("code");
        QTest::newRow("503") << false << "xloud.server_error";
        QTest::newRow("timeout") << true << "xloud.timeout";
    }
    void createsAreNeverRetried()
    {
        QFETCH(bool, hang);
        QFETCH(QString, code);
        m_cloud->handler = [hang](const FakeRequest&) {
            return hang ? FakeResponse {0, {}, {}, true} : FakeResponse::json(503, {{u"message"_s, u"busy"_s}});
        };
        NetworkClient net(m_session.get(), {});
        PortSpec spec;
        spec.networkId = u"n1"_s;
        const auto r = await<Port>([&](auto cb) { net.createPort(spec, cb); });
        QVERIFY(!r);
        QCOMPARE(r.error().code, code);
        QTest::qWait(200); // no late retry either
        QCOMPARE(m_cloud->count("POST", u"/network/v2.0/ports"_s), 1);
    }

    void refusedTokenLogsInAgainOnce()
    {
        m_cloud->handler = [](const FakeRequest& r) {
            return r.token() == "tok-1"
                ? FakeResponse::json(401, {{u"error"_s, QJsonObject {{u"message"_s, u"expired"_s}}}})
                : FakeResponse::json(200, kNetworks);
        };
        NetworkClient net(m_session.get(), {});
        XMS_VERIFY_OK(await<QList<Network>>([&](auto cb) { net.networks(cb); }));
        QCOMPARE(m_cloud->logins, 2);
        // A POST refused with 401 is sent again too: it never reached the service's logic.
        m_cloud->handler = [](const FakeRequest& r) {
            return r.token() == "tok-2" ? FakeResponse::json(401, {})
                                        : FakeResponse::json(201, {{u"port"_s, QJsonObject {{u"id"_s, u"p9"_s}}}});
        };
        const auto port = await<Port>([&](auto cb) { net.createPort(PortSpec {u"n1"_s, {}, {}, {}, {}, {}}, cb); });
        XMS_VERIFY_OK(port);
        QCOMPARE(port->id, u"p9"_s);
        QCOMPARE(m_cloud->logins, 3);
    }

    void secondRefusalIsAnError()
    {
        m_cloud->handler = [](const FakeRequest&) { return FakeResponse::json(401, {}); };
        NetworkClient net(m_session.get(), {});
        const auto r = await<QList<Network>>([&](auto cb) { net.networks(cb); });
        QVERIFY(!r);
        QCOMPARE(r.error().code, u"xloud.unauthorized"_s);
        QCOMPARE(m_cloud->logins, 2);
        QCOMPARE(m_cloud->count("GET", u"/network"_s), 2);
    }

    void parallelCallsShareOneLogin()
    {
        m_cloud->handler = [](const FakeRequest&) { return FakeResponse::json(200, kNetworks); };
        NetworkClient a(m_session.get(), {}), b(m_session.get(), {});
        int done = 0;
        for (NetworkClient* n : {&a, &b, &a})
            n->networks([&](Result<QList<Network>> r) { done += r.has_value(); });
        QTRY_COMPARE(done, 3);
        QCOMPARE(m_cloud->logins, 1);
        QCOMPARE(m_session->logins(), 1);
    }

    void wrongPassword()
    {
        Session wrong(record(), u"wrong"_s);
        const auto t = await<ScopedToken>([&](auto cb) { wrong.token({}, cb); });
        QVERIFY(!t);
        QCOMPARE(t.error().code, u"xloud.invalid_login"_s);
        QCOMPARE(wrong.logins(), 2); // the scoped try, then the unscoped one that tells password from project
    }

    void deleteOfWhatIsGoneIsDone()
    {
        m_cloud->handler = [](const FakeRequest&) {
            return FakeResponse::json(
                404,
                {{u"NeutronError"_s,
                  QJsonObject {{u"type"_s, u"PortNotFound"_s}, {u"message"_s, u"Port p could not be found."_s}}}});
        };
        NetworkClient net(m_session.get(), {});
        std::optional<Status> s;
        net.deletePort(u"p"_s, [&](Status st) { s = st; });
        QTRY_VERIFY(s.has_value());
        QVERIFY(s->has_value());
    }

    void microversionIsNegotiated_data()
    {
        QTest::addColumn<QString>("serverMax");
        QTest::addColumn<QByteArray>("sent");
        QTest::newRow("newer server") << "2.95" << QByteArray("compute 2.67");
        QTest::newRow("older server") << "2.60" << QByteArray("compute 2.60");
    }
    void microversionIsNegotiated()
    {
        QFETCH(QString, serverMax);
        QFETCH(QByteArray, sent);
        m_cloud->handler = [serverMax](const FakeRequest& r) {
            if (r.path == u"/compute/v2.1")
                return FakeResponse::json(200, {{u"version"_s, QJsonObject {{u"version"_s, serverMax}}}});
            return FakeResponse::json(200, {{u"flavors"_s, QJsonArray {}}});
        };
        ComputeClient compute(m_session.get(), {});
        XMS_VERIFY_OK(await<QList<Flavor>>([&](auto cb) { compute.flavors(cb); }));
        XMS_VERIFY_OK(await<QList<Flavor>>([&](auto cb) { compute.flavors(cb); }));
        QCOMPARE(m_cloud->count("GET", u"/compute/v2.1/flavors"_s), 2);
        QCOMPARE(m_cloud->count("GET", u"/compute/v2.1"_s), 3); // the version document once
        QCOMPARE(m_cloud->requests.last().headers.value("openstack-api-version"), sent);
    }

    void serverWaitEndsOnActiveOrFault_data()
    {
        QTest::addColumn<QStringList>("statuses");
        QTest::addColumn<QString>("code"); // empty: success
        QTest::addColumn<int>("timeoutMs"); // long where the status ends the wait: a loaded CI host is slow
        QTest::newRow("active") << QStringList {u"BUILD"_s, u"BUILD"_s, u"ACTIVE"_s} << QString() << 30000;
        QTest::newRow("error with fault") << QStringList {u"BUILD"_s, u"ERROR"_s} << u"xloud.server.error"_s << 30000;
        QTest::newRow("never ready") << QStringList {u"BUILD"_s} << u"xloud.wait_timeout"_s << 400;
    }
    void serverWaitEndsOnActiveOrFault()
    {
        QFETCH(QStringList, statuses);
        QFETCH(QString, code);
        QFETCH(int, timeoutMs);
        int polls = 0;
        m_cloud->handler = [&](const FakeRequest& r) {
            if (r.path == u"/compute/v2.1")
                return FakeResponse::json(200, {{u"version"_s, QJsonObject {{u"version"_s, u"2.89"_s}}}});
            const QString status = statuses.value(polls++, statuses.last());
            QJsonObject server {{u"id"_s, u"s1"_s}, {u"name"_s, u"vm"_s}, {u"status"_s, status}};
            if (status == u"ERROR")
                server.insert(u"fault", QJsonObject {{u"code"_s, 500}, {u"message"_s, u"No valid host was found."_s}});
            return FakeResponse::json(200, {{u"server"_s, server}});
        };
        ComputeClient compute(m_session.get(), {});
        const auto r = await<Server>([&](auto cb) {
            compute.waitForStatus(u"s1"_s, u"ACTIVE"_s, cb, WaitOptions {10, 20, timeoutMs});
        });
        if (code.isEmpty()) {
            XMS_VERIFY_OK(r);
            QCOMPARE(polls, 3);
        } else {
            QVERIFY(!r);
            QCOMPARE(r.error().code, code);
            if (code == u"xloud.server.error")
                QVERIFY(r.error().message.contains(u"No valid host was found."));
        }
    }

    void deletingTheClientCancelsTheWait()
    {
        m_cloud->handler = [](const FakeRequest& r) {
            if (r.path == u"/compute/v2.1")
                return FakeResponse::json(200, {{u"version"_s, QJsonObject {{u"version"_s, u"2.89"_s}}}});
            return FakeResponse::json(200,
                                      {{u"server"_s, QJsonObject {{u"id"_s, u"s1"_s}, {u"status"_s, u"BUILD"_s}}}});
        };
        auto compute = std::make_unique<ComputeClient>(m_session.get(), QString());
        bool called = false;
        WaitHandle h = compute->waitForStatus(
            u"s1"_s, u"ACTIVE"_s, [&](Result<Server>) { called = true; }, WaitOptions {10, 10, 5000});
        QTRY_VERIFY(m_cloud->count("GET", u"/compute/v2.1/servers/s1"_s) >= 2);
        compute.reset();
        QVERIFY(h.isNull());
        const int polls = m_cloud->count("GET", u"/compute/v2.1/servers/s1"_s);
        QTest::qWait(100);
        QVERIFY(!called);
        QVERIFY(m_cloud->count("GET", u"/compute/v2.1/servers/s1"_s) <= polls + 1); // at most the one in flight
    }
};

QTEST_GUILESS_MAIN(TestServiceClient)
#include "tst_serviceclient.moc"
