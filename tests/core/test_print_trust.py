"""Quyển số, the cover's dates and the print record as the law's book needs them (issue 9,
findings 5, 6 and the PDF-without-record part of 10)."""
import datetime as dt
import subprocess

import pytest

from app import demo
from app.errors import ValidationError
from app.printing.service import PrintRequest, print_book, print_log
from app.registers import service
from app.registers.draft import Draft


@pytest.fixture
def filled(state_store):
    with state_store.Session.begin() as s:
        demo.fill(s, incoming=30, outgoing=10, year=2026)
    return state_store


def text_of(pdf):
    return " ".join(subprocess.run(["pdftotext", "-layout", str(pdf), "-"], capture_output=True,
                                   text=True, check=True).stdout.split())


def test_volume_continues_whatever_the_range(filled, tmp_path):
    print_book(filled.Session, filled.ReadSession, PrintRequest("incoming", year=2026), tmp_path / "a.pdf")
    by_dates = PrintRequest("incoming", date_from=dt.date(2026, 1, 1), date_to=dt.date(2026, 12, 31))
    print_book(filled.Session, filled.ReadSession, by_dates, tmp_path / "b.pdf")
    assert "Quyển số: 2" in text_of(tmp_path / "b.pdf")
    with filled.ReadSession() as s:
        assert [j.volume for j in print_log(s)] == [2, 1]


@pytest.mark.parametrize("volume", [0, -3, 1000])
def test_bad_volume_is_refused(filled, tmp_path, volume):
    with pytest.raises(ValidationError) as err:
        print_book(filled.Session, filled.ReadSession, PrintRequest("incoming", year=2026, volume=volume),
                   tmp_path / "a.pdf")
    assert "Quyển số" in err.value.message and not (tmp_path / "a.pdf").exists()


def test_out_as_a_directory_is_refused(filled, tmp_path):
    with pytest.raises(ValidationError) as err:
        print_book(filled.Session, filled.ReadSession, PrintRequest("incoming", year=2026), tmp_path)
    assert "thư mục" in err.value.message


def test_cover_shows_earliest_and_latest_dates(state_store, tmp_path):
    now = dt.datetime(2026, 3, 1, 12)
    for arrival in ("02/02/2026 08:00", "13/01/2026 09:00"):
        with state_store.Session.begin() as s:
            service.register(s, "incoming", Draft(received_at=arrival, issuer="Sở Y tế", doc_date="10/01/2026",
                                                  doc_type="Công văn", summary=f"V/v {arrival}"),
                             allow_out_of_order=True, now=now)
    print_book(state_store.Session, state_store.ReadSession, PrintRequest("incoming", year=2026),
               tmp_path / "a.pdf")
    text = text_of(tmp_path / "a.pdf")
    assert "13/01/2026" in text.split("đến ngày")[0] and "02/02/2026" in text.split("đến ngày")[1][:40]


def test_no_pdf_without_its_record(filled, tmp_path):
    """The record can't be written (here a trigger refuses it, as an immutable file would): the
    PDF is not left behind, nor its partial build."""
    import sqlite3

    con = sqlite3.connect(filled.data_dir / "vanthu.sqlite3")
    con.execute("CREATE TRIGGER refuse BEFORE INSERT ON print_job "
                "BEGIN SELECT RAISE(ABORT, 'attempt to write a readonly database'); END")
    con.commit()
    con.close()
    with pytest.raises(Exception) as err:
        print_book(filled.Session, filled.ReadSession, PrintRequest("incoming", year=2026),
                   tmp_path / "a.pdf")
    from app.storage import explain
    assert "chỉ đọc" in explain(err.value)
    assert [p.name for p in tmp_path.iterdir()] == ["data"]  # no a.pdf, no .a.pdf.dang-in
