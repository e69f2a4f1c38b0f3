#include "common/version.h"
#include "i18n.h"
#include "mainwindow.h"

#include <QApplication>

int main(int argc, char* argv[])
{
    QApplication app(argc, argv);
    QApplication::setApplicationName(QStringLiteral("xms-desktop"));
    QApplication::setApplicationDisplayName(QStringLiteral("XMS Desktop"));
    QApplication::setApplicationVersion(xms::versionString());
    QApplication::setOrganizationName(QStringLiteral("Xloud"));
    QApplication::setWindowIcon(QIcon(QStringLiteral(":/icons/xms.svg")));

    // Our strings and Qt's own buttons, in the user's language when we have it.
    xms::installTranslations(app);

    xms::ui::MainWindow window;
    window.show();
    return QApplication::exec();
}
