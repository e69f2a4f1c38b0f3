#pragma once

#include "moref.h"
#include "xmlelement.h"

#include <QHash>
#include <QList>
#include <QStringList>

namespace xms::vsphere {

// One object's properties as the PropertyCollector returned them (name → <val> element).
struct ObjectContent
{
    MoRef obj;
    QHash<QString, XmlElement> props;
    QStringList missing; // paths the server could not read (no permission, invalid …)

    const XmlElement* prop(const QString& path) const;
    QString text(const QString& path, const QString& fallback = {}) const;
};

// Parses a RetrieveResult (the returnval of RetrievePropertiesEx / ContinueRetrievePropertiesEx) into
// objects appended to out, and returns its continuation token (empty on the last page). Properties withheld
// because the session is gone (some servers say so per property instead of with a fault) set
// *notAuthenticated. Pure: unit-tested and fuzzed without a network.
QString parseRetrieveResult(const XmlElement* returnval, QList<ObjectContent>& out, bool* notAuthenticated = nullptr);

} // namespace xms::vsphere
