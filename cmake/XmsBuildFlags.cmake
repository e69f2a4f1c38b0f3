# One INTERFACE target carries every warning and Qt safety define; all project targets link it.
add_library(xms_build_flags INTERFACE)
target_compile_options(xms_build_flags INTERFACE
    -Wall -Wextra -Wpedantic -Wold-style-cast -Wnon-virtual-dtor -Woverloaded-virtual -Wshadow
    $<$<BOOL:${XMS_WERROR}>:-Werror>)
target_compile_definitions(xms_build_flags INTERFACE
    QT_NO_CAST_FROM_ASCII
    QT_NO_CAST_TO_ASCII
    QT_NO_CONTEXTLESS_CONNECT
    QT_NO_URL_CAST_FROM_STRING
    QT_NO_NARROWING_CONVERSIONS_IN_CONNECT
    QT_USE_QSTRINGBUILDER
    QT_DISABLE_DEPRECATED_UP_TO=0x060400
    XMS_VERSION="${PROJECT_VERSION}")
