"""Locate and register the bundled Liberation Serif family.

The font ships in resources/fonts (not taken from the system) so that the PDF always embeds the
same Vietnamese-complete glyphs on Windows and Linux, and in the PyInstaller build.
"""
from __future__ import annotations

import sys
from pathlib import Path

from .model import PrintError

REGULAR = "VTSerif"
BOLD = "VTSerif-Bold"
ITALIC = "VTSerif-Italic"
BOLD_ITALIC = "VTSerif-BoldItalic"

_FILES = {
    REGULAR: "LiberationSerif-Regular.ttf",
    BOLD: "LiberationSerif-Bold.ttf",
    ITALIC: "LiberationSerif-Italic.ttf",
    BOLD_ITALIC: "LiberationSerif-BoldItalic.ttf",
}
_registered = False


def resources_dir() -> Path:
    """resources/ beside the source tree, or inside the PyInstaller bundle when frozen."""
    frozen = getattr(sys, "_MEIPASS", None)
    if frozen:
        return Path(frozen) / "resources"
    return Path(__file__).resolve().parents[2] / "resources"


def register_fonts() -> None:
    """Register the family once per process (reportlab's registry is global)."""
    global _registered
    if _registered:
        return
    from reportlab.lib.fonts import addMapping
    from reportlab.pdfbase import pdfmetrics
    from reportlab.pdfbase.ttfonts import TTFont

    folder = resources_dir() / "fonts"
    for name, filename in _FILES.items():
        path = folder / filename
        if not path.is_file():
            raise PrintError(f"Thiếu phông chữ {path}; hãy cài lại chương trình.")
        pdfmetrics.registerFont(TTFont(name, str(path)))
    addMapping(REGULAR, 0, 0, REGULAR)
    addMapping(REGULAR, 1, 0, BOLD)
    addMapping(REGULAR, 0, 1, ITALIC)
    addMapping(REGULAR, 1, 1, BOLD_ITALIC)
    _registered = True
