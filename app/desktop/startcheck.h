#pragma once

class QWidget;

namespace xms {

// For `xms-desktop --check-start`: once `window` is exposed on the screen, prints the title of every visible
// window (the main window first) and quits with 0; quits with 1 when it is not shown within 20 s. Proves an
// installation starts for real (its Qt plugins, the store), also offscreen.
void quitOnceShown(QWidget* window);

} // namespace xms
