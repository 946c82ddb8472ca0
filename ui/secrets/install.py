"""Hooks the secret books into the window: the side panel beside "Văn bản mật đến" for cleared
users; for others the secret tabs are not shown at all (the services refuse them anyway)."""
from __future__ import annotations

from app.catalogue import BOOKS
from app.secrets import airgap


def install_secrets(window, probe=airgap.system_probe):
    with window.store.ReadSession() as s:
        actor = s.info.get("actor")
    if actor is not None and actor.clearance == "none":
        for key, _name, _direction, secret in BOOKS:
            if secret:
                tab = window.register_tab(key)
                window.tabs.setTabVisible(window.tabs.indexOf(tab), False)
        return None
    if actor is None:  # no users yet (first run): nobody is cleared, so no secret panel
        return None
    from ui.secrets.panel import SecretPanel

    panel = SecretPanel(window.store.data_dir, actor, probe, window)
    window.register_tab("secret_incoming").set_side_panel(panel)
    panel.unlocked.connect(lambda sstore: show_secret_books(window, panel, sstore))
    from app.secrets import store as secret_store

    if secret_store.exists(window.store.data_dir):
        # From the OS keyring when it holds the key: the overdue and urgent lists are then on
        # screen at start. Otherwise the panel says why and waits for the password.
        panel.unlock()
    return panel


def show_secret_books(window, panel, sstore) -> None:
    """Once the store is open, the two secret tabs show the encrypted books (same places,
    same titles), read and written through a runner of their own over the secret store."""
    from ui.secrets.book_tab import SecretBookTab
    from ui.tasks import TaskRunner

    runner = TaskRunner(sstore, window)
    window.secret_runner = runner
    runner.register_fn = lambda s, book, draft, **kw: _register(window, s, book, draft, **kw)
    for key, _name, _direction, secret in BOOKS:
        if not secret:
            continue
        old = window.register_tab(key)
        index = window.tabs.indexOf(old)
        tab = SecretBookTab(runner, key, old.title, window.settings, window)
        tab.count_changed.connect(window._update_status)
        tab.failed.connect(window.show_error)
        tab.open_entry.connect(window.actions.open_entry)
        if old.side_panel() is panel:
            tab.set_side_panel(panel)  # moves it: the old tab goes without deleting it
        window.tabs.removeTab(index)
        window.tabs.insertTab(index, tab, old.title)
        window._tabs[key] = tab  # register_tab(key) now answers with the secret book
        old.deleteLater()
    window.tabs.setCurrentIndex(window.tabs.indexOf(window.register_tab("secret_incoming")))

    def selected():
        tab = window.current_tab()
        return tab.current_id() if isinstance(tab, SecretBookTab) else None

    panel.selected_id = selected


def _register(window, session, book_key, draft, **options):
    """The form's registration on a secret book: through app.secrets, and for an outgoing one
    with the plain store's write session nested inside, so that a Party type's numbers are one
    sequence across the two files (app/secrets/shared_numbers.py)."""
    from app.secrets import books

    if book_key != "secret_outgoing":
        return books.register(session, book_key, draft, **options).entry
    with window.store.Session.begin() as plain:
        return books.register(session, book_key, draft, plain=plain, **options).entry
