#include "store.h"

#include "common/paths.h"
#include "sqlstore.h"

namespace xms {

Store::Store(std::shared_ptr<StoreBackend> backend)
    : m_backend(std::move(backend))
{
}

Result<Store> Store::open(const QString& path)
{
    return open(StoreLocation::sqlite(path));
}

Result<Store> Store::open(const StoreLocation& where, const QString& password)
{
    auto backend = SqlStore::open(where, password);
    if (!backend)
        return std::unexpected(backend.error());
    return Store(*backend);
}

Result<Store> Store::openDefault()
{
    return open(paths::databaseFile());
}

} // namespace xms
