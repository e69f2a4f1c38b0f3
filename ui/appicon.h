#pragma once

#include <QIcon>

namespace xms::ui {

// The app's icon: the installed theme icon (hicolor, named by the app id) when the desktop has one, else the
// PNGs built into the program. PNG, not the SVG: Qt renders SVG only with the Qt SVG plugin installed.
QIcon appIcon();

} // namespace xms::ui
