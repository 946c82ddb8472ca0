"""The tracking commands end to end through main(), on a real data folder."""
import json

import openpyxl
from pypdf import PdfReader

from main import main
from tests.tracking.sheets import messy_register


def run(capsys, *argv):
    code = main(list(argv))
    out, err = capsys.readouterr()
    return code, out, err


def test_import_deadline_due_answer_report_stats_export(tmp_path, capsys):
    d = ["--data-dir", str(tmp_path / "data")]
    assert run(capsys, *d, "setup", "--org-name", "SỞ NỘI VỤ", "--org-abbr", "SNV",
               "--parent-org", "UBND TỈNH THANH HÓA", "--place", "Thanh Hóa")[0] == 0
    sheet = messy_register(tmp_path / "so cu.xlsx")
    code, out, _ = run(capsys, *d, "import", str(sheet), "--book", "incoming", "--dry-run")
    last = json.loads(out.splitlines()[-1])
    assert code == 0 and last["can_import"] and "4 dòng sẽ đăng ký" in last["summary"]
    code, out, _ = run(capsys, *d, "list", "--book", "incoming")
    assert json.loads(out) == []
    code, out, _ = run(capsys, *d, "import", str(sheet), "--book", "incoming", "--map", "I=-")
    assert code == 0 and json.loads(out.splitlines()[-1])["imported"] == 4
    ids = [r["id"] for r in json.loads(run(capsys, *d, "list", "--book", "incoming")[1])]

    code, out, _ = run(capsys, *d, "deadline", str(ids[0]), "--days", "2")
    assert code == 0 and json.loads(out)["due_date"] == "2024-03-06"
    code, _, err = run(capsys, *d, "deadline", str(ids[1]), "--date", "01/01/2024")
    assert code == 2 and "trước ngày đến" in err
    code, out, _ = run(capsys, *d, "due", "--date", "11/03/2024", "--format", "json")
    assert [i["entry_id"] for i in json.loads(out)] == [ids[0]] and json.loads(out)[0]["days_left"] == -5
    code, out, _ = run(capsys, *d, "due", "--date", "11/03/2024", "--format", "csv")
    assert out.splitlines()[0].startswith("entry_id,")

    reply = tmp_path / "out.json"
    reply.write_text(json.dumps({"doc_date": "08/03/2024", "doc_type": "Công văn", "summary": "Trả lời",
                                 "signer_name": "Lê Văn B", "drafting_unit": "VP"}, ensure_ascii=False))
    out_id = json.loads(run(capsys, *d, "register", "--book", "outgoing", "--json", str(reply))[1].splitlines()[0])["id"]
    code, _, err = run(capsys, *d, "answer", str(out_id), str(ids[0]), str(out_id))
    assert code == 2 and "không phải sổ văn bản đến" in err
    code, out, _ = run(capsys, *d, "answer", str(out_id), str(ids[0]))
    assert code == 0 and json.loads(out)["state"] == "done"
    assert json.loads(run(capsys, *d, "due", "--date", "11/03/2024")[1]) == []

    pdf = tmp_path / "bc.pdf"
    code, out, _ = run(capsys, *d, "report", "incoming", "--from", "01/01/2024", "--to", "31/12/2024",
                       "--out", str(pdf))
    assert code == 0 and "Tổng số văn bản đến" in PdfReader(pdf).pages[0].extract_text()
    code, out, _ = run(capsys, *d, "stats", "--year", "2024")
    incoming, outgoing = json.loads(out)
    assert incoming["total"] == 4 and outgoing["total"] == 1
    assert incoming["groups"]["Theo tháng"]["03/2024"] == 4

    xlsx = tmp_path / "ra.xlsx"
    code, out, _ = run(capsys, *d, "export", "--book", "incoming", "--year", "2024", "--search", "Bộ Nội vụ",
                       "--out", str(xlsx))
    assert json.loads(out)["rows"] == 1
    assert list(openpyxl.load_workbook(xlsx).active.iter_rows(values_only=True))[1][2] == "Bộ Nội vụ"

    assert run(capsys, *d, "calendar", "add", "09/03/2024", "work", "--note", "Làm bù")[0] == 0
    code, out, _ = run(capsys, *d, "calendar", "list", "--year", "2024")
    days = {json.loads(l)["day"]: json.loads(l) for l in out.splitlines()}
    assert days["2024-03-09"]["working"] and "Tết" in days["2024-02-12"]["reason"]


def test_import_of_an_old_xls_says_what_to_do(tmp_path, capsys):
    old = tmp_path / "so.xls"
    old.write_bytes(b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + b"\0" * 64)
    code, _, err = run(capsys, "--data-dir", str(tmp_path / "d"), "import", str(old))
    assert code == 2 and ".xlsx" in err and "Traceback" not in err
