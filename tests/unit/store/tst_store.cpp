#include "store/schema.h"
#include "store/store.h"
#include "teststore.h"
#include "testutil.h"

#include <QSqlQuery>
#include <QTemporaryDir>
#include <QTest>
#include <QtConcurrent>

using namespace xms;
using namespace Qt::StringLiterals;

class TestStore : public QObject
{
    Q_OBJECT
    QTemporaryDir m_dir;

    Result<Store> fresh(const char* name) { return test::openFreshStore(m_dir.path(), QString::fromLatin1(name)); }

private slots:
    void createsSchemaAndReopens()
    {
        auto where = test::freshStoreLocation(m_dir.path(), QStringLiteral("reopen"));
        XMS_VERIFY_OK(where);
        {
            auto store = Store::open(*where, test::storePassword(*where));
            XMS_VERIFY_OK(store);
            QSqlDatabase raw = test::rawConnection(*where);
            QCOMPARE(test::schemaVersion(raw), schema::latestVersion());
            QSqlQuery q(raw);
            if (!where->isPostgres()) {
                QVERIFY(q.exec(QStringLiteral("PRAGMA journal_mode")) && q.next());
                QCOMPARE(q.value(0).toString(), QStringLiteral("wal"));
            } else { // PostgreSQL's 32-bit INTEGER would overflow byte counts past 2 GiB
                QVERIFY(q.exec(QStringLiteral("SELECT data_type FROM information_schema.columns WHERE table_name ="
                                              " 'jobs' AND column_name = 'bytes_transferred'"))
                        && q.next());
                QCOMPARE(q.value(0).toString(), QStringLiteral("bigint"));
            }
        }
        // migrating an up-to-date database is a no-op
        QVERIFY(Store::open(*where, test::storePassword(*where)).has_value());
    }

    void refusesNewerSchema()
    {
        auto where = test::freshStoreLocation(m_dir.path(), QStringLiteral("newer"));
        XMS_VERIFY_OK(where);
        {
            auto store = Store::open(*where, test::storePassword(*where));
            QVERIFY(store);
            QSqlDatabase raw = test::rawConnection(*where);
            QVERIFY(test::setSchemaVersion(raw, 999));
        }
        auto r = Store::open(*where, test::storePassword(*where));
        QVERIFY(!r);
        QCOMPARE(r.error().code, QStringLiteral("store.too_new"));
        QVERIFY(r.error().message.contains(u"newer XMS"));
    }

    void environmentsRoundTrip()
    {
        auto store = fresh("environments");
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
        auto store = fresh("clouds");
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
        auto where = test::freshStoreLocation(m_dir.path(), QStringLiteral("threads"));
        XMS_VERIFY_OK(where);
        auto store = Store::open(*where, test::storePassword(*where));
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
        QSqlQuery q(test::rawConnection(*where));
        QVERIFY(q.exec(QStringLiteral("SELECT COUNT(*) FROM settings")) && q.next());
        QCOMPARE(q.value(0).toInt(), 100);
    }

    // A PostgreSQL store that cannot be opened says why and what to do (and nothing is created).
    void unreachableServerIsExplained()
    {
        auto r = Store::open(*StoreLocation::fromUrl(u"postgresql://xms@127.0.0.1:1/xms"_s), u"x"_s);
        QVERIFY(!r);
        QCOMPARE(r.error().code, QStringLiteral("store.unreachable"));
        QVERIFY(r.error().message.contains(u"postgresql://xms@127.0.0.1:1/xms"));
        QVERIFY(r.error().message.contains(u"pg_hba.conf"));
    }

    void wrongPasswordAndMissingDatabaseAreExplained()
    {
        if (!test::onPostgres())
            QSKIP("needs a PostgreSQL server: tst_store_pg runs this");
        auto where = test::freshStoreLocation(m_dir.path(), u"auth"_s);
        XMS_VERIFY_OK(where);
        auto wrong = Store::open(*where, u"not-the-password"_s);
        QVERIFY(!wrong);
        QCOMPARE(wrong.error().code, QStringLiteral("store.auth"));
        QVERIFY(wrong.error().message.contains(u"xms store password"));
        QVERIFY(!wrong.error().toString().contains(u"not-the-password"));
        StoreLocation missing = *where;
        missing.database = u"xms_no_such_database"_s;
        auto none = Store::open(missing, test::storePassword(*where));
        QVERIFY(!none);
        QVERIFY2(none.error().message.contains(u"createdb"), qPrintable(none.error().message));
    }

    // The URL names the server, never the password (it would land in settings files, shell history, argv).
    void storeUrls()
    {
        auto ok = StoreLocation::fromUrl(QStringLiteral("postgresql://xms@db.example:6543/factory?sslmode=verify-full"));
        XMS_VERIFY_OK(ok);
        QVERIFY(ok->isPostgres());
        QCOMPARE(ok->host, QStringLiteral("db.example"));
        QCOMPARE(ok->port, 6543);
        QCOMPARE(ok->user, QStringLiteral("xms"));
        QCOMPARE(ok->database, QStringLiteral("factory"));
        QCOMPARE(ok->sslMode, QStringLiteral("verify-full"));
        QCOMPARE(ok->display(), QStringLiteral("postgresql://xms@db.example:6543/factory?sslmode=verify-full"));
        QCOMPARE(StoreLocation::fromUrl(QStringLiteral("postgres://a@h/d"))->port, 5432);
        auto socket = StoreLocation::fromUrl(QStringLiteral("postgresql://a@localhost/d?host=/run/postgresql"));
        QCOMPARE(socket->host, QStringLiteral("/run/postgresql"));

        auto secret = StoreLocation::fromUrl(QStringLiteral("postgresql://xms:hunter2@db/factory"));
        QVERIFY(!secret);
        QCOMPARE(secret.error().code, QStringLiteral("store.url"));
        QVERIFY(secret.error().message.contains(u"password"));
        QVERIFY2(!secret.error().toString().contains(u"hunter2"), qPrintable(secret.error().toString()));
        for (const char* bad : {"mysql://a@h/d", "postgresql://h/d", "postgresql://a@h/", "postgresql://a@/d",
                                "postgresql://a@h/d?sslmode=sometimes", "not a url"}) {
            auto r = StoreLocation::fromUrl(QString::fromLatin1(bad));
            QVERIFY2(!r, bad);
            QCOMPARE(r.error().code, QStringLiteral("store.url"));
            QVERIFY(r.error().message.contains(u"postgresql://USER@HOST:PORT/DATABASE"));
        }
    }
};

QTEST_GUILESS_MAIN(TestStore)
#include "tst_store.moc"
