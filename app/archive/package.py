"""The handover package: a BagIt 1.0 bag made and checked with bagit-python, as a folder or a
.zip of it. Written under a temporary name beside the target, validated in full, then renamed:
a full disk or a read-only target leaves nothing under the final name, and the batch goes back
to 'closed' (handover.fail) instead of 'handed over'.

Payload: one folder per hồ sơ named by its code (originals and searchable PDFs in filing order,
ho-so.xml and van-ban.csv of Phụ lục VI metadata), ho-so.csv (the Mục lục as data), the Mục lục
and the Biên bản as PDFs. README.txt beside bagit.txt says in Vietnamese what it is."""
from __future__ import annotations

import datetime as dt
import errno
import hashlib
import io
import os
import shutil
import sys
import tempfile
import threading
import zipfile
from dataclasses import dataclass
from pathlib import Path
from stat import S_ISREG
from typing import Callable, Iterator

from app import org as org_mod
from app.archive import bagging, filing, forms, handover, metadata, plan, verify
from app.archive.rules import period_label
from app.dates import fmt
from app.errors import DomainError, ValidationError
from app.printing.archive_forms import PaperCount
from app.registers import query

LIST_PDF, MINUTES_PDF, LIST_CSV = "MUC-LUC-HO-SO-NOP-LUU.pdf", "BIEN-BAN-GIAO-NHAN.pdf", "ho-so.csv"
KEPT_PDF, KEPT_CSV = "DANH-MUC-HO-SO-GIU-LAI.pdf", "ho-so-giu-lai.csv"
XML_NAME, CSV_NAME = "ho-so.xml", "van-ban.csv"


class MissingScan(DomainError):
    pass


class WriteFailed(DomainError):
    pass


CHUNK = 50  # files whose documents are in memory at once: memory stays flat whatever the batch


@dataclass(frozen=True)
class Layout:
    """What goes where, decided before a byte is written. The printed forms and the metadata
    files are made while the scans are copied, a few hồ sơ at a time (`generated` yields them),
    so a year's batch costs no more memory than a quarter's."""
    code: str
    copies: tuple[tuple[str, str, str], ...]  # (source path, path inside data/, recorded SHA-256 or '')
    bag_info: dict
    readme: str
    files: int
    documents: int
    payload_files: int
    generated: Callable[[], Iterator[tuple[str, bytes]]] = lambda: iter(())  # (path inside data/, content)
    generated_estimate: int = 0
    source_bytes: int = 0  # of the copies, taken when their presence was checked

    @property
    def size(self) -> int:
        return self.source_bytes + self.generated_estimate


@dataclass(frozen=True)
class ExportResult:
    path: Path
    code: str
    minutes_number: str
    files: int
    documents: int
    payload_files: int
    bytes: int
    checks: tuple[str, ...] = ()  # the full check made after writing, as verify prints it


def _payload_names(d) -> list[tuple[str, str, str]]:
    """(source, name in the hồ sơ folder, its recorded SHA-256 or '') of one document's
    originals and searchable PDFs."""
    out = []
    for k, (original, pdf, _name) in enumerate(d.scans, 1):
        stem = f"{d.position:03d}" + (f"-{k}" if len(d.scans) > 1 else "")
        digest, pdf_digest = d.digests[k - 1] if len(d.digests) >= k else ("", "")
        if original:
            out.append((original, f"{stem}{os.path.splitext(original)[1].lower()}", digest))
        if pdf:
            out.append((pdf, f"{stem}.ocr.pdf", pdf_digest))
    return out


def _chunks(session, views, files_dir: Path):
    for start in range(0, len(views), CHUNK):
        part = views[start:start + CHUNK]
        yield part, filing.documents_of_files(session, [h.id for h in part], files_dir)


def layout(session, batch_id: int, files_dir: Path, paper: PaperCount = PaperCount()) -> Layout:
    from app.archive import keepback
    from app.printing.archive_forms import build_deposit_list, build_kept_list, build_minutes
    from db.models_archive import FilePlan, Handover

    b = session.get(Handover, batch_id)
    org = org_mod.load(session)
    organ_id = (session.get(FilePlan, b.year).organ_id if session.get(FilePlan, b.year) else "") or org.org_abbr
    views = plan._views(session, forms._files_of_batch(session, batch_id))
    copies: list[tuple[str, str, str]] = []
    documents = source_bytes = 0
    for part, filed in _chunks(session, views, files_dir):
        for h in part:
            for d in filed[h.id]:
                for src, name, digest in _payload_names(d):
                    try:
                        st = os.stat(src)
                    except OSError:
                        st = None
                    if st is None or not S_ISREG(st.st_mode):
                        raise MissingScan(f"Thiếu tệp bản quét trên đĩa: {src} (văn bản #{d.entry_id}, "
                                          f"số {d.number_symbol or d.number}, hồ sơ {h.code}).")
                    source_bytes += st.st_size
                    copies.append((src, f"{h.code}/{name}", digest))
            documents += len(filed[h.id])

    def meta() -> Iterator[tuple[str, bytes]]:
        for part, filed in _chunks(session, views, files_dir):
            entries = {e.id: e for e in query.rows(session, [d.entry_id for docs in filed.values() for d in docs])}
            for h in part:
                described = metadata.describe(h, organ_id, [(d, entries[d.entry_id], [n for _s, n, _d in _payload_names(d)])
                                                            for d in filed[h.id]])
                yield f"{h.code}/{XML_NAME}", metadata.hoso_xml(h, organ_id, described)
                yield f"{h.code}/{CSV_NAME}", metadata.documents_csv(described)
        yield LIST_CSV, metadata.files_csv(views, organ_id)

    # Files with a secret document are handed over (and kept back) under the secret rules: not
    # named in an ordinary package, as they are not in its Mục lục.
    kept = [k for k in keepback.kept(session, b.year, b.period) if not k.hoso.secret]
    papers = [(LIST_PDF, build_deposit_list, lambda: forms.deposit_list_form(session, batch_id)),
              (MINUTES_PDF, build_minutes,
               lambda: forms.minutes_form(session, batch_id, payload_files, paper, len(kept)))]
    if kept:  # the Danh mục hồ sơ giữ lại goes with the handover of their period
        papers.append((KEPT_PDF, build_kept_list, lambda: forms.kept_list_form(session, b.year, b.period)))
    payload_files = len(copies) + 2 * len(views) + 1 + len(papers) + (1 if kept else 0)

    def forms_pdf() -> Iterator[tuple[str, bytes]]:
        # Built while the scans are being copied (write() runs the copy on threads meanwhile).
        for name, build, form in papers:
            buf = io.BytesIO()
            build(form(), buf)
            yield name, buf.getvalue()
        if kept:
            yield KEPT_CSV, metadata.kept_csv(kept, organ_id)

    period = f"{b.period}/{b.year} ({fmt(b.date_from)}-{fmt(b.date_to)})"
    info = {"Source-Organization": org.org_name, "Bagging-Date": dt.date.today().isoformat(),
            "External-Identifier": b.code, "Bag-Group-Identifier": f"{organ_id}-{b.year}",
            "External-Description": f"Hồ sơ nộp lưu {period_label(b.period)} năm {b.year}: {len(views)} hồ sơ, "
                                    f"{documents} văn bản",
            "Handover-Period": period, "Handover-Minutes-Number": b.minutes_number,
            "Handover-File-Count": str(len(views)), "Handover-Kept-Back-Count": str(len(kept))}
    if paper.boxes is not None:
        info["Handover-Paper-Boxes"] = str(paper.boxes)
    if paper.metres is not None:
        info["Handover-Shelf-Metres"] = f"{paper.metres:g}"
    head = forms.trail.chain_head(session)
    if head:
        info["Audit-Chain-Head"] = head

    def generated() -> Iterator[tuple[str, bytes]]:
        yield from forms_pdf()
        yield from meta()

    return Layout(b.code, tuple(copies), info, readme(b, org.org_name, len(views), documents, len(kept)),
                  len(views), documents, payload_files, generated, 4096 * (len(views) + documents) + 200_000,
                  source_bytes)


def readme(b, org_name: str, files: int, documents: int, kept: int = 0) -> str:
    return (f"GÓI HỒ SƠ NỘP LƯU {b.code}\n\n"
            f"Cơ quan: {org_name}\nKỳ: {period_label(b.period)} năm {b.year} ({fmt(b.date_from)} - {fmt(b.date_to)})\n"
            f"Biên bản giao nhận số: {b.minutes_number}\nSố hồ sơ: {files}; số văn bản: {documents}\n\n"
            "Đây là một gói BagIt 1.0 (RFC 8493). Thư mục data/ chứa mỗi hồ sơ trong một thư mục mang số và "
            "ký hiệu hồ sơ: bản gốc và bản PDF tìm kiếm được của từng văn bản theo thứ tự trong hồ sơ, tệp "
            f"{XML_NAME} và {CSV_NAME} (dữ liệu đặc tả theo Phụ lục VI Nghị định 30/2020/NĐ-CP). "
            f"{LIST_CSV}, {LIST_PDF} và {MINUTES_PDF} là Mục lục hồ sơ và Biên bản giao nhận."
            + (f" {KEPT_PDF} và {KEPT_CSV} là Danh mục hồ sơ, tài liệu đơn vị giữ lại ({kept} hồ sơ, "
               "không có trong gói)." if kept else "") + "\n\n"
            "Kiểm tra gói: manifest-sha256.txt ghi mã SHA-256 của mọi tệp trong data/, tagmanifest-sha256.txt "
            "của các tệp mô tả. Chạy `vanthu handover verify <thư mục hoặc tệp .zip>`, hoặc `bagit.py "
            "--validate <thư mục>`, hoặc `sha256sum -c manifest-sha256.txt` trong thư mục gói.\n")


BLOCK = 1 << 20


def _copy(src: str, dest: Path, known: str = "") -> tuple[str, int]:
    """Copies one file and returns the SHA-256 and size of its bytes. A scan's original and its
    searchable PDF have the SHA-256 recorded when they were kept: such a file is copied by the
    kernel and that digest goes into the manifest. Anything else (a PDF kept before its digest
    was recorded) is hashed as it is copied, read once (hashlib and file I/O release the
    interpreter, so the threads overlap). Either way the check after writing reads every copy
    back and compares it with the manifest, so a bad write, or a stored scan no longer what was
    registered, stops the export there."""
    if known:
        return known, _kernel_copy(src, dest)
    h, size = hashlib.sha256(), 0
    with open(src, "rb") as inp, open(dest, "xb") as out:
        while block := inp.read(BLOCK):
            h.update(block)
            out.write(block)
            size += len(block)
    return h.hexdigest(), size


KERNEL_COPY = sys.platform.startswith("linux")  # elsewhere sendfile writes to sockets only


def _kernel_copy(src: str, dest: Path) -> int:
    """shutil.copyfile's Linux path (sendfile), without its same-file and special-file checks,
    which a stored scan copied into a fresh folder cannot need: half the trips back into the
    interpreter per file, which the copying threads wait for while the metadata is made (a
    quarter's copy about 10 % faster). Elsewhere shutil.copyfile itself."""
    if not KERNEL_COPY:
        shutil.copyfile(src, dest)
        return os.path.getsize(dest)
    fin = os.open(src, os.O_RDONLY)
    try:
        fout = os.open(dest, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o644)
        try:
            size, sent = os.fstat(fin).st_size, 0
            while sent < size:
                n = os.sendfile(fout, fin, sent, size - sent)
                if not n:  # the source shrank while copied: the check after writing names it
                    break
                sent += n
        finally:
            os.close(fout)
    finally:
        os.close(fin)
    return sent


GROUP = 25  # files a copier takes at a time: fewer trips into the interpreter


def _place(base: str, rel: str, made: set[str]) -> str:
    """The path of `rel` inside the payload, its hồ sơ folder made by the first writer that
    needs it (`made` is shared by the copying threads and the metadata writer: two making one
    folder at once is harmless)."""
    folder = os.path.dirname(rel)
    if folder not in made:
        os.makedirs(os.path.join(base, folder), exist_ok=True)
        made.add(folder)
    return os.path.join(base, rel)


class _Copies:
    """The scans to copy, taken a group at a time by whoever copies: one thread from the start,
    and this one too once the metadata is written. The kernel's copy is CPU work, not waiting:
    on a quarter (1.7 GB, 2 cores) four copying threads beside the metadata took 11.2-12.9
    CPU-seconds and 7.2-8.4 s, one thread 9.2-9.5 and 6.8-7.0 s, as they fought over the page
    cache and took the core the metadata is made on; once that is done, a second copier costs
    the metadata nothing. `stop`, set by the first failure or a cancel, ends the groups not yet begun."""

    def __init__(self, copies, payload: Path, progress, cancelled, made: set[str]):
        self._groups = iter([copies[i:i + GROUP] for i in range(0, len(copies), GROUP)])
        self._lock = threading.Lock()
        self.base, self.total, self.done = str(payload), len(copies), 0
        self.progress, self.cancelled, self.made = progress, cancelled, made
        self.stop = threading.Event()
        self.digests: dict[str, tuple[str, int]] = {}
        self.error: BaseException | None = None

    def drain(self) -> None:
        """Copies groups until none is left; the first failure is kept for the caller."""
        try:
            while not self.stop.is_set():
                if self.cancelled is not None and self.cancelled():
                    raise WriteFailed("Đã dừng việc tạo gói nộp lưu.")
                with self._lock:
                    group = next(self._groups, None)
                if group is None:
                    return
                results = [(rel, _copy(src, _place(self.base, rel, self.made), known)) for src, rel, known in group]
                with self._lock:  # the count told in order, whichever thread copied
                    self.digests.update(results)
                    self.done += len(group)
                    if self.progress is not None:
                        self.progress(self.done, self.total)
        except BaseException as exc:
            with self._lock:
                self.error = self.error or exc
            self.stop.set()


def _write_failed(exc: OSError, where: Path, need: int) -> WriteFailed:
    if exc.errno == errno.ENOSPC:
        why = f"đĩa đầy (gói cần khoảng {need / 1e6:,.0f} MB)".replace(",", ".")
    elif exc.errno in (errno.EROFS, errno.EACCES, errno.EPERM):
        why = "thư mục chỉ đọc hoặc không có quyền ghi"
    else:
        why = exc.strerror or str(exc)
    return WriteFailed(f"Không ghi được gói nộp lưu vào {where}: {why}. Không có gói nào được tạo; "
                       "các hồ sơ vẫn ở trạng thái đã đóng, chưa nộp lưu.")


def _fill(lay: Layout, payload: Path, progress, cancelled) -> dict[str, tuple[str, int]]:
    """The scans copied on a thread while this one makes the printed forms and the metadata
    files and writes them (bagging.quick_switching: measured on a quarter, 0.7-1 s less than
    making the metadata before the copy), then copies beside it. Returns the digests by path
    inside the payload folder."""
    payload.mkdir(exist_ok=True)
    work = _Copies(lay.copies, payload, progress, cancelled, {""})
    copier = threading.Thread(target=work.drain, name="handover-copy")
    with bagging.quick_switching():
        copier.start()
        try:
            for rel, data in lay.generated():
                if work.stop.is_set():
                    break
                Path(_place(str(payload), rel, work.made)).write_bytes(data)
            else:
                work.drain()
        except BaseException:
            work.stop.set()
            raise
        finally:
            copier.join()
    if work.error is not None:
        raise work.error
    return work.digests


def write(lay: Layout, out_dir: Path, as_zip: bool = False,
          progress: Callable[[int, int], None] | None = None,
          cancelled: Callable[[], bool] | None = None) -> tuple[Path, "verify.Report"]:
    """Writes the package and checks it again in full; returns its path and that check."""
    out_dir = Path(out_dir)
    final = out_dir / (f"{lay.code}.zip" if as_zip else lay.code)
    if final.exists():
        raise WriteFailed(f"Đã có {final}; chọn thư mục khác hoặc đổi tên gói cũ.")
    if not out_dir.is_dir():
        raise WriteFailed(f"Thư mục đích không tồn tại: {out_dir}")
    need = lay.size
    try:
        free = shutil.disk_usage(out_dir).free
        if free < need * (2 if as_zip else 1) * 1.02:
            raise OSError(errno.ENOSPC, "No space left on device")
        staging = Path(tempfile.mkdtemp(prefix=f".{lay.code}.part-", dir=out_dir))
    except OSError as exc:
        raise _write_failed(exc, out_dir, need) from None
    tmp_zip = out_dir / f".{lay.code}.zip.part"
    try:
        digests = _fill(lay, staging / "data", progress, cancelled)
        (staging / "README.txt").write_text(lay.readme, encoding="utf-8")
        bagging.make(str(staging), dict(lay.bag_info), digests)
        if as_zip:
            # The bag checked in full as a folder, then zipped and the zip read back against its
            # CRCs and the folder's listing: the same assurance as unpacking it again to check
            # it, without writing and hashing the payload twice more (a quarter: 17 s -> 11 s).
            report = _must_pass(staging, lay)
            _zip(staging, tmp_zip, lay.code)
            packed = verify.zip_holds(tmp_zip, staging, lay.code)
            if not packed.ok:
                raise WriteFailed(f"Gói .zip vừa ghi không qua kiểm tra ({packed.title}: {packed.message}); đã bỏ gói.")
            report.checks.insert(0, packed)
            shutil.rmtree(staging)
            os.replace(tmp_zip, final)
        else:
            report = _must_pass(staging, lay)
            os.rename(staging, final)
    except OSError as exc:
        _clean(staging, tmp_zip)
        raise _write_failed(exc, out_dir, need) from None
    except BaseException:
        _clean(staging, tmp_zip)
        raise
    report.path = final
    return final, report


def _zip(folder: Path, target: Path, code: str) -> None:
    # Stored, not deflated: scans and PDFs are compressed already; CRC-32 still guards each file.
    with zipfile.ZipFile(target, "w", zipfile.ZIP_STORED, allowZip64=True) as zf:
        for path in sorted(folder.rglob("*")):
            if path.is_file():
                zf.write(path, f"{code}/{path.relative_to(folder).as_posix()}")


def _must_pass(path: Path, lay: Layout):
    report = verify.verify(path)
    if not report.ok:
        bad = next(c for c in report.checks if not c.ok)
        rotten = _rotten(lay, bad.files)
        if rotten:
            raise WriteFailed("Bản quét lưu trong kho không còn như lúc tiếp nhận (mã SHA-256 khác mã đã ghi): "
                              + ", ".join(rotten[:5]) + ". Không tạo gói; hãy quét hoặc đính kèm lại văn bản này.")
        raise WriteFailed(f"Gói vừa ghi không qua kiểm tra ({bad.title}: {bad.message}); đã bỏ gói.")
    return report


def _rotten(lay: Layout, failed: list[str]) -> list[str]:
    """The stored scans among the failed payload files whose bytes no longer have the digest
    recorded when they were kept: the store, not the copy, is at fault."""
    from app.intake.scans import sha256_of  # the digest the store recorded them by

    sources = {f"data/{rel}": (src, known) for src, rel, known in lay.copies if known}
    out = []
    for name in failed:
        src, known = sources.get(name, ("", ""))
        if known:
            try:
                if sha256_of(Path(src)) != known:
                    out.append(src)
            except OSError:
                out.append(src)
    return out


def _clean(staging: Path, tmp_zip: Path) -> None:
    shutil.rmtree(staging, ignore_errors=True)
    try:
        tmp_zip.unlink()
    except OSError:
        pass


def check_paper(paper: PaperCount) -> None:
    errors = {}
    if paper.boxes is not None and (not isinstance(paper.boxes, int) or paper.boxes < 0):
        errors["boxes"] = "Số hộp (cặp) phải là số nguyên không âm."
    if paper.metres is not None and not 0 <= paper.metres < 10_000:
        errors["metres"] = "Số mét giá phải là số không âm (ví dụ 1,5)."
    if errors:
        raise ValidationError(errors)


def export(store, year: int, period: str | None, out_dir: Path, *, as_zip: bool = False,
           codes: list[str] | None = None, giver=("", ""), receiver=("", ""),
           paper: PaperCount = PaperCount(), progress=None, cancelled=None) -> ExportResult:
    """The whole handover: open the batch, write and check the package, then mark the files
    handed over; on any failure the batch is recorded as failed and its files closed again.
    `paper`: the boxes and shelf metres of the paper files, for the Biên bản."""
    check_paper(paper)
    if not Path(out_dir).is_dir():  # before the batch opens: a mistyped folder spends no minutes number
        raise WriteFailed(f"Thư mục đích không tồn tại: {out_dir}")
    with store.Session.begin() as s:
        batch = handover.begin(s, year, period, codes, giver=giver, receiver=receiver,
                               paper=(paper.boxes, paper.metres))
    try:
        with store.ReadSession() as s:  # open while writing: the metadata is read as it is written
            lay = layout(s, batch.id, store.files_dir, paper)
            path, report = write(lay, out_dir, as_zip, progress, cancelled)
    except BaseException as exc:
        with store.Session.begin() as s:
            handover.fail(s, batch.id, getattr(exc, "message", str(exc)) or type(exc).__name__)
        raise
    with store.Session.begin() as s:
        done = handover.finish(s, batch.id, str(path))
    return ExportResult(path, done.code, done.minutes_number, lay.files, lay.documents, lay.payload_files, lay.size,
                        tuple(report.lines()))
