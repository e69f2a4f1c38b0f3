#include "discovery.h"

#include "common/errorcodes.h"
#include "common/logging.h"
#include "inventorybuilder.h"
#include "propertycollector.h"
#include "session.h"
#include "soapenvelope.h"

#include <QElapsedTimer>
#include <QXmlStreamWriter>
#include <memory>

namespace xms::vsphere {

void Discovery::findDatacenter(Session& session, const QString& datacenter, std::function<void(Result<MoRef>)> done)
{
    if (datacenter.isEmpty())
        return done(session.serviceContent().rootFolder);
    const MoRef index = session.serviceContent().searchIndex;
    session.call(
        QStringLiteral("FindByInventoryPath"),
        [index, datacenter](QXmlStreamWriter& w) {
            writeMoRef(w, QStringLiteral("_this"), index);
            writeText(w, QStringLiteral("inventoryPath"), datacenter);
        },
        [&session, datacenter, done = std::move(done)](Result<XmlElement> r) {
            if (!r)
                return done(std::unexpected(r.error()));
            const MoRef found = moRefFrom(r->child(u"returnval"));
            if (found.type == u"Datacenter")
                return done(found);
            // Say which datacenters exist: the usual mistake is a typo or a missing folder prefix.
            PropertyCollector::createContainerView(
                session, session.serviceContent().rootFolder, {QStringLiteral("Datacenter")},
                [&session, datacenter, done](Result<MoRef> view) {
                    if (!view)
                        return done(std::unexpected(view.error()));
                    FilterSpec names;
                    names.propSet = {{QStringLiteral("Datacenter"), {QStringLiteral("name")}}};
                    names.containerView = *view;
                    PropertyCollector::retrieve(
                        session, names, [&session, v = *view, datacenter, done](Result<QList<ObjectContent>> r2) {
                            PropertyCollector::destroyView(session, v);
                            QStringList known;
                            for (const ObjectContent& o : r2.value_or(QList<ObjectContent> {}))
                                known << o.text(QStringLiteral("name"));
                            known.sort();
                            done(fail(errc::kVsphereDatacenterNotFound,
                                      QObject::tr("There is no datacenter '%1' on this server. Datacenters: %2.")
                                          .arg(datacenter, known.isEmpty() ? QObject::tr("none") : known.join(u", "))));
                        });
                });
        });
}

void Discovery::discover(Session& session, const QString& datacenter, Done done)
{
    auto timer = std::make_shared<QElapsedTimer>();
    timer->start();
    findDatacenter(session, datacenter, [&session, datacenter, timer, done = std::move(done)](Result<MoRef> scope) {
        if (!scope)
            return done(std::unexpected(scope.error()));
        PropertyCollector::createContainerView(
            session, *scope, InventoryBuilder::viewTypes(), [&session, datacenter, timer, done](Result<MoRef> view) {
                if (!view)
                    return done(std::unexpected(view.error()));
                FilterSpec spec;
                spec.propSet = InventoryBuilder::propertySpecs();
                spec.containerView = *view;
                PropertyCollector::retrieve(
                    session, spec,
                    [&session, v = *view, datacenter, timer, done](Result<QList<ObjectContent>> objects) {
                        PropertyCollector::destroyView(session, v);
                        if (!objects)
                            return done(std::unexpected(objects.error()));
                        Inventory inv;
                        inv.datacenter = datacenter;
                        inv.fetchedAt = QDateTime::currentDateTimeUtc();
                        inv.vms = InventoryBuilder::build(*objects);
                        inv.elapsedMs = timer->elapsed();
                        qCDebug(lcVsphere) << "discovered" << inv.vms.size() << "VMs (" << objects->size()
                                           << "objects) in" << inv.elapsedMs << "ms";
                        done(std::move(inv));
                    });
            });
    });
}

Result<VmInfo> Discovery::findVm(const Inventory& inventory, const QString& nameOrId)
{
    if (inventory.countNamed(nameOrId) > 1) {
        QStringList ids;
        for (const VmInfo& v : inventory.vms) {
            if (v.name == nameOrId)
                ids << v.moref.value;
        }
        return fail(errc::kVsphereVmAmbiguous,
                    QObject::tr("%1 VMs are named '%2'. Name one by its id instead: %3.")
                        .arg(ids.size())
                        .arg(nameOrId, ids.join(u", ")));
    }
    if (const VmInfo* vm = inventory.find(nameOrId))
        return *vm;
    const QString scope
        = inventory.datacenter.isEmpty() ? QString() : QObject::tr(" in datacenter %1").arg(inventory.datacenter);
    return fail(errc::kVsphereVmNotFound,
                QObject::tr("There is no VM '%1'%2. Check the name in a refreshed inventory.").arg(nameOrId, scope));
}

} // namespace xms::vsphere
