"""The likely file of an entry, from how similar entries were filed before (same issuer, same
type, words of the summary), and from the open files' titles. Only a suggestion: the clerk
confirms. Last year's filings point to this year's file of the same code (the plan is copied
year to year) or, failing that, of the same title."""
from __future__ import annotations

from rapidfuzz import fuzz, process, utils
from sqlalchemy import func, select
from sqlalchemy.orm import Session

from app.archive.views import Suggestion
from app.errors import NotFound
from app.text import fold
from db.models import Entry
from db.models_archive import Hoso, HosoEntry

HISTORY = 20_000  # latest filings looked at; more adds time, not better guesses
CUTOFF = 45.0


def _text(e_type: str, summary: str) -> str:
    # The register's own texts are NFC throughout, so rapidfuzz's C processor (lower case,
    # punctuation out) is enough for them; folding 20,000 summaries in Python cost 100 ms.
    return utils.default_process(f"{e_type} {summary}")


_CACHE: dict[tuple, tuple] = {}  # (database, year) -> (stamp, rows, processed texts)


def _history(session: Session, year: int, entry_id: int) -> tuple[list, list[str]]:
    """The latest filings of this year and the last, read once and kept until a filing is
    added or taken out (the stamp): reading and processing 5,000 rows took most of a call."""
    live = HosoEntry.removed_at.is_(None)
    stamp = tuple(session.execute(select(func.count(), func.max(HosoEntry.added_at), func.max(Hoso.id))
                                  .select_from(HosoEntry).join(Hoso, Hoso.id == HosoEntry.hoso_id)
                                  .where(live, Hoso.year.in_((year, year - 1)))).one())
    key = (str(session.get_bind().url), year)
    cached = _CACHE.get(key)
    if cached is None or cached[0] != stamp:
        rows = session.execute(
            select(Entry.id, Entry.issuer, Entry.doc_type, Entry.summary, Hoso.id, Hoso.code, Hoso.title, Hoso.year)
            .join(HosoEntry, HosoEntry.entry_id == Entry.id).join(Hoso, Hoso.id == HosoEntry.hoso_id)
            .where(live, Hoso.year.in_((year, year - 1)))
            .order_by(HosoEntry.added_at.desc()).limit(HISTORY)).all()
        cached = _CACHE[key] = (stamp, rows, [_text(r[2], r[3]) for r in rows])
    _stamp, rows, texts = cached
    return rows, texts


def suggest(session: Session, entry_id: int, *, year: int | None = None, limit: int = 3) -> list[Suggestion]:
    e = session.get(Entry, entry_id)
    if e is None:
        raise NotFound(f"Không tìm thấy văn bản #{entry_id}.")
    year = year or e.year
    open_files = list(session.scalars(select(Hoso).where(Hoso.year == year, Hoso.state == "open")))
    if not open_files:
        return []
    holding = set(session.scalars(select(HosoEntry.hoso_id).where(HosoEntry.entry_id == e.id,
                                                                  HosoEntry.removed_at.is_(None))))
    by_code = {h.code: h for h in open_files}
    by_title = {fold(h.title): h for h in open_files}
    rows, texts = _history(session, year, e.id)
    query = _text(e.doc_type, e.summary)
    issuer = e.issuer.strip().lower()
    files = {h.id: h for h in open_files}
    best: dict[int, tuple[float, int, str]] = {}  # target id -> (score, count, reason)

    def offer(target: Hoso | None, score: float, reason: str) -> None:
        if target is None or target.id in holding:
            return
        old = best.get(target.id)
        if old is None:
            best[target.id] = (score, 1, reason)
        else:
            best[target.id] = (max(old[0], score), old[1] + 1, old[2] if old[0] >= score else reason)

    if rows and query.strip():
        for _choice, sim, i in process.extract(query, texts, scorer=fuzz.token_set_ratio,
                                               score_cutoff=CUTOFF, limit=200):
            r = rows[i]
            if r[0] == e.id:
                continue
            same_issuer = bool(issuer) and r[1].strip().lower() == issuer
            score = 0.6 * sim + (25 if same_issuer else 0) + (15 if r[2] == e.doc_type else 0)
            target = (files.get(r[4]) if r[7] == year else None) or by_code.get(r[5]) or by_title.get(fold(r[6]))
            how = "cùng tác giả, " if same_issuer else ""
            offer(target, score, f"{how}giống văn bản #{r[0]} đã lập vào hồ sơ {r[5]} năm {r[7]}")
    for h in open_files:
        sim = fuzz.token_set_ratio(query, _text("", h.title)) if query.strip() else 0
        if sim >= CUTOFF:
            offer(h, 0.7 * sim, "trích yếu gần với tiêu đề hồ sơ")
    ranked = sorted(((min(100.0, s + 2 * min(n - 1, 5)), hid, why) for hid, (s, n, why) in best.items()),
                    reverse=True)[:limit]
    return [Suggestion(hid, files[hid].code, files[hid].title, round(s, 1), why) for s, hid, why in ranked]
