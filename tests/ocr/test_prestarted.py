"""Tesseract processes started before their picture is ready (engine.Prestarted): they read
what a cold run reads, are used only for their own settings, and none is left behind."""
import glob
import os
import tempfile

import pytest
from PIL import Image, ImageDraw, ImageFont

from app.intake.ocr import engine, errors, read_header
from tests.ocr.conftest import state_doc

FONT = "/usr/share/fonts/truetype/dejavu/DejaVuSans.ttf"


def _line(text: str) -> Image.Image:
    im = Image.new("L", (900, 90), 255)
    font = ImageFont.truetype(FONT, 40) if os.path.exists(FONT) else None
    ImageDraw.Draw(im).text((20, 20), text, fill=0, font=font)
    return im


def _words(out) -> list[str]:
    return [w.text for w in engine.words_from_tsv(out["tsv"])]


def _ours() -> set[str]:
    return set(glob.glob(os.path.join(tempfile.gettempdir(), "vanthu-ocr-*")))


@pytest.fixture(autouse=True)
def _own_temp(tmp_path, monkeypatch):
    """This test's temp folders apart: another reader on the machine (a benchmark) makes and
    removes its own meanwhile."""
    monkeypatch.setattr(tempfile, "tempdir", str(tmp_path))


def test_a_started_process_reads_what_a_cold_run_reads():
    image = _line("Số: 4521/QĐ-UBND")
    cold = engine.run(image, ("tsv",), dpi=200, psm=7)
    ready = engine.Prestarted()
    ready.start(("tsv",), dpi=200, psm=7)
    key = (("tsv",), 200, 7, False, "", engine.LANG)
    waiting = ready._waiting[key][0][0]
    warm = engine.run(image, ("tsv",), dpi=200, psm=7, ready=ready)
    assert waiting.returncode == 0  # that process did the reading, and ended
    assert _words(warm) == _words(cold) and "4521/QĐ-UBND" in _words(warm)
    assert ready.take(key) is None  # each process reads one picture
    ready.close()


def test_a_process_for_other_settings_is_not_used_and_close_ends_it():
    before = _ours()
    ready = engine.Prestarted()
    ready.start(("tsv",), dpi=200, psm=6, only="0123456789")
    (proc, folder), = ready._waiting[(("tsv",), 200, 6, False, "0123456789", engine.LANG)]
    # Other settings (letters allowed): a cold run of its own, the started one left waiting.
    out = engine.run(_line("Số 17"), ("tsv",), dpi=200, psm=7, ready=ready)
    assert "Số" in _words(out)
    assert proc.poll() is None
    ready.close()
    assert proc.poll() is not None and not os.path.exists(folder)
    assert _ours() <= before


def test_a_started_process_that_fails_gives_a_vietnamese_message():
    ready = engine.Prestarted()
    ready.start(("tsv",), dpi=200)
    (proc, _folder), = ready._waiting[(("tsv",), 200, None, False, "", engine.LANG)]
    proc.kill()  # dies before its picture comes (killed by the system, say)
    proc.wait()
    with pytest.raises(errors.OcrError, match="Tesseract"):
        engine.run(_line("Số 17"), ("tsv",), dpi=200, ready=ready)
    ready.close()


def _tesseract_children() -> list[str]:
    """This process's child Tesseracts still running or not yet reaped (Linux's /proc)."""
    found = []
    for stat in glob.glob("/proc/[0-9]*/stat"):
        try:
            text = open(stat).read()
        except OSError:
            continue
        name, rest = text[text.index("(") + 1:text.rindex(")")], text[text.rindex(")") + 2:].split()
        if name == "tesseract" and int(rest[1]) == os.getpid():
            found.append(stat)
    return found


@pytest.mark.skipif(not os.path.isdir("/proc/self"), reason="children counted in Linux's /proc")
def test_reading_a_scan_leaves_no_process_or_folder_behind(page):
    before = _ours()
    path = page(state_doc())
    ready = engine.Prestarted()
    ready.start(("tsv",), dpi=200)
    assert len(_tesseract_children()) == 1  # the check itself sees a waiting process
    ready.close()
    h = read_header(path)
    assert h.number_symbol.value == "123/QĐ-SNV"
    assert _tesseract_children() == []
    assert _ours() <= before
