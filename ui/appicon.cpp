#include "appicon.h"

namespace xms::ui {

QIcon appIcon()
{
    QIcon builtIn;
    for (int size : {16, 22, 24, 32, 48, 64, 128, 256, 512})
        builtIn.addFile(QStringLiteral(":/icons/xms-%1.png").arg(size), QSize(size, size));
    return QIcon::fromTheme(QStringLiteral(XMS_APP_ID), builtIn);
}

} // namespace xms::ui
