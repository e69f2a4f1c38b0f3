#pragma once

#include "common/error.h"
#include "objectcontent.h"

#include <QList>
#include <QStringList>
#include <functional>

namespace xms::vsphere {

class Session;

struct PropertySpec
{
    QString type; // "VirtualMachine"
    QStringList paths; // "name", "config.hardware.device" …
};

// What to read: properties of the given objects, or of every object in a ContainerView.
struct FilterSpec
{
    QList<PropertySpec> propSet;
    QList<MoRef> objects;
    MoRef containerView;
};

// RetrievePropertiesEx (+ ContinueRetrievePropertiesEx until the token runs out), CreateContainerView
// and DestroyView — the calls discovery and every state read are built from.
class PropertyCollector
{
public:
    using ObjectsDone = std::function<void(Result<QList<ObjectContent>>)>;
    using ObjectDone = std::function<void(Result<ObjectContent>)>;
    using RefDone = std::function<void(Result<MoRef>)>;

    static void retrieve(Session& session, const FilterSpec& spec, ObjectsDone done);
    // Properties of one object; "vsphere.object_not_found" when it is gone.
    static void retrieveOne(Session& session, const MoRef& obj, const PropertySpec& props, ObjectDone done);
    static void createContainerView(Session& session, const MoRef& container, const QStringList& types, RefDone done);
    static void destroyView(Session& session, const MoRef& view); // best effort; the session ends it anyway

    static constexpr int kPageSize = 500;

private:
    static void retrieveFirst(Session& session, const FilterSpec& spec, ObjectsDone done, bool mayRelogin);
};

} // namespace xms::vsphere
