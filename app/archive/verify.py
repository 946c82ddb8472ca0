"""Checks a handover package, folder or .zip, with bagit-python and against its own
metadata: a numbered list of checks, each with a verdict and a Vietnamese message naming the
files at fault. A zip is checked by its CRCs, then unpacked to a temporary folder."""
from __future__ import annotations

import csv
import io
import logging
import os
import tempfile
import threading
import xml.etree.ElementTree as ET
import zipfile
from dataclasses import dataclass, field
from pathlib import Path

from app.archive.bagging import HASHERS, quick_switching
from app.archive.metadata import FILE_FIELDS

REQUIRED_INFO = ("Source-Organization", "Bagging-Date", "External-Identifier", "Bag-Group-Identifier",
                 "Payload-Oxum")
SHOWN = 5  # file names listed in one message
STRUCTURE = ("bagit.txt", "bag-info.txt", "manifest-sha256.txt", "tagmanifest-sha256.txt")
# bagit-python logs each finding as a warning; the report says them, in Vietnamese, once.
logging.getLogger("bagit").addHandler(logging.NullHandler())
logging.getLogger("bagit").propagate = False


@dataclass
class Check:
    title: str
    ok: bool = True
    message: str = ""
    files: list[str] = field(default_factory=list)


@dataclass
class Report:
    path: Path
    checks: list[Check]

    @property
    def ok(self) -> bool:
        return all(c.ok for c in self.checks)

    def lines(self) -> list[str]:
        out = [f"{i}. {c.title}: {'ĐẠT' if c.ok else 'KHÔNG ĐẠT'} — {c.message}" for i, c in enumerate(self.checks, 1)]
        out.append("Kết luận: gói hợp lệ, đầy đủ và nguyên vẹn." if self.ok else
                   "Kết luận: GÓI KHÔNG HỢP LỆ — không nhận gói này khi chưa làm rõ các mục trên.")
        return out


def _names(files: list[str]) -> str:
    shown = ", ".join(files[:SHOWN])
    return shown + (f" và {len(files) - SHOWN} tệp khác" if len(files) > SHOWN else "")


def verify(path: Path | str) -> Report:
    path = Path(path)
    if path.is_file() and zipfile.is_zipfile(path):
        return _verify_zip(path)
    if path.is_file():  # a zip cut short, or not a package at all
        return Report(path, [Check("Cấu trúc gói", False, f"{path} không phải tệp .zip đọc được "
                                                       "(hỏng, bị cắt dở, hoặc không phải gói nộp lưu).")])
    if not path.is_dir():
        return Report(path, [Check("Cấu trúc gói", False, f"Không có thư mục hoặc tệp .zip {path}.")])
    return Report(path, _checks(path))


def _crc_check(zf: zipfile.ZipFile) -> Check:
    bad = zf.testzip()
    return Check("Tệp nén", bad is None, "các tệp trong .zip đọc được, CRC đúng" if bad is None
                 else f"tệp {bad} trong .zip bị hỏng (sai CRC)", [bad] if bad else [])


def zip_holds(path: Path, folder: Path, top: str) -> Check:
    """The check of a .zip made from `folder`, a bag already checked in full: every member read
    back against its CRC-32, and the members exactly the folder's files (under `top`/), with
    their sizes. What the bag check found of the folder then holds of the zip."""
    with zipfile.ZipFile(path) as zf:
        check = _crc_check(zf)
        if not check.ok:
            return check
        inside = {i.filename: i.file_size for i in zf.infolist() if not i.is_dir()}
    on_disk = {f"{top}/{p.relative_to(folder).as_posix()}": p.stat().st_size for p in folder.rglob("*") if p.is_file()}
    differ = sorted(n for n in inside.keys() | on_disk.keys() if inside.get(n) != on_disk.get(n))
    if differ:
        check.ok, check.files = False, differ
        check.message = f"{len(differ)} tệp trong .zip không khớp với gói đã kiểm tra: {_names(differ)}"
    return check


def _verify_zip(path: Path) -> Report:
    with zipfile.ZipFile(path) as zf:
        first = _crc_check(zf)
        if not first.ok:
            return Report(path, [first])
        tops = {n.split("/", 1)[0] for n in zf.namelist()}
        with tempfile.TemporaryDirectory(prefix="vanthu-verify-") as tmp:
            zf.extractall(tmp)
            root = Path(tmp) / tops.pop() if len(tops) == 1 else Path(tmp)
            checks = _checks(root)
    return Report(path, [first] + checks)


def _kept_list(bag, data: Path) -> list[str]:
    """The Danh mục hồ sơ giữ lại the bag declares is there, and none of its files is in the payload."""
    from app.archive.package import KEPT_CSV, KEPT_PDF

    declared = bag.info.get("Handover-Kept-Back-Count", "0")
    if not str(declared).isdigit() or int(declared) == 0:
        return []
    issues = [f"thiếu {name} (bag-info.txt ghi {declared} hồ sơ giữ lại)" for name in (KEPT_PDF, KEPT_CSV)
              if not (data / name).is_file()]
    if not issues:
        try:
            rows = list(csv.DictReader(io.StringIO((data / KEPT_CSV).read_bytes().decode("utf-8-sig"))))
            codes = [r["FileNotation"] for r in rows]
        except (OSError, KeyError, UnicodeDecodeError, csv.Error) as exc:
            return [f"{KEPT_CSV} không đọc được ({exc.__class__.__name__})"]
        if len(codes) != int(declared):
            issues.append(f"{KEPT_CSV} có {len(codes)} hồ sơ, bag-info.txt ghi {declared}")
        inside = [c for c in codes if (data / c).is_dir()]
        if inside:
            issues.append(f"hồ sơ giữ lại lại có trong gói: {_names(inside)}")
    return issues


def _checks(root: Path) -> list[Check]:
    from app.archive.bagging import bagit as load

    bagit = load()
    structure = Check("Cấu trúc gói")
    missing = [n for n in STRUCTURE if not (root / n).is_file()] + ([] if (root / "data").is_dir() else ["data/"])
    try:
        bag = bagit.Bag(str(root))
    except bagit.BagError:  # its reasons are in English: say which file, in Vietnamese
        structure.ok, structure.files = False, missing
        structure.message = "không phải gói BagIt đọc được: " + (
            f"thiếu {', '.join(missing)}" if missing else "bagit.txt không đúng dạng khai báo BagIt")
        return [structure]
    structure.message = "có bagit.txt, bag-info.txt, data/, manifest và tagmanifest"
    if missing:
        structure.ok, structure.files, structure.message = False, missing, f"thiếu {', '.join(missing)}"
        if "data/" in missing:
            return [structure]
    # Every file is hashed on threads while this one makes the other checks (reading the XML,
    # walking the folders): they overlap instead of adding up.
    hashed: dict = {}

    def hash_all() -> None:
        try:
            hashed["check"] = _checksums(bag)
        except BaseException as exc:  # raised again on this thread
            hashed["error"] = exc

    hasher = threading.Thread(target=hash_all, name="verify-hash")
    with quick_switching():
        hasher.start()
        try:
            checks = [structure, _declaration(bag), _oxum(bag)]
            complete = _completeness(bag, root)
            meta = _metadata(root)
            kept = _kept_list(bag, root / "data")
        finally:
            hasher.join()
    if "error" in hashed:
        raise hashed["error"]
    checks += [complete, hashed["check"], *meta]
    if kept:
        listed = checks[-1]  # the Mục lục check: what goes with the handover is all there
        listed.message = "; ".join(kept if listed.ok else [listed.message, *kept])
        listed.ok = False
    return checks


def _declaration(bag) -> Check:
    c = Check("Khai báo BagIt")
    problems = []
    if bag.version_info != (1, 0):
        problems.append(f"phiên bản {bag.tags.get('BagIt-Version')} (cần 1.0)")
    if bag.encoding.upper() != "UTF-8":
        problems.append(f"mã ký tự {bag.encoding} (cần UTF-8)")
    missing = [k for k in REQUIRED_INFO if not bag.info.get(k)]
    if missing:
        problems.append("bag-info.txt thiếu " + ", ".join(missing))
    if "sha256" not in bag.algorithms:
        problems.append("không có manifest-sha256.txt")
    c.ok = not problems
    c.message = "; ".join(problems) if problems else (
        f"BagIt 1.0, UTF-8, SHA-256; mã gói {bag.info.get('External-Identifier')}, "
        f"biên bản số {bag.info.get('Handover-Minutes-Number', '?')}")
    return c


def _oxum(bag) -> Check:
    import bagit

    c = Check("Payload-Oxum (số tệp, số byte)")
    try:
        bag.validate(fast=True)
        c.message = f"{bag.info.get('Payload-Oxum')} khớp với data/"
    except bagit.BagValidationError:  # its reason in English, and maybe not the Oxum's (a manifest gone)
        c.ok, c.message = _oxum_counts(bag)
    return c


def _oxum_counts(bag) -> tuple[bool, str]:
    """The declared and the real counts, in Vietnamese (thousands with dots)."""
    import os

    def n(x: int) -> str:
        return f"{x:,}".replace(",", ".")

    declared = str(bag.info.get("Payload-Oxum", ""))
    size, _dot, count = declared.partition(".")
    files = total = 0
    for folder, _dirs, names in os.walk(os.path.join(bag.path, "data")):
        for name in names:
            files += 1
            total += os.path.getsize(os.path.join(folder, name))
    found = f"data/ có {n(files)} tệp, {n(total)} byte"
    if not (size.isdigit() and count.isdigit()):
        return False, f"bag-info.txt không ghi Payload-Oxum đúng dạng (“{declared}”); {found}"
    if (int(size), int(count)) == (total, files):
        return True, f"{declared} khớp với data/"
    return False, f"không khớp: bag-info.txt ghi {n(int(count))} tệp, {n(int(size))} byte; {found}"


def _completeness(bag, root: Path) -> Check:
    c = Check("Đầy đủ (không thiếu, không thừa tệp)")
    missing, extra = bag.compare_manifests_with_fs()
    listed = {name for name in bag.entries if not name.startswith("data/")}
    known = listed | {f"tagmanifest-{a}.txt" for a in bag.algorithms}
    extra_tags = [p.name for p in root.iterdir() if p.is_file() and p.name not in known]
    if missing:
        c.ok = False
        c.files += list(missing)
        c.message += f"thiếu {len(missing)} tệp: {_names(sorted(missing))}. "
    if extra or extra_tags:
        c.ok = False
        added = sorted(extra) + extra_tags
        c.files += added
        c.message += f"có {len(added)} tệp không ghi trong manifest: {_names(added)}. "
    c.message = c.message.strip() or f"{len(bag.payload_entries())} tệp dữ liệu đúng như manifest"
    return c


def _checksums(bag) -> Check:
    import bagit

    c = Check("Mã kiểm tra SHA-256 của từng tệp")
    try:
        bag._validate_entries(processes=HASHERS)  # the part of Bag.validate that hashes every file
        c.message = f"{len(bag.entries)} tệp (dữ liệu và mô tả) đúng mã SHA-256"
    except bagit.BagValidationError as exc:
        changed = sorted({d.path for d in exc.details if isinstance(d, bagit.ChecksumMismatch)})
        c.ok, c.files = False, changed
        c.message = f"{len(changed)} tệp bị thay đổi hoặc không đọc được: {_names(changed)}"
    return c


def _metadata(root: Path) -> list[Check]:
    from app.archive.package import CSV_NAME, LIST_CSV, LIST_PDF, MINUTES_PDF, XML_NAME

    data = root / "data"
    meta, listed = Check("Dữ liệu đặc tả (Phụ lục VI)"), Check("Mục lục khớp với nội dung gói")
    problems: list[str] = []
    codes: list[str] = []
    try:
        text = (data / LIST_CSV).read_bytes().decode("utf-8-sig")
        codes = [r["FileNotation"] for r in csv.DictReader(io.StringIO(text))]
    except (OSError, KeyError, UnicodeDecodeError, csv.Error) as exc:
        problems.append(f"{LIST_CSV} không đọc được ({exc.__class__.__name__})")
    folders = sorted(p.name for p in data.iterdir() if p.is_dir()) if data.is_dir() else []
    absent: list[str] = []
    for code in folders:
        # One listing of the folder, not a stat per document: a quarter holds 9,000 files.
        with os.scandir(data / code) as it:
            present = {e.name for e in it if e.is_file()}
        for name in (XML_NAME, CSV_NAME):
            if name not in present:
                problems.append(f"data/{code}/{name} không có")
        if XML_NAME not in present:
            continue
        try:
            tree = ET.parse(data / code / XML_NAME)
        except (ET.ParseError, OSError):
            problems.append(f"data/{code}/{XML_NAME} không đúng cú pháp XML")
            continue
        f = tree.find("File")
        lacking = [n for n in FILE_FIELDS[1:] if f is None or f.find(n) is None]
        if f is None or f.find("FileCode/FileNotation") is None:
            lacking.insert(0, "FileCode")
        if lacking:
            problems.append(f"data/{code}/{XML_NAME} thiếu {', '.join(lacking)}")
        for el in tree.iterfind("Documents/*/Files/File"):
            if (el.text or "") not in present:
                absent.append(f"data/{code}/{el.text}")
    meta.ok = not problems
    meta.files = [p.split()[0] for p in problems if p.startswith("data/")]
    meta.message = "; ".join(problems[:SHOWN]) if problems else f"{len(folders)} hồ sơ có {XML_NAME} và {CSV_NAME} đầy đủ trường"
    issues = []
    not_found = [c for c in codes if c not in folders]
    if not_found:
        issues.append(f"hồ sơ trong mục lục không có trong gói: {_names(not_found)}")
    unlisted = [c for c in folders if c not in codes]
    if codes and unlisted:
        issues.append(f"thư mục không có trong mục lục: {_names(unlisted)}")
    if absent:
        issues.append(f"văn bản ghi trong dữ liệu đặc tả mà thiếu tệp: {_names(absent)}")
    for pdf in (LIST_PDF, MINUTES_PDF):
        if not (data / pdf).is_file():
            issues.append(f"thiếu {pdf}")
    if not issues and (data / LIST_PDF).is_file():
        issues += _pdf_lists(data / LIST_PDF, codes)
    listed.ok = not issues
    listed.files = not_found + absent
    listed.message = "; ".join(issues) if issues else f"{len(codes)} hồ sơ của mục lục đều có trong gói"
    return [meta, listed]


def _pdf_lists(pdf: Path, codes: list[str]) -> list[str]:
    """Every code of the data list is printed on the Mục lục itself (pdfium reads the text:
    pypdf took seconds on a quarter's list)."""
    from app.pdflock import document, each_page

    try:
        parts = []
        with document(pdf) as doc:
            for page in each_page(doc):
                textpage = page.get_textpage()
                parts.append(textpage.get_text_range())
                textpage.close()
        text = " ".join(parts)
    except Exception as exc:  # a damaged PDF is a finding, not a crash
        return [f"không đọc được {pdf.name} ({exc.__class__.__name__})"]
    compact = "".join(text.split())
    unprinted = [c for c in codes if "".join(c.split()) not in compact]
    return [f"hồ sơ không có trên bản in mục lục: {_names(unprinted)}"] if unprinted else []


def exit_code(report: Report) -> int:
    return 0 if report.ok else 1

