#include "fakevcenter.h"

#include <QFile>
#include <QProcess>
#include <QSslKey>
#include <QSslSocket>

using namespace xms::vsphere;

xms::vsphere::Session::Options FakeVCenter::sessionOptions() const
{
    xms::vsphere::Session::Options o;
    o.host = QStringLiteral("127.0.0.1");
    o.port = port();
    o.username = QStringLiteral("user");
    o.password = password;
    o.tls = xms::TlsPolicy::pinned(xms::fingerprint::sha256(m_certDer));
    return o;
}

FakeVCenter::FakeVCenter(QObject* parent)
    : QObject(parent)
{
    on(QStringLiteral("RetrieveServiceContent"), [](const XmlElement&) {
        Reply r;
        r.body = dataFile(QStringLiteral("vcsim-servicecontent.xml"));
        return r;
    });
    on(QStringLiteral("Login"), [this](const XmlElement& call) {
        if (call.textAt(u"userName") != u"user" || call.textAt(u"password") != password)
            return fault(QStringLiteral("InvalidLogin"), QStringLiteral("Login failure"));
        Reply r = response(QStringLiteral("Login"), QStringLiteral("<key>s1</key><userName>user</userName>"));
        r.setCookie = "vmware_soap_session=\"fake-" + QByteArray::number(count(QStringLiteral("Login")))
            + "\"; Path=/; HttpOnly; Secure";
        return r;
    });
    on(QStringLiteral("Logout"), [](const XmlElement&) { return response(QStringLiteral("Logout")); });
    connect(&m_server, &QSslServer::pendingConnectionAvailable, this, [this] {
        while (auto* socket = qobject_cast<QSslSocket*>(m_server.nextPendingConnection())) {
            connect(socket, &QSslSocket::readyRead, this, [this, socket] { onReadyRead(socket); });
            connect(socket, &QSslSocket::disconnected, this, [this, socket] {
                m_buffers.remove(socket);
                socket->deleteLater();
            });
        }
    });
}

bool FakeVCenter::makeCertificate(const QString& dir, QString* error)
{
    QProcess openssl;
    openssl.start(QStringLiteral("openssl"),
                  {QStringLiteral("req"), QStringLiteral("-x509"), QStringLiteral("-newkey"),
                   QStringLiteral("rsa:2048"), QStringLiteral("-nodes"), QStringLiteral("-days"), QStringLiteral("2"),
                   QStringLiteral("-subj"), QStringLiteral("/CN=127.0.0.1"), QStringLiteral("-addext"),
                   QStringLiteral("subjectAltName=IP:127.0.0.1"), QStringLiteral("-keyout"),
                   dir + QStringLiteral("/key.pem"), QStringLiteral("-out"), dir + QStringLiteral("/cert.pem")});
    if (!openssl.waitForFinished(60000) || openssl.exitCode() != 0) {
        *error = QString::fromLocal8Bit(openssl.readAllStandardError());
        return false;
    }
    return true;
}

bool FakeVCenter::start(const QString& certFile, const QString& keyFile)
{
    QFile c(certFile), k(keyFile);
    if (!c.open(QIODevice::ReadOnly) || !k.open(QIODevice::ReadOnly))
        return false;
    const QSslCertificate cert(c.readAll(), QSsl::Pem);
    const QSslKey key(k.readAll(), QSsl::Rsa, QSsl::Pem);
    m_certDer = cert.toDer();
    QSslConfiguration conf = QSslConfiguration::defaultConfiguration();
    conf.setLocalCertificate(cert);
    conf.setPrivateKey(key);
    conf.setPeerVerifyMode(QSslSocket::VerifyNone);
    m_server.setSslConfiguration(conf);
    return m_server.listen(QHostAddress::LocalHost, 0);
}

QByteArray FakeVCenter::envelope(const QString& inner)
{
    return QByteArrayLiteral("<?xml version=\"1.0\" encoding=\"UTF-8\"?>"
                             "<soapenv:Envelope xmlns:soapenv=\"http://schemas.xmlsoap.org/soap/envelope/\" "
                             "xmlns:xsd=\"http://www.w3.org/2001/XMLSchema\" "
                             "xmlns:xsi=\"http://www.w3.org/2001/XMLSchema-instance\"><soapenv:Body>")
        + inner.toUtf8() + QByteArrayLiteral("</soapenv:Body></soapenv:Envelope>");
}

FakeVCenter::Reply FakeVCenter::response(const QString& method, const QString& returnval)
{
    Reply r;
    r.body = envelope(u'<' + method + u"Response xmlns=\"urn:vim25\">"
                      + (returnval.isEmpty() ? QString() : u"<returnval>" + returnval + u"</returnval>") + u"</"
                      + method + u"Response>");
    return r;
}

FakeVCenter::Reply FakeVCenter::moRefResponse(const QString& method, const QString& type, const QString& value)
{
    Reply r;
    r.body = envelope(u'<' + method + u"Response xmlns=\"urn:vim25\"><returnval type=\"" + type + u"\">" + value
                      + u"</returnval></" + method + u"Response>");
    return r;
}

FakeVCenter::Reply FakeVCenter::fault(const QString& type, const QString& message, const QString& detailInner)
{
    Reply r;
    r.status = 500;
    r.body = envelope(u"<soapenv:Fault><faultcode>ServerFaultCode</faultcode><faultstring>" + message.toHtmlEscaped()
                      + u"</faultstring><detail><" + type + u"Fault xmlns=\"urn:vim25\" xsi:type=\"" + type + u"\">"
                      + detailInner + u"</" + type + u"Fault></detail></soapenv:Fault>");
    return r;
}

QByteArray FakeVCenter::dataFile(const QString& name)
{
    QFile f(QStringLiteral(XMS_SOURCE_DIR "/tests/unit/vsphere/data/") + name);
    return f.open(QIODevice::ReadOnly) ? f.readAll() : QByteArray();
}

void FakeVCenter::onReadyRead(QSslSocket* socket)
{
    QByteArray& buf = m_buffers[socket];
    buf += socket->readAll();
    for (;;) {
        const qsizetype end = buf.indexOf("\r\n\r\n");
        if (end < 0)
            return;
        QByteArray cookie, action;
        qsizetype length = 0;
        for (const QByteArray& line : buf.left(end).split('\n')) {
            const qsizetype colon = line.indexOf(':');
            const QByteArray name = line.left(colon).trimmed().toLower();
            const QByteArray value = line.mid(colon + 1).trimmed();
            if (name == "content-length")
                length = value.toLongLong();
            else if (name == "cookie")
                cookie = value;
            else if (name == "soapaction")
                action = value;
        }
        if (buf.size() < end + 4 + length)
            return;
        const QByteArray body = buf.mid(end + 4, length);
        buf.remove(0, end + 4 + length);
        cookies.append(cookie);
        soapActions.append(action);
        const Reply r = dispatch(body);
        if (r.drop) {
            m_buffers.remove(socket);
            socket->abort();
            return;
        }
        QByteArray head = "HTTP/1.1 " + QByteArray::number(r.status) + (r.status == 200 ? " OK" : " Error")
            + "\r\nContent-Type: text/xml; charset=utf-8\r\nContent-Length: " + QByteArray::number(r.body.size())
            + "\r\n";
        if (!r.setCookie.isEmpty())
            head += "Set-Cookie: " + r.setCookie + "\r\n";
        socket->write(head + "\r\n" + r.body);
    }
}

FakeVCenter::Reply FakeVCenter::dispatch(const QByteArray& body)
{
    auto doc = parseXml(body);
    const XmlElement* call = doc ? doc->at(u"Body") : nullptr;
    if (!call || call->children.isEmpty())
        return Reply {400, "not SOAP", {}};
    const XmlElement& method = call->children.first();
    calls.append(method.name);
    auto it = m_handlers.constFind(method.name);
    if (it == m_handlers.cend())
        return fault(QStringLiteral("MethodNotFound"), u"fake vCenter does not implement " + method.name);
    return it.value()(method);
}
