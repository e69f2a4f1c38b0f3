#pragma once

#include "model/records.h"
#include "testutil.h"
#include "xloud/async.h"

#include <QByteArray>
#include <QJsonObject>
#include <QTest>
#include <memory>
#include <optional>

// Shared by the Xloud lab tests: the lab cloud's records (from the lab's OS_* environment; a missing
// variable fails the test loudly) and test-side waiting for asynchronous results.
namespace xms::test {

// The non-admin member user in project infra, under a cloud name unique to the caller (the token cache
// is per cloud name, so tests that count logins use their own).
CloudRecord labCloud(const QString& name = QStringLiteral("lab"));
QString labPassword();
// Unique resource names so parallel or leftover runs never collide: "xms-test-<what>-<random>".
QString uniqueName(const QString& what);
// A random locally administered MAC in OpenStack's fa:16:3e prefix.
QString randomMac();

// Runs start(callback) and waits (event loop, test side only) for the callback.
template<typename T> Result<T> await(const std::function<void(xloud::Callback<T>)>& start, int timeoutMs = 120000)
{
    auto out = std::make_shared<std::optional<Result<T>>>();
    start([out](Result<T> r) { *out = std::move(r); });
    if (!QTest::qWaitFor([&] { return out->has_value(); }, timeoutMs))
        return fail(QStringLiteral("test.timeout"), QStringLiteral("no answer within %1 ms").arg(timeoutMs));
    return std::move(**out);
}
Status awaitStatus(const std::function<void(xloud::StatusCallback)>& start, int timeoutMs = 120000);

// A raw JSON call to the lab (for what XMS itself never does: revoking a token, application
// credentials). Returns the HTTP status; body and the X-Subject-Token header through the pointers.
int rawCall(const QByteArray& verb, const QString& url, const QByteArray& token, const QJsonObject& body = {},
            QJsonObject* reply = nullptr, QByteArray* subjectToken = nullptr,
            const QList<QPair<QByteArray, QByteArray>>& headers = {});
// A member token scoped to infra, got without XMS (to prepare fixtures).
QByteArray rawMemberToken(QString* userId = nullptr);

} // namespace xms::test
