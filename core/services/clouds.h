#pragma once

#include "model/records.h"
#include "secretrecord.h"
#include "store/store.h"
#include "xloud/resources.h"

#include <QObject>
#include <functional>
#include <optional>

// Xloud target clouds for the Settings dialog and `xms cloud`: the record in the store, the password or
// application-credential secret in the keychain, kept together; cached tokens dropped on every change.
namespace xms::clouds {

// Proves a login before anything is saved: with a project (or an application credential, which brings
// its own) the project-scoped catalog; without one, the projects the user may use.
void login(const CloudRecord& cloud, const QString& secret, QObject* context,
           std::function<void(Result<xloud::CloudCheck>)> done);

// Saves the secret (when given: a new cloud or a rotated secret) and then the record; a record that
// cannot be written takes the keychain back to what it held.
void save(Store store, CloudRecord cloud, std::optional<QString> secret, QObject* context,
          std::function<void(Status)> done);

// Replaces the secret of an existing cloud (its password or credential secret, by its kind of login).
void setSecret(const Store& store, const QString& name, const QString& secret, QObject* context,
               std::function<void(Status)> done);

// Deletes the record and both possible secrets (the cloud may have switched between password and
// application credential).
void remove(Store store, const QString& name, QObject* context,
            std::function<void(Result<secretrecord::Removed>)> done);

} // namespace xms::clouds
