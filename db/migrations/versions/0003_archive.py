"""Archive: file plan, hồ sơ, filing, handover batches.

Revision ID: 0003
Revises: 0002
"""
from alembic import op
import sqlalchemy as sa

revision = "0003"
down_revision = "0002"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table(
        "file_plan",
        sa.Column("year", sa.Integer(), nullable=False),
        sa.Column("numbering", sa.String(length=12), nullable=False),
        sa.Column("decision_number", sa.String(length=60), nullable=False),
        sa.Column("decision_date", sa.Date(), nullable=True),
        sa.Column("organ_id", sa.String(length=13), nullable=False),
        sa.Column("period", sa.String(length=8), nullable=False),
        sa.Column("created_at", sa.DateTime(), nullable=False),
        sa.PrimaryKeyConstraint("year"),
    )
    op.create_table(
        "file_heading",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("year", sa.Integer(), nullable=False),
        sa.Column("parent_id", sa.Integer(), nullable=True),
        sa.Column("ordinal", sa.Integer(), nullable=False),
        sa.Column("abbr", sa.String(length=20), nullable=False),
        sa.Column("title", sa.String(length=300), nullable=False),
        sa.ForeignKeyConstraint(["parent_id"], ["file_heading.id"]),
        sa.PrimaryKeyConstraint("id"),
    )
    op.create_index("ix_file_heading_year", "file_heading", ["year", "parent_id", "ordinal"])
    op.create_table(
        "handover",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("code", sa.String(length=40), nullable=False),
        sa.Column("year", sa.Integer(), nullable=False),
        sa.Column("period", sa.String(length=8), nullable=False),
        sa.Column("date_from", sa.Date(), nullable=False),
        sa.Column("date_to", sa.Date(), nullable=False),
        sa.Column("minutes_number", sa.String(length=40), nullable=False),
        sa.Column("state", sa.String(length=12), nullable=False),
        sa.Column("giver_name", sa.String(length=60), nullable=False),
        sa.Column("giver_position", sa.String(length=100), nullable=False),
        sa.Column("receiver_name", sa.String(length=60), nullable=False),
        sa.Column("receiver_position", sa.String(length=100), nullable=False),
        sa.Column("created_at", sa.DateTime(), nullable=False),
        sa.Column("created_by", sa.String(length=64), nullable=False),
        sa.Column("handed_over_on", sa.Date(), nullable=True),
        sa.Column("package_path", sa.String(length=500), nullable=False),
        sa.Column("failure", sa.Text(), nullable=False),
        sa.PrimaryKeyConstraint("id"),
        sa.UniqueConstraint("code"),
    )
    op.create_table(
        "hoso",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("year", sa.Integer(), nullable=False),
        sa.Column("heading_id", sa.Integer(), nullable=True),
        sa.Column("ordinal", sa.Integer(), nullable=False),
        sa.Column("code", sa.String(length=20), nullable=False),
        sa.Column("title", sa.String(length=500), nullable=False),
        sa.Column("retention", sa.String(length=40), nullable=False),
        sa.Column("creator", sa.String(length=60), nullable=False),
        sa.Column("rights", sa.String(length=30), nullable=False),
        sa.Column("language", sa.String(length=30), nullable=False),
        sa.Column("description", sa.Text(), nullable=False),
        sa.Column("in_plan", sa.Boolean(), nullable=False),
        sa.Column("state", sa.String(length=12), nullable=False),
        sa.Column("opened_on", sa.Date(), nullable=False),
        sa.Column("closed_on", sa.Date(), nullable=True),
        sa.Column("start_date", sa.Date(), nullable=True),
        sa.Column("end_date", sa.Date(), nullable=True),
        sa.Column("sheets", sa.Integer(), nullable=True),
        sa.Column("pages", sa.Integer(), nullable=True),
        sa.Column("closing_note", sa.Text(), nullable=False),
        sa.Column("handover_id", sa.Integer(), nullable=True),
        sa.Column("handed_over_on", sa.Date(), nullable=True),
        sa.ForeignKeyConstraint(["heading_id"], ["file_heading.id"]),
        sa.ForeignKeyConstraint(["handover_id"], ["handover.id"]),
        sa.PrimaryKeyConstraint("id"),
        sa.UniqueConstraint("year", "code", name="uq_hoso_year_code"),
    )
    op.create_index("ix_hoso_state", "hoso", ["year", "state"])
    op.create_table(
        "hoso_entry",
        sa.Column("hoso_id", sa.Integer(), nullable=False),
        sa.Column("entry_id", sa.Integer(), nullable=False),
        sa.Column("position", sa.Integer(), nullable=False),
        sa.Column("added_at", sa.DateTime(), nullable=False),
        sa.Column("added_by", sa.String(length=64), nullable=False),
        sa.Column("removed_at", sa.DateTime(), nullable=True),
        sa.ForeignKeyConstraint(["entry_id"], ["entry.id"]),
        sa.ForeignKeyConstraint(["hoso_id"], ["hoso.id"]),
        sa.PrimaryKeyConstraint("hoso_id", "entry_id"),
    )
    op.create_index("ix_hoso_entry_entry", "hoso_entry", ["entry_id"])
    op.create_table(
        "hoso_event",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("hoso_id", sa.Integer(), nullable=False),
        sa.Column("at", sa.DateTime(), nullable=False),
        sa.Column("user", sa.String(length=64), nullable=False),
        sa.Column("action", sa.String(length=30), nullable=False),
        sa.Column("detail", sa.Text(), nullable=False),
        sa.ForeignKeyConstraint(["hoso_id"], ["hoso.id"]),
        sa.PrimaryKeyConstraint("id"),
    )
    op.create_index("ix_hoso_event_hoso_id", "hoso_event", ["hoso_id"])


def downgrade() -> None:
    op.drop_index("ix_hoso_event_hoso_id", "hoso_event")
    op.drop_table("hoso_event")
    op.drop_index("ix_hoso_entry_entry", "hoso_entry")
    op.drop_table("hoso_entry")
    op.drop_index("ix_hoso_state", "hoso")
    op.drop_table("hoso")
    op.drop_table("handover")
    op.drop_index("ix_file_heading_year", "file_heading")
    op.drop_table("file_heading")
    op.drop_table("file_plan")
