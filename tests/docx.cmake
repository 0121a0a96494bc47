# DOCX against LibreOffice and pandoc (tests/docx_test.py says what is
# compared and why). CI installs both.
external_test(docx-consumers
  PROGRAMS soffice pandoc
  INSTALL "libreoffice-writer-nogui pandoc"
  TIMEOUT 900
  COMMAND ${Python3_EXECUTABLE} ${CMAKE_CURRENT_SOURCE_DIR}/docx_test.py
          $<TARGET_FILE:resc> ${CMAKE_SOURCE_DIR}/samples ${CMAKE_CURRENT_SOURCE_DIR}/vocab
          ${CMAKE_SOURCE_DIR}/samples/corpus)
