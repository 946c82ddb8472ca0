"""A secret book's register view on the encrypted store: the ordinary RegisterTab, fed by a
runner over the secret store, its ids found through app.secrets.books (clearance applied even
to the full-text fast path) and each opening recorded as an audit event."""
from __future__ import annotations

from ui.models.register_model import RegisterModel
from ui.widgets.register_tab import RegisterTab


class SecretRegisterModel(RegisterModel):
    @staticmethod
    def find_ids(session, f) -> list[int]:
        from app.secrets import books

        return books.find(session, f)


class SecretBookTab(RegisterTab):
    def __init__(self, runner, book_key: str, title: str, settings=None, parent=None):
        super().__init__(runner, book_key, title, settings, parent)
        # RegisterTab builds an ordinary model; this one takes its place before anything loads.
        old = self._model
        self._model = SecretRegisterModel(runner, book_key, self)
        self._model._filter = old.filter  # the sort restored from the settings
        self.view.setModel(self._model)
        self._model.count_changed.connect(self.count_changed)
        self._model.failed.connect(self.failed)
        self._model.rows_shown.connect(self._first_rows)
        old.deleteLater()
        self.open_entry.connect(self._audit_open)

    def _audit_open(self, entry_id: int) -> None:
        from app.secrets import events

        self.runner.write(lambda s: events.record(s, "secret_open", entry_id), None, self.failed.emit)
