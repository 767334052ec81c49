# sitrep_add_stage(NAME SOURCES a.cpp ... DEPS other_stage ... LIBS target ...)
# Creates the static library sitrep_NAME. Headers are included as
# "NAME/header.h" from the src/ folder.
function(sitrep_add_stage name)
  cmake_parse_arguments(ARG "" "" "SOURCES;DEPS;LIBS" ${ARGN})
  add_library(sitrep_${name} STATIC ${ARG_SOURCES})
  target_include_directories(sitrep_${name} PUBLIC ${PROJECT_SOURCE_DIR}/src)
  target_link_libraries(sitrep_${name} PRIVATE sitrep_flags)
  foreach(dep IN LISTS ARG_DEPS)
    target_link_libraries(sitrep_${name} PUBLIC sitrep_${dep})
  endforeach()
  if(ARG_LIBS)
    target_link_libraries(sitrep_${name} PUBLIC ${ARG_LIBS})
  endif()
endfunction()

# sitrep_add_test(NAME SOURCES a_test.cpp ... DEPS stage ... [PROPERTIES k v ...])
# One GoogleTest executable; each TEST becomes a ctest entry. Tests find the
# source tree (samples/, data/) through SITREP_SOURCE_DIR and the built CLI
# through SITREP_BINARY.
function(sitrep_add_test name)
  cmake_parse_arguments(ARG "" "" "SOURCES;DEPS;LIBS;PROPERTIES" ${ARGN})
  add_executable(${name} ${ARG_SOURCES})
  target_link_libraries(${name} PRIVATE sitrep_flags GTest::gtest GTest::gtest_main)
  foreach(dep IN LISTS ARG_DEPS)
    target_link_libraries(${name} PRIVATE sitrep_${dep})
  endforeach()
  if(ARG_LIBS)
    target_link_libraries(${name} PRIVATE ${ARG_LIBS})
  endif()
  target_include_directories(${name} PRIVATE ${PROJECT_SOURCE_DIR}/src ${PROJECT_SOURCE_DIR}/tests)
  target_compile_definitions(${name} PRIVATE
    SITREP_SOURCE_DIR="${PROJECT_SOURCE_DIR}"
    SITREP_BINARY="$<TARGET_FILE:sitrep>"
    SITREP_SHARED_DIR="${PROJECT_SOURCE_DIR}/../shared")
  add_dependencies(${name} sitrep)
  gtest_discover_tests(${name} DISCOVERY_TIMEOUT 60 PROPERTIES TIMEOUT 600 ${ARG_PROPERTIES})
endfunction()
