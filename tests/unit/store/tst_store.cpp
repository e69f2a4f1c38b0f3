#include "store/schema.h"
#include "store/store.h"
#include "testutil.h"

#include <QSqlQuery>
#include <QTemporaryDir>
#include <QTest>
#include <QtConcurrent>

using namespace xms;

class TestStore : public QObject
{
    Q_OBJECT
private slots:
    void createsSchemaAndReopens()
    {
        QTemporaryDir dir;
        const QString path = dir.filePath(QStringLiteral("xms.sqlite"));
        {
            auto store = Store::open(path);
            XMS_VERIFY_OK(store);
            QSqlQuery q(test::rawSqlite(store->path()));
            QVERIFY(q.exec(QStringLiteral("PRAGMA user_version")) && q.next());
            QCOMPARE(q.value(0).toInt(), schema::latestVersion());
            QVERIFY(q.exec(QStringLiteral("PRAGMA journal_mode")) && q.next());
            QCOMPARE(q.value(0).toString(), QStringLiteral("wal"));
        }
        QVERIFY(Store::open(path).has_value()); // migrating an up-to-date database is a no-op
    }

    void refusesNewerSchema()
    {
        QTemporaryDir dir;
        const QString path = dir.filePath(QStringLiteral("xms.sqlite"));
        {
            auto store = Store::open(path);
            QVERIFY(store);
            QSqlQuery q(test::rawSqlite(store->path()));
            QVERIFY(q.exec(QStringLiteral("PRAGMA user_version = 999")));
        }
        auto r = Store::open(path);
        QVERIFY(!r);
        QCOMPARE(r.error().code, QStringLiteral("store.too_new"));
        QVERIFY(r.error().message.contains(u"newer XMS"));
    }

    void environmentsRoundTrip()
    {
        QTemporaryDir dir;
        auto store = Store::open(dir.filePath(QStringLiteral("xms.sqlite")));
        QVERIFY(store);
        EnvironmentRecord e;
        e.name = QStringLiteral("prod-vcenter");
        e.host = QStringLiteral("vc.example");
        e.username = QStringLiteral("ops@vsphere.local");
        e.tls = TlsPolicy::pinned("AB:CD:EF:01:23:45:67:89:AB:CD:EF:01:23:45:67:89:AB:CD:EF:01");
        XMS_VERIFY_OK(store->saveEnvironment(e));
        auto got = store->environment(e.name);
        QVERIFY(got);
        QCOMPARE(got->host, e.host);
        QCOMPARE(got->port, 443);
        QCOMPARE(got->tls.mode, TlsPolicy::Mode::Pinned);
        QCOMPARE(got->tls.pinSha1, QByteArray("abcdef0123456789abcdef0123456789abcdef01"));
        QVERIFY(got->createdAt.isValid());

        e.port = 8443; // update in place
        XMS_VERIFY_OK(store->saveEnvironment(e));
        QCOMPARE(store->environments()->size(), 1);
        QCOMPARE(store->environment(e.name)->port, 8443);

        auto missing = store->environment(QStringLiteral("nope"));
        QVERIFY(!missing);
        QCOMPARE(missing.error().code, QStringLiteral("source.not_found"));
        QVERIFY(missing.error().message.contains(u"xms source list"));
        QVERIFY(store->removeEnvironment(e.name));
        QVERIFY(!store->removeEnvironment(e.name));
    }

    void cloudsAndProfilesRoundTrip()
    {
        QTemporaryDir dir;
        auto store = Store::open(dir.filePath(QStringLiteral("xms.sqlite")));
        QVERIFY(store);
        CloudRecord c;
        c.name = QStringLiteral("xloud");
        c.authUrl = QStringLiteral("https://id.example/v3");
        c.auth = CloudRecord::Auth::ApplicationCredential;
        c.appCredId = QStringLiteral("abc");
        XMS_VERIFY_OK(store->saveCloud(c));
        QCOMPARE(store->cloud(c.name)->auth, CloudRecord::Auth::ApplicationCredential);
        QCOMPARE(store->cloud(c.name)->appCredId, QStringLiteral("abc"));

        ProfileRecord p;
        p.name = QStringLiteral("dc1-to-infra");
        p.mapping = QJsonObject {{QStringLiteral("VM Network"), QStringLiteral("internal-net")}};
        QVERIFY(store->saveProfile(p));
        QCOMPARE(store->profile(p.name)->mapping, p.mapping);
        QCOMPARE(store->profile(QStringLiteral("x")).error().code, QStringLiteral("profile.not_found"));
    }

    void worksFromSeveralThreads()
    {
        QTemporaryDir dir;
        auto store = Store::open(dir.filePath(QStringLiteral("xms.sqlite")));
        QVERIFY(store);
        Store s = *store;
        QList<QFuture<bool>> futures;
        for (int t = 0; t < 4; ++t) {
            futures.append(QtConcurrent::run([s, t]() mutable {
                for (int i = 0; i < 25; ++i) {
                    if (!s.setSetting(QStringLiteral("k%1-%2").arg(t).arg(i), QString::number(i)))
                        return false;
                }
                return true;
            }));
        }
        for (auto& f : futures)
            QVERIFY(f.result());
        QSqlQuery q(test::rawSqlite(store->path()));
        QVERIFY(q.exec(QStringLiteral("SELECT COUNT(*) FROM settings")) && q.next());
        QCOMPARE(q.value(0).toInt(), 100);
    }
};

QTEST_GUILESS_MAIN(TestStore)
#include "tst_store.moc"
