#pragma once

#include <QLocale>

class QCoreApplication;

namespace xms {

// Installs XMS's catalogue and Qt's own (button texts) for the locale; false when XMS has none for it
// (English is built in). The translators live as long as the application.
bool installTranslations(QCoreApplication& app, const QLocale& locale = QLocale());

} // namespace xms
