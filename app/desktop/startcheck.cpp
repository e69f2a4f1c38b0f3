#include "startcheck.h"

#include <QApplication>
#include <QElapsedTimer>
#include <QTimer>
#include <QWidget>
#include <QWindow>
#include <cstdio>

namespace xms {

void quitOnceShown(QWidget* window)
{
    auto* poll = new QTimer(window);
    auto* clock = new QElapsedTimer;
    clock->start();
    QObject::connect(poll, &QTimer::timeout, window, [window, poll, clock] {
        const bool exposed = window->windowHandle() && window->windowHandle()->isExposed();
        if (!exposed && clock->elapsed() < 20000)
            return;
        poll->stop();
        delete clock;
        if (!exposed) {
            std::fprintf(stderr, "xms-desktop: the main window was not shown within 20 s\n");
            return QApplication::exit(1);
        }
        std::printf("window: %s\n", qUtf8Printable(window->windowTitle()));
        for (QWidget* w : QApplication::topLevelWidgets())
            if (w != window && w->isVisible())
                std::printf("window: %s\n", qUtf8Printable(w->windowTitle()));
        std::fflush(stdout);
        QApplication::exit(0);
    });
    poll->start(50);
}

} // namespace xms
