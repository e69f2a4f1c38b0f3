# xms_add_qtest(NAME SOURCES a.cpp … LIBS … LABELS unit|gui|lab [TIMEOUT s] [ENV K=V …] [WRAPPER cmd]
#               [RESOURCE_LOCK name]) — WRAPPER runs the test through e.g. tests/with-keyring.
# One Qt Test class per executable; lab tests get the lab fixture and the lab's environment.
function(xms_add_qtest name)
    cmake_parse_arguments(T "" "TIMEOUT;WRAPPER" "SOURCES;LIBS;LABELS;ENV;RESOURCE_LOCK" ${ARGN})
    add_executable(${name} ${T_SOURCES})
    target_link_libraries(${name} PRIVATE xms_testutil Qt6::Test xms_build_flags ${T_LIBS})
    target_compile_definitions(${name} PRIVATE XMS_SOURCE_DIR="${PROJECT_SOURCE_DIR}")
    if("lab" IN_LIST T_LABELS)
        add_test(NAME ${name} COMMAND ${PROJECT_SOURCE_DIR}/tests/lab/with-lab ${T_WRAPPER} $<TARGET_FILE:${name}>)
        set_tests_properties(${name} PROPERTIES FIXTURES_REQUIRED lab)
    else()
        add_test(NAME ${name} COMMAND ${T_WRAPPER} $<TARGET_FILE:${name}>)
    endif()
    set(env "XMS_HOME=${CMAKE_CURRENT_BINARY_DIR}/home-${name}" ${T_ENV})
    if("gui" IN_LIST T_LABELS)
        list(APPEND env QT_QPA_PLATFORM=offscreen)
    endif()
    set_tests_properties(${name} PROPERTIES LABELS "${T_LABELS}" ENVIRONMENT "${env}")
    if(T_TIMEOUT)
        set_tests_properties(${name} PROPERTIES TIMEOUT ${T_TIMEOUT})
    endif()
    if(T_RESOURCE_LOCK)
        set_tests_properties(${name} PROPERTIES RESOURCE_LOCK "${T_RESOURCE_LOCK}")
    endif()
endfunction()

# xms_add_lab_script(NAME COMMAND …): a script-based lab test (pyVmomi, the openstack CLI …).
function(xms_add_lab_script name)
    cmake_parse_arguments(T "" "TIMEOUT" "COMMAND;RESOURCE_LOCK" ${ARGN})
    add_test(NAME ${name} COMMAND ${PROJECT_SOURCE_DIR}/tests/lab/with-lab ${T_COMMAND})
    set_tests_properties(${name} PROPERTIES LABELS lab FIXTURES_REQUIRED lab)
    if(T_TIMEOUT)
        set_tests_properties(${name} PROPERTIES TIMEOUT ${T_TIMEOUT})
    endif()
    if(T_RESOURCE_LOCK)
        set_tests_properties(${name} PROPERTIES RESOURCE_LOCK "${T_RESOURCE_LOCK}")
    endif()
endfunction()

# xms_add_postgres_variant(NAME): runs the Qt test NAME once more as NAME_pg against the lab's PostgreSQL
# (XMS_TEST_STORE=postgresql; tests/common/teststore.h) — the store's suite runs on both backends.
function(xms_add_postgres_variant name)
    add_test(NAME ${name}_pg COMMAND ${PROJECT_SOURCE_DIR}/tests/lab/with-lab $<TARGET_FILE:${name}>)
    set_tests_properties(${name}_pg PROPERTIES LABELS lab FIXTURES_REQUIRED lab
        ENVIRONMENT "XMS_HOME=${CMAKE_CURRENT_BINARY_DIR}/home-${name}_pg;XMS_TEST_STORE=postgresql")
endfunction()
