import datetime as dt
import json
import subprocess
import sys

from main import main


def run(capsys, *argv):
    code = main(list(argv))
    out, err = capsys.readouterr()
    return code, out, err


def test_register_list_reserve_void(tmp_path, capsys):
    d = str(tmp_path)
    assert run(capsys, "--data-dir", d, "setup", "--org-name", "SỞ NỘI VỤ", "--org-abbr", "SNV",
               "--parent-org", "UBND TỈNH THANH HÓA")[0] == 0
    entries = [
        {"received_at": "05/03/2026 08:15", "issuer": "UBND tỉnh Nghệ An", "number_symbol": "12/QĐ-UBND",
         "doc_date": "2026-03-02", "doc_type": "Quyết định", "summary": "Về việc đào tạo"},
        {"received_at": "05/03/2026 09:00", "issuer": "Bộ Nội vụ", "number_symbol": "7/BNV-VP",
         "doc_date": "31/02/2026", "doc_type": "Công văn", "summary": "V/v báo cáo"},
    ]
    f = tmp_path / "in.json"
    f.write_text(json.dumps(entries, ensure_ascii=False), encoding="utf-8")
    code, out, _ = run(capsys, "--data-dir", d, "register", "--book", "incoming", "--json", str(f))
    results = [json.loads(line) for line in out.splitlines()]
    assert code == 1 and results[-1]["summary"]["registered"] == 0  # all or nothing by default
    code, out, _ = run(capsys, "--data-dir", d, "register", "--book", "incoming", "--each", "--json", str(f))
    results = [json.loads(line) for line in out.splitlines()]
    assert code == 1
    assert results[0]["number"] == 1
    assert "không có thật" in results[1]["fields"]["doc_date"]

    code, out, _ = run(capsys, "--data-dir", d, "list", "--book", "incoming", "--format", "json")
    listed = json.loads(out)
    assert [r["number_symbol"] for r in listed] == ["12/QĐ-UBND"]
    code, out, _ = run(capsys, "--data-dir", d, "list", "--book", "incoming", "--format", "csv",
                       "--search", "dao tao")
    assert code == 0 and "Về việc đào tạo" in out

    code, out, _ = run(capsys, "--data-dir", d, "reserve", "--type", "Công văn", "--date", "06/03/2026",
                       "--unit", "VP")
    reserved = json.loads(out)
    assert reserved["number_symbol"] == "01/SNV-VP"
    code, out, _ = run(capsys, "--data-dir", d, "void", str(reserved["id"]), "--reason", "Không ký")
    assert json.loads(out)["status"] == "voided"
    code, _, err = run(capsys, "--data-dir", d, "void", str(reserved["id"]), "--reason", "lần nữa")
    assert code == 2 and "đã bị hủy" in err


def test_console_script_help():
    out = subprocess.run([sys.executable, "-m", "main", "--help"], capture_output=True, text=True,
                         check=True).stdout
    for sub in ("register", "list", "reserve", "void"):
        assert sub in out


def test_print_command_writes_the_book(tmp_path, capsys):
    d = str(tmp_path / "data")
    run(capsys, "--data-dir", d, "setup", "--org-name", "SỞ NỘI VỤ", "--org-abbr", "SNV")
    f = tmp_path / "in.json"
    f.write_text(json.dumps([{"received_at": f"0{i}/03/2026 08:00", "issuer": "Bộ Nội vụ",
                              "number_symbol": f"{i}/BNV-VP", "doc_date": f"0{i}/03/2026",
                              "doc_type": "Công văn", "summary": f"V/v đợt {i}"} for i in range(1, 6)],
                            ensure_ascii=False), encoding="utf-8")
    assert run(capsys, "--data-dir", d, "register", "--book", "incoming", "--json", str(f))[0] == 0
    out = tmp_path / "so.pdf"
    code, printed, _ = run(capsys, "--data-dir", d, "print", "incoming", "--year", "2026",
                           "--numbers", "2-4", "--out", str(out))
    assert code == 0 and json.loads(printed)["entries"] == 3
    text = subprocess.run(["pdftotext", str(out), "-"], capture_output=True, text=True).stdout
    assert "V/v đợt 3" in text and "V/v đợt 5" not in text
    code, _, err = run(capsys, "--data-dir", d, "print", "incoming", "--numbers", "x", "--out", str(out))
    assert code == 2 and "A-B" in err


def test_ocr_command_prints_one_json_object_per_file(tmp_path, capsys):
    import random
    import sys as _sys
    from pathlib import Path

    _sys.path.insert(0, str(Path(__file__).resolve().parents[2] / "benchmarks" / "ocr_set"))
    from render import render
    from tests.ocr.conftest import state_doc

    good = tmp_path / "qd.png"
    render(state_doc(), 200, random.Random(1))[0].convert("L").save(good)
    bad = tmp_path / "empty.jpg"
    bad.write_bytes(b"")
    code, out, _ = run(capsys, "--data-dir", str(tmp_path / "d"), "ocr", str(good), str(bad), "--json")
    first, second = (json.loads(line) for line in out.splitlines())
    assert code == 1
    assert set(first) >= {"file", "issuer", "number_symbol", "date", "doc_type", "summary", "secrecy",
                          "urgency", "pages", "confidence"}
    assert (first["number_symbol"], first["date"], first["secrecy"]) == ("123/QĐ-SNV", "2024-03-05", "")
    assert set(first["confidence"]) >= {"issuer", "number_symbol", "date"}
    assert second["file"] == str(bad) and "rỗng" in second["error"]


def test_demo_on_the_command_line_has_the_sample_data(capsys):
    # `--demo` promised sample data but gave the commands an empty database.
    assert main(["--demo", "list", "--book", "incoming"]) == 0
    rows = json.loads(capsys.readouterr().out)
    assert len(rows) == 300
    assert main(["--demo", "hoso", "list", "--year", str(dt.date.today().year)]) == 0
    assert [h["code"] for h in json.loads(capsys.readouterr().out)][:2] == ["01.TCCB", "02.TCCB"]


def test_a_reader_that_stops_early_gets_no_error_message():
    # `vanthu list … | head -1` said "Lỗi tệp: không đọc/ghi được." when head closed the pipe.
    from pathlib import Path
    main_py = Path(__file__).resolve().parents[2] / "main.py"
    p = subprocess.Popen([sys.executable, str(main_py), "--demo", "list", "--book", "incoming"],
                         stdout=subprocess.PIPE, stderr=subprocess.PIPE)
    assert p.stdout.read(1) == b"["
    p.stdout.close()
    err = p.stderr.read().decode()
    assert p.wait(60) == 141 and err == ""
