"""NĐ 30/2020 Phụ lục VI Phần II metadata (domain.md §4.5), with its element names: the file's
11 fields, an incoming document's 18, an outgoing document's 16. One XML per hồ sơ and the same
as CSV for a spreadsheet. The Files element (where a document's originals and searchable PDFs
lie in the package) is our own addition, so that verify can tell each document is present."""
from __future__ import annotations

import csv
import io
import re
from xml.sax.saxutils import escape

from app.archive.views import FiledDoc
from app.dates import fmt

FILE_FIELDS = ("FileCode", "Title", "Maintenance", "Rights", "Creator", "Language", "StartDate", "EndDate",
               "DocTotal", "PageTotal", "Description")
COMMON = ("FileCode", "DocOrdinal", "TypeName", "CodeNumber", "CodeNotation", "IssuedDate", "OrganName",
          "Subject", "Language", "PageAmount", "Description")
INCOMING = COMMON + ("ArrivalDate", "ArrivalNumber", "SignerInfo", "Priority", "ToPlaces", "TraceHeaderList",
                     "DueDate")
OUTGOING = COMMON + ("SignerInfo", "To", "Priority", "IssuedAmount", "DueDate")
URGENCY = {"": 0, "Khẩn": 1, "Thượng khẩn": 2, "Hỏa tốc": 3}  # Priority, Number(1): 0 = thường
_NUM = re.compile(r"^\s*(\d+)\s*[-/]\s*(.+)$")


def split_symbol(number_symbol: str, number: int | None = None) -> tuple[str, str]:
    """'123/QĐ-UBND' → ('123', 'QĐ-UBND'); Party '1881-QĐ/TU' → ('1881', 'QĐ/TU')."""
    m = _NUM.match(number_symbol or "")
    if m:
        return m.group(1), m.group(2)
    return ("" if number is None else str(number)), (number_symbol or "")


def file_values(h, organ_id: str) -> dict:
    return {"OrganId": organ_id, "FileCatalog": h.year, "FileNotation": h.code, "Title": h.title,
            "Maintenance": h.retention, "Rights": h.rights, "Creator": h.creator, "Language": h.language,
            "StartDate": fmt(h.start_date), "EndDate": fmt(h.end_date), "DocTotal": h.documents,
            "PageTotal": h.pages or 0, "Description": h.description}


def doc_values(d: FiledDoc, entry, organ_id: str, h) -> dict:
    """One document's fields (entry: the register's EntryView)."""
    number, notation = split_symbol(d.number_symbol, d.number if d.book_key.endswith("outgoing") else None)
    v = {"OrganId": organ_id, "FileCatalog": h.year, "FileNotation": h.code, "DocOrdinal": d.position,
         "TypeName": d.doc_type, "CodeNumber": number, "CodeNotation": notation, "IssuedDate": fmt(d.doc_date),
         "OrganName": d.issuer, "Subject": d.summary, "Language": getattr(entry, "language", "") or "Tiếng Việt",
         "PageAmount": d.pages, "Description": entry.notes, "Position": entry.signer_position,
         "FullName": entry.signer_name, "Priority": URGENCY.get(entry.urgency, 0), "DueDate": fmt(entry.due_date)}
    if d.book_key.endswith("incoming"):
        v.update({"ArrivalDate": fmt(entry.received_at), "ArrivalNumber": d.number, "ToPlaces": entry.recipient_unit,
                  "TraceHeaderList": "; ".join(x for x in (entry.recipient_unit and f"Chuyển: {entry.recipient_unit}",
                                                           entry.progress_note) if x)})
    else:
        v.update({"ToOrganId": "", "ToOrganName": "; ".join(x for x in entry.recipients.splitlines() if x),
                  "IssuedAmount": entry.copies or ""})
    return v


def describe(h, organ_id: str, docs: list[tuple[FiledDoc, object, list[str]]]) -> list[tuple[bool, dict]]:
    """docs: (document, its EntryView, its files' paths inside the hồ sơ folder) → (incoming,
    its fields), made once for both the XML and the CSV."""
    out = []
    for d, entry, files in docs:
        v = doc_values(d, entry, organ_id, h)
        incoming = d.book_key.endswith("incoming")
        v["Direction"] = "Đến" if incoming else "Đi"
        v["Files"] = files
        out.append((incoming, v))
    return out


def hoso_xml(h, organ_id: str, docs: list[tuple[bool, dict]]) -> bytes:
    """docs: describe()'s (incoming, fields) of the file's documents. Written out
    directly, indented as ET.indent would: building an ElementTree for a quarter's 5,000
    documents and serialising it was most of the time the export spent on its metadata."""
    out = ["<?xml version='1.0' encoding='utf-8'?>\n<HoSo>\n  <File>"]
    code = _file_code(organ_id, h.year, h.code, "    ")
    fv = file_values(h, organ_id)
    out.append(code)
    out += [_leaf(name, fv[name], "    ") for name in FILE_FIELDS[1:]]
    out.append("\n  </File>")
    if not docs:
        out.append("\n  <Documents />\n</HoSo>\n")
        return "".join(out).encode("utf-8")
    out.append("\n  <Documents>")
    inner = _file_code(organ_id, h.year, h.code, "      ")
    for incoming, v in docs:
        tag = "IncomingDocument" if incoming else "OutgoingDocument"
        out.append(f"\n    <{tag}>")
        for name in INCOMING if incoming else OUTGOING:
            if name == "FileCode":
                out.append(inner)
            elif name == "SignerInfo":
                out.append(f"\n      <SignerInfo>{_leaf('Position', v['Position'], '        ')}"
                           f"{_leaf('FullName', v['FullName'], '        ')}\n      </SignerInfo>")
            elif name == "To":
                out.append(f"\n      <To>{_leaf('OrganId', v['ToOrganId'], '        ')}"
                           f"{_leaf('OrganName', v['ToOrganName'], '        ')}\n      </To>")
            else:
                out.append(_leaf(name, v[name], "      "))
        if v["Files"]:
            out.append("\n      <Files>" + "".join(_leaf("File", p, "        ") for p in v["Files"]) + "\n      </Files>")
        else:
            out.append("\n      <Files />")
        out.append(f"\n    </{tag}>")
    out.append("\n  </Documents>\n</HoSo>\n")
    return "".join(out).encode("utf-8")


def _leaf(name: str, value, pad: str) -> str:
    text = "" if value is None else str(value)
    return f"\n{pad}<{name}>{escape(text)}</{name}>" if text else f"\n{pad}<{name} />"


def _file_code(organ_id: str, year: int, code: str, pad: str) -> str:
    inner = pad + "  "
    return (f"\n{pad}<FileCode>{_leaf('OrganId', organ_id, inner)}{_leaf('FileCatalog', year, inner)}"
            f"{_leaf('FileNotation', code, inner)}\n{pad}</FileCode>")


DOC_CSV = ("OrganId", "FileCatalog", "FileNotation", "DocOrdinal", "Direction", "TypeName", "CodeNumber",
           "CodeNotation", "IssuedDate", "OrganName", "Subject", "Language", "PageAmount", "Description",
           "ArrivalDate", "ArrivalNumber", "Position", "FullName", "ToOrganName", "ToPlaces", "Priority",
           "IssuedAmount", "TraceHeaderList", "DueDate", "Files")
FILE_CSV = ("OrganId", "FileCatalog", "FileNotation") + FILE_FIELDS[1:]


def _csv(header: tuple[str, ...], rows: list[dict]) -> bytes:
    buf = io.StringIO()
    w = csv.DictWriter(buf, fieldnames=header, extrasaction="ignore", lineterminator="\r\n")
    w.writeheader()
    w.writerows(rows)
    return buf.getvalue().encode("utf-8-sig")  # the BOM lets a spreadsheet read the diacritics


def documents_csv(docs: list[tuple[bool, dict]]) -> bytes:
    """docs: describe()'s (incoming, fields) of the file's documents."""
    return _csv(DOC_CSV, [{**v, "Files": " ".join(v["Files"])} for _incoming, v in docs])


def files_csv(files, organ_id: str) -> bytes:
    return _csv(FILE_CSV, [file_values(h, organ_id) for h in files])


KEPT_CSV = FILE_CSV + ("Reason", "KeptUntil", "Approval")  # the last three are our own labels


def kept_csv(kept, organ_id: str) -> bytes:
    """The Danh mục hồ sơ, tài liệu giữ lại as data (keepback.KeptFile rows)."""
    rows = []
    for k in kept:
        v = file_values(k.hoso, organ_id)
        v.update(Reason=k.reason, KeptUntil=fmt(k.until), Approval=k.approval)
        rows.append(v)
    return _csv(KEPT_CSV, rows)
