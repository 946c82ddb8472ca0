"""Models of the security capability; they share db.models.Base (one schema, one Alembic history)."""
from __future__ import annotations

from db.models import Base  # noqa: F401
