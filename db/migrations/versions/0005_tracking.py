"""Tracking: deadlines, processing state, answers, office calendar, import memory, saved searches.

Revision ID: 0005
Revises: 0004
"""
from alembic import op
import sqlalchemy as sa

revision = "0005"
down_revision = "0004"
branch_labels = None
depends_on = None

# An incoming entry given a deadline by any path (the form, the CLI, an import), or registered
# Hỏa tốc / Thượng khẩn (due at once by default), gets its tracking row, so the overdue list can
# start from the open rows alone.
_FOLLOWED = ("new.due_date IS NOT NULL OR new.urgency IN ('Hỏa tốc', 'Hỏa tốc hẹn giờ', 'Thượng khẩn')")
_OPEN = ("INSERT OR IGNORE INTO tracking(entry_id, state, rule, updated_by) "
         "SELECT new.id, 'open', '', '' WHERE (SELECT direction FROM book WHERE id = new.book_id) = 'in';")


def upgrade() -> None:
    op.create_table(
        "tracking",
        sa.Column("entry_id", sa.Integer(), nullable=False),
        sa.Column("state", sa.String(length=10), nullable=False),
        sa.Column("done_on", sa.Date(), nullable=True),
        sa.Column("rule", sa.String(length=12), nullable=False),
        sa.Column("days", sa.Integer(), nullable=True),
        sa.Column("updated_at", sa.DateTime(), nullable=True),
        sa.Column("updated_by", sa.String(length=64), nullable=False),
        sa.ForeignKeyConstraint(["entry_id"], ["entry.id"]),
        sa.PrimaryKeyConstraint("entry_id"),
    )
    op.create_index("ix_tracking_state", "tracking", ["state"])
    op.create_table(
        "answer",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("out_entry_id", sa.Integer(), nullable=False),
        sa.Column("in_entry_id", sa.Integer(), nullable=False),
        sa.Column("at", sa.DateTime(), nullable=False),
        sa.Column("user", sa.String(length=64), nullable=False),
        sa.ForeignKeyConstraint(["in_entry_id"], ["entry.id"]),
        sa.ForeignKeyConstraint(["out_entry_id"], ["entry.id"]),
        sa.PrimaryKeyConstraint("id"),
        sa.UniqueConstraint("out_entry_id", "in_entry_id"),
    )
    op.create_index("ix_answer_out_entry_id", "answer", ["out_entry_id"])
    op.create_index("ix_answer_in_entry_id", "answer", ["in_entry_id"])
    op.create_table(
        "calendar_day",
        sa.Column("day", sa.Date(), nullable=False),
        sa.Column("kind", sa.String(length=4), nullable=False),
        sa.Column("note", sa.String(length=200), nullable=False),
        sa.PrimaryKeyConstraint("day"),
    )
    op.create_table(
        "import_heading",
        sa.Column("direction", sa.String(length=3), nullable=False),
        sa.Column("heading", sa.String(length=200), nullable=False),
        sa.Column("field", sa.String(length=40), nullable=False),
        sa.PrimaryKeyConstraint("direction", "heading"),
    )
    op.create_table(
        "import_batch",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("at", sa.DateTime(), nullable=False),
        sa.Column("user", sa.String(length=64), nullable=False),
        sa.Column("book_key", sa.String(length=32), nullable=False),
        sa.Column("source", sa.String(length=500), nullable=False),
        sa.Column("sha256", sa.String(length=64), nullable=False),
        sa.Column("rows", sa.Integer(), nullable=False),
        sa.Column("summary", sa.Text(), nullable=False),
        sa.PrimaryKeyConstraint("id"),
    )
    op.create_table(
        "saved_search",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("book_key", sa.String(length=32), nullable=False),
        sa.Column("name", sa.String(length=100), nullable=False),
        sa.Column("spec", sa.Text(), nullable=False),
        sa.Column("created_at", sa.DateTime(), nullable=False),
        sa.PrimaryKeyConstraint("id"),
        sa.UniqueConstraint("book_key", "name"),
    )
    op.execute(f"CREATE TRIGGER tracking_due_ai AFTER INSERT ON entry WHEN {_FOLLOWED} BEGIN {_OPEN} END")
    op.execute(f"CREATE TRIGGER tracking_due_au AFTER UPDATE OF due_date, urgency ON entry "
               f"WHEN {_FOLLOWED} BEGIN {_OPEN} END")
    op.execute("INSERT INTO tracking(entry_id, state, rule, updated_by) SELECT new.id, 'open', '', '' "
               "FROM entry new JOIN book b ON b.id = new.book_id WHERE b.direction = 'in' "
               f"AND ({_FOLLOWED})")


def downgrade() -> None:
    op.execute("DROP TRIGGER tracking_due_au")
    op.execute("DROP TRIGGER tracking_due_ai")
    for table in ("saved_search", "import_batch", "import_heading", "calendar_day", "answer", "tracking"):
        op.drop_table(table)
