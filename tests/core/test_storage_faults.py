"""Storage faults get a Vietnamese message that says what to do, and the file is left as it
was (issue 9, findings 10-12)."""
import hashlib
import sqlite3

import pytest
from PIL import Image

from app.registers import service
from app.registers.draft import Draft
from app.storage import StorageError, explain
from app.store import open_store

IN = Draft(received_at="05/03/2026 08:00", issuer="Sở Tài chính", doc_date="02/03/2026",
           doc_type="Công văn", summary="V/v dự toán")


def digest(path):
    return hashlib.sha256(path.read_bytes()).hexdigest()


def test_random_bytes_are_not_a_database(tmp_path):
    db = tmp_path / "vanthu.sqlite3"
    db.write_bytes(bytes(range(256)) * 64)
    before = digest(db)
    with pytest.raises(StorageError) as err:
        open_store(tmp_path)
    assert "sao lưu" in err.value.message and digest(db) == before


def test_a_malformed_page_is_reported(tmp_path):
    store = open_store(tmp_path)
    with store.Session.begin() as s:
        for i in range(300):
            service.register(s, "incoming", IN.__class__(**{**IN.__dict__, "summary": f"V/v {i} " + "x" * 300}),
                             allow_duplicate=True, allow_out_of_order=True)
    store.engine.dispose()
    db = tmp_path / "vanthu.sqlite3"
    con = sqlite3.connect(db)
    con.execute("PRAGMA wal_checkpoint(TRUNCATE)")
    con.close()
    data = bytearray(db.read_bytes())
    for page in range(2, len(data) // 4096):
        data[page * 4096:page * 4096 + 100] = b"\xff" * 100
    db.write_bytes(bytes(data))
    with pytest.raises(StorageError) as err:
        store = open_store(tmp_path)
        with store.ReadSession() as s:
            from app.registers import query
            query.rows(s, query.ids(s, query.Filter("incoming", year=2026)))
    assert "hỏng" in err.value.message


def test_a_newer_schema_asks_for_the_newer_program(tmp_path):
    open_store(tmp_path).engine.dispose()
    db = tmp_path / "vanthu.sqlite3"
    con = sqlite3.connect(db)
    con.execute("UPDATE alembic_version SET version_num = '0099'")
    con.commit()
    con.close()
    before = digest(db)
    with pytest.raises(StorageError) as err:
        open_store(tmp_path)
    assert "phiên bản" in err.value.message and "mới hơn" in err.value.message
    assert digest(db) == before


def test_a_missing_version_table_is_not_migrated_over(tmp_path):
    open_store(tmp_path).engine.dispose()
    db = tmp_path / "vanthu.sqlite3"
    con = sqlite3.connect(db)
    con.execute("DROP TABLE alembic_version")
    con.commit()
    con.close()
    with pytest.raises(StorageError) as err:
        open_store(tmp_path)
    assert "alembic_version" in err.value.message


def test_a_full_disk_loses_nothing(state_store):
    """SQLite's own "database or disk is full", made by capping the file's pages."""
    with state_store.Session.begin() as s:
        service.register(s, "incoming", IN, allow_out_of_order=True)
    with pytest.raises(Exception) as err:
        with state_store.Session.begin() as s:
            pages = s.connection().exec_driver_sql("PRAGMA page_count").scalar()
            s.connection().exec_driver_sql(f"PRAGMA max_page_count={pages}")
            for i in range(200):
                service.register(s, "incoming", IN.__class__(**{**IN.__dict__, "summary": "y" * 1900 + str(i)}),
                                 allow_duplicate=True, allow_out_of_order=True)
    assert "đầy" in explain(err.value)
    state_store.engine.dispose()
    with state_store.ReadSession() as s:
        from db.models import Entry
        assert s.query(Entry).count() == 1  # the first entry kept, none of the batch half-written


@pytest.mark.parametrize("size", [(1, 3508), (1, 1), (1, 20000), (3508, 10)])
def test_degenerate_images_are_refused_from_their_header(tmp_path, size):
    from app.intake.ocr import OcrError, load_pages

    path = tmp_path / "thin.png"
    Image.new("L", size, 255).save(path)
    with pytest.raises(OcrError) as err:
        load_pages(path)
    assert "không phải một trang" in err.value.message


def test_bomb_message_keeps_its_comma(tmp_path):
    from app.intake.ocr import errors

    msg = errors.too_large(30000, 30000).message
    assert msg.startswith("Ảnh quá lớn (30.000×30.000 điểm ảnh), có thể")


def test_explain_never_shows_english_errno(tmp_path):
    try:
        (tmp_path / "nope" / "x").read_bytes()
    except OSError as exc:
        message = explain(exc)
    assert "Errno" not in message and "không còn tệp" in message
