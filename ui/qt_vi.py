"""Qt's own words in Vietnamese: buttons of message boxes, the file dialog Qt draws where the
platform has no native one, text-field menus, the print dialog.

PySide6 ships qtbase translations for some thirty languages but not Vietnamese
(PySide6/Qt/translations has no qtbase_vi.qm), so the strings Qt shows itself are given here.
The keys are Qt's source strings, looked up in the contexts Qt uses them in; anything not here
falls back to Qt's own text, never to an empty label.
"""
from __future__ import annotations

from PySide6.QtCore import QLibraryInfo, QLocale, QTranslator

BUTTONS = {
    "OK": "Đồng ý", "&OK": "Đồng ý", "Cancel": "Hủy bỏ", "&Cancel": "Hủy bỏ", "Close": "Đóng",
    "&Close": "Đóng", "Save": "Lưu", "&Save": "&Lưu", "Open": "Mở", "&Open": "&Mở",
    "Apply": "Áp dụng", "Reset": "Đặt lại", "Help": "Trợ giúp", "Discard": "Bỏ",
    "Don't Save": "Không lưu", "Close without Saving": "Đóng, không lưu", "Save All": "Lưu tất cả",
    "Yes": "Có", "&Yes": "&Có", "Yes to &All": "Có với tất cả", "No": "Không", "&No": "&Không",
    "N&o to All": "Không với tất cả", "Abort": "Thôi", "Retry": "Thử lại", "Ignore": "Bỏ qua",
    "Restore Defaults": "Mặc định", "Show Details...": "Xem chi tiết…",
    "Hide Details...": "Ẩn chi tiết…", "Print": "In", "&Print": "&In", "Choose": "Chọn",
    "&Choose": "&Chọn",
}
FILE_DIALOG = {
    "Look in:": "Tìm trong:", "&Look in:": "&Tìm trong:", "File &name:": "Tên &tệp:",
    "File name:": "Tên tệp:", "Files of type:": "Loại tệp:", "Files of &type:": "&Loại tệp:",
    "Directory:": "Thư mục:", "&Directory:": "Thư &mục:", "Back": "Lùi", "Go back": "Lùi lại",
    "Forward": "Tiến", "Go forward": "Tiến tới", "Parent Directory": "Thư mục cha",
    "Go to the parent directory": "Lên thư mục cha", "Create New Folder": "Tạo thư mục mới",
    "Create a New Folder": "Tạo thư mục mới", "List View": "Xem danh sách",
    "Change to list view mode": "Xem dạng danh sách", "Detail View": "Xem chi tiết",
    "Change to detail view mode": "Xem dạng chi tiết", "Sidebar": "Thanh bên",
    "List of places and bookmarks": "Các nơi và dấu trang", "Files": "Tệp",
    "All Files (*)": "Tất cả tệp (*)", "Directories": "Thư mục", "New Folder": "Thư mục mới",
    "&New Folder": "Thư mục &mới", "&Delete": "&Xóa", "&Rename": "Đổi &tên",
    "Show &hidden files": "Hiện tệp ẩn", "Recent Places": "Nơi mở gần đây",
    "Find Directory": "Chọn thư mục", "Save As": "Lưu thành", "Open File": "Mở tệp",
    "Are you sure you want to delete '%1'?": "Xóa “%1”?",
    "%1 already exists.\nDo you want to replace it?": "%1 đã có.\nGhi đè lên tệp đó?",
    "%1\nFile not found.\nPlease verify the correct file name was given.":
        "%1\nKhông thấy tệp.\nHãy kiểm tra lại tên tệp.",
    "%1\nDirectory not found.\nPlease verify the correct directory name was given.":
        "%1\nKhông thấy thư mục.\nHãy kiểm tra lại tên thư mục.",
    "Name": "Tên", "Size": "Cỡ", "Type": "Loại", "Kind": "Loại", "Date Modified": "Ngày sửa",
    "Computer": "Máy tính", "My Computer": "Máy tính", "Folder": "Thư mục", "Drive": "Ổ đĩa",
    "File": "Tệp", "File Folder": "Thư mục", "Unknown": "Không rõ",
    "%1 bytes": "%1 byte", "%1 KB": "%1 KB", "%1 MB": "%1 MB", "%1 GB": "%1 GB",
}
TEXT_MENU = {
    "&Undo": "&Hoàn tác", "&Redo": "&Làm lại", "Cu&t": "&Cắt", "&Copy": "&Chép",
    "&Paste": "&Dán", "Delete": "Xóa", "Select All": "Chọn hết",
    "Copy &Link Location": "Chép địa chỉ liên kết",
}
PRINT = {
    "Print": "In", "Printer": "Máy in", "&Name:": "&Tên:", "P&roperties": "&Thuộc tính",
    "Location:": "Vị trí:", "Preview": "Xem trước", "Copies": "Số bản", "Copies:": "Số bản:",
    "Collate": "Xếp theo bộ", "Reverse": "Đảo thứ tự", "Options": "Tùy chọn",
    "Print range": "Phạm vi in", "Print all": "In tất cả", "Pages from": "Từ trang", "to": "đến",
    "Current Page": "Trang hiện tại", "Selection": "Phần đã chọn", "Print to File (PDF)": "In ra tệp PDF",
    "Output &file:": "Tệp &ra:", "Page Setup": "Thiết lập trang", "Portrait": "Đứng",
    "Landscape": "Ngang", "Paper": "Giấy", "Page size:": "Khổ giấy:", "Orientation": "Hướng giấy",
    "Margins": "Lề", "Duplex Printing": "In hai mặt", "None": "Không",
}
TABLES = {
    "QPlatformTheme": BUTTONS, "QDialogButtonBox": BUTTONS, "QMessageBox": BUTTONS,
    "QFileDialog": {**BUTTONS, **FILE_DIALOG}, "QFileSystemModel": FILE_DIALOG,
    "QAbstractFileIconProvider": FILE_DIALOG, "QFileIconProvider": FILE_DIALOG,
    "QLineEdit": TEXT_MENU, "QWidgetTextControl": TEXT_MENU, "QPrintDialog": {**BUTTONS, **PRINT},
    "QPrintPropertiesDialog": {**BUTTONS, **PRINT}, "QPrintPreviewDialog": {**BUTTONS, **PRINT},
    "QPageSetupWidget": PRINT, "QPrintSettingsOutput": PRINT, "QPrintWidget": PRINT,
    "QUnixPrintWidget": PRINT, "QInputDialog": BUTTONS,
}


class QtVietnamese(QTranslator):
    def translate(self, context, source, disambiguation=None, n=-1):
        table = TABLES.get(context)
        return table.get(source) if table else None  # None: Qt keeps its own text

    def isEmpty(self) -> bool:
        return False


def install(app) -> list[QTranslator]:
    """Qt's own Vietnamese catalogue if a later PySide6 ships one, else ours. Kept on the app:
    a translator that is garbage-collected stops translating."""
    shipped = QTranslator(app)
    path = QLibraryInfo.path(QLibraryInfo.LibraryPath.TranslationsPath)
    ours = QtVietnamese(app)
    if shipped.load(QLocale(QLocale.Language.Vietnamese), "qtbase", "_", path):
        app.installTranslator(shipped)
        translators = [shipped]
    else:
        app.installTranslator(ours)
        translators = [ours]
    app._vanthu_translators = translators
    return translators
