// Every Qt Widgets header includes this one first. This copy sits ahead of Qt's on xms_core's private
// include path, so a Widgets include anywhere in core stops the build here (Qt's base include directory
// would otherwise resolve <QtWidgets/...> even though core never links Widgets).
#pragma once
#error "core must not use Qt Widgets: move this code to ui/ (core <- ui <- app)"
