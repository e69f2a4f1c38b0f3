// Secrets of a headless worker from systemd's credentials directory ($CREDENTIALS_DIRECTORY): a file named
// after the key wins; anything else goes to the keychain behind it, and "not found" names the credential
// that would have provided it.
#include "common/errorcodes.h"
#include "secrets/credentialsbackend.h"
#include "secrets/secretstore.h"
#include "testutil.h"

#include <QFile>
#include <QHash>
#include <QTemporaryDir>
#include <QTest>

using namespace xms;
using namespace Qt::StringLiterals;

namespace {

// The keychain behind it, in memory: records what reached it.
class MemoryBackend : public SecretBackend
{
public:
    QHash<QString, QString> secrets;
    QStringList reads;
    void read(const QString& key, QObject*, ReadDone done) override
    {
        reads << key;
        if (!secrets.contains(key))
            return done(fail(errc::kSecretsNotFound, u"No secret is stored for "_s + key + u" in the keychain."_s));
        done(secrets.value(key));
    }
    void write(const QString& key, const QString& secret, QObject*, Done done) override
    {
        secrets.insert(key, secret);
        done({});
    }
    void remove(const QString& key, QObject*, Done done) override
    {
        secrets.remove(key);
        done({});
    }
};

Result<QString> readNow(SecretBackend& b, const QString& key)
{
    std::optional<Result<QString>> out;
    QObject ctx;
    b.read(key, &ctx, [&](Result<QString> r) { out = std::move(r); });
    return out.value_or(fail(u"test.pending"_s, u"the read did not answer at once"_s));
}

} // namespace

class TestCredentials : public QObject
{
    Q_OBJECT
private slots:
    void credentialNames()
    {
        QCOMPARE(SecretStore::credentialName(SecretStore::sourcePasswordKey(u"vc1"_s)), u"xms-source-vc1-password"_s);
        QCOMPARE(SecretStore::credentialName(SecretStore::cloudAppCredSecretKey(u"xloud"_s)),
                 u"xms-cloud-xloud-app-cred-secret"_s);
        QCOMPARE(SecretStore::credentialName(u"store-password"_s), u"xms-store-password"_s);
        // Only characters a file name and systemd's credential IDs take.
        QCOMPARE(SecretStore::credentialName(u"source/prod vc ä/password"_s), u"xms-source-prod_vc__-password"_s);
    }

    void directoryWinsKeychainBehind()
    {
        QTemporaryDir dir;
        QFile f(dir.filePath(u"xms-source-vc1-password"_s));
        QVERIFY(f.open(QIODevice::WriteOnly));
        f.write("s3cret\n"); // as `echo` writes it
        f.close();
        auto memory = std::make_unique<MemoryBackend>();
        MemoryBackend* keychain = memory.get();
        keychain->secrets.insert(u"cloud/xloud/password"_s, u"from-keychain"_s);
        keychain->secrets.insert(u"source/vc1/password"_s, u"stale"_s);
        CredentialsDirectoryBackend b(dir.path(), std::move(memory));

        QCOMPARE(readNow(b, u"source/vc1/password"_s).value(), u"s3cret"_s); // the file, newline dropped
        QCOMPARE(readNow(b, u"cloud/xloud/password"_s).value(), u"from-keychain"_s);
        QCOMPARE(keychain->reads, QStringList {u"cloud/xloud/password"_s}); // the file's key never asked there

        const auto missing = readNow(b, u"source/vc2/password"_s);
        QVERIFY(!missing);
        QCOMPARE(missing.error().code, QString(errc::kSecretsNotFound));
        QVERIFY2(missing.error().message.contains(u"xms-source-vc2-password"), qPrintable(missing.error().message));

        std::optional<Status> wrote;
        QObject ctx;
        b.write(u"source/vc3/password"_s, u"new"_s, &ctx, [&](Status s) { wrote = s; });
        QVERIFY(wrote && *wrote);
        QCOMPARE(keychain->secrets.value(u"source/vc3/password"_s), u"new"_s); // writes go to the keychain
        QVERIFY(!QFile::exists(dir.filePath(u"xms-source-vc3-password"_s)));
    }
};

QTEST_GUILESS_MAIN(TestCredentials)
#include "tst_credentials.moc"
