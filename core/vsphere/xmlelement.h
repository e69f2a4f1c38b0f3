#pragma once

#include "common/error.h"

#include <QByteArray>
#include <QList>
#include <QString>

class QXmlStreamReader;

namespace xms::vsphere {

// One element of a parsed SOAP response, namespaces dropped: vSphere's data objects are only ever told
// apart by element name and xsi:type. Read with QXmlStreamReader into this small tree so the model code
// can look values up by path instead of walking a stream.
struct XmlElement
{
    QString name; // local name, e.g. "propSet"
    QString xsiType; // xsi:type without its prefix, e.g. "VirtualDisk"; empty when absent
    QString typeAttr; // the plain "type" attribute (ManagedObjectReference's type)
    QString text; // character data directly inside this element
    QList<XmlElement> children;

    const XmlElement* child(QStringView childName) const; // first child with this name, or nullptr
    QList<const XmlElement*> all(QStringView childName) const; // every child with this name
    // Follows "a/b/c" through first matches; nullptr when any step is missing.
    const XmlElement* at(QStringView path) const;
    QString textAt(QStringView path, const QString& fallback = {}) const;
    qint64 intAt(QStringView path, qint64 fallback = 0) const;
    bool boolAt(QStringView path, bool fallback = false) const;
    // The xsi:type when set, else the element name (faults name themselves either way).
    QString typeName() const { return xsiType.isEmpty() ? name : xsiType; }
};

// Limits that keep a hostile or broken server from exhausting the stack or memory.
struct XmlLimits
{
    int maxDepth = 64;
    qsizetype maxElements = 4'000'000;
};

// Parses one XML document into a tree (the document element). Errors: "vsphere.bad_response".
Result<XmlElement> parseXml(const QByteArray& data, const XmlLimits& limits = {});

} // namespace xms::vsphere
