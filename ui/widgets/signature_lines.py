"""One line per digital signature of a PDF (issue 11), as a clerk checks it under NĐ 30 Điều 21:
"Chữ ký số: Sở Thông tin và Truyền thông, 03/08/2020 11:49 — nguyên vẹn, …"; a document
changed after signing in red, a source not verified against an imported root in brown."""
from __future__ import annotations

from html import escape

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QLabel

CHANGED, UNVERIFIED, VERIFIED, UNCHECKED = "#c62828", "#a04000", "#2e7d32", "#6d6d6d"


def colour(sig) -> str:
    if sig.intact is None:
        return UNCHECKED
    if not sig.intact:
        return CHANGED
    return VERIFIED if sig.trusted else UNVERIFIED


class SignatureLines(QLabel):
    def __init__(self, parent=None):
        super().__init__(parent)
        self.setTextFormat(Qt.TextFormat.RichText)
        self.setWordWrap(True)
        self.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.signatures: tuple = ()
        self.hide()

    def set_signatures(self, signatures) -> None:
        self.signatures = tuple(signatures or ())
        self.setText("<br>".join(f'<span style="color: {colour(s)};">{escape(s.describe())}</span>'
                                 for s in self.signatures))
        self.setToolTip("\n".join(self._detail(s) for s in self.signatures))
        self.setVisible(bool(self.signatures))

    def lines(self) -> list[str]:
        """The lines as the clerk reads them (for tests and copying)."""
        return [s.describe() for s in self.signatures]

    @staticmethod
    def _detail(sig) -> str:
        who = " — ".join(x for x in (sig.signer, sig.unit, sig.organisation) if x)
        cover = "" if sig.whole_file or sig.intact is not True else " (chữ ký không bao trùm phần thêm sau)"
        return f"{who}{cover}"
