#include "labfaults.h"
#include "store/jobstore.h"
#include "xloudlab.h"

#include <QDir>
#include <QJsonArray>
#include <QJsonDocument>
#include <QProcess>
#include <QTemporaryDir>
#include <QTest>

using namespace xms;
using namespace Qt::StringLiterals;
using namespace xms::test;

namespace {
struct Run
{
    int exitCode = -1;
    QString out;
    QString err;
};
} // namespace

// `xms cloud …` end to end, as an operator types it: the real binary, a real keychain (GNOME Keyring in a
// private D-Bus session, see tests/with-keyring) and the lab cloud.
class TestXloudCli : public QObject
{
    Q_OBJECT

    QTemporaryDir m_home;
    QString m_password;

    Run xms(const QStringList& args, const QByteArray& stdinData = {})
    {
        QProcess p;
        QProcessEnvironment env = QProcessEnvironment::systemEnvironment();
        env.insert(u"XMS_HOME"_s, m_home.path());
        p.setProcessEnvironment(env);
        p.start(QStringLiteral(XMS_CLI), args);
        if (!p.waitForStarted(10000))
            return {};
        p.write(stdinData);
        p.closeWriteChannel();
        if (!p.waitForFinished(180000))
            p.kill();
        Run r {p.exitCode(), QString::fromUtf8(p.readAllStandardOutput()), QString::fromUtf8(p.readAllStandardError())};
        // No secret ever reaches the terminal.
        if (!m_password.isEmpty() && (r.out.contains(m_password) || r.err.contains(m_password)))
            qFatal("xms printed the password");
        return r;
    }

    // Asks the Secret Service directly for this test's item: QtKeychain files it under user=<key> and
    // server=<service>, and the service is per XMS_HOME (other tests keep their own "lab" items).
    bool keychainHas(const QString& key) const
    {
        const QString service = QStringLiteral("xms-desktop:") + QDir(m_home.path()).absolutePath();
        QProcess tool;
        tool.start(QStringLiteral("secret-tool"),
                   {QStringLiteral("search"), QStringLiteral("--all"), QStringLiteral("user"), key,
                    QStringLiteral("server"), service});
        tool.waitForFinished(10000);
        const QByteArray needle = "user = " + key.toUtf8();
        return tool.readAllStandardOutput().contains(needle) || tool.readAllStandardError().contains(needle);
    }

    QStringList createArgs(const QString& name)
    {
        const CloudRecord c = labCloud();
        return {u"cloud"_s,
                u"create"_s,
                name,
                u"--auth-url"_s,
                c.authUrl,
                u"--user"_s,
                c.username,
                u"--password-stdin"_s,
                u"--user-domain"_s,
                c.userDomain,
                u"--project"_s,
                c.project,
                u"--project-domain"_s,
                c.projectDomain,
                u"--region"_s,
                c.region};
    }

    // `openstack …` as the lab's member user (tests/lab/lab env exports OS_*): the real client's view.
    static QString openstack(const QStringList& args, int* exitCode = nullptr)
    {
        QProcess p;
        p.start(u"openstack"_s, args);
        p.waitForFinished(120000);
        if (exitCode)
            *exitCode = p.exitCode();
        return QString::fromUtf8(p.readAllStandardOutput()).trimmed();
    }

private slots:
    void initTestCase()
    {
        QVERIFY2(qEnvironmentVariableIsSet("DBUS_SESSION_BUS_ADDRESS"),
                 "run through tests/with-keyring: the CLI keeps secrets in a real Secret Service");
        QVERIFY(m_home.isValid());
        m_password = labPassword();
    }

    void createListShow()
    {
        const Run created = xms(createArgs(u"lab"_s), m_password.toUtf8() + '\n');
        QVERIFY2(created.exitCode == 0, qPrintable(created.err));
        QVERIFY(created.out.contains(u"Saved cloud lab"));
        // The lab's plain Identity URL works, with a warning on stderr (stdout stays clean for scripts).
        QVERIFY2(created.err.contains(u"xms: WARNING: The Identity URL http://127.0.0.1:5000/v3 is plain http"),
                 qPrintable(created.err));
        QVERIFY2(keychainHas(u"cloud/lab/password"_s), "the password is in the Secret Service");
        const Run again = xms(createArgs(u"lab"_s), m_password.toUtf8() + '\n');
        QCOMPARE(again.exitCode, 1);
        QVERIFY(again.err.contains(u"exists already"));

        const Run list = xms({u"cloud"_s, u"list"_s, u"--output"_s, u"json"_s});
        QCOMPARE(list.exitCode, 0);
        const QJsonArray clouds = QJsonDocument::fromJson(list.out.toUtf8()).array();
        QCOMPARE(clouds.size(), 1);
        QCOMPARE(clouds.first()[u"name"].toString(), u"lab"_s);
        QCOMPARE(clouds.first()[u"secret"].toString(), u"in the keychain"_s);

        const Run show = xms({u"cloud"_s, u"show"_s, u"lab"_s});
        QCOMPARE(show.exitCode, 0);
        QVERIFY(show.out.contains(u"xms-operator"));
        QVERIFY(show.out.contains(u"Secret:         in the keychain"));
    }

    void test()
    {
        const Run r = xms({u"cloud"_s, u"test"_s, u"lab"_s, u"--output"_s, u"json"_s});
        QVERIFY2(r.exitCode == 0, qPrintable(r.err));
        const QJsonObject o = QJsonDocument::fromJson(r.out.toUtf8()).object();
        QCOMPARE(o[u"ok"].toBool(), true);
        QCOMPARE(o[u"project"][u"name"].toString(), u"infra"_s);
        QCOMPARE(o[u"endpoints"][u"network"].toString(), u"http://127.0.0.1:9696/v2.0"_s);
        QCOMPARE(o[u"endpoints"][u"image"].toString(), u"http://127.0.0.1:9292/v2"_s);
        QVERIFY(o[u"endpoints"][u"block-storage"].toString().endsWith(o[u"project"][u"id"].toString()));
        const Run text = xms({u"cloud"_s, u"test"_s, u"lab"_s});
        QCOMPARE(text.exitCode, 0);
        QVERIFY2(text.err.contains(u"is plain http: the password and every token go over the network unencrypted"),
                 qPrintable(text.err));
        QVERIFY(text.out.contains(u"Projects:       infra"));
        // Another user's project: not found, naming the ones that work.
        const Run foreign = xms({u"cloud"_s, u"test"_s, u"lab"_s, u"--project"_s, u"admin"_s});
        QCOMPARE(foreign.exitCode, 3);
        QVERIFY(foreign.err.contains(u"infra"));
    }

    // The same cloud over https (the lab's TLS proxy) with the lab CA as the cloud's CA file: no warning,
    // every endpoint https; an untrusted CA and an http catalog endpoint are refused and nothing is saved.
    void httpsCloudWithItsCaFile()
    {
        QStringList args = createArgs(u"labtls"_s);
        args[4] = QString::fromUtf8(requireEnv("XMS_LAB_TLS_AUTH_URL"));
        const Run created = xms(args + QStringList {u"--ca-file"_s, QString::fromUtf8(requireEnv("XMS_LAB_CA_BUNDLE"))},
                                m_password.toUtf8() + '\n');
        QVERIFY2(created.exitCode == 0, qPrintable(created.err));
        QVERIFY2(!created.err.contains(u"WARNING"), qPrintable(created.err));
        const Run r = xms({u"cloud"_s, u"test"_s, u"labtls"_s, u"--output"_s, u"json"_s});
        QVERIFY2(r.exitCode == 0, qPrintable(r.err));
        const QJsonObject endpoints = QJsonDocument::fromJson(r.out.toUtf8()).object()[u"endpoints"].toObject();
        QCOMPARE(endpoints.size(), 4);
        for (const QString& key : endpoints.keys())
            QVERIFY2(endpoints[key].toString().startsWith(u"https://127.0.0.1:1"), qPrintable(key));

        LabFaults proxy;
        proxy.plainCatalog(u"image"_s);
        const Run plain = xms({u"cloud"_s, u"test"_s, u"labtls"_s});
        QVERIFY(plain.exitCode != 0);
        QVERIFY2(plain.err.contains(u"lists Image (Glance) at http://127.0.0.1:9292/v2, a plain http URL"),
                 qPrintable(plain.err));
        proxy.clear();

        QStringList untrusted = args;
        untrusted[2] = u"labuntrusted"_s;
        const Run refused = xms(
            untrusted + QStringList {u"--ca-file"_s, QString::fromUtf8(requireEnv("XMS_LAB_UNTRUSTED_CA_BUNDLE"))},
            m_password.toUtf8() + '\n');
        QVERIFY(refused.exitCode != 0);
        QVERIFY2(refused.err.contains(u"TLS certificate of 127.0.0.1 is not trusted"), qPrintable(refused.err));
        const Run list = xms({u"cloud"_s, u"list"_s, u"--output"_s, u"json"_s});
        QVERIFY(!list.out.contains(u"labuntrusted"));
        QCOMPARE(xms({u"cloud"_s, u"delete"_s, u"labtls"_s}).exitCode, 0);
    }

    void resourcesJson()
    {
        const Run r = xms(
            {u"cloud"_s, u"resources"_s, u"--cloud"_s, u"lab"_s, u"--project"_s, u"infra"_s, u"--output"_s, u"json"_s});
        QVERIFY2(r.exitCode == 0, qPrintable(r.err));
        const QJsonObject o = QJsonDocument::fromJson(r.out.toUtf8()).object();
        QStringList flavors, types, computeZones, volumeZones;
        for (const QJsonValue& f : o[u"flavors"].toArray())
            flavors.append(f[u"name"].toString());
        for (const QJsonValue& t : o[u"volume_types"].toArray())
            types.append(t[u"name"].toString());
        for (const QJsonValue& z : o[u"availability_zones"][u"compute"].toArray())
            computeZones.append(z[u"name"].toString());
        for (const QJsonValue& z : o[u"availability_zones"][u"volume"].toArray())
            volumeZones.append(z[u"name"].toString());
        for (const char* f : {"m1.tiny", "m1.small", "m1.medium", "m1.large"})
            QVERIFY2(flavors.contains(QLatin1StringView(f)), f);
        QVERIFY(types.contains(u"ssd"_s));
        QVERIFY(types.contains(u"standard"_s));
        QCOMPARE(computeZones, QStringList {u"nova"_s});
        QCOMPARE(volumeZones, QStringList {u"nova"_s});
        QJsonObject internal;
        for (const QJsonValue& n : o[u"networks"].toArray())
            if (n[u"name"] == u"internal-net"_s)
                internal = n.toObject();
        QVERIFY2(!internal.isEmpty(), "internal-net is listed");
        QCOMPARE(internal[u"shared"].toBool(), false);
        QCOMPARE(internal[u"subnets"].toArray().size(), 1);
        QCOMPARE(internal[u"subnets"][0][u"name"].toString(), u"internal-subnet"_s);
        QCOMPARE(internal[u"subnets"][0][u"cidr"].toString(), u"10.10.0.0/24"_s);
        // Quota headroom from all three services.
        QCOMPARE(o[u"quota"][u"compute"][u"instances"][u"limit"].toInt(), 10);
        QCOMPARE(o[u"quota"][u"volume"][u"gigabytes"][u"limit"].toInt(), 200);
        QCOMPARE(o[u"quota"][u"network"][u"port"][u"limit"].toInt(), 50);
        QVERIFY(o[u"quota"][u"volume"][u"gigabytes"][u"free"].isDouble());
        QVERIFY(o[u"warnings"].toArray().isEmpty());
        // One cloud registered: --cloud may be left out; text output names the same things.
        const Run text = xms({u"cloud"_s, u"resources"_s, u"--project"_s, u"infra"_s});
        QCOMPARE(text.exitCode, 0);
        QVERIFY(text.out.contains(u"internal-subnet"));
        QVERIFY(text.out.contains(u"m1.large"));
    }

    void wrongPasswordThenFixed()
    {
        QCOMPARE(xms({u"cloud"_s, u"set-password"_s, u"lab"_s, u"--password-stdin"_s}, "wrong-password\n").exitCode, 0);
        const Run bad = xms({u"cloud"_s, u"test"_s, u"lab"_s});
        QCOMPARE(bad.exitCode, 4); // authentication
        QVERIFY(bad.err.contains(u"set-password"));
        QVERIFY(!bad.err.contains(u"wrong-password"));
        QCOMPARE(
            xms({u"cloud"_s, u"set-password"_s, u"lab"_s, u"--password-stdin"_s}, m_password.toUtf8() + '\n').exitCode,
            0);
        QCOMPARE(xms({u"cloud"_s, u"test"_s, u"lab"_s}).exitCode, 0);
        // create refuses to save a cloud whose login fails.
        const Run rejected = xms(createArgs(u"typo"_s), "not-it\n");
        QCOMPARE(rejected.exitCode, 4);
        QCOMPARE(xms({u"cloud"_s, u"show"_s, u"typo"_s}).exitCode, 3);
    }

    void applicationCredentialCloud()
    {
        QString userId;
        const QByteArray token = rawMemberToken(&userId);
        const QString name = uniqueName(u"cli-appcred"_s);
        const QString secret = u"secret-"_s + name;
        const QString base = labCloud().authUrl + u"/users/"_s + userId + u"/application_credentials"_s;
        QJsonObject created;
        QCOMPARE(rawCall("POST", base, token,
                         {{u"application_credential"_s, QJsonObject {{u"name"_s, name}, {u"secret"_s, secret}}}},
                         &created),
                 201);
        const QString id = created[u"application_credential"][u"id"].toString();
        auto cleanup = qScopeGuard([&] { rawCall("DELETE", base + u'/' + id, token); });
        const Run r = xms({u"cloud"_s, u"create"_s, u"labac"_s, u"--auth-url"_s, labCloud().authUrl, u"--app-cred-id"_s,
                           id, u"--app-cred-secret-stdin"_s, u"--region"_s, labCloud().region},
                          secret.toUtf8() + '\n');
        QVERIFY2(r.exitCode == 0, qPrintable(r.err));
        const Run t = xms({u"cloud"_s, u"test"_s, u"labac"_s, u"--output"_s, u"json"_s});
        QVERIFY2(t.exitCode == 0, qPrintable(t.err));
        QCOMPARE(QJsonDocument::fromJson(t.out.toUtf8()).object()[u"project"][u"name"].toString(), u"infra"_s);
        QVERIFY(!t.out.contains(secret));
        QCOMPARE(xms({u"cloud"_s, u"delete"_s, u"labac"_s}).exitCode, 0);
    }

    void deleteRemovesRecordAndSecret()
    {
        const Run d = xms({u"cloud"_s, u"delete"_s, u"lab"_s});
        QVERIFY2(d.exitCode == 0, qPrintable(d.err));
        QVERIFY(!d.err.contains(u"warning"));
        QCOMPARE(xms({u"cloud"_s, u"show"_s, u"lab"_s}).exitCode, 3);
        QCOMPARE(xms({u"cloud"_s, u"test"_s, u"lab"_s}).exitCode, 3);
        QVERIFY2(!keychainHas(u"cloud/lab/password"_s), "the password left the Secret Service");
    }

    // Finding 7: a failed job's cleanup can be run again — here for a volume its cleanup could not delete.
    // `xms migration cleanup ID` deletes it in the real Cinder, records each deletion, and says when
    // nothing is left; a job that is still running is refused.
    void cleanupAgainDeletesWhatAFailedJobLeft()
    {
        const Run created = xms(createArgs(u"cleanup-lab"_s), m_password.toUtf8() + '\n');
        QVERIFY2(created.exitCode == 0, qPrintable(created.err));
        const QString volume = openstack({u"volume"_s, u"create"_s, u"--size"_s, u"1"_s, uniqueName(u"left"_s), u"-f"_s,
                                          u"value"_s, u"-c"_s, u"id"_s});
        QVERIFY2(volume.size() == 36, qPrintable(volume));
        QTRY_COMPARE_WITH_TIMEOUT(
            openstack({u"volume"_s, u"show"_s, volume, u"-f"_s, u"value"_s, u"-c"_s, u"status"_s}), u"available"_s,
            60000);

        qputenv("XMS_HOME", m_home.path().toUtf8());
        auto store = Store::openDefault();
        XMS_VERIFY_OK(store);
        JobStore jobs(*store);
        const QJsonObject spec {{u"source"_s, u"vc"_s},         {u"vm"_s, u"web-01"_s},
                                {u"cloud"_s, u"cleanup-lab"_s}, {u"project"_s, labCloud().project},
                                {u"flavor"_s, u"m1.small"_s},   {u"volume_type"_s, u"ssd"_s}};
        auto job = jobs.create(spec);
        XMS_VERIFY_OK(job);
        const JobLease lease = jobs.claim(job->id, u"w1"_s)->value();
        const Run running = xms({u"migration"_s, u"cleanup"_s, job->id.left(8)});
        QCOMPARE(running.exitCode, 2);
        QVERIFY2(running.err.contains(u"Only a Failed or Cancelled job"), qPrintable(running.err));
        LedgerEntry l;
        l.jobId = job->id;
        l.kind = u"volume"_s;
        l.cloud = u"cleanup-lab"_s;
        l.project = labCloud().project;
        l.name = u"xms-left-volume"_s;
        const qint64 entry = jobs.ledgerAdd(lease, l).value();
        XMS_VERIFY_OK(jobs.ledgerSetResource(lease, entry, volume));
        XMS_VERIFY_OK(jobs.setEnded(lease, Stage::Failed, Stage::WriteVolume, {{u"code"_s, u"cleanup.incomplete"_s}},
                                    Text::literal(u"Some resources could not be deleted"_s)));

        const Run cleaned = xms({u"migration"_s, u"cleanup"_s, job->id.left(8)});
        QVERIFY2(cleaned.exitCode == 0, qPrintable(cleaned.err + cleaned.out));
        QVERIFY2(cleaned.out.contains(u"Nothing job " + job->id + u" created is left in Xloud."),
                 qPrintable(cleaned.out));
        int shown = 0;
        openstack({u"volume"_s, u"show"_s, volume}, &shown);
        QVERIFY2(shown != 0, "the volume is gone from Cinder");
        QCOMPARE(jobs.ledger(job->id)->at(0).state, u"deleted"_s);
        QStringList names;
        const QList<EventRecord> events = jobs.events(job->id).value();
        for (const EventRecord& e : events)
            names << e.name;
        QCOMPARE(names, (QStringList {u"cleanup.started"_s, u"cleanup.deleted"_s, u"cleanup.completed"_s}));
        const Run again = xms({u"migration"_s, u"cleanup"_s, job->id.left(8)});
        QCOMPARE(again.exitCode, 0);
        QCOMPARE(int(jobs.events(job->id)->size()), 3); // nothing to do: the cloud is not even asked
    }
};

QTEST_GUILESS_MAIN(TestXloudCli)
#include "tst_xloudcli.moc"
