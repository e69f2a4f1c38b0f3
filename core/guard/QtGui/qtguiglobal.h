// Same guard as QtWidgets/qtwidgetsglobal.h: core has no GUI types at all.
#pragma once
#error "core must not use Qt Gui: move this code to ui/ (core <- ui <- app)"
