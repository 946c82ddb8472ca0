"""Users and roles, clearance, the audit chain, backup and restore."""
