#pragma once

// Shared by the `xms source` commands (sourcecommands.cpp, sourcecreate.cpp).
#include "command.h"
#include "common/error.h"
#include "common/tlspolicy.h"
#include "model/records.h"
#include "vsphere/vminfo.h"

#include <QJsonObject>
#include <functional>

namespace xms::vsphere {
class Session;
}

// Own namespace: other command groups have helpers of the same names.
namespace xms::cli::source {

QJsonObject tlsJson(const TlsPolicy& tls);
QString tlsSummary(const TlsPolicy& tls); // "pinned (SHA-256 AB:…)", "system CAs" …
void warnIfInsecure(const TlsPolicy& tls);

// Reads the source's password from the keychain and logs in. The session is parented to the application;
// the caller closes and deletes it.
void connectToSource(const EnvironmentRecord& env, std::function<void(Result<vsphere::Session*>)> done);
// report() plus what to do on the command line for trust and login problems.
int reportConnectError(const Error& error);

void printInventory(const EnvironmentRecord& env, const vsphere::Inventory& inventory, bool cached, bool json);

Command createCommand(); // xms source create (sourcecreate.cpp)

} // namespace xms::cli::source
