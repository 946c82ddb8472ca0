"""A small office's year: incoming and outgoing entries, some with scans on disk, a file plan."""
import datetime as dt

import pytest

from app.archive import closing, filing, plan
from app.intake import scans
from app.registers import service
from app.registers.draft import Draft

YEAR = 2026


@pytest.fixture(autouse=True)
def _office_today(office_today):
    pass


def incoming(n: int, **kw) -> Draft:
    day = dt.date(YEAR, 1, 5) + dt.timedelta(days=n)
    values = dict(received_at=f"{day:%d/%m/%Y} 08:00", issuer=f"UBND huyện {n % 3}",
                  number_symbol=f"{n}/BC-UBND", doc_date=f"{day - dt.timedelta(days=2):%d/%m/%Y}",
                  doc_type="Báo cáo", summary=f"Báo cáo tình hình cán bộ quý {n % 4 + 1}")
    values.update(kw)
    return Draft(**values)


def outgoing(n: int, **kw) -> Draft:
    day = dt.date(YEAR, 1, 10) + dt.timedelta(days=n)
    values = dict(doc_date=f"{day:%d/%m/%Y}", doc_type="Quyết định", summary=f"Về việc điều động cán bộ {n}",
                  signer_name="Nguyễn Văn A", signer_position="Giám đốc", recipients="- Như trên;\n- Lưu: VT.")
    values.update(kw)
    return Draft(**values)


def a_scan(tmp_path, n: int, pages: int = 2) -> tuple:
    """A scanned original and its searchable PDF, different bytes for every n."""
    src = tmp_path / f"scan-{n}.png"
    src.write_bytes(b"\x89PNG\r\n\x1a\n" + f"scan {n}".encode() * 50)
    return src, pages, b"%PDF-1.4\n% ocr " + str(n).encode() + b"\n%%EOF\n"


@pytest.fixture
def office(state_store, tmp_path):
    """12 incoming (8 with scans), 4 outgoing; a plan with two headings and three files."""
    store = state_store
    ids = {}
    with store.Session.begin() as s:
        ids["in"] = [service.register(s, "incoming", incoming(n), year=YEAR).id for n in range(1, 13)]
        ids["out"] = [service.register(s, "outgoing", outgoing(n)).id for n in range(1, 5)]
        for i, entry_id in enumerate(ids["in"][:8], 1):
            src, pages, pdf = a_scan(tmp_path, i)
            scans.keep_scan(s, store.files_dir, src, entry_id, pages=pages, ocr_text=f"văn bản {i}",
                            searchable_pdf=pdf)
        plan.set_plan(s, YEAR, organ_id="H26.01", decision_number="12/QĐ-SNV", decision_date="05/01/2026")
        big = plan.add_heading(s, YEAR, "Tổ chức cán bộ", "TCCB")
        small = plan.add_heading(s, YEAR, "Tuyển dụng, điều động", parent_id=big.id)
        office_h = plan.add_heading(s, YEAR, "Văn phòng", "VP")
        a = plan.create_hoso(s, YEAR, "Hồ sơ điều động cán bộ năm 2026", "Vĩnh viễn", heading_id=small.id,
                             creator="Trần Thị B")
        b = plan.create_hoso(s, YEAR, "Báo cáo tình hình cán bộ các huyện", "10 năm", heading_id=big.id,
                             creator="Trần Thị B")
        c = plan.create_hoso(s, YEAR, "Công văn hành chính", "5 năm", heading_id=office_h.id, creator="Lê C")
    ids["files"] = (a.id, b.id, c.id)
    ids["store"] = store
    return ids


@pytest.fixture
def closed_quarter(office):
    """Two files filled and closed in Q1, one left open."""
    store = office["store"]
    a, b, c = office["files"]
    with store.Session.begin() as s:
        filing.add(s, a, office["out"][:2] + office["in"][:2])
        filing.add(s, b, office["in"][2:8])
        filing.add(s, c, office["in"][8:10])
        closing.close(s, a, on="20/03/2026")
        closing.close(s, b, on="25/03/2026")
    return office
