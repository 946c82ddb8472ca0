"""The ocr command: read the header of scanned documents."""
from __future__ import annotations

from pathlib import Path

from app.cli.common import out
from app.registers import query
from app.store import Store


def add_parsers(sub) -> None:
    o = sub.add_parser("ocr", help="đọc phần đầu văn bản quét (OCR tiếng Việt)")
    o.add_argument("files", nargs="+", type=Path)
    o.add_argument("--json", action="store_true", help="một đối tượng JSON mỗi tệp (mặc định)")


def _ocr(store: Store, args) -> int:
    from app import catalogue
    from app.intake import ocr

    with store.ReadSession() as s:
        issuers = query.completions(s, "issuer", limit=5000)
        lexicon = ocr.spelling.with_texts(query.recent_summaries(s))
        types = sorted({(t.name, t.abbr) for regime in ("state", "party")
                        for t in catalogue.doc_types(s, regime)})
    failed = 0
    for path in args.files:
        try:
            out(ocr.ocr_file_json(path, known_issuers=issuers, doc_types=types, lexicon=lexicon))
        except ocr.OcrError as exc:
            failed += 1
            out({"file": str(path), "error": exc.message})
    return 1 if failed else 0


COMMANDS = {"ocr": _ocr}
