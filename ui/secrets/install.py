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
    return panel
