"""The air-gap check (Luật BVBMNN 2018 Điều 5; NĐ 26/2020 Điều 4.7; Luật 2025 "mạng LAN độc lập").

A core function over a probe, so tests pass a fake probe and the window calls it at start and
every few minutes. While a network interface other than loopback is up, secret writes are
refused, unless the administrator has recorded that the machine sits on an independent LAN."""
from __future__ import annotations

import datetime as dt
import time
from dataclasses import dataclass
from typing import Callable, Iterable

from sqlalchemy import select
from sqlalchemy.orm import Session

from app.secrets.errors import NetworkUp
from db.models import Setting

NOTICE = "Máy đang kết nối mạng — không được xử lý văn bản mật trên máy này"
LAN_KEY = "secret.independent_lan"  # value: "who|yyyy-mm-dd|note" or ""
_VIRTUAL = ("lo", "ifb", "dummy", "virbr", "docker", "veth")  # never a path to the outside

Probe = Callable[[], Iterable[tuple[str, bool]]]


def system_probe() -> list[tuple[str, bool]]:
    """(interface name, is up) for each interface psutil reports."""
    import psutil

    return [(name, stats.isup) for name, stats in psutil.net_if_stats().items()]


def fake_probe(*up: str) -> Probe:
    """For tests and demos: the named interfaces are up, besides loopback."""
    return lambda: [("lo", True), *((name, True) for name in up)]


@dataclass(frozen=True)
class AirGap:
    connected: tuple[str, ...]  # interfaces up, other than loopback
    independent_lan: str  # what the administrator recorded, or ""

    @property
    def writes_allowed(self) -> bool:
        return not self.connected or bool(self.independent_lan)

    @property
    def notice(self) -> str:
        return NOTICE if self.connected and not self.independent_lan else ""


def check(probe: Probe = system_probe, independent_lan: str = "") -> AirGap:
    up = tuple(sorted(name for name, is_up in probe()
                      if is_up and not name.lower().startswith(_VIRTUAL)
                      and "loopback" not in name.lower()))
    return AirGap(up, independent_lan)


def recorded_lan(session: Session) -> str:
    from app.secrets import cache

    def load() -> str:
        row = session.connection().execute(
            select(Setting.value).where(Setting.key == LAN_KEY)).first()
        return row[0] if row else ""

    return cache.get(session, "lan", load)


def record_lan(session: Session, note: str, on: dt.date | None = None) -> None:
    """Administrator only: the machine is on an independent LAN with no outside connection."""
    from app.secrets import access, events

    who = access.require_admin(session)
    value = f"{who.name}|{(on or dt.date.today()).isoformat()}|{note}" if note else ""
    session.merge(Setting(key=LAN_KEY, value=value))
    from app.secrets import cache

    cache.clear(session)
    events.record(session, "settings", None, {"mạng LAN độc lập": value or "bỏ"})


def state(session: Session, probe: Probe = system_probe) -> AirGap:
    return check(probe, recorded_lan(session))


PROBE_TTL_S = 2.0  # the interfaces' answer, reused by the writes of the next two seconds
_recent: dict = {}


def _connected(probe: Probe) -> tuple[str, ...]:
    """Asking the system costs about 0.2 ms (psutil), a tenth of a registration's extra cost:
    a burst of writes asks once; a cable plugged in is seen within two seconds, far inside the
    "every few minutes" of the law's check (the window also asks every three minutes)."""
    now = time.monotonic()
    hit = _recent.get(probe)
    if hit is not None and now - hit[0] < PROBE_TTL_S:
        return hit[1]
    up = check(probe).connected
    _recent[probe] = (now, up)
    return up


def require_offline(session: Session, probe: Probe | None = None) -> None:
    """Raises NetworkUp before a secret write while the machine is connected."""
    tx = session.get_transaction()
    if tx is not None and session.info.get("airgap_checked") is tx:
        return  # checked already in this transaction (each flush asks)
    probe = probe or session.info.get("airgap_probe") or system_probe
    g = AirGap(_connected(probe), recorded_lan(session))
    if not g.writes_allowed:
        raise NetworkUp(f"{NOTICE} (đang bật: {', '.join(g.connected)}). Hãy ngắt mạng rồi làm lại.")
    session.info["airgap_checked"] = tx
