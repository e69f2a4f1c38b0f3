#include "i18n.h"

#include <QCoreApplication>
#include <QLibraryInfo>
#include <QTranslator>

namespace xms {

bool installTranslations(QCoreApplication& app, const QLocale& locale)
{
    auto* qt = new QTranslator(&app);
    if (qt->load(locale, QStringLiteral("qtbase"), QStringLiteral("_"),
                 QLibraryInfo::path(QLibraryInfo::TranslationsPath)))
        QCoreApplication::installTranslator(qt);
    // The installed catalogue (<prefix>/share/xms-desktop/translations, beside bin/) first, so an updated
    // translation applies without a rebuild; the one built into the program otherwise.
    auto* ours = new QTranslator(&app);
    const QString installed = QCoreApplication::applicationDirPath() + u"/../share/xms-desktop/translations";
    if (!ours->load(locale, QStringLiteral("xms"), QStringLiteral("_"), installed)
        && !ours->load(locale, QStringLiteral("xms"), QStringLiteral("_"), QStringLiteral(":/i18n")))
        return false;
    QCoreApplication::installTranslator(ours);
    return true;
}

} // namespace xms
