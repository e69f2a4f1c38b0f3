#include "logging.h"

Q_LOGGING_CATEGORY(lcCore, "xms.core", QtInfoMsg)
Q_LOGGING_CATEGORY(lcStore, "xms.core.store", QtInfoMsg)
Q_LOGGING_CATEGORY(lcSecrets, "xms.core.secrets", QtInfoMsg)
Q_LOGGING_CATEGORY(lcVsphere, "xms.core.vsphere", QtInfoMsg)
Q_LOGGING_CATEGORY(lcXloud, "xms.core.xloud", QtInfoMsg)
Q_LOGGING_CATEGORY(lcTransfer, "xms.core.transfer", QtInfoMsg)
Q_LOGGING_CATEGORY(lcGuest, "xms.core.guest", QtInfoMsg)
Q_LOGGING_CATEGORY(lcEngine, "xms.core.engine", QtInfoMsg)
