#include "common/version.h"
#include "mainwindow.h"

#include <QApplication>
#include <QLibraryInfo>
#include <QLocale>
#include <QTranslator>

int main(int argc, char* argv[])
{
    QApplication app(argc, argv);
    QApplication::setApplicationName(QStringLiteral("xms-desktop"));
    QApplication::setApplicationDisplayName(QStringLiteral("XMS Desktop"));
    QApplication::setApplicationVersion(xms::versionString());
    QApplication::setOrganizationName(QStringLiteral("Xloud"));
    QApplication::setWindowIcon(QIcon(QStringLiteral(":/icons/xms.svg")));

    // Our strings and Qt's own buttons, in the user's language when we have it.
    QTranslator qtTranslator;
    if (qtTranslator.load(QLocale(), QStringLiteral("qtbase"), QStringLiteral("_"),
                          QLibraryInfo::path(QLibraryInfo::TranslationsPath)))
        QApplication::installTranslator(&qtTranslator);
    QTranslator translator;
    if (translator.load(QLocale(), QStringLiteral("xms"), QStringLiteral("_"), QStringLiteral(":/i18n")))
        QApplication::installTranslator(&translator);

    xms::ui::MainWindow window;
    window.show();
    return QApplication::exec();
}
