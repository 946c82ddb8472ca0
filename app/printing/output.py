"""Write-then-rename output, so a cancelled or failed print never leaves a half PDF behind
under the name the clerk chose (a truncated legal register is worse than none)."""
from __future__ import annotations

import os
import tempfile
from contextlib import contextmanager
from pathlib import Path
from typing import BinaryIO, Iterator, Union

from .model import PrintError

Target = Union[str, os.PathLike, BinaryIO]


@contextmanager
def atomic_target(out: Target) -> Iterator[tuple[BinaryIO, Path | None]]:
    """Yield (file object, final path or None).  Paths get a temp file in the same folder
    (same filesystem, so os.replace is atomic); file objects are used as given."""
    if hasattr(out, "write"):
        yield out, None  # type: ignore[misc]
        return
    path = Path(out)
    if not path.parent.is_dir():
        raise PrintError(f"Thư mục không tồn tại: {path.parent}")
    fd, tmp = tempfile.mkstemp(prefix=f".{path.name}.", suffix=".part", dir=path.parent)
    try:
        with os.fdopen(fd, "wb") as fh:
            yield fh, path
        os.replace(tmp, path)
    except BaseException:
        try:
            os.unlink(tmp)
        except FileNotFoundError:
            pass
        raise
