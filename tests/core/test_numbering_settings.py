"""Settings that decide numbers never make a number be issued twice (issue 9, finding 1)."""
import datetime as dt
import sqlite3

import pytest

from app import org
from app.errors import ValidationError
from app.registers import periods, service
from app.registers.draft import Draft

TODAY = dt.date(2026, 3, 10)
NOW = dt.datetime(2026, 3, 10, 9, 0)


def out(store, doc_type="Quyết định", **kw):
    with store.Session.begin() as s:
        return service.register(s, "outgoing", Draft(doc_date=TODAY, doc_type=doc_type, summary="Về việc",
                                                     signer_name="A", **kw), now=NOW).number_symbol


def set_scheme(store, scheme, **kw):
    with store.Session.begin() as s:
        current = org.load(s)
        return org.save(s, org.Organisation(**{**current.__dict__, "state_scheme": scheme}),
                        today=TODAY, **kw)


def test_scheme_change_mid_year_waits_for_next_year(state_store):
    assert [out(state_store), out(state_store)] == ["01/QĐ-SNV", "02/QĐ-SNV"]
    saved = set_scheme(state_store, "per_type")
    with state_store.Session() as s:
        assert periods.effective_year(s, saved, TODAY) == 2027
    assert [out(state_store), out(state_store)] == ["03/QĐ-SNV", "04/QĐ-SNV"]
    with state_store.Session.begin() as s:
        next_year = service.register(s, "outgoing", Draft(doc_date="05/01/2027", doc_type="Thông báo",
                                                          summary="x", signer_name="A"),
                                     now=dt.datetime(2027, 1, 5, 9))
    assert next_year.number_symbol == "01/TB-SNV"  # per type from 1 January


def test_scheme_change_can_continue_after_the_highest_number(state_store):
    out(state_store), out(state_store, "Công văn", drafting_unit="VP"), out(state_store)
    set_scheme(state_store, "per_type", continue_numbers=True)
    assert out(state_store) == "04/QĐ-SNV"  # after 03, the highest Quyết định
    assert out(state_store, "Thông báo") == "01/TB-SNV"
    assert out(state_store, "Công văn", drafting_unit="VP") == "03/SNV-VP"
    set_scheme(state_store, "all", continue_numbers=True)
    assert out(state_store, "Thông báo") == "05/TB-SNV"  # after the highest of every type


def test_schema_refuses_a_repeated_symbol_whatever_the_code(state_store):
    out(state_store)
    con = sqlite3.connect(state_store.data_dir / "vanthu.sqlite3")
    row = con.execute("SELECT book_id, scope, year, period, issued_symbol, created_at, reg_date "
                      "FROM entry").fetchone()
    with pytest.raises(sqlite3.IntegrityError):
        con.execute("INSERT INTO entry (book_id, scope, year, number, period, issued_symbol, status, "
                    "void_reason, created_at, created_by, reg_date, issuer, number_symbol, doc_type, "
                    "type_abbr, summary, recipient_unit, receiver_sign, urgency, secrecy, notes, "
                    "signer_position, signer_name, recipients, drafting_unit, language, progress_note, "
                    "reply_symbol, file_code, folded) VALUES (?, ?, ?, 99, ?, ?, 'registered', '', ?, "
                    "'', ?, '', '', '', '', '', '', '', '', '', '', '', '', '', '', '', '', '', '', '')",
                    (row[0], row[1] + "x", row[2], row[3], row[4], row[5], row[6]))
    con.close()


def test_party_term_cannot_move_over_issued_numbers(party_store):
    with party_store.Session.begin() as s:
        service.register(s, "outgoing", Draft(doc_date="05/03/2026", doc_type="Quyết định", summary="x",
                                              signer_name="A"), now=NOW)
    with pytest.raises(ValidationError) as err, party_store.Session.begin() as s:
        o = org.load(s)
        org.save(s, org.Organisation(**{**o.__dict__, "term_start": "2025-11-01"}), today=TODAY)
    assert "nhiệm kỳ" in err.value.errors["term_start"]
    with party_store.Session.begin() as s:  # a new term after the last number is a new period
        o = org.load(s)
        org.save(s, org.Organisation(**{**o.__dict__, "term_start": "2026-03-09"}), today=TODAY)


def test_lower_case_drafting_unit_and_abbreviation_are_upper_cased(state_store):
    assert out(state_store, "Công văn", drafting_unit="vp") == "01/SNV-VP"
    with state_store.Session.begin() as s:
        v = service.reserve(s, "outgoing", "Công văn", TODAY, drafting_unit="tccb", now=NOW)
    assert v.number_symbol == "02/SNV-TCCB"
    with state_store.Session.begin() as s:
        o = org.load(s)
        saved = org.save(s, org.Organisation(**{**o.__dict__, "org_abbr": "snv"}), today=TODAY)
    assert saved.org_abbr == "SNV"
