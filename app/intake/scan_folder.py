"""The watched scan folder: a file is taken once it has stopped growing, and afterwards moved
to processed/ or failed/ beside it, never deleted."""
from __future__ import annotations

import shutil
from pathlib import Path

# Scanners write under these names while a file is still being written.
IN_PROGRESS = (".tmp", ".part", ".partial", ".crdownload", "~")


class FolderWatch:
    """Call `poll()` every second or two; it returns files whose size and mtime held still
    between two polls. Plain state, no threads: the GUI's timer and the tests drive it."""

    def __init__(self, folder: Path):
        self.folder = Path(folder)
        self._seen: dict[Path, tuple[int, float]] = {}
        self._taken: set[Path] = set()

    def poll(self) -> list[Path]:
        ready = []
        current: dict[Path, tuple[int, float]] = {}
        for p in sorted(self.folder.iterdir()) if self.folder.is_dir() else []:
            if (not p.is_file() or p.name.startswith(".") or p.name.lower().endswith(IN_PROGRESS)
                    or p in self._taken):
                continue
            try:
                st = p.stat()
            except FileNotFoundError:
                continue
            current[p] = (st.st_size, st.st_mtime)
            if self._seen.get(p) == current[p]:
                ready.append(p)
                self._taken.add(p)
        self._seen = current
        return ready


def move_done(path: Path, ok: bool) -> Path:
    """Moves a taken file to processed/ or failed/ beside it, never overwriting another."""
    target_dir = path.parent / ("processed" if ok else "failed")
    target_dir.mkdir(exist_ok=True)
    target = target_dir / path.name
    n = 1
    while target.exists():
        target = target_dir / f"{path.stem} ({n}){path.suffix}"
        n += 1
    shutil.move(str(path), target)
    return target
