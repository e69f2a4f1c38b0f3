// `xms __complete WORD… CURRENT`, which the bash completion script calls: commands and options from the
// command table, and the names that exist in the store now (sources, clouds, profiles, jobs).
#include "cli.h"
#include "store/jobstore.h"
#include "store/store.h"
#include "testutil.h"

#include <QTemporaryDir>
#include <QTest>

using namespace Qt::StringLiterals;
using namespace xms;

class TestCompletion : public QObject
{
    Q_OBJECT

    QTemporaryDir m_home;
    QString m_jobId;

    QStringList complete(const QStringList& words)
    {
        QString out;
        QString err;
        QTextStream o(&out);
        QTextStream e(&err);
        const int code = cli::run(QStringList {u"__complete"_s} + words, o, e);
        if (code != 0 || !err.isEmpty())
            qWarning("exit %d, stderr: %s", code, qPrintable(err));
        return out.split(u'\n', Qt::SkipEmptyParts);
    }

private slots:
    void nothingStoredYet()
    {
        QVERIFY(m_home.isValid());
        qputenv("XMS_HOME", m_home.path().toLocal8Bit());
        // No store yet: no names, and completing does not create one.
        QCOMPARE(complete({u"source"_s, u"show"_s, u""_s}), QStringList());
        QVERIFY(!QFile::exists(m_home.filePath(u"xms.sqlite"_s)));
    }

    void commandsAndOptions()
    {
        QCOMPARE(complete({u"mig"_s}), QStringList {u"migration"_s});
        const QStringList groups = complete({u""_s});
        for (const char* g :
             {"source", "cloud", "migration", "preflight", "profile", "worker", "settings", "--version"})
            QVERIFY2(groups.contains(QLatin1StringView(g)), g);
        QCOMPARE(complete({u"migration"_s, u"re"_s}), (QStringList {u"retry"_s, u"report"_s}));
        QCOMPARE(complete({u"migration"_s, u"submit"_s, u"--network-"_s}),
                 (QStringList {u"--network-map"_s, u"--network-profile"_s}));
        QCOMPARE(complete({u"migration"_s, u"list"_s, u"--output"_s, u""_s}), (QStringList {u"text"_s, u"json"_s}));
        QCOMPARE(complete({u"migration"_s, u"report"_s, u"--output"_s, u""_s}),
                 (QStringList {u"text"_s, u"json"_s, u"html"_s}));
        QCOMPARE(complete({u"profile"_s, u"export"_s, u"p1"_s, u"--file"_s, u""_s}), QStringList {u":files"_s});
        QCOMPARE(complete({u"nosuch"_s, u"x"_s, u""_s}), QStringList());
    }

    void namesFromTheStore()
    {
        auto store = Store::openDefault();
        XMS_VERIFY_OK(store);
        EnvironmentRecord env;
        env.name = u"prod-vcenter"_s;
        env.host = u"vc.example.com"_s;
        env.username = u"admin"_s;
        XMS_VERIFY_OK(store->saveEnvironment(env));
        env.name = u"lab-esxi"_s;
        XMS_VERIFY_OK(store->saveEnvironment(env));
        CloudRecord cloud;
        cloud.name = u"xloud-prod"_s;
        cloud.authUrl = u"https://xloud.example:5000/v3"_s;
        cloud.username = u"ops"_s;
        XMS_VERIFY_OK(store->saveCloud(cloud));
        XMS_VERIFY_OK(store->saveProfile({u"dc1-to-infra"_s, {}, {}, {}}));
        auto job = JobStore(*store).create({{u"source"_s, u"prod-vcenter"_s}, {u"vm"_s, u"web01"_s}});
        XMS_VERIFY_OK(job);
        m_jobId = job->id;

        QCOMPARE(complete({u"source"_s, u"show"_s, u"pr"_s}), QStringList {u"prod-vcenter"_s});
        QCOMPARE(complete({u"--verbose"_s, u"source"_s, u"show"_s, u"pr"_s}), QStringList {u"prod-vcenter"_s});
        QCOMPARE(complete({u"source"_s, u"delete"_s, u""_s}).size(), 2);
        QCOMPARE(complete({u"migration"_s, u"submit"_s, u"--vm"_s, u"web01"_s, u"--source"_s, u"l"_s}),
                 QStringList {u"lab-esxi"_s});
        QCOMPARE(complete({u"cloud"_s, u"test"_s, u""_s}), QStringList {u"xloud-prod"_s});
        QCOMPARE(complete({u"migration"_s, u"submit"_s, u"--cloud"_s, u""_s}), QStringList {u"xloud-prod"_s});
        QCOMPARE(complete({u"migration"_s, u"submit"_s, u"--network-profile"_s, u""_s}),
                 QStringList {u"dc1-to-infra"_s});
        QCOMPARE(complete({u"migration"_s, u"show"_s, m_jobId.left(4)}), QStringList {m_jobId});
        QCOMPARE(complete({u"migration"_s, u"events"_s, u"--job"_s, u""_s}), QStringList {m_jobId});
        QVERIFY(complete({u"settings"_s, u"set"_s, u"engine/w"_s}).contains(u"engine/worker-slots"_s));
        // A new name is not completed from existing ones; only the first positional names something.
        QCOMPARE(complete({u"source"_s, u"create"_s, u""_s}), QStringList());
        QCOMPARE(complete({u"profile"_s, u"rename"_s, u"dc1-to-infra"_s, u""_s}), QStringList());
    }
};

QTEST_GUILESS_MAIN(TestCompletion)
#include "tst_completion.moc"
