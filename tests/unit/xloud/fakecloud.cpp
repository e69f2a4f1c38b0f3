#include "fakecloud.h"

#include <QDateTime>
#include <QJsonArray>
#include <QJsonDocument>
#include <QSslServer>
#include <QTcpSocket>

FakeResponse FakeResponse::json(int status, const QJsonObject& body)
{
    return {status, QJsonDocument(body).toJson(QJsonDocument::Compact), {{"Content-Type", "application/json"}}};
}

FakeCloud::FakeCloud(const QSslConfiguration* tls)
{
    if (tls) {
        auto* ssl = new QSslServer;
        ssl->setSslConfiguration(*tls);
        m_server.reset(ssl);
        m_tls = true;
    } else {
        m_server = std::make_unique<QTcpServer>();
    }
    m_server->listen(QHostAddress::LocalHost, 0);
    connect(m_server.get(), &QTcpServer::pendingConnectionAvailable, this, [this] {
        while (QTcpSocket* s = m_server->nextPendingConnection()) {
            s->setParent(this);
            connect(s, &QTcpSocket::readyRead, this, [this, s] { serve(s); });
        }
    });
}

QString FakeCloud::url(const QString& path) const
{
    return QStringLiteral("%1://127.0.0.1:%2%3")
        .arg(m_tls ? QStringLiteral("https") : QStringLiteral("http"))
        .arg(m_server->serverPort())
        .arg(path);
}

int FakeCloud::count(const QByteArray& verb, const QString& pathPrefix) const
{
    return int(std::count_if(requests.begin(), requests.end(),
                             [&](const FakeRequest& r) { return r.verb == verb && r.path.startsWith(pathPrefix); }));
}

void FakeCloud::serve(QTcpSocket* s)
{
    // Whole requests only: headers, then Content-Length bytes of body (QNAM never chunks small bodies).
    QByteArray buffer = s->property("buffer").toByteArray() + s->readAll();
    const qsizetype end = buffer.indexOf("\r\n\r\n");
    if (end < 0)
        return void(s->setProperty("buffer", buffer));
    FakeRequest r;
    const QList<QByteArray> lines = buffer.left(end).split('\n');
    const QList<QByteArray> first = lines.first().trimmed().split(' ');
    r.verb = first.value(0);
    const QByteArray target = first.value(1);
    r.path = QString::fromUtf8(target.split('?').first());
    r.query = QString::fromUtf8(target.contains('?') ? target.mid(target.indexOf('?') + 1) : QByteArray());
    for (qsizetype i = 1; i < lines.size(); ++i) {
        const qsizetype colon = lines[i].indexOf(':');
        if (colon > 0)
            r.headers.insert(lines[i].left(colon).trimmed().toLower(), lines[i].mid(colon + 1).trimmed());
    }
    const qsizetype length = r.headers.value("content-length").toLongLong();
    if (buffer.size() < end + 4 + length)
        return void(s->setProperty("buffer", buffer));
    r.body = buffer.mid(end + 4, length);
    s->setProperty("buffer", QByteArray());
    ++received;

    FakeResponse resp;
    if (r.path.startsWith(u"/v3")) {
        resp = keystone(r);
    } else {
        requests.append(r);
        resp = handler ? handler(r) : FakeResponse {404, "no handler", {}};
    }
    if (resp.hang)
        return;
    QByteArray out = "HTTP/1.1 " + QByteArray::number(resp.status)
        + " X\r\nConnection: close\r\nContent-Length: " + QByteArray::number(resp.body.size()) + "\r\n";
    for (const auto& [k, v] : resp.headers)
        out += k + ": " + v + "\r\n";
    s->write(out + "\r\n" + resp.body);
    s->disconnectFromHost();
}

FakeResponse FakeCloud::keystone(const FakeRequest& r)
{
    if (r.verb == "GET" && r.path == u"/v3/auth/projects")
        return FakeResponse::json(200,
                                  {{QStringLiteral("projects"),
                                    QJsonArray {QJsonObject {{QStringLiteral("id"), QStringLiteral("p1")},
                                                             {QStringLiteral("name"), QStringLiteral("infra")}}}}});
    const QJsonObject auth = QJsonDocument::fromJson(r.body).object().value(u"auth").toObject();
    const QString given = auth[u"identity"][u"password"][u"user"][u"password"].toString();
    const QString project = auth[u"scope"][u"project"][u"name"].toString();
    if (given != password || (!project.isEmpty() && project != u"infra"))
        return FakeResponse::json(401,
                                  {{QStringLiteral("error"),
                                    QJsonObject {{QStringLiteral("code"), 401},
                                                 {QStringLiteral("message"),
                                                  QStringLiteral("The request you "
                                                                 "have made requires "
                                                                 "authentication.")}}}});
    ++logins;
    auto endpoint = [this](const char* type, const QString& path) {
        return QJsonObject {{QStringLiteral("type"), QLatin1StringView(type)},
                            {QStringLiteral("endpoints"),
                             QJsonArray {QJsonObject {{QStringLiteral("interface"), QStringLiteral("public")},
                                                      {QStringLiteral("region_id"), QStringLiteral("R")},
                                                      {QStringLiteral("url"), url(path)}}}}};
    };
    const QJsonObject token {
        {QStringLiteral("expires_at"), QDateTime::currentDateTimeUtc().addSecs(3600).toString(Qt::ISODateWithMs)},
        {QStringLiteral("project"),
         QJsonObject {{QStringLiteral("id"), QStringLiteral("p1")}, {QStringLiteral("name"), QStringLiteral("infra")}}},
        {QStringLiteral("user"), QJsonObject {{QStringLiteral("id"), QStringLiteral("u1")}}},
        {QStringLiteral("catalog"),
         QJsonArray {endpoint("network", QStringLiteral("/network")),
                     endpoint("compute", QStringLiteral("/compute/v2.1")),
                     endpoint("volumev3", QStringLiteral("/volume/v3/p1"))}}};
    FakeResponse resp = FakeResponse::json(201, {{QStringLiteral("token"), token}});
    resp.headers.append({"X-Subject-Token", "tok-" + QByteArray::number(logins)});
    return resp;
}
