"""The ocr command: read the header of scanned documents."""
from __future__ import annotations

from pathlib import Path

from app.cli.common import log_unexpected, out
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
            if path.is_dir():
                raise ocr.OcrError(f"“{path}” là một thư mục, không phải tệp ảnh hay PDF.")
            out(ocr.ocr_file_json(path, known_issuers=issuers, doc_types=types, lexicon=lexicon))
        except ocr.OcrError as exc:
            failed += 1
            out({"file": str(path), "error": exc.message})
        except Exception as exc:  # noqa: BLE001 — one bad file never stops the others
            failed += 1
            logged = log_unexpected(exc)
            out({"file": str(path), "error": f"Không đọc được tệp này (lỗi không mong đợi, ghi ở {logged})."})
    return 1 if failed else 0


COMMANDS = {"ocr": _ocr}
