"""Helpers shared by the secret-document tests."""
import datetime as dt

from app.registers.draft import Draft
from app.security.actor import Actor

ADMIN = Actor("quantri", "quan-tri", "tuyet-mat")
CLERK = Actor("vanthu", "van-thu", "tuyet-mat")
PASSWORD = "mat-khau-quan-tri"


def incoming(summary="Về công tác bảo vệ bí mật nhà nước năm 2026", level="Mật", **kw) -> Draft:
    values = dict(received_at=dt.datetime(2026, 3, 2, 9, 0), issuer="BỘ CÔNG AN",
                  number_symbol=kw.pop("number_symbol", "12/BCA-A01"), doc_date=dt.date(2026, 2, 27),
                  doc_type="Công văn", summary=summary, secrecy=level)
    values.update(kw)
    return Draft(**values)


def outgoing(summary="Kế hoạch bảo vệ bí mật nhà nước", level="Mật", **kw) -> Draft:
    values = dict(doc_date=dt.date(2026, 3, 5), doc_type="Kế hoạch", summary=summary,
                  signer_name="Nguyễn Văn A", signer_position="Giám đốc", secrecy=level, copies=3,
                  recipients="UBND tỉnh")
    values.update(kw)
    return Draft(**values)


def as_actor(sstore, actor):
    from app.secrets.store import act_as

    act_as(sstore, actor)
