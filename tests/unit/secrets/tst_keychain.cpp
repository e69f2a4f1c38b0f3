#include "secrets/keychainbackend.h"
#include "secrets/secretstore.h"
#include "testutil.h"

#include <QCoreApplication>
#include <QProcess>

#include <cstdio>
#include <QTest>

using namespace xms;

namespace {
// Test-side waiting only: product code never blocks on the keychain.
Result<QString> readNow(SecretBackend& b, const QString& key)
{
    std::optional<Result<QString>> out;
    QObject ctx;
    b.read(key, &ctx, [&](Result<QString> r) { out = std::move(r); });
    (void)QTest::qWaitFor([&] { return out.has_value(); }, 10000);
    return out.value_or(fail(QStringLiteral("test.timeout"), QStringLiteral("timeout")));
}

Status writeNow(SecretBackend& b, const QString& key, const QString& value)
{
    std::optional<Status> out;
    QObject ctx;
    b.write(key, value, &ctx, [&](Status r) { out = std::move(r); });
    (void)QTest::qWaitFor([&] { return out.has_value(); }, 10000);
    return out.value_or(fail(QStringLiteral("test.timeout"), QStringLiteral("timeout")));
}

Status removeNow(SecretBackend& b, const QString& key)
{
    std::optional<Status> out;
    QObject ctx;
    b.remove(key, &ctx, [&](Status r) { out = std::move(r); });
    (void)QTest::qWaitFor([&] { return out.has_value(); }, 10000);
    return out.value_or(fail(QStringLiteral("test.timeout"), QStringLiteral("timeout")));
}
} // namespace

class TestKeychain : public QObject
{
    Q_OBJECT
private slots:
    void initTestCase()
    {
        QVERIFY2(qEnvironmentVariableIsSet("DBUS_SESSION_BUS_ADDRESS"),
                 "run through tests/with-keyring: this test needs a real Secret Service");
    }

    void writeReadDelete()
    {
        SecretBackend& b = SecretStore::backend();
        const QString key = SecretStore::sourcePasswordKey(QStringLiteral("lab-vc"));
        QCOMPARE(key, QStringLiteral("source/lab-vc/password"));
        auto w = writeNow(b, key, QStringLiteral("s3cr3t-\u00e9"));
        XMS_VERIFY_OK(w);
        auto r = readNow(b, key);
        QVERIFY(r);
        QCOMPARE(*r, QStringLiteral("s3cr3t-\u00e9"));

        // The item really is in the Secret Service, under our service name.
        QProcess tool;
        tool.start(QStringLiteral("secret-tool"), {QStringLiteral("search"), QStringLiteral("user"), key});
        QVERIFY(tool.waitForFinished(10000));
        QVERIFY(tool.readAllStandardError().contains("xms-desktop") || tool.readAllStandardOutput().contains("xms"));

        QVERIFY(removeNow(b, key));
        auto gone = readNow(b, key);
        QVERIFY(!gone);
        QCOMPARE(gone.error().code, QStringLiteral("secrets.not_found"));
        QVERIFY(removeNow(b, key)); // removing what is absent is fine
    }

    void noSecretServiceSaysHowToFix()
    {
        // QtDBus keeps its first session-bus connection, so the "no keychain" case runs in a child process
        // whose bus address leads nowhere.
        QProcess child;
        QProcessEnvironment env = QProcessEnvironment::systemEnvironment();
        env.insert(QStringLiteral("DBUS_SESSION_BUS_ADDRESS"), QStringLiteral("unix:path=/nonexistent/xms-no-bus"));
        child.setProcessEnvironment(env);
        child.start(QCoreApplication::applicationFilePath(), {QStringLiteral("--probe-no-bus")});
        QVERIFY(child.waitForFinished(30000));
        const QString output = QString::fromUtf8(child.readAllStandardOutput());
        QVERIFY2(output.startsWith(u"secrets.unavailable\n"), qPrintable(output));
        QVERIFY(output.contains(u"gnome-keyring-daemon"));
    }
};

int main(int argc, char* argv[])
{
    QCoreApplication app(argc, argv);
    if (argc > 1 && QByteArray(argv[1]) == "--probe-no-bus") {
        auto r = readNow(SecretStore::backend(), QStringLiteral("source/x/password"));
        std::printf("%s\n%s\n", r ? "no-error" : qPrintable(r.error().code),
                    r ? "" : qPrintable(r.error().message));
        return 0;
    }
    TestKeychain test;
    return QTest::qExec(&test, argc, argv);
}
#include "tst_keychain.moc"
