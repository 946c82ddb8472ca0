"""HD 36: under Party numbering a secret outgoing document continues its type's sequence shared
with the ordinary ones, although the two books live in two files."""
import datetime as dt

from app import org
from app.registers import service
from app.secrets import books
from secret_helpers import outgoing


def test_party_secret_and_plain_documents_of_a_type_share_one_sequence(secret):
    plain, sstore, _ = secret
    from app.secrets import reference

    with plain.Session.begin() as p:
        org.save(p, org.Organisation(parent_org="TỈNH ỦY THANH HÓA", org_name="VĂN PHÒNG TỈNH ỦY",
                                     org_abbr="TU", regime="party", term_start="2025-10-01"))
    with plain.ReadSession() as p, sstore.Session.begin() as s:
        reference.sync(p, s)
    kh = dict(doc_type="Kế hoạch", doc_date=dt.date(2026, 3, 5))
    with plain.Session.begin() as p:
        first = service.register(p, "outgoing", outgoing(level="", **kh))
    with sstore.Session.begin() as s, plain.Session.begin() as p:
        secret_one = books.register(s, "secret_outgoing", outgoing(**kh), plain=p)
    with plain.Session.begin() as p:
        third = service.register(p, "outgoing", outgoing(level="", **kh))
    with sstore.Session.begin() as s, plain.Session.begin() as p:
        fourth = books.register(s, "secret_outgoing", outgoing(**kh), plain=p)
    assert [first.number, secret_one.entry.number, third.number, fourth.entry.number] == [1, 2, 3, 4]
    assert secret_one.entry.number_symbol == "02-KH/TU"
