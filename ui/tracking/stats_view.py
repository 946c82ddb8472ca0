"""Thống kê: a year's incoming and outgoing work in charts (QtCharts), each chart saved as an
image, and the figures of the two reports beside them."""
from __future__ import annotations

import datetime as dt
from pathlib import Path

from PySide6.QtCharts import (QBarCategoryAxis, QBarSeries, QBarSet, QChart, QChartView,
                              QHorizontalBarSeries, QValueAxis)
from PySide6.QtCore import Qt
from PySide6.QtGui import QPainter
from PySide6.QtWidgets import (QDialog, QFileDialog, QGridLayout, QHBoxLayout, QLabel, QLineEdit,
                               QPushButton, QSpinBox, QVBoxLayout, QWidget)

from app.tracking import reports


def bar_chart(title: str, categories: list[str], sets: dict[str, list[int]], horizontal=False) -> QChart:
    chart = QChart()
    chart.setTitle(title)
    series = QHorizontalBarSeries() if horizontal else QBarSeries()
    for name, values in sets.items():
        bar = QBarSet(name)
        bar.append([float(v) for v in values])
        series.append(bar)
    chart.addSeries(series)
    cats, values = QBarCategoryAxis(), QValueAxis()
    cats.append(categories)
    values.setLabelFormat("%d")
    top = max([max(v) for v in sets.values() if v] + [1])
    values.setRange(0, top * 1.1)
    values.applyNiceNumbers()
    chart.addAxis(cats, Qt.AlignmentFlag.AlignLeft if horizontal else Qt.AlignmentFlag.AlignBottom)
    chart.addAxis(values, Qt.AlignmentFlag.AlignBottom if horizontal else Qt.AlignmentFlag.AlignLeft)
    series.attachAxis(cats)
    series.attachAxis(values)
    chart.legend().setVisible(len(sets) > 1)
    chart.setAnimationOptions(QChart.AnimationOption.NoAnimation)
    return chart


class ChartBox(QWidget):
    """A chart with its own "Lưu ảnh…" button."""

    def __init__(self, parent=None):
        super().__init__(parent)
        self.view = QChartView()
        self.view.setRenderHint(QPainter.RenderHint.Antialiasing)
        self.view.setMinimumSize(420, 260)
        save = QPushButton(self.tr("Lưu ảnh…"))
        save.clicked.connect(self.choose_and_save)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.view)
        layout.addWidget(save, 0, Qt.AlignmentFlag.AlignRight)

    def set_chart(self, chart: QChart) -> None:
        old = self.view.chart()
        self.view.setChart(chart)
        if old is not None:
            old.deleteLater()

    def save(self, path: Path) -> bool:
        return self.view.grab().save(str(path))

    def choose_and_save(self) -> None:
        name, _ = QFileDialog.getSaveFileName(self, self.tr("Lưu biểu đồ"), "bieu-do.png",
                                              self.tr("Ảnh PNG (*.png)"))
        if name:
            self.save(Path(name))


class StatsDialog(QDialog):
    def __init__(self, runner, parent=None, year: int | None = None):
        super().__init__(parent)
        self.runner = runner
        self.setWindowTitle(self.tr("Thống kê văn bản đến, văn bản đi"))
        self.resize(1200, 800)
        self.year = QSpinBox(minimum=1990, maximum=2100, value=year or dt.date.today().year)
        self.unit = QLineEdit(placeholderText=self.tr("Đơn vị (để trống: cả cơ quan)"))
        show = QPushButton(self.tr("&Xem"))
        show.clicked.connect(self.refresh)
        self.figures = QLabel(wordWrap=True)
        self.figures.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.months, self.types, self.units = ChartBox(), ChartBox(), ChartBox()
        top = QHBoxLayout()
        top.addWidget(QLabel(self.tr("Năm:")))
        top.addWidget(self.year)
        top.addWidget(self.unit, 1)
        top.addWidget(show)
        grid = QGridLayout()
        grid.addWidget(self.months, 0, 0, 1, 2)
        grid.addWidget(self.types, 1, 0)
        grid.addWidget(self.units, 1, 1)
        grid.addWidget(self.figures, 0, 2, 2, 1)
        layout = QVBoxLayout(self)
        layout.addLayout(top)
        layout.addLayout(grid)
        self.report_in = self.report_out = None
        self.refresh()

    def refresh(self) -> None:
        year, unit = self.year.value(), self.unit.text()
        self.runner.query(lambda s: reports.year_stats(s, year, unit), self._got, owner=self)

    def _got(self, pair) -> None:
        self.report_in, self.report_out = r_in, r_out = pair
        months = r_in.group("Theo tháng")
        self.months.set_chart(bar_chart(
            self.tr("Văn bản đến và đi theo tháng, năm %d") % self.year.value(), [k[:2] for k, _ in months],
            {self.tr("Văn bản đến"): [v for _, v in months],
             self.tr("Văn bản đi"): [v for _, v in r_out.group("Theo tháng")]}))
        for box, title, items in ((self.types, self.tr("Văn bản đến theo tên loại"), r_in.group("Theo tên loại")),
                                  (self.units, self.tr("Văn bản đến theo đơn vị nhận"), r_in.group("Theo đơn vị"))):
            items = list(items[:10])[::-1]
            box.set_chart(bar_chart(title, [k[:28] for k, _ in items], {"": [v for _, v in items]}, True))
        lines = [f"<b>{self.tr('Văn bản đến')}</b>"] + [f"{k}: <b>{v}</b>" for k, v in r_in.figures]
        lines += ["", f"<b>{self.tr('Văn bản đi')}</b>"] + [f"{k}: <b>{v}</b>" for k, v in r_out.figures]
        self.figures.setText("<br>".join(lines))
