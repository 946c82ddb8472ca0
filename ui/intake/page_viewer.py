"""The scanned pages beside the form: pages, zoom (opening at the page's full width), rotation
(a page fed sideways), and a frame where a field was read."""
from __future__ import annotations

import io

from PySide6.QtCore import QRect, Qt
from PySide6.QtGui import QColor, QImage, QPainter, QPen, QPixmap, QTransform
from PySide6.QtWidgets import (QHBoxLayout, QLabel, QPushButton, QScrollArea, QSpinBox, QVBoxLayout,
                               QWidget)


def to_qimage(pil_image) -> QImage:
    buf = io.BytesIO()
    pil_image.convert("RGB").save(buf, format="PNG", compress_level=1)
    image = QImage()
    image.loadFromData(buf.getvalue(), "PNG")
    return image


class PageViewer(QWidget):
    def __init__(self, parent=None):
        super().__init__(parent)
        self._pages: list[QImage] = []
        self._page = 0
        self._zoom = 0.35
        self._fit = True  # follow the viewer's width until the clerk zooms
        self._turns: dict[int, int] = {}  # page -> quarter turns clockwise
        self._box: tuple[int, int, int, int] | None = None
        self.image = QLabel(alignment=Qt.AlignmentFlag.AlignCenter)
        self.scroll = QScrollArea(widgetResizable=False)
        self.scroll.setWidget(self.image)
        self.page_box = QSpinBox(minimum=1, maximum=1)
        self.page_box.valueChanged.connect(lambda v: self.show_page(v - 1))
        self.count = QLabel()
        zoom_in, zoom_out = QPushButton("+"), QPushButton("−")
        zoom_in.setToolTip(self.tr("Phóng to"))
        zoom_out.setToolTip(self.tr("Thu nhỏ"))
        for b in (zoom_in, zoom_out):
            b.setFixedWidth(b.fontMetrics().horizontalAdvance("−") + 24)
        zoom_in.clicked.connect(lambda: self.set_zoom(self._zoom * 1.25))
        zoom_out.clicked.connect(lambda: self.set_zoom(self._zoom / 1.25))
        self.fit_button = QPushButton(self.tr("Vừa khung"))
        self.fit_button.setToolTip(self.tr("Cả chiều ngang trang vừa khung xem"))
        self.fit_button.clicked.connect(self.fit_width)
        self.rotate_button = QPushButton(self.tr("Xoay ⟳"))
        self.rotate_button.setToolTip(self.tr("Xoay trang 90° theo chiều kim đồng hồ"))
        self.rotate_button.clicked.connect(self.rotate)
        bar = QHBoxLayout()
        bar.addWidget(QLabel(self.tr("Trang")))
        bar.addWidget(self.page_box)
        bar.addWidget(self.count)
        bar.addStretch(1)
        bar.addWidget(QLabel(self.tr("Thu phóng")))
        bar.addWidget(zoom_out)
        bar.addWidget(zoom_in)
        bar.addWidget(self.fit_button)
        bar.addWidget(self.rotate_button)
        layout = QVBoxLayout(self)
        layout.addLayout(bar)
        layout.addWidget(self.scroll, 1)

    def set_pages(self, images: list[QImage]) -> None:
        self._pages = images
        self.page_box.setMaximum(max(1, len(images)))
        self.count.setText(self.tr("/ %d") % len(images))
        self._turns.clear()
        self._fit = True
        self.show_page(0)

    def page_count(self) -> int:
        return len(self._pages)

    def set_zoom(self, zoom: float, fit: bool = False) -> None:
        self._fit = fit
        self._zoom = min(3.0, max(0.05, zoom))
        self._render()

    def zoom(self) -> float:
        return self._zoom

    def fit_width(self) -> None:
        page = self._page_image()
        if page is None:
            return
        # From the scroll area's own width, less the vertical bar a page taller than wide
        # brings: the viewport's width changes as the bars come and go.
        room = (self.scroll.width() - 2 * self.scroll.frameWidth()
                - self.scroll.verticalScrollBar().sizeHint().width() - 2)
        self.set_zoom(max(50, room) / page.width(), fit=True)

    def rotate(self) -> None:
        if self._pages:
            self._turns[self._page] = (self._turns.get(self._page, 0) + 1) % 4
            self.fit_width() if self._fit else self._render()

    def turns(self, page: int = 0) -> int:
        return self._turns.get(page, 0)

    def _page_image(self) -> QImage | None:
        if not self._pages:
            return None
        page = self._pages[self._page]
        turns = self._turns.get(self._page, 0)
        return page.transformed(QTransform().rotate(90 * turns)) if turns else page

    def resizeEvent(self, event) -> None:
        super().resizeEvent(event)
        if self._fit:
            self.fit_width()

    def show_page(self, index: int) -> None:
        self._page = max(0, min(index, len(self._pages) - 1))
        self.fit_width() if self._fit else self._render()

    def highlight(self, box) -> None:
        """Frames the place on page 1 where a field was read (None clears it)."""
        self._box = box
        if box is not None and self._page != 0:
            self.page_box.setValue(1)
        self._render()
        if box is not None:
            x, y, w, h = (int(v * self._zoom) for v in box)
            self.scroll.ensureVisible(x + w // 2, y + h // 2, w // 2 + 80, h // 2 + 80)

    def _render(self) -> None:
        page = self._page_image()
        if page is None:
            self.image.clear()
            return
        pixmap = QPixmap.fromImage(page.scaledToWidth(max(50, int(page.width() * self._zoom)),
                                                     Qt.TransformationMode.SmoothTransformation))
        if self._box is not None and self._page == 0 and not self._turns.get(0):  # read unturned
            painter = QPainter(pixmap)
            painter.setPen(QPen(QColor(230, 120, 0), 3))
            painter.setBrush(QColor(255, 200, 0, 60))
            x, y, w, h = (int(v * self._zoom) for v in self._box)
            painter.drawRect(QRect(x - 3, y - 3, w + 6, h + 6))
            painter.end()
        self.image.setPixmap(pixmap)
        self.image.resize(pixmap.size())
