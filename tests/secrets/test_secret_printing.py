"""Item 1: each secret book and form printed, read back: headings, the mark on every page (of the
highest level printed), rows, and the audit head on the closing page."""
import datetime as dt

import pytest
from pypdf import PdfReader

from app.errors import ValidationError
from app.secrets import (books, copies, destruction, printing, protection, recall, transfer)
from app.security.actor import Actor
from secret_helpers import as_actor, incoming, outgoing


def _pages(path):
    return [p.extract_text() for p in PdfReader(path).pages]


@pytest.fixture
def filled(secret):
    _, sstore, _ = secret
    with sstore.Session.begin() as s:
        copies.add_authoriser(s, "Giám đốc Sở", "Giám đốc", "Tuyệt mật")
        low = books.register(s, "secret_incoming", incoming(number_symbol="1/X", level="Mật"))
        high = books.register(s, "secret_incoming", incoming(number_symbol="2/X", level="Tối mật",
                                                             summary="Phương án phòng thủ"))
        books.register(s, "secret_outgoing", outgoing())
        for it in (low, high):
            transfer.hand_over(s, it.id, "Nguyễn Văn Hưu", 1, on=dt.date(2026, 3, 3))
        copies.make_copies(s, low.id, authorised_by="Giám đốc Sở", copies=2, form="sao-luc",
                           on=dt.date(2026, 3, 4))
    return sstore, low, high


def test_books_and_forms_carry_mark_rows_and_audit_head(filled, tmp_path):
    sstore, low, high = filled
    with sstore.Session.begin() as s:
        r = recall.open_recall(s, "Nguyễn Văn Hưu", "Chuyển công tác")
    with sstore.Session.begin() as s:
        printing.print_transfer(s, 2026, tmp_path / "t.pdf")
        printing.print_copies(s, 2026, tmp_path / "c.pdf")
        printing.print_stats(s, 2026, tmp_path / "st.pdf")
        printing.print_recall(s, r.id, tmp_path / "r.pdf")
        printing.print_register(s, "secret_incoming", 2026, tmp_path / "in.pdf")
        printing.print_register(s, "secret_outgoing", 2026, tmp_path / "out.pdf")
    expect = {"t": ("SỔ CHUYỂN GIAO VĂN BẢN MẬT", "Ký nhận", "TỐI MẬT"),
              "c": ("SỔ QUẢN LÝ SAO, CHỤP VĂN BẢN MẬT", "Người cho phép", "MẬT"),
              "st": ("THỐNG KÊ VĂN BẢN MẬT", "Tuyệt mật", "TỐI MẬT"),
              "r": ("BIÊN BẢN THU HỒI TÀI LIỆU MẬT", "Ngày trả", "TỐI MẬT"),
              "in": ("SỔ ĐĂNG KÝ VĂN BẢN MẬT ĐẾN", "Độ mật", "TỐI MẬT"),
              "out": ("SỔ ĐĂNG KÝ VĂN BẢN MẬT ĐI", "Nơi nhận", "MẬT")}
    for name, (title, column, mark) in expect.items():
        pages = _pages(tmp_path / f"{name}.pdf")
        assert title in pages[0] and column in pages[1], name
        assert all(mark in p for p in pages), name
        assert "Mã kiểm tra nhật ký (đầu chuỗi):" in pages[-1], name
    assert "Phương án phòng thủ" in _pages(tmp_path / "t.pdf")[1]
    assert "(bản số\n1–2)" in _pages(tmp_path / "c.pdf")[1]  # wrapped in its cell
    assert "Giám đốc Sở" in _pages(tmp_path / "c.pdf")[1]


def test_a_mat_cleared_user_prints_without_the_higher_items(filled, tmp_path):
    sstore, low, high = filled
    as_actor(sstore, Actor("mat", "van-thu", "mat"))
    with sstore.Session.begin() as s:
        printing.print_transfer(s, 2026, tmp_path / "t.pdf")
    pages = _pages(tmp_path / "t.pdf")
    assert "Phương án phòng thủ" not in "".join(pages) and "TỐI MẬT" not in "".join(pages)
    assert all("MẬT" in p for p in pages)


def test_declassified_list_and_destruction_minutes(filled, tmp_path):
    sstore, low, high = filled
    with sstore.Session.begin() as s:
        for t in transfer.holdings(s):
            transfer.give_back(s, t.id)
        protection.declassify(s, low.id, decision_no="9/QĐ-SNV", decision_date=dt.date(2030, 1, 2))
        d = destruction.propose(s, [high.id], "Hết giá trị")
        printing.print_destruction(s, d.id, tmp_path / "p.pdf")
        destruction.decide(s, d.id, decision_no="3/QĐ", decision_date=dt.date(2030, 2, 1),
                           decided_by="Giám đốc Sở", council="Nguyễn Văn A\nTrần Văn B")
        destruction.carry_out(s, d.id, on=dt.date(2030, 2, 2), method="Nghiền nhỏ")
        printing.print_destruction(s, d.id, tmp_path / "m.pdf")
        printing.print_declassified(s, 2030, tmp_path / "g.pdf")
        with pytest.raises(ValidationError):
            printing.print_declassified(s, 2031, tmp_path / "none.pdf")
    assert "DANH SÁCH TÀI LIỆU ĐỀ NGHỊ TIÊU HỦY" in _pages(tmp_path / "p.pdf")[0]
    minutes = _pages(tmp_path / "m.pdf")
    assert "BIÊN BẢN TIÊU HỦY TÀI LIỆU MẬT" in minutes[0] and "Nghiền nhỏ" in minutes[-1]
    assert "NGUYỄN VĂN A" in minutes[-1]
    assert "9/QĐ-SNV" in _pages(tmp_path / "g.pdf")[1]
