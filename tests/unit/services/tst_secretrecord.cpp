// The secret and its record are saved together: a record that cannot be written takes the keychain back
// to what it held (the old secret, or nothing). An in-memory keychain stands in for the Secret Service.
#include "secrets/secretstore.h"
#include "services/secretrecord.h"
#include "testutil.h"

#include <QHash>
#include <QTest>
#include <QTimer>

using namespace xms;
using namespace Qt::StringLiterals;

namespace {

// Answers from the event loop, as QtKeychain does.
class MemoryBackend : public SecretBackend
{
public:
    QHash<QString, QString>& secrets;
    explicit MemoryBackend(QHash<QString, QString>& s)
        : secrets(s)
    {
    }
    void read(const QString& key, QObject* context, ReadDone done) override
    {
        QTimer::singleShot(0, context, [this, key, done] {
            if (!secrets.contains(key))
                return done(fail(u"secrets.not_found"_s, u"absent"_s));
            done(secrets.value(key));
        });
    }
    void write(const QString& key, const QString& secret, QObject* context, Done done) override
    {
        QTimer::singleShot(0, context, [this, key, secret, done] {
            secrets.insert(key, secret);
            done({});
        });
    }
    void remove(const QString& key, QObject* context, Done done) override
    {
        QTimer::singleShot(0, context, [this, key, done] {
            secrets.remove(key);
            done({});
        });
    }
};

} // namespace

class TestSecretRecord : public QObject
{
    Q_OBJECT

    QHash<QString, QString> m_secrets;

    Status saveNow(const std::optional<QString>& secret, Status recordOutcome)
    {
        std::optional<Status> out;
        QObject ctx;
        secretrecord::save(
            u"k"_s, secret, &ctx, [recordOutcome] { return recordOutcome; }, [&](Status s) { out = std::move(s); });
        (void)QTest::qWaitFor([&] { return out.has_value(); }, 5000);
        return out.value_or(fail(u"test.timeout"_s, u"timeout"_s));
    }

private slots:
    void initTestCase() { SecretStore::setBackendForTesting(std::make_unique<MemoryBackend>(m_secrets)); }
    void init() { m_secrets.clear(); }

    void savesBoth()
    {
        XMS_VERIFY_OK(saveNow(u"new"_s, {}));
        QCOMPARE(m_secrets.value(u"k"_s), u"new"_s);
    }

    void failedRecordRemovesANewSecret()
    {
        const Status s = saveNow(u"new"_s, fail(u"store.failed"_s, u"disk full"_s));
        QVERIFY(!s);
        QCOMPARE(s.error().code, u"store.failed"_s);
        QVERIFY(!m_secrets.contains(u"k"_s));
    }

    void failedRecordRestoresTheOldSecret()
    {
        m_secrets.insert(u"k"_s, u"old"_s);
        QVERIFY(!saveNow(u"rotated"_s, fail(u"store.failed"_s, u"disk full"_s)));
        QCOMPARE(m_secrets.value(u"k"_s), u"old"_s);
    }

    void noSecretSavesOnlyTheRecordAndAnswersLater()
    {
        m_secrets.insert(u"k"_s, u"old"_s);
        bool called = false;
        QObject ctx;
        secretrecord::save(
            u"k"_s, std::nullopt, &ctx, [] { return Status(); }, [&](Status) { called = true; });
        QVERIFY(!called); // never inside the call: the CLI waits for it in its event loop
        QTRY_VERIFY(called);
        QCOMPARE(m_secrets.value(u"k"_s), u"old"_s);
    }

    void removeAllReportsTheFirstFailure()
    {
        m_secrets.insert(u"a"_s, u"1"_s);
        m_secrets.insert(u"b"_s, u"2"_s);
        std::optional<Status> out;
        QObject ctx;
        secretrecord::removeAll({u"a"_s, u"b"_s}, &ctx, [&](Status s) { out = s; });
        QTRY_VERIFY(out.has_value());
        QVERIFY(*out);
        QVERIFY(m_secrets.isEmpty());
    }
};

QTEST_GUILESS_MAIN(TestSecretRecord)
#include "tst_secretrecord.moc"
