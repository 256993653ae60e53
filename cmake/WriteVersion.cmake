# Script mode: writes the version header, touching it only when the content changes.
execute_process(COMMAND git -C ${SRC_DIR} describe --always --dirty --abbrev=12
                OUTPUT_VARIABLE POLDER_GIT_REVISION OUTPUT_STRIP_TRAILING_WHITESPACE
                RESULT_VARIABLE rc ERROR_QUIET)
if(NOT rc EQUAL 0 OR POLDER_GIT_REVISION STREQUAL "")
  set(POLDER_GIT_REVISION "unknown")
endif()
configure_file(${IN} ${OUT}.tmp @ONLY)
file(COPY_FILE ${OUT}.tmp ${OUT} ONLY_IF_DIFFERENT)
file(REMOVE ${OUT}.tmp)
