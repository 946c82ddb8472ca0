"""The intake commands: read the header of scanned documents (ocr), keep a scan with an entry
(attach) and show an entry's scans with their digital signatures (scans)."""
from __future__ import annotations

import sys
from pathlib import Path

from app.cli.common import log_unexpected, out
from app.registers import query
from app.store import Store


def add_parsers(sub) -> None:
    o = sub.add_parser("ocr", help="đọc phần đầu văn bản quét (OCR tiếng Việt) và chữ ký số của PDF")
    o.add_argument("files", nargs="+", type=Path)
    o.add_argument("--json", action="store_true", help="một đối tượng JSON mỗi tệp (mặc định)")
    a = sub.add_parser("attach", help="lưu bản quét / PDF kèm một văn bản đã đăng ký (cùng chữ ký số của tệp)")
    a.add_argument("entry_id", type=int)
    a.add_argument("file", type=Path)
    a.add_argument("--ocr", action="store_true", help="đọc cả văn bản (OCR) để tìm kiếm được theo nội dung")
    sc = sub.add_parser("scans", help="các bản quét của một văn bản và chữ ký số của chúng")
    sc.add_argument("entry_id", type=int)
    sc.add_argument("--format", choices=("json", "text"), default="json")
    sc.add_argument("--recheck", action="store_true",
                    help="kiểm tra lại chữ ký số của tệp đã lưu theo chứng thư gốc đã nhập đến nay")


def _ocr(store: Store, args) -> int:
    from app import catalogue
    from app.intake import ocr, signatures, trust

    with store.ReadSession() as s:
        issuers = query.completions(s, "issuer", limit=5000)
        lexicon = ocr.spelling.with_texts(query.recent_summaries(s))
        types = sorted({(t.name, t.abbr) for regime in ("state", "party")
                        for t in catalogue.doc_types(s, regime)})
    roots = trust.trust_roots(store.data_dir)
    failed = 0
    for path in args.files:
        try:
            if path.is_dir():
                raise ocr.OcrError(f"“{path}” là một thư mục, không phải tệp ảnh hay PDF.")
            record = ocr.ocr_file_json(path, known_issuers=issuers, doc_types=types, lexicon=lexicon,
                                       trust_roots=roots)
            record["signatures"] = [sig.as_json() for sig in signatures.read(path, roots)]
            out(record)
        except ocr.OcrError as exc:
            failed += 1
            out({"file": str(path), "error": exc.message})
        except Exception as exc:  # noqa: BLE001 — one bad file never stops the others
            failed += 1
            logged = log_unexpected(exc)
            out({"file": str(path), "error": f"Không đọc được tệp này (lỗi không mong đợi, ghi ở {logged})."})
    return 1 if failed else 0


def _scan_json(scan) -> dict:
    return {"id": scan.id, "entry_id": scan.entry_id, "file": scan.original_name, "sha256": scan.sha256,
            "pages": scan.pages, "stored_path": str(scan.stored_path),
            "pdf_path": str(scan.pdf_path) if scan.pdf_path else None,
            "signatures": [sig.as_json() for sig in scan.signatures]}


def _attach(store: Store, args) -> int:
    from app.errors import DomainError
    from app.intake import ocr, scans, signatures, trust
    from app.intake.ocr import load
    from app.security import access

    if not args.file.is_file():
        raise DomainError(f"Không thấy tệp “{args.file}”.")
    try:
        pages = load.page_count(args.file)
        full = ocr.read_full(args.file) if args.ocr else None
    except ocr.OcrError as exc:
        raise DomainError(exc.message) from None
    signed = signatures.read(args.file, trust.trust_roots(store.data_dir))
    with store.Session.begin() as s:
        access.require(s, "write")
        kept = scans.keep_scan(s, store.files_dir, args.file, args.entry_id, pages=full.pages if full else pages,
                               ocr_text=full.text if full else "",
                               searchable_pdf=full.pdf_bytes if full else b"", signatures=signed)
    out(_scan_json(kept))
    return 0


def _scans(store: Store, args) -> int:
    from app.intake import scans, trust
    from app.registers import service

    if args.recheck:
        roots = trust.trust_roots(store.data_dir)
        with store.Session.begin() as s:
            for scan in scans.scans_of(s, store.files_dir, service.get(s, args.entry_id).id):
                scans.recheck_signatures(s, store.files_dir, scan.id, roots)
    with store.ReadSession() as s:
        service.get(s, args.entry_id)  # NotFound with its message for a wrong number
        found = scans.scans_of(s, store.files_dir, args.entry_id)
    if not found and args.format == "text":
        sys.stdout.write("Văn bản chưa có bản quét.\n")
    for scan in found:
        if args.format == "json":
            out(_scan_json(scan))
            continue
        sys.stdout.write(f"Bản quét #{scan.id}: {scan.original_name} ({scan.pages} trang)\n")
        for sig in scan.signatures or ():
            sys.stdout.write(f"  {sig.describe()}\n")
        if not scan.signatures:
            sys.stdout.write("  Không có chữ ký số.\n")
    return 0


COMMANDS = {"ocr": _ocr, "attach": _attach, "scans": _scans}
