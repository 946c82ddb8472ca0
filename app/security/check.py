"""`vanthu check` (after Paperless-ngx's sanity checker): one Vietnamese line per problem."""
from __future__ import annotations

from pathlib import Path

from sqlalchemy import text
from sqlalchemy.orm import Session

from app.security import verify
from app.security.backup import sha256_file


def _database(s: Session) -> list[str]:
    rows = [r for (r,) in s.execute(text("PRAGMA integrity_check"))]
    return [] if rows == ["ok"] else [f"Cơ sở dữ liệu hỏng: {r}" for r in rows[:10]]


def _attachments(s: Session, files_dir: Path) -> tuple[list[str], set[str]]:
    problems, referenced = [], set()
    for a_id, entry_id, sha, stored, pdf, pdf_sha in s.execute(text(
            "SELECT id, entry_id, sha256, stored_path, pdf_path, pdf_sha256 FROM attachment ORDER BY id")):
        owner = f"văn bản #{entry_id}" if entry_id else "chưa gắn văn bản"
        for rel, digest in ((stored, sha), (pdf, pdf_sha)):
            if not rel:
                continue
            rel = Path(rel).as_posix()
            referenced.add(rel)
            path = files_dir / rel
            if not path.is_file():
                problems.append(f"Thiếu tệp đính kèm {rel} (bản quét #{a_id}, {owner}).")
            elif digest and sha256_file(path) != digest:
                problems.append(f"Tệp đính kèm {rel} (bản quét #{a_id}, {owner}) không khớp mã SHA-256: "
                                "tệp đã bị thay đổi hoặc hỏng.")
    return problems, referenced


def _orphans(files_dir: Path, referenced: set[str]) -> list[str]:
    if not files_dir.is_dir():
        return []
    return [f"Tệp {p.relative_to(files_dir).as_posix()} trong thư mục dữ liệu không thuộc văn bản nào."
            for p in sorted(files_dir.rglob("*")) if p.is_file() and not p.name.startswith(".part-")
            and p.relative_to(files_dir).as_posix() not in referenced]


def _search_index(s: Session) -> list[str]:
    try:
        s.execute(text("INSERT INTO entry_fts(entry_fts, rank) VALUES ('integrity-check', 1)"))
    except Exception:
        return ["Chỉ mục tìm kiếm không khớp với các văn bản (cần xây lại chỉ mục)."]
    return []


def _counters(s: Session) -> list[str]:
    rows = s.execute(text(
        "SELECT e.scope, max(e.number), coalesce(q.last, 0) FROM entry e LEFT JOIN sequence q "
        "ON q.key = e.scope GROUP BY e.scope HAVING max(e.number) > coalesce(q.last, 0)"))
    return [f"Bộ đếm số “{scope}” đang ở {last} nhưng sổ đã cấp số {top}: số có thể bị cấp trùng."
            for scope, top, last in rows]


def run_check(store) -> list[str]:
    """Every problem found, in order: database, attachments, stray files, index, counters, chain."""
    with store.ReadSession() as s:  # a read transaction: the clerk's saves go on meanwhile
        problems = _database(s)
        found, referenced = _attachments(s, store.files_dir)
        problems += found + _orphans(store.files_dir, referenced)
        problems += _counters(s)
        chain_problems = list(verify.verify(s).problems)
    with store.Session() as s:  # the FTS check is an INSERT command: a short write, rolled back
        try:
            problems += _search_index(s)
        finally:
            s.rollback()
    return problems + chain_problems
