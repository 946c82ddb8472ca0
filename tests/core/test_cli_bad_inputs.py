"""Every bad input the trial met on the command line ends with a Vietnamese message, a non-zero
exit code and no traceback (issue 9, finding 8)."""
import json
import subprocess
import sys
from pathlib import Path

import pytest
from PIL import Image

ROOT = Path(__file__).resolve().parents[2]
VIETNAMESE = set("ăâđêôơưạảấầẩẫậắằẳẵặẹẻẽếềểễệỉịọỏốồổỗộớờởỡợụủứừửữựỳỵỷỹàáèéìíòóùúý")
GOOD = {"received_at": "05/03/2026 08:00", "issuer": "Sở Tài chính", "number_symbol": "12/STC-NS",
        "doc_date": "02/03/2026", "doc_type": "Công văn", "summary": "V/v dự toán"}


def vanthu(data: Path, *args, stdin: bytes | None = None):
    env = {"PATH": "/usr/bin:/bin", "QT_QPA_PLATFORM": "offscreen", "HOME": str(data.parent)}
    return subprocess.run([sys.executable, str(ROOT / "main.py"), "--data-dir", str(data), *args],
                          capture_output=True, input=stdin, env=env, cwd=ROOT, timeout=120)


@pytest.fixture(scope="module")
def place(tmp_path_factory):
    root = tmp_path_factory.mktemp("cli")
    data = root / "data"
    assert vanthu(data, "setup", "--org-name", "SỞ NỘI VỤ", "--org-abbr", "SNV").returncode == 0
    files = {
        "empty.json": b"", "invalid.json": b"{ not json", "null.json": b"null",
        "bom.json": ("\ufeff" + json.dumps({**GOOD, "number_symbol": "1/BOM"}, ensure_ascii=False)).encode(),
        "utf16.json": json.dumps({**GOOD, "number_symbol": "1/U16"}, ensure_ascii=False).encode("utf-16"),
        "int_date.json": json.dumps({**GOOD, "doc_date": 20260305}).encode(),
        "null_item.json": json.dumps([GOOD, None]).encode(),
        "list_item.json": json.dumps([[GOOD]]).encode(),
        "future.json": json.dumps({**GOOD, "received_at": "05/03/2030 08:00"}).encode(),
        "year9999.json": json.dumps({**GOOD, "received_at": "05/03/9999 08:00"}).encode(),
        "list_summary.json": json.dumps({**GOOD, "summary": ["a"]}).encode(),
    }
    for name, data_ in files.items():
        (root / name).write_bytes(data_)
    (root / "folder.json").mkdir()
    Image.new("L", (1, 1), 255).save(root / "dot.png")
    Image.new("L", (1, 20000), 255).save(root / "strip.png")
    (root / "truncated.png").write_bytes((root / "strip.png").read_bytes()[:60])
    (root / "a_file").write_text("x")
    return root, data


CASES = [
    ("missing json", ["register", "--book", "incoming", "--json", "{r}/nope.json"]),
    ("empty json", ["register", "--book", "incoming", "--json", "{r}/empty.json"]),
    ("invalid json", ["register", "--book", "incoming", "--json", "{r}/invalid.json"]),
    ("null", ["register", "--book", "incoming", "--json", "{r}/null.json"]),
    ("directory as json", ["register", "--book", "incoming", "--json", "{r}/folder.json"]),
    ("integer date", ["register", "--book", "incoming", "--json", "{r}/int_date.json"]),
    ("null item", ["register", "--book", "incoming", "--json", "{r}/null_item.json"]),
    ("list item", ["register", "--book", "incoming", "--json", "{r}/list_item.json"]),
    ("future arrival", ["register", "--book", "incoming", "--json", "{r}/future.json"]),
    ("year 9999", ["register", "--book", "incoming", "--json", "{r}/year9999.json"]),
    ("list as summary", ["register", "--book", "incoming", "--json", "{r}/list_summary.json"]),
    ("reserve in 2030", ["reserve", "--type", "Quyết định", "--date", "05/03/2030"]),
    ("reserve year 0001", ["reserve", "--type", "Quyết định", "--date", "01/01/0001"]),
    ("print out is a folder", ["print", "incoming", "--year", "2026", "--out", "{r}"]),
    ("numbers backwards", ["print", "incoming", "--year", "2026", "--numbers", "50-10", "--out", "{r}/a.pdf"]),
    ("volume -3", ["print", "incoming", "--year", "2026", "--volume", "-3", "--out", "{r}/a.pdf"]),
    ("volume 0", ["print", "incoming", "--year", "2026", "--volume", "0", "--out", "{r}/a.pdf"]),
    ("ocr of a folder", ["ocr", "{r}/folder.json"]),
    ("ocr of 1x1", ["ocr", "{r}/dot.png"]),
    ("ocr of 1x20000", ["ocr", "{r}/strip.png"]),
    ("ocr truncated", ["ocr", "{r}/truncated.png"]),
    ("history unknown id", ["history", "999999"]),
    ("void unknown id", ["void", "999999", "--reason", "nhầm"]),
    ("complete missing", ["complete", "999999", "--json", "{r}/bom.json"]),
    ("unknown book", ["list", "--book", "khong-co"]),
    ("missing argument", ["void", "3"]),
]


@pytest.mark.parametrize("name,args", CASES, ids=[c[0] for c in CASES])
def test_bad_input_gets_a_vietnamese_message(place, name, args):
    root, data = place
    r = vanthu(data, *[a.format(r=root) for a in args])
    said = (r.stderr + r.stdout).decode()
    assert r.returncode != 0, said
    assert "Traceback" not in said
    assert VIETNAMESE & set(said.lower()), said
    assert "Errno" not in said and "NoneType" not in said


def test_data_dir_that_is_a_file(place):
    root, _data = place
    r = vanthu(root / "a_file", "list", "--book", "incoming")
    assert r.returncode == 2 and "là một tệp" in r.stderr.decode() and b"Traceback" not in r.stderr


def test_bom_and_utf16_are_simply_read(place):
    root, data = place
    for name in ("bom.json", "utf16.json"):
        r = vanthu(data, "register", "--book", "incoming", "--json", str(root / name))
        assert r.returncode == 0, r.stderr.decode()
        assert json.loads(r.stdout.decode().splitlines()[-1])["summary"]["registered"] == 1


def test_one_bad_file_never_stops_the_others(place):
    root, data = place
    r = vanthu(data, "ocr", str(root / "strip.png"), str(root / "folder.json"), str(root / "dot.png"))
    lines = [json.loads(x) for x in r.stdout.decode().splitlines()]
    assert r.returncode == 1 and len(lines) == 3 and all("error" in x for x in lines)
