"""One scanned file in the intake queue and what has been learned about it."""
from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field
from pathlib import Path

URGENCY_NAMES = {"KHẨN": "Khẩn", "THƯỢNG KHẨN": "Thượng khẩn", "HỎA TỐC": "Hỏa tốc",
                 "HỎA TỐC HẸN GIỜ": "Hỏa tốc hẹn giờ"}
# Form field <- header field; the form marks below-threshold ones for checking.
FORM_FIELDS = {"issuer": "issuer", "number_symbol": "number_symbol", "doc_date": "date",
               "doc_type": "doc_type", "summary": "summary", "urgency": "urgency"}


@dataclass
class QueueItem:
    path: Path
    job_id: int = 0
    from_folder: bool = False
    state: str = "waiting"  # waiting | reading | ready | refused | failed | saved | cancelled
    progress: tuple[int, int] = (0, 0)
    sha256: str = ""
    earlier: object = None  # EntryView of an earlier registration of the same file
    header: object = None  # app.intake.ocr.HeaderResult
    full: object = None  # app.intake.ocr.FullResult
    message: str = ""
    entry: object = None  # EntryView once registered
    scan_id: int | None = None
    full_done_without_text: bool = False
    moved: bool = False
    added: dt.datetime = field(default_factory=dt.datetime.now)

    def form_values(self) -> dict:
        h = self.header
        values = {form: getattr(h, src).value for form, src in FORM_FIELDS.items()}
        if values["doc_date"]:
            values["doc_date"] = dt.date.fromisoformat(values["doc_date"])
        values["urgency"] = URGENCY_NAMES.get(values["urgency"].upper(), values["urgency"])
        values["pages"] = h.pages or ""
        return {k: v for k, v in values.items() if v not in ("", None)}

    def low_confidence(self, threshold: float) -> set[str]:
        return {form for form, src in FORM_FIELDS.items()
                if getattr(self.header, src).confidence < threshold}

    def box_of(self, form_field: str):
        src = FORM_FIELDS.get(form_field)
        return getattr(self.header, src).box if src and self.header else None

    def label(self) -> str:
        name = self.path.name
        if self.state == "reading":
            done, total = self.progress
            return f"{name} — đang đọc{f' {done}/{total}' if total else '…'}"
        if self.state == "ready":
            warn = f" ⚠ đã đăng ký trước: số đến {self.earlier.number}/{self.earlier.year}" if self.earlier else ""
            return f"{name} — sẵn sàng{warn}"
        if self.state == "refused":
            return f"{name} — KHÔNG ĐĂNG KÝ TỪ BẢN QUÉT: {self.message}"
        if self.state == "failed":
            return f"{name} — LỖI: {self.message}"
        if self.state == "saved":
            warn = " ⚠ chưa lưu được bản quét" if self.message else ""
            return f"{name} — đã đăng ký số đến {self.entry.number}{warn}"
        if self.state == "cancelled":
            return f"{name} — đã dừng"
        return f"{name} — đang chờ"
