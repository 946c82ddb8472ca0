"""Security settings of the workstation (declared once, as in ui/settings.py)."""
from ui.settings import Setting

IDLE_MINUTES = Setting("security/idle_minutes", int, 10)  # 0: never lock on idle
BACKUP_FOLDER = Setting("security/backup_folder", str, "", "data")
BACKUP_KEEP = Setting("security/backup_keep", int, 10, "data")
LAST_AUTO_BACKUP = Setting("security/last_auto_backup", str, "", "data")  # yyyy-mm-dd
LAST_CHECK = Setting("security/last_check", str, "", "data")  # yyyy-mm-dd of the weekly check
SWITCH_TO = Setting("security/switch_to", str, "")  # a restored data folder to open next time
BACKUP_FAILED = Setting("security/backup_failed", str, "", "data")  # why the exit backup failed
