# DOCX against LibreOffice and pandoc (tests/docx_test.py says what is
# compared and why). CI installs both.
external_test(docx-consumers
  PROGRAMS soffice pandoc
  INSTALL "libreoffice-writer-nogui pandoc"
  TIMEOUT 900
  COMMAND ${Python3_EXECUTABLE} ${CMAKE_CURRENT_SOURCE_DIR}/docx_test.py
          $<TARGET_FILE:resc> ${CMAKE_SOURCE_DIR}/samples ${CMAKE_CURRENT_SOURCE_DIR}/vocab
          ${CMAKE_SOURCE_DIR}/samples/corpus)

# Word's rules, part by part (issue 18): what LibreOffice and pandoc forgive
# and Word does not (tests/docx_word_rules.py lists them). Needs no consumer.
add_test(NAME docx-word-rules
         COMMAND ${Python3_EXECUTABLE} ${CMAKE_CURRENT_SOURCE_DIR}/docx_word_rules.py
                 $<TARGET_FILE:resc> ${CMAKE_SOURCE_DIR}/samples ${CMAKE_CURRENT_SOURCE_DIR}/vocab
                 ${CMAKE_CURRENT_SOURCE_DIR}/valid ${CMAKE_SOURCE_DIR}/samples/corpus)
