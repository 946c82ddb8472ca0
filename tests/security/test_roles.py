"""Roles enforced in the services themselves, and the logged-in user as the author of every
history line, print record and audit event; the printed closing page carries the chain's head."""
import pypdf
import pytest
from sqlalchemy import select, text

from app.printing.service import PrintRequest, print_book
from app.registers import query, service
from app.security import access, audit, chain, users, verify
from app.security.access import LoginRequired, NotAllowed
from db.models import EntryChange, PrintJob
from tests.security.conftest import register


@pytest.fixture
def office(state_store):
    with state_store.Session.begin() as s:
        users.add(s, "admin", "quantri-123", "quan-tri")
    users.login(state_store, "admin", "quantri-123")
    with state_store.Session.begin() as s:
        users.add(s, "lan", "vanthu-123", "van-thu")
        users.add(s, "hung", "lanhdao-123", "lanh-dao")
    return state_store


def test_the_clerk_is_the_author_of_everything(office):
    users.login(office, "lan", "vanthu-123")
    e = register(office)
    with office.Session.begin() as s:
        service.update(s, e.id, {"summary": "Về việc khác"})
    with office.ReadSession() as s:
        assert {c.user for c in s.scalars(select(EntryChange))} == {"lan"}
        assert s.execute(text("SELECT created_by FROM entry")).scalar() == "lan"
        kinds = s.execute(text("SELECT kind, user FROM audit_event WHERE entry_id = :i ORDER BY id"),
                          {"i": e.id}).all()
    assert [tuple(k) for k in kinds] == [("register", "lan"), ("update", "lan")]


def test_the_leader_reads_and_searches_but_never_writes(office):
    users.login(office, "lan", "vanthu-123")
    e = register(office)
    users.login(office, "hung", "lanhdao-123")
    with office.ReadSession() as s:
        assert query.ids(s, query.Filter("incoming", text="ke hoach")) == [e.id]
    for write in (lambda s: service.update(s, e.id, {"summary": "x"}),
                  lambda s: service.void(s, e.id, "nhầm"),
                  lambda s: service.reserve(s, "outgoing", "Công văn", "06/03/2026", drafting_unit="VP")):
        with pytest.raises(NotAllowed, match="không được ghi vào sổ"):
            with office.Session.begin() as s:
                write(s)
    with pytest.raises(NotAllowed):
        register(office, number_symbol="2/QĐ-UBND")
    with office.ReadSession() as s:
        assert service.get(s, e.id).status == "registered"


def test_the_administrator_may_stand_in_for_the_clerk(office):
    assert register(office).created_by == "admin"


def test_nobody_logged_in_once_users_exist(office):
    access.set_actor(office, None)
    with pytest.raises(LoginRequired):
        register(office)


def test_printing_is_refused_to_the_leader_and_the_closing_page_carries_the_head(office, tmp_path):
    users.login(office, "lan", "vanthu-123")
    register(office)
    users.login(office, "hung", "lanhdao-123")
    req = PrintRequest(book="incoming", year=2026)
    with pytest.raises(NotAllowed, match="không được in"):
        print_book(office.Session, office.ReadSession, req, tmp_path / "so.pdf")
    users.login(office, "lan", "vanthu-123")
    with office.ReadSession() as s:
        short, count = audit.head(s)
    result = print_book(office.Session, office.ReadSession, req, tmp_path / "so.pdf")
    closing = pypdf.PdfReader(result.path).pages[-1].extract_text()
    assert "đầu chuỗi" in closing and chain.show(short) in closing
    with office.ReadSession() as s:
        assert s.scalar(select(PrintJob.user)) == "lan"
        last = s.execute(text("SELECT kind, user FROM audit_event ORDER BY id DESC LIMIT 1")).one()
        assert tuple(last) == ("print", "lan")
        # Whoever holds the printed book can later check the database against it.
        assert verify.check_head(s, f"{chain.show(short)}/{count}").found


def test_office_settings_are_the_administrators_and_every_change_is_an_event(office):
    from app import org

    with office.Session.begin() as s:  # admin is logged in (fixture)
        o = org.load(s)
        org.save(s, org.Organisation(**{**o.__dict__, "place": "Sầm Sơn"}))
    with office.ReadSession() as s:
        events = s.execute(text("SELECT user, details FROM audit_event WHERE kind='settings'")).all()
    assert [(u, d) for u, d in events if "place" in d][-1] == ("admin", '{"key": "place", "value": "Sầm Sơn"}')
    users.login(office, "hung", "lanhdao-123")
    with pytest.raises(NotAllowed, match="không được đổi cài đặt"):
        with office.Session.begin() as s:
            o = org.load(s)
            org.save(s, org.Organisation(**{**o.__dict__, "place": "Huế"}))
    with office.ReadSession() as s:
        assert org.load(s).place == "Sầm Sơn"
