#pragma once

#include "common/error.h"
#include "store/store.h"
#include "store/storelocation.h"

#include <QSqlDatabase>
#include <QString>

namespace xms::test {

// The backend a store test runs on. Default: an SQLite file in dir. With XMS_TEST_STORE=postgresql (the
// CTest entries *_pg): a database of its own on the lab's PostgreSQL (XMS_LAB_PG_URL, password from
// XMS_LAB_PG_CREDENTIALS), dropped and made again each time a test asks for `name`. Without the lab's
// variables a PostgreSQL run fails at once with what to do: it never falls back to SQLite.
bool onPostgres();
// Where the store named `name` is (the same place each time it is asked for, within one test).
Result<StoreLocation> freshStoreLocation(const QString& dir, const QString& name);
// A database of its own on the lab's PostgreSQL whatever XMS_TEST_STORE says (tests that are about sharing).
Result<StoreLocation> freshPostgresLocation(const QString& name);
// The password for a location freshStoreLocation gave (empty for SQLite).
QString storePassword(const StoreLocation& where);
// freshStoreLocation + Store::open.
Result<Store> openFreshStore(const QString& dir, const QString& name);
// The schema version as the database records it (SQLite's user_version, PostgreSQL's xms_schema), and
// a way to set it back — through the test's own connection.
int schemaVersion(QSqlDatabase& raw);
bool setSchemaVersion(QSqlDatabase& raw, int version);
// A connection of the test's own, for checking what the store wrote (not through the store's code).
QSqlDatabase rawConnection(const StoreLocation& where);

} // namespace xms::test
