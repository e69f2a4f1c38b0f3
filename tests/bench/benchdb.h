#pragma once

#include "common/error.h"

#include <QSqlDatabase>
#include <QString>

namespace xms::bench {

// The bench's own view of the lab's PostgreSQL (XMS_LAB_PG_URL), past the store's code: fresh databases
// and the server's statistics.
class BenchDb
{
public:
    // Connects to the lab's database; the password from XMS_LAB_PG_CREDENTIALS/xms-store-password.
    static Result<BenchDb> connect();
    // Drops and makes the database `name`; returns its URL (the lab's, with that database).
    Result<QString> fresh(const QString& name);
    void drop(const QString& name);

    struct Stats
    {
        qint64 commits = 0; // xact_commit: every statement outside a transaction counts, reads too
        qint64 inserted = 0;
        qint64 updated = 0;
        qint64 deleted = 0;
        // Transaction ids handed out: one per transaction that wrote. Server-wide, so it also counts other
        // databases' writes made meanwhile (the lab's server is otherwise idle during a bench).
        qint64 writeXacts = 0;
        qint64 written() const { return inserted + updated + deleted; }
        Stats operator-(const Stats& o) const
        {
            return {commits - o.commits, inserted - o.inserted, updated - o.updated, deleted - o.deleted,
                    writeXacts - o.writeXacts};
        }
    };
    // pg_stat_database of database `name`, as the server has it now (a fresh snapshot each call). Backends
    // report when they go idle (at most once a second) and when they exit, so read it after the workers exit.
    Result<Stats> stats(const QString& name);
    // Client connections to database `name` right now (pg_stat_activity).
    int connections(const QString& name);
    QString serverVersion(); // SHOW server_version

private:
    explicit BenchDb(QSqlDatabase db, QString url);
    QSqlDatabase m_db;
    QString m_url; // the lab's URL, without a database
};

} // namespace xms::bench
