# Hardening (issue 5; tests/hostile_test.py says what each test checks):
# hostile input, atomic output, reproducible output, the fuzzer's crash
# reproducers, valgrind memcheck; and, in a -DRESC_SANITIZE=ON build,
# sanitizer options that make any report fail the test that caused it.
set(HOSTILE ${Python3_EXECUTABLE} ${CMAKE_CURRENT_SOURCE_DIR}/hostile_test.py)
set(FUZZ_REGRESSIONS ${CMAKE_CURRENT_SOURCE_DIR}/fuzz-regressions)

add_test(NAME hostile-input COMMAND ${HOSTILE} hostile $<TARGET_FILE:resc> ${SAMPLES})
add_test(NAME atomic-output COMMAND ${HOSTILE} atomic $<TARGET_FILE:resc> ${SAMPLES})
add_test(NAME reproducible-output COMMAND ${HOSTILE} repro $<TARGET_FILE:resc> ${SAMPLES})
add_test(NAME fuzz-regressions
         COMMAND ${HOSTILE} regressions $<TARGET_FILE:resc> ${SAMPLES} ${FUZZ_REGRESSIONS})
set_tests_properties(hostile-input atomic-output reproducible-output fuzz-regressions
                     PROPERTIES TIMEOUT 900)

# Valgrind cannot run a binary built with AddressSanitizer.
if(NOT RESC_SANITIZE AND NOT RESC_FUZZ)
  external_test(valgrind-memcheck
    PROGRAMS valgrind
    INSTALL valgrind
    TIMEOUT 600
    COMMAND ${HOSTILE} valgrind $<TARGET_FILE:resc> ${SAMPLES} ${FUZZ_REGRESSIONS})
endif()

# Sanitizer builds: every test of this directory runs with options that
# turn any report into a failure. ASan and UBSan exit with status 86 (not
# 1, which is resc's "document error" and which the tests expect), stop
# at the first report, and LeakSanitizer is on. No leak suppression is
# needed: resc frees its documents, and main() frees libxml2's and
# libxslt's globals (xsltCleanupGlobals, xmlCleanupParser).
if(RESC_SANITIZE OR RESC_FUZZ)
  set(san_env
      "ASAN_OPTIONS=halt_on_error=1:detect_leaks=1:exitcode=86:strict_string_checks=1:detect_stack_use_after_return=1"
      "UBSAN_OPTIONS=print_stacktrace=1:halt_on_error=1:exitcode=86")
  get_property(all_tests DIRECTORY PROPERTY TESTS)
  foreach(t ${all_tests})
    set_property(TEST ${t} APPEND PROPERTY ENVIRONMENT ${san_env})
  endforeach()
endif()

# Hardening, second round (issue 13): tests/hostile_round2.py. The shim is
# a test double for fork() and write() loaded with LD_PRELOAD (it cannot
# be preloaded into a sanitizer build, whose runtime must come first).
add_library(hostile_shim MODULE ${CMAKE_CURRENT_SOURCE_DIR}/hostile_shim.c)
target_link_libraries(hostile_shim PRIVATE ${CMAKE_DL_LIBS})
set(ROUND2 ${Python3_EXECUTABLE} ${CMAKE_CURRENT_SOURCE_DIR}/hostile_round2.py)
foreach(mode outputs stdout signals oom names memory)
  add_test(NAME hostile2-${mode} COMMAND ${ROUND2} ${mode} $<TARGET_FILE:resc> ${SAMPLES})
endforeach()
add_test(NAME hostile2-batch
         COMMAND ${ROUND2} batch $<TARGET_FILE:resc> ${SAMPLES} $<TARGET_FILE:hostile_shim>)
set_tests_properties(hostile2-outputs hostile2-stdout hostile2-signals hostile2-oom hostile2-names
                     hostile2-memory hostile2-batch PROPERTIES TIMEOUT 300)
external_test(hostile2-labels
  PROGRAMS fop
  INSTALL fop fonts-liberation
  TIMEOUT 300
  COMMAND ${ROUND2} labels $<TARGET_FILE:resc> ${SAMPLES})
