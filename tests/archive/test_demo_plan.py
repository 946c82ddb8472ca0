"""The demo's year comes with a file plan: a new clerk trying the program finds work files with
their documents, one of them closed, and the closed one can be handed over and verified."""
from app import demo
from app.archive import package, plan, verify


def test_the_demo_files_its_documents_and_its_closed_file_can_be_handed_over(store, tmp_path):
    with store.Session.begin() as s:
        demo.fill(s, incoming=80, outgoing=10, year=2026)
    with store.ReadSession() as s:
        files = plan.list_hoso(s, 2026)
    assert [h.code for h in files] == ["01.TCCB", "02.TCCB", "03.VP", "04.VP"]
    assert [h.state for h in files] == ["closed", "open", "open", "open"]
    assert all(h.documents > 0 for h in files)
    out = tmp_path / "nop-luu"
    out.mkdir()
    done = package.export(store, 2026, "Y", out, codes=["01.TCCB"])
    assert done.files == 1 and done.documents == files[0].documents
    assert verify.verify(done.path).ok
