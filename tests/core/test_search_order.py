"""Text search without other filters takes shortcuts (FTS rowid order, one search for all
years); whatever the shortcut, the result must be the register order of the general query:
year, number, id, all ascending or all descending."""
from app import org
from app.registers import query, service
from app.registers.draft import Draft

IN = dict(issuer="UBND tỉnh Nghệ An", doc_type="Quyết định")
OUT = dict(doc_type="Quyết định", summary="Về việc khen thưởng", signer_name="Nguyễn Văn Hùng",
           signer_position="Giám đốc")


def _in(store, received_at, summary, year=None, book="incoming"):
    with store.Session.begin() as s:
        return service.register(s, book, Draft(**IN, received_at=received_at, doc_date=received_at[:10],
                                                 number_symbol=f"{received_at[:5]}/QĐ", summary=summary,
                                                 secrecy="Mật" if book.startswith("secret") else ""),
                                year=year, allow_duplicate=True)


def _expected(views, year, descending):
    chosen = sorted((v for v in views if year in (None, v.year)), key=lambda v: (v.year, v.number, v.id))
    return [v.id for v in (reversed(chosen) if descending else chosen)]


def test_all_years_search_is_register_order_with_late_and_voided_entries(state_store):
    plan = [  # (received, year chosen by the clerk, matches the search)
        ("10/11/2025 08:00", None, True), ("20/12/2025 08:00", None, False),
        ("05/01/2026 08:00", None, True), ("06/01/2026 08:00", 2025, True),  # late into 2025
        ("07/01/2026 08:00", None, True), ("08/01/2026 08:00", 2025, False),
        ("09/01/2026 08:00", 2025, True),
        ("15/03/2024 08:00", None, True),  # a 2024 document registered after 2026 began
        ("10/02/2026 08:00", None, True), ("16/03/2024 08:00", None, True),
        ("11/02/2026 08:00", None, False), ("12/02/2026 08:00", None, True),
    ]
    matching = []
    for received, year, hit in plan:
        v = _in(state_store, received, "Về việc phê duyệt kế hoạch" if hit else "Về việc tổ chức hội nghị", year)
        if hit:
            matching.append(v)
    _in(state_store, "05/01/2026 09:00", "Kế hoạch mật", book="secret_incoming")  # another book
    voided = [matching[1].id, matching[5].id]
    with state_store.Session.begin() as s:
        for i in voided:
            service.void(s, i, "Nhầm sổ")
    assert [(v.year, v.number) for v in matching[:4]] == [(2025, 1), (2026, 1), (2025, 3), (2026, 2)]

    with state_store.ReadSession() as s:
        for year in (None, 2024, 2025, 2026):
            for desc in (True, False):
                fast = query.ids(s, query.Filter("incoming", year=year, text="ke hoa", descending=desc))
                general = query.ids(s, query.Filter("incoming", year=year, text="ke hoa", descending=desc,
                                                    number_from=0))
                assert fast == general == _expected(matching, year, desc), (year, desc)
        assert set(voided) <= set(query.ids(s, query.Filter("incoming", text="ke hoach")))
        assert query.ids(s, query.Filter("incoming", text="khong co")) == []


def test_outgoing_per_type_numbers_are_not_in_id_order(state_store):
    with state_store.Session.begin() as s:
        o = org.load(s)
        org.save(s, org.Organisation(**{**o.__dict__, "state_scheme": "per_type"}))
    views = []
    for doc_type, date in [("Quyết định", "05/03/2026"), ("Quyết định", "06/03/2026"),
                           ("Thông báo", "07/03/2026"), ("Quyết định", "08/03/2025"),
                           ("Thông báo", "09/03/2026")]:
        with state_store.Session.begin() as s:
            views.append(service.register(s, "outgoing", Draft(**{**OUT, "doc_type": doc_type, "doc_date": date})))
    with state_store.ReadSession() as s:
        for year in (None, 2026):
            for desc in (True, False):
                got = query.ids(s, query.Filter("outgoing", year=year, text="khen", descending=desc))
                assert got == _expected(views, year, desc), (year, desc)
