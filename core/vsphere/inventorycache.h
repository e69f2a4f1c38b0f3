#pragma once

#include "common/error.h"
#include "vminfo.h"

#include <optional>

namespace xms::vsphere {

// The last discovery of each source, kept as JSON under the cache directory so listing VMs again (CLI,
// wizard) does not cost a round trip to vCenter. Rebuildable: losing it only costs a refresh.
class InventoryCache
{
public:
    static QString path(const QString& source);
    // The cached inventory when there is one younger than maxAgeSecs.
    static std::optional<Inventory> load(const QString& source, qint64 maxAgeSecs);
    static Status save(const QString& source, const Inventory& inventory);
    static void remove(const QString& source);

    static constexpr qint64 kDefaultMaxAgeSecs = 600;
};

} // namespace xms::vsphere
