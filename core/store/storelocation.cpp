#include "storelocation.h"

#include "common/errorcodes.h"
#include "common/text.h"

#include <QUrl>
#include <QUrlQuery>

namespace xms {

namespace {

Error badUrl(const QString& url, const Text& why)
{
    return Error::make(errc::kStoreUrl,
                       Text::translate("StoreLocation",
                                       "'%1' is not a job store XMS can use: %2. Write it as "
                                       "postgresql://USER@HOST:PORT/DATABASE (the password is kept in the keychain: "
                                       "'xms store password'), or leave XMS_STORE unset for the local database.")
                           .arg(Text::literal(url))
                           .arg(why)
                           .toString());
}

} // namespace

StoreLocation StoreLocation::sqlite(const QString& path)
{
    StoreLocation l;
    l.path = path;
    return l;
}

Result<StoreLocation> StoreLocation::fromUrl(const QString& text)
{
    const QUrl url(text.trimmed(), QUrl::StrictMode);
    if (!url.isValid() || (url.scheme() != u"postgresql" && url.scheme() != u"postgres"))
        return std::unexpected(badUrl(text, Text::translate("StoreLocation", "it is not a postgresql:// URL")));
    if (!url.password().isEmpty())
        return std::unexpected(badUrl(
            text.section(u':', 0, 1) + QStringLiteral(":***@…"),
            Text::translate("StoreLocation", "it contains a password, which must not be written in a URL")));
    StoreLocation l;
    l.kind = Kind::Postgres;
    l.host = url.host();
    l.port = url.port(5432);
    l.user = url.userName();
    l.database = url.path().mid(1);
    const QUrlQuery query(url);
    const QString socketDir = query.queryItemValue(QStringLiteral("host"), QUrl::FullyDecoded);
    if (!socketDir.isEmpty())
        l.host = socketDir; // libpq's form for a Unix socket directory
    l.sslMode = query.queryItemValue(QStringLiteral("sslmode"));
    if (l.host.isEmpty())
        return std::unexpected(badUrl(text, Text::translate("StoreLocation", "it names no host")));
    if (l.user.isEmpty())
        return std::unexpected(badUrl(text, Text::translate("StoreLocation", "it names no user")));
    if (l.database.isEmpty() || l.database.contains(u'/'))
        return std::unexpected(badUrl(text, Text::translate("StoreLocation", "it names no database")));
    static const QStringList kSslModes {QStringLiteral("disable"),     QStringLiteral("allow"),
                                        QStringLiteral("prefer"),      QStringLiteral("require"),
                                        QStringLiteral("verify-ca"),   QStringLiteral("verify-full")};
    if (!l.sslMode.isEmpty() && !kSslModes.contains(l.sslMode))
        return std::unexpected(
            badUrl(text, Text::translate("StoreLocation", "sslmode must be one of %1")
                             .arg(Text::literal(kSslModes.join(QStringLiteral(", "))))));
    return l;
}

QString StoreLocation::display() const
{
    if (!isPostgres())
        return path;
    const bool socket = host.startsWith(u'/');
    QString url = QStringLiteral("postgresql://%1@%2:%3/%4")
                      .arg(user, socket ? QStringLiteral("localhost") : host)
                      .arg(port)
                      .arg(database);
    QStringList query;
    if (socket)
        query << u"host=" + host;
    if (!sslMode.isEmpty())
        query << u"sslmode=" + sslMode;
    if (!query.isEmpty())
        url += u'?' + query.join(u'&');
    return url;
}

} // namespace xms
