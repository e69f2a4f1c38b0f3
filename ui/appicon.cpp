#include "appicon.h"

// The icons are compiled into this static library, whose resources register only when something calls
// their initializer (the linker drops an unreferenced one). Outside a namespace, as Q_INIT_RESOURCE wants.
static void initIconResources()
{
    Q_INIT_RESOURCE(resources);
}

namespace xms::ui {

QIcon appIcon()
{
    initIconResources();
    QIcon builtIn;
    for (int size : {16, 22, 24, 32, 48, 64, 128, 256, 512})
        builtIn.addFile(QStringLiteral(":/icons/xms-%1.png").arg(size), QSize(size, size));
    return QIcon::fromTheme(QStringLiteral(XMS_APP_ID), builtIn);
}

} // namespace xms::ui
