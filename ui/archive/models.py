"""Table models over frozen views: the year's files, and one file's documents in order."""
from __future__ import annotations

from PySide6.QtCore import QAbstractTableModel, QModelIndex, Qt
from PySide6.QtGui import QBrush, QColor

from app.dates import fmt

STATE_COLORS = {"open": "#1b5e20", "closed": "#0d47a1", "kept_back": "#6a1b9a", "in_handover": "#e65100",
                "handed_over": "#616161"}


class _Table(QAbstractTableModel):
    columns: tuple[tuple[str, object, bool], ...] = ()  # (title, value of a row, centred)

    def __init__(self, parent=None):
        super().__init__(parent)
        self.items: list = []

    def set_items(self, items: list) -> None:
        self.beginResetModel()
        self.items = list(items)
        self.endResetModel()

    def item(self, row: int):
        return self.items[row] if 0 <= row < len(self.items) else None

    def rowCount(self, parent=QModelIndex()) -> int:
        return 0 if parent.isValid() else len(self.items)

    def columnCount(self, parent=QModelIndex()) -> int:
        return 0 if parent.isValid() else len(self.columns)

    def headerData(self, section, orientation, role=Qt.ItemDataRole.DisplayRole):
        if orientation == Qt.Orientation.Horizontal and role == Qt.ItemDataRole.DisplayRole:
            return self.columns[section][0]
        return None

    def data(self, index: QModelIndex, role=Qt.ItemDataRole.DisplayRole):
        if not index.isValid():
            return None
        item = self.items[index.row()]
        title, value, centred = self.columns[index.column()]
        if role in (Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.ToolTipRole):
            return value(item)
        if role == Qt.ItemDataRole.TextAlignmentRole and centred:
            return int(Qt.AlignmentFlag.AlignCenter)
        return self.extra(item, index.column(), role)

    def extra(self, item, column: int, role):
        return None


def _span(h) -> str:
    return f"{fmt(h.start_date)} - {fmt(h.end_date)}" if h.start_date else ""


class HosoModel(_Table):
    columns = (
        ("Số, ký hiệu", lambda h: h.code, True),
        ("Tiêu đề hồ sơ", lambda h: h.title + ("" if h.in_plan else " (ngoài danh mục)"), False),
        ("Thời hạn", lambda h: h.retention, True),
        ("Trạng thái", lambda h: h.state_name + (f" ({h.minutes_number})" if h.minutes_number else ""), True),
        ("Văn bản", lambda h: str(h.documents), True),
        ("Trang", lambda h: "" if h.pages is None else str(h.pages), True),
        ("Thời gian", _span, True),
        ("Người lập", lambda h: h.creator, False),
    )

    def extra(self, h, column: int, role):
        if role == Qt.ItemDataRole.ForegroundRole and column == 3:
            return QBrush(QColor(STATE_COLORS.get(h.state, "#000")))
        if role == Qt.ItemDataRole.ToolTipRole and h.secret:
            return "Hồ sơ có văn bản mật: không đưa vào gói nộp lưu thường."
        return None

    def row_of(self, hoso_id: int) -> int:
        return next((i for i, h in enumerate(self.items) if h.id == hoso_id), -1)


class DocumentsModel(_Table):
    columns = (
        ("STT", lambda d: str(d.position), True),
        ("Sổ", lambda d: "Đến" if d.book_key.endswith("incoming") else "Đi", True),
        ("Số, ký hiệu", lambda d: d.number_symbol or str(d.number), True),
        ("Ngày", lambda d: fmt(d.doc_date or d.reg_date), True),
        ("Tên loại và trích yếu", lambda d: f"{d.doc_type}: {d.summary}" if d.summary else d.doc_type, False),
        ("Tác giả", lambda d: d.issuer, False),
        ("Trang", lambda d: str(d.pages) if d.pages else "", True),
        ("Bản quét", lambda d: ", ".join(name for _o, _p, name in d.scans) or "—", False),
    )
