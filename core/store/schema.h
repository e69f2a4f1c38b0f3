#pragma once

#include "common/error.h"

#include <QSqlDatabase>

namespace xms::schema {

// Brings the database to the newest schema version (PRAGMA user_version), one transaction per step.
// A database from a newer XMS is refused rather than damaged.
Status migrate(QSqlDatabase& db);
int latestVersion();

} // namespace xms::schema
