"""The command line: first user, --user login, roles refused, audit verify, backup and restore."""
import sqlite3

import pytest

from main import main


@pytest.fixture
def office(tmp_path, monkeypatch, capsys):
    """A data folder with an organisation, an administrator and a clerk; passwords from env."""
    d = str(tmp_path / "data")
    assert main(["--data-dir", d, "setup", "--org-name", "SỞ NỘI VỤ", "--org-abbr", "SNV"]) == 0
    monkeypatch.setenv("VANTHU_NEW_PASSWORD", "quantri-123")
    assert main(["--data-dir", d, "user", "add", "admin", "--role", "quan-tri"]) == 0
    monkeypatch.setenv("VANTHU_PASSWORD", "quantri-123")
    monkeypatch.setenv("VANTHU_NEW_PASSWORD", "vanthu-123")
    assert main(["--data-dir", d, "--user", "admin", "user", "add", "lan", "--role", "van-thu"]) == 0
    monkeypatch.setenv("VANTHU_NEW_PASSWORD", "lanhdao-123")
    assert main(["--data-dir", d, "--user", "admin", "user", "add", "hung", "--role", "lanh-dao"]) == 0
    capsys.readouterr()
    return d


def run(capsys, monkeypatch, password, *argv):
    monkeypatch.setenv("VANTHU_PASSWORD", password)
    code = main(list(argv))
    out, err = capsys.readouterr()
    return code, out, err


def test_first_user_must_be_administrator(tmp_path, monkeypatch, capsys):
    monkeypatch.setenv("VANTHU_NEW_PASSWORD", "vanthu-123")
    assert main(["--data-dir", str(tmp_path), "user", "add", "lan", "--role", "van-thu"]) == 2
    assert "quản trị" in capsys.readouterr().err


def test_commands_refused_without_login_or_with_a_wrong_password(office, capsys, monkeypatch):
    monkeypatch.delenv("VANTHU_PASSWORD")
    assert main(["--data-dir", office, "list", "--book", "incoming"]) == 2
    assert "--user" in capsys.readouterr().err
    code, _, err = run(capsys, monkeypatch, "sai-mat-khau", "--data-dir", office, "--user", "lan",
                       "list", "--book", "incoming")
    assert code == 2 and "Sai mật khẩu" in err
    code, _, err = run(capsys, monkeypatch, "x", "--data-dir", office, "--user", "ai", "list",
                       "--book", "incoming")
    assert code == 2 and "Không có người dùng" in err


def test_roles_in_the_command_line(office, capsys, monkeypatch, tmp_path):
    code, _, err = run(capsys, monkeypatch, "lanhdao-123", "--data-dir", office, "--user", "hung",
                       "reserve", "--type", "Công văn", "--date", "06/03/2026", "--unit", "VP")
    assert code == 2 and "không được ghi vào sổ" in err
    code, out, _ = run(capsys, monkeypatch, "lanhdao-123", "--data-dir", office, "--user", "hung",
                       "list", "--book", "outgoing")
    assert code == 0
    code, _, err = run(capsys, monkeypatch, "vanthu-123", "--data-dir", office, "--user", "lan",
                       "user", "add", "x", "--role", "van-thu")
    assert code == 2 and "không được quản trị" in err
    code, _, err = run(capsys, monkeypatch, "vanthu-123", "--data-dir", office, "--user", "lan",
                       "restore", str(tmp_path / "x"), "--to", str(tmp_path / "y"))
    assert code == 2 and "không được quản trị" in err
    code, out, _ = run(capsys, monkeypatch, "vanthu-123", "--data-dir", office, "--user", "lan",
                       "reserve", "--type", "Công văn", "--date", "06/03/2026", "--unit", "VP")
    assert code == 0


def test_user_list_disable_and_audit_list(office, capsys, monkeypatch):
    code, _, _ = run(capsys, monkeypatch, "quantri-123", "--data-dir", office, "--user", "admin",
                     "user", "disable", "hung")
    assert code == 0
    code, out, _ = run(capsys, monkeypatch, "quantri-123", "--data-dir", office, "--user", "admin",
                       "user", "list")
    assert '"name": "hung"' in out and '"active": false' in out
    code, _, err = run(capsys, monkeypatch, "lanhdao-123", "--data-dir", office, "--user", "hung",
                       "list", "--book", "incoming")
    assert code == 2 and "đã bị khóa" in err
    code, out, _ = run(capsys, monkeypatch, "quantri-123", "--data-dir", office, "--user", "admin",
                       "audit", "list", "--kind", "Đăng nhập sai", "--format", "csv")
    assert code == 0 and "hung" in out and "Đăng nhập sai" in out


def test_audit_verify_names_a_sqlite3_edit_and_checks_a_paper_head(office, capsys, monkeypatch):
    code, out, _ = run(capsys, monkeypatch, "quantri-123", "--data-dir", office, "--user", "admin",
                       "audit", "verify")
    assert code == 0 and "nguyên vẹn" in out
    head = out.split("đầu chuỗi ")[1].strip(" .\n")
    code, out, _ = run(capsys, monkeypatch, "quantri-123", "--data-dir", office, "--user", "admin",
                       "audit", "verify", "--head", head)
    assert code == 0 and "có trong nhật ký" in out
    con = sqlite3.connect(f"{office}/vanthu.sqlite3")
    con.execute("UPDATE audit_event SET user = 'khác' WHERE id = 2")
    con.commit()
    con.close()
    code, out, _ = run(capsys, monkeypatch, "quantri-123", "--data-dir", office, "--user", "admin",
                       "audit", "verify", "--head", head)
    assert code == 1 and "gãy tại sự kiện #2" in out


def test_backup_then_restore_from_the_command_line(office, capsys, monkeypatch, tmp_path):
    code, out, _ = run(capsys, monkeypatch, "vanthu-123", "--data-dir", office, "--user", "lan",
                       "backup", "--to", str(tmp_path / "usb"))
    assert code == 0
    made = out.strip().splitlines()[-1]
    code, out, _ = run(capsys, monkeypatch, "quantri-123", "--data-dir", office, "--user", "admin",
                       "restore", made, "--to", str(tmp_path / "restored"))
    assert code == 0 and "Đã khôi phục" in out
    code, out, _ = run(capsys, monkeypatch, "quantri-123", "--data-dir", str(tmp_path / "restored"),
                       "--user", "admin", "check")
    assert code == 0, out
