"""The integrity check finds each kind of problem and says it in one Vietnamese line."""
import sqlite3

from app.security.check import run_check
from tests.security.test_backup_restore import attach


def _sql(store, statement):
    con = sqlite3.connect(store.data_dir / "vanthu.sqlite3")
    con.execute(statement)
    con.commit()
    con.close()


def test_a_sound_store_has_no_problems(filled, tmp_path):
    attach(filled, tmp_path, filled.views[0].id, b"scan")
    assert run_check(filled) == []


def test_each_kind_of_problem_is_found(filled, tmp_path):
    attach(filled, tmp_path, filled.views[0].id, b"scan")
    attach(filled, tmp_path, filled.views[1].id, b"scan two", "two.png")
    originals = sorted(p for p in filled.files_dir.rglob("*.png"))
    originals[0].write_bytes(b"changed")  # a file altered
    originals[1].unlink()  # a file lost
    (filled.files_dir / "stray.txt").write_text("?")  # a file nothing points to
    _sql(filled, "UPDATE sequence SET last = 1")  # counter behind the numbers issued
    _sql(filled, "UPDATE entry SET summary = 'sửa lén' WHERE id = 3")  # edit behind the program
    problems = "\n".join(run_check(filled))
    assert "không khớp mã SHA-256" in problems
    assert "Thiếu tệp đính kèm" in problems
    assert "stray.txt" in problems
    assert "Bộ đếm số" in problems
    assert "văn bản #3" in problems and "bị sửa ngoài chương trình" in problems


def test_search_index_out_of_step_is_found(filled):
    con = sqlite3.connect(filled.data_dir / "vanthu.sqlite3")
    con.execute("DROP TRIGGER entry_fts_au")
    con.execute("UPDATE entry SET folded = 'khong khop' WHERE id = 1")
    con.commit()
    con.close()
    assert any("Chỉ mục tìm kiếm" in p for p in run_check(filled))


def test_a_searchable_pdf_changed_behind_the_program_is_found(filled, tmp_path):
    attach(filled, tmp_path, filled.views[0].id, b"scan")
    pdf = next(filled.files_dir.rglob("*.ocr.pdf"))
    pdf.write_bytes(pdf.read_bytes() + b"%%")
    problems = run_check(filled)
    assert len(problems) == 1 and pdf.name in problems[0] and "không khớp mã SHA-256" in problems[0]
