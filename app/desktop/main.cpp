#include "appicon.h"
#include "common/version.h"
#include "i18n.h"
#include "mainwindow.h"
#include "startcheck.h"

#include <QApplication>
#include <QCommandLineParser>
#include <QTimer>
#include <cstring>

namespace {

const QCommandLineOption kNewMigration(QStringLiteral("new-migration"),
                                       QStringLiteral("Open the New Migration wizard at start."));
const QCommandLineOption kCheckStart(QStringLiteral("check-start"),
                                     QStringLiteral("Print the title of each window once shown, then exit (0 when the "
                                                    "main window was shown): checks an installation."));

void describe(QCoreApplication& app, QCommandLineParser& parser)
{
    app.setApplicationName(QStringLiteral("xms-desktop"));
    app.setApplicationVersion(xms::versionString());
    app.setOrganizationName(QStringLiteral("Xloud"));
    parser.setApplicationDescription(QStringLiteral("Cold-migrate VMware vSphere VMs into Xloud (desktop app)."));
    parser.addHelpOption();
    parser.addVersionOption();
    parser.addOptions({kNewMigration, kCheckStart});
}

// --help and --version need no display, so they are answered before a GUI application exists.
bool asksHelpOrVersion(int argc, char* argv[])
{
    for (int i = 1; i < argc; ++i)
        for (const char* flag : {"-h", "--help", "-v", "--version", "--help-all"})
            if (std::strcmp(argv[i], flag) == 0)
                return true;
    return false;
}

} // namespace

int main(int argc, char* argv[])
{
    if (asksHelpOrVersion(argc, argv)) {
        QCoreApplication app(argc, argv);
        QCommandLineParser parser;
        describe(app, parser);
        parser.process(app); // prints and exits
        return 0;
    }

    QApplication app(argc, argv);
    QCommandLineParser parser;
    describe(app, parser);
    QApplication::setApplicationDisplayName(QStringLiteral("XMS Desktop"));
    // The desktop file's name: Wayland compositors match the window to its icon and entry by it.
    QApplication::setDesktopFileName(QStringLiteral(XMS_APP_ID));
    QApplication::setWindowIcon(xms::ui::appIcon());
    // Our strings and Qt's own buttons, in the user's language when we have it.
    xms::installTranslations(app);
    parser.process(app);

    xms::ui::MainWindow window;
    window.show();
    if (parser.isSet(kNewMigration))
        QTimer::singleShot(0, &window, &xms::ui::MainWindow::openNewMigration);
    if (parser.isSet(kCheckStart))
        xms::quitOnceShown(&window);
    return QApplication::exec();
}
