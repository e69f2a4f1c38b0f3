#pragma once

#include "common/error.h"
#include "store/store.h"
#include "store/storelocation.h"

namespace xms::storeaccess {

// Which job store this process uses, and how it gets in: XMS_STORE when set (a postgresql:// URL; an
// empty value means the local database), else the choice saved with 'xms store use' or the Settings
// dialog (XMS_HOME/xms.conf), else the SQLite file under XMS_HOME.
Result<StoreLocation> chosen();
// Saves the choice for this XMS_HOME: a postgresql:// URL, or empty for the local database.
Status choose(const QString& url);

// The PostgreSQL password: the systemd credential xms-store-password when this process has one
// ($CREDENTIALS_DIRECTORY), else the keychain entry for the URL; empty when neither holds one (libpq may
// still find ~/.pgpass or use peer authentication).
Result<QString> password(const StoreLocation& where);
Status savePassword(const StoreLocation& where, const QString& password);
QString passwordKey(const StoreLocation& where); // the keychain key: "store/<url>"

// Opens the chosen store (what the desktop, the CLI and workers call).
Result<Store> open();

} // namespace xms::storeaccess
