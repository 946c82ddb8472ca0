"""The Excel import dialog, offscreen: mapping guessed, dry-run table row by row, import."""
import datetime as dt

from app.registers import query
from tests.tracking.sheets import default_rows, messy_register


def test_import_dialog_dry_run_then_import(runner, state_store, qtbot, tmp_path):
    from ui.tracking.import_dialog import ImportDialog

    rows = default_rows()
    rows[4][2] = "31/02/2024"
    path = messy_register(tmp_path / "so.xlsx", rows)
    dialog = ImportDialog(runner)
    qtbot.addWidget(dialog)
    dialog.open_file(path)
    qtbot.waitUntil(lambda: dialog.dry_button.isEnabled(), timeout=10000)
    assert dialog.sheet.currentText() == "Sổ đến 2024" and dialog.header_row.value() == 4
    assert dialog.current_mapping()[1] == "number" and dialog.current_mapping()[2] == "received_at"

    dialog.dry_run()
    qtbot.waitUntil(lambda: dialog.plan is not None, timeout=10000)
    model = dialog.results
    shown = [(model.index(r, 0).data(), model.index(r, 1).data()) for r in range(model.rowCount())]
    assert shown == [("5", "Bỏ qua"), ("6", "Sẽ đăng ký"), ("7", "Sẽ đăng ký"), ("8", "Bỏ qua"),
                     ("9", "Bỏ qua"), ("10", "Từ chối"), ("11", "Sẽ đăng ký")]
    assert "C10" in model.index(5, 6).data() and not dialog.import_button.isEnabled()
    assert "không có dòng nào được đăng ký" in dialog.error.text().lower() or dialog.error.text()
    dialog.only_refused.setChecked(True)
    assert model.rowCount() == 1

    rows[4][2] = "05/03/2024"
    messy_register(path, rows)
    dialog.dry_run()
    qtbot.waitUntil(lambda: dialog.import_button.isEnabled(), timeout=10000)
    dialog.run_import()
    qtbot.waitUntil(lambda: "Đã đăng ký 4" in dialog.summary.text(), timeout=10000)
    with state_store.Session() as s:
        entries = query.rows(s, query.ids(s, query.Filter("incoming", descending=False)))
    assert [e.number for e in entries] == [1, 2, 3, 4]
    assert entries[2].received_at == dt.datetime(2024, 3, 5)
    assert list(tmp_path.glob("so - bao cao nhap *.xlsx"))


def test_import_dialog_says_why_a_file_cannot_be_read(runner, qtbot, tmp_path):
    from ui.tracking.import_dialog import ImportDialog

    old = tmp_path / "so.xls"
    old.write_bytes(b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + b"\0" * 64)
    dialog = ImportDialog(runner)
    qtbot.addWidget(dialog)
    dialog.open_file(old)
    qtbot.waitUntil(lambda: ".xlsx" in dialog.error.text(), timeout=10000)
    assert not dialog.dry_button.isEnabled()
