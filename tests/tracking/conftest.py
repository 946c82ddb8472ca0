import datetime as dt

import pytest

from app.registers import service
from app.registers.draft import Draft


def incoming(s, day: dt.date, *, urgency="", unit="Phòng Tổng hợp", transfer=None, issuer="UBND tỉnh",
             symbol=None, book="incoming", summary="Về việc báo cáo", doc_type="Công văn", hour=8):
    symbol = symbol or f"{day:%d%m}-{issuer[:3]}-{unit[:3]}-{urgency[:2]}-{id(summary) % 997}"
    return service.register(s, book, Draft(
        received_at=dt.datetime.combine(day, dt.time(hour)), issuer=issuer, number_symbol=symbol,
        doc_date=day - dt.timedelta(days=1), doc_type=doc_type, summary=summary,
        recipient_unit=unit, transfer_date=transfer, urgency=urgency,
        secrecy="Mật" if book.startswith("secret") else ""), allow_duplicate=True)


def outgoing(s, day: dt.date, summary="Trả lời", book="outgoing"):
    return service.register(s, book, Draft(
        doc_date=day, doc_type="Công văn", summary=summary, signer_name="Nguyễn Văn A",
        secrecy="Mật" if book.startswith("secret") else "", drafting_unit="VP"))


@pytest.fixture
def add_in():
    return incoming


@pytest.fixture
def add_out():
    return outgoing
