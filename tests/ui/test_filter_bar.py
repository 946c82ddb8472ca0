"""Issue 9, finding 14: the date and issuer filters act when typed; the issuer matches part of
the name folded like the search; the outgoing book filters by nơi nhận, not by an issuer."""
from PySide6.QtCore import Qt

from app.registers import service
from app.registers.draft import Draft

from .conftest import type_text
from .test_register_tab import make_tab


def test_typed_date_filters_when_the_box_is_left(qtbot, runner, filled, settings):
    tab, model = make_tab(qtbot, runner, settings)
    box = tab.filter_bar.date_from
    box.setFocus()
    qtbot.keyClicks(box, "27/03/2026")
    qtbot.keyClick(box, Qt.Key.Key_Return)  # editingFinished
    # Ngày đến 27/03 are the numbers n with n % 27 == 26: 26, 53, …, 242 -> 9 entries.
    qtbot.waitUntil(lambda: not model.loading and model.rowCount() == 9, timeout=5000)
    box.clear()  # the clear button also lifts the filter
    qtbot.waitUntil(lambda: not model.loading and model.rowCount() == 250, timeout=5000)


def test_issuer_matches_part_of_the_name_without_diacritics(qtbot, runner, filled, settings):
    tab, model = make_tab(qtbot, runner, settings)
    box = tab.filter_bar.issuer
    box.setFocus()
    qtbot.keyClicks(box, "b so noi")  # "B Sở Nội vụ": ~1/26 of the rows
    qtbot.keyClick(box, Qt.Key.Key_Return)
    expected = sum(1 for n in range(1, 251) if (n * 7) % 26 == 1)
    qtbot.waitUntil(lambda: not model.loading and model.rowCount() == expected, timeout=5000)
    box.clear()
    type_text(qtbot, box, "NỘI VỤ")
    qtbot.keyClick(box, Qt.Key.Key_Tab)
    qtbot.waitUntil(lambda: not model.loading and model.rowCount() == 250, timeout=5000)


def test_outgoing_tab_filters_by_recipient(qtbot, runner, state_store, settings):
    from ui.widgets.register_tab import RegisterTab

    with state_store.Session.begin() as s:
        for who in ("Sở Tài chính tỉnh Thanh Hóa", "UBND huyện Đông Sơn", "Sở Tài chính"):
            service.register(s, "outgoing", Draft(doc_date="05/03/2026", doc_type="Quyết định",
                                                  summary="Về việc x", signer_name="Lê Văn A",
                                                  recipients=f"{who}\nLưu: VT"))
    tab = RegisterTab(runner, "outgoing", "Văn bản đi", settings)
    qtbot.addWidget(tab)
    tab.show()
    model = tab.model()
    qtbot.waitUntil(lambda: not model.loading and model.rowCount() == 3, timeout=5000)
    box = tab.filter_bar.issuer
    assert "Tác giả" not in box.placeholderText() and "Nơi nhận" in box.placeholderText()
    box.setFocus()
    qtbot.keyClicks(box, "tai chinh")
    qtbot.keyClick(box, Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: not model.loading and model.rowCount() == 2, timeout=5000)
