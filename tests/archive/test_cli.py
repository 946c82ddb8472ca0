"""The command line drives the same services: plan, files, filing, closing, print, export, verify."""
import json

import pytest

from app.cli import build_parser, run
from tests.archive.conftest import YEAR


def cli(store, capsys, *argv):
    args = build_parser().parse_args(list(argv))
    code = run(store, args)
    captured = capsys.readouterr()
    return code, captured.out, captured.err


def lines(text):
    return [json.loads(x) for x in text.splitlines() if x.startswith("{")]


def test_a_year_from_the_command_line(office, capsys, tmp_path):
    store = office["store"]
    code, o, _ = cli(store, capsys, "hoso", "create", "--year", str(YEAR), "--code", "05.TCCB", "--title",
                     "Hồ sơ thi đua khen thưởng", "--retention", "20", "--heading", "TCCB")
    assert code == 0 and lines(o)[0]["retention"] == "20 năm"
    ids = [str(i) for i in office["in"][:3]]
    code, o, _ = cli(store, capsys, "hoso", "add", "05.TCCB", *ids, "--year", str(YEAR))
    assert code == 0 and lines(o)[0]["documents"] == 3
    code, _, err = cli(store, capsys, "hoso", "create", "--year", str(YEAR), "--code", "05.TCCB", "--title", "X",
                       "--retention", "5")
    assert code == 2 and "05.TCCB đã có trong danh mục năm 2026" in err
    code, o, _ = cli(store, capsys, "hoso", "close", "05.TCCB", "--year", str(YEAR), "--date", "10/02/2026")
    assert code == 0 and lines(o)[0]["state"] == "closed" and lines(o)[0]["pages"] == 6
    code, _, err = cli(store, capsys, "hoso", "add", "05.TCCB", ids[0], "--year", str(YEAR))
    assert code == 2 and "đã đóng" in err and "mở lại" in err
    code, o, _ = cli(store, capsys, "hoso", "list", "--year", str(YEAR), "--format", "csv")
    assert code == 0 and "05.TCCB" in o and o.startswith("id,")
    pdf = tmp_path / "dm.pdf"
    code, o, _ = cli(store, capsys, "print", "file-plan", "--year", str(YEAR), "--out", str(pdf))
    assert code == 0 and pdf.read_bytes().startswith(b"%PDF")
    out_dir = tmp_path / "nop"
    out_dir.mkdir()
    code, o, _ = cli(store, capsys, "handover", "export", "--year", str(YEAR), "--quarter", "1", "--out",
                     str(out_dir), "--zip", "--receiver", "Phạm D")
    assert code == 0, o
    result = lines(o)[0]
    assert result["files"] == 1 and result["documents"] == 3 and result["package"].endswith(".zip")
    code, o, _ = cli(store, capsys, "handover", "verify", result["package"])
    assert code == 0 and "Kết luận: gói hợp lệ" in o and o.count("ĐẠT") >= 8
    code, o, _ = cli(store, capsys, "handover", "export", "--year", str(YEAR), "--quarter", "1", "--out",
                     str(out_dir))
    assert code == 2


def test_verify_of_nothing_fails(store, capsys, tmp_path):
    code, o, _ = cli(store, capsys, "handover", "verify", str(tmp_path / "none"))
    assert code == 1 and "KHÔNG ĐẠT" in o


def test_plan_copied_from_last_year(office, capsys):
    store = office["store"]
    code, o, _ = cli(store, capsys, "hoso", "plan", "--year", str(YEAR + 1), "--from-year", str(YEAR))
    assert code == 0 and lines(o)[0]["copied"] == 3
    code, o, _ = cli(store, capsys, "hoso", "list", "--year", str(YEAR + 1))
    codes = [h["code"] for h in json.loads(o)]
    assert codes == ["02.TCCB", "01.TCCB", "03.VP"]  # plan order: đề mục lớn's own files, then its đề mục nhỏ


def test_due_lists_files_near_their_deposit_deadline(closed_quarter, capsys):
    store = closed_quarter["store"]
    code, o, _ = cli(store, capsys, "handover", "due", "--today", "01/03/2027")
    assert code == 0 and "01.TCCB" in o and "còn 19 ngày" in o and "02.TCCB" in o
    code, o, _ = cli(store, capsys, "handover", "due", "--today", "01/01/2027")
    assert "0 hồ sơ" in o


def test_export_says_which_secret_files_it_left_out(office, capsys, tmp_path):
    from app.archive import closing, filing
    from app.registers import service
    from tests.archive.conftest import incoming

    store = office["store"]
    a, b, _ = office["files"]
    with store.Session.begin() as s:
        secret = service.register(s, "secret_incoming", incoming(60, secrecy="Mật"), year=YEAR).id
        filing.add(s, a, [secret])
        filing.add(s, b, office["in"][:1])
        closing.close(s, a, on="01/02/2026")
        closing.close(s, b, on="01/02/2026")
    out = tmp_path / "o"
    out.mkdir()
    code, o, err = cli(store, capsys, "handover", "export", "--year", str(YEAR), "--quarter", "1", "--out", str(out))
    assert code == 0 and lines(o)[0]["files"] == 1
    assert "Bỏ qua hồ sơ 01.TCCB" in err and "bí mật nhà nước" in err


def test_keep_back_and_paper_counts_from_the_command_line(closed_quarter, capsys, tmp_path):
    store = closed_quarter["store"]
    y = str(YEAR)
    code, _, err = cli(store, capsys, "hoso", "keep", "02.TCCB", "--year", y, "--reason", "Còn giải quyết",
                       "--until", "26/03/2029")
    assert code == 2 and "không quá 02 năm" in err and "25/03/2029" in err
    code, o, _ = cli(store, capsys, "hoso", "keep", "02.TCCB", "--year", y, "--reason", "Còn giải quyết",
                     "--until", "25/03/2029", "--approval", "Giám đốc đồng ý")
    assert code == 0 and lines(o)[0]["state"] == "kept_back" and lines(o)[0]["kept_until"] == "2029-03-25"
    code, o, _ = cli(store, capsys, "hoso", "kept", "--year", y, "--quarter", "1")
    assert [k["code"] for k in lines(o)] == ["02.TCCB"]
    pdf = tmp_path / "giu-lai.pdf"
    code, o, _ = cli(store, capsys, "hoso", "kept", "--year", y, "--out", str(pdf))
    assert code == 0 and lines(o)[0]["files"] == 1 and pdf.read_bytes().startswith(b"%PDF")
    out_dir = tmp_path / "nop"
    out_dir.mkdir()
    with pytest.raises(SystemExit) as stop:
        build_parser().parse_args(["handover", "export", "--year", y, "--out", str(out_dir), "--boxes", "-2"])
    assert stop.value.code == 2 and "số hộp (cặp)" in capsys.readouterr().err
    code, o, err = cli(store, capsys, "handover", "export", "--year", y, "--quarter", "1", "--out", str(out_dir),
                       "--boxes", "2", "--shelf-metres", "0,3")
    assert code == 0 and lines(o)[0]["files"] == 1 and lines(o)[0]["kept_back"] == 1
    assert "02.TCCB đơn vị giữ lại đến 25/03/2029" in err
    info = (out_dir / lines(o)[0]["code"] / "bag-info.txt").read_text(encoding="utf-8")
    assert "Handover-Paper-Boxes: 2" in info and "Handover-Shelf-Metres: 0.3" in info
    code, o, _ = cli(store, capsys, "hoso", "release", "02.TCCB", "--year", y)
    assert code == 0 and lines(o)[0]["state"] == "closed"


def test_every_wrong_field_is_said_once_in_vietnamese(office, capsys):
    code, _, err = cli(office["store"], capsys, "hoso", "create", "--year", str(YEAR), "--code", "09.VP",
                       "--title", "", "--retention", "7 năm")
    said = [line.strip() for line in err.splitlines()]
    assert code == 2 and said[0] == "Lỗi: Cần tiêu đề hồ sơ." and len(said) == 2
    assert said[1].startswith("Thời hạn bảo quản phải là một trong: Vĩnh viễn") and ":" not in said[1].split()[0]
