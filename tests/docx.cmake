# DOCX against LibreOffice and pandoc (tests/docx_test.py says what is
# compared and why). CI installs both; without them the test is skipped
# with a message rather than silently passing.
find_program(SOFFICE soffice)
find_program(PANDOC pandoc)
if(SOFFICE AND PANDOC)
  add_test(NAME docx-consumers
           COMMAND ${Python3_EXECUTABLE} ${CMAKE_CURRENT_SOURCE_DIR}/docx_test.py
                   $<TARGET_FILE:resc> ${CMAKE_SOURCE_DIR}/samples)
  set_tests_properties(docx-consumers PROPERTIES TIMEOUT 900)
else()
  message(WARNING "soffice or pandoc not found: the DOCX consumer tests are not registered "
                  "(apt-get install libreoffice-writer-nogui pandoc)")
endif()
