"""Batches are all or nothing unless --each; every run ends with one summary line; a reserved
number is completed from the command line (issue 9, findings 3, 7)."""
import json
import sqlite3
import threading
import time

import main

GOOD = {"received_at": "05/03/2026 08:00", "issuer": "Sở Tài chính", "doc_date": "02/03/2026",
        "doc_type": "Công văn", "summary": "V/v dự toán"}


def run(capsys, data, *args):
    code = main.main(["--data-dir", str(data), *args])
    captured = capsys.readouterr()
    return code, [json.loads(x) for x in captured.out.splitlines() if x.startswith("{")], captured.err


def items(n, bad=None):
    rows = [{**GOOD, "number_symbol": f"{i + 1}/STC", "summary": f"V/v việc {i + 1}"} for i in range(n)]
    if bad is not None:
        rows[bad]["received_at"] = "31/02/2026 08:00"
    return rows


def test_a_bad_item_keeps_the_whole_batch_out(state_store, tmp_path, capsys):
    f = tmp_path / "lo.json"
    f.write_text(json.dumps(items(5, bad=2), ensure_ascii=False), encoding="utf-8")
    code, lines, err = run(capsys, state_store.data_dir, "register", "--book", "incoming", "--json", str(f))
    assert code == 1 and lines[-1]["summary"] == {"total": 5, "registered": 0, "refused": 1, "duplicates": 0}
    assert "Không mục nào được ghi" in err and lines[0]["index"] == 2
    code, lines, _ = run(capsys, state_store.data_dir, "list", "--book", "incoming")
    f.write_text(json.dumps(items(5), ensure_ascii=False), encoding="utf-8")
    code, lines, err = run(capsys, state_store.data_dir, "register", "--book", "incoming", "--json", str(f))
    assert code == 0 and [x["number"] for x in lines[:-1]] == [1, 2, 3, 4, 5]  # no number was lost
    assert "đã đăng ký 5" in err


def test_each_commits_item_by_item_and_counts_duplicates(state_store, tmp_path, capsys):
    no_symbol = [{**GOOD, "summary": "Giấy mời họp"}, {**GOOD, "summary": "Giấy mời họp"},
                 {**GOOD, "summary": "Giấy mời họp", "doc_date": "31/02/2026"}]
    f = tmp_path / "lo.json"
    f.write_text(json.dumps(no_symbol, ensure_ascii=False), encoding="utf-8")
    code, lines, err = run(capsys, state_store.data_dir, "register", "--book", "incoming", "--each",
                           "--json", str(f))
    assert code == 1
    assert lines[-1]["summary"] == {"total": 3, "registered": 1, "refused": 2, "duplicates": 1}
    assert lines[1]["duplicate"] is True  # same issuer, date and summary without a number


def test_complete_a_reservation(state_store, tmp_path, capsys):
    code, lines, _ = run(capsys, state_store.data_dir, "reserve", "--type", "Quyết định", "--date", "05/03/2026")
    entry_id = lines[0]["id"]
    f = tmp_path / "ky.json"
    f.write_text(json.dumps({"doc_date": "05/03/2026", "doc_type": "Quyết định", "summary": "Khen thưởng",
                             "signer_name": "Nguyễn Văn A", "recipients": ["Như Điều 3", "Lưu: VT"]},
                            ensure_ascii=False), encoding="utf-8")
    code, lines, _ = run(capsys, state_store.data_dir, "complete", str(entry_id), "--json", str(f))
    assert code == 0 and lines[0]["status"] == "registered" and lines[0]["number_symbol"] == "01/QĐ-SNV"
    code, _lines, err = run(capsys, state_store.data_dir, "complete", str(entry_id), "--json", str(f))
    assert code == 2 and "lấy trước" in err


def test_reading_needs_no_write_lock_and_a_writer_says_it_waits(state_store, tmp_path, capsys):
    """Another program holds the write lock: `list` still works; `reserve` says it waits, then
    succeeds once the lock is released."""
    other = sqlite3.connect(state_store.data_dir / "vanthu.sqlite3", check_same_thread=False)
    other.execute("BEGIN IMMEDIATE")
    code, _lines, _err = run(capsys, state_store.data_dir, "list", "--book", "incoming")
    assert code == 0
    threading.Timer(2.0, other.rollback).start()
    t0 = time.monotonic()
    code, lines, err = run(capsys, state_store.data_dir, "reserve", "--type", "Quyết định",
                           "--date", "05/03/2026")
    assert code == 0 and "Đang chờ" in err and time.monotonic() - t0 >= 1.5
    other.close()
