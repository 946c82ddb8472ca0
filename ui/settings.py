"""Typed settings, each declared once with its type and default (after Picard's options.py).

Only what belongs to this workstation's windows lives here; anything the core needs
(organisation, numbering rules) is in the database. A setting has a place: "user" (the
operating-system user's settings: where windows sit on this screen) or "data" (a file in the
data folder, DATA_FILE: what belongs to that one set of books — the watched scan folder, the
books' columns and last tab). So the demo's throw-away data folder, or a second office's,
never takes the real office's scanner folder or column layout.
"""
from __future__ import annotations

from dataclasses import dataclass, replace
from pathlib import Path
from typing import Any

from PySide6.QtCore import QByteArray, QSettings


@dataclass(frozen=True)
class Setting:
    key: str
    type: type
    default: Any
    place: str = "user"  # "user" | "data"

    def at(self, scope: str) -> "Setting":
        """The same setting for one book, tab or dialog: 'register/{scope}/header'."""
        return replace(self, key=self.key.format(scope=scope))


DATA_FILE = "window.ini"
WINDOW_GEOMETRY = Setting("window/geometry", QByteArray, QByteArray())
WINDOW_STATE = Setting("window/state", QByteArray, QByteArray())
LAST_TAB = Setting("window/last_tab", int, 0, "data")
# Columns the clerk sized by hand ("columns": the old "header" key held automatic widths
# saved at every close, which kept a cramped first layout for ever).
HEADER_STATE = Setting("register/{scope}/columns", QByteArray, QByteArray(), "data")
SPLITTER_STATE = Setting("register/{scope}/splitter", QByteArray, QByteArray(), "data")
DIALOG_GEOMETRY = Setting("dialog/{scope}/geometry", QByteArray, QByteArray())
SCAN_FOLDER = Setting("intake/scan_folder", str, "", "data")  # where the scanner saves its files


class Settings:
    """Reads and writes declared settings; tests pass a QSettings on a temporary file."""

    def __init__(self, qsettings: QSettings | None = None, data_dir: Path | str | None = None):
        self._q = qsettings or QSettings("vanthu", "vanthu")
        self.data_dir = Path(data_dir) if data_dir else None
        # Without a data folder (a widget tested alone) "data" settings share the user's file.
        self._data = (QSettings(str(self.data_dir / DATA_FILE), QSettings.Format.IniFormat)
                      if self.data_dir else self._q)

    def for_data_dir(self, data_dir: Path | str) -> "Settings":
        """The same user settings, with the "data" ones in `data_dir`."""
        return Settings(self._q, data_dir)

    def _store(self, setting: Setting) -> QSettings:
        return self._data if setting.place == "data" else self._q

    def adopt_from_user(self, setting: Setting) -> None:
        """Earlier versions kept `setting` per user: the first real data folder opened takes it
        over (the demo never does), and the user's copy goes so no other folder takes it too."""
        if self._data is self._q or self._data.contains(setting.key) or not self._q.contains(setting.key):
            return
        self._data.setValue(setting.key, self._q.value(setting.key))
        self._q.remove(setting.key)

    def get(self, setting: Setting):
        value = self._store(setting).value(setting.key, setting.default)
        if value is None:
            return setting.default
        if setting.type is QByteArray:
            return value if isinstance(value, QByteArray) else QByteArray(value)
        try:
            return setting.type(value)
        except (TypeError, ValueError):
            return setting.default

    def set(self, setting: Setting, value) -> None:
        self._store(setting).setValue(setting.key, value)

    def sync(self) -> None:
        self._q.sync()
        self._data.sync()

    @classmethod
    def in_file(cls, path) -> "Settings":
        return cls(QSettings(str(path), QSettings.Format.IniFormat))


class SavesGeometry:
    """Mixin for top-level windows and dialogs: geometry restored on show, saved on close."""

    geometry_setting: Setting = DIALOG_GEOMETRY

    def restore_geometry(self, settings: Settings, scope: str = "") -> bool:
        self._geometry_settings, self._geometry_scope = settings, scope
        saved = settings.get(self.geometry_setting.at(scope))
        return bool(saved.size()) and self.restoreGeometry(saved)

    def save_geometry(self) -> None:
        settings = getattr(self, "_geometry_settings", None)
        if settings is not None:
            settings.set(self.geometry_setting.at(self._geometry_scope), self.saveGeometry())
