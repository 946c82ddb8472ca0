"""The handover package built from a small database, validated by bagit-python, and tampered
with: every change is found and the file named."""
import errno
import zipfile

import bagit
import pytest

from app.archive import handover, package, plan, verify
from app.errors import DomainError
from tests.archive.conftest import YEAR


def export(office, tmp_path, **kw):
    out = tmp_path / "out"
    out.mkdir(exist_ok=True)
    return package.export(office["store"], YEAR, "Q1", out, giver=("Trần Thị B", "Văn thư"),
                          receiver=("Phạm D", "Lưu trữ viên"), **kw)


def test_package_is_a_valid_bagit_1_0_bag(closed_quarter, tmp_path):
    result = export(closed_quarter, tmp_path)
    bag = bagit.Bag(str(result.path))
    bag.validate()  # bagit-python itself, full checksums
    assert bag.version_info == (1, 0)
    assert bag.algorithms == ["sha256"]
    info = bag.info
    assert info["External-Identifier"] == result.code == "NL-2026-Q1-01"
    assert info["Source-Organization"] == "SỞ NỘI VỤ"
    assert info["Handover-Minutes-Number"] == result.minutes_number == "01/BB-SNV"
    assert info["Payload-Oxum"].endswith(f".{result.payload_files}")
    assert {"Bagging-Date", "Bag-Group-Identifier", "Handover-Period"} <= set(info)
    data = result.path / "data"
    codes = sorted(p.name for p in data.iterdir() if p.is_dir())
    assert codes == ["01.TCCB", "02.TCCB"]
    # filing order: outgoing (no scans) first, then the two incoming with their scans
    assert sorted(p.name for p in (data / "01.TCCB").iterdir()) == [
        "003.ocr.pdf", "003.png", "004.ocr.pdf", "004.png", "ho-so.xml", "van-ban.csv"]
    assert (result.path / "README.txt").read_text(encoding="utf-8").startswith("GÓI HỒ SƠ NỘP LƯU")
    assert "README.txt" in (result.path / "tagmanifest-sha256.txt").read_text()
    report = verify.verify(result.path)
    assert report.ok, report.lines()
    with office_session(closed_quarter) as s:
        states = {h.code: (h.state, h.minutes_number) for h in plan.list_hoso(s, YEAR)}
    assert states["01.TCCB"] == ("handed_over", "01/BB-SNV")
    assert states["03.VP"][0] == "open"


def office_session(office):
    return office["store"].ReadSession()


def test_metadata_carries_the_phu_luc_vi_elements(closed_quarter, tmp_path):
    import xml.etree.ElementTree as ET

    result = export(closed_quarter, tmp_path)
    root = ET.parse(result.path / "data" / "01.TCCB" / "ho-so.xml").getroot()
    f = root.find("File")
    assert f.findtext("FileCode/OrganId") == "H26.01"
    assert f.findtext("FileCode/FileCatalog") == "2026"
    assert f.findtext("FileCode/FileNotation") == "01.TCCB"
    assert f.findtext("Maintenance") == "Vĩnh viễn"
    assert f.findtext("DocTotal") == "4"
    outgoing, incoming = root.findall("Documents/OutgoingDocument"), root.findall("Documents/IncomingDocument")
    assert len(outgoing) == 2 and len(incoming) == 2
    assert [c.tag for c in outgoing[0]][:-1] == ["FileCode", "DocOrdinal", "TypeName", "CodeNumber", "CodeNotation",
                                                 "IssuedDate", "OrganName", "Subject", "Language", "PageAmount",
                                                 "Description", "SignerInfo", "To", "Priority", "IssuedAmount",
                                                 "DueDate"]
    assert len([c.tag for c in incoming[0]][:-1]) == 18
    assert incoming[0].findtext("ArrivalNumber") == "1"
    assert incoming[0].findtext("CodeNumber") == "1" and incoming[0].findtext("CodeNotation") == "BC-UBND"
    assert outgoing[0].findtext("CodeNotation") == "QĐ-SNV"
    csv_text = (result.path / "data" / "01.TCCB" / "van-ban.csv").read_bytes().decode("utf-8-sig")
    assert "Về việc điều động cán bộ 1" in csv_text


def test_zip_package_verifies(closed_quarter, tmp_path):
    result = export(closed_quarter, tmp_path, as_zip=True)
    assert result.path.suffix == ".zip" and zipfile.is_zipfile(result.path)
    assert verify.verify(result.path).ok
    assert not [p for p in result.path.parent.iterdir() if p.name.startswith(".")]


def test_zip_export_is_checked_as_a_bag_then_as_a_zip(closed_quarter, tmp_path):
    result = export(closed_quarter, tmp_path, as_zip=True)
    assert result.checks[0].startswith("1. Tệp nén: ĐẠT")
    assert any("Mã kiểm tra SHA-256" in c and "ĐẠT" in c for c in result.checks)
    assert result.checks[-1] == "Kết luận: gói hợp lệ, đầy đủ và nguyên vẹn."


@pytest.mark.parametrize("how", ["byte", "member"])
def test_a_zip_damaged_while_written_is_refused(closed_quarter, tmp_path, monkeypatch, how):
    """The zip is read back after writing: a member whose bytes no longer match its CRC, or a
    member the checked folder does not hold, stops the export; nothing is left and the files
    stay closed."""
    real = package._zip

    def zip_then_damage(folder, target, code):
        real(folder, target, code)
        if how == "member":
            with zipfile.ZipFile(target, "a") as zf:
                zf.writestr(f"{code}/data/02.TCCB/extra.txt", "thêm")
            return
        with zipfile.ZipFile(target) as zf:
            info = next(i for i in zf.infolist() if i.filename.endswith("001.png"))
        raw = bytearray(target.read_bytes())
        raw[info.header_offset + 30 + len(info.filename.encode()) + 5] ^= 1  # a byte of its data
        target.write_bytes(bytes(raw))

    monkeypatch.setattr(package, "_zip", zip_then_damage)
    with pytest.raises(package.WriteFailed) as err:
        export(closed_quarter, tmp_path, as_zip=True)
    assert "Gói .zip vừa ghi không qua kiểm tra" in err.value.message
    assert ("sai CRC" if how == "byte" else "extra.txt") in err.value.message
    assert list((tmp_path / "out").iterdir()) == []
    with office_session(closed_quarter) as s:
        assert {h.code: h.state for h in plan.list_hoso(s, YEAR)}["02.TCCB"] == "closed"


def _tampered(result, how):
    data = result.path / "data"
    if how == "byte":
        target = data / "02.TCCB" / "001.png"
        raw = bytearray(target.read_bytes())
        raw[10] ^= 1
        target.write_bytes(bytes(raw))
        return "data/02.TCCB/001.png"
    if how == "removed":
        (data / "02.TCCB" / "002.ocr.pdf").unlink()
        return "data/02.TCCB/002.ocr.pdf"
    (data / "02.TCCB" / "extra.txt").write_text("thêm")
    return "data/02.TCCB/extra.txt"


@pytest.mark.parametrize("how", ["byte", "removed", "added"])
def test_every_change_after_export_is_found_and_named(closed_quarter, tmp_path, how):
    result = export(closed_quarter, tmp_path)
    name = _tampered(result, how)
    report = verify.verify(result.path)
    assert not report.ok
    failed = [c for c in report.checks if not c.ok]
    assert any(name in c.files and name in c.message for c in failed), report.lines()
    assert not bagit.Bag(str(result.path)).is_valid()


def test_payload_oxum_mismatch_is_said_in_vietnamese(closed_quarter, tmp_path):
    result = export(closed_quarter, tmp_path)
    _tampered(result, "added")
    oxum = next(c for c in verify.verify(result.path).checks if c.title.startswith("Payload-Oxum"))
    files = result.payload_files
    assert not oxum.ok and f"ghi {files} tệp" in oxum.message and f"data/ có {files + 1} tệp" in oxum.message
    assert "Expected" not in oxum.message and "validation" not in oxum.message


def test_changed_zip_is_found(closed_quarter, tmp_path):
    result = export(closed_quarter, tmp_path, as_zip=True)
    raw = bytearray(result.path.read_bytes())
    at = raw.find(b"scan 3")
    raw[at] ^= 1
    result.path.write_bytes(bytes(raw))
    report = verify.verify(result.path)
    assert not report.ok and "CRC" in report.checks[0].message


def test_a_zip_cut_short_or_not_a_zip_is_said_so(closed_quarter, tmp_path):
    result = export(closed_quarter, tmp_path, as_zip=True)
    cut = tmp_path / "cut.zip"
    cut.write_bytes(result.path.read_bytes()[: result.path.stat().st_size // 2])  # copying stopped half way
    text = tmp_path / "ghi-chu.zip"
    text.write_text("không phải gói", encoding="utf-8")
    for path in (cut, text):
        report = verify.verify(path)
        assert not report.ok and "không phải tệp .zip đọc được" in report.checks[0].message
        assert verify.exit_code(report) == 1
    assert "Không có thư mục hoặc tệp .zip" in verify.verify(tmp_path / "khong-co.zip").checks[0].message


def test_full_disk_leaves_nothing_and_files_stay_closed(closed_quarter, tmp_path, monkeypatch):
    calls = []

    def full(src, dest, known=""):
        calls.append(src)
        if len(calls) > 3:
            raise OSError(errno.ENOSPC, "No space left on device")
        return real(src, dest, known)

    real = package._copy
    monkeypatch.setattr(package, "_copy", full)
    with pytest.raises(DomainError) as err:
        export(closed_quarter, tmp_path)
    assert "đĩa đầy" in err.value.message and "chưa nộp lưu" in err.value.message
    assert list((tmp_path / "out").iterdir()) == []
    with office_session(closed_quarter) as s:
        states = {h.code: h.state for h in plan.list_hoso(s, YEAR)}
        batches = handover.batches(s, YEAR)
    assert states["01.TCCB"] == states["02.TCCB"] == "closed"
    assert [(b.state, b.minutes_number) for b in batches] == [("failed", "01/BB-SNV")]
    monkeypatch.setattr(package, "_copy", real)
    again = export(closed_quarter, tmp_path)
    assert again.minutes_number == "02/BB-SNV"  # a spent number is never reused


def test_a_mistyped_target_folder_spends_no_minutes_number(closed_quarter, tmp_path):
    # Found in use: the first handover of a new office came out as biên bản 02 because the
    # first try named a folder that did not exist.
    store = closed_quarter["store"]
    with pytest.raises(DomainError, match="không tồn tại"):
        package.export(store, YEAR, "Q1", tmp_path / "khong-co")
    with office_session(closed_quarter) as s:
        assert handover.batches(s, YEAR) == []
        assert "in_handover" not in {h.state for h in plan.list_hoso(s, YEAR)}
    assert export(closed_quarter, tmp_path).minutes_number == "01/BB-SNV"


def test_read_only_target(closed_quarter, tmp_path, monkeypatch):
    def refuse(*a, **kw):
        raise PermissionError(errno.EROFS, "Read-only file system")

    monkeypatch.setattr(package.tempfile, "mkdtemp", refuse)
    with pytest.raises(DomainError) as err:
        export(closed_quarter, tmp_path)
    assert "chỉ đọc" in err.value.message


def test_missing_scan_is_named(closed_quarter, tmp_path):
    store = closed_quarter["store"]
    victim = next(store.files_dir.rglob("*.png"))
    victim.unlink()
    with pytest.raises(DomainError) as err:
        export(closed_quarter, tmp_path)
    assert str(victim) in err.value.message and "hồ sơ 02.TCCB" in err.value.message


def test_empty_period(closed_quarter, tmp_path):
    with pytest.raises(handover.EmptyPeriod) as err:
        package.export(closed_quarter["store"], YEAR, "Q2", tmp_path)
    assert "quý II năm 2026" in err.value.message


def test_the_check_after_writing_rejects_a_package_damaged_while_written(closed_quarter, tmp_path, monkeypatch):
    """The re-check is a real one: a copy whose byte differs from its source (a bad write, say:
    the manifest holds the source's digest, taken as it was copied) is caught, nothing is left
    under the final name and the files stay closed."""
    from app.archive import bagging

    real = bagging.make

    def damage_then_bag(bag_dir, *a, **kw):
        victim = next((package.Path(bag_dir) / "data" / "02.TCCB").glob("*.png"))
        raw = bytearray(victim.read_bytes())
        raw[-1] ^= 1
        victim.write_bytes(bytes(raw))
        return real(bag_dir, *a, **kw)

    monkeypatch.setattr(bagging, "make", damage_then_bag)
    with pytest.raises(package.WriteFailed) as err:
        export(closed_quarter, tmp_path)
    assert "không qua kiểm tra" in err.value.message and "data/02.TCCB/" in err.value.message
    assert list((tmp_path / "out").iterdir()) == []
    with office_session(closed_quarter) as s:
        assert {h.code: h.state for h in plan.list_hoso(s, YEAR)}["02.TCCB"] == "closed"
        assert [b.state for b in handover.batches(s, YEAR)] == ["failed"]


@pytest.mark.parametrize("kind", ["*.png", "*.ocr.pdf"])
def test_a_stored_scan_changed_since_it_was_kept_stops_the_export(closed_quarter, tmp_path, kind):
    """The manifest carries the SHA-256 of each original and searchable PDF recorded when it was
    kept: a stored file whose bytes changed since (disk rot, a hand edit) fails the check after
    writing, named as the store's file, and nothing is handed over."""
    store = closed_quarter["store"]
    victim = next(store.files_dir.rglob(kind))
    raw = bytearray(victim.read_bytes())
    raw[len(raw) // 2] ^= 0x40
    victim.write_bytes(bytes(raw))
    with pytest.raises(package.WriteFailed) as err:
        export(closed_quarter, tmp_path)
    assert "không còn như lúc tiếp nhận" in err.value.message and str(victim) in err.value.message
    assert list((tmp_path / "out").iterdir()) == []
    with office_session(closed_quarter) as s:
        assert {h.code: h.state for h in plan.list_hoso(s, YEAR)}["02.TCCB"] == "closed"


def test_full_disk_while_bagit_writes_its_manifest(closed_quarter, tmp_path, monkeypatch):
    from app.archive import bagging

    lib = bagging.bagit()

    def full(*a, **kw):
        raise OSError(errno.ENOSPC, "No space left on device")

    monkeypatch.setattr(lib, "make_manifests", full)
    with pytest.raises(package.WriteFailed) as err:
        export(closed_quarter, tmp_path)
    assert "đĩa đầy" in err.value.message
    assert list((tmp_path / "out").iterdir()) == []


@pytest.mark.parametrize("remove, said", [("bagit.txt", "thiếu bagit.txt"), ("manifest-sha256.txt", "thiếu manifest-sha256.txt"),
                                          ("garble bagit.txt", "không đúng dạng khai báo BagIt")])
def test_a_broken_bag_declaration_is_named_in_vietnamese(closed_quarter, tmp_path, remove, said):
    result = export(closed_quarter, tmp_path)
    if remove.startswith("garble"):
        (result.path / "bagit.txt").write_text("rác\n", encoding="utf-8")
    else:
        (result.path / remove).unlink()
    report = verify.verify(result.path)
    first = report.checks[0]
    assert not report.ok and not first.ok and said in first.message
    assert not any(word in line for line in report.lines() for word in ("Expected", "does not exist", "invalid tag"))


def test_the_copy_off_linux_goes_through_shutil(closed_quarter, tmp_path, monkeypatch):
    monkeypatch.setattr(package, "KERNEL_COPY", False)
    used = []
    real = package.shutil.copyfile
    monkeypatch.setattr(package.shutil, "copyfile", lambda src, dest: used.append(src) or real(src, dest))
    result = export(closed_quarter, tmp_path)
    assert used and bagit.Bag(str(result.path)).is_valid()


def test_cancelled_while_copying_leaves_nothing_and_files_stay_closed(closed_quarter, tmp_path):
    """Cancel from the window's progress dialog: the copying threads stop at their next task,
    the metadata being made meanwhile is thrown away with the staging folder."""
    asked = []

    def cancelled():
        asked.append(1)
        return True

    with pytest.raises(package.WriteFailed) as err:
        export(closed_quarter, tmp_path, cancelled=cancelled)
    assert asked and "Đã dừng" in err.value.message
    assert list((tmp_path / "out").iterdir()) == []
    with office_session(closed_quarter) as s:
        assert {h.code: h.state for h in plan.list_hoso(s, YEAR)}["02.TCCB"] == "closed"
        assert [b.state for b in handover.batches(s, YEAR)] == ["failed"]


def test_progress_is_reported_up_to_every_copy(closed_quarter, tmp_path, monkeypatch):
    """In order, though two threads copy (the copier, and this one once the metadata is
    written): a file a group, so there are groups for both."""
    monkeypatch.setattr(package, "GROUP", 1)
    seen = []
    result = export(closed_quarter, tmp_path, progress=lambda done, total: seen.append((done, total)))
    assert seen and seen[-1][0] == seen[-1][1] and all(a <= b for (a, _t), (b, _u) in zip(seen, seen[1:]))
    assert seen[-1][1] < result.payload_files  # the copies only: the forms and metadata are made beside them
