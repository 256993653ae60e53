# Compile options shared by every Polder target, through one interface library.
#
# Floating point: no -ffast-math and no FMA contraction, so a given binary computes the same bits on
# every machine and the vector and scalar paths of a loop agree. -fno-math-errno only drops errno;
# -fno-trapping-math lets the compiler evaluate both sides of a select in the span kernels (so their
# loops vectorise) on the assumption, true here, that no floating-point exception is trapped: IEEE
# results are unchanged (no reassociation, no reciprocals; tests/kernels/test_span_kernels.cpp checks
# the vector kernels against the scalar ones bit for bit).

add_library(polder_options INTERFACE)
add_library(polder::options ALIAS polder_options)

target_compile_features(polder_options INTERFACE cxx_std_20)
target_compile_options(polder_options INTERFACE
  -Wall -Wextra -Wpedantic -Wshadow -Wconversion -Wno-sign-conversion -Wnon-virtual-dtor
  -Wold-style-cast -Wcast-align -Woverloaded-virtual -Wdouble-promotion
  -ffp-contract=off -fno-math-errno -fno-trapping-math
  $<$<CONFIG:Release>:-O3>
  $<$<CONFIG:RelWithDebInfo>:-O2>)
if(POLDER_WERROR)
  target_compile_options(polder_options INTERFACE -Werror)
endif()
if(POLDER_NATIVE)
  target_compile_options(polder_options INTERFACE -march=native)
endif()

# Sanitizers (preset debug-asan): every target, and the link of every executable. Errors stop the
# program (-fno-sanitize-recover), so a finding fails the test that met it.
if(POLDER_SANITIZE)
  target_compile_options(polder_options INTERFACE -fsanitize=address,undefined -fno-sanitize-recover=all
                                                  -fno-omit-frame-pointer)
  target_link_options(polder_options INTERFACE -fsanitize=address,undefined)
endif()
# Fuzzing (clang only): the libraries get coverage instrumentation; the fuzz targets in tests/fuzz link
# libFuzzer's main with -fsanitize=fuzzer.
if(POLDER_FUZZ)
  if(NOT CMAKE_CXX_COMPILER_ID STREQUAL "Clang")
    message(FATAL_ERROR "POLDER_FUZZ needs clang (libFuzzer); use the debug-asan preset")
  endif()
  target_compile_options(polder_options INTERFACE -fsanitize=fuzzer-no-link)
endif()
