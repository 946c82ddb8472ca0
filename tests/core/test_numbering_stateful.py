"""Random sequences of register / reserve / void / year change never duplicate or reuse a
number, and every sequence is gap-free: a number is either in use or voided, never missing."""
import datetime as dt
import tempfile
from collections import defaultdict

import hypothesis.strategies as st
from hypothesis import HealthCheck, settings
from hypothesis.stateful import RuleBasedStateMachine, initialize, invariant, precondition, rule
from sqlalchemy import select

from app import org
from app.registers import service
from app.registers.draft import Draft
from app.store import open_store
from db.models import Entry

TYPES = ["Quyết định", "Công văn", "Thông báo", "Quy định"]


class Numbering(RuleBasedStateMachine):
    @initialize(regime=st.sampled_from(["state", "party"]), scheme=st.sampled_from(["all", "per_type"]))
    def open(self, regime, scheme):
        self.store = open_store(tempfile.mkdtemp())
        with self.store.Session.begin() as s:
            org.save(s, org.Organisation(org_name="VĂN PHÒNG", org_abbr="VP", regime=regime,
                                         term_start="2025-10-01", state_scheme=scheme))
        self.year = 2026
        self.voided: set[int] = set()

    def _day(self):
        return dt.date(self.year, 6, 1)

    @rule(book=st.sampled_from(["incoming", "secret_incoming"]))
    def register_incoming(self, book):
        with self.store.Session.begin() as s:
            service.register(s, book, Draft(
                received_at=dt.datetime.combine(self._day(), dt.time(8)), issuer="Sở Tài chính",
                doc_date=self._day(), doc_type="Công văn", summary="V/v",
                secrecy="Mật" if book.startswith("secret") else ""), allow_duplicate=True)

    @rule(book=st.sampled_from(["outgoing", "secret_outgoing"]), doc_type=st.sampled_from(TYPES))
    def register_outgoing(self, book, doc_type):
        with self.store.Session.begin() as s:
            service.register(s, book, Draft(doc_date=self._day(), doc_type=doc_type, summary="Về việc",
                                            signer_name="A", secrecy="Mật" if "secret" in book else ""))

    @rule(doc_type=st.sampled_from(TYPES))
    def reserve(self, doc_type):
        with self.store.Session.begin() as s:
            service.reserve(s, "outgoing", doc_type, self._day())

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
                assert sorted(numbers) == list(range(1, len(numbers) + 1)), scope
            # An outgoing number+symbol is never issued twice within its scope (year or term).
            issued = s.execute(select(Entry.scope, Entry.number_symbol)
                               .where(Entry.number_symbol != "")).all()
            assert len(set(issued)) == len(issued)
            status = {i: st_ for _sc, _n, i, st_ in rows}
            assert all(status[i] == "voided" for i in self.voided)


TestNumbering = Numbering.TestCase
TestNumbering.settings = settings(max_examples=25, stateful_step_count=30, deadline=None,
                                  suppress_health_check=[HealthCheck.too_slow])
