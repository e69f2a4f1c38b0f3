#pragma once

#include "common/error.h"
#include "sqldialect.h"

#include <QSqlDatabase>

namespace xms::schema {

// Brings the database to the newest schema version in one transaction (the version: SQLite's PRAGMA
// user_version, PostgreSQL's xms_schema table). A database from a newer XMS is refused rather than damaged.
Status migrate(QSqlDatabase& db, const SqlDialect& dialect);
int latestVersion();

} // namespace xms::schema
