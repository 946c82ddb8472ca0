"""Running Tesseract: language `vie` only (adding `eng` turns QĐ into QD), one thread per
process (OMP_THREAD_LIMIT=1; on two cores Tesseract's own threads make a page 2.4× slower),
a timeout per call, and several outputs from one run so no region is read twice."""
from __future__ import annotations

import csv
import io
import os
import shutil
import subprocess
import tempfile
import threading
import unicodedata
from dataclasses import dataclass
from pathlib import Path

import pytesseract
from PIL import Image

from app.intake.ocr import errors

os.environ["OMP_THREAD_LIMIT"] = "1"
LANG = "vie"
DPI = 300
PAGE_TIMEOUT_S = 60


@dataclass(frozen=True)
class Word:
    text: str
    conf: float  # 0..100
    left: int
    top: int
    width: int
    height: int
    block: int
    par: int
    line: int


def _config(outputs: tuple[str, ...], dpi: int, psm: int | None, textonly: bool, only: str) -> list[str]:
    config = [f"--dpi {dpi}"] + [f"-c tessedit_create_{o}=1" for o in outputs]
    if textonly:
        config.append("-c textonly_pdf=1")
    if psm is not None:
        config.append(f"--psm {psm}")
    if only:  # the characters allowed (figures alone, for a handwritten number or day)
        config.append(f"-c tessedit_char_whitelist={only}")
    return config


def _settings(outputs, dpi, psm, textonly, only, lang) -> tuple:
    """What a started process must have been started with to serve a run."""
    return (tuple(outputs), dpi, psm, textonly, only, lang)


class Prestarted:
    """Tesseract processes started before their picture is ready, each waiting on its standard
    input. Loading the model is about 0.07 s of every run; started while the page is still
    being prepared, or while one core is idle, that time is off the clerk's wait. pytesseract
    only runs Tesseract on a file that exists, hence these few lines. A run takes a waiting
    process made for exactly its settings, or starts one as usual; `close` ends the rest."""

    def __init__(self) -> None:
        self._waiting: dict[tuple, list] = {}
        self._lock = threading.Lock()

    def start(self, outputs: tuple[str, ...], dpi: int = DPI, psm: int | None = None,
              textonly: bool = False, only: str = "", lang: str = LANG) -> None:
        key = _settings(outputs, dpi, psm, textonly, only, lang)
        tmp = tempfile.mkdtemp(prefix="vanthu-ocr-")
        base = str(Path(tmp) / "out")
        args = [pytesseract.pytesseract.tesseract_cmd, "stdin", base, "-l", lang]
        args += " ".join(_config(outputs, dpi, psm, textonly, only)).split()
        try:
            proc = subprocess.Popen(args, **pytesseract.pytesseract.subprocess_args(include_stdout=False))
        except OSError:  # no Tesseract: the ordinary run says so in Vietnamese
            shutil.rmtree(tmp, ignore_errors=True)
            return
        with self._lock:
            self._waiting.setdefault(key, []).append((proc, tmp))

    def take(self, key: tuple):
        with self._lock:
            waiting = self._waiting.get(key)
            return waiting.pop() if waiting else None

    def close(self) -> None:
        with self._lock:
            left = [w for ws in self._waiting.values() for w in ws]
            self._waiting.clear()
        for proc, tmp in left:
            proc.kill()
            proc.communicate()
            shutil.rmtree(tmp, ignore_errors=True)


def _run_started(started, image: Image.Image, outputs: tuple[str, ...], page_no: int) -> dict[str, bytes]:
    proc, tmp = started
    buf = io.BytesIO()
    image.convert("L").save(buf, "PPM")  # raw gray, as the ordinary run writes it
    try:
        try:
            _out, err = proc.communicate(buf.getvalue(), timeout=PAGE_TIMEOUT_S)
        except subprocess.TimeoutExpired:
            proc.kill()
            proc.communicate()
            raise errors.timed_out(page_no) from None
        if proc.returncode:
            raise errors.unreadable(page_no)
        return {o: (Path(tmp) / f"out.{o}").read_bytes() for o in outputs}
    finally:
        shutil.rmtree(tmp, ignore_errors=True)


def run(image: Image.Image, outputs: tuple[str, ...], page_no: int = 1, dpi: int = DPI,
        psm: int | None = None, textonly: bool = False, only: str = "", lang: str = LANG,
        ready: Prestarted | None = None) -> dict[str, bytes]:
    """One Tesseract run on `image`, returning the requested outputs ('tsv', 'txt', 'pdf');
    `textonly`: the PDF holds the text layer alone, to be laid over another image; `lang`
    other than `vie` only for figures (a second, differently trained look at a digit);
    `ready`: where a process started for these settings may be waiting."""
    started = ready.take(_settings(outputs, dpi, psm, textonly, only, lang)) if ready else None
    if started is not None:
        return _run_started(started, image, outputs, page_no)
    config = _config(outputs, dpi, psm, textonly, only)
    with tempfile.TemporaryDirectory(prefix="vanthu-ocr-") as tmp:
        src = Path(tmp) / "page.pgm"  # raw gray: written and read far faster than PNG
        image.convert("L").save(src)
        base = str(Path(tmp) / "out")
        try:
            pytesseract.pytesseract.run_tesseract(str(src), base, extension="", lang=lang,
                                                  config=" ".join(config), timeout=PAGE_TIMEOUT_S)
        except pytesseract.TesseractNotFoundError:
            raise errors.tesseract_missing() from None
        except RuntimeError as exc:  # pytesseract's "Tesseract process timeout"
            if "timeout" in str(exc).lower():
                raise errors.timed_out(page_no) from None
            raise errors.OcrError("Tesseract dừng bất thường khi đọc trang "
                                  f"{page_no}; hãy thử lại hoặc quét lại trang.") from None
        except pytesseract.TesseractError:
            raise errors.unreadable(page_no) from None
        return {o: (Path(tmp) / f"out.{o}").read_bytes() for o in outputs}


def words_from_tsv(tsv: bytes, dx: int = 0, dy: int = 0) -> list[Word]:
    out = []
    reader = csv.DictReader(io.StringIO(tsv.decode("utf-8")), delimiter="\t", quoting=csv.QUOTE_NONE)
    for r in reader:
        # Tesseract's vie model often reads Đ as "ĐÐ" or as the Icelandic Ð.
        text = unicodedata.normalize("NFC", (r.get("text") or "").strip())
        text = text.replace("ĐÐ", "Đ").replace("Ð", "Đ").replace("đð", "đ").replace("ð", "đ")
        if r.get("level") != "5" or not text:
            continue
        out.append(Word(text, float(r["conf"]), int(r["left"]) + dx, int(r["top"]) + dy, int(r["width"]),
                        int(r["height"]), int(r["block_num"]), int(r["par_num"]), int(r["line_num"])))
    return out


def bare_seconds(path: Path) -> float:
    """Time of a bare `tesseract FILE - -l vie` run, for the benchmark's comparison."""
    import subprocess
    import time

    started = time.perf_counter()
    subprocess.run([pytesseract.pytesseract.tesseract_cmd, str(path), "-", "-l", LANG],
                   capture_output=True, env={**os.environ, "OMP_THREAD_LIMIT": "1"}, check=False)
    return time.perf_counter() - started
