"""The SHA-256 of a scan's searchable PDF as it was written (issue 10: the handover manifest
takes it, as it takes the original's, and the check after writing compares the copy with it).

Revision ID: 0007
Revises: 0006
"""
from alembic import op
import sqlalchemy as sa

revision = "0007"
down_revision = "0006"
branch_labels = None
depends_on = None


def upgrade() -> None:
    with op.batch_alter_table("attachment") as t:
        t.add_column(sa.Column("pdf_sha256", sa.String(length=64), nullable=False, server_default=""))


def downgrade() -> None:
    with op.batch_alter_table("attachment") as t:
        t.drop_column("pdf_sha256")
