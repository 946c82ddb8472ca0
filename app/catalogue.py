"""Seed data: the books and the document-type catalogues (NĐ 30 Phụ lục III; Party list, HD 36)."""
from __future__ import annotations

from dataclasses import dataclass

from sqlalchemy import select
from sqlalchemy.orm import Session

from db.models import Book, DocType

BOOKS = [
    ("incoming", "Văn bản đến", "in", False),
    ("outgoing", "Văn bản đi", "out", False),
    ("secret_incoming", "Văn bản mật đến", "in", True),
    ("secret_outgoing", "Văn bản mật đi", "out", True),
]

STATE_TYPES = [
    ("Nghị quyết", "NQ"), ("Quyết định", "QĐ"), ("Chỉ thị", "CT"), ("Quy chế", "QC"),
    ("Quy định", "QyĐ"), ("Thông cáo", "TC"), ("Thông báo", "TB"), ("Hướng dẫn", "HD"),
    ("Chương trình", "CTr"), ("Kế hoạch", "KH"), ("Phương án", "PA"), ("Đề án", "ĐA"),
    ("Dự án", "DA"), ("Báo cáo", "BC"), ("Biên bản", "BB"), ("Tờ trình", "TTr"),
    ("Hợp đồng", "HĐ"), ("Công văn", ""), ("Công điện", "CĐ"), ("Bản ghi nhớ", "BGN"),
    ("Bản thỏa thuận", "BTT"), ("Giấy ủy quyền", "GUQ"), ("Giấy mời", "GM"),
    ("Giấy giới thiệu", "GGT"), ("Giấy nghỉ phép", "GNP"), ("Phiếu gửi", "PG"),
    ("Phiếu chuyển", "PC"), ("Phiếu báo", "PB"), ("Thư công", ""),
    ("Bản sao y", "SY"), ("Bản trích sao", "TrS"), ("Bản sao lục", "SL"),
    ("Luật", ""), ("Nghị định", "NĐ"), ("Thông tư", "TT"), ("Thông tư liên tịch", "TTLT"),
    ("Pháp lệnh", "PL"),
]

PARTY_TYPES = [
    ("Nghị quyết", "NQ"), ("Quyết định", "QĐ"), ("Quy định", "QĐ"), ("Chỉ thị", "CT"),
    ("Kết luận", "KL"), ("Quy chế", "QC"), ("Thông tri", "TT"), ("Hướng dẫn", "HD"),
    ("Thông báo", "TB"), ("Thông cáo", "TC"), ("Báo cáo", "BC"), ("Kế hoạch", "KH"),
    ("Chương trình", "CTr"), ("Đề án", "ĐA"), ("Phương án", "PA"), ("Dự án", "DA"),
    ("Tờ trình", "TTr"), ("Công văn", "CV"), ("Biên bản", "BB"), ("Giấy giới thiệu", "GGT"),
    ("Giấy chứng nhận", "GCN"), ("Giấy đi đường", "GĐĐ"), ("Giấy nghỉ phép", "GNP"),
    ("Giấy mời", "GM"), ("Phiếu chuyển", "PC"), ("Phiếu gửi", "PG"), ("Thư công", "TC"),
]


@dataclass(frozen=True)
class DocTypeView:
    id: int
    regime: str
    name: str
    abbr: str
    active: bool


def is_seeded(session: Session) -> bool:
    """True when every book and built-in type is there (then start-up needs no write)."""
    have_books = set(session.scalars(select(Book.key)))
    have_types = set(session.execute(select(DocType.regime, DocType.name)).all())
    return all(key in have_books for key, *_ in BOOKS) and all(
        (regime, name) in have_types
        for regime, types in (("state", STATE_TYPES), ("party", PARTY_TYPES)) for name, _ in types)


def seed(session: Session) -> None:
    """Idempotent: adds what is missing, never overwrites what the clerk edited."""
    have_books = set(session.scalars(select(Book.key)))
    for key, name, direction, secret in BOOKS:
        if key not in have_books:
            session.add(Book(key=key, name=name, direction=direction, secret=secret))
    have_types = set(session.execute(select(DocType.regime, DocType.name)).all())
    for regime, types in (("state", STATE_TYPES), ("party", PARTY_TYPES)):
        for sort, (name, abbr) in enumerate(types):
            if (regime, name) not in have_types:
                session.add(DocType(regime=regime, name=name, abbr=abbr, active=True, sort=sort))
    session.flush()


def doc_types(session: Session, regime: str, active_only: bool = True) -> list[DocTypeView]:
    q = select(DocType).where(DocType.regime == regime).order_by(DocType.sort, DocType.name)
    if active_only:
        q = q.where(DocType.active.is_(True))
    return [DocTypeView(t.id, t.regime, t.name, t.abbr, t.active) for t in session.scalars(q)]


def save_doc_type(session: Session, regime: str, name: str, abbr: str, active: bool = True) -> None:
    from app.text import nfc
    row = session.scalar(select(DocType).where(DocType.regime == regime, DocType.name == nfc(name)))
    if row is None:
        session.add(DocType(regime=regime, name=nfc(name), abbr=nfc(abbr), active=active, sort=999))
    else:
        row.abbr, row.active = nfc(abbr), active


def find_type(session: Session, regime: str, name: str) -> DocTypeView | None:
    t = session.scalar(select(DocType).where(DocType.regime == regime, DocType.name == name))
    return DocTypeView(t.id, t.regime, t.name, t.abbr, t.active) if t else None
