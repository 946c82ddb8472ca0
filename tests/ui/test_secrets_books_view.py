"""pytest-qt: the secret books on screen — transfer book, copy book, holdings per person, the
year's statistics — filtered by clearance, printed from the view, on the real encrypted store."""
import datetime as dt
import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "secrets"))
from secret_helpers import ADMIN, PASSWORD, incoming  # noqa: E402

from tests.ui.test_secrets_dialogs import sstore  # noqa: E402,F401  (the fixture)

TODAY = dt.date.today()


def _register(sstore, level, symbol):
    from app.secrets import books

    with sstore.Session.begin() as s:
        return books.register(s, "secret_incoming", incoming(
            level=level, number_symbol=symbol, received_at=dt.datetime(TODAY.year, 1, 5, 9, 0),
            doc_date=dt.date(TODAY.year, 1, 2)))


def _rows(table):
    return [[table.item(r, c).text() for c in range(table.columnCount())] for r in range(table.rowCount())]


def test_books_view_lists_transfers_copies_holdings_and_counts_within_clearance(qtbot, sstore, state_store,
                                                                                 tmp_path):
    from pypdf import PdfReader

    from app.secrets import copies, transfer
    from app.secrets.airgap import fake_probe
    from app.secrets.store import act_as
    from app.security.actor import Actor
    from ui.secrets.books_dialog import SecretBooksDialog
    from ui.secrets.panel import SecretPanel

    act_as(sstore, ADMIN)
    low, high = _register(sstore, "Mật", "5/BCA"), _register(sstore, "Tối mật", "6/BCA")
    with sstore.Session.begin() as s:
        copies.add_authoriser(s, "Giám đốc Sở", "Giám đốc", "Tuyệt mật", max_copies=5)
        transfer.hand_over(s, low.id, "Nguyễn Văn Hưu", 1, unit="Phòng Tổ chức")
        transfer.hand_over(s, high.id, "Lê Thị Mai", 1)
        copies.make_copies(s, high.id, authorised_by="Giám đốc Sở", copies=2, form="sao-y")

    d = SecretBooksDialog(sstore)
    qtbot.addWidget(d)
    assert [r[4] for r in _rows(d.transfer)] == ["Nguyễn Văn Hưu", "Lê Thị Mai"]
    assert [r[2:5] for r in _rows(d.copies)] == [["Tối mật", "Sao y", "2"]]
    assert _rows(d.stats)[-1] == ["Cộng", "2", "0"]
    d.person.setText("nguyen van huu")  # typed without tone marks, as the search does
    assert [r[0] for r in _rows(d.held)] == ["Nguyễn Văn Hưu"]

    act_as(sstore, Actor("canbo", "van-thu", "mat"))  # cleared for Mật only
    d.person.clear()
    assert [r[2] for r in _rows(d.transfer)] == ["Mật"] and _rows(d.copies) == []
    assert [r[0] for r in _rows(d.stats)] == ["Mật", "Cộng"] and _rows(d.stats)[-1][1] == "1"
    assert "Lê Thị Mai" not in str(_rows(d.held))

    act_as(sstore, ADMIN)
    sstore.close()
    panel = SecretPanel(state_store.data_dir, ADMIN, fake_probe())
    qtbot.addWidget(panel)
    panel.unlock(PASSWORD)
    shown = SecretBooksDialog(panel.sstore, panel)
    qtbot.addWidget(shown)
    shown.tabs.setCurrentIndex(2)
    assert not shown.print_button.isEnabled()  # holdings are printed as the recall minutes
    shown.tabs.setCurrentIndex(0)
    out = tmp_path / "so-chuyen-giao.pdf"
    assert shown.print_current(str(out))["pages"] >= 1
    text = "".join(p.extract_text() for p in PdfReader(out).pages)
    assert "CHUYỂN GIAO" in text.upper() and "Nguyễn Văn Hưu" in text and "Lê Thị Mai" in text
    panel.sstore.close()
