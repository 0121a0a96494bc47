# DOCX against LibreOffice and pandoc (tests/docx_test.py says what is
# compared and why). CI installs both.
external_test(docx-consumers
  PROGRAMS soffice pandoc
  INSTALL "libreoffice-writer-nogui pandoc"
  TIMEOUT 900
  COMMAND ${Python3_EXECUTABLE} ${CMAKE_CURRENT_SOURCE_DIR}/docx_test.py
          $<TARGET_FILE:resc> ${CMAKE_SOURCE_DIR}/samples ${CMAKE_CURRENT_SOURCE_DIR}/vocab
          ${CMAKE_SOURCE_DIR}/samples/corpus ${CMAKE_CURRENT_SOURCE_DIR}/tracked)

# LibreOffice's own Accept All and Reject All, through its UNO API, on the
# marked DOCX of every document with revision marks, and again after
# LibreOffice saved it (tests/uno_tracked_test.py). CI installs python3-uno.
external_test(docx-uno-tracked
  PROGRAMS soffice
  INSTALL "libreoffice-writer-nogui python3-uno"
  TIMEOUT 900
  COMMAND ${Python3_EXECUTABLE} ${CMAKE_CURRENT_SOURCE_DIR}/uno_tracked_test.py
          $<TARGET_FILE:resc> ${CMAKE_SOURCE_DIR}/samples ${CMAKE_SOURCE_DIR}/samples/corpus
          ${CMAKE_CURRENT_SOURCE_DIR}/vocab ${CMAKE_CURRENT_SOURCE_DIR}/accept
          ${CMAKE_CURRENT_SOURCE_DIR}/reject ${CMAKE_CURRENT_SOURCE_DIR}/diff
          ${CMAKE_CURRENT_SOURCE_DIR}/fmt ${CMAKE_CURRENT_SOURCE_DIR}/valid
          ${CMAKE_CURRENT_SOURCE_DIR}/tracked)

# Word's rules, part by part (issue 18): what LibreOffice and pandoc forgive
# and Word does not (tests/docx_word_rules.py lists them). Needs no consumer.
add_test(NAME docx-word-rules
         COMMAND ${Python3_EXECUTABLE} ${CMAKE_CURRENT_SOURCE_DIR}/docx_word_rules.py
                 $<TARGET_FILE:resc> ${CMAKE_SOURCE_DIR}/samples ${CMAKE_CURRENT_SOURCE_DIR}/vocab
                 ${CMAKE_CURRENT_SOURCE_DIR}/valid ${CMAKE_SOURCE_DIR}/samples/corpus
                 ${CMAKE_CURRENT_SOURCE_DIR}/tracked)

# resc compile of the two seed proposals for Resolution 75 (issue 20): the
# DOCX's tracked changes under the two proposals' authors as LibreOffice
# lists them, its Accept All the --merge text, its Reject All the text in force.
external_test(docx-uno-compile
  PROGRAMS soffice
  INSTALL "libreoffice-writer-nogui python3-uno"
  TIMEOUT 600
  COMMAND ${Python3_EXECUTABLE} ${CMAKE_CURRENT_SOURCE_DIR}/uno_compile_test.py
          $<TARGET_FILE:resc> ${CMAKE_SOURCE_DIR}/samples)
