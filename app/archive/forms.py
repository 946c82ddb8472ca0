"""The printed forms filled from the database: the file plan, a file's Mục lục văn bản with
its chứng từ kết thúc, and a batch's Mục lục hồ sơ nộp lưu and Biên bản giao nhận."""
from __future__ import annotations

import datetime as dt

from sqlalchemy import select
from sqlalchemy.orm import Session

from app import org as org_mod
from app.archive import filing, plan, trail
from app.archive.rules import PERMANENT, period_label
from app.dates import fmt
from app.printing.archive_forms import (DepositListForm, FileIndexForm, FilePlanForm, FormOrg, KeptListForm, MinutesForm,
                                        PaperCount)
from db.models_archive import FileHeading, Handover, Hoso


def form_org(session: Session) -> FormOrg:
    o = org_mod.load(session)
    return FormOrg(o.parent_org, o.org_name, o.regime, o.place)


def file_plan_form(session: Session, year: int) -> FilePlanForm:
    p = plan.ensure_plan(session, year)
    files = plan.list_hoso(session, year)
    by_heading: dict[int | None, list] = {}
    for h in files:
        if h.in_plan:
            by_heading.setdefault(h.heading_id, []).append(h)
    rows: list[tuple[str, ...]] = []

    def file_rows(hid):
        for h in by_heading.get(hid, []):
            rows.append(("file", h.code, h.title, h.retention, h.creator, h.description))

    file_rows(None)
    for head in plan._plan_order(session, year):
        label = plan._heading_view(head).label
        rows.append(("big" if head.parent_id is None else "small", label, head.title.upper()
                     if head.parent_id is None else head.title, "", "", ""))
        file_rows(head.id)
    planned = [h for h in files if h.in_plan]
    permanent = sum(1 for h in planned if h.retention == PERMANENT)
    return FilePlanForm(form_org(session), year, p.decision_number, p.decision_date, tuple(rows), permanent,
                        len(planned) - permanent)


def file_index_form(session: Session, hoso_id: int) -> FileIndexForm:
    h = plan.get(session, hoso_id)
    rows, page = [], 1
    docs = filing.documents(session, h.id)
    for d in docs:
        span = f"{page}-{page + d.pages - 1}" if d.pages > 1 else (str(page) if d.pages else "")
        page += d.pages
        kind = f"{d.doc_type}: {d.summary}" if d.summary else d.doc_type
        rows.append((str(d.position), d.number_symbol or str(d.number), fmt(d.doc_date or d.reg_date), kind,
                     d.issuer, span, ""))
    pages = h.pages if h.pages is not None else sum(d.pages for d in docs)
    return FileIndexForm(form_org(session), h.code, h.year, h.title, tuple(rows), len(docs), h.sheets, pages,
                         h.description)


def _time_span(rows) -> str:
    starts = [h.start_date for h in rows if h.start_date]
    ends = [h.end_date for h in rows if h.end_date]
    if not starts:
        return "……………"
    return f"từ {fmt(min(starts))} đến {fmt(max(ends))}"


def _files_of_batch(session: Session, batch_id: int) -> list[Hoso]:
    return list(session.scalars(select(Hoso).where(Hoso.handover_id == batch_id).order_by(Hoso.code)))


def unit_name(session: Session) -> str:
    return org_mod.load(session).org_name


def _in_words(n: int) -> str:
    from num2words import num2words

    words = num2words(n, lang="vi")
    return f"{words[:1].upper()}{words[1:]} hồ sơ"


def deposit_list_form(session: Session, batch_id: int) -> DepositListForm:
    b = session.get(Handover, batch_id)
    rows = []
    for i, h in enumerate(_files_of_batch(session, batch_id), 1):
        span = f"{fmt(h.start_date)} - {fmt(h.end_date)}" if h.start_date else ""
        count = f"{h.sheets}/{h.pages or 0}" if h.sheets else str(h.pages or 0)
        rows.append((str(i), h.code, h.title, span, h.retention, count, h.description))
    return DepositListForm(form_org(session), unit_name(session), b.year, tuple(rows), _in_words(len(rows)),
                           dt.date.today())


def kept_list_form(session: Session, year: int, period: str | None = None) -> KeptListForm:
    """The files kept back by the unit: of the period's handover, or of the whole year."""
    from app.archive import keepback

    rows = []
    for i, k in enumerate((k for k in keepback.kept(session, year, period) if not k.hoso.secret), 1):
        h = k.hoso
        span = f"{fmt(h.start_date)} - {fmt(h.end_date)}" if h.start_date else ""
        rows.append((str(i), h.code, h.title, span, h.retention, k.reason, fmt(k.until), k.approval))
    when = f"{period_label(period)}" if period else "cả năm"
    return KeptListForm(form_org(session), unit_name(session), year, when, tuple(rows), _in_words(len(rows)),
                        dt.date.today())


def minutes_form(session: Session, batch_id: int, file_count: int, paper: PaperCount = PaperCount(),
                 kept: int = 0) -> MinutesForm:
    b = session.get(Handover, batch_id)
    files = _files_of_batch(session, batch_id)
    return MinutesForm(form_org(session), b.minutes_number, b.year, unit_name(session),
                       f"{period_label(b.period)} năm {b.year} ({fmt(b.date_from)} - {fmt(b.date_to)})",
                       _time_span(files), len(files), file_count, giver=(b.giver_name, b.giver_position),
                       receiver=(b.receiver_name, b.receiver_position), package_code=b.code,
                       chain_head=trail.chain_head(session), on=dt.date.today(), paper=paper, kept=kept)


def print_kept_list(session: Session, year: int, period: str | None, out) -> object:
    from app.printing.archive_forms import build_kept_list

    result = build_kept_list(kept_list_form(session, year, period), out)
    trail.audit(session, "print_form", None, form="Danh mục hồ sơ, tài liệu giữ lại", year=year,
                period=period or "", target=str(out))
    return result


def print_file_plan(session: Session, year: int, out) -> object:
    from app.printing.archive_forms import build_file_plan

    result = build_file_plan(file_plan_form(session, year), out)
    trail.audit(session, "print_form", None, form="Danh mục hồ sơ", year=year, target=str(out))
    return result


def print_file_index(session: Session, hoso_id: int, out) -> object:
    from app.printing.archive_forms import build_file_index

    result = build_file_index(file_index_form(session, hoso_id), out)
    trail.audit(session, "print_form", None, form="Mục lục văn bản", hoso=hoso_id, target=str(out))
    return result


def heading_title(session: Session, heading_id: int | None) -> str:
    h = session.get(FileHeading, heading_id) if heading_id else None
    return h.title if h else ""
