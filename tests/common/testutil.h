#pragma once

#include "common/error.h"
#include "engine/jobhost.h"

#include <QByteArray>
#include <QSqlDatabase>
#include <QString>
#include <QStringList>

namespace xms {
class JobStore;
}

namespace xms::test {

// Message for QVERIFY2(result, why(result)): evaluated eagerly by the macro, so it must be safe on success.
template<typename R> QByteArray why(const R& result)
{
    return result.has_value() ? QByteArray() : result.error().toString().toUtf8();
}

// SHA-256 of a file's bytes (hex), read in streaming fashion; empty when it cannot be read.
QByteArray sha256OfFile(const QString& path);

// The names of a job's events in the order they were stored ("job.started", …); empty if unreadable.
QStringList eventNames(const JobStore& jobs, const QString& jobId);

// The host of a job step run without a JobRunner (LedgerCleanup in a stage test): events go straight to
// the store, filed under the stage given.
class StoreHost : public JobHost
{
public:
    StoreHost(JobStore& jobs, QString jobId);
    JobStore& jobs() override { return m_jobs; }
    void emitEventAt(Stage stage, EventLevel level, const QString& name, const Text& message,
                     const QJsonObject& data = {}) override;

private:
    JobStore& m_jobs;
    QString m_jobId;
};

// Reads a required environment variable (the lab's); a lab test without its lab fails loudly.
QByteArray requireEnv(const char* name);
// A connection of the test's own to an SQLite store file, to check what the SQLite backend wrote.
QSqlDatabase rawSqlite(const QString& path);

// Stores a secret in the keychain (the suite's private Secret Service) and waits for it; test set-up.
Status writeSecret(const QString& key, const QString& value);

} // namespace xms::test

// QVERIFY that prints the error's message and detail on failure.
#define XMS_VERIFY_OK(expr)                                                                                            \
    do {                                                                                                               \
        const auto& xms_r_ = (expr);                                                                                   \
        QVERIFY2(xms_r_.has_value(), xms::test::why(xms_r_).constData());                                              \
    } while (false)
