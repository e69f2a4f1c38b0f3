#pragma once

#include "common/error.h"

#include <QObject>
#include <QStringList>
#include <functional>
#include <optional>

namespace xms::secretrecord {

using Done = std::function<void(Status)>;

// Runs fn from context's event loop: every service callback comes later, never inside the call, so a
// caller (the CLI waiting in QCoreApplication::exec) sees one behaviour whether a step failed early or not.
void later(QObject* context, std::function<void()> fn);

// A record whose secret lives in the keychain is saved as one step: the secret first (when given), then
// the record; when the record cannot be written the keychain gets back what it held before (the old
// secret, or nothing), so neither a secret without its record nor a record with a wrong secret remains.
// Asynchronous like the keychain: `done` runs later on `context`'s thread.
void save(const QString& key, const std::optional<QString>& secret, QObject* context,
          std::function<Status()> saveRecord, Done done);

// Removes every key; `done` gets the first failure (absent keys are fine). The record is the caller's:
// it goes first, because a secret without its record is harmless and a record without its secret is not.
void removeAll(QStringList keys, QObject* context, Done done);

// What removing a source or cloud left behind: the record is gone; `secret` fails when the keychain could
// not be reached and still holds the secret (harmless without its record, but worth a warning).
struct Removed
{
    Status secret;
};

} // namespace xms::secretrecord
