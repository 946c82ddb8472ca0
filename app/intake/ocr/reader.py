"""The two passes. The header pass reads the top of page 1 with word boxes; the full pass reads
the rest of page 1 and every other page, and stitches the header's PDF back on, so no region is
read twice and the whole intake costs about what one bare Tesseract run of the file costs."""
from __future__ import annotations

import datetime as dt
import io
import os
from concurrent.futures import FIRST_COMPLETED, ThreadPoolExecutor, wait
from dataclasses import dataclass, field, replace
from pathlib import Path
from typing import Callable

from PIL import Image

from app.intake import pdftext, signatures
from app.intake.ocr import engine, errors, evidence, fields, figures, filetitle, load, margin, preprocess
from app.intake.ocr.extract import HANDWRITTEN_NOTE, Field, check_symbol, date_row, extract
from app.intake.ocr.lines import build_lines, dedupe, with_ink

CONFIDENT = 0.80  # fields at or above this are shown as read; the rest are marked for checking
FIELDS = ("regime", "issuer", "number_symbol", "date", "place", "doc_type", "summary", "secrecy",
          "urgency")

Progress = Callable[[int, int], None] | None
Cancelled = Callable[[], bool] | None


def _default_types():
    from app.catalogue import PARTY_TYPES, STATE_TYPES

    return tuple(dict.fromkeys(STATE_TYPES + PARTY_TYPES))


DEFAULT_TYPES = _default_types()


@dataclass(frozen=True)
class HeaderResult:
    regime: Field
    issuer: Field
    number_symbol: Field
    date: Field
    place: Field
    doc_type: Field
    summary: Field
    secrecy: Field
    urgency: Field
    pages: int
    image_size: tuple[int, int]
    # Kept so that the full pass does not read the header region again.
    header_text: str = field(default="", repr=False)
    header_pdfs: tuple = field(default=(), repr=False)  # (pdf, top, bottom) per band read
    cut: int = field(default=0, repr=False)
    page1: object = field(default=None, repr=False, compare=False)  # prepared page 1, PIL image
    source: str = "ocr"  # "text": read from a born-digital page's text layer, no OCR run
    signatures: tuple = ()  # app.intake.signatures.Signature of a PDF, in signing order


@dataclass(frozen=True)
class FullResult:
    text: str
    pdf_bytes: bytes
    pages: int


def _check(cancelled: Cancelled) -> None:
    if cancelled is not None and cancelled():
        raise errors.OcrCancelled()


# Tesseract's LSTM reads a normalised line height, so 200 dpi reads as well as 300 and costs
# about 18 % less; that margin pays for reading page 1 in two passes (header first).
OCR_DPI = int(os.environ.get("VANTHU_OCR_DPI", "200"))
A4_LONG_INCHES = 11.69
A4_SHORT_INCHES = 8.27
HEADER_SHARE = 0.4  # the header pass reads above preprocess.cut_row's band, at most 37 %


def prepare(page, colour: bool = False, sized: Callable[[int], None] | None = None) -> tuple[object, object, float]:
    """The page ready for Tesseract; the same without its coloured ink (stamps, seals, pen) for
    reading the header when `colour` and there is any (else the same image); and the factor
    from their pixels back to the loaded page's. `sized(dpi)` is told the prepared page's
    resolution as soon as it is known."""
    # Gray before anything else: every step after costs a third on gray. Only the header band
    # is read from the clean copy, so only its top is looked at for coloured ink.
    turns = preprocess.quarter_turns(page)
    share = 1.0 if turns else HEADER_SHARE
    page, ink = preprocess.gray_and_colour_ink(page, share) if colour else (page.convert("L"), None)
    if turns:
        page = page.rotate(90 * turns, expand=True)
        if ink:
            ink = ink.rotate(90 * turns, expand=True)
            ink = ink.crop((0, 0, ink.width, round(ink.height * HEADER_SHARE)))
    scale = 1.0
    dpi = max(page.size) / A4_LONG_INCHES  # scans rarely carry a trustworthy dpi tag
    if dpi > OCR_DPI * 1.1:
        scale = dpi / OCR_DPI
        size = (round(page.width / scale), round(page.height / scale))
        page = page.resize(size, Image.Resampling.BILINEAR, reducing_gap=2.0)
    else:
        # Screenshots, phone pictures and header crops (600-800 pixels wide): Tesseract reads
        # letters under about 20 pixels high badly or not at all, so they are enlarged to the
        # working resolution first. By the width too: a header crop is an A4 page's width.
        small = max(page.height / A4_LONG_INCHES, page.width / A4_SHORT_INCHES)
        if small < OCR_DPI * 0.75:
            scale = small / OCR_DPI
            size = (round(page.width / scale), round(page.height / scale))
            page = page.resize(size, Image.Resampling.LANCZOS)
    if sized is not None:
        sized(_page_dpi(page))
    gray, angle = preprocess.deskew(preprocess.grayscale(page))
    if ink is None:
        return gray, gray, scale
    # The ink is taken out of the top alone, turned about the page's centre as the page was.
    top = round(gray.height * HEADER_SHARE)
    ink = ink.resize((gray.width, top), Image.Resampling.NEAREST)
    if angle:
        ink = ink.rotate(angle, center=(gray.width / 2, gray.height / 2))
    clean = gray.copy()
    clean.paste(preprocess.without_ink(gray.crop((0, 0, gray.width, top)), ink))
    return gray, clean, scale


def _page_dpi(gray) -> int:
    return max(72, round(max(gray.height / A4_LONG_INCHES, gray.width / A4_SHORT_INCHES)))


def _scaled(found: dict[str, Field], k: float) -> dict[str, Field]:
    """Boxes in the loaded page's pixels, where the viewer draws them."""
    if k == 1.0:
        return found
    return {key: replace(f, box=tuple(round(v * k) for v in f.box)) if f.box else f
            for key, f in found.items()}


def _parallel(jobs, freed: Callable[[], None] | None = None):
    """Tesseract runs in child processes, so threads read two regions at once on two cores.
    `freed` is called as soon as a core is free: at once for one job, else when the first
    ends (the other may run on for a while)."""
    if len(jobs) == 1:
        if freed is not None:
            freed()
        return [jobs[0]()]
    with ThreadPoolExecutor(max_workers=2) as pool:
        running = [pool.submit(job) for job in jobs]
        if freed is not None:
            wait(running, return_when=FIRST_COMPLETED)
            freed()
        return [r.result() for r in running]


def _header_pass(gray, clean, types, known, lexicon=None, signed_on=None, file_title="",
                 ready: engine.Prestarted | None = None) -> tuple[dict[str, Field], tuple, str, int]:
    """`clean`: the page without its coloured ink (`gray` itself when it has none), which is
    what is read; the stamps' own band is read from `gray`; `signed_on`: the date of the
    file's first digital signature, which bounds a handwritten date; `file_title`: the PDF's own
    title, which may hold a handwritten number as typed (filetitle); `ready`: Tesseract
    processes started early (engine.Prestarted), the figures' looks among them once a core
    is free."""
    coloured = clean is not gray
    # A picture wider than a page is tall is a crop of the header: all of it is read.
    cut = preprocess.cut_row(clean) if gray.height > gray.width * 1.1 else gray.height
    dpi = _page_dpi(gray)
    # The header rows and the title and summary rows under them are read at once, each by its
    # own Tesseract, where a blank row parts them: the fields are on screen in about half the
    # time of one run over the whole band, and no line is read twice.
    split = preprocess.balanced_row(clean, cut)
    bands = [(0, split), (split, cut)] if split else [(0, cut)]
    side = ThreadPoolExecutor(max_workers=1)
    sideways = []

    def freed() -> None:
        # A core is free before the last band is read: the figures' looks load their model,
        # and the margin is looked at for a sideways urgency stamp, needed or not.
        if ready is not None:
            figures.prestart(ready)
        sideways.append(side.submit(margin.urgency, gray, dpi))

    try:
        outs = _parallel([lambda t=t, b=b: engine.run(clean.crop((0, t, clean.width, b)), ("tsv", "pdf"),
                                                      dpi=dpi, textonly=True, ready=ready)
                          for t, b in bands], freed=freed)
    finally:
        side.shutdown(wait=False)
    read = [ln for (t, _b), out in zip(bands, outs)
            for ln in build_lines(engine.words_from_tsv(out["tsv"], dy=t), clean.width)]
    lines = with_ink(sorted(read, key=lambda ln: (ln.top, ln.left)), clean)
    found = extract(lines, types, known, lexicon)
    # A place-date row whose figures alone were not read (a handwritten day) is left to the
    # figures' pass: reading its column again cannot read handwriting.
    date_missing = not found["date"].value and date_row(lines, _top(found["doc_type"])) is None
    if found["regime"].value and (date_missing or not _number_settled(found)):
        # On a colour page, the retry reads the page as scanned: a second, different look.
        found = _retry_columns(gray, cut, lines, found, types, known, lexicon)
    if not (found["secrecy"].value and found["urgency"].value):
        found = _stamp_pass(gray, cut, lines, found)
    # Figures written by hand into the blanks, read from the page with its pen ink.
    read_before = found["number_symbol"]
    found = figures.fill(gray, lines, found, signed_on, clean=clean if coloured else None, ready=ready,
                         file_title=file_title)
    if not found["urgency"].value:
        # An urgency stamp pressed sideways in the left margin, read turned upright.
        hit = sideways[0].result()
        if hit:
            found = {**found, "urgency": Field(hit[0], hit[1])}
    if found["number_symbol"] is not read_before:  # a pen number filled: its symbol as the page pass read it
        found["number_symbol"] = check_symbol(found["number_symbol"], found["doc_type"], types, found["issuer"])
    text = "\n".join(ln.text for ln in lines)
    pieces = tuple((out["pdf"], t, b) for (t, b), out in zip(bands, outs))
    # The bands' PDFs hold their text alone (on a colour page what was read lacks the stamps,
    # and one setting lets their Tesseracts start before the page is loaded): the text layers
    # go over the header as scanned.
    pieces = ((_image_pdf(gray.crop((0, 0, gray.width, cut)), dpi), 0, cut),) + pieces
    return found, pieces, text, cut


def _image_pdf(image, dpi: int) -> bytes:
    buf = io.BytesIO()
    image.save(buf, "PDF", resolution=dpi)
    return buf.getvalue()


def _stamp_pass(gray, cut, lines, found) -> dict[str, Field]:
    """Framed stamps (ô 10a/10b, under the number) are often taken for pictures by Tesseract's
    page layout; the band where they stand is read again alone."""
    # Under the number, or under the V/v line of a công văn (in the left column, where the
    # number is; a summary under the type name is centred on the page, below the stamps).
    anchors = [f.box for f in (found["number_symbol"], found["summary"])
               if f.box and f.box[1] < cut * 0.8 and f.box[0] + f.box[2] / 2 < gray.width / 2]
    if not anchors:
        return found
    top = max(b[1] + b[3] for b in anchors)
    below = [ln.top for ln in lines if ln.top > top + 5 and ln.side == "centre"]
    bottom = min(below + [top + gray.height // 8, cut])
    if bottom - top < 20:
        return found
    band = gray.crop((0, top, gray.width * 55 // 100, bottom))
    # Only when the band holds ink that the page pass did not read as text (a framed stamp
    # taken for a picture): elsewhere this pass would cost a tenth of a second for nothing.
    read_here = [ln for ln in lines if top < ln.top < bottom and ln.side == "left" and ln.letters >= 2]
    if read_here or preprocess.is_blank(band) or preprocess.text_rows(band) < _page_dpi(gray) // 12:
        return found  # nothing there, or only a rule: a stamp's letters are at least 2 mm high
    # Sparse text, in black and white: a framed word alone in a band of specks or paper grain
    # is where a uniform block (psm 6), or the gray band, often reads nothing at all.
    band = band.point(lambda v: 0 if v < 140 else 255)
    out = engine.run(band, ("tsv",), psm=11, dpi=_page_dpi(gray))
    band_lines = build_lines(engine.words_from_tsv(out["tsv"], dy=top), gray.width)
    merged = dict(found)
    for key, table in (("secrecy", fields.SECRECY), ("urgency", fields.URGENCY)):
        if merged[key].value:
            continue
        for ln in band_lines:
            hit = fields.stamp_word(ln.folded, table)
            if hit:
                merged[key] = Field(hit[0], min(ln.conf, hit[1]), ln.box)
                break
    return merged


def _top(f: Field) -> int | None:
    return f.box[1] if f.box else None


def _number_settled(found) -> bool:
    return bool(found["number_symbol"].value) or found["number_symbol"].note == HANDWRITTEN_NOTE


def _retry_columns(gray, cut, lines, found, types, known, lexicon=None) -> dict[str, Field]:
    """Tesseract's page layout sometimes drops an italic date line or merges a stamp into the
    number line; reading one header column alone as a uniform block usually gets it."""
    dpi = _page_dpi(gray)
    boxes = []
    if not found["date"].value:
        boxes.append((gray.width // 2, gray.width))
    if not _number_settled(found):
        boxes.append((0, gray.width * 55 // 100))
    outs = _parallel([lambda a=a, b=b: engine.run(gray.crop((a, 0, b, cut)), ("tsv",), psm=6, dpi=dpi)
                      for a, b in boxes])
    extra = [ln for (a, _b), out in zip(boxes, outs)
             for ln in with_ink(build_lines(engine.words_from_tsv(out["tsv"], dx=a), gray.width), gray)]
    again = extract(dedupe(lines + extra), types, known, lexicon)
    merged = dict(found)
    for key in ("date", "place", "number_symbol", "issuer"):
        if not found[key].value and again[key].value:
            merged[key] = again[key]
    return merged


def _looks_read(found: dict[str, Field]) -> bool:
    return bool(found["regime"].value or found["number_symbol"].value or found["date"].value)


def read_header(path, *, known_issuers=(), doc_types=DEFAULT_TYPES, lexicon=None,
                progress: Progress = None, cancelled: Cancelled = None,
                trust_roots: tuple[bytes, ...] = ()) -> HeaderResult:
    """`lexicon`: the wording that puts back misread tone marks in the summary
    (spelling.with_texts of the office's registered summaries; the built-in one if None);
    `trust_roots`: the root certificates the office imported (DER or PEM), without which a
    digital signature's source is reported unverified."""
    path = Path(path)
    pages = load.page_count(path)
    if pages > load.MAX_PAGES:
        raise errors.too_many_pages(pages, load.MAX_PAGES)
    _check(cancelled)
    signed, file_title = (), ""
    if load.sniff(path) == "pdf":
        signed = signatures.read(path, trust_roots)
        file_title = filetitle.read(path)
        digital = _text_header(path, pages, doc_types, known_issuers, lexicon, signed, file_title)
        if digital is not None:
            if progress:
                progress(1, pages + 1)
            return digital
    ready = engine.Prestarted()
    # The header's two bands (balanced_row) are read at the working resolution, which an A4
    # page has once prepared: their Tesseracts load while the page is loaded and prepared.
    for _ in range(2):
        ready.start(("tsv", "pdf"), dpi=OCR_DPI, textonly=True)
    try:
        first = next(load.iter_pages(path, max_pages=load.MAX_PAGES))
        return _read_scan(first, path, pages, signed, doc_types, known_issuers, lexicon, progress,
                          cancelled, ready, file_title)
    finally:
        ready.close()


def _read_scan(first, path, pages, signed, doc_types, known_issuers, lexicon, progress, cancelled,
               ready, file_title="") -> HeaderResult:
    def sized(dpi: int) -> None:
        if dpi != OCR_DPI:  # not an A4 page: Tesseracts for its own resolution
            for _ in range(2):
                ready.start(("tsv", "pdf"), dpi=dpi, textonly=True)

    gray, clean, k = prepare(first, colour=True, sized=sized)
    if preprocess.is_blank(gray):
        raise errors.blank_page()
    _check(cancelled)
    signed_on = _signed_on(signed)
    found, pdf, text, cut = _header_pass(gray, clean, doc_types, known_issuers, lexicon, signed_on, file_title,
                                         ready)
    if not _looks_read(found):
        # Upside down (fed the wrong way into the scanner): one more try turned round.
        if clean is gray:
            turned = turned_clean = gray.rotate(180)
        else:  # the ink was taken out of the top only: that of the page turned round
            turned, turned_clean, _k = prepare(first.rotate(180), colour=True)
        again = _header_pass(turned, turned_clean, doc_types, known_issuers, lexicon, signed_on, file_title)
        if _looks_read(again[0]):
            found, pdf, text, cut = again
            gray = turned
    if progress:
        progress(1, pages + 1)
    found = evidence.from_signatures(evidence.calibrate_ocr(_scaled(found, k)), signed)
    return HeaderResult(**found, pages=pages,
                        image_size=(round(gray.width * k), round(gray.height * k)),
                        header_text=text, header_pdfs=pdf, cut=cut, page1=gray, signatures=signed)


def _signed_on(signed) -> dt.date | None:
    """The day of the file's first digital signature, which bounds a handwritten date."""
    first = min((s.signed_at for s in signed if s.signed_at), default=None)
    return first.date() if first else None


def _blank_left(found: dict[str, Field]) -> bool:
    """A text layer's number or date blank that nothing has filled yet."""
    return found["number_symbol"].note == HANDWRITTEN_NOTE or not found["date"].value


def _text_header(path, pages, types, known, lexicon, signed, file_title="") -> HeaderResult | None:
    """The header of a born-digital first page from its text layer; None for a scan, or when
    the text layer holds no header (a page of pictures of text), which OCR then reads. The
    file is opened once, for the text and, where a blank needs it, for the blank's rows drawn."""
    from app.intake.ocr.extract import number_line

    try:
        pdf = pdftext.Opened(path)
    except Exception:  # noqa: BLE001 - a file pdfium cannot open is left to the scan path
        return None
    try:
        try:
            page = pdf.read()
        except Exception:  # noqa: BLE001 - a text layer pdfium cannot walk is read as a scan
            return None
        if page is None:
            return None
        lines = pdftext.lines(page)
        found = extract(lines, types, known, lexicon, exact=True)
        if not _looks_read(found):
            return None
        found = evidence.text_layer(found)
        if _blank_left(found):
            # A blank in the text layer: the signing service may have stamped the number or the
            # day there as a picture. Read as a handwritten figure is, and so marked for checking.
            title = found["doc_type"].box
            rows = [ln for ln in (number_line(lines), date_row(lines, title[1] if title else None))
                    if ln is not None]
            top = None
            if rows:
                # Only the rows of the blanks are drawn (figures._band: half a line above the
                # print, less below), with a line's height to spare.
                reach = max(ln.bottom - ln.top for ln in rows)
                try:
                    top = pdf.draw(min(ln.top for ln in rows) - reach, max(ln.bottom for ln in rows) + reach,
                                   HEADER_SHARE)
                except Exception:  # noqa: BLE001 - a page pdfium cannot draw: the blanks stay empty
                    top = None
            if top is not None:
                signed_on = _signed_on(signed)
                # The shapes read printed figures well and cost no Tesseract run (a tenth of a
                # second or more); Tesseract's looks only where they read nothing surely.
                found = figures.fill(top, lines, found, signed_on, inked_only=True, looks=(), file_title=file_title)
                if _blank_left(found):
                    found = figures.fill(top, lines, found, signed_on, inked_only=True,
                                         looks=figures.LOOKS, file_title=file_title)
    finally:
        pdf.close()
    found = evidence.from_signatures(found, signed)
    return HeaderResult(**found, pages=pages, image_size=page.size,
                        header_text="\n".join(ln.text for ln in lines), source="text",
                        signatures=signed)


def _stitch(pieces, size: tuple[int, int], dpi: int) -> bytes:
    """One page from the PDFs of its bands: (pdf, top, bottom) in the page's pixels."""
    from pypdf import PdfReader, PdfWriter, Transformation

    scale = 72 / dpi
    width, height = size[0] * scale, size[1] * scale
    writer = PdfWriter()
    page = writer.add_blank_page(width, height)
    for pdf, _top, bottom in pieces:
        page.merge_transformed_page(PdfReader(io.BytesIO(pdf)).pages[0],
                                    Transformation().translate(0, height - bottom * scale))
    buf = io.BytesIO()
    writer.write(buf)
    return buf.getvalue()


def read_full(path, *, header: HeaderResult | None = None, progress: Progress = None,
              cancelled: Cancelled = None) -> FullResult:
    """Full text of every page and a searchable PDF (Tesseract's own PDF with a text layer)."""
    from pypdf import PdfReader, PdfWriter

    path = Path(path)
    if header is not None and header.source == "text":
        return _read_text_pdf(path, header, progress, cancelled)
    texts, writer, pages = [], PdfWriter(), 0
    reuse = header is not None and header.header_pdfs and header.page1 is not None
    # Page 1 was loaded and prepared by the header pass: it is not decoded again.
    prepared = ((header.page1 if reuse and i == 0 else prepare(p)[0])
                for i, p in enumerate(_pages(path, skip_first=reuse)))
    for i, gray in enumerate(prepared):
        _check(cancelled)
        dpi = _page_dpi(gray)
        if i == 0 and reuse:
            out = engine.run(gray.crop((0, header.cut, gray.width, gray.height)), ("txt", "pdf"), i + 1, dpi=dpi)
            texts.append(header.header_text + "\n" + out["txt"].decode("utf-8"))
            pieces = header.header_pdfs + ((out["pdf"], header.cut, gray.height),)
            pdf = _stitch(pieces, gray.size, dpi)
        else:
            out = engine.run(gray, ("txt", "pdf"), i + 1, dpi=dpi)
            texts.append(out["txt"].decode("utf-8"))
            pdf = out["pdf"]
        writer.append(PdfReader(io.BytesIO(pdf)))
        pages += 1
        if progress:
            progress(i + 2, (header.pages if header else pages) + 1)
    buf = io.BytesIO()
    writer.write(buf)
    return FullResult("\f".join(texts), buf.getvalue(), pages)


def _read_text_pdf(path: Path, header: HeaderResult, progress: Progress, cancelled: Cancelled) -> FullResult:
    """A born-digital PDF is already searchable: its own text, and OCR only for pages that
    are pictures; the file itself is kept as the searchable copy (its signatures stay valid)."""
    texts = []
    layers = pdftext.page_texts(path)
    for i, text in enumerate(layers):
        _check(cancelled)
        if text is None:
            gray = prepare(next(load.iter_pages(path, first=i)).convert("L"))[0]
            text = engine.run(gray, ("txt",), i + 1, dpi=_page_dpi(gray))["txt"].decode("utf-8")
        texts.append(text)
        if progress:
            progress(i + 2, header.pages + 1)
    return FullResult("\f".join(texts), path.read_bytes(), len(texts))


def _pages(path: Path, skip_first: bool):
    if skip_first:
        yield None
        yield from load.iter_pages(path, first=1)
    else:
        yield from load.iter_pages(path)


def ocr_file_json(path, known_issuers=(), doc_types=DEFAULT_TYPES, lexicon=None, trust_roots=()) -> dict:
    """The `vanthu ocr --json` record: every field as a string ('' where absent)."""
    h = read_header(path, known_issuers=known_issuers, doc_types=doc_types, lexicon=lexicon, trust_roots=trust_roots)
    keys = ("issuer", "number_symbol", "date", "doc_type", "summary", "secrecy", "urgency")
    record = {"file": str(path)}
    record.update({k: getattr(h, k).value for k in keys})
    record["pages"] = h.pages
    record["confidence"] = {k: round(getattr(h, k).confidence, 3) for k in keys}
    notes = {k: getattr(h, k).note for k in keys if getattr(h, k).note}
    if notes:
        record["notes"] = notes
    return record


def parse_iso(value: str) -> dt.date | None:
    return dt.date.fromisoformat(value) if value else None
