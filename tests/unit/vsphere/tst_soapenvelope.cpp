// The SOAP layer without a network: envelopes written with QXmlStreamWriter, responses and faults parsed
// with QXmlStreamReader, recorded from the lab simulator (data/vcsim-*.xml) or hand-written.
#include "testutil.h"
#include "vsphere/servicecontent.h"
#include "vsphere/soapenvelope.h"

#include <QFile>
#include <QTest>
#include <QXmlStreamWriter>

using namespace xms;
using namespace xms::vsphere;

namespace {
QByteArray data(const char* name)
{
    QFile f(QStringLiteral(XMS_SOURCE_DIR "/tests/unit/vsphere/data/") + QLatin1StringView(name));
    return f.open(QIODevice::ReadOnly) ? f.readAll() : QByteArray();
}

QByteArray envelope(const QByteArray& body)
{
    return "<soapenv:Envelope xmlns:soapenv=\"http://schemas.xmlsoap.org/soap/envelope/\" "
           "xmlns:xsi=\"http://www.w3.org/2001/XMLSchema-instance\"><soapenv:Body>"
        + body + "</soapenv:Body></soapenv:Envelope>";
}
} // namespace

class TestSoapEnvelope : public QObject
{
    Q_OBJECT
private slots:
    void serviceContent()
    {
        auto reply = parseEnvelope(data("vcsim-servicecontent.xml"));
        XMS_VERIFY_OK(reply);
        QVERIFY(!reply->fault);
        QCOMPARE(reply->response.name, QStringLiteral("RetrieveServiceContentResponse"));
        QVERIFY(reply->returnval());
        const ServiceContent sc = ServiceContent::fromXml(*reply->returnval());
        QCOMPARE(sc.about.name, QStringLiteral("VMware vCenter Server"));
        QCOMPARE(sc.about.apiType, QStringLiteral("VirtualCenter"));
        QCOMPARE(sc.about.apiVersion, QStringLiteral("6.5"));
        QVERIFY(sc.about.isVCenter());
        QCOMPARE(sc.propertyCollector,
                 (MoRef {QStringLiteral("PropertyCollector"), QStringLiteral("propertyCollector")}));
        QCOMPARE(sc.rootFolder.type, QStringLiteral("Folder"));
        QCOMPARE(sc.viewManager.type, QStringLiteral("ViewManager"));
        QCOMPARE(sc.sessionManager.type, QStringLiteral("SessionManager"));
        QCOMPARE(sc.searchIndex.type, QStringLiteral("SearchIndex"));
    }

    void faults_data()
    {
        QTest::addColumn<QByteArray>("body");
        QTest::addColumn<QString>("type");
        QTest::addColumn<QString>("code");
        QTest::addColumn<QString>("messagePart");
        QTest::newRow("invalid login (vcsim)") << data("vcsim-fault-invalidlogin.xml") << "InvalidLogin"
                                               << "vsphere.invalid_login"
                                               << "password";
        QTest::newRow("not authenticated (vcsim)") << data("vcsim-fault-notauthenticated.xml") << "NotAuthenticated"
                                                   << "vsphere.not_authenticated"
                                                   << "session";
        QTest::newRow("invalid power state (vcsim)") << data("vcsim-fault-invalidpowerstate.xml") << "InvalidPowerState"
                                                     << "vsphere.invalid_power_state"
                                                     << "poweredOn";
        QTest::newRow("object not found (vcsim)") << data("vcsim-fault-objectnotfound.xml") << "ManagedObjectNotFound"
                                                  << "vsphere.object_not_found"
                                                  << "Refresh";
        QTest::newRow("no xsi:type") << envelope("<soapenv:Fault><faultcode>ServerFaultCode</faultcode><faultstring>x"
                                                 "</faultstring><detail><InvalidLoginFault xmlns=\"urn:vim25\"/>"
                                                 "</detail></soapenv:Fault>")
                                     << "InvalidLogin"
                                     << "vsphere.invalid_login"
                                     << "password";
        QTest::newRow("no detail") << envelope("<soapenv:Fault><faultcode>soapenv:Client</faultcode><faultstring>"
                                               "Unable to parse</faultstring></soapenv:Fault>")
                                   << "Client"
                                   << "vsphere.fault"
                                   << "Unable to parse";
        QTest::newRow("no permission") << envelope(
            "<soapenv:Fault><faultcode>ServerFaultCode</faultcode><faultstring/>"
            "<detail><NoPermissionFault xmlns=\"urn:vim25\" xsi:type=\"NoPermission\">"
            "<object type=\"VirtualMachine\">vm-1</object><privilegeId>VApp.Export"
            "</privilegeId></NoPermissionFault></detail></soapenv:Fault>")
                                       << "NoPermission"
                                       << "vsphere.no_permission"
                                       << "VApp.Export";
        QTest::newRow("prefixed xsi:type")
            << envelope("<soapenv:Fault><faultcode>ServerFaultCode</faultcode><faultstring>"
                        "busy</faultstring><detail><Fault xmlns:v=\"urn:vim25\" "
                        "xsi:type=\"v:TaskInProgress\"/></detail></soapenv:Fault>")
            << "TaskInProgress"
            << "vsphere.task_in_progress"
            << "Wait";
    }

    void faults()
    {
        QFETCH(QByteArray, body);
        QFETCH(QString, type);
        QFETCH(QString, code);
        QFETCH(QString, messagePart);
        auto reply = parseEnvelope(body);
        XMS_VERIFY_OK(reply);
        QVERIFY(reply->fault);
        QCOMPARE(reply->fault->type, type);
        const Error e = faultError(*reply->fault, QStringLiteral("Method"));
        QCOMPARE(e.code, code);
        QVERIFY2(e.message.contains(messagePart) || e.detail.contains(messagePart), qPrintable(e.toString()));
        QVERIFY(e.detail.startsWith(u"Method: " + type));
    }

    void malformed_data()
    {
        QTest::addColumn<QByteArray>("body");
        QTest::newRow("empty") << QByteArray();
        QTest::newRow("html") << QByteArray("<html><body>404 Not Found</body></html>");
        QTest::newRow("text") << QByteArray("Service Unavailable");
        QTest::newRow("unclosed") << QByteArray("<soapenv:Envelope xmlns:soapenv=\"x\"><soapenv:Body><a>");
        QTest::newRow("no body") << QByteArray("<Envelope><Header/></Envelope>");
        QTest::newRow("empty body") << QByteArray("<Envelope><Body/></Envelope>");
        QTest::newRow("two roots") << QByteArray("<Envelope><Body><a/></Body></Envelope><Envelope/>");
        QTest::newRow("undeclared prefix") << QByteArray("<x:Envelope><x:Body><a/></x:Body></x:Envelope>");
        QByteArray deep;
        for (int i = 0; i < 200; ++i)
            deep += "<a>";
        QTest::newRow("too deep") << envelope(deep);
        QTest::newRow("entity bomb") << QByteArray(
            "<?xml version=\"1.0\"?><!DOCTYPE l [<!ENTITY a \"aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa\">"
            "<!ENTITY b \"&a;&a;&a;&a;&a;&a;&a;&a;&a;&a;&a;&a;&a;&a;&a;&a;&a;&a;&a;&a;\">"
            "<!ENTITY c \"&b;&b;&b;&b;&b;&b;&b;&b;&b;&b;&b;&b;&b;&b;&b;&b;&b;&b;&b;&b;\">"
            "<!ENTITY d \"&c;&c;&c;&c;&c;&c;&c;&c;&c;&c;&c;&c;&c;&c;&c;&c;&c;&c;&c;&c;\">]>"
            "<Envelope><Body><r>&d;&d;&d;&d;&d;&d;&d;&d;&d;&d;</r></Body></Envelope>");
    }

    void malformed()
    {
        QFETCH(QByteArray, body);
        auto reply = parseEnvelope(body);
        QVERIFY(!reply);
        QCOMPARE(reply.error().code, QStringLiteral("vsphere.bad_response"));
        QVERIFY(!reply.error().message.isEmpty());
    }

    void envelopeRoundTrip()
    {
        // Whatever the password holds comes back unchanged: the writer escapes, the reader unescapes.
        const QString secret = QStringLiteral("p<a>&s\"s'w]]>rd \u00e9");
        const QByteArray env = buildEnvelope(QStringLiteral("Login"), [&](QXmlStreamWriter& w) {
            writeMoRef(w, QStringLiteral("_this"),
                       MoRef {QStringLiteral("SessionManager"), QStringLiteral("SessionManager")});
            writeText(w, QStringLiteral("userName"), QStringLiteral("administrator@vsphere.local"));
            writeText(w, QStringLiteral("password"), secret);
            writeTypedStart(w, QStringLiteral("selectSet"), QStringLiteral("TraversalSpec"));
            w.writeEndElement();
        });
        QVERIFY(env.contains("xmlns=\"urn:vim25\""));
        auto doc = parseXml(env);
        XMS_VERIFY_OK(doc);
        const XmlElement* login = doc->at(u"Body/Login");
        QVERIFY(login);
        QCOMPARE(login->child(u"_this")->typeAttr, QStringLiteral("SessionManager"));
        QCOMPARE(login->textAt(u"password"), secret);
        QCOMPARE(login->child(u"selectSet")->xsiType, QStringLiteral("TraversalSpec"));
    }

    void elementAccessors()
    {
        auto doc = parseXml("<r><a><b>42</b><b>43</b><t> true </t><f>0</f><x>nan</x></a></r>");
        XMS_VERIFY_OK(doc);
        QCOMPARE(doc->intAt(u"a/b"), 42);
        QCOMPARE(doc->child(u"a")->all(u"b").size(), 2);
        QCOMPARE(doc->intAt(u"a/x", -1), -1);
        QCOMPARE(doc->intAt(u"a/missing", 7), 7);
        QVERIFY(doc->boolAt(u"a/t"));
        QVERIFY(!doc->boolAt(u"a/f", true));
        QVERIFY(doc->boolAt(u"a/x", true));
        QCOMPARE(doc->at(u"a/b/c"), nullptr);
        QCOMPARE(doc->textAt(u"nope", QStringLiteral("fb")), QStringLiteral("fb"));
        QCOMPARE(MoRef::fromString(u"VirtualMachine:vm-42"),
                 (MoRef {QStringLiteral("VirtualMachine"), QStringLiteral("vm-42")}));
        QVERIFY(MoRef::fromString(u"vm-42").isNull());
    }
};

QTEST_GUILESS_MAIN(TestSoapEnvelope)
#include "tst_soapenvelope.moc"
