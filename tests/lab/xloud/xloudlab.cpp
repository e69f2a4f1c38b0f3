#include "xloudlab.h"

#include <QEventLoop>
#include <QJsonArray>
#include <QJsonDocument>
#include <QNetworkAccessManager>
#include <QNetworkReply>
#include <QRandomGenerator>

namespace xms::test {

CloudRecord labCloud(const QString& name)
{
    CloudRecord c;
    c.name = name;
    c.authUrl = QString::fromUtf8(requireEnv("OS_AUTH_URL"));
    c.region = QString::fromUtf8(requireEnv("OS_REGION_NAME"));
    c.username = QString::fromUtf8(requireEnv("OS_USERNAME"));
    c.userDomain = QString::fromUtf8(requireEnv("OS_USER_DOMAIN_NAME"));
    c.project = QString::fromUtf8(requireEnv("OS_PROJECT_NAME"));
    c.projectDomain = QString::fromUtf8(requireEnv("OS_PROJECT_DOMAIN_NAME"));
    return c;
}

QString labPassword()
{
    return QString::fromUtf8(requireEnv("OS_PASSWORD"));
}

QString uniqueName(const QString& what)
{
    return QStringLiteral("xms-test-%1-%2")
        .arg(what)
        .arg(QRandomGenerator::global()->generate() % 1000000, 6, 10, QLatin1Char('0'));
}

QString randomMac()
{
    const quint32 r = QRandomGenerator::global()->generate();
    return QStringLiteral("fa:16:3e:%1:%2:%3")
        .arg((r >> 16) & 0xff, 2, 16, QLatin1Char('0'))
        .arg((r >> 8) & 0xff, 2, 16, QLatin1Char('0'))
        .arg(r & 0xff, 2, 16, QLatin1Char('0'));
}

Status awaitStatus(const std::function<void(xloud::StatusCallback)>& start, int timeoutMs)
{
    auto out = std::make_shared<std::optional<Status>>();
    start([out](Status s) { *out = std::move(s); });
    if (!QTest::qWaitFor([&] { return out->has_value(); }, timeoutMs))
        return fail(QStringLiteral("test.timeout"), QStringLiteral("no answer within %1 ms").arg(timeoutMs));
    return **out;
}

int rawCall(const QByteArray& verb, const QString& url, const QByteArray& token, const QJsonObject& body,
            QJsonObject* reply, QByteArray* subjectToken, const QList<QPair<QByteArray, QByteArray>>& headers)
{
    static QNetworkAccessManager nam;
    QNetworkRequest request {QUrl(url)};
    request.setHeader(QNetworkRequest::ContentTypeHeader, QByteArrayLiteral("application/json"));
    if (!token.isEmpty())
        request.setRawHeader("X-Auth-Token", token);
    for (const auto& [k, v] : headers)
        request.setRawHeader(k, v);
    QNetworkReply* r
        = nam.sendCustomRequest(request, verb, body.isEmpty() ? QByteArray() : QJsonDocument(body).toJson());
    if (!QTest::qWaitFor([r] { return r->isFinished(); }, 60000))
        qWarning() << "raw call timed out:" << verb << url;
    const int status = r->attribute(QNetworkRequest::HttpStatusCodeAttribute).toInt();
    if (reply)
        *reply = QJsonDocument::fromJson(r->readAll()).object();
    if (subjectToken)
        *subjectToken = r->rawHeader("X-Subject-Token");
    r->deleteLater();
    return status;
}

QByteArray rawMemberToken(QString* userId)
{
    const CloudRecord c = labCloud();
    const QJsonObject user {{QStringLiteral("name"), c.username},
                            {QStringLiteral("domain"), QJsonObject {{QStringLiteral("name"), c.userDomain}}},
                            {QStringLiteral("password"), labPassword()}};
    const QJsonObject project {{QStringLiteral("name"), c.project},
                               {QStringLiteral("domain"), QJsonObject {{QStringLiteral("name"), c.projectDomain}}}};
    const QJsonObject auth {{QStringLiteral("identity"),
                             QJsonObject {{QStringLiteral("methods"), QJsonArray {QStringLiteral("password")}},
                                          {QStringLiteral("password"), QJsonObject {{QStringLiteral("user"), user}}}}},
                            {QStringLiteral("scope"), QJsonObject {{QStringLiteral("project"), project}}}};
    QJsonObject body;
    QByteArray token;
    rawCall("POST", c.authUrl + QStringLiteral("/auth/tokens"), {}, {{QStringLiteral("auth"), auth}}, &body, &token);
    if (userId)
        *userId = body.value(u"token").toObject().value(u"user").toObject().value(u"id").toString();
    return token;
}

} // namespace xms::test
