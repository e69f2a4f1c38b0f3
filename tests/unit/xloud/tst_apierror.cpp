#include "xloud/apierror.h"
#include "xloudtestdata.h"

#include <QTest>

using namespace xms;
using namespace xms::xloud;

// Error bodies of every service turned into clear errors (cases: errorbodies.cpp).
class TestApiError : public QObject
{
    Q_OBJECT
private slots:
    void classify_data()
    {
        QTest::addColumn<int>("service");
        QTest::addColumn<int>("status");
        QTest::addColumn<QByteArray>("body");
        QTest::addColumn<QString>("code");
        QTest::addColumn<QString>("mentions");
        for (const ErrorBodyCase& c : errorBodyCases())
            QTest::newRow(c.name) << int(c.service) << c.status << QByteArray(c.body) << QString::fromUtf8(c.code)
                                  << QString::fromUtf8(c.mentions);
    }
    void classify()
    {
        QFETCH(int, service);
        QFETCH(int, status);
        QFETCH(QByteArray, body);
        QFETCH(QString, code);
        QFETCH(QString, mentions);
        const Error e = ApiError::fromHttp(Service(service), status, body, QStringLiteral("do the thing"));
        QCOMPARE(e.code, code);
        QVERIFY2(e.message.contains(mentions), qPrintable(e.message));
        QVERIFY2(e.detail.contains(QString::number(status)), qPrintable(e.detail));
        QVERIFY2(!e.message.contains(u'<'), "no HTML in messages");
    }

    void quotaNames_data()
    {
        QTest::addColumn<QString>("text");
        QTest::addColumn<QString>("quota");
        QTest::newRow("cinder size") << "exceeds allowed gigabytes_standard quota. Requested"
                                     << "gigabytes_standard";
        QTest::newRow("cinder count") << "Maximum number of volumes allowed (10) exceeded for quota 'volumes'."
                                      << "volumes";
        QTest::newRow("neutron") << "Quota exceeded for resources: ['port', 'network']."
                                 << "port";
        QTest::newRow("nova") << "Quota exceeded for instances: Requested 1, but already used 10 of 10 instances"
                              << "instances";
        QTest::newRow("none") << "Something else"
                              << "";
    }
    void quotaNames()
    {
        QFETCH(QString, text);
        QFETCH(QString, quota);
        QCOMPARE(ApiError::quotaName(text), quota);
    }

    void transportErrors()
    {
        const Error t
            = ApiError::fromNetwork(Service::Compute, QNetworkReply::TimeoutError, QStringLiteral("timed out"),
                                    QStringLiteral("http://h:8774/v2.1/servers"), QStringLiteral("list"));
        QCOMPARE(t.code, QStringLiteral("xloud.timeout"));
        const Error r
            = ApiError::fromNetwork(Service::Network, QNetworkReply::ConnectionRefusedError, QStringLiteral("refused"),
                                    QStringLiteral("http://h:9696/v2.0"), QStringLiteral("list"));
        QCOMPARE(r.code, QStringLiteral("xloud.unreachable"));
        QVERIFY(r.message.contains(u"h:9696"));
        const Error s
            = ApiError::fromNetwork(Service::Image, QNetworkReply::SslHandshakeFailedError, QStringLiteral("bad cert"),
                                    QStringLiteral("https://g:9292"), QStringLiteral("list"));
        QCOMPARE(s.code, QStringLiteral("tls.untrusted"));
    }
};

QTEST_GUILESS_MAIN(TestApiError)
#include "tst_apierror.moc"
