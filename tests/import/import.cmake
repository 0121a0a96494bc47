# resc import (issue 11): tests/import/import_test.py says what each mode
# checks. Fixtures are NAME.docx made by make_fixtures.py, with the text
# expected in each view (NAME.VIEW.txt) and the [import] diagnostics
# (NAME.expected).
set(IMPORT_TEST ${Python3_EXECUTABLE} ${CMAKE_CURRENT_SOURCE_DIR}/import/import_test.py)
add_test(NAME import-fixtures
         COMMAND ${IMPORT_TEST} fixtures $<TARGET_FILE:resc> ${CMAKE_CURRENT_SOURCE_DIR}/import)
# Every sample (samples/ and samples/corpus/) and every valid test
# document, the vocabulary's v2 ones included.
file(GLOB import_vocab CONFIGURE_DEPENDS ${CMAKE_CURRENT_SOURCE_DIR}/vocab/*.xml)
add_test(NAME import-roundtrip
         COMMAND ${IMPORT_TEST} roundtrip $<TARGET_FILE:resc> ${SAMPLES} ${SAMPLES}/corpus
                 ${CMAKE_CURRENT_SOURCE_DIR}/invalid ${CMAKE_CURRENT_SOURCE_DIR}/valid
                 ${CMAKE_CURRENT_SOURCE_DIR}/fuzz-regressions ${import_vocab})
add_test(NAME import-hostile COMMAND ${IMPORT_TEST} hostile $<TARGET_FILE:resc>)
# resc diff OLD NEW with Word files (issue 12): every sample, its views
add_test(NAME import-diff COMMAND ${IMPORT_TEST} diff $<TARGET_FILE:resc> ${SAMPLES}
                                  ${SAMPLES}/corpus ${import_vocab})
set_tests_properties(import-fixtures import-roundtrip import-hostile import-diff PROPERTIES TIMEOUT 600)
external_test(import-libreoffice
  PROGRAMS soffice
  INSTALL libreoffice-writer-nogui
  TIMEOUT 1200
  COMMAND ${IMPORT_TEST} libreoffice $<TARGET_FILE:resc> ${SAMPLES}
          ${CMAKE_CURRENT_SOURCE_DIR}/vocab)
external_test(import-pandoc
  PROGRAMS pandoc
  INSTALL pandoc
  TIMEOUT 300
  COMMAND ${IMPORT_TEST} pandoc $<TARGET_FILE:resc> ${CMAKE_CURRENT_SOURCE_DIR}/import)
