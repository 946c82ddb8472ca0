import os
import signal
import subprocess
import sys
import time
from pathlib import Path

from sqlalchemy import select, text

from app.store import open_store
from db.models import Entry

WRITER = Path(__file__).with_name("writer.py")
ROOT = WRITER.parents[2]


def spawn(data_dir, count, tag):
    return subprocess.Popen([sys.executable, str(WRITER), str(data_dir), str(count), tag],
                            stdout=subprocess.PIPE, text=True, cwd=ROOT,
                            env={**os.environ, "PYTHONPATH": str(ROOT)})


def test_sigkill_mid_registration_loses_nothing_committed(state_store):
    proc = spawn(state_store.data_dir, 100000, "A")
    committed = []
    deadline = time.monotonic() + 60
    while len(committed) < 150 and time.monotonic() < deadline:
        committed.append(tuple(int(x) for x in proc.stdout.readline().split()))
    proc.send_signal(signal.SIGKILL)
    proc.wait()
    assert len(committed) >= 150
    store = open_store(state_store.data_dir)
    with store.engine.connect() as conn:
        assert conn.execute(text("PRAGMA integrity_check")).scalar() == "ok"
        assert conn.execute(text("INSERT INTO entry_fts(entry_fts) VALUES('integrity-check')")) is not None
    with store.ReadSession() as s:
        found = dict(s.execute(select(Entry.id, Entry.number)).all())
    for entry_id, number in committed:
        assert found[entry_id] == number
    # Whatever was committed after the last report is whole, and numbers have no gap.
    assert sorted(found.values()) == list(range(1, len(found) + 1))


def test_two_processes_never_share_a_number(state_store):
    procs = [spawn(state_store.data_dir, 60, tag) for tag in ("A", "B")]
    outputs = [p.communicate(timeout=120)[0] for p in procs]
    assert all(p.returncode == 0 for p in procs)
    numbers = [int(line.split()[1]) for out in outputs for line in out.splitlines()]
    assert sorted(numbers) == list(range(1, 121))
