"""The window's side of security: login and lock, users, events, backup and restore."""
