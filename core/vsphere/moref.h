#pragma once

#include <QHashFunctions>
#include <QString>

namespace xms::vsphere {

// A ManagedObjectReference: "VirtualMachine" + "vm-42". Stable for the life of the object on its server.
struct MoRef
{
    QString type;
    QString value;

    bool isNull() const { return value.isEmpty(); }
    QString toString() const { return type + u':' + value; } // for logs and JSON
    static MoRef fromString(QStringView text); // inverse of toString(); null when malformed
    friend bool operator==(const MoRef&, const MoRef&) = default;
};

inline size_t qHash(const MoRef& r, size_t seed = 0)
{
    return qHashMulti(seed, r.type, r.value);
}

struct XmlElement;
MoRef moRefFrom(const XmlElement* e); // <x type="T">V</x>; null when e is null

} // namespace xms::vsphere
