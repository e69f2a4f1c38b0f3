#pragma once

#include "async.h"
#include "catalog.h"
#include "model/records.h"

#include <QDateTime>
#include <QHash>
#include <QJsonObject>
#include <QNetworkAccessManager>
#include <QObject>

namespace xms::xloud {

// A project the user can access (GET /v3/auth/projects).
struct Project
{
    QString id;
    QString name;
    QString domainId;
    bool enabled = true;
    QJsonObject toJson() const;
};

// A project-scoped Keystone token and its catalog. The token value is a secret: never log or print it.
struct ScopedToken
{
    QByteArray value;
    QDateTime expiresAt;
    QString projectId;
    QString projectName;
    QString userId;
    QString userName;
    QStringList roles;
    ServiceCatalog catalog;
};

// Tunables; tests shorten the delays.
struct SessionOptions
{
    int timeoutMs = 60000; // a request that makes no progress for this long fails (xloud.timeout)
    int readRetries = 3; // extra attempts for GETs that hit a 5xx or a timeout
    int retryDelayMs = 1000; // first back-off, doubled on each attempt
    int tokenMarginSecs = 300; // a cached token expiring sooner than this is renewed before use
    QString interface = QStringLiteral("public");
};

// One authenticated connection to one Xloud cloud: logs in to Keystone (password or application
// credential), keeps project-scoped tokens in a process-wide cache per (cloud, user, project), and sends
// requests with the cloud's TLS policy. Lives on one thread; the service clients share it.
class Session : public QObject
{
    Q_OBJECT

public:
    // secret: the password, or the application credential's secret.
    Session(CloudRecord cloud, QString secret, QObject* parent = nullptr);
    ~Session() override;

    const CloudRecord& cloud() const { return m_cloud; }
    SessionOptions& options() { return m_options; }
    QNetworkAccessManager* network() { return &m_network; }

    // A token scoped to project (name or id; empty = the cloud's default project), from the cache
    // while it stays valid for longer than the margin. Errors: xloud.invalid_login (wrong credentials),
    // xloud.project.not_found (names the projects the user can access), transport errors.
    void token(const QString& project, Callback<ScopedToken> done);
    // Drops a token the cloud refused (HTTP 401), so the next token() logs in again.
    void invalidate(const ScopedToken& token);
    // The projects the credentials can access.
    void projects(Callback<QList<Project>> done);

    // How many logins (POST /v3/auth/tokens) this session made — for diagnostics and tests.
    int logins() const { return m_logins; }
    // Drops every cached token of this cloud (all sessions), e.g. after the password changed.
    static void clearTokenCache(const QString& cloudName = {});

    // Sends one HTTP request with the TLS policy and the transfer timeout applied; the reply belongs to
    // the caller. The X-Auth-Token header is set by the caller.
    QNetworkReply* send(const QByteArray& verb, QNetworkRequest request, const QByteArray& body = {});
    // Turns a finished reply's transport failure (no HTTP status) into an Error.
    Error transportError(QNetworkReply* reply, Service service, const QString& action) const;

    // Test hook: makes the cached tokens of this cloud look expired, as after a long pause.
    void expireCachedTokensForTesting();

private:
    struct Login;
    QUrl identityUrl(const QString& path) const;
    QJsonObject authBody(const QString& project, bool scoped) const;
    void login(const QString& project);
    void onLoginFinished(const QString& project, QNetworkReply* reply);
    void explainScopeFailure(const QString& project, const Error& loginError);
    void complete(const QString& project, Result<ScopedToken> result);
    QString cacheKey(const QString& project) const;

    CloudRecord m_cloud;
    QString m_secret;
    SessionOptions m_options;
    QNetworkAccessManager m_network;
    QHash<QString, QList<Callback<ScopedToken>>> m_waiting; // logins in flight, by requested project
    int m_logins = 0;
};

} // namespace xms::xloud
