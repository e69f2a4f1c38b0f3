#include "session.h"

#include "apierror.h"
#include "common/errorcodes.h"
#include "common/logging.h"
#include "common/oneshotbody.h"
#include "common/text.h"
#include "common/version.h"
#include "httptls.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QMutex>
#include <QNetworkReply>
#include <QPointer>
#include <QRegularExpression>

using namespace Qt::StringLiterals;

namespace xms::xloud {

namespace {

// Tokens outlive a Session: the engine opens one per job, the CLI one per command. Memory only.
struct TokenCache
{
    QMutex mutex;
    QHash<QString, ScopedToken> tokens;
};
TokenCache& tokenCache()
{
    static TokenCache cache;
    return cache;
}

bool looksLikeId(const QString& project)
{
    static const QRegularExpression hex(QStringLiteral("^[0-9a-f]{32}$"));
    return hex.match(project).hasMatch();
}

Error invalidLogin(const CloudRecord& c, const QString& detail)
{
    if (c.auth == CloudRecord::Auth::ApplicationCredential)
        return Error::make(
            errc::kXloudInvalidLogin,
            Text::translate("xms::xloud",
                            "Xloud rejected the application credential '%1' of cloud '%2'. It may have expired or "
                            "been deleted; check it and store its secret again with 'xms cloud set-password %2'.")
                .toString()
                .arg(c.appCredId.isEmpty() ? c.appCredName : c.appCredId, c.name),
            detail);
    return Error::make(
        errc::kXloudInvalidLogin,
        Text::translate("xms::xloud",
                        "Xloud rejected the login of user '%1' (domain '%2') for cloud '%3'. Check the user name "
                        "and domain, and store the right password with 'xms cloud set-password %3'.")
            .toString()
            .arg(c.username, c.userDomain, c.name),
        detail);
}

Result<ScopedToken> parseToken(QNetworkReply* reply, const QByteArray& body)
{
    ScopedToken t;
    t.value = reply->rawHeader("X-Subject-Token");
    const QJsonObject token = QJsonDocument::fromJson(body).object().value(u"token").toObject();
    if (t.value.isEmpty() || token.isEmpty())
        return fail(
            errc::kXloudBadResponse,
            Text::translate("xms::xloud",
                            "The Identity service answered the login without a token. Check that the cloud's Identity "
                            "URL points at Keystone v3.")
                .toString(),
            QString::fromUtf8(body.left(300)));
    t.expiresAt = QDateTime::fromString(token.value(u"expires_at").toString(), Qt::ISODateWithMs);
    const QJsonObject project = token.value(u"project").toObject();
    t.projectId = project.value(u"id").toString();
    t.projectName = project.value(u"name").toString();
    const QJsonObject user = token.value(u"user").toObject();
    t.userId = user.value(u"id").toString();
    t.userName = user.value(u"name").toString();
    for (const QJsonValue& r : token.value(u"roles").toArray())
        t.roles.append(r.toObject().value(u"name").toString());
    t.catalog = ServiceCatalog::fromJson(token.value(u"catalog").toArray());
    return t;
}

} // namespace

QJsonObject Project::toJson() const
{
    return {{u"id"_s, id}, {u"name"_s, name}, {u"domain_id"_s, domainId}, {u"enabled"_s, enabled}};
}

Session::Session(CloudRecord cloud, QString secret, QObject* parent)
    : QObject(parent)
    , m_cloud(std::move(cloud))
    , m_secret(std::move(secret))
{
}

Session::~Session() = default;

QString Session::cacheKey(const QString& project) const
{
    const QString who = m_cloud.auth == CloudRecord::Auth::ApplicationCredential
        ? QString(u"appcred:" + m_cloud.appCredId + u':' + m_cloud.appCredName)
        : QString(u"user:" + m_cloud.userDomain + u'/' + m_cloud.username);
    return m_cloud.name + u'\n' + m_cloud.authUrl + u'\n' + who + u'\n' + m_cloud.projectDomain + u'/' + project;
}

void Session::clearTokenCache(const QString& cloudName)
{
    TokenCache& cache = tokenCache();
    QMutexLocker lock(&cache.mutex);
    if (cloudName.isEmpty())
        return cache.tokens.clear();
    cache.tokens.removeIf([&](auto it) { return it.key().section(u'\n', 0, 0) == cloudName; });
}

void Session::expireCachedTokensForTesting()
{
    TokenCache& cache = tokenCache();
    QMutexLocker lock(&cache.mutex);
    for (auto it = cache.tokens.begin(); it != cache.tokens.end(); ++it)
        if (it.key().section(u'\n', 0, 0) == m_cloud.name)
            it->expiresAt = QDateTime::currentDateTimeUtc().addSecs(-1);
}

void Session::invalidate(const ScopedToken& token)
{
    TokenCache& cache = tokenCache();
    QMutexLocker lock(&cache.mutex);
    cache.tokens.removeIf([&](auto it) { return it.value().value == token.value; });
}

QUrl Session::identityUrl(const QString& path) const
{
    QString base = m_cloud.authUrl.trimmed();
    while (base.endsWith(u'/'))
        base.chop(1);
    if (!base.endsWith(u"/v3"))
        base += u"/v3";
    return QUrl(base + path);
}

QNetworkReply* Session::send(const QByteArray& verb, QNetworkRequest request, const QByteArray& body)
{
    applyTls(request, m_cloud.tls);
    request.setTransferTimeout(m_options.timeoutMs);
    request.setRawHeader("Accept", "application/json");
    request.setRawHeader("User-Agent", "xms/" XMS_VERSION);
    QNetworkReply* reply = nullptr;
    if (verb == "GET" && body.isEmpty()) {
        reply = m_network.get(request);
    } else if (verb == "POST" || verb == "PATCH") {
        // Not idempotent: sent at most once (oneshotbody.h); a lost answer is an error for the caller.
        request.setAttribute(QNetworkRequest::DoNotBufferUploadDataAttribute, true);
        request.setHeader(QNetworkRequest::ContentLengthHeader, body.size());
        auto* device = new OneShotBody(body);
        reply = m_network.sendCustomRequest(request, verb, device);
        device->setParent(reply);
    } else {
        reply = m_network.sendCustomRequest(request, verb, body);
    }
    guardTls(reply, m_cloud.tls);
    return reply;
}

Error Session::transportError(QNetworkReply* reply, Service service, const QString& action) const
{
    const QString refused = reply->property(TlsRefusedProperty).toString();
    if (!refused.isEmpty())
        return Error::make(
            errc::kTlsUntrusted,
            Text::translate("xms::xloud::Session",
                            "The TLS certificate of %1 does not match the certificate pinned for cloud '%2'. If "
                            "the cloud's certificate was replaced on purpose, pin the new one.")
                .toString()
                .arg(reply->url().host(), m_cloud.name),
            refused);
    return ApiError::fromNetwork(service, reply->error(), reply->errorString(),
                                 reply->url().toString(QUrl::RemoveQuery), action);
}

QJsonObject Session::authBody(const QString& project, bool scoped) const
{
    QJsonObject identity;
    if (m_cloud.auth == CloudRecord::Auth::ApplicationCredential) {
        QJsonObject cred {{u"secret"_s, m_secret}};
        if (!m_cloud.appCredId.isEmpty()) {
            cred.insert(u"id", m_cloud.appCredId);
        } else { // by name, which Keystone resolves within the owning user
            cred.insert(u"name", m_cloud.appCredName);
            cred.insert(u"user",
                        QJsonObject {{u"name"_s, m_cloud.username},
                                     {u"domain"_s, QJsonObject {{u"name"_s, m_cloud.userDomain}}}});
        }
        identity = {{u"methods"_s, QJsonArray {u"application_credential"_s}}, {u"application_credential"_s, cred}};
    } else {
        const QJsonObject user {{u"name"_s, m_cloud.username},
                                {u"domain"_s, QJsonObject {{u"name"_s, m_cloud.userDomain}}},
                                {u"password"_s, m_secret}};
        identity = {{u"methods"_s, QJsonArray {u"password"_s}}, {u"password"_s, QJsonObject {{u"user"_s, user}}}};
    }
    QJsonObject auth {{u"identity"_s, identity}};
    // An application credential carries its own project; Keystone refuses a scope next to it.
    if (scoped && !project.isEmpty() && m_cloud.auth == CloudRecord::Auth::Password) {
        const QJsonObject p = looksLikeId(project)
            ? QJsonObject {{u"id"_s, project}}
            : QJsonObject {{u"name"_s, project}, {u"domain"_s, QJsonObject {{u"name"_s, m_cloud.projectDomain}}}};
        auth.insert(u"scope", QJsonObject {{u"project"_s, p}});
    }
    return {{u"auth"_s, auth}};
}

// One POST /v3/auth/tokens; the reply is parsed into a token whatever its scope.
struct Session::Login
{
    static void run(Session* s, const QString& project, bool scoped, Callback<ScopedToken> done)
    {
        ++s->m_logins;
        QNetworkRequest request(
            s->identityUrl(scoped ? QStringLiteral("/auth/tokens") : QStringLiteral("/auth/tokens?nocatalog")));
        request.setHeader(QNetworkRequest::ContentTypeHeader, QByteArrayLiteral("application/json"));
        QNetworkReply* reply
            = s->send("POST", request, QJsonDocument(s->authBody(project, scoped)).toJson(QJsonDocument::Compact));
        QObject::connect(reply, &QNetworkReply::finished, s, [s, reply, done] {
            reply->deleteLater();
            const int status = reply->attribute(QNetworkRequest::HttpStatusCodeAttribute).toInt();
            const QString action
                = Text::translate("xms::xloud::Session", "log in to cloud '%1'").toString().arg(s->m_cloud.name);
            qCDebug(lcXloud) << "POST" << reply->url().toString(QUrl::RemoveQuery) << "->" << status;
            if (status == 0)
                return done(std::unexpected(s->transportError(reply, Service::Identity, action)));
            const QByteArray body = reply->readAll();
            if (status == 401)
                return done(std::unexpected(invalidLogin(s->m_cloud, ApiError::parse(body).message)));
            if (status != 201 && status != 200)
                return done(std::unexpected(ApiError::fromHttp(Service::Identity, status, body, action)));
            done(parseToken(reply, body));
        });
    }
};

void Session::token(const QString& requested, Callback<ScopedToken> done)
{
    const QString project = requested.isEmpty() ? m_cloud.project : requested;
    {
        TokenCache& cache = tokenCache();
        QMutexLocker lock(&cache.mutex);
        const auto it = cache.tokens.constFind(cacheKey(project));
        if (it != cache.tokens.cend()
            && it->expiresAt > QDateTime::currentDateTimeUtc().addSecs(m_options.tokenMarginSecs)) {
            // Always asynchronous, so callers see one behaviour whether or not the cache hit.
            QMetaObject::invokeMethod(
                this, [done, t = *it] { done(t); }, Qt::QueuedConnection);
            return;
        }
    }
    QList<Callback<ScopedToken>>& waiting = m_waiting[project];
    waiting.append(std::move(done));
    if (waiting.size() > 1)
        return; // a login for this project is already on its way
    login(project);
}

void Session::login(const QString& project)
{
    Login::run(this, project, true, [this, project](Result<ScopedToken> r) {
        if (!r) {
            if (r.error().is(errc::kXloudInvalidLogin) && m_cloud.auth == CloudRecord::Auth::Password
                && !project.isEmpty())
                return explainScopeFailure(project, r.error());
            return complete(project, std::move(r));
        }
        if (r->projectId.isEmpty())
            return complete(project,
                            fail(errc::kXloudProjectRequired,
                                 Text::translate("xms::xloud::Session",
                                                 "Name the Xloud project to work in (--project, or a default project "
                                                 "for cloud '%1').")
                                     .toString()
                                     .arg(m_cloud.name)));
        if (!project.isEmpty() && project != r->projectId && project != r->projectName)
            return complete(
                project,
                fail(errc::kXloudProjectNotFound,
                     Text::translate("xms::xloud::Session",
                                     "The application credential of cloud '%1' is bound to project '%2'; it cannot "
                                     "act in project '%3'. Use --project %2, or a credential made for '%3'.")
                         .toString()
                         .arg(m_cloud.name, r->projectName, project)));
        {
            TokenCache& cache = tokenCache();
            QMutexLocker lock(&cache.mutex);
            cache.tokens.insert(cacheKey(project), *r);
        }
        complete(project, std::move(r));
    });
}

// Keystone answers 401 both for a wrong password and for a project the user may not use: an unscoped
// login tells the two apart, and then the error can name the projects that would work.
void Session::explainScopeFailure(const QString& project, const Error& loginError)
{
    Login::run(this, {}, false, [this, project, loginError](Result<ScopedToken> unscoped) {
        if (!unscoped)
            return complete(
                project,
                std::unexpected(unscoped.error().is(errc::kXloudInvalidLogin) ? loginError : unscoped.error()));
        QNetworkRequest request(identityUrl(QStringLiteral("/auth/projects")));
        request.setRawHeader("X-Auth-Token", unscoped->value);
        QNetworkReply* reply = send("GET", request);
        connect(reply, &QNetworkReply::finished, this, [this, reply, project] {
            reply->deleteLater();
            QStringList names;
            const QByteArray body = reply->error() == QNetworkReply::NoError ? reply->readAll() : QByteArray();
            for (const QJsonValue& p : QJsonDocument::fromJson(body).object().value(u"projects").toArray())
                names.append(p.toObject().value(u"name").toString());
            names.sort();
            complete(
                project,
                fail(
                    errc::kXloudProjectNotFound,
                    names.isEmpty()
                        ? Text::translate("xms::xloud::Session",
                                          "User '%1' has no role in any project of cloud '%2', so it cannot work in "
                                          "'%3'. Ask the cloud's administrator for access.")
                              .toString()
                              .arg(m_cloud.username, m_cloud.name, project)
                        : Text::translate("xms::xloud::Session",
                                          "User '%1' cannot work in project '%2' (domain '%3') of cloud '%4': no "
                                          "such project, or no role in it. Projects the user can access: %5.")
                              .toString()
                              .arg(m_cloud.username, project, m_cloud.projectDomain, m_cloud.name, names.join(u", "))));
        });
    });
}

void Session::complete(const QString& project, Result<ScopedToken> result)
{
    const QList<Callback<ScopedToken>> waiting = m_waiting.take(project);
    for (const Callback<ScopedToken>& cb : waiting)
        cb(result);
}

void Session::projects(Callback<QList<Project>> done)
{
    Login::run(this, {}, false, [this, done](Result<ScopedToken> t) {
        if (!t)
            return done(std::unexpected(t.error()));
        QNetworkRequest request(identityUrl(QStringLiteral("/auth/projects")));
        request.setRawHeader("X-Auth-Token", t->value);
        QNetworkReply* reply = send("GET", request);
        connect(reply, &QNetworkReply::finished, this, [this, reply, done] {
            reply->deleteLater();
            const int status = reply->attribute(QNetworkRequest::HttpStatusCodeAttribute).toInt();
            const QString action = Text::translate("xms::xloud::Session", "list the projects of cloud '%1'")
                                       .toString()
                                       .arg(m_cloud.name);
            if (status == 0)
                return done(std::unexpected(transportError(reply, Service::Identity, action)));
            const QByteArray body = reply->readAll();
            if (status != 200)
                return done(std::unexpected(ApiError::fromHttp(Service::Identity, status, body, action)));
            QList<Project> out;
            for (const QJsonValue& v : QJsonDocument::fromJson(body).object().value(u"projects").toArray()) {
                const QJsonObject p = v.toObject();
                out.append({p.value(u"id").toString(), p.value(u"name").toString(), p.value(u"domain_id").toString(),
                            p.value(u"enabled").toBool(true)});
            }
            std::sort(out.begin(), out.end(), [](const Project& a, const Project& b) { return a.name < b.name; });
            done(out);
        });
    });
}

} // namespace xms::xloud
