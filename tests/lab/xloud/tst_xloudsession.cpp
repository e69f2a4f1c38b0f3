#include "xloud/networkclient.h"
#include "xloud/resources.h"
#include "xloud/session.h"
#include "xloudlab.h"

#include <QTest>

using namespace xms;
using namespace Qt::StringLiterals;
using namespace xms::xloud;
using namespace xms::test;

// Keystone against the lab as the member user: password and application-credential logins, the
// catalog, the token cache, and what happens with a wrong password, a foreign project, an expired and a
// revoked token.
class TestXloudSession : public QObject
{
    Q_OBJECT
private slots:
    void initTestCase()
    {
        requireEnv("OS_AUTH_URL");
        requireEnv("OS_PASSWORD");
    }

    void loginListsProjectsAndResolvesTheCatalog()
    {
        Session session(labCloud(uniqueName(u"catalog"_s)), labPassword());
        const auto check = await<CloudCheck>([&](auto cb) { checkCloud(&session, {}, cb); });
        XMS_VERIFY_OK(check);
        QStringList names;
        for (const Project& p : check->projects)
            names.append(p.name);
        QVERIFY2(names.contains(u"infra"_s), qPrintable(names.join(u", ")));
        QVERIFY2(!names.contains(u"admin"_s), "the member sees only its own projects");
        QCOMPARE(check->projectName, u"infra"_s);
        QVERIFY(check->tokenExpiresAt > QDateTime::currentDateTimeUtc());
        QHash<QString, QString> eps;
        for (const auto& [k, v] : check->endpoints)
            eps.insert(k, v);
        QCOMPARE(eps.value(u"network"_s), u"http://127.0.0.1:9696/v2.0"_s); // /v2.0 added
        QCOMPARE(eps.value(u"image"_s), u"http://127.0.0.1:9292/v2"_s); // /v2 added
        QCOMPARE(eps.value(u"block-storage"_s), u"http://127.0.0.1:8776/v3/"_s + check->projectId);
        QVERIFY(eps.value(u"compute"_s).startsWith(u"http://127.0.0.1:8774/v2.1"));
    }

    void wrongPasswordIsAClearLoginError()
    {
        const QString wrong = u"not-the-password-4711"_s;
        Session session(labCloud(uniqueName(u"wrong"_s)), wrong);
        const auto t = await<ScopedToken>([&](auto cb) { session.token({}, cb); });
        QVERIFY(!t);
        QCOMPARE(t.error().code, u"xloud.invalid_login"_s);
        QVERIFY(t.error().message.contains(u"set-password"));
        QVERIFY2(!t.error().toString().contains(wrong), "a secret must never appear in an error");
        const auto p = await<QList<Project>>([&](auto cb) { session.projects(cb); });
        QVERIFY(!p);
        QCOMPARE(p.error().code, u"xloud.invalid_login"_s);
    }

    void foreignProjectNamesTheAccessibleOnes()
    {
        Session session(labCloud(uniqueName(u"foreign"_s)), labPassword());
        const auto t = await<ScopedToken>([&](auto cb) { session.token(u"admin"_s, cb); });
        QVERIFY(!t);
        QCOMPARE(t.error().code, u"xloud.project.not_found"_s);
        QVERIFY2(t.error().message.contains(u"infra"), qPrintable(t.error().message));
    }

    void tokensAreCachedPerCloudAndProject()
    {
        const CloudRecord cloud = labCloud(uniqueName(u"cache"_s));
        Session first(cloud, labPassword());
        // Three clients asking at once share one login.
        NetworkClient a(&first, u"infra"_s), b(&first, u"infra"_s), c(&first, u"infra"_s);
        int answered = 0;
        for (NetworkClient* n : {&a, &b, &c})
            n->networks([&](Result<QList<Network>> r) { answered += r.has_value(); });
        QTRY_COMPARE_WITH_TIMEOUT(answered, 3, 60000);
        QCOMPARE(first.logins(), 1);
        // A second session of the same cloud (the engine opens one per job) reuses the cached token.
        Session second(cloud, labPassword());
        const auto t = await<ScopedToken>([&](auto cb) { second.token(u"infra"_s, cb); });
        XMS_VERIFY_OK(t);
        QCOMPARE(second.logins(), 0);
    }

    void expiredCachedTokenIsRenewed()
    {
        Session session(labCloud(uniqueName(u"expiry"_s)), labPassword());
        const auto before = await<ScopedToken>([&](auto cb) { session.token({}, cb); });
        XMS_VERIFY_OK(before);
        session.expireCachedTokensForTesting();
        NetworkClient net(&session, {});
        const auto nets = await<QList<Network>>([&](auto cb) { net.networks(cb); });
        XMS_VERIFY_OK(nets);
        QCOMPARE(session.logins(), 2);
        const auto after = await<ScopedToken>([&](auto cb) { session.token({}, cb); });
        XMS_VERIFY_OK(after);
        QVERIFY(after->value != before->value);
    }

    void revokedTokenLogsInAgainOnce()
    {
        // A token that dies before its expiry (revoked, or Keystone's keys rotated) makes a service answer 401:
        // the client logs in again once and the call succeeds.
        Session session(labCloud(uniqueName(u"revoked"_s)), labPassword());
        const auto t = await<ScopedToken>([&](auto cb) { session.token({}, cb); });
        XMS_VERIFY_OK(t);
        const int revoked = rawCall("DELETE", labCloud().authUrl + u"/auth/tokens"_s, t->value, {}, nullptr, nullptr,
                                    {{"X-Subject-Token", t->value}});
        QCOMPARE(revoked, 204);
        NetworkClient net(&session, {});
        const auto nets = await<QList<Network>>([&](auto cb) { net.networks(cb); });
        XMS_VERIFY_OK(nets);
        QCOMPARE(session.logins(), 2);
        QVERIFY(!nets->isEmpty());
    }

    void applicationCredentialLogin()
    {
        QString userId;
        const QByteArray token = rawMemberToken(&userId);
        QVERIFY(!token.isEmpty());
        const QString name = uniqueName(u"appcred"_s);
        const QString secret = u"appcred-secret-"_s + name;
        QJsonObject created;
        const QString base = labCloud().authUrl + u"/users/"_s + userId + u"/application_credentials"_s;
        QCOMPARE(rawCall("POST", base, token,
                         {{u"application_credential"_s, QJsonObject {{u"name"_s, name}, {u"secret"_s, secret}}}},
                         &created),
                 201);
        const QString id = created.value(u"application_credential").toObject().value(u"id").toString();
        auto cleanup = qScopeGuard([&] { rawCall("DELETE", base + u'/' + id, token); });

        CloudRecord byId = labCloud(uniqueName(u"ac-id"_s));
        byId.auth = CloudRecord::Auth::ApplicationCredential;
        byId.appCredId = id;
        byId.project.clear(); // the credential carries its project
        Session s1(byId, secret);
        const auto check = await<CloudCheck>([&](auto cb) { checkCloud(&s1, {}, cb); });
        XMS_VERIFY_OK(check);
        QCOMPARE(check->projectName, u"infra"_s);
        QCOMPARE(check->endpoints.size(), 4);
        const auto other = await<ScopedToken>([&](auto cb) { s1.token(u"other"_s, cb); });
        QVERIFY(!other);
        QCOMPARE(other.error().code, u"xloud.project.not_found"_s);

        CloudRecord byName = labCloud(uniqueName(u"ac-name"_s));
        byName.auth = CloudRecord::Auth::ApplicationCredential;
        byName.appCredName = name;
        Session s2(byName, secret);
        XMS_VERIFY_OK(await<ScopedToken>([&](auto cb) { s2.token(u"infra"_s, cb); }));

        byId.name = uniqueName(u"ac-wrong"_s); // a fresh cloud: the cache holds tokens per cloud, not per secret
        Session wrong(byId, u"not-the-secret"_s);
        const auto bad = await<ScopedToken>([&](auto cb) { wrong.token({}, cb); });
        QVERIFY(!bad);
        QCOMPARE(bad.error().code, u"xloud.invalid_login"_s);
    }
};

QTEST_GUILESS_MAIN(TestXloudSession)
#include "tst_xloudsession.moc"
