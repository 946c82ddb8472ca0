"""pytest-qt: destruction (the council's decision, the destruction done, the minutes printed),
the confirmation of ended protection terms, and the hồ sơ giải mật listed and printed — on the
real encrypted store (the `sstore` fixture of test_secrets_dialogs), PDFs read back."""
import datetime as dt
import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "secrets"))
from secret_helpers import ADMIN, CLERK, PASSWORD, incoming  # noqa: E402

from tests.ui.test_secrets_dialogs import sstore  # noqa: E402,F401  (the fixture)


def _pages(path):
    from pypdf import PdfReader

    return [p.extract_text() for p in PdfReader(path).pages]


def _item(sstore, ends_in_days: int = 4000, **kw):
    from app.secrets import books
    from app.secrets.store import act_as

    act_as(sstore, CLERK)
    set_on = dt.date.today() - dt.timedelta(days=3652) + dt.timedelta(days=ends_in_days)  # Mật: 10 years
    with sstore.Session.begin() as s:
        return books.register(s, "secret_incoming", incoming(**kw), level_set_on=set_on)


def _proposal(sstore, *items):
    from app.secrets import destruction

    with sstore.Session.begin() as s:
        return destruction.propose(s, [i.id for i in items], "Hết giá trị sử dụng")


def test_decision_then_destruction_then_minutes_printed(qtbot, sstore, tmp_path):
    from app.secrets import books, events
    from ui.secrets.destruction_dialog import DestructionDialog

    it = _item(sstore, number_symbol="5/BCA", summary="Danh sách cơ sở bí mật")
    d = _proposal(sstore, it)
    w = DestructionDialog(sstore)
    qtbot.addWidget(w)
    assert w.list.count() == 1 and "chờ quyết định" in w.list.item(0).text()
    assert "5/BCA" in w.items.text() and not w.done_button.isEnabled()
    assert not w.carry_out()  # no decision yet: refused in Vietnamese
    assert "quyết định" in w.error.text()
    w.decision.setText("3/QĐ-SNV")
    assert not w.decide() and "hội đồng" in w.error.text()  # no council named: input kept
    assert w.decision.text() == "3/QĐ-SNV"
    w.decided_by.setText("Giám đốc Sở")
    w.council.setPlainText("Nguyễn Văn An\nTrần Thị Bình\n")
    assert w.decide() and "chờ tiêu hủy" in w.list.item(0).text()
    assert not w.decide_button.isEnabled() and w.done_button.isEnabled()
    assert not w.carry_out() and "cách tiêu hủy" in w.error.text()
    w.method.setText("Nghiền nhỏ bằng máy hủy tài liệu")
    assert w.carry_out() and "đã tiêu hủy" in w.list.item(0).text()
    with sstore.ReadSession() as s:
        gone = books.item(s, it.id, audit=False)
        assert gone.state == "destroyed" and "3/QĐ-SNV" in gone.state_note  # kept in the book, marked
    out = tmp_path / "bien-ban.pdf"
    result = w.print_chosen(str(out))
    pages = _pages(out)
    assert result["pages"] == len(pages) == 3
    assert "BIÊN BẢN TIÊU HỦY TÀI LIỆU MẬT" in pages[0] and all("MẬT" in p for p in pages)
    assert "5/BCA" in pages[1] and "Danh sách cơ sở bí mật" in pages[1]
    assert "Nghiền nhỏ" in pages[-1] and "NGUYỄN VĂN AN" in pages[-1] and "Mã kiểm tra nhật ký" in pages[-1]
    with sstore.ReadSession() as s:
        assert events.kinds(s)[-1] == "print" and "secret_destroyed" in events.kinds(s, it.id)
    assert d.id == w.lists[0].id


def test_proposal_printed_and_a_higher_level_needs_an_authoriser(qtbot, sstore, tmp_path):
    from app.secrets import copies
    from app.secrets.store import act_as
    from ui.secrets.destruction_dialog import DestructionDialog

    it = _item(sstore, level="Tối mật", number_symbol="8/BQP")
    _proposal(sstore, it)
    act_as(sstore, ADMIN)
    with sstore.Session.begin() as s:
        copies.add_authoriser(s, "Chủ tịch UBND tỉnh", "Chủ tịch", "Tuyệt mật")
    act_as(sstore, CLERK)
    w = DestructionDialog(sstore)
    qtbot.addWidget(w)
    w.print_chosen(str(tmp_path / "de-nghi.pdf"))
    pages = _pages(tmp_path / "de-nghi.pdf")
    assert "DANH SÁCH TÀI LIỆU ĐỀ NGHỊ TIÊU HỦY" in pages[0] and all("TỐI MẬT" in p for p in pages)
    w.decision.setText("4/QĐ")
    w.decided_by.setText("Trưởng phòng")
    w.council.setPlainText("A\nB")
    assert not w.decide() and "thẩm quyền" in w.error.text()
    w.decided_by.setText("Chủ tịch UBND tỉnh")
    assert w.decide()


def test_a_list_above_the_users_clearance_is_not_shown(qtbot, sstore):
    from app.secrets.store import act_as
    from app.security.actor import Actor
    from ui.secrets.destruction_dialog import DestructionDialog

    _proposal(sstore, _item(sstore, level="Tối mật", number_symbol="9/BQP"))
    _proposal(sstore, _item(sstore, number_symbol="10/BCA"))
    act_as(sstore, Actor("canbo", "van-thu", "mat"))
    w = DestructionDialog(sstore)
    qtbot.addWidget(w)
    assert w.list.count() == 1 and "9/BQP" not in w.items.text() and "10/BCA" in w.items.text()


def test_an_ended_term_is_flagged_and_declassified_only_when_confirmed(qtbot, sstore, state_store):
    from app.secrets import books, protection
    from app.secrets.airgap import fake_probe
    from ui.secrets.panel import SecretPanel
    from ui.secrets.protection_dialog import ProtectionDialog

    ended = _item(sstore, -5, number_symbol="1/BCA")
    soon = _item(sstore, 20, number_symbol="2/BCA")
    sstore.close()
    p = SecretPanel(state_store.data_dir, ADMIN, fake_probe())
    qtbot.addWidget(p)
    p.unlock()  # from the keyring, as at start
    flags = [p.flags.item(i).text() for i in range(p.flags.count())]
    assert any("Hết thời hạn bảo vệ" in f and "cần xác nhận" in f and "1/BCA" in f for f in flags)
    assert not any("2/BCA" in f for f in flags)
    with p.sstore.ReadSession() as s:  # nothing happened by itself
        assert books.item(s, ended.id, audit=False).state == "held"
    d = ProtectionDialog(p.sstore)
    qtbot.addWidget(d)
    assert [i.entry_id for i in d.items] == [ended.id, soon.id]
    assert "cần xác nhận" in d.list.item(0).text() and "cần xác nhận" not in d.list.item(1).text()
    d.list.setCurrentRow(1)
    assert not d.confirm_expiry() and "chưa hết" in d.error.text()
    d.list.setCurrentRow(0)
    assert d.confirm_expiry() and "được giải mật" in d.status.text()
    with p.sstore.ReadSession() as s:
        assert books.item(s, ended.id, audit=False).state == "declassified"
        [(_, decision)] = protection.declassified(s)
        assert decision.decision_no == protection.EXPIRED_DECISION
    p.refresh()
    assert not any("1/BCA" in p.flags.item(i).text() for i in range(p.flags.count()))
    p.sstore.close()


def test_the_declassified_documents_listed_by_year_and_printed(qtbot, sstore, tmp_path):
    from app.secrets import protection
    from ui.secrets.declassified_dialog import DeclassifiedDialog

    a = _item(sstore, number_symbol="3/BCA", summary="Báo cáo tình hình an ninh")
    b = _item(sstore, number_symbol="4/BCA", level="Tối mật")
    this_year = dt.date.today().year
    with sstore.Session.begin() as s:
        protection.declassify(s, a.id, decision_no="15/QĐ-UBND", decision_date=dt.date.today(),
                              decided_by="Chủ tịch UBND tỉnh")
        protection.declassify(s, b.id, decision_no="2/QĐ-UBND", decision_date=dt.date(this_year - 1, 5, 4))
    w = DeclassifiedDialog(sstore)
    qtbot.addWidget(w)
    assert w.list.count() == 1 and "3/BCA" in w.list.item(0).text() and "15/QĐ-UBND" in w.list.item(0).text()
    w.year.setValue(w.year.minimum())  # all years
    assert w.list.count() == 2 and w.chosen_year() is None
    out = tmp_path / "giai-mat.pdf"
    assert w.print_list(str(out))["entries"] == 2
    pages = _pages(out)
    assert "DANH MỤC TÀI LIỆU GIẢI MẬT" in pages[0] and "Tất cả các năm" in pages[0]
    assert all("TỐI MẬT" in p for p in pages)
    body = "".join(pages[1:-1])
    assert "15/QĐ-UBND" in body and "2/QĐ-UBND" in body and "Báo cáo tình hình an ninh" in body
    w.year.setValue(this_year - 3)
    assert w.list.count() == 0 and not w.print_button.isEnabled()


def test_the_panel_offers_destruction_and_the_declassified_file_once_unlocked(qtbot, sstore, state_store):
    from app.secrets.airgap import fake_probe
    from ui.secrets.panel import SecretPanel

    sstore.close()
    p = SecretPanel(state_store.data_dir, ADMIN, fake_probe("eth0"))
    qtbot.addWidget(p)
    assert not p.destruction_button.isEnabled() and not p.declassified_button.isEnabled()
    p.unlock(PASSWORD)
    assert not p.destruction_button.isEnabled()  # connected: no writes
    assert p.declassified_button.isEnabled()  # reading and printing the list is allowed
    p.probe = fake_probe()
    p.check_network()
    assert p.destruction_button.isEnabled()
    p.sstore.close()


def test_the_panel_prints_the_secret_register_and_backs_the_store_up(qtbot, sstore, state_store, tmp_path):
    from app.secrets.airgap import fake_probe
    from ui.secrets.panel import SecretPanel

    _item(sstore, number_symbol="11/BCA", summary="Phương án bảo vệ mục tiêu", level="Tối mật",
          received_at=dt.datetime(dt.date.today().year, 1, 5, 9, 0),
          doc_date=dt.date(dt.date.today().year, 1, 2))
    sstore.close()
    p = SecretPanel(state_store.data_dir, ADMIN, fake_probe())
    qtbot.addWidget(p)
    p.unlock(PASSWORD)
    out = tmp_path / "so-mat-den.pdf"
    assert p.print_form("secret_incoming", str(out))["entries"] == 1
    pages = _pages(out)
    assert "SỔ ĐĂNG KÝ VĂN BẢN MẬT ĐẾN" in pages[0].upper() and all("TỐI MẬT" in t for t in pages)
    assert "11/BCA" in "".join(pages) and "Mã kiểm tra nhật ký" in pages[-1]
    saved = p.backup(str(tmp_path / "usb"))
    assert (saved / "vanthu-mat.sqlcipher").exists() and "mã hóa" in p.status.text()
    p.sstore.close()


def test_members_dialog_grants_and_revokes_with_a_rekey(qtbot, sstore, state_store):
    import pytest

    from app.secrets import store as secret_store
    from app.secrets.errors import NotCleared
    from app.secrets.store import act_as
    from ui.secrets.members_dialog import MembersDialog

    act_as(sstore, ADMIN)
    w = MembersDialog(sstore)
    qtbot.addWidget(w)
    assert w.list.count() == 1 and ADMIN.name in w.list.item(0).text()
    w.name.setText("vanthu2")
    w.password.setText("ngan")
    assert not w.grant() and "8 ký tự" in w.error.text()
    w.password.setText("mat-khau-van-thu-2")
    w.clearance.setCurrentIndex(w.clearance.findData("toi-mat"))
    assert w.grant() and w.password.text() == ""
    secret_store.open_store(state_store.data_dir, user="vanthu2", password="mat-khau-van-thu-2").close()
    assert not w.revoke()  # nobody chosen
    row = next(i for i in range(w.list.count()) if "vanthu2" in w.list.item(i).text())
    w.list.setCurrentRow(row)
    assert w.revoke() and "đổi khóa" in w.status.text()
    assert "đã thu hồi" in w.list.item(row).text()
    with pytest.raises(NotCleared):
        secret_store.open_store(state_store.data_dir, user="vanthu2", password="mat-khau-van-thu-2")
    secret_store.open_store(state_store.data_dir, user=ADMIN.name, password=PASSWORD).close()
    act_as(sstore, CLERK)
    w.list.setCurrentRow(0)
    assert not w.revoke() and "quản trị" in w.error.text()
