import datetime as dt
import subprocess

import pytest

from app import demo
from app.errors import ValidationError
from app.printing.service import PrintRequest, print_book, print_log


@pytest.fixture
def filled(state_store):
    with state_store.Session.begin() as s:
        demo.fill(s, incoming=60, outgoing=45, year=2026)
    return state_store


def text_of(pdf):
    return subprocess.run(["pdftotext", "-layout", str(pdf), "-"], capture_output=True, text=True,
                          check=True).stdout


def test_outgoing_book_prints_voids_and_records_volume(filled, tmp_path):
    first = print_book(filled.Session, filled.ReadSession, PrintRequest("outgoing", year=2026),
                       tmp_path / "a.pdf")
    text = text_of(tmp_path / "a.pdf")
    assert first.entries == 46  # 45 registered (one voided) + one reserved
    flat = " ".join(text.split())
    assert "ĐÃ HỦY SỐ — lý do: Văn bản không được ký, hủy số" in flat
    assert "Đã lấy số" in flat  # the reserved number's line, wrapped in its cell
    assert "Quyển số: 1" in text
    print_book(filled.Session, filled.ReadSession, PrintRequest("outgoing", year=2026), tmp_path / "b.pdf")
    assert "Quyển số: 2" in text_of(tmp_path / "b.pdf")
    with filled.ReadSession() as s:
        log = print_log(s)
    assert [(j.book, j.volume, j.secret) for j in log] == [("outgoing", 2, False), ("outgoing", 1, False)]


def test_number_range_and_secret_print_is_audited(filled, tmp_path):
    r = print_book(filled.Session, filled.ReadSession,
                   PrintRequest("incoming", year=2026, number_from=10, number_to=19), tmp_path / "r.pdf")
    assert r.entries == 10
    text = text_of(tmp_path / "r.pdf")
    assert "Từ số 10 đến số 19" in text
    print_book(filled.Session, filled.ReadSession, PrintRequest("secret_incoming", year=2026),
               tmp_path / "s.pdf")
    with filled.ReadSession() as s:
        secret = print_log(s, secret_only=True)
    assert [j.book for j in secret] == ["secret_incoming"] and secret[0].user


def test_bad_ranges_are_refused(filled, tmp_path):
    with pytest.raises(ValidationError):
        print_book(filled.Session, filled.ReadSession,
                   PrintRequest("incoming", date_from=dt.date(2026, 5, 1), date_to=dt.date(2026, 4, 1)),
                   tmp_path / "x.pdf")
    with pytest.raises(ValidationError):
        print_book(filled.Session, filled.ReadSession, PrintRequest("incoming", year=1999), tmp_path / "y.pdf")
    assert not (tmp_path / "x.pdf").exists() and not (tmp_path / "y.pdf").exists()


def test_secret_book_carries_its_highest_level(state_store, tmp_path):
    from app.registers import service
    from app.registers.draft import Draft

    with state_store.Session.begin() as s:
        for i, level in enumerate(["Mật", "Tối mật", "Mật"]):
            service.register(s, "secret_incoming", Draft(
                received_at=f"0{i + 1}/03/2026 08:00", issuer="Bộ Công an", number_symbol=f"{i}/BCA",
                doc_date=f"0{i + 1}/03/2026", doc_type="Công văn", summary="V/v bảo vệ bí mật",
                secrecy=level))
    print_book(state_store.Session, state_store.ReadSession, PrintRequest("secret_incoming", year=2026),
               tmp_path / "s.pdf")
    pages = text_of(tmp_path / "s.pdf").split("\f")
    assert all("TỐI MẬT" in page for page in pages if page.strip())
