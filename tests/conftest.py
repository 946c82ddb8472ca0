import os

import pytest

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
os.environ.setdefault("OMP_THREAD_LIMIT", "1")


@pytest.fixture
def office_today():
    """Today held at 1 December 2026 (the clock still runs from there). The archive tests'
    office year is 2026 and the law's terms run from it: a file may be kept back until at most
    two years after it falls due for deposit, and only until a day after today, so the same
    tests would fail once that day has passed."""
    import datetime as dt

    import time_machine

    with time_machine.travel(dt.datetime(2026, 12, 1, 9, 0), tick=True):
        yield


@pytest.fixture
def store(tmp_path):
    from app.store import open_store

    # The numbering rules of the secret books are tested on the plain store; the product keeps
    # their entries in the encrypted store (tests/secrets), and the plain store refuses them
    # by default (tests/core/test_registers.py::test_plain_store_refuses_secret_entries).
    return open_store(tmp_path / "data", secret_books=True)


@pytest.fixture
def state_store(store):
    from app import org

    with store.Session.begin() as s:
        org.save(s, org.Organisation(parent_org="UBND TỈNH THANH HÓA", org_name="SỞ NỘI VỤ",
                                     org_abbr="SNV", regime="state", place="Thanh Hóa"))
    return store


@pytest.fixture
def party_store(store):
    from app import org

    with store.Session.begin() as s:
        org.save(s, org.Organisation(parent_org="TỈNH ỦY THANH HÓA", org_name="VĂN PHÒNG TỈNH ỦY",
                                     org_abbr="TU", regime="party", term_start="2025-10-01",
                                     place="Thanh Hóa"))
    return store
