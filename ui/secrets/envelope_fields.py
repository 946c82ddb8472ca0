"""What a secret document adds to the registration form (issue 13 item 2): the envelope's outer
markings (letter A/B/C, "Chỉ người có tên mới được bóc bì" with the named person: registered
unopened), the copy number (bản số), who agreed that a Tuyệt mật document's trích yếu be
written, and the return date of a "Tài liệu thu hồi". app.secrets.books checks them all."""
from __future__ import annotations

from PySide6.QtWidgets import QCheckBox, QComboBox, QFormLayout, QGroupBox, QLineEdit

from app.dates import BadDate, parse_date
from app.errors import ValidationError


class EnvelopeFields(QGroupBox):
    def __init__(self, book_key: str, parent=None):
        super().__init__(self.tr("Văn bản mật"), parent)
        self.incoming = book_key == "secret_incoming"
        form = QFormLayout(self)
        self.envelope = QComboBox()
        for text, letter in ((self.tr("(không ghi)"), ""), ("A — Tuyệt mật", "A"), ("B — Tối mật", "B"),
                             ("C — Mật", "C")):
            self.envelope.addItem(text, letter)
        self.named_only = QCheckBox(self.tr("Bì “Chỉ người có tên mới được bóc bì” (đăng ký, không bóc)"))
        self.named_person = QLineEdit(placeholderText=self.tr("người có tên trên bì"))
        self.copy_no = QLineEdit(placeholderText=self.tr("ví dụ 02"))
        self.agreed_by = QLineEdit(placeholderText=self.tr("chỉ cần khi ghi trích yếu văn bản Tuyệt mật"))
        self.recall_by = QLineEdit(placeholderText=self.tr("dd/mm/yyyy — văn bản có dấu “Tài liệu thu hồi”"))
        if self.incoming:
            form.addRow(self.tr("Dấu chữ trên &bì"), self.envelope)
            form.addRow("", self.named_only)
            form.addRow(self.tr("Người có &tên"), self.named_person)
            form.addRow(self.tr("Bản &số"), self.copy_no)
        form.addRow(self.tr("Người &đồng ý ghi trích yếu"), self.agreed_by)
        if self.incoming:
            form.addRow(self.tr("Hạn t&hu hồi"), self.recall_by)
        self.named_person.setEnabled(False)
        self.named_only.toggled.connect(self.named_person.setEnabled)

    def options(self) -> dict:
        """The keyword arguments of app.secrets.books.register; a bad date is refused here."""
        try:
            recall = parse_date(self.recall_by.text().strip()) if self.incoming else None
        except BadDate as exc:
            raise ValidationError({"recall_by": f"Hạn thu hồi: {exc}"}) from None
        found = {"summary_agreed_by": self.agreed_by.text().strip()}
        if self.incoming:
            found.update(envelope=self.envelope.currentData(), named_only=self.named_only.isChecked(),
                         named_person=self.named_person.text().strip() if self.named_only.isChecked() else "",
                         copy_no=self.copy_no.text().strip(), recall_by=recall)
        return found

    def clear(self) -> None:
        self.envelope.setCurrentIndex(0)
        self.named_only.setChecked(False)
        for w in (self.named_person, self.copy_no, self.agreed_by, self.recall_by):
            w.clear()
