import pytest

from app.registers import service
from app.registers.draft import Draft

IN = dict(received_at="05/03/2026 08:15", issuer="UBND tỉnh Nghệ An", number_symbol="123/QĐ-UBND",
          doc_date="02/03/2026", doc_type="Quyết định", summary="Về việc phê duyệt kế hoạch")


def register(store, **kw):
    with store.Session.begin() as s:
        return service.register(s, "incoming", Draft(**{**IN, **kw}), allow_duplicate=True)


@pytest.fixture
def filled(state_store):
    """A state office's store with three incoming entries, one of them edited."""
    views = [register(state_store, number_symbol=f"{i}/QĐ-UBND") for i in (1, 2, 3)]
    with state_store.Session.begin() as s:
        service.update(s, views[1].id, {"summary": "Về việc sửa đổi kế hoạch"})
    state_store.views = views
    return state_store
