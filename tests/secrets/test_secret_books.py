"""Items 2, 3, 8, 10: registering with envelope and policy, clearance, hand-over, air gap."""
import datetime as dt

import pytest
from sqlalchemy import text

from app.errors import NotFound, ValidationError
from app.registers import query
from app.secrets import airgap, books, events, transfer
from app.secrets.errors import NetworkUp, NotCleared, SecretStateError
from app.security.actor import Actor
from secret_helpers import ADMIN, as_actor, incoming, outgoing


def test_register_from_envelope_and_search_finds_it(secret):
    _, sstore, _ = secret
    with sstore.Session.begin() as s:
        it = books.register(s, "secret_incoming", incoming(level="Tối mật"), envelope="B", copy_no="02")
    assert (it.envelope, it.copy_no, it.entry.number) == ("B", "02", 1)
    assert it.protected_until == dt.date(2046, 2, 27)  # 20 years from the level's date
    with sstore.ReadSession() as s:
        assert books.find(s, query.Filter("secret_incoming", text="bao ve bi mat")) == [it.id]


def test_envelope_letter_must_match_the_level(secret):
    _, sstore, _ = secret
    with sstore.Session.begin() as s, pytest.raises(ValidationError, match="chữ C"):
        books.register(s, "secret_incoming", incoming(level="Mật"), envelope="A")


def test_named_envelope_is_registered_unopened_and_handed_over_at_once(secret):
    _, sstore, _ = secret
    with sstore.Session.begin() as s:
        it = books.register(s, "secret_incoming", incoming(summary="", level="Mật", urgency="Hỏa tốc"),
                            named_only=True, named_person="Đồng chí Bí thư")
    assert "chưa bóc" in it.entry.summary and it.handed_over and not it.urgent_pending
    with sstore.ReadSession() as s:
        held = transfer.holdings(s, "đồng chí bí thư")
    assert [h.entry_id for h in held] == [it.id]


def test_top_secret_summary_only_with_the_classifiers_agreement(secret):
    _, sstore, _ = secret
    with sstore.Session.begin() as s, pytest.raises(ValidationError, match="người xác định độ mật"):
        books.register(s, "secret_outgoing", outgoing(summary="Phương án A", level="Tuyệt mật"))
    with sstore.Session.begin() as s:
        it = books.register(s, "secret_outgoing", outgoing(summary="Phương án A", level="Tuyệt mật"),
                            summary_agreed_by="Nguyễn Văn B")
    assert it.entry.summary == "Phương án A" and it.summary_agreed_by == "Nguyễn Văn B"
    assert it.envelope == "A"


def test_urgent_items_are_first_until_handed_over(secret):
    _, sstore, _ = secret
    with sstore.Session.begin() as s:
        books.register(s, "secret_incoming", incoming(number_symbol="1/X"))
        urgent = books.register(s, "secret_incoming", incoming(number_symbol="2/X", urgency="Khẩn"))
    with sstore.ReadSession() as s:
        assert [i.id for i in books.urgent_first(s)] == [urgent.id]
    with sstore.Session.begin() as s:
        transfer.hand_over(s, urgent.id, "Trần Thị C", 1)
    with sstore.ReadSession() as s:
        assert books.urgent_first(s) == []


def test_clearance_hides_higher_levels_and_refuses_the_uncleared(secret):
    _, sstore, _ = secret
    with sstore.Session.begin() as s:
        low = books.register(s, "secret_incoming", incoming(number_symbol="1/X", level="Mật"))
        high = books.register(s, "secret_incoming", incoming(number_symbol="2/X", level="Tối mật"))
    as_actor(sstore, Actor("mat", "van-thu", "mat"))
    with sstore.ReadSession() as s:
        assert books.find(s, query.Filter("secret_incoming")) == [low.id]
        assert books.find(s, query.Filter("secret_incoming", text="bao ve")) == [low.id]
        assert books.count(s, "secret_incoming") == 1
        with pytest.raises(NotFound):  # not even its existence is told
            books.item(s, high.id)
        assert query.rows(s, [low.id, high.id])[0].id == low.id  # the ordinary services too
        assert len(query.rows(s, [low.id, high.id])) == 1
    as_actor(sstore, Actor("khach", "lanh-dao", "none"))
    with sstore.ReadSession() as s, pytest.raises(NotCleared, match="không được xem"):
        books.find(s, query.Filter("secret_incoming"))


def test_openings_and_transfers_are_audit_events(secret):
    _, sstore, _ = secret
    with sstore.Session.begin() as s:
        it = books.register(s, "secret_incoming", incoming())
    with sstore.Session.begin() as s:
        books.item(s, it.id)
        transfer.hand_over(s, it.id, "Lê Văn D", 1)
    with sstore.ReadSession() as s:
        kinds = events.kinds(s, it.id)
        details = s.execute(text("SELECT details FROM audit_event WHERE kind = 'register' "
                                 "AND entry_id = :e"), {"e": it.id}).scalars().all()
    assert kinds[0] == "register" and kinds.count("register") == 1  # one event per registration
    assert {"secret_open", "secret_transfer"} <= set(kinds)
    assert len(details) == 1 and '"secret_incoming"' in details[0]


def test_transfer_book_holdings_and_return(secret):
    _, sstore, _ = secret
    with sstore.Session.begin() as s:
        it = books.register(s, "secret_outgoing", outgoing(copies=3))
        t = transfer.hand_over(s, it.id, "Phòng Tổng hợp", 2, on=dt.date(2026, 3, 6))
        with pytest.raises(ValidationError, match="Chỉ còn 1 bản"):
            transfer.hand_over(s, it.id, "Phòng Kế toán", 2)
    with sstore.Session.begin() as s:
        assert [h.id for h in transfer.holdings(s, "phong tong hop")] == [t.id]
        transfer.give_back(s, t.id, on=dt.date(2026, 3, 9))
        assert transfer.holdings(s) == []
        assert [x.returned_on for x in transfer.book_lines(s, 2026)] == [dt.date(2026, 3, 9)]


def test_network_up_refuses_writes_unless_an_independent_lan_is_recorded(secret):
    _, sstore, _ = secret
    for f in (sstore.Session, sstore.ReadSession):
        f.configure(info={**f.kw["info"], "airgap_probe": airgap.fake_probe("eth0")})
    with sstore.Session.begin() as s, pytest.raises(NetworkUp, match="Máy đang kết nối mạng"):
        books.register(s, "secret_incoming", incoming())
    with sstore.ReadSession() as s:
        assert airgap.state(s, airgap.fake_probe("eth0")).notice == airgap.NOTICE
    with sstore.Session.begin() as s:
        airgap.record_lan(s, "Mạng LAN độc lập tầng 3, không nối ra ngoài")
    with sstore.Session.begin() as s:
        books.register(s, "secret_incoming", incoming())


def test_a_cable_plugged_in_is_seen_by_the_writes_within_two_seconds(secret, monkeypatch):
    _, sstore, _ = secret
    interfaces = [("lo", True), ("eth0", False)]
    asked = []

    def probe():
        asked.append(1)
        return list(interfaces)

    for f in (sstore.Session, sstore.ReadSession):
        f.configure(info={**f.kw["info"], "airgap_probe": probe})
    clock = [1000.0]
    monkeypatch.setattr(airgap.time, "monotonic", lambda: clock[0])
    for n in range(3):  # a burst of registrations asks the system once
        with sstore.Session.begin() as s:
            books.register(s, "secret_incoming", incoming(number_symbol=f"{n}/X"))
    assert len(asked) == 1
    interfaces[1] = ("eth0", True)
    clock[0] += airgap.PROBE_TTL_S + 0.1
    with sstore.Session.begin() as s, pytest.raises(NetworkUp, match="eth0"):
        books.register(s, "secret_incoming", incoming(number_symbol="9/X"))
    assert len(asked) == 2


def test_air_gap_check_ignores_loopback_and_down_interfaces():
    g = airgap.check(lambda: [("lo", True), ("eth0", False), ("wlan0", True)])
    assert g.connected == ("wlan0",) and not g.writes_allowed
    assert airgap.check(lambda: [("lo", True), ("eth0", False)]).writes_allowed


def test_destroyed_item_cannot_be_handed_over(secret):
    from app.secrets import destruction

    _, sstore, _ = secret
    with sstore.Session.begin() as s:
        it = books.register(s, "secret_incoming", incoming())
        d = destruction.propose(s, [it.id], "Hết giá trị")
        destruction.decide(s, d.id, decision_no="05/QĐ-SNV", decision_date=dt.date(2026, 5, 1),
                           decided_by="Giám đốc", council="Ông A\nBà B")
        destruction.carry_out(s, d.id, on=dt.date(2026, 5, 2), method="Nghiền nhỏ")
    with sstore.Session.begin() as s, pytest.raises(SecretStateError, match="đã tiêu hủy"):
        transfer.hand_over(s, it.id, "Ai đó", 1)
    with sstore.ReadSession() as s:  # still in the book, marked
        assert books.find(s, query.Filter("secret_incoming")) == [it.id]
        assert books.item(s, it.id, audit=False).state == "destroyed"
    assert ADMIN.cleared_for("tuyet-mat")


def test_the_store_guards_the_ordinary_register_service_too(secret):
    """The window's register dialog runs app.registers.service on a secret-store Session: the
    store itself checks clearance and the air gap and gives the entry its protection row."""
    from app.registers import service

    _, sstore, _ = secret
    as_actor(sstore, Actor("mat", "van-thu", "mat"))
    with pytest.raises(NotCleared), sstore.Session.begin() as s:
        service.register(s, "secret_incoming", incoming(level="Tối mật"))
    with sstore.Session.begin() as s:
        v = service.register(s, "secret_incoming", incoming(level="Mật"))
    with sstore.ReadSession() as s:
        it = books.item(s, v.id, audit=False)
    assert (it.envelope, it.protected_until) == ("C", dt.date(2036, 2, 27))
    for f in (sstore.Session, sstore.ReadSession):
        f.configure(info={**f.kw["info"], "airgap_probe": airgap.fake_probe("eth0")})
    with pytest.raises(NetworkUp), sstore.Session.begin() as s:
        service.register(s, "secret_incoming", incoming(level="Mật", number_symbol="2/X"))
