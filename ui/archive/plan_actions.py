"""The year's file plan from the menu: start it from last year's, add a heading, record the
approving decision and the handover period. Small questions, so plain input dialogs."""
from __future__ import annotations

from PySide6.QtWidgets import QInputDialog, QMessageBox

from app.archive import plan
from app.archive.rules import PERIOD_NAMES
from app.registers.views import Changes


def _failed(parent):
    return lambda exc: QMessageBox.warning(parent, parent.tr("Danh mục hồ sơ"), getattr(exc, "message", str(exc)))


def copy_from_last_year(parent, runner, year: int) -> None:
    answer = QMessageBox.question(parent, parent.tr("Danh mục hồ sơ"),
                                  parent.tr("Lập danh mục hồ sơ năm %d theo danh mục năm %d (cùng đề mục, "
                                            "số ký hiệu, tiêu đề, thời hạn bảo quản)?") % (year, year - 1))
    if answer == QMessageBox.StandardButton.Yes:
        runner.write(lambda s: plan.copy_plan(s, year, year - 1), None, _failed(parent), changes=Changes("archive"))


def add_heading(parent, runner, year: int) -> None:
    def ask(heads) -> None:
        tops = [h for h in heads if h.parent_id is None]
        choices = [parent.tr("(đề mục lớn mới)")] + [f"{h.label}. {h.title}" for h in tops]
        where, ok = QInputDialog.getItem(parent, parent.tr("Thêm đề mục"), parent.tr("Thuộc:"), choices, 0, False)
        if not ok:
            return
        top = tops[choices.index(where) - 1] if choices.index(where) else None
        title, ok = QInputDialog.getText(parent, parent.tr("Thêm đề mục"), parent.tr("Tên đề mục:"))
        if not ok:
            return
        abbr = ""
        if top is None:
            abbr, ok = QInputDialog.getText(parent, parent.tr("Thêm đề mục"),
                                            parent.tr("Chữ viết tắt (dùng trong số ký hiệu hồ sơ, ví dụ TCCB):"))
            if not ok:
                return
        runner.write(lambda s: plan.add_heading(s, year, title, abbr, top.id if top else None), None,
                     _failed(parent), changes=Changes("archive"))
    runner.query(lambda s: plan.headings(s, year), ask)


def edit_decision(parent, runner, year: int) -> None:
    def ask(p) -> None:
        number, ok = QInputDialog.getText(parent, parent.tr("Danh mục hồ sơ năm %d") % year,
                                          parent.tr("Số quyết định ban hành danh mục:"), text=p.decision_number)
        if not ok:
            return
        date, ok = QInputDialog.getText(parent, parent.tr("Danh mục hồ sơ năm %d") % year,
                                        parent.tr("Ngày quyết định (dd/mm/yyyy):"),
                                        text=p.decision_date.strftime("%d/%m/%Y") if p.decision_date else "")
        if not ok:
            return
        periods = list(PERIOD_NAMES)
        kind, ok = QInputDialog.getItem(parent, parent.tr("Danh mục hồ sơ năm %d") % year,
                                        parent.tr("Nộp lưu theo:"), [PERIOD_NAMES[k] for k in periods],
                                        periods.index(p.period), False)
        if not ok:
            return
        period = periods[[PERIOD_NAMES[k] for k in periods].index(kind)]
        runner.write(lambda s: plan.set_plan(s, year, decision_number=number, decision_date=date, period=period),
                     None, _failed(parent), changes=Changes("archive"))
    runner.query(lambda s: _plan_of(s, year), ask)


def _plan_of(session, year: int):
    from app.archive.views import PlanView
    from db.models_archive import FilePlan

    p = session.get(FilePlan, year)  # a read: no plan row is made just by asking
    if p is None:
        return PlanView(year, "continuous", "", None, "", "quarter")
    return plan._plan_view(p)
