"""PDFium is not thread-safe, not even across documents, and the intake reads two files at a
time on two workers: two files opened at once crashed the program ("malloc(): unsorted double
linked list corrupted", found by clicking through the intake queue). Every call into it goes
through app.pdflock.LOCK; here four threads open, read and draw PDFs at once, in a process of
their own so that a crash fails this test and not the whole run (without the lock it crashed
or failed in about half the runs); and every call the readers make into PDFium, their pages'
and bitmaps' freeing included, is checked to be made holding the lock."""
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]

STRESS = """
import sys, threading
from pathlib import Path
from app.intake import pdftext
from app.intake.ocr import load
files = [Path(p) for p in sys.argv[1:]]
errors = []
def work(k):
    try:
        for n in range(30):
            f = files[(k + n) % len(files)]
            load.page_count(f)
            pdftext.read_page(f)
            next(load.iter_pages(f, dpi=100))
            pdftext.page_texts(f)
    except Exception as exc:
        errors.append(repr(exc))
threads = [threading.Thread(target=work, args=(k,)) for k in range(4)]
for t in threads: t.start()
for t in threads: t.join()
print("errors:", errors)
"""


def _pdf(path: Path, n: int) -> Path:
    from reportlab.pdfbase import pdfmetrics
    from reportlab.pdfbase.ttfonts import TTFont
    from reportlab.pdfgen import canvas

    pdfmetrics.registerFont(TTFont("Serif", "/usr/share/fonts/truetype/liberation2/LiberationSerif-Regular.ttf"))
    c = canvas.Canvas(str(path))
    for page in range(3):
        c.setFont("Serif", 12)
        for i in range(60):
            c.drawString(50, 800 - i * 12, f"Dòng {i} của trang {page}, văn bản thử {n}")
        c.showPage()
    c.save()
    return path


def test_pdfs_read_on_four_threads_at_once_neither_crash_nor_fail(tmp_path):
    files = [str(_pdf(tmp_path / f"t{n}.pdf", n)) for n in range(2)]
    run = subprocess.run([sys.executable, "-c", STRESS, *files], cwd=ROOT, capture_output=True,
                         text=True, timeout=300)
    assert run.returncode == 0, run.stderr[-500:]
    assert run.stdout.strip() == "errors: []"


def test_every_call_into_pdfium_is_made_holding_the_lock(tmp_path, monkeypatch):
    import ctypes
    import gc

    import pypdfium2.raw as pypdfium2_raw

    from app.archive import verify
    from app.intake import pdftext
    from app.intake.ocr import load
    from app.pdflock import LOCK

    unlocked = []

    def guarded(name, fn):
        def call(*args):
            if not LOCK._is_owned():
                unlocked.append(name)
            return fn(*args)
        return call

    for name in dir(pypdfium2_raw):
        if name.startswith("FPDF"):
            fn = getattr(pypdfium2_raw, name)
            if isinstance(fn, ctypes._CFuncPtr):  # the C functions, not the types
                monkeypatch.setattr(pypdfium2_raw, name, guarded(name, fn))
    path = _pdf(tmp_path / "t.pdf", 0)
    assert load.page_count(path) == 3
    assert len(list(load.iter_pages(path, dpi=50))) == 3
    next(load.iter_pages(path, dpi=50))  # a reader that takes the first page alone
    assert load.render_top(path, 0.4, 50).height > 0
    with pdftext.Opened(path) as pdf:
        assert pdf.read() is not None and pdf.draw(0, 100, 0.4).width > 0
    assert all(pdftext.page_texts(path))
    assert verify._pdf_lists(path, ["văn bản thử 0"]) == []
    gc.collect()  # what was left to finalisers would call PDFium now, unlocked
    assert unlocked == []
