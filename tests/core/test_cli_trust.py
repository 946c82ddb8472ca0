"""vanthu trust import|list|remove, attach and scans: a PDF signed here by a CA made for the
test, kept from the command line and shown with its signature lines, verified only once the
CA's root is imported; a file that is not a certificate is refused with a Vietnamese message."""
import json

import pytest

from main import main
from tests.core.signed_pdf import authority, changed_copy, signed_pdf

IN = {"received_at": "05/03/2026 08:15", "issuer": "UBND TỈNH QUẢNG BÌNH - SỞ THÔNG TIN VÀ TRUYỀN THÔNG",
      "number_symbol": "12/TB-STTTT", "doc_date": "2026-03-02", "doc_type": "Thông báo", "summary": "Về việc thử"}


def run(capsys, d, *argv):
    code = main(["--data-dir", str(d), *argv])
    out, err = capsys.readouterr()
    return code, out, err


@pytest.fixture(scope="module")
def ca(tmp_path_factory):
    auth = authority()
    folder = tmp_path_factory.mktemp("ca-cli")
    (folder / "Root CA.crt").write_bytes(auth.root_pem())
    return auth, folder, signed_pdf(folder, auth)


def _registered(capsys, d, tmp_path, n=2):
    f = tmp_path / "in.json"
    f.write_text(json.dumps([{**IN, "number_symbol": f"{i}/TB-STTTT"} for i in range(1, n + 1)],
                            ensure_ascii=False), encoding="utf-8")
    code, out, err = run(capsys, d, "register", "--book", "incoming", "--json", str(f))
    assert code == 0, err
    return [json.loads(line)["id"] for line in out.splitlines() if '"id"' in line]


def test_trust_attach_and_scans(tmp_path, capsys, ca):
    auth, folder, path = ca
    d = tmp_path / "data"
    assert run(capsys, d, "setup", "--org-name", "SỞ NỘI VỤ", "--org-abbr", "SNV")[0] == 0
    first, second, third = _registered(capsys, d, tmp_path, 3)
    assert run(capsys, d, "scans", str(third), "--format", "text")[1] == "Văn bản chưa có bản quét.\n"
    code, out, err = run(capsys, d, "attach", str(first), str(path))
    assert code == 0, err
    (sig,) = json.loads(out)["signatures"]
    assert sig["signer"] == "Sở Thông tin và Truyền thông" and sig["intact"] and not sig["trusted"]

    code, out, err = run(capsys, d, "trust", "import", str(folder / "Root CA.crt"))
    assert code == 0, err
    name = json.loads(out)["imported"]["name"]
    assert name == "Root-CA.cer" and (d / "trust" / name).is_file()
    code, out, _ = run(capsys, d, "trust", "list")
    assert [json.loads(line)["name"] for line in out.splitlines()] == [name]

    changed = changed_copy(path, tmp_path / "changed.pdf")
    assert run(capsys, d, "attach", str(second), str(changed))[0] == 0
    code, out, _ = run(capsys, d, "scans", str(first), "--format", "text")
    assert code == 0
    assert out.splitlines()[1] == (f"  Chữ ký số: Sở Thông tin và Truyền thông, {sig_time(sig)} — nguyên vẹn, "
                                   "chưa xác minh được nguồn cấp chứng thư")  # as read when it was kept
    code, out, _ = run(capsys, d, "scans", str(second))
    (changed_sig,) = json.loads(out)["signatures"]
    assert changed_sig["intact"] is False and changed_sig["text"].endswith("— văn bản đã bị sửa sau khi ký")
    code, out, _ = run(capsys, d, "scans", str(first), "--recheck")  # against the root imported since
    (rechecked,) = json.loads(out)["signatures"]
    assert code == 0 and rechecked["trusted"] and rechecked["intact"]
    assert rechecked["signed_at"] == sig["signed_at"]

    code, out, _ = run(capsys, d, "ocr", str(path))
    (read,) = json.loads(out)["signatures"]
    assert read["trusted"] and read["text"].endswith("nguyên vẹn, chứng thư hợp lệ theo chứng thư gốc đã nhập")

    assert run(capsys, d, "trust", "remove", name)[0] == 0
    code, out, _ = run(capsys, d, "trust", "list")
    assert out == ""
    code, _, err = run(capsys, d, "trust", "remove", name)
    assert code == 2 and "Không có chứng thư gốc" in err


def sig_time(sig: dict) -> str:
    import datetime as dt

    return dt.datetime.fromisoformat(sig["signed_at"]).strftime("%d/%m/%Y %H:%M")


def test_a_bad_certificate_is_refused_in_vietnamese(tmp_path, capsys):
    d = tmp_path / "data"
    bad = tmp_path / "goc.cer"
    bad.write_bytes(b"\x30\x82\x01\x00 not a certificate")
    code, out, err = run(capsys, d, "trust", "import", str(bad))
    assert code == 2 and out == ""
    assert err.startswith("Lỗi: Tệp không phải chứng thư số") and "Traceback" not in err
    assert not (d / "trust").exists() or not list((d / "trust").iterdir())
    code, _, err = run(capsys, d, "trust", "import", str(tmp_path / "khong-co.cer"))
    assert code == 2 and "Không đọc được tệp" in err


def test_scans_of_an_entry_that_does_not_exist(tmp_path, capsys):
    code, _, err = run(capsys, tmp_path / "data", "scans", "99")
    assert code == 2 and "Không tìm thấy" in err
