# Records the version and the git revision in a generated header, so every output file can say
# which code produced it. The revision is refreshed at every build, not only at configure time.

set(POLDER_VERSION_IN  ${CMAKE_CURRENT_LIST_DIR}/version.hpp.in)
set(POLDER_VERSION_OUT ${CMAKE_BINARY_DIR}/generated/polder/version.hpp)

add_custom_target(polder_version_header
  COMMAND ${CMAKE_COMMAND}
          -DSRC_DIR=${CMAKE_SOURCE_DIR} -DIN=${POLDER_VERSION_IN} -DOUT=${POLDER_VERSION_OUT}
          -DPOLDER_VERSION=${PROJECT_VERSION}
          -P ${CMAKE_CURRENT_LIST_DIR}/WriteVersion.cmake
  BYPRODUCTS ${POLDER_VERSION_OUT}
  COMMENT "Recording the git revision")

add_library(polder_version INTERFACE)
add_dependencies(polder_version polder_version_header)
target_include_directories(polder_version INTERFACE ${CMAKE_BINARY_DIR}/generated)
add_library(polder::version ALIAS polder_version)
