"""The Phiếu giải quyết văn bản đến of one incoming entry, from the core's builder.

The builder (app/printing/phieu.py, issue 4 item 2) is being written beside this; this adapter
uses a service `print_service.print_phieu(session, entry_id, out)` when the core has one, else
fills the builder's record by field name from the entry and the organisation. Until either
exists the clerk gets a clear message instead of a crash.
"""
from __future__ import annotations

import dataclasses
from pathlib import Path

from app import org as org_mod
from app.printing import service as print_service
from app.printing import PrintError
from app.registers import query


def build_phieu(session, entry_id: int, out: Path) -> int:
    """Builds the phiếu PDF at out; returns its page count."""
    service = getattr(print_service, "print_phieu", None)
    if service is not None:
        return getattr(service(session, entry_id, out), "pages", 1)
    try:
        from app.printing.phieu import PhieuGiaiQuyet, build_phieu_giai_quyet
    except ImportError:
        raise PrintError("Bản chương trình này chưa có mẫu Phiếu giải quyết văn bản đến.") from None
    entry = query.rows(session, [entry_id])[0]
    org = org_mod.load(session)
    known = {**{f.name: getattr(org, f.name) for f in dataclasses.fields(org)},
             **{f.name: getattr(entry, f.name) for f in dataclasses.fields(entry)}}
    record = PhieuGiaiQuyet(**{f.name: known[f.name] for f in dataclasses.fields(PhieuGiaiQuyet)
                               if f.name in known})
    result = build_phieu_giai_quyet(record, out)
    return getattr(result, "pages", 1)
