"""Users dialog, events view, the red warning of a broken chain, backup and restore dialogs."""
import sqlite3

import pypdf
import pytest

from app.security import access, backup, users
from ui.security import settings as SS
from ui.main_window import MainWindow
from ui.security.backup_dialog import BackupDialog, RestoreDialog
from ui.security.events_dialog import EventsDialog
from ui.security.users_dialog import UsersDialog


@pytest.fixture
def admin(state_store):
    with state_store.Session.begin() as s:
        users.add(s, "admin", "quantri-123", "quan-tri")
    users.login(state_store, "admin", "quantri-123")
    return state_store


def test_users_dialog_adds_changes_and_disables(qtbot, admin):
    d = UsersDialog(admin)
    qtbot.addWidget(d)
    d.new_name.setText("lan")
    d.new_password.setText("ngan")
    d.add_user()
    assert "ít nhất 8" in d.message.text() and d.table.rowCount() == 1
    d.new_password.setText("vanthu-123")
    d.new_clearance.setCurrentIndex(d.new_clearance.findData("mat"))
    d.add_user()
    assert d.table.rowCount() == 2 and d.table.item(1, 3).text() == "Mật"
    d.table.selectRow(1)
    d.role.setCurrentIndex(d.role.findData("lanh-dao"))
    d.save_selected()
    assert d.table.item(1, 2).text() == "Lãnh đạo / tra cứu"
    d.table.selectRow(1)
    d.password_selected(password="mat-khau-moi")
    d.table.selectRow(1)
    d.disable_selected()
    assert d.table.item(1, 4).text() == "Đã khóa"
    with pytest.raises(users.LoginFailed):
        users.login(admin, "lan", "mat-khau-moi")


def test_events_view_filters_prints_and_exports(qtbot, runner, admin, tmp_path):
    with pytest.raises(users.LoginFailed):
        users.login(admin, "admin", "sai-mat-khau")
    users.login(admin, "admin", "quantri-123")
    d = EventsDialog(runner)
    qtbot.addWidget(d)
    qtbot.waitUntil(lambda: d.table.rowCount() > 0 and d.user.count() > 0, timeout=5000)
    d.kind.setCurrentIndex(d.kind.findData("login_failed"))
    d.refresh()
    qtbot.waitUntil(lambda: d.table.rowCount() == 1, timeout=5000)
    assert d.table.item(0, 3).text() == "Đăng nhập sai"
    d.print_pdf(path=str(tmp_path / "nk.pdf"))
    text = pypdf.PdfReader(tmp_path / "nk.pdf").pages[0].extract_text()
    assert "Đăng nhập sai" in text and "Đầu chuỗi" in text
    d.export_csv(path=str(tmp_path / "nk.csv"))
    assert "Đăng nhập sai" in (tmp_path / "nk.csv").read_text(encoding="utf-8-sig")
    runner.wait()


def test_broken_chain_shows_a_red_warning(qtbot, runner, admin, settings):
    con = sqlite3.connect(admin.data_dir / "vanthu.sqlite3")
    con.execute("UPDATE audit_event SET user = 'khác' WHERE id = 1")
    con.commit()
    con.close()
    win = MainWindow(admin, runner, settings)
    qtbot.addWidget(win)
    win.show()
    qtbot.waitUntil(lambda: win.security.warning.isVisible(), timeout=5000)
    assert "sự kiện #1" in win.security.warning.text()
    assert "c62828" in win.security.warning.styleSheet()


def test_sound_chain_no_warning_and_no_secret_tabs_without_clearance(qtbot, runner, admin, settings):
    win = MainWindow(admin, runner, settings)
    qtbot.addWidget(win)
    win.show()
    runner.wait()
    qtbot.wait(50)
    assert not win.security.warning.isVisible()
    assert [win.tabs.isTabVisible(i) for i in range(4)] == [True, True, False, False]


def test_backup_and_restore_dialogs(qtbot, runner, admin, settings, tmp_path):
    win = MainWindow(admin, runner, settings)
    qtbot.addWidget(win)
    d = BackupDialog(win)
    qtbot.addWidget(d)
    d.folder.setText(str(tmp_path / "usb"))
    d.back_up_now()
    qtbot.waitUntil(lambda: "Đã sao lưu" in d.message.text(), timeout=10000)
    made = sorted(p for p in (tmp_path / "usb").iterdir() if p.name[0].isdigit())[-1]
    r = RestoreDialog(win)
    qtbot.addWidget(r)
    r.source.setText(str(made))
    r.target.setText(str(tmp_path / "restored"))
    r.run_restore()
    qtbot.waitUntil(lambda: r.result_dir is not None or "Lỗi" in r.message.text(), timeout=10000)
    assert r.result_dir == tmp_path / "restored" and (tmp_path / "restored" / "vanthu.sqlite3").is_file()
    assert settings.get(SS.SWITCH_TO) == str(tmp_path / "restored")


def test_backup_at_exit_and_its_failure_shown_at_next_start(qtbot, runner, admin, settings, tmp_path):
    settings = settings.for_data_dir(admin.data_dir)  # the backup folder belongs to the data folder
    settings.set(SS.BACKUP_FOLDER, str(tmp_path / "usb"))
    settings.set(SS.LAST_AUTO_BACKUP, "2000-01-01")
    win = MainWindow(admin, runner, settings)
    qtbot.addWidget(win)
    win.show()
    win.close()
    assert len(backup.complete_backups(tmp_path / "usb")) == 1
    access.set_actor(admin, None)  # logged out: the next exit backup is refused
    win = MainWindow(admin, runner, settings)
    qtbot.addWidget(win)
    win.show()
    win.close()
    assert "đăng nhập" in settings.get(SS.BACKUP_FAILED)
    win = MainWindow(admin, runner, settings)
    qtbot.addWidget(win)
    assert win.security.warning.isVisibleTo(win) and "sao lưu" in win.security.warning.text()


def test_the_leaders_window_greys_writing_and_printing(qtbot, runner, admin, settings):
    with admin.Session.begin() as s:
        users.add(s, "hung", "lanhdao-123", "lanh-dao")
    users.login(admin, "hung", "lanhdao-123")
    win = MainWindow(admin, runner, settings)
    qtbot.addWidget(win)
    qtbot.wait(20)
    book = {a.text().replace("&", ""): a.isEnabled() for a in win.menu("Sổ").actions() if a.text()}
    assert book["Đăng ký mới…"] is False and book["Hủy số…"] is False
    assert any(on for text, on in book.items() if text.startswith("Tìm"))
    files = {a.text().replace("&", ""): a.isEnabled() for a in win.menu("Tệp").actions() if a.text()}
    assert files["In sổ…"] is False and files["Khóa màn hình"] is True
