"""The archive's printed forms, NĐ 30/2020 Phụ lục V (domain.md §4.1-4.3), column for column:
  Danh mục hồ sơ                  (1) Số và ký hiệu hồ sơ … (5) Ghi chú, footer counts
  Mục lục văn bản, tài liệu       STT … Ghi chú (inside a file), with the chứng từ kết thúc
  Mục lục hồ sơ, tài liệu nộp lưu (1) Số TT … (7) Ghi chú, "Viết bằng chữ"
  Biên bản giao nhận hồ sơ, tài liệu
  Danh mục hồ sơ, tài liệu giữ lại  (NĐ 30 Điều 30 khoản 3 names it but gives no form: the
                                  Mục lục nộp lưu's columns, with the reason and the term)
Plain data in, PDF out: nothing here reads the database."""
from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field

from reportlab.lib.pagesizes import A4, landscape
from reportlab.lib.units import mm
from reportlab.pdfgen.canvas import Canvas

from .decor import FOOTER_SIZE, centred
from .fonts import BOLD, BOLD_ITALIC, ITALIC, REGULAR, register_fonts
from .form_table import FormColumn, FormRow, FormTable, Frame, paragraph
from .layout import clean, wrap
from .model import PrintResult
from .output import Target, atomic_target

STATE_MOTTO = ("CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM", "Độc lập - Tự do - Hạnh phúc")
PARTY_TITLE = "ĐẢNG CỘNG SẢN VIỆT NAM"
BLANK = "……………"

PLAN_COLUMNS = (FormColumn("Số và ký hiệu hồ sơ", 14, "C"), FormColumn("Tên đề mục và tiêu đề hồ sơ", 46),
                FormColumn("Thời hạn bảo quản", 13, "C"), FormColumn("Người lập hồ sơ", 15), FormColumn("Ghi chú", 12))
INDEX_COLUMNS = (FormColumn("STT", 5, "C"), FormColumn("Số, ký hiệu văn bản", 13, "C"),
                 FormColumn("Ngày tháng năm văn bản", 10, "C"), FormColumn("Tên loại và trích yếu nội dung văn bản", 36),
                 FormColumn("Tác giả văn bản", 16), FormColumn("Tờ số/Trang số", 10, "C"), FormColumn("Ghi chú", 10))
DEPOSIT_COLUMNS = (FormColumn("Số TT", 5, "C"), FormColumn("Số, ký hiệu hồ sơ", 11, "C"), FormColumn("Tiêu đề hồ sơ", 36),
                   FormColumn("Thời gian tài liệu", 19, "C"), FormColumn("Thời hạn bảo quản", 10, "C"),
                   FormColumn("Số tờ/Số trang", 8, "C"), FormColumn("Ghi chú", 11))

KEPT_COLUMNS = (FormColumn("Số TT", 5, "C"), FormColumn("Số, ký hiệu hồ sơ", 10, "C"), FormColumn("Tiêu đề hồ sơ", 24),
                FormColumn("Thời gian tài liệu", 13, "C"), FormColumn("Thời hạn bảo quản", 8, "C"),
                FormColumn("Lý do giữ lại", 18), FormColumn("Giữ lại đến ngày", 9, "C"),
                FormColumn("Ghi chú", 13))


@dataclass(frozen=True)
class FormOrg:
    parent_org: str = ""
    org_name: str = ""
    regime: str = "state"
    place: str = ""


@dataclass(frozen=True)
class FilePlanForm:
    org: FormOrg
    year: int
    decision_number: str = ""
    decision_date: dt.date | None = None
    rows: tuple[tuple[str, ...], ...] = ()  # (kind, code, title, retention, creator, note); kind big|small|file
    permanent: int = 0
    fixed_term: int = 0


@dataclass(frozen=True)
class FileIndexForm:
    """Mục lục văn bản of one file and its chứng từ kết thúc."""
    org: FormOrg
    code: str
    year: int
    title: str
    rows: tuple[tuple[str, ...], ...] = ()  # STT, số ký hiệu, ngày, tên loại+trích yếu, tác giả, tờ/trang, ghi chú
    documents: int = 0
    sheets: int | None = None
    pages: int = 0
    note: str = ""


@dataclass(frozen=True)
class DepositListForm:
    org: FormOrg
    unit: str  # tên đơn vị / khối tài liệu
    year: int
    rows: tuple[tuple[str, ...], ...] = ()
    in_words: str = ""
    on: dt.date | None = None


@dataclass(frozen=True)
class KeptListForm:
    """Danh mục hồ sơ, tài liệu giữ lại: the files the unit keeps past their deposit time."""
    org: FormOrg
    unit: str
    year: int
    period_text: str
    rows: tuple[tuple[str, ...], ...] = ()  # Số TT … Ghi chú, as KEPT_COLUMNS
    in_words: str = ""
    on: dt.date | None = None


@dataclass(frozen=True)
class PaperCount:
    """Số lượng tài liệu giấy of the Biên bản, typed in at the handover: boxes (hộp, cặp)
    and the shelf length they fill (mét giá). None is left blank on paper, to fill by hand."""
    boxes: int | None = None
    metres: float | None = None


@dataclass(frozen=True)
class MinutesForm:
    org: FormOrg
    number: str
    year: int
    unit: str
    period_text: str
    time_span: str
    files: int
    file_count: int
    state_text: str = "Hồ sơ đã được chỉnh lý, có mục lục; tệp tin đã được kiểm tra mã SHA-256."
    giver: tuple[str, str] = ("", "")
    receiver: tuple[str, str] = ("", "")
    package_code: str = ""
    chain_head: str = ""
    on: dt.date | None = None
    extra: tuple[str, ...] = field(default_factory=tuple)
    paper: PaperCount = PaperCount()
    kept: int = 0  # files the unit keeps back (their Danh mục goes with the minutes)


def _when(org: FormOrg, on: dt.date | None) -> str:
    place = clean(org.place).strip() or BLANK
    d = f"ngày {on.day:02d} tháng {on.month:02d} năm {on.year}" if on else "ngày …… tháng …… năm ……"
    return f"{place}, {d}"


def _header(c: Canvas, org: FormOrg, left: float, right: float, top: float, dated: dt.date | None | bool) -> float:
    """The two-column heading of NĐ 30 / HD 36 documents; a date line under the motto when
    `dated` is a date or True (blank date)."""
    inner = right - left
    lx, rx = left + inner * 0.22, left + inner * 0.70
    y = top - 12
    for text, font in ((org.parent_org, REGULAR), (org.org_name, BOLD)):
        for line in wrap(clean(text).strip().upper(), font, 12, inner * 0.42):
            centred(c, line, lx, y, font, 12)
            y -= 14
    if org.regime == "party":
        centred(c, "*", lx, y - 2, REGULAR, 12)
        y -= 14
    else:
        c.setLineWidth(0.6)
        c.line(lx - 15 * mm, y + 8, lx + 15 * mm, y + 8)
    left_bottom = y
    y = top - 12
    if org.regime == "party":
        centred(c, PARTY_TITLE, rx, y, BOLD, 13)
        w = c.stringWidth(PARTY_TITLE, BOLD, 13)
        c.line(rx - w / 2, y - 4, rx + w / 2, y - 4)
        y -= 24
    else:
        centred(c, STATE_MOTTO[0], rx, y, BOLD, 12)
        y -= 15
        centred(c, STATE_MOTTO[1], rx, y, BOLD, 13)
        w = c.stringWidth(STATE_MOTTO[1], BOLD, 13)
        c.setLineWidth(0.6)
        c.line(rx - w / 2, y - 4, rx + w / 2, y - 4)
        y -= 24
    if dated is not False and dated is not None:
        centred(c, _when(org, dated if isinstance(dated, dt.date) else None), rx, y, ITALIC, 13)
        y -= 14
    return min(left_bottom, y) - 10


class _Doc:
    """One PDF of one or more copies; the footer names the copy and the page."""

    def __init__(self, fh, size, title: str, org: FormOrg):
        self.c = Canvas(fh, pagesize=size, pageCompression=1, initialFontName=REGULAR)
        self.c.setTitle(title)
        self.c.setAuthor(clean(org.org_name))
        self.c.setCreator("vanthu")
        self.w, self.h = size
        self.frame = Frame(25 * mm, self.w - 15 * mm, self.h - 15 * mm, 18 * mm)
        self.copy, self.copies, self.page, self.pages = 1, 1, 1, 0

    def footer(self) -> None:
        text = f"Trang {self.page}" if self.copies == 1 else f"Bản số {self.copy}/{self.copies} · Trang {self.page}"
        centred(self.c, text, self.w / 2, 9 * mm, REGULAR, FOOTER_SIZE)

    def next_page(self) -> float:
        self.footer()
        self.c.showPage()
        self.page += 1
        self.pages += 1
        return self.frame.top

    def end_copy(self) -> None:
        self.footer()
        self.c.showPage()
        self.pages += 1
        self.copy += 1
        self.page = 1


def _signature(c: Canvas, x: float, y: float, who: str, how: str, name: str = "") -> None:
    centred(c, who, x, y, BOLD, 13)
    centred(c, how, x, y - 16, ITALIC, 12)
    if name:
        centred(c, clean(name), x, y - 80, BOLD, 13)


def build_file_plan(form: FilePlanForm, out: Target) -> PrintResult:
    register_fonts()
    with atomic_target(out) as (fh, path):
        d = _Doc(fh, A4, f"DANH MỤC HỒ SƠ năm {form.year} — {form.org.org_name}", form.org)
        c, f = d.c, d.frame
        y = _header(c, form.org, f.left, f.right, f.top, False)
        cx = (f.left + f.right) / 2
        centred(c, "DANH MỤC HỒ SƠ", cx, y - 14, BOLD, 14)
        centred(c, f"Năm {form.year}", cx, y - 31, BOLD, 13)
        dec = (f"(Kèm theo Quyết định số {clean(form.decision_number) or BLANK} ngày "
               f"{form.decision_date:%d/%m/%Y} của {clean(form.org.org_name)})" if form.decision_date else
               f"(Kèm theo Quyết định số {clean(form.decision_number) or BLANK} ngày {BLANK} của {clean(form.org.org_name)})")
        for k, line in enumerate(wrap(dec, ITALIC, 12, f.right - f.left)):
            centred(c, line, cx, y - 48 - 15 * k, ITALIC, 12)
        table = FormTable(c, f, PLAN_COLUMNS, 11)
        rows = []
        for kind, code, title, retention, creator, note in form.rows:
            if kind == "file":
                rows.append(FormRow((code, title, retention, creator, note)))
            else:
                rows.append(FormRow(("", f"{code}. {title}"), BOLD if kind == "big" else BOLD_ITALIC, 1))
        y = table.rows(rows, y - 70, d.next_page)
        total = form.permanent + form.fixed_term
        text = (f"Danh mục hồ sơ này có {total} hồ sơ, bao gồm: {form.permanent} hồ sơ bảo quản vĩnh viễn; "
                f"{form.fixed_term} hồ sơ bảo quản có thời hạn.")
        if y < f.bottom + 40:
            y = d.next_page()
        paragraph(c, text, f.left, y - 20, f.right - f.left, ITALIC, 12, 10 * mm)
        d.end_copy()
        c.save()
    return PrintResult(pages=d.pages, entries=total, path=path)


def build_file_index(form: FileIndexForm, out: Target) -> PrintResult:
    """Mục lục văn bản, tài liệu of one file, then its chứng từ kết thúc on a page of its own."""
    register_fonts()
    with atomic_target(out) as (fh, path):
        d = _Doc(fh, landscape(A4), f"MỤC LỤC VĂN BẢN — hồ sơ {form.code} năm {form.year}", form.org)
        c, f = d.c, d.frame
        cx = (f.left + f.right) / 2
        centred(c, "MỤC LỤC VĂN BẢN, TÀI LIỆU", cx, f.top - 14, BOLD, 14)
        centred(c, f"Số, ký hiệu hồ sơ: {clean(form.code)}", cx, f.top - 32, REGULAR, 13)
        centred(c, f"Năm {form.year}", cx, f.top - 48, REGULAR, 13)
        for k, line in enumerate(wrap(clean(form.title), ITALIC, 12, f.right - f.left)):
            centred(c, line, cx, f.top - 64 - 14 * k, ITALIC, 12)
        FormTable(c, f, INDEX_COLUMNS, 10.5, numbered=False).rows(
            [FormRow(r) for r in form.rows], f.top - 82, d.next_page)
        y = d.next_page()
        centred(c, "CHỨNG TỪ KẾT THÚC", cx, y - 20, BOLD, 14)
        y -= 50
        from num2words import num2words
        words = num2words(form.pages, lang="vi") if form.pages else "không"
        sheets = (f"{form.sheets} tờ, " if form.sheets else "")
        lines = [f"Hồ sơ số, ký hiệu {clean(form.code)} năm {form.year} gồm có: {form.documents} văn bản, "
                 f"{sheets}{form.pages} trang (viết bằng chữ: {words} trang).",
                 f"Mục lục văn bản: {d.page - 1} tờ.",
                 f"Đặc điểm của tài liệu trong hồ sơ: {clean(form.note) or BLANK}"]
        for line in lines:
            y = paragraph(c, line, f.left + 20 * mm, y, f.right - f.left - 40 * mm, REGULAR, 13, 10 * mm) - 6
        rx = f.left + (f.right - f.left) * 0.72
        centred(c, _when(form.org, None), rx, y - 24, ITALIC, 13)
        _signature(c, rx, y - 44, "Người lập hồ sơ", "(Ký và ghi rõ họ tên)")
        d.end_copy()
        c.save()
    return PrintResult(pages=d.pages, entries=len(form.rows), path=path)


def _titled_table(d, form, title: str, year_line: str, columns, room_after: float) -> float:
    """The organ's header, the form's title, unit and year, then its table (over as many pages as
    it needs); a new page when less than `room_after` is left for what follows."""
    c, f = d.c, d.frame
    y = _header(c, form.org, f.left, f.right, f.top, False)
    cx = (f.left + f.right) / 2
    centred(c, title, cx, y - 12, BOLD, 14)
    centred(c, clean(form.unit), cx, y - 29, BOLD, 13)
    centred(c, year_line, cx, y - 45, BOLD, 13)
    y = FormTable(c, f, columns, 10.5).rows([FormRow(r) for r in form.rows], y - 60, d.next_page)
    return d.next_page() if y < f.bottom + room_after else y


def build_deposit_list(form: DepositListForm, out: Target, copies: int = 2) -> PrintResult:
    """Mục lục hồ sơ, tài liệu nộp lưu, in `copies` copies (the law asks for two)."""
    register_fonts()
    with atomic_target(out) as (fh, path):
        d = _Doc(fh, landscape(A4), f"MỤC LỤC HỒ SƠ, TÀI LIỆU NỘP LƯU năm {form.year} — {form.unit}", form.org)
        d.copies = copies
        for _ in range(copies):
            c, f = d.c, d.frame
            y = _titled_table(d, form, "MỤC LỤC HỒ SƠ, TÀI LIỆU NỘP LƯU", f"Năm {form.year}", DEPOSIT_COLUMNS, 120)
            n = len(form.rows)
            y = paragraph(c, f"Mục lục này gồm: {n} hồ sơ (đơn vị bảo quản).", f.left, y - 22, f.right - f.left)
            y = paragraph(c, f"Viết bằng chữ: {form.in_words}.", f.left, y, f.right - f.left, ITALIC)
            rx = f.left + (f.right - f.left) * 0.75
            centred(c, _when(form.org, form.on), rx, y - 14, ITALIC, 13)
            _signature(c, rx, y - 32, "Người lập", "(Ký và ghi rõ họ và tên, chức vụ)")
            d.end_copy()
        d.c.save()
    return PrintResult(pages=d.pages, entries=len(form.rows), path=path)


def _paper_text(p: PaperCount, files: int) -> str:
    if p.boxes == 0:
        return "không có."
    boxes = BLANK if p.boxes is None else str(p.boxes)
    metres = BLANK if p.metres is None else f"{p.metres:g}".replace(".", ",")
    return (f"tổng số hộp (cặp): {boxes}; tổng số hồ sơ (đơn vị bảo quản): {files if p.boxes else BLANK}; "
            f"quy ra mét giá: {metres} m.")


def build_kept_list(form: KeptListForm, out: Target, copies: int = 2) -> PrintResult:
    """Danh mục hồ sơ, tài liệu giữ lại, in `copies` copies: one goes to the archive with the
    handover, the unit keeps the other."""
    register_fonts()
    with atomic_target(out) as (fh, path):
        d = _Doc(fh, landscape(A4), f"DANH MỤC HỒ SƠ, TÀI LIỆU GIỮ LẠI năm {form.year} — {form.unit}", form.org)
        d.copies = copies
        for _ in range(copies):
            c, f = d.c, d.frame
            y = _titled_table(d, form, "DANH MỤC HỒ SƠ, TÀI LIỆU GIỮ LẠI",
                              f"Năm {form.year} — {clean(form.period_text)}", KEPT_COLUMNS, 130)
            y = paragraph(c, f"Danh mục này gồm: {len(form.rows)} hồ sơ (đơn vị bảo quản).", f.left, y - 22,
                          f.right - f.left)
            y = paragraph(c, f"Viết bằng chữ: {form.in_words}.", f.left, y, f.right - f.left, ITALIC)
            y = paragraph(c, "Thời hạn giữ lại không quá 02 năm kể từ ngày đến hạn nộp lưu (Nghị định số "
                          "30/2020/NĐ-CP, Điều 30).", f.left, y, f.right - f.left, ITALIC, 11)
            lx, rx = f.left + (f.right - f.left) * 0.25, f.left + (f.right - f.left) * 0.75
            centred(c, _when(form.org, form.on), rx, y - 14, ITALIC, 13)
            _signature(c, lx, y - 32, "THỦ TRƯỞNG CƠ QUAN, TỔ CHỨC", "(Ký, ghi rõ họ tên, đóng dấu)")
            _signature(c, rx, y - 32, "Người lập", "(Ký và ghi rõ họ và tên, chức vụ)")
            d.end_copy()
        d.c.save()
    return PrintResult(pages=d.pages, entries=len(form.rows), path=path)


def build_minutes(form: MinutesForm, out: Target, copies: int = 2) -> PrintResult:
    """Biên bản giao nhận hồ sơ, tài liệu (Phụ lục V.V), in `copies` copies."""
    register_fonts()
    with atomic_target(out) as (fh, path):
        d = _Doc(fh, A4, f"BIÊN BẢN giao nhận hồ sơ, tài liệu số {form.number}", form.org)
        d.copies = copies
        for _ in range(copies):
            c, f = d.c, d.frame
            width = f.right - f.left
            y = _header(c, form.org, f.left, f.right, f.top, form.on or True)
            cx = (f.left + f.right) / 2
            centred(c, f"Số: {clean(form.number)}", f.left + width * 0.22, y + 6, REGULAR, 12)
            centred(c, "BIÊN BẢN", cx, y - 18, BOLD, 14)
            centred(c, "Giao nhận hồ sơ, tài liệu", cx, y - 35, BOLD, 13)
            y -= 62
            body = [
                ("Căn cứ Nghị định số 30/2020/NĐ-CP ngày 05 tháng 3 năm 2020 của Chính phủ về công tác văn thư;", REGULAR),
                (f"Căn cứ Danh mục hồ sơ năm {form.year} của {clean(form.org.org_name)};", REGULAR),
                ("Chúng tôi gồm:", REGULAR),
                (f"BÊN GIAO: {clean(form.unit)}", BOLD),
                (f"Ông (bà): {clean(form.giver[0]) or BLANK}; chức vụ công tác: {clean(form.giver[1]) or BLANK}", REGULAR),
                ("BÊN NHẬN: Lưu trữ cơ quan (lưu trữ hiện hành)", BOLD),
                (f"Ông (bà): {clean(form.receiver[0]) or BLANK}; chức vụ công tác: {clean(form.receiver[1]) or BLANK}", REGULAR),
                ("Thống nhất lập biên bản giao nhận tài liệu với nội dung cụ thể như sau:", REGULAR),
                (f"1. Tên khối tài liệu giao nộp: {clean(form.unit)}, {clean(form.period_text)}.", REGULAR),
                (f"2. Thời gian của hồ sơ, tài liệu: {clean(form.time_span)}.", REGULAR),
                ("3. Số lượng tài liệu:", REGULAR),
                (f"- Tài liệu giấy: {_paper_text(form.paper, form.files)}", REGULAR),
                (f"- Tài liệu điện tử: tổng số hồ sơ: {form.files}; tổng số tệp tin: {form.file_count}"
                 f" (gói {clean(form.package_code)}).", REGULAR),
                (f"4. Tình trạng tài liệu giao nộp: {clean(form.state_text)}", REGULAR),
                ("5. Mục lục hồ sơ, tài liệu nộp lưu kèm theo.", REGULAR),
                ((f"Hồ sơ, tài liệu đơn vị giữ lại: {form.kept} hồ sơ (có Danh mục hồ sơ, tài liệu giữ lại "
                  "kèm theo)." if form.kept else "Hồ sơ, tài liệu đơn vị giữ lại: không có."), REGULAR),
                *[(clean(x), REGULAR) for x in form.extra],
                ("Biên bản này được lập thành hai bản; bên giao (đơn vị, cá nhân) giữ một bản, Lưu trữ cơ quan giữ "
                 "một bản./.", REGULAR),
            ]
            for text, font in body:
                y = paragraph(c, text, f.left, y, width, font, 13, 10 * mm) - 3
            if form.chain_head:
                y = paragraph(c, f"Dấu kiểm nhật ký điện tử tại thời điểm lập: {clean(form.chain_head)}",
                              f.left, y - 2, width, ITALIC, 11) - 3
            lx, rx = f.left + width * 0.25, f.left + width * 0.75
            _signature(c, lx, y - 24, "ĐẠI DIỆN BÊN GIAO", "(Ký tên và ghi rõ họ tên)", form.giver[0])
            _signature(c, rx, y - 24, "ĐẠI DIỆN BÊN NHẬN", "(Ký tên và ghi rõ họ tên)", form.receiver[0])
            d.end_copy()
        d.c.save()
    return PrintResult(pages=d.pages, entries=form.files, path=path)
