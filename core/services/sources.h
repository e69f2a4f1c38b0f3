#pragma once

#include "common/error.h"
#include "model/records.h"
#include "secretrecord.h"
#include "store/store.h"
#include "vsphere/connectiontest.h"

#include <QObject>
#include <functional>
#include <optional>

// vSphere source environments (vCenter or ESXi) for the Settings dialog and `xms source`: the record in
// the store, the password in the keychain, kept together.
namespace xms::sources {

// Letters, digits, '.', '_' and '-', up to 64, starting with a letter or digit.
bool isValidName(const QString& name);

// Logs in with env and password (checking the datacenter) and only then saves: the password in the
// keychain when `storePassword` (a new source, or a rotated password), then the record; a record that
// cannot be written takes the keychain back to what it held. `done` gets what the login saw.
void save(Store store, EnvironmentRecord env, QString password, bool storePassword, QObject* context,
          std::function<void(Result<vsphere::ConnectionReport>)> done);

// Replaces the password of an existing source.
void setPassword(const Store& store, const QString& name, const QString& password, QObject* context,
                 std::function<void(Status)> done);

// Deletes the record, the cached inventory and the password.
void remove(Store store, const QString& name, QObject* context,
            std::function<void(Result<secretrecord::Removed>)> done);

} // namespace xms::sources
