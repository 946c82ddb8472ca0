"""Typed settings, each declared once with its type and default (after Picard's options.py).

Only what belongs to this workstation's windows lives here; anything the core needs
(organisation, numbering rules) is in the database.
"""
from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from PySide6.QtCore import QByteArray, QSettings


@dataclass(frozen=True)
class Setting:
    key: str
    type: type
    default: Any

    def at(self, scope: str) -> "Setting":
        """The same setting for one book, tab or dialog: 'register/{scope}/header'."""
        return Setting(self.key.format(scope=scope), self.type, self.default)


WINDOW_GEOMETRY = Setting("window/geometry", QByteArray, QByteArray())
WINDOW_STATE = Setting("window/state", QByteArray, QByteArray())
LAST_TAB = Setting("window/last_tab", int, 0)
HEADER_STATE = Setting("register/{scope}/header", QByteArray, QByteArray())
SPLITTER_STATE = Setting("register/{scope}/splitter", QByteArray, QByteArray())
DIALOG_GEOMETRY = Setting("dialog/{scope}/geometry", QByteArray, QByteArray())
SCAN_FOLDER = Setting("intake/scan_folder", str, "")  # where the scanner saves its files


class Settings:
    """Reads and writes declared settings; tests pass a QSettings on a temporary file."""

    def __init__(self, qsettings: QSettings | None = None):
        self._q = qsettings or QSettings("vanthu", "vanthu")

    def get(self, setting: Setting):
        value = self._q.value(setting.key, setting.default)
        if value is None:
            return setting.default
        if setting.type is QByteArray:
            return value if isinstance(value, QByteArray) else QByteArray(value)
        try:
            return setting.type(value)
        except (TypeError, ValueError):
            return setting.default

    def set(self, setting: Setting, value) -> None:
        self._q.setValue(setting.key, value)

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
