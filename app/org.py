"""The organisation's settings, kept in the database because numbering depends on them."""
from __future__ import annotations

import datetime as dt
import json
from dataclasses import dataclass, fields, replace

from sqlalchemy import select
from sqlalchemy.orm import Session

from app.errors import ValidationError
from app.text import nfc
from db.models import Setting


@dataclass(frozen=True)
class Organisation:
    parent_org: str = ""  # cơ quan chủ quản
    org_name: str = ""  # tên cơ quan
    org_abbr: str = ""  # viết tắt dùng trong ký hiệu: TU, VPTU, UBND, SNV
    regime: str = "state"  # "state" | "party"
    term_start: str = ""  # Party: ngày bắt đầu nhiệm kỳ, yyyy-mm-dd
    place: str = ""  # địa danh, e.g. "Thanh Hóa"
    state_scheme: str = "all"  # State outgoing: "all" types share one sequence | "per_type"
    # The scheme in force from each year on, as JSON {"2026": "all", "2027": "per_type"}: a
    # change in a year that already has numbers takes effect on 1 January of the next year.
    scheme_since: str = ""

    def scheme_for(self, year: int) -> str:
        since = json.loads(self.scheme_since) if self.scheme_since else {}
        if not since:
            return self.state_scheme
        earlier = [int(y) for y in since if int(y) <= year]
        return since[str(max(earlier) if earlier else min(int(y) for y in since))]

    @property
    def configured(self) -> bool:
        return bool(self.org_name and self.org_abbr)

    @property
    def term_start_date(self) -> dt.date | None:
        return dt.date.fromisoformat(self.term_start) if self.term_start else None


def load(session: Session) -> Organisation:
    values = dict(session.execute(select(Setting.key, Setting.value)).all())
    known = {f.name for f in fields(Organisation)}
    return Organisation(**{k: v for k, v in values.items() if k in known})


def validate(org: Organisation) -> Organisation:
    org = replace(org, **{f.name: nfc(getattr(org, f.name)) for f in fields(Organisation)})
    org = replace(org, org_abbr=org.org_abbr.upper())
    errors = {}
    if not org.org_name:
        errors["org_name"] = "Cần nhập tên cơ quan."
    if not org.org_abbr:
        errors["org_abbr"] = "Cần nhập chữ viết tắt của cơ quan (dùng trong ký hiệu văn bản)."
    elif any(c.isspace() or c in "/-" for c in org.org_abbr):
        errors["org_abbr"] = "Chữ viết tắt không được chứa dấu cách, '/' hoặc '-'."
    if org.regime not in ("state", "party"):
        errors["regime"] = "Chế độ phải là Đảng hoặc Nhà nước."
    if org.regime == "party":
        try:
            if not org.term_start:
                raise ValueError
            dt.date.fromisoformat(org.term_start)
        except ValueError:
            errors["term_start"] = "Cơ quan Đảng cần ngày bắt đầu nhiệm kỳ hợp lệ."
    if org.state_scheme not in ("all", "per_type"):
        errors["state_scheme"] = "Cách đánh số không hợp lệ."
    if errors:
        raise ValidationError(errors)
    return org


def save(session: Session, org: Organisation, *, continue_numbers: bool = False,
         today: dt.date | None = None) -> Organisation:
    """Saves the settings. Changes that decide numbers (scheme, term) go through
    app.registers.periods, so that no setting can make a number be issued twice."""
    from app.registers import periods

    org = periods.settle(session, load(session), validate(org), continue_numbers=continue_numbers,
                         today=today or dt.date.today())
    for f in fields(Organisation):
        row = session.get(Setting, f.name)
        if row is None:
            session.add(Setting(key=f.name, value=getattr(org, f.name)))
        else:
            row.value = getattr(org, f.name)
    return org
