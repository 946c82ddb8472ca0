"""What the secret store needs from the ordinary world: its two books, the document types,
the organisation's settings (not secret; copied in so numbering and printing work there),
and the legal default policies per level."""
from __future__ import annotations

from sqlalchemy import select
from sqlalchemy.orm import Session

from app import catalogue
from app.secrets.access import LEVELS, TERM_YEARS
from db.models import Book, DocType, Setting
from db.models_secret import SecretPolicy

SECRET_BOOKS = [b for b in catalogue.BOOKS if b[3]]


def seed(session: Session) -> None:
    have = set(session.scalars(select(Book.key)))
    for key, name, direction, secret in SECRET_BOOKS:
        if key not in have:
            session.add(Book(key=key, name=name, direction=direction, secret=secret))
    have_types = set(session.execute(select(DocType.regime, DocType.name)).all())
    for regime, types in (("state", catalogue.STATE_TYPES), ("party", catalogue.PARTY_TYPES)):
        for sort, (name, abbr) in enumerate(types):
            if (regime, name) not in have_types:
                session.add(DocType(regime=regime, name=name, abbr=abbr, active=True, sort=sort))
    for level in LEVELS:
        if session.get(SecretPolicy, level) is None:
            # Legal defaults: no trích yếu for Tuyệt mật; no scans for Tối mật and Tuyệt mật,
            # and for Mật only once the office switches it on.
            session.add(SecretPolicy(level=level, no_summary=level == "Tuyệt mật",
                                     scans_allowed=False, term_years=TERM_YEARS[level]))
    session.flush()


def sync(plain: Session, secret: Session) -> None:
    """Copies the organisation settings and the document-type list from the ordinary store."""
    from app import org as org_mod

    known = set(org_mod.Organisation.__dataclass_fields__)
    for key, value in plain.execute(select(Setting.key, Setting.value)):
        if key in known:
            secret.merge(Setting(key=key, value=value))
    for t in plain.scalars(select(DocType)):
        row = secret.scalar(select(DocType).where(DocType.regime == t.regime, DocType.name == t.name))
        if row is None:
            secret.add(DocType(regime=t.regime, name=t.name, abbr=t.abbr, active=t.active, sort=t.sort))
        else:
            row.abbr, row.active = t.abbr, t.active
    secret.flush()
