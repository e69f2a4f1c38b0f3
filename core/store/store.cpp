#include "store.h"

#include "common/paths.h"
#include "sqlitestore.h"

namespace xms {

Store::Store(std::shared_ptr<StoreBackend> backend)
    : m_backend(std::move(backend))
{
}

Result<Store> Store::open(const QString& path)
{
    auto backend = SqliteStore::open(path);
    if (!backend)
        return std::unexpected(backend.error());
    return Store(*backend);
}

Result<Store> Store::openDefault()
{
    return open(paths::databaseFile());
}

} // namespace xms
