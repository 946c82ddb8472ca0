import pytest

from app.intake import scans as intake
from app.registers import query, service
from app.registers.draft import Draft
from app.intake.scan_folder import FolderWatch, move_done

IN = dict(received_at="05/03/2026 08:15", issuer="UBND tỉnh Nghệ An", number_symbol="123/QĐ-UBND",
          doc_date="02/03/2026", doc_type="Quyết định", summary="Về việc phê duyệt kế hoạch")


def test_scan_is_kept_once_linked_and_searchable(state_store, tmp_path):
    scan = tmp_path / "scan.png"
    scan.write_bytes(b"\x89PNG fake content for hashing")
    files = state_store.files_dir
    with state_store.Session.begin() as s:
        entry = service.register(s, "incoming", Draft(**IN))
        kept = intake.keep_scan(s, files, scan, entry.id, pages=1, ocr_text="Điều 1. Giao Sở Xây dựng",
                                searchable_pdf=b"%PDF-1.4 fake")
    assert kept.stored_path.read_bytes() == scan.read_bytes()
    assert kept.stored_path.name.startswith(intake.sha256_of(scan))
    assert kept.pdf_path.read_bytes() == b"%PDF-1.4 fake"
    with state_store.ReadSession() as s:
        assert query.ids(s, query.Filter("incoming", year=2026, text="so xay dung")) == [entry.id]
        assert intake.find_earlier(s, intake.sha256_of(scan)).id == entry.id
    # Editing the entry keeps the OCR text searchable.
    with state_store.Session.begin() as s:
        service.update(s, entry.id, {"notes": "đã chuyển"})
    with state_store.ReadSession() as s:
        assert query.ids(s, query.Filter("incoming", text="xay dung")) == [entry.id]


def test_secret_books_refuse_scans(state_store):
    with state_store.Session.begin() as s:
        with pytest.raises(intake.ScanNotAllowed) as err:
            intake.check_book_accepts_scans(s, "secret_incoming")
        intake.check_book_accepts_scans(s, "incoming")
    assert "sao, chụp" in err.value.message


def test_folder_watch_takes_stable_files_once(tmp_path):
    watch = FolderWatch(tmp_path)
    f = tmp_path / "a.pdf"
    f.write_bytes(b"1")
    (tmp_path / "b.pdf.part").write_bytes(b"still writing")
    assert watch.poll() == []  # first sight: size not yet known to be stable
    f.write_bytes(b"12")
    assert watch.poll() == []  # grew since last poll
    assert watch.poll() == [f]
    assert watch.poll() == []  # taken once
    moved = move_done(f, ok=False)
    assert moved == tmp_path / "failed" / "a.pdf" and moved.exists() and not f.exists()
    g = tmp_path / "a.pdf"
    g.write_bytes(b"other")
    assert move_done(g, ok=False).name == "a (1).pdf"
