"""Work files (hồ sơ) and the handover to the agency archive (domain.md §4).

  rules.py     retention values, periods, states, Roman numerals
  views.py     frozen values for the window and the command line
  plan.py      the year's file plan: headings and hồ sơ, copied from last year
  filing.py    documents in and out of a file; which files hold an entry
  suggest.py   the likely file of a new entry, from how similar entries were filed
  closing.py   close (dates, pages, retention checked) and reopen with a reason
  handover.py  batches of a period, deposit-due warnings
  metadata.py  NĐ 30 Phụ lục VI metadata as XML and CSV
  package.py   the BagIt package (bagit-python), written then re-checked
  verify.py    the numbered checks of a package, folder or zip
  forms.py     data of the printed forms (file plan, mục lục, biên bản)
"""
