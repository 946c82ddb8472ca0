"""Item 8 against every list a user can read: a user cleared for Mật sees no Tối mật entry, its
number or its count in any of them — search, counts, statistics, holdings, due lists, the
transfer and copy books, completions and years — and the command line acts no further than the
ordinary users list allows. Every opening, print, export and copy is an audit event."""
import datetime as dt
import json

import pytest

from app.registers import query
from app.secrets import books, copies, events, printing, protection, stats, transfer
from app.security.actor import Actor
from secret_helpers import ADMIN, as_actor, incoming

TODAY = dt.date.today()


@pytest.fixture
def mixed(secret):
    """One Mật and one Tối mật item, each handed to the same official and copied, each due soon."""
    _, sstore, _ = secret
    soon = TODAY - dt.timedelta(days=3652) + dt.timedelta(days=10)
    with sstore.Session.begin() as s:
        copies.add_authoriser(s, "Giám đốc Sở", "Giám đốc", "Tuyệt mật")
        low = books.register(s, "secret_incoming", incoming(number_symbol="1/BCA", issuer="BỘ CÔNG AN",
                                                            urgency="Khẩn"), level_set_on=soon,
                             recall_by=TODAY + dt.timedelta(days=5))
        high = books.register(s, "secret_incoming", incoming(
            number_symbol="2/BQP", issuer="BỘ QUỐC PHÒNG", level="Tối mật", urgency="Khẩn",
            summary="Phương án phòng thủ"), level_set_on=TODAY - dt.timedelta(days=7305 - 10),
            recall_by=TODAY + dt.timedelta(days=5))
        for it in (low, high):
            copies.make_copies(s, it.id, authorised_by="Giám đốc Sở", copies=1, form="sao-y")
    with sstore.Session.begin() as s:
        for it in (low, high):
            transfer.hand_over(s, it.id, "Lê Văn Dũng", 1)
    return sstore, low, high


def test_a_mat_cleared_user_sees_no_higher_entry_in_any_list(mixed, tmp_path):
    sstore, low, high = mixed
    as_actor(sstore, Actor("canbo", "van-thu", "mat"))
    with sstore.ReadSession() as s:
        y = stats.year_stats(s, 2026)
        assert y.received == {"Mật": 1} and y.total_received == 1
        assert [t.entry_id for t in transfer.holdings(s, "Lê Văn Dũng")] == [low.id]
        assert {d.entry_id for d in protection.due(s, 30)} == {low.id}
        assert [t.entry_id for t in transfer.book_lines(s, TODAY.year)] == [low.id]
        assert [c.entry_id for c in copies.book_lines(s, TODAY.year)] == [low.id]
        assert query.completions(s, "issuer", secret=True) == ["BỘ CÔNG AN"]
        assert [i.id for i in books.urgent_first(s)] == []  # both handed over
        assert books.find(s, query.Filter("secret_incoming", text="phong thu")) == []
        assert books.count(s, "secret_incoming") == 1
    with sstore.Session.begin() as s:
        printing.print_stats(s, 2026, tmp_path / "tk.pdf")
    from pypdf import PdfReader

    text = "".join(p.extract_text() for p in PdfReader(tmp_path / "tk.pdf").pages)
    assert "TỐI MẬT" not in text and "tiếp nhận 1," in text
    as_actor(sstore, ADMIN)
    with sstore.ReadSession() as s:  # the same lists, for someone cleared: both are there
        assert stats.year_stats(s, 2026).total_received == 2
        assert len(transfer.holdings(s, "Lê Văn Dũng")) == 2


def test_every_opening_print_export_and_copy_is_an_audit_event(mixed, tmp_path):
    sstore, low, _ = mixed
    with sstore.Session.begin() as s:
        books.item(s, low.id)
        copies.make_copies(s, low.id, authorised_by="Giám đốc Sở", copies=1, form="chup")
        printing.print_transfer(s, TODAY.year, tmp_path / "t.pdf")
    with sstore.ReadSession() as s:
        mine = events.kinds(s, low.id)
        every = events.kinds(s)
    assert mine.count("secret_open") == 1 and mine.count("secret_copy") == 2
    assert every[-1] == "print"


def test_the_command_line_follows_the_users_list(tmp_path, capsys, monkeypatch):
    from app.cli import secrets as cli_secrets
    from app.secrets.airgap import fake_probe
    from app.security import users
    from app.store import open_store
    from main import main

    monkeypatch.setattr(cli_secrets, "PROBE", fake_probe())
    d = str(tmp_path / "data")

    def run(*argv, user="quantri", password="mat-khau-quan-tri"):
        monkeypatch.setenv("VANTHU_PASSWORD", "dang-nhap-" + user)
        monkeypatch.setenv("VANTHU_SECRET_PASSWORD", password)
        if argv[0] == "secret":
            argv = ("secret", "--user", user) + argv[1:]
        code = main(["--data-dir", d] + list(argv))
        return code, *capsys.readouterr()

    assert run("setup", "--org-name", "SỞ NỘI VỤ", "--org-abbr", "SNV")[0] == 0
    monkeypatch.setenv("VANTHU_NEW_PASSWORD", "dang-nhap-quantri")
    assert run("user", "add", "quantri", "--role", "quan-tri", "--clearance", "tuyet-mat")[0] == 0
    monkeypatch.setenv("VANTHU_NEW_PASSWORD", "dang-nhap-canbo")
    assert run("--user", "quantri", "user", "add", "canbo", "--role", "van-thu",
               "--clearance", "toi-mat")[0] == 0
    assert run("secret", "setup")[0] == 0
    monkeypatch.setenv("VANTHU_SECRET_NEW_PASSWORD", "mat-khau-can-bo")
    assert run("secret", "grant", "canbo", "--clearance", "toi-mat")[0] == 0
    for level, number in (("Mật", "1/BCA"), ("Tối mật", "2/BQP")):
        f = tmp_path / f"{number.replace('/', '-')}.json"
        f.write_text(json.dumps({"received_at": "02/03/2026 09:00", "issuer": "A", "doc_date": "27/02/2026",
                                 "doc_type": "Công văn", "summary": "B", "secrecy": level,
                                 "number_symbol": number}), encoding="utf-8")
        assert run("secret", "register", "--book", "secret_incoming", "--json", str(f))[0] == 0
    code, out, _ = run("secret", "list", user="canbo", password="mat-khau-can-bo")
    assert code == 0 and len(json.loads(out)) == 2
    store = open_store(d)
    users.login(store, "quantri", "dang-nhap-quantri")
    with store.Session.begin() as s:  # the administrator lowers canbo's clearance in the users list
        users.change(s, "canbo", clearance="mat")
    store.engine.dispose()
    code, out, _ = run("secret", "list", user="canbo", password="mat-khau-can-bo")
    assert code == 0 and [e["number_symbol"] for e in json.loads(out)] == ["1/BCA"]
    with store.Session.begin() as s:
        users.change(s, "canbo", clearance="none")
    store.engine.dispose()
    code, _, err = run("secret", "list", user="canbo", password="mat-khau-can-bo")
    assert code == 2 and "không còn được tiếp cận" in err
