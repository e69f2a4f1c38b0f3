#include "serviceclient.h"

#include "apierror.h"
#include "common/errorcodes.h"
#include "common/logging.h"
#include "transportsecurity.h"

#include <QElapsedTimer>
#include <QNetworkReply>
#include <QTimer>

namespace xms::xloud {

QByteArray RestReply::header(QByteArrayView name) const
{
    for (const auto& [k, v] : headers)
        if (QByteArrayView(k).compare(name, Qt::CaseInsensitive) == 0)
            return v;
    return {};
}

struct ServiceClient::Attempt
{
    Request request;
    Callback<RestReply> done;
    int retries = 0; // back-off retries used
    bool reauthenticated = false;
    ScopedToken token; // the one this attempt sent, to drop it after a 401
    QElapsedTimer clock;
};

ServiceClient::ServiceClient(Session* session, Service service, QString project, QObject* parent)
    : QObject(parent)
    , m_session(session)
    , m_service(service)
    , m_project(std::move(project))
{
}

void ServiceClient::authorized(Callback<Authorized> done)
{
    if (!m_session)
        return done(fail(errc::kXloudCancelled, tr("The cloud session was closed.")));
    QPointer<ServiceClient> self(this);
    m_session->token(m_project, [self, done](Result<ScopedToken> t) {
        if (!self || !self->m_session)
            return;
        if (!t)
            return done(std::unexpected(t.error()));
        self->m_projectId = t->projectId;
        const Result<QUrl> url = t->catalog.endpoint(self->m_service, self->m_session->cloud().region,
                                                     self->m_session->options().interface, t->projectId);
        if (!url)
            return done(std::unexpected(url.error()));
        if (Status secure = checkEndpointScheme(self->m_session->cloud(), self->m_service, *url); !secure)
            return done(std::unexpected(secure.error()));
        done(Authorized {*t, *url});
    });
}

void ServiceClient::endpoint(Callback<QUrl> done)
{
    authorized([done](Result<Authorized> a) { done(a ? Result<QUrl>(a->endpoint) : std::unexpected(a.error())); });
}

void ServiceClient::send(Request request, Callback<RestReply> done)
{
    decorate(request);
    if (request.verb == "GET" || request.verb == "HEAD")
        request.idempotent = true;
    auto attempt = std::make_shared<Attempt>();
    attempt->request = std::move(request);
    attempt->done = std::move(done);
    dispatch(attempt);
}

void ServiceClient::dispatch(std::shared_ptr<Attempt> a)
{
    if (!m_session)
        return a->done(fail(errc::kXloudCancelled, tr("The cloud session was closed.")));
    QPointer<ServiceClient> self(this);
    authorized([self, a](Result<Authorized> auth) {
        if (!self || !self->m_session)
            return;
        if (!auth)
            return a->done(std::unexpected(auth.error()));
        QUrl url = auth->endpoint;
        url.setPath(url.path() + a->request.path);
        if (!a->request.query.isEmpty())
            url.setQuery(a->request.query);
        QNetworkRequest nr(url);
        nr.setRawHeader("X-Auth-Token", auth->token.value);
        if (!a->request.body.isEmpty())
            nr.setHeader(QNetworkRequest::ContentTypeHeader, a->request.contentType);
        for (const auto& [k, v] : a->request.headers)
            nr.setRawHeader(k, v);
        a->token = auth->token;
        a->clock.start();
        QNetworkReply* reply = self->m_session->send(a->request.verb, nr, a->request.body);
        // Owned by the client: deleting the client aborts the request and drops the callback.
        reply->setParent(self);
        connect(reply, &QNetworkReply::finished, self, [self, a, reply] { self->finished(a, reply); });
    });
}

void ServiceClient::finished(std::shared_ptr<Attempt> a, QNetworkReply* reply)
{
    reply->deleteLater();
    const int status = reply->attribute(QNetworkRequest::HttpStatusCodeAttribute).toInt();
    const QByteArray body = status ? reply->readAll() : QByteArray(); // an aborted reply is closed
    const Request& r = a->request;
    qCDebug(lcXloud).noquote() << r.verb << reply->url().toString(QUrl::RemoveQuery) << "->" << status << "in"
                               << a->clock.elapsed() << "ms";
    const SessionOptions& opts = m_session->options();
    auto retryLater = [&](const QString& why) {
        const int delay = std::min(opts.retryDelayMs << a->retries, 30000);
        ++a->retries;
        qCWarning(lcXloud).noquote() << r.verb << reply->url().toString(QUrl::RemoveQuery) << "failed (" << why
                                     << "); retry" << a->retries << "of" << opts.readRetries << "in" << delay << "ms";
        QTimer::singleShot(delay, this, [this, a] { dispatch(a); });
    };

    if (status == 0) {
        const Error e = m_session->transportError(reply, m_service, r.action);
        if (r.idempotent && a->retries < opts.readRetries && !e.code.startsWith(u"tls."))
            return retryLater(e.detail);
        return a->done(std::unexpected(e));
    }
    if (status == 401 && !a->reauthenticated) {
        // The token expired or was revoked early: log in again, once.
        a->reauthenticated = true;
        m_session->invalidate(a->token);
        qCInfo(lcXloud) << serviceName(m_service) << "refused the token (401); logging in again";
        return dispatch(a);
    }
    const bool ok = r.accept.isEmpty() ? (status >= 200 && status < 300) : r.accept.contains(status);
    if (!ok) {
        if (r.idempotent && ApiError::isRetryable(status) && a->retries < opts.readRetries)
            return retryLater(QStringLiteral("HTTP %1").arg(status));
        return a->done(std::unexpected(ApiError::fromHttp(m_service, status, body, r.action)));
    }
    RestReply out;
    out.status = status;
    out.body = body;
    out.headers = reply->rawHeaderPairs();
    if (!body.isEmpty()) {
        const QJsonDocument doc = QJsonDocument::fromJson(body);
        if (doc.isObject())
            out.json = doc.object();
    }
    a->done(std::move(out));
}

void ServiceClient::get(const QString& path, const QString& action, Callback<RestReply> done, const QUrlQuery& query)
{
    Request r;
    r.path = path;
    r.query = query;
    r.action = action;
    send(std::move(r), std::move(done));
}

void ServiceClient::postJson(const QString& path, const QJsonObject& body, const QString& action,
                             Callback<RestReply> done)
{
    Request r;
    r.verb = "POST";
    r.path = path;
    r.body = QJsonDocument(body).toJson(QJsonDocument::Compact);
    r.action = action;
    send(std::move(r), std::move(done));
}

void ServiceClient::remove(const QString& path, const QString& action, StatusCallback done)
{
    Request r;
    r.verb = "DELETE";
    r.path = path;
    r.action = action;
    r.idempotent = true; // retried with back-off: a repeat of a DELETE that did land answers 404, i.e. done
    send(std::move(r), [done](Result<RestReply> reply) {
        if (!reply && !reply.error().code.endsWith(u".not_found"))
            return done(std::unexpected(reply.error()));
        done({});
    });
}

} // namespace xms::xloud
