"""A report of the period to PDF, in the office's header style (app/printing/tracking_report)."""
from __future__ import annotations

import datetime as dt
from pathlib import Path

from sqlalchemy.orm import Session

from app import org as org_mod
from app.tracking import reports


def build(session: Session, kind: str, date_from: dt.date, date_to: dt.date, unit: str = ""):
    if kind == "incoming":
        return reports.incoming(session, date_from, date_to, unit)
    if kind == "outgoing":
        return reports.outgoing(session, date_from, date_to, unit)
    raise ValueError(kind)


def print_report(session: Session, kind: str, date_from: dt.date, date_to: dt.date, out: Path | str,
                 unit: str = "", issued_on: dt.date | None = None):
    from app.printing.tracking_report import build_report

    report = build(session, kind, date_from, date_to, unit)
    return build_report(report, org_mod.load(session), out, issued_on=issued_on)
