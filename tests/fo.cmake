# XSL-FO and PDF (issue 4); included by tests/CMakeLists.txt.

# The FO of every sample in every view is well-formed XSL-FO; without FOP,
# `-t pdf` says what to install. Needs no FOP.
add_test(NAME fo-wellformed
         COMMAND ${Python3_EXECUTABLE} ${CMAKE_CURRENT_SOURCE_DIR}/fo_test.py fo
                 $<TARGET_FILE:resc> ${CMAKE_SOURCE_DIR}/samples
                 ${CMAKE_CURRENT_SOURCE_DIR}/vocab ${CMAKE_SOURCE_DIR}/samples/corpus
                 ${CMAKE_CURRENT_SOURCE_DIR}/valid/action-symbols.xml)

# Every sample in the amended and the marked view renders through FOP with
# no warning, and the PDF's text has the words of the text view. One script
# for all samples: it runs FOP (a JVM start each time) a few at once.
external_test(fo-pdf
  PROGRAMS fop pdftotext
  INSTALL "fop fonts-liberation poppler-utils"
  TIMEOUT 900
  COMMAND ${Python3_EXECUTABLE} ${CMAKE_CURRENT_SOURCE_DIR}/fo_test.py pdf
          $<TARGET_FILE:resc> ${CMAKE_SOURCE_DIR}/samples ${CMAKE_CURRENT_SOURCE_DIR}/vocab
          ${CMAKE_SOURCE_DIR}/samples/corpus ${CMAKE_CURRENT_SOURCE_DIR}/valid/action-symbols.xml)

# One layout in both formats (docs/house-style.md): every sample's DOCX
# printed by LibreOffice and its PDF from FOP have as many pages, and the
# same left edges of labels and text on the first two pages
# (tests/layout_test.py).
external_test(layout-docx-pdf
  PROGRAMS soffice fop pdftotext
  INSTALL "libreoffice-writer-nogui fop fonts-liberation poppler-utils"
  TIMEOUT 900
  COMMAND ${Python3_EXECUTABLE} ${CMAKE_CURRENT_SOURCE_DIR}/layout_test.py
          $<TARGET_FILE:resc> ${CMAKE_SOURCE_DIR}/samples)

# The marked view shows its marks (issue 18): the FO underlines and strikes
# through exactly the words the text view marks, each with a change bar;
# through FOP, the PDF draws them (tests/marks_visible.py says how it reads
# a PDF's drawing). Two seeds for the PDF: a FOP run is seconds.
add_test(NAME marks-visible-fo
         COMMAND ${Python3_EXECUTABLE} ${CMAKE_CURRENT_SOURCE_DIR}/marks_visible.py fo
                 $<TARGET_FILE:resc> ${CMAKE_SOURCE_DIR}/samples ${CMAKE_CURRENT_SOURCE_DIR}/vocab
                 ${CMAKE_CURRENT_SOURCE_DIR}/valid ${CMAKE_SOURCE_DIR}/samples/corpus)
external_test(marks-visible-pdf
  PROGRAMS fop pdftocairo pdftotext
  INSTALL "fop fonts-liberation poppler-utils"
  TIMEOUT 600
  COMMAND ${Python3_EXECUTABLE} ${CMAKE_CURRENT_SOURCE_DIR}/marks_visible.py pdf
          $<TARGET_FILE:resc> ${CMAKE_SOURCE_DIR}/samples/res75-atu.xml
          ${CMAKE_SOURCE_DIR}/samples/res75-2.xml)
