"""Files kept back by the unit (NĐ 30 Điều 30 khoản 3): reason and term checked, out of the
handover until released, listed with the package and counted in the Biên bản; paper boxes."""
import datetime as dt

import bagit
import pytest
from pypdf import PdfReader

from app.archive import closing, handover, keepback, package, plan, verify
from app.errors import DomainError, ValidationError
from app.printing.archive_forms import PaperCount
from tests.archive.conftest import YEAR

TODAY = dt.date(2026, 4, 2)


def squeezed(path):
    return " ".join(" ".join((p.extract_text() or "") for p in PdfReader(str(path)).pages).split())


def keep_02(office, until="20/03/2028", **kw):
    with office["store"].Session.begin() as s:
        return keepback.keep(s, office["files"][1], kw.pop("reason", "Còn dùng để giải quyết khiếu nại"), until,
                             kw.pop("approval", "Giám đốc đồng ý ngày 01/04/2026"), today=kw.pop("today", TODAY))


def test_a_kept_file_leaves_the_handover_until_released(closed_quarter):
    k = keep_02(closed_quarter, until="25/03/2029")  # the last day allowed
    assert k.until == dt.date(2029, 3, 25)
    with closed_quarter["store"].Session.begin() as s:
        keepback.release(s, closed_quarter["files"][1])
    k = keep_02(closed_quarter)
    assert k.hoso.state == "kept_back" and k.hoso.state_name == "Đơn vị giữ lại"
    assert k.due_on == dt.date(2027, 3, 25) and k.until == dt.date(2028, 3, 20)
    store = closed_quarter["store"]
    with store.ReadSession() as s:
        assert [v.code for v in handover.candidates(s, YEAR, "Q1").files] == ["01.TCCB"]
        listed = keepback.kept(s, YEAR, "Q1")
        assert [(x.hoso.code, x.reason, x.until, x.approval) for x in listed] == [
            ("02.TCCB", "Còn dùng để giải quyết khiếu nại", dt.date(2028, 3, 20), "Giám đốc đồng ý ngày 01/04/2026")]
        assert keepback.kept(s, YEAR, "Q2") == []
        due = {d.code: d.due_on for d in handover.due(s, dt.date(2028, 3, 1))}
    assert due["02.TCCB"] == dt.date(2028, 3, 20)  # due when the keeping ends, not a year after closing
    with store.Session.begin() as s:
        v = keepback.release(s, closed_quarter["files"][1], "đã giải quyết xong")
        assert v.state == "closed"
        assert [v.code for v in handover.candidates(s, YEAR, "Q1").files] == ["01.TCCB", "02.TCCB"]
        assert [e.action for e in closing.events(s, v.id)][-2:] == [keepback.KEEP, keepback.RELEASE]


@pytest.mark.parametrize("kw, field, words", [
    (dict(reason="  "), "reason", "lý do"),
    (dict(until="26/03/2029"), "until",
     "không quá 02 năm kể từ ngày đến hạn nộp lưu (25/03/2027): muộn nhất đến ngày 25/03/2029"),
    (dict(until="01/04/2026"), "until", "phải sau hôm nay"),
    (dict(until="31/02/2027"), "until", "31/02/2027"),
    (dict(until=""), "until", "Cần ghi thời hạn giữ lại"),
])
def test_bad_keep_back_input(closed_quarter, kw, field, words):
    with pytest.raises(ValidationError) as err:
        keep_02(closed_quarter, **kw)
    assert words in err.value.errors[field]
    with closed_quarter["store"].ReadSession() as s:
        assert plan.get(s, closed_quarter["files"][1]).state == "closed"


def test_only_a_closed_file_is_kept_back(closed_quarter):
    store = closed_quarter["store"]
    with store.Session.begin() as s:
        with pytest.raises(DomainError) as err:
            keepback.keep(s, closed_quarter["files"][2], "x", "01/01/2028", today=TODAY)
    assert "03.VP" in err.value.message and "Đang lập" in err.value.message
    with store.Session.begin() as s:
        with pytest.raises(DomainError) as err:
            keepback.release(s, closed_quarter["files"][0])
    assert "không ở trạng thái giữ lại" in err.value.message


def test_kept_list_and_paper_counts_go_with_the_package(closed_quarter, tmp_path):
    keep_02(closed_quarter)
    out = tmp_path / "out"
    out.mkdir()
    r = package.export(closed_quarter["store"], YEAR, "Q1", out, giver=("Trần Thị B", "Văn thư"),
                       paper=PaperCount(3, 0.4))
    bag = bagit.Bag(str(r.path))
    bag.validate()
    assert bag.info["Handover-Kept-Back-Count"] == "1"
    assert bag.info["Handover-Paper-Boxes"] == "3" and bag.info["Handover-Shelf-Metres"] == "0.4"
    data = r.path / "data"
    assert sorted(p.name for p in data.iterdir() if p.is_dir()) == ["01.TCCB"]
    assert r.payload_files == int(bag.info["Payload-Oxum"].split(".")[1])
    assert "02.TCCB" in (data / package.KEPT_CSV).read_bytes().decode("utf-8-sig")
    t = squeezed(data / package.KEPT_PDF)
    assert t.count("DANH MỤC HỒ SƠ, TÀI LIỆU GIỮ LẠI") == 2  # two copies
    for words in ("SỞ NỘI VỤ", "Năm 2026 — quý I", "Số TT", "Số, ký hiệu hồ sơ", "Tiêu đề hồ sơ",
                  "Thời gian tài liệu", "Thời hạn bảo quản", "Lý do giữ lại", "Giữ lại đến ngày", "(8)", "02.TCCB",
                  "Báo cáo tình hình cán bộ các huyện", "Còn dùng để giải quyết khiếu nại", "20/03/2028",
                  "Giám đốc đồng ý ngày 01/04/2026", "Danh mục này gồm: 1 hồ sơ", "Viết bằng chữ: Một hồ sơ",
                  "không quá 02 năm", "THỦ TRƯỞNG CƠ QUAN, TỔ CHỨC", "Người lập"):
        assert words in t, words
    t = squeezed(data / package.MINUTES_PDF)
    for words in ("3. Số lượng tài liệu:", "Tài liệu giấy: tổng số hộp (cặp): 3; tổng số hồ sơ (đơn vị bảo quản): 1; "
                  "quy ra mét giá: 0,4 m.", "Tài liệu điện tử: tổng số hồ sơ: 1;",
                  "Hồ sơ, tài liệu đơn vị giữ lại: 1 hồ sơ (có Danh mục hồ sơ, tài liệu giữ lại kèm theo)."):
        assert words in t, words
    assert "GIU-LAI" in (r.path / "README.txt").read_text(encoding="utf-8")
    assert verify.verify(r.path).ok
    (data / package.KEPT_PDF).unlink()
    report = verify.verify(r.path)
    assert not report.ok
    assert any(f"data/{package.KEPT_PDF}" in c.files and package.KEPT_PDF in c.message for c in report.checks)


def test_minutes_without_kept_files_or_paper(closed_quarter, tmp_path):
    out = tmp_path / "out"
    out.mkdir()
    r = package.export(closed_quarter["store"], YEAR, "Q1", out)
    t = squeezed(r.path / "data" / package.MINUTES_PDF)
    assert "Tài liệu giấy: tổng số hộp (cặp): ……………" in t and "quy ra mét giá: …………… m." in t
    assert "Hồ sơ, tài liệu đơn vị giữ lại: không có." in t
    assert not (r.path / "data" / package.KEPT_PDF).exists()


@pytest.mark.parametrize("paper, field", [(PaperCount(-1), "boxes"), (PaperCount(2, -0.5), "metres")])
def test_bad_paper_counts_are_refused_before_any_batch(closed_quarter, tmp_path, paper, field):
    with pytest.raises(ValidationError) as err:
        package.export(closed_quarter["store"], YEAR, "Q1", tmp_path, paper=paper)
    assert field in err.value.errors
    with closed_quarter["store"].ReadSession() as s:
        assert handover.batches(s, YEAR) == []


def test_a_kept_secret_file_is_not_named_in_an_ordinary_package(closed_quarter, tmp_path):
    from app.archive import closing, filing
    from app.registers import service
    from tests.archive.conftest import incoming

    store = closed_quarter["store"]
    c = closed_quarter["files"][2]
    with store.Session.begin() as s:
        secret = service.register(s, "secret_incoming", incoming(70, secrecy="Mật"), year=YEAR).id
        filing.add(s, c, [secret])
        closing.close(s, c, on="30/03/2026")
        keepback.keep(s, c, "Còn dùng", "01/03/2028", today=TODAY)
    keep_02(closed_quarter)
    out = tmp_path / "out"
    out.mkdir()
    r = package.export(store, YEAR, "Q1", out)
    assert bagit.Bag(str(r.path)).info["Handover-Kept-Back-Count"] == "1"
    kept_csv = (r.path / "data" / package.KEPT_CSV).read_bytes().decode("utf-8-sig")
    assert "02.TCCB" in kept_csv and "03.VP" not in kept_csv
    assert "03.VP" not in squeezed(r.path / "data" / package.KEPT_PDF)
