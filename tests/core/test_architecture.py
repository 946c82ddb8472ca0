"""The core never imports Qt: app/ and db/ must run and be tested without a screen."""
import ast
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]


def imported_modules(path: Path) -> set[str]:
    tree = ast.parse(path.read_text(encoding="utf-8"))
    names = set()
    for node in ast.walk(tree):
        if isinstance(node, ast.Import):
            names.update(a.name for a in node.names)
        elif isinstance(node, ast.ImportFrom) and node.module:
            names.add(node.module)
    return names


def test_core_never_imports_qt_or_ui():
    offenders = []
    for package in ("app", "db"):
        for path in (ROOT / package).rglob("*.py"):
            for name in imported_modules(path):
                top = name.split(".")[0]
                if top in ("PySide6", "PyQt5", "PyQt6", "shiboken6", "ui"):
                    offenders.append(f"{path.relative_to(ROOT)} imports {name}")
    assert offenders == []


def test_db_never_imports_app():
    offenders = [str(p) for p in (ROOT / "db").rglob("*.py")
                 if any(n.split(".")[0] == "app" for n in imported_modules(p))]
    assert offenders == []


def test_the_check_itself_sees_an_import(tmp_path):
    probe = tmp_path / "probe.py"
    probe.write_text("from PySide6.QtCore import QObject\n", encoding="utf-8")
    assert "PySide6.QtCore" in imported_modules(probe)


def test_no_script_folder_shadows_the_standard_library():
    """A script run as `python benchmarks/x.py` puts its folder first on sys.path: a
    benchmarks/secrets.py made numpy.random's `from secrets import randbits` fail, so the OCR
    benchmark crashed on a machine whose digit features were not yet cached."""
    import sys

    clashes = [str(p.relative_to(ROOT)) for folder in ("benchmarks", "scripts", ".")
               for p in (ROOT / folder).glob("*.py") if p.stem in sys.stdlib_module_names]
    assert clashes == []
