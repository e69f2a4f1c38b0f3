#include "inventorycache.h"

#include "common/errorcodes.h"
#include "common/paths.h"

#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QJsonDocument>
#include <QSaveFile>

namespace xms::vsphere {

QString InventoryCache::path(const QString& source)
{
    // Source names are restricted to [A-Za-z0-9._-] when created, so they are safe file names.
    return QDir(paths::cacheDir()).filePath(u"inventory/" + source + u".json");
}

std::optional<Inventory> InventoryCache::load(const QString& source, qint64 maxAgeSecs)
{
    QFile f(path(source));
    if (!f.open(QIODevice::ReadOnly))
        return std::nullopt;
    const QJsonDocument doc = QJsonDocument::fromJson(f.readAll());
    if (!doc.isObject())
        return std::nullopt;
    Inventory inv = Inventory::fromJson(doc.object());
    const QDateTime now = QDateTime::currentDateTimeUtc();
    if (!inv.fetchedAt.isValid() || inv.fetchedAt > now || inv.fetchedAt.secsTo(now) > maxAgeSecs)
        return std::nullopt;
    return inv;
}

Status InventoryCache::save(const QString& source, const Inventory& inventory)
{
    const QString file = path(source);
    QDir().mkpath(QFileInfo(file).absolutePath());
    QSaveFile f(file);
    if (!f.open(QIODevice::WriteOnly) || f.write(QJsonDocument(inventory.toJson()).toJson(QJsonDocument::Compact)) < 0
        || !f.commit())
        return fail(
            errc::kIoWrite,
            QObject::tr("The inventory cache %1 cannot be written. Check the disk and its permissions.").arg(file),
            f.errorString());
    return {};
}

void InventoryCache::remove(const QString& source)
{
    QFile::remove(path(source));
}

} // namespace xms::vsphere
