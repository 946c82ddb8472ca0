"""Random sequences of register / reserve / void / year change and of the settings that decide
numbers (scheme, with or without continuing, term start, organisation abbreviation) never
duplicate or reuse a number or a số và ký hiệu within its period, and every sequence is gap-free
from where it starts: a number is either in use or voided, never missing."""
import datetime as dt
import tempfile
from collections import defaultdict

import hypothesis.strategies as st
from hypothesis import HealthCheck, settings
from hypothesis.stateful import (RuleBasedStateMachine, initialize, invariant, precondition, rule,
                                 run_state_machine_as_test)
from sqlalchemy import select

from app import org
from app.registers import service
from app.registers.draft import Draft
from app.store import open_store
from app.errors import ValidationError
from db.models import Book, Entry

TYPES = ["Quyết định", "Công văn", "Thông báo", "Quy định"]


class Numbering(RuleBasedStateMachine):
    @initialize(regime=st.sampled_from(["state", "party"]), scheme=st.sampled_from(["all", "per_type"]))
    def open(self, regime, scheme):
        self.store = open_store(tempfile.mkdtemp(), secret_books=True)
        with self.store.Session.begin() as s:
            org.save(s, org.Organisation(org_name="VĂN PHÒNG", org_abbr="VP", regime=regime,
                                         term_start="2025-10-01", state_scheme=scheme))
        self.year = 2026
        self.regime = regime
        self.continued = False  # a scheme change continued after the highest numbers
        self.voided: set[int] = set()

    def _day(self):
        return dt.date(self.year, 6, 1)

    def _now(self):
        return dt.datetime(self.year, 6, 1, 12)

    @rule(book=st.sampled_from(["incoming", "secret_incoming"]))
    def register_incoming(self, book):
        with self.store.Session.begin() as s:
            service.register(s, book, Draft(
                received_at=dt.datetime.combine(self._day(), dt.time(8)), issuer="Sở Tài chính",
                doc_date=self._day(), doc_type="Công văn", summary="V/v",
                secrecy="Mật" if book.startswith("secret") else ""), allow_duplicate=True, now=self._now())

    @rule(book=st.sampled_from(["outgoing", "secret_outgoing"]), doc_type=st.sampled_from(TYPES))
    def register_outgoing(self, book, doc_type):
        with self.store.Session.begin() as s:
            service.register(s, book, Draft(doc_date=self._day(), doc_type=doc_type, summary="Về việc",
                                            signer_name="A", secrecy="Mật" if "secret" in book else ""),
                             now=self._now())

    @rule(doc_type=st.sampled_from(TYPES))
    def reserve(self, doc_type):
        with self.store.Session.begin() as s:
            service.reserve(s, "outgoing", doc_type, self._day(), now=self._now())

    @rule(pick=st.integers(min_value=0))
    def void(self, pick):
        with self.store.Session.begin() as s:
            live = list(s.scalars(select(Entry.id).where(Entry.status != "voided").order_by(Entry.id)))
            if live:
                entry_id = live[pick % len(live)]
                service.void(s, entry_id, "nhầm")
                self.voided.add(entry_id)

    @precondition(lambda self: self.year < 2029)
    @rule()
    def next_year(self):
        self.year += 1

    @rule(scheme=st.sampled_from(["all", "per_type"]), keep_on=st.booleans())
    def change_scheme(self, scheme, keep_on):
        self.continued = self.continued or keep_on
        with self.store.Session.begin() as s:
            current = org.load(s)
            org.save(s, org.Organisation(**{**current.__dict__, "state_scheme": scheme}),
                     continue_numbers=keep_on, today=self._day())

    @rule(abbr=st.sampled_from(["VP", "SNV", "VPTU"]))
    def change_abbreviation(self, abbr):
        with self.store.Session.begin() as s:
            current = org.load(s)
            org.save(s, org.Organisation(**{**current.__dict__, "org_abbr": abbr}), today=self._day())

    @precondition(lambda self: self.regime == "party" and self.year < 2029)
    @rule()
    def new_term(self):
        self.year += 1
        with self.store.Session.begin() as s:
            current = org.load(s)
            org.save(s, org.Organisation(**{**current.__dict__, "term_start": f"{self.year}-01-01"}),
                     today=self._day())

    @precondition(lambda self: self.regime == "party")
    @rule()
    def move_term_back_over_numbers(self):
        with self.store.Session() as s, s.begin():
            current = org.load(s)
            has_numbers = s.scalar(select(Entry.id).where(Entry.scope.startswith(
                f"party/{current.term_start}/")).limit(1)) is not None
            try:
                org.save(s, org.Organisation(**{**current.__dict__, "term_start": "2025-09-01"}),
                         today=self._day())
                refused = False
            except ValidationError:
                refused = True
                s.rollback()
        assert refused == (has_numbers and current.term_start != "2025-09-01")

    @invariant()
    def sequences_are_gap_free_and_unique(self):
        if not hasattr(self, "store"):
            return
        with self.store.ReadSession() as s:
            rows = s.execute(select(Entry.scope, Entry.number, Entry.id, Entry.status)).all()
            by_scope = defaultdict(list)
            for scope, number, _id, _status in rows:
                by_scope[scope].append(number)
            for scope, numbers in by_scope.items():
                assert len(set(numbers)) == len(numbers), scope
                if not (self.continued and scope.startswith(("outgoing", "secret_outgoing"))):
                    # Continuing after the highest number leaves the other scheme's numbers out.
                    assert sorted(numbers) == list(range(1, len(numbers) + 1)), scope
            # An outgoing số và ký hiệu is never issued twice within its book and period.
            issued = s.execute(select(Entry.book_id, Entry.period, Entry.number_symbol)
                               .join(Book, Book.id == Entry.book_id)
                               .where(Book.direction == "out")).all()
            assert len(set(issued)) == len(issued)
            status = {i: st_ for _sc, _n, i, st_ in rows}
            assert all(status[i] == "voided" for i in self.voided)


def test_numbers_never_repeat_whatever_the_settings():
    run_state_machine_as_test(Numbering, settings=settings(
        max_examples=40, stateful_step_count=30, deadline=None, database=None,
        suppress_health_check=[HealthCheck.too_slow]))
