#pragma once

#include "model/records.h"
#include "xloud/resources.h"

#include <QJsonObject>

// How `xms cloud …` shows clouds, login checks and project resources. Never prints a secret. Own
// namespace: other command groups have helpers of the same names.
namespace xms::cli::cloud {

QJsonObject cloudJson(const CloudRecord& cloud);
void printCloudList(const QList<CloudRecord>& clouds);
void printCloud(const CloudRecord& cloud);
void printCheck(const CloudRecord& cloud, const xloud::CloudCheck& check);
void printResources(const xloud::CloudResources& resources);
// A loud line on stderr when TLS verification is off, and one when the Identity URL is plain http.
void warnIfInsecure(const CloudRecord& cloud);

} // namespace xms::cli::cloud
