"""Work files (hồ sơ) in the window.

  install.py          the "Hồ sơ" tab, the "&Hồ sơ" menu, the register's multi-select and column
                      hook, the deposit-due warning and the suggestion after a new registration
  hoso_tab.py         the year's files with state and counts; the selected file's documents
  models.py           table models of files and of one file's documents
  filing_dialog.py    put the register's selected entries into a file (suggestions first)
  pick_entries.py     add documents from a file's own view (search the registers)
  new_hoso_dialog.py  open a file, in the plan or outside it
  close_dialog.py     close a file (dates, pages, retention checked); reopen with a reason
  handover_dialog.py  a period's closed files → the BagIt package and its papers
  jobs.py             what runs on a worker (printed forms to a temporary PDF)
"""
