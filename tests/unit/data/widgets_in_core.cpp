// Compiled with a core module's include path by the core_rejects_widgets test: it must fail with the guard's
// message. If it ever compiles, core has lost its protection against Qt Widgets.
#include <QtWidgets/QWidget>
