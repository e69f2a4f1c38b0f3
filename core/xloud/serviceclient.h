#pragma once

#include "async.h"
#include "catalog.h"
#include "session.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QPointer>
#include <QUrlQuery>

namespace xms::xloud {

// A service's answer: the status, the body, and the body as JSON when it was JSON.
struct RestReply
{
    int status = 0;
    QByteArray body;
    QJsonObject json;
    QList<QPair<QByteArray, QByteArray>> headers;
    QByteArray header(QByteArrayView name) const;
};

// The authenticated REST layer every service client is built on. For one (session, project, service):
// finds the endpoint in the project's catalog, sends JSON with the project token, logs in again once
// when the service answers 401, retries GETs with back-off on 5xx and timeouts (never a create), and
// turns error bodies into clear Errors (see ApiError). Deleting the client cancels everything in flight.
class ServiceClient : public QObject
{
    Q_OBJECT

public:
    ServiceClient(Session* session, Service service, QString project, QObject* parent = nullptr);

    Session* session() const { return m_session; }
    Service service() const { return m_service; }
    QString project() const { return m_project; }
    // Known after the first call (a token was obtained); the CLI and the engine's ledger show it.
    QString projectId() const { return m_projectId; }

    // The service's resolved base URL for this project, e.g. http://host:9696/v2.0.
    void endpoint(Callback<QUrl> done);

    // A valid project token and the service's endpoint — for transfers outside Qt Network (libcurl).
    struct Authorized
    {
        ScopedToken token;
        QUrl endpoint;
    };
    void authorized(Callback<Authorized> done);

    struct Request
    {
        QByteArray verb = "GET";
        QString path; // relative to the endpoint ("/volumes/…"); "" = the endpoint itself
        QUrlQuery query;
        QByteArray body; // sent as is
        QByteArray contentType = "application/json";
        QList<QPair<QByteArray, QByteArray>> headers;
        QString action; // "create volume 'x'", for error messages
        bool idempotent = false; // may be retried after a 5xx or a timeout (GETs are by default)
        QList<int> accept; // statuses that are success; empty = any 2xx
    };
    void send(Request request, Callback<RestReply> done);

protected:
    void get(const QString& path, const QString& action, Callback<RestReply> done, const QUrlQuery& query = {});
    void postJson(const QString& path, const QJsonObject& body, const QString& action, Callback<RestReply> done);
    // DELETE where "already gone" (404) counts as done.
    void remove(const QString& path, const QString& action, StatusCallback done);

    // Headers every request of this service carries (microversions).
    virtual void decorate(Request& request) { Q_UNUSED(request); }

private:
    struct Attempt;
    void dispatch(std::shared_ptr<Attempt> attempt);
    void finished(std::shared_ptr<Attempt> attempt, QNetworkReply* reply);

    QPointer<Session> m_session;
    Service m_service;
    QString m_project;
    QString m_projectId;
};

} // namespace xms::xloud
