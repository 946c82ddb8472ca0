"""Issue 9, finding 19 (intake): a scan refused for the ordinary book is not left "sẵn sàng",
queue items can be removed (files never deleted), the page viewer opens at the page's full
width and rotates a page fed sideways."""
import random

from PySide6.QtCore import Qt
from PySide6.QtGui import QColor, QImage

from .test_intake import panel_for


def test_secret_scan_is_refused_and_removable(state_store, runner, qtbot, tmp_path):
    from render import render
    from tests.ocr.conftest import state_doc

    scans = tmp_path / "scans"
    scans.mkdir()
    render(state_doc(secrecy="MẬT"), 200, random.Random(1))[0].convert("L").save(scans / "mat.png")
    panel = panel_for(state_store, runner, qtbot)
    panel.set_watched_folder(scans)
    panel._poll_folder()
    panel._poll_folder()
    item = next(iter(panel.items.values()))
    qtbot.waitUntil(lambda: item.state not in ("waiting", "reading"), timeout=30000)
    assert item.state == "refused"
    text = panel.list.item(0).text()
    assert "sẵn sàng" not in text and "KHÔNG ĐĂNG KÝ" in text and "dấu Mật" in text
    panel.list.setCurrentRow(0)
    panel.list.setFocus()
    qtbot.keyClick(panel.list, Qt.Key.Key_Delete)
    assert panel.list.count() == 0
    # Not deleted, not taken again: moved aside as any file not registered.
    assert (scans / "failed" / "mat.png").exists() and not (scans / "mat.png").exists()
    panel._poll_folder()
    panel._poll_folder()
    assert panel.list.count() == 0


def page(width=1240, height=1754) -> QImage:
    image = QImage(width, height, QImage.Format.Format_RGB32)
    image.fill(QColor("white"))
    return image


def test_viewer_opens_at_full_width_and_rotates(qtbot):
    from ui.intake.page_viewer import PageViewer

    viewer = PageViewer()
    qtbot.addWidget(viewer)
    viewer.resize(520, 700)
    viewer.show()
    qtbot.waitExposed(viewer)
    viewer.set_pages([page(), page()])
    room = viewer.scroll.viewport().width()
    shown = viewer.image.pixmap()
    assert room * 0.85 <= shown.width() <= room  # the whole width, nothing cut
    assert viewer.zoom() < 0.5
    viewer.rotate_button.click()
    turned = viewer.image.pixmap()
    assert viewer.turns(0) == 1
    assert turned.width() <= viewer.scroll.viewport().width()
    assert abs(turned.height() / turned.width() - 1240 / 1754) < 0.02  # on its side now
    viewer.set_zoom(viewer.zoom() * 1.25)  # the clerk zooms: the fit no longer follows
    viewer.resize(700, 700)
    assert viewer.image.pixmap().width() > viewer.scroll.viewport().width() * 0.5
