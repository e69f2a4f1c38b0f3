#include "common/tlspolicy.h"
#include "fakecloud.h"
#include "testutil.h"
#include "xloud/session.h"

#include <QFile>
#include <QProcess>
#include <QSslCertificate>
#include <QSslKey>
#include <QTemporaryDir>
#include <QTest>

using namespace xms;
using namespace Qt::StringLiterals;
using namespace xms::xloud;

// The cloud's TLS policy on the REST calls, against an HTTPS Keystone with a self-signed certificate for
// 127.0.0.1: refused with the system CAs, trusted through its CA file, its pin or --no-verify-tls; a wrong
// pin is refused before any request (and so any password) is sent.
class TestXloudTls : public QObject
{
    Q_OBJECT

    QTemporaryDir m_dir;
    QSslConfiguration m_server;
    QByteArray m_sha256;

    Result<ScopedToken> login(FakeCloud& cloud, const TlsPolicy& tls)
    {
        CloudRecord c;
        c.name = QString::fromLatin1(QTest::currentDataTag());
        c.authUrl = cloud.url(u"/v3"_s);
        c.username = u"u"_s;
        c.project = u"infra"_s;
        c.tls = tls;
        Session::clearTokenCache();
        Session session(c, u"right"_s);
        std::optional<Result<ScopedToken>> out;
        session.token({}, [&](Result<ScopedToken> t) { out = std::move(t); });
        if (!QTest::qWaitFor([&] { return out.has_value(); }, 10000))
            return fail(u"test.timeout"_s, u"no answer"_s);
        return *out;
    }

private slots:
    void initTestCase()
    {
        QVERIFY(m_dir.isValid());
        const QString key = m_dir.filePath(u"key.pem"_s), cert = m_dir.filePath(u"cert.pem"_s);
        QProcess openssl;
        openssl.start(u"openssl"_s,
                      {u"req"_s, u"-x509"_s, u"-newkey"_s, u"ec"_s, u"-pkeyopt"_s, u"ec_paramgen_curve:prime256v1"_s,
                       u"-nodes"_s, u"-days"_s, u"2"_s, u"-subj"_s, u"/CN=127.0.0.1"_s, u"-addext"_s,
                       u"subjectAltName=IP:127.0.0.1"_s, u"-keyout"_s, key, u"-out"_s, cert});
        QVERIFY2(openssl.waitForFinished(30000) && openssl.exitCode() == 0,
                 "openssl must be installed (packaging/install-deps.sh) to make the test certificate");
        QFile k(key), c(cert);
        QVERIFY(k.open(QIODevice::ReadOnly) && c.open(QIODevice::ReadOnly));
        const QSslCertificate certificate(&c, QSsl::Pem);
        m_server = QSslConfiguration::defaultConfiguration();
        m_server.setLocalCertificate(certificate);
        m_server.setPrivateKey(QSslKey(&k, QSsl::Ec));
        m_server.setPeerVerifyMode(QSslSocket::VerifyNone);
        m_sha256 = fingerprint::sha256(certificate.toDer());
    }

    void policy_data()
    {
        QTest::addColumn<int>("mode");
        QTest::addColumn<bool>("rightPin");
        QTest::addColumn<QString>("code"); // empty: the login works
        QTest::newRow("system CAs refuse a self-signed certificate")
            << int(TlsPolicy::Mode::SystemCa) << false << u"tls.untrusted"_s;
        QTest::newRow("its CA file trusts it") << int(TlsPolicy::Mode::CaFile) << false << QString();
        QTest::newRow("its pin trusts it") << int(TlsPolicy::Mode::Pinned) << true << QString();
        QTest::newRow("another pin refuses it") << int(TlsPolicy::Mode::Pinned) << false << u"tls.untrusted"_s;
        QTest::newRow("no verification accepts it") << int(TlsPolicy::Mode::Insecure) << false << QString();
    }
    void policy()
    {
        QFETCH(int, mode);
        QFETCH(bool, rightPin);
        QFETCH(QString, code);
        FakeCloud cloud(&m_server);
        TlsPolicy tls;
        tls.mode = TlsPolicy::Mode(mode);
        tls.caFile = m_dir.filePath(u"cert.pem"_s);
        if (tls.mode == TlsPolicy::Mode::Pinned)
            tls.pinSha256 = rightPin ? m_sha256 : QByteArray(64, 'a');
        const auto t = login(cloud, tls);
        if (code.isEmpty()) {
            XMS_VERIFY_OK(t);
            QCOMPARE(cloud.logins, 1);
            return;
        }
        QVERIFY(!t);
        QCOMPARE(t.error().code, code);
        QCOMPARE(cloud.received, 0); // refused during the handshake: the password never left
    }
};

QTEST_GUILESS_MAIN(TestXloudTls)
#include "tst_xloudtls.moc"
