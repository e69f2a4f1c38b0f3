#include "testutil.h"

#include "secrets/secretstore.h"
#include "store/jobstore.h"

#include <QCoreApplication>
#include <QCryptographicHash>
#include <QDeadlineTimer>
#include <QFile>
#include <QtGlobal>
#include <cstdio>
#include <cstdlib>

namespace xms::test {

QStringList eventNames(const JobStore& jobs, const QString& jobId)
{
    QStringList names;
    const auto events = jobs.events(jobId);
    for (const EventRecord& e : events.value_or(QList<EventRecord>()))
        names.append(e.name);
    return names;
}

QByteArray requireEnv(const char* name)
{
    const QByteArray v = qgetenv(name);
    if (v.isEmpty()) {
        std::fprintf(stderr,
                     "FATAL: %s is not set. This is a lab test: start the lab (tests/lab/lab up) and run it "
                     "through tests/lab/with-lab (ctest does).\n",
                     name);
        std::exit(1);
    }
    return v;
}

QByteArray sha256OfFile(const QString& path)
{
    QFile f(path);
    if (!f.open(QIODevice::ReadOnly))
        return {};
    QCryptographicHash h(QCryptographicHash::Sha256);
    h.addData(&f);
    return h.result().toHex();
}

QSqlDatabase rawSqlite(const QString& path)
{
    static int count = 0;
    QSqlDatabase db = QSqlDatabase::addDatabase(QStringLiteral("QSQLITE"), QStringLiteral("test-raw-%1").arg(++count));
    db.setDatabaseName(path);
    db.open();
    return db;
}

StoreHost::StoreHost(JobStore& jobs, QString jobId)
    : m_jobs(jobs)
    , m_jobId(std::move(jobId))
{
}

void StoreHost::emitEventAt(Stage stage, EventLevel level, const QString& name, const Text& message,
                            const QJsonObject& data)
{
    EventRecord e;
    e.jobId = m_jobId;
    e.stage = stage;
    e.level = level;
    e.name = name;
    e.text = message;
    e.data = data;
    m_jobs.appendEvent(e);
}

Status writeSecret(const QString& key, const QString& value)
{
    QObject context;
    std::optional<Status> done;
    SecretStore::backend().write(key, value, &context, [&done](Status s) { done = s; });
    const QDeadlineTimer deadline(20000);
    while (!done && !deadline.hasExpired())
        QCoreApplication::processEvents(QEventLoop::AllEvents, 50);
    return done.value_or(fail(QStringLiteral("test.timeout"), QStringLiteral("the keychain did not answer in 20 s")));
}

} // namespace xms::test
