"""Realistic sample entries for the demo mode and the benchmarks."""
from __future__ import annotations

import datetime as dt
import random
from dataclasses import replace

from sqlalchemy.orm import Session

from app import org as org_mod
from app.registers import service
from app.registers.draft import Draft

PROVINCES = ["Thanh Hóa", "Nghệ An", "Hà Tĩnh", "Quảng Bình", "Thừa Thiên Huế", "Đắk Lắk",
             "Lâm Đồng", "Bắc Ninh", "Hải Dương", "Điện Biên", "Sơn La", "Cà Mau"]
# (issuer, abbreviation in its symbols, Party body?)
ISSUERS = [("UBND tỉnh {p}", "UBND", False), ("Sở Nội vụ tỉnh {p}", "SNV", False),
           ("Sở Tài chính tỉnh {p}", "STC", False), ("Sở Giáo dục và Đào tạo tỉnh {p}", "SGDĐT", False),
           ("Tỉnh ủy {p}", "TU", True), ("Ban Tổ chức Tỉnh ủy {p}", "BTCTU", True),
           ("Văn phòng Tỉnh ủy {p}", "VPTU", True), ("Bộ Nội vụ", "BNV", False),
           ("Văn phòng Chính phủ", "VPCP", False), ("Bộ Tài chính", "BTC", False),
           ("Ủy ban Kiểm tra Tỉnh ủy {p}", "UBKTTU", True), ("Công an tỉnh {p}", "CAT", False),
           ("Sở Kế hoạch và Đầu tư tỉnh {p}", "SKHĐT", False), ("Sở Y tế tỉnh {p}", "SYT", False),
           ("Ban Tuyên giáo Tỉnh ủy {p}", "BTGTU", True)]
TYPES = [("Quyết định", "QĐ"), ("Công văn", ""), ("Thông báo", "TB"), ("Kế hoạch", "KH"),
         ("Báo cáo", "BC"), ("Tờ trình", "TTr"), ("Hướng dẫn", "HD"), ("Giấy mời", "GM"),
         ("Nghị quyết", "NQ"), ("Chỉ thị", "CT")]
TOPICS = ["phê duyệt kế hoạch đào tạo, bồi dưỡng cán bộ, công chức năm {y}",
          "tổ chức Hội nghị sơ kết công tác xây dựng Đảng 6 tháng đầu năm {y}",
          "triển khai thực hiện Nghị quyết số 18-NQ/TW về tinh gọn bộ máy",
          "báo cáo kết quả thực hiện nhiệm vụ phát triển kinh tế - xã hội quý {q}",
          "điều động, bổ nhiệm cán bộ lãnh đạo cấp phòng",
          "tăng cường công tác phòng, chống thiên tai, tìm kiếm cứu nạn mùa mưa lũ",
          "kiện toàn Ban Chỉ đạo chuyển đổi số tỉnh",
          "đề nghị thẩm định dự toán ngân sách năm {y}",
          "thực hiện chế độ, chính sách đối với người có công với cách mạng",
          "hướng dẫn công tác văn thư, lưu trữ trong các cơ quan, đơn vị",
          "kế hoạch kiểm tra, giám sát của Ủy ban Kiểm tra năm {y}",
          "mời dự họp giao ban tháng {m} năm {y}",
          "đánh giá, xếp loại chất lượng đảng viên năm {y}",
          "phân bổ kinh phí hỗ trợ đầu tư xây dựng trường học vùng khó khăn"]
UNITS = ["Phòng Tổ chức cán bộ", "Phòng Hành chính - Tổng hợp", "Văn phòng", "Phòng Kế hoạch - Tài chính",
         "Đ/c Giám đốc", "Đ/c Phó Giám đốc Lê Thị Hoa", "Thanh tra Sở", "Phòng Xây dựng chính quyền"]
SIGNERS = [("Giám đốc", "Nguyễn Văn Hùng"), ("Phó Giám đốc", "Trần Thị Mai"),
           ("Chánh Văn phòng", "Lê Đức Thắng"), ("Phó Giám đốc", "Phạm Quốc Đạt")]


def fake_incoming(rng: random.Random, when: dt.datetime) -> Draft:
    province = rng.choice(PROVINCES)
    name, abbr = rng.choice(TYPES)
    number = rng.randint(1, 3500)
    issuer, issuer_abbr, party = rng.choice(ISSUERS)
    if party:
        symbol = f"{number:02d}-{abbr or 'CV'}/{issuer_abbr}"
    else:
        symbol = f"{number:02d}/{abbr}-{issuer_abbr}" if abbr else f"{number:02d}/{issuer_abbr}-VP"
    doc_date = (when - dt.timedelta(days=rng.randint(0, 6))).date()
    topic = rng.choice(TOPICS).format(y=when.year, q=rng.randint(1, 4), m=when.month)
    return Draft(
        received_at=when, issuer=issuer.format(p=province), number_symbol=symbol,
        doc_date=doc_date, doc_type=name, summary=("V/v " if not abbr else "Về việc ") + topic,
        recipient_unit=rng.choice(UNITS), transfer_date=when.date() + dt.timedelta(days=rng.randint(0, 1)),
        urgency=rng.choice(["", "", "", "", "", "", "Khẩn", "Thượng khẩn", "Hỏa tốc"]),
        pages=rng.randint(1, 12))


def fake_outgoing(rng: random.Random, day: dt.date) -> Draft:
    name, _ = rng.choice(TYPES)
    position, signer = rng.choice(SIGNERS)
    recipients = rng.sample(["UBND tỉnh", "Sở Tài chính", "Các huyện, thị xã, thành phố",
                             "Bộ Nội vụ", "Văn phòng Tỉnh ủy", "Các phòng, đơn vị thuộc Sở"], 3)
    return Draft(doc_date=day, doc_type=name, summary="Về việc " + rng.choice(TOPICS).format(
        y=day.year, q=1, m=day.month), signer_position=position, signer_name=signer,
        recipients="\n".join(recipients) + "\nLưu: VT", recipient_unit="Văn phòng",
        copies=rng.randint(2, 30), drafting_unit="VP" if name == "Công văn" else "",
        transfer_date=day)


def fill(session: Session, incoming: int = 300, outgoing: int = 120, year: int | None = None,
         seed: int = 7) -> None:
    """A demo organisation with a year of entries, some urgent, a few voided and reserved."""
    rng = random.Random(seed)
    year = year or dt.date.today().year
    session.info["plain_store"] = False  # made-up entries: the demo's secret books may hold them
    if not org_mod.load(session).configured:
        org_mod.save(session, org_mod.Organisation(
            parent_org="UBND TỈNH THANH HÓA", org_name="SỞ NỘI VỤ", org_abbr="SNV",
            regime="state", place="Thanh Hóa"))
    start = dt.datetime(year, 1, 2, 7, 30)
    span = min((dt.datetime.now() - start).days, 330) if year == dt.date.today().year else 330
    for i in range(incoming):
        when = start + dt.timedelta(days=span * i / incoming, minutes=rng.randint(0, 480))
        service.register(session, "incoming", fake_incoming(rng, when), allow_duplicate=True)
    for i in range(outgoing):
        day = (start + dt.timedelta(days=span * i / outgoing)).date()
        v = service.register(session, "outgoing", fake_outgoing(rng, day))
        if i % 40 == 17:
            service.void(session, v.id, "Văn bản không được ký, hủy số")
    for i in range(12):
        d = fake_incoming(rng, start + dt.timedelta(days=span * i / 12))
        service.register(session, "secret_incoming", replace(d, secrecy=rng.choice(["Mật", "Tối mật"])),
                         allow_duplicate=True)
    service.reserve(session, "outgoing", "Quyết định", start.date() + dt.timedelta(days=span),
                    "Chờ Giám đốc ký")
    _file_plan(session, year)


PLAN = (("Tổ chức cán bộ", "TCCB", (("Hồ sơ tuyển dụng, bổ nhiệm cán bộ năm {y}", "70 năm", ("Quyết định",)),
                                     ("Hồ sơ đào tạo, bồi dưỡng năm {y}", "20 năm", ("Kế hoạch", "Báo cáo")))),
        ("Văn phòng", "VP", (("Hồ sơ giấy mời, hội nghị năm {y}", "5 năm", ("Giấy mời",)),
                             ("Hồ sơ công văn trao đổi năm {y}", "10 năm", ("Công văn", "Thông báo")))))


def _file_plan(session: Session, year: int) -> None:
    """A year's file plan with its work files, the incoming documents filed by type and the
    first file closed: the Hồ sơ tab and a handover have something to show."""
    from sqlalchemy import select

    from app.archive import closing, filing, plan
    from db.models import Book, Entry

    made = []
    for heading, abbr, files in PLAN:
        h = plan.add_heading(session, year, heading, abbr)
        for title, retention, types in files:
            made.append((plan.create_hoso(session, year, title.format(y=year), retention, heading_id=h.id), types))
    rows = session.execute(select(Entry.id, Entry.doc_type).join(Book, Book.id == Entry.book_id).where(
        Book.key == "incoming", Entry.year == year, Entry.status == "registered").order_by(Entry.id)).all()
    filed = []
    for h, types in made:
        ids = [i for i, t in rows if t in types][:25]
        if ids:
            filing.add(session, h.id, ids)
            filed.append(h.id)
    if filed:
        closing.close(session, filed[0])
