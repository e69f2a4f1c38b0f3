# One static library per core module. A module's headers are reachable as "<module>/file.h" only by the
# modules that link it: each module exposes ${XMS_MODULE_INCLUDE_ROOT}/<module>, a directory holding just
# one link, <module> → core/<module>. core/ itself is on no include path, so an include of a module that
# is not linked (an upward or sideways include) does not compile. core_layering checks the same table.
set(XMS_MODULE_INCLUDE_ROOT ${PROJECT_BINARY_DIR}/module-include)
set(XMS_WIDGETS_GUARD ${PROJECT_SOURCE_DIR}/core/guard)

# xms_core_module(NAME SOURCES … [USES module …] [PUBLIC_LIBS …] [PRIVATE_LIBS …])
# USES lists the core modules this one may include (the allow table); they are linked PUBLIC because a
# module's headers include theirs.
function(xms_core_module name)
    cmake_parse_arguments(M "" "" "SOURCES;USES;PUBLIC_LIBS;PRIVATE_LIBS" ${ARGN})
    set(target xms_${name})
    set(include_dir ${XMS_MODULE_INCLUDE_ROOT}/${name})
    file(MAKE_DIRECTORY ${include_dir})
    file(CREATE_LINK ${CMAKE_CURRENT_SOURCE_DIR} ${include_dir}/${name} SYMBOLIC)
    add_library(${target} STATIC ${M_SOURCES})
    target_include_directories(${target}
        # The guard comes first so any Qt Widgets/Gui header that reaches core hits an #error (Qt's base
        # include dir would otherwise resolve <QtWidgets/...> even without linking Widgets).
        BEFORE PRIVATE ${XMS_WIDGETS_GUARD}
        PUBLIC ${include_dir})
    set(uses)
    foreach(dep IN LISTS M_USES)
        list(APPEND uses xms_${dep})
    endforeach()
    target_link_libraries(${target}
        PUBLIC Qt6::Core ${uses} ${M_PUBLIC_LIBS}
        PRIVATE xms_build_flags ${M_PRIVATE_LIBS})
    foreach(lib IN LISTS M_PUBLIC_LIBS M_PRIVATE_LIBS)
        if(lib MATCHES "Widgets|Gui")
            message(FATAL_ERROR "core module ${name} must not link Qt Widgets/Gui (found: ${lib})")
        endif()
    endforeach()
    set_property(GLOBAL APPEND PROPERTY XMS_CORE_MODULES ${name})
    set_property(GLOBAL PROPERTY XMS_CORE_MODULE_USES_${name} "${M_USES}")
endfunction()

# Writes the allow table for core_layering: one line per module, "module: used used …".
function(xms_write_module_table file)
    get_property(modules GLOBAL PROPERTY XMS_CORE_MODULES)
    set(text "# Generated from core/*/CMakeLists.txt (xms_core_module USES): what each core module may include.\n")
    foreach(m IN LISTS modules)
        get_property(uses GLOBAL PROPERTY XMS_CORE_MODULE_USES_${m})
        list(JOIN uses " " uses_text)
        string(APPEND text "${m}: ${uses_text}\n")
    endforeach()
    file(WRITE ${file} "${text}")
endfunction()
