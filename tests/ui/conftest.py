"""Widget tests: offscreen Qt, one widget at a time, each on a real temporary SQLite store."""
import os

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")  # before anything imports Qt

import pytest  # noqa: E402

from app.registers import service  # noqa: E402
from app.registers.draft import Draft  # noqa: E402


@pytest.fixture
def runner(state_store, qtbot):
    from ui.tasks import TaskRunner

    r = TaskRunner(state_store)
    yield r
    r.wait(10000)


@pytest.fixture
def settings(tmp_path):
    from ui.settings import Settings

    return Settings.in_file(tmp_path / "settings.ini")


def incoming(n: int, **kw) -> Draft:
    values = dict(received_at=f"{(n % 27) + 1:02d}/03/2026 08:00", issuer=f"UBND tỉnh số {n % 7}",
                  number_symbol=f"{n}/TB-UBND", doc_date=f"{(n % 27) + 1:02d}/03/2026",
                  doc_type="Thông báo", summary=f"Về việc kiểm tra số {n}")
    values.update(kw)
    return Draft(**values)


@pytest.fixture
def filled(state_store):
    """250 incoming entries in 2026; every 10th a Quyết định, issuers A..Z by number."""
    with state_store.Session.begin() as s:
        for n in range(1, 251):
            kw = {}
            if n % 10 == 0:
                kw = dict(doc_type="Quyết định", summary=f"Quyết định số {n} về nhân sự")
            kw["issuer"] = f"{chr(ord('A') + (n * 7) % 26)} Sở Nội vụ"
            service.register(s, "incoming", incoming(n, **kw), year=2026, allow_duplicate=True,
                             allow_out_of_order=True)
    return state_store


def type_text(qtbot, widget, text: str) -> None:
    """Types like a keyboard. QTest only knows ASCII keys, so Vietnamese letters are sent
    as key events carrying their text, as an input method delivers them."""
    from PySide6.QtCore import QEvent, Qt
    from PySide6.QtGui import QKeyEvent
    from PySide6.QtWidgets import QApplication

    for ch in text:
        if ch.isascii():
            qtbot.keyClicks(widget, ch)
        else:
            for kind in (QEvent.Type.KeyPress, QEvent.Type.KeyRelease):
                QApplication.sendEvent(widget, QKeyEvent(kind, 0, Qt.KeyboardModifier.NoModifier, ch))
