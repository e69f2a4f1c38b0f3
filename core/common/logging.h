#pragma once

#include <QLoggingCategory>

// One category per module; default level is info (debug via QT_LOGGING_RULES="xms.*.debug=true").
Q_DECLARE_LOGGING_CATEGORY(lcCore)
Q_DECLARE_LOGGING_CATEGORY(lcStore)
Q_DECLARE_LOGGING_CATEGORY(lcSecrets)
Q_DECLARE_LOGGING_CATEGORY(lcVsphere)
Q_DECLARE_LOGGING_CATEGORY(lcXloud)
Q_DECLARE_LOGGING_CATEGORY(lcTransfer)
Q_DECLARE_LOGGING_CATEGORY(lcGuest)
Q_DECLARE_LOGGING_CATEGORY(lcEngine)
