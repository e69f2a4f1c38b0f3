#include "testutil.h"
#include "xloud/catalog.h"
#include "xloud/transportsecurity.h"
#include "xloudtestdata.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QTest>

using namespace xms;
using namespace xms::xloud;
using namespace Qt::StringLiterals;

class TestCatalog : public QObject
{
    Q_OBJECT
private slots:
    void normalize_data()
    {
        QTest::addColumn<int>("service");
        QTest::addColumn<QString>("url");
        QTest::addColumn<QString>("expected");
        const int net = int(Service::Network), img = int(Service::Image), vol = int(Service::BlockStorage),
                  cmp = int(Service::Compute);
        QTest::newRow("neutron root") << net << "http://h:9696"
                                      << "http://h:9696/v2.0";
        QTest::newRow("neutron root slash") << net << "http://h:9696/"
                                            << "http://h:9696/v2.0";
        QTest::newRow("neutron already versioned") << net << "http://h:9696/v2.0/"
                                                   << "http://h:9696/v2.0";
        QTest::newRow("neutron behind a path") << net << "https://cloud/network"
                                               << "https://cloud/network/v2.0";
        QTest::newRow("glance root") << img << "http://h:9292"
                                     << "http://h:9292/v2";
        QTest::newRow("glance v2") << img << "http://h:9292/v2/"
                                   << "http://h:9292/v2";
        QTest::newRow("glance stale v1") << img << "http://h:9292/v1"
                                         << "http://h:9292/v2";
        QTest::newRow("glance behind a path") << img << "https://cloud/image"
                                              << "https://cloud/image/v2";
        QTest::newRow("cinder with project") << vol << "http://h:8776/v3/abc"
                                             << "http://h:8776/v3/abc";
        QTest::newRow("cinder placeholder") << vol << "http://h:8776/v3/%(project_id)s"
                                            << "http://h:8776/v3/p1";
        QTest::newRow("cinder tenant placeholder") << vol << "http://h:8776/v3/$(tenant_id)s"
                                                   << "http://h:8776/v3/p1";
        QTest::newRow("cinder bare root") << vol << "http://h:8776/"
                                          << "http://h:8776/v3/p1";
        QTest::newRow("nova v2.1") << cmp << "http://h:8774/v2.1/"
                                   << "http://h:8774/v2.1";
        QTest::newRow("nova legacy with project") << cmp << "http://h:8774/v2/p1"
                                                  << "http://h:8774/v2/p1";
        QTest::newRow("nova bare root") << cmp << "http://h:8774"
                                        << "http://h:8774/v2.1";
    }
    void normalize()
    {
        QFETCH(int, service);
        QFETCH(QString, url);
        QFETCH(QString, expected);
        QCOMPARE(normalizeEndpoint(Service(service), url, QStringLiteral("p1")).toString(), expected);
    }

    void resolve_data()
    {
        QTest::addColumn<int>("service");
        QTest::addColumn<QString>("region");
        QTest::addColumn<QString>("interface");
        QTest::addColumn<QString>("expected"); // URL, or an error code
        QTest::newRow("image public") << int(Service::Image) << "RegionOne"
                                      << "public"
                                      << "http://127.0.0.1:9292/v2";
        QTest::newRow("image internal") << int(Service::Image) << "RegionOne"
                                        << "internal"
                                        << "http://glance.internal:9292/v2";
        QTest::newRow("block-storage alone is accepted") << int(Service::BlockStorage) << "RegionOne"
                                                         << "public"
                                                         << "http://127.0.0.1:8776/v3/p1";
        QTest::newRow("network gets v2.0") << int(Service::Network) << ""
                                           << "public"
                                           << "http://127.0.0.1:9696/v2.0";
        QTest::newRow("compute in region two") << int(Service::Compute) << "RegionTwo"
                                               << "public"
                                               << "http://nova.two:8774/v2.1";
        QTest::newRow("compute without region is ambiguous") << int(Service::Compute) << ""
                                                             << "public"
                                                             << "xloud.region.ambiguous";
        QTest::newRow("unknown region") << int(Service::Image) << "RegionNine"
                                        << "public"
                                        << "xloud.endpoint.not_found";
        QTest::newRow("no admin image endpoint") << int(Service::Image) << "RegionOne"
                                                 << "admin"
                                                 << "xloud.endpoint.not_found";
    }
    void resolve()
    {
        QFETCH(int, service);
        QFETCH(QString, region);
        QFETCH(QString, interface);
        QFETCH(QString, expected);
        const ServiceCatalog catalog = ServiceCatalog::fromJson(labCatalog());
        const Result<QUrl> url = catalog.endpoint(Service(service), region, interface, QStringLiteral("p1"));
        if (expected.startsWith(u"http")) {
            XMS_VERIFY_OK(url);
            QCOMPARE(url->toString(), expected);
        } else {
            QVERIFY(!url);
            QCOMPARE(url.error().code, expected);
            QVERIFY2(!url.error().message.isEmpty(), "the error must say what to do");
        }
    }

    void volumev3PreferredOverBlockStorage()
    {
        // Both names for Cinder v3 in one catalog: volumev3 is taken; either works when it is alone.
        const auto c = ServiceCatalog::fromJson(bothCinderTypes());
        QCOMPARE(c.endpoint(Service::BlockStorage, QStringLiteral("R"))->toString(), QStringLiteral("http://v3/v3/p"));
    }

    void missingServiceNamesWhatIsOffered()
    {
        const auto c = ServiceCatalog::fromJson(imageOnly());
        const auto r = c.endpoint(Service::Network, QStringLiteral("R"));
        QVERIFY(!r);
        QCOMPARE(r.error().code, QStringLiteral("xloud.endpoint.not_found"));
        QVERIFY(r.error().detail.contains(u"image"));
    }

    // An https cloud never gets its token sent to an http endpoint; an http cloud is only warned about.
    void endpointSchemeFollowsTheIdentityUrl_data()
    {
        QTest::addColumn<QString>("authUrl");
        QTest::addColumn<QString>("endpoint");
        QTest::addColumn<bool>("allowed");
        QTest::newRow("https everywhere") << u"https://k:5000/v3"_s << u"https://c:8776/v3/p"_s << true;
        QTest::newRow("http endpoint of an https cloud") << u"https://k:5000/v3"_s << u"http://c:8776/v3/p"_s << false;
        QTest::newRow("HTTPS in capitals") << u"HTTPS://k:5000/v3"_s << u"http://c:8776/v3/p"_s << false;
        QTest::newRow("http cloud, http endpoint") << u"http://k:5000/v3"_s << u"http://c:8776/v3/p"_s << true;
        QTest::newRow("http cloud, https endpoint") << u"http://k:5000/v3"_s << u"https://c:8776/v3/p"_s << true;
    }
    void endpointSchemeFollowsTheIdentityUrl()
    {
        QFETCH(QString, authUrl);
        QFETCH(QString, endpoint);
        QFETCH(bool, allowed);
        CloudRecord cloud;
        cloud.name = u"prod"_s;
        cloud.authUrl = authUrl;
        const Status s = xloud::checkEndpointScheme(cloud, xloud::Service::BlockStorage, QUrl(endpoint));
        QCOMPARE(bool(s), allowed);
        if (!allowed) {
            QCOMPARE(s.error().code, u"tls.insecure_endpoint"_s);
            QVERIFY2(s.error().message.contains(u"Block Storage (Cinder) at " + endpoint),
                     qPrintable(s.error().message));
            QVERIFY(s.error().message.contains(u"Cloud 'prod'"));
        }
        QCOMPARE(xloud::plainAuthUrlWarning(cloud).isEmpty(), authUrl.startsWith(u"https", Qt::CaseInsensitive));
    }
};

QTEST_GUILESS_MAIN(TestCatalog)
#include "tst_catalog.moc"
