"""Printing in the program: the "In sổ" dialog, the PDF preview, saving and printing.

  jobs.py            what runs on a worker (build a book or a phiếu to a temporary PDF)
  print_dialog.py    choose the book, the range, the paper and Quyển số
  preview_dialog.py  the built PDF shown with QtPdf; "Lưu PDF…" and "In…"
  printer.py         PDF pages → QPrinter, on a worker, page by page
  actions.py         the menu entries, installed by MainWindow

Recording: app.printing.service records a print when the PDF is *built* (so the preview of a
secret book is already an audited event). "Lưu PDF…" and "In…" copy or print that same build
and add no second record: one build, one record, whatever the clerk then does with it.
"""
