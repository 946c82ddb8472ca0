"""Printed forms built on a worker into a temporary PDF, shown in the print preview."""
from __future__ import annotations

from ui.print.jobs import BuiltPdf, discard, temp_pdf


def file_plan_job(year: int):
    def run(session, progress, cancelled) -> BuiltPdf:
        from app.archive import forms
        out = temp_pdf(f"danh-muc-ho-so-{year}")
        try:
            r = forms.print_file_plan(session, year, out)
        except BaseException:
            discard(out)
            raise
        return BuiltPdf(out, r.pages, r.entries, f"Danh mục hồ sơ năm {year}")
    return run


def file_index_job(hoso_id: int, code: str, year: int):
    def run(session, progress, cancelled) -> BuiltPdf:
        from app.archive import forms
        out = temp_pdf(f"muc-luc-van-ban-{code}-{year}")
        try:
            r = forms.print_file_index(session, hoso_id, out)
        except BaseException:
            discard(out)
            raise
        return BuiltPdf(out, r.pages, r.entries, f"Mục lục văn bản — hồ sơ {code} năm {year}")
    return run


def kept_list_job(year: int):
    def run(session, progress, cancelled) -> BuiltPdf:
        from app.archive import forms
        out = temp_pdf(f"danh-muc-ho-so-giu-lai-{year}")
        try:
            r = forms.print_kept_list(session, year, None, out)
        except BaseException:
            discard(out)
            raise
        return BuiltPdf(out, r.pages, r.entries, f"Danh mục hồ sơ, tài liệu giữ lại năm {year}")
    return run
