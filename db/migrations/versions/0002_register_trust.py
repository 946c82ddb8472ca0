"""Registers: one live số và ký hiệu per book and numbering period, enforced by the schema.

Entries get their numbering period (year for State, term for Party) and, for outgoing books,
the symbol the office issued. Where an earlier version had issued the same symbol twice in a
period (a scheme change mid-year), the first keeps it; each later one is marked in its notes and
history for the clerk to settle, and left out of the index: nothing is renumbered or deleted.

Revision ID: 0002
Revises: 0001
"""
import datetime as dt

import sqlalchemy as sa
from alembic import op

revision = "0002"
down_revision = "0001"
branch_labels = None
depends_on = None

NOTE = "Trùng số và ký hiệu với văn bản #{first} (cấp trùng do đổi cách đánh số); cần xử lý."


def upgrade() -> None:
    with op.batch_alter_table("entry") as batch:
        batch.add_column(sa.Column("period", sa.String(length=40), nullable=False, server_default=""))
        batch.add_column(sa.Column("issued_symbol", sa.String(length=60), nullable=True))
    conn = op.get_bind()
    conn.execute(sa.text(
        "UPDATE entry SET period = CASE WHEN scope LIKE 'party/%' "
        "THEN 'term:' || substr(scope, 7, instr(substr(scope, 7), '/') - 1) "
        "ELSE CAST(year AS TEXT) END"))
    rows = conn.execute(sa.text(
        "SELECT e.id, e.book_id, e.period, e.number_symbol FROM entry e JOIN book b ON b.id = e.book_id "
        "WHERE b.direction = 'out' AND e.number_symbol != '' ORDER BY e.id")).all()
    first: dict = {}
    for entry_id, book_id, period, symbol in rows:
        key = (book_id, period, symbol)
        if key not in first:
            first[key] = entry_id
            conn.execute(sa.text("UPDATE entry SET issued_symbol = :s WHERE id = :i"),
                         {"s": symbol, "i": entry_id})
            continue
        note = NOTE.format(first=first[key])
        conn.execute(sa.text("UPDATE entry SET notes = trim(notes || char(10) || :n) WHERE id = :i"),
                     {"n": note, "i": entry_id})
        conn.execute(sa.text("INSERT INTO entry_change (entry_id, at, user, field, old, new) "
                             "VALUES (:i, :at, 'nâng cấp', 'notes', '', :n)"),
                     {"i": entry_id, "at": dt.datetime.now(), "n": note})
    op.create_index("uq_entry_issued_symbol", "entry", ["book_id", "period", "issued_symbol"],
                    unique=True, sqlite_where=sa.text("issued_symbol IS NOT NULL"))


def downgrade() -> None:
    op.drop_index("uq_entry_issued_symbol", "entry")
    with op.batch_alter_table("entry") as batch:
        batch.drop_column("issued_symbol")
        batch.drop_column("period")
