#include "guestnetworkreport.h"

#include <QJsonArray>

namespace xms {

GuestNetworkReport guestNetworkReport(const vsphere::VmInfo& vm, const std::optional<vsphere::GuestNetwork>& atSubmit)
{
    const vsphere::GuestNetwork& now = vm.guestNetwork;
    const QStringList changes = atSubmit ? vsphere::GuestNetwork::differences(*atSubmit, now) : QStringList();
    GuestNetworkReport r;
    r.data = {{QStringLiteral("vm"), vm.name},
              {QStringLiteral("guest_network"), now.toJson()},
              {QStringLiteral("changes"), QJsonArray::fromStringList(changes)},
              {QStringLiteral("changed_since_submit"), atSubmit ? QJsonValue(!changes.isEmpty()) : QJsonValue()}};
    const Text seen
        = now.isEmpty() ? Text::translate("xms::ExportStageRunner", "no network facts") : Text::literal(now.summary());
    if (!changes.isEmpty()) {
        r.level = EventLevel::Warning;
        r.message = Text::translate("xms::ExportStageRunner",
                                    "The guest network of %1 changed since submit: %2. VMware Tools now reports: %3")
                        .arg(vm.name, changes.join(QStringLiteral("; ")))
                        .arg(seen);
    } else if (atSubmit) {
        r.message = Text::translate("xms::ExportStageRunner", "VMware Tools reports for %1, as at submit: %2")
                        .arg(vm.name)
                        .arg(seen);
    } else {
        r.message = Text::translate("xms::ExportStageRunner", "VMware Tools reports for %1: %2").arg(vm.name).arg(seen);
    }
    return r;
}

} // namespace xms
