"""Issue 9, finding 17: Qt's own words (message-box buttons, the file dialog Qt draws where
the platform has none) are Vietnamese; nothing untranslated becomes an empty label."""
from PySide6.QtWidgets import QApplication, QDialogButtonBox, QFileDialog, QLabel, QMessageBox


def test_file_dialog_and_buttons_in_vietnamese(qtbot):
    from ui import qt_vi

    app = QApplication.instance()
    translators = qt_vi.install(app)
    try:
        dialog = QFileDialog(None, "Lưu sổ")
        dialog.setOption(QFileDialog.Option.DontUseNativeDialog)  # Qt's own, as on a bare desktop
        dialog.setAcceptMode(QFileDialog.AcceptMode.AcceptSave)
        qtbot.addWidget(dialog)
        dialog.show()
        labels = {l.objectName(): l.text() for l in dialog.findChildren(QLabel) if l.text()}
        assert labels["lookInLabel"] == "&Tìm trong:" and labels["fileNameLabel"] == "Tên &tệp:"
        assert labels["fileTypeLabel"] == "&Loại tệp:"
        buttons = [b.text() for b in dialog.findChild(QDialogButtonBox).buttons()]
        assert sorted(buttons) == ["&Lưu", "Hủy bỏ"]
        box = QMessageBox(QMessageBox.Icon.Question, "Hỏi", "Tiếp tục?",
                          QMessageBox.StandardButton.Ok | QMessageBox.StandardButton.Cancel)
        qtbot.addWidget(box)
        assert sorted(b.text() for b in box.buttons()) == ["Hủy bỏ", "Đồng ý"]
        # An untranslated string keeps Qt's text rather than becoming empty.
        assert QApplication.translate("QFileDialog", "Some new Qt string") == "Some new Qt string"
    finally:
        for t in translators:
            app.removeTranslator(t)
