"""Item 11: `vanthu secret …` and `vanthu print secret-…`, and item 12's refusals."""
import json

import pytest

from app.cli import secrets as cli_secrets
from app.secrets.airgap import fake_probe
from main import main


@pytest.fixture
def cli(tmp_path, capsys, monkeypatch):
    monkeypatch.setattr(cli_secrets, "PROBE", fake_probe())
    monkeypatch.setenv("VANTHU_SECRET_PASSWORD", "mat-khau-quan-tri")
    d = str(tmp_path / "data")

    def run(*argv, user="quantri"):
        pre = ["--data-dir", d]
        if argv and argv[0] == "secret" and user:
            argv = ("secret", "--user", user) + argv[1:]
        code = main(pre + list(argv))
        out, err = capsys.readouterr()
        return code, out, err

    assert run("setup", "--org-name", "SỞ NỘI VỤ", "--org-abbr", "SNV", user=None)[0] == 0
    code, out, _ = run("secret", "setup")
    assert code == 0 and len(json.loads(out)["recovery_key"]) == 39
    return run, tmp_path


def test_register_transfer_holdings_copy_recall_print(cli, monkeypatch):
    run, tmp = cli
    f = tmp / "in.json"
    f.write_text(json.dumps({"received_at": "02/03/2026 09:00", "issuer": "BỘ CÔNG AN",
                             "number_symbol": "12/BCA", "doc_date": "27/02/2026", "doc_type": "Công văn",
                             "summary": "Về bảo vệ bí mật", "secrecy": "Tối mật", "envelope": "B"},
                            ensure_ascii=False), encoding="utf-8")
    code, out, _ = run("secret", "register", "--book", "secret_incoming", "--json", str(f))
    entry = json.loads(out)["id"]
    assert code == 0
    assert run("secret", "transfer", str(entry), "--to", "Nguyễn Văn Hưu", "--copies", "1")[0] == 0
    code, out, _ = run("secret", "holdings", "Nguyễn Văn Hưu")
    assert [h["entry"] for h in json.loads(out)] == [entry]
    code, _, err = run("secret", "copy", str(entry), "--authorised-by", "Giám đốc", "--copies", "1",
                       "--form", "sao-y")
    assert code == 2 and "không có trong danh sách" in err
    assert run("secret", "authoriser", "Giám đốc", "--level", "Tuyệt mật", "--max-copies", "3")[0] == 0
    code, out, _ = run("secret", "copy", str(entry), "--authorised-by", "Giám đốc", "--copies", "2",
                       "--form", "chup")
    assert code == 0 and json.loads(out)["numbers"] == "1–2"
    code, _, err = run("secret", "copy", str(entry), "--authorised-by", "Giám đốc", "--copies", "4",
                       "--form", "sao-y")
    assert code == 2 and "Vượt số bản" in err
    pdf = tmp / "recall.pdf"
    code, out, _ = run("secret", "recall", "--person", "Nguyễn Văn Hưu", "--reason", "Nghỉ hưu",
                       "--out", str(pdf))
    line = json.loads(out)["items"][0]["transfer"]
    assert code == 0 and pdf.exists()
    code, out, _ = run("secret", "recall", "--returned", str(line))
    assert json.loads(out)["outstanding"] == 0
    for form in ("secret-transfer", "secret-copies", "secret-stats"):
        target = tmp / f"{form}.pdf"
        code, out, err = run("print", form, "--user", "quantri", "--year", "2026", "--out", str(target),
                             user=None)
        assert code == 0, err
        assert json.loads(out)["pages"] >= 3
    code, out, _ = run("secret", "declassify", str(entry), "--decision", "9/QĐ", "--date", "01/06/2030")
    assert json.loads(out)["state"] == "declassified"
    code, _, err = run("secret", "declassify", str(entry), "--decision", "9/QĐ", "--date", "01/06/2030")
    assert code == 2 and "đã được giải mật" in err
    code, out, _ = run("secret", "due", "--days", "30")
    assert code == 0 and json.loads(out) == []


def test_refusals_wrong_password_uncleared_user_network(cli, monkeypatch):
    run, tmp = cli
    monkeypatch.setenv("VANTHU_SECRET_NEW_PASSWORD", "mat-khau-nguoi-mat")
    assert run("secret", "grant", "canbo", "--clearance", "mat")[0] == 0
    monkeypatch.setenv("VANTHU_SECRET_PASSWORD", "sai")
    code, _, err = run("secret", "holdings")
    assert code == 2 and err.startswith("Lỗi: Mật khẩu không đúng")
    code, _, err = run("secret", "holdings", user="khach")
    assert code == 2 and "không được giao khóa" in err
    monkeypatch.setenv("VANTHU_SECRET_PASSWORD", "mat-khau-nguoi-mat")
    code, _, err = run("secret", "authoriser", "X", "--level", "Mật", user="canbo")
    assert code == 2 and "quản trị" in err
    monkeypatch.setattr(cli_secrets, "PROBE", fake_probe("wlan0"))
    f = tmp / "in.json"
    f.write_text(json.dumps({"received_at": "02/03/2026 09:00", "issuer": "A", "doc_date": "27/02/2026",
                             "doc_type": "Công văn", "summary": "B", "secrecy": "Mật"}), encoding="utf-8")
    code, _, err = run("secret", "register", "--book", "secret_incoming", "--json", str(f), user="canbo")
    assert code == 2 and "Máy đang kết nối mạng" in err
    code, out, _ = run("secret", "airgap", user="canbo")
    assert json.loads(out)["connected"] == ["wlan0"] and not json.loads(out)["writes_allowed"]


def test_destruction_and_terms_from_the_command_line(cli):
    run, tmp = cli
    f = tmp / "out.json"
    f.write_text(json.dumps({"doc_date": "05/03/2026", "doc_type": "Kế hoạch", "summary": "Kế hoạch A",
                             "signer_name": "Nguyễn Văn A", "secrecy": "Mật", "copies": 2},
                            ensure_ascii=False), encoding="utf-8")
    entry = json.loads(run("secret", "register", "--book", "secret_outgoing", "--json", str(f))[1])["id"]
    code, out, _ = run("secret", "extend", str(entry), "--years", "5", "--decision", "1/QĐ",
                       "--date", "01/01/2035")
    assert code == 0 and json.loads(out)["protected_until"] == "2041-03-05"
    code, _, err = run("secret", "expire", str(entry))
    assert code == 2 and "chưa hết" in err
    proposal = json.loads(run("secret", "destroy-propose", str(entry), "--reason", "Hết giá trị")[1])["proposal"]
    code, _, err = run("secret", "destroy-done", str(proposal), "--date", "02/06/2026", "--method", "Đốt")
    assert code == 2 and "sau khi có quyết định" in err
    assert run("secret", "destroy-decide", str(proposal), "--decision", "7/QĐ", "--date", "01/06/2026",
               "--by", "Giám đốc", "--council", "A;B;C")[0] == 0
    pdf = tmp / "bb.pdf"
    code, out, _ = run("secret", "destroy-done", str(proposal), "--date", "02/06/2026", "--method", "Đốt",
                       "--out", str(pdf))
    assert code == 0 and json.loads(out)["state"] == "done" and pdf.exists()
    code, out, _ = run("secret", "list", "--book", "secret_outgoing")
    assert [r["state"] for r in json.loads(out)] == ["destroyed"]
    code, _, err = run("secret", "transfer", str(entry), "--to", "X")
    assert code == 2 and "đã tiêu hủy" in err


def test_revoke_from_the_command_line_rekeys_and_locks_the_user_out(cli, monkeypatch):
    run, tmp = cli
    monkeypatch.setenv("VANTHU_SECRET_NEW_PASSWORD", "mat-khau-nguoi-mat")
    assert run("secret", "grant", "canbo", "--clearance", "mat")[0] == 0
    monkeypatch.setenv("VANTHU_SECRET_PASSWORD", "mat-khau-nguoi-mat")
    assert run("secret", "holdings", user="canbo")[0] == 0
    code, _, err = run("secret", "revoke", "quantri", user="canbo")
    assert code == 2 and "quản trị" in err
    monkeypatch.setenv("VANTHU_SECRET_PASSWORD", "mat-khau-quan-tri")
    code, out, _ = run("secret", "revoke", "canbo")
    assert code == 0 and json.loads(out) == {"revoked": "canbo", "rekeyed": True, "grant_again": []}
    monkeypatch.setenv("VANTHU_SECRET_PASSWORD", "mat-khau-nguoi-mat")
    code, _, err = run("secret", "holdings", user="canbo")
    assert code == 2 and "không được giao khóa" in err
    monkeypatch.setenv("VANTHU_SECRET_PASSWORD", "mat-khau-quan-tri")
    assert run("secret", "holdings")[0] == 0


def test_backup_of_the_secret_store_from_the_command_line(cli):
    run, tmp = cli
    code, out, _ = run("secret", "backup", "--to", str(tmp / "usb"))
    saved = json.loads(out)["backup"]
    assert code == 0 and saved.startswith(str(tmp / "usb" / "kho-mat"))
    from pathlib import Path

    assert (Path(saved) / "vanthu-mat.sqlcipher").read_bytes()[:6] != b"SQLite"


def test_disabling_a_key_holder_on_the_command_line_says_the_key_still_opens_the_store(cli, monkeypatch):
    run, tmp = cli
    monkeypatch.setenv("VANTHU_NEW_PASSWORD", "mat-khau-quan-tri")
    assert run("user", "add", "quantri", "--role", "quan-tri", "--clearance", "tuyet-mat", user=None)[0] == 0
    monkeypatch.setenv("VANTHU_PASSWORD", "mat-khau-quan-tri")
    monkeypatch.setenv("VANTHU_NEW_PASSWORD", "mat-khau-nguoi-mat")
    assert run("--user", "quantri", "user", "add", "canbo", "--role", "van-thu", "--clearance", "mat",
               user=None)[0] == 0
    monkeypatch.setenv("VANTHU_SECRET_NEW_PASSWORD", "mat-khau-nguoi-mat")
    assert run("secret", "grant", "canbo", "--clearance", "mat")[0] == 0
    code, _, err = run("--user", "quantri", "user", "disable", "canbo", user=None)
    assert code == 0 and "vanthu secret revoke canbo" in err
    assert run("secret", "revoke", "canbo")[0] == 0
    code, _, err = run("--user", "quantri", "user", "disable", "canbo", user=None)
    assert "secret revoke" not in err


def test_show_prints_the_card_and_records_the_opening(cli):
    run, tmp = cli
    f = tmp / "in.json"
    f.write_text(json.dumps({"received_at": "02/03/2026 09:00", "issuer": "BỘ CÔNG AN",
                             "number_symbol": "21/BCA", "doc_date": "27/02/2026", "doc_type": "Công văn",
                             "summary": "Về bảo vệ bí mật", "secrecy": "Mật", "envelope": "C", "copy_no": "03"},
                            ensure_ascii=False), encoding="utf-8")
    entry = json.loads(run("secret", "register", "--book", "secret_incoming", "--json", str(f))[1])["id"]
    code, out, _ = run("secret", "show", str(entry), "--format", "text")
    assert code == 0 and out.splitlines()[0] == "21/BCA — Công văn: Về bảo vệ bí mật"
    assert "Bì dấu chữ C; bản số 03" in out
    code, out, _ = run("secret", "show", str(entry))
    assert json.loads(out)["lines"][0].startswith("Mật — bảo vệ đến")
    code, _, err = run("secret", "show", "999")
    assert code != 0 and "Không tìm thấy" in err and "Traceback" not in err
    from app.secrets import events, store as secret_store
    s2 = secret_store.open_store(tmp / "data", user="quantri", password="mat-khau-quan-tri")
    with s2.ReadSession() as s:
        assert events.kinds(s, entry).count("secret_open") == 2
    s2.close()


def test_setup_says_so_when_the_machine_has_no_keyring(tmp_path, capsys, monkeypatch):
    import keyring
    from keyring.backends import fail

    monkeypatch.setattr(cli_secrets, "PROBE", fake_probe())
    monkeypatch.setenv("VANTHU_SECRET_PASSWORD", "mat-khau-quan-tri")
    keyring.set_keyring(fail.Keyring())
    d = str(tmp_path / "data")
    assert main(["--data-dir", d, "setup", "--org-name", "SỞ NỘI VỤ", "--org-abbr", "SNV"]) == 0
    capsys.readouterr()
    assert main(["--data-dir", d, "secret", "--user", "quantri", "setup"]) == 0
    said = json.loads(capsys.readouterr().out)
    assert said["in_keyring"] is False and "mỗi lần mở kho mật cần nhập mật khẩu" in said["note"]
