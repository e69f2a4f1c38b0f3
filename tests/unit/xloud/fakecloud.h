#pragma once

#include <QHash>
#include <QJsonObject>
#include <QList>
#include <QSslConfiguration>
#include <QTcpServer>
#include <functional>
#include <memory>

// A scripted OpenStack on 127.0.0.1 for unit tests of the REST layer: a Keystone that issues numbered
// tokens ("tok-1", "tok-2" …) with a catalog pointing back here, and a handler for everything else.
// What the real lab cannot do on demand — 503s, hangs, early 401s — is what it is for.
struct FakeRequest
{
    QByteArray verb;
    QString path;
    QString query;
    QHash<QByteArray, QByteArray> headers; // lower-case names
    QByteArray body;
    QByteArray token() const { return headers.value("x-auth-token"); }
};

struct FakeResponse
{
    int status = 200;
    QByteArray body;
    QList<QPair<QByteArray, QByteArray>> headers;
    bool hang = false; // never answer (a timeout)
    static FakeResponse json(int status, const QJsonObject& body);
};

class FakeCloud : public QObject
{
    Q_OBJECT

public:
    // With a TLS configuration it serves HTTPS (QSslServer).
    explicit FakeCloud(const QSslConfiguration* tls = nullptr);
    QString url(const QString& path = {}) const;

    std::function<FakeResponse(const FakeRequest&)> handler; // everything but /v3
    QString password = QStringLiteral("right");
    int logins = 0; // POST /v3/auth/tokens answered with a token
    int received = 0; // requests of any kind that arrived whole
    QList<FakeRequest> requests; // every request but Keystone's
    int count(const QByteArray& verb, const QString& pathPrefix) const;

private:
    void serve(class QTcpSocket* socket);
    FakeResponse keystone(const FakeRequest& request);
    std::unique_ptr<QTcpServer> m_server;
    bool m_tls = false;
};
