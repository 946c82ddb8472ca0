"""The real documents with hand-checked truth beside the repository (../shared/ocr-real-dev);
tests that read them skip where a fresh clone has no such folder."""
import json
from pathlib import Path

import pytest

REAL = Path(__file__).resolve().parents[3] / "shared" / "ocr-real-dev"
needs_real_set = pytest.mark.skipif(not (REAL / "truth.jsonl").exists(), reason="real set not present")


def truth(name):
    for line in (REAL / "truth.jsonl").read_text(encoding="utf-8").splitlines():
        t = json.loads(line)
        if Path(t["file"]).stem == name:
            return t
    raise KeyError(name)
