"""Initial schema: books, entries, numbering sequences, history, attachments, print log.

Revision ID: 0001
Revises:
"""
import sqlalchemy as sa
from alembic import op

revision = "0001"
down_revision = None
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table(
        "book",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("key", sa.String(length=32), nullable=False),
        sa.Column("name", sa.String(length=100), nullable=False),
        sa.Column("direction", sa.String(length=3), nullable=False),
        sa.Column("secret", sa.Boolean(), nullable=False),
        sa.PrimaryKeyConstraint("id"),
        sa.UniqueConstraint("key"),
    )
    op.create_table(
        "doc_type",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("regime", sa.String(length=8), nullable=False),
        sa.Column("name", sa.String(length=100), nullable=False),
        sa.Column("abbr", sa.String(length=16), nullable=False),
        sa.Column("active", sa.Boolean(), nullable=False),
        sa.Column("sort", sa.Integer(), nullable=False),
        sa.PrimaryKeyConstraint("id"),
        sa.UniqueConstraint("regime", "name"),
    )
    op.create_table(
        "print_job",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("at", sa.DateTime(), nullable=False),
        sa.Column("user", sa.String(length=64), nullable=False),
        sa.Column("book_key", sa.String(length=32), nullable=False),
        sa.Column("year", sa.Integer(), nullable=True),
        sa.Column("range_text", sa.String(length=200), nullable=False),
        sa.Column("volume", sa.Integer(), nullable=False),
        sa.Column("pages", sa.Integer(), nullable=False),
        sa.Column("entries", sa.Integer(), nullable=False),
        sa.Column("secret", sa.Boolean(), nullable=False),
        sa.Column("target", sa.String(length=500), nullable=False),
        sa.PrimaryKeyConstraint("id"),
    )
    op.create_table(
        "sequence",
        sa.Column("key", sa.String(length=120), nullable=False),
        sa.Column("last", sa.Integer(), nullable=False),
        sa.PrimaryKeyConstraint("key"),
    )
    op.create_table(
        "setting",
        sa.Column("key", sa.String(length=64), nullable=False),
        sa.Column("value", sa.Text(), nullable=False),
        sa.PrimaryKeyConstraint("key"),
    )
    text_cols = [
        ("void_reason", sa.Text()), ("created_by", sa.String(64)), ("issuer", sa.String(300)),
        ("number_symbol", sa.String(60)), ("doc_type", sa.String(100)), ("type_abbr", sa.String(16)),
        ("summary", sa.Text()), ("recipient_unit", sa.String(300)), ("receiver_sign", sa.String(200)),
        ("urgency", sa.String(20)), ("secrecy", sa.String(20)), ("notes", sa.Text()),
        ("signer_position", sa.String(100)), ("signer_name", sa.String(60)), ("recipients", sa.Text()),
        ("drafting_unit", sa.String(30)), ("language", sa.String(30)), ("progress_note", sa.Text()),
        ("reply_symbol", sa.String(60)), ("file_code", sa.String(70)), ("folded", sa.Text()),
    ]
    op.create_table(
        "entry",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("book_id", sa.Integer(), nullable=False),
        sa.Column("scope", sa.String(length=120), nullable=False),
        sa.Column("year", sa.Integer(), nullable=False),
        sa.Column("number", sa.Integer(), nullable=False),
        sa.Column("status", sa.String(length=10), nullable=False),
        sa.Column("created_at", sa.DateTime(), nullable=False),
        sa.Column("reg_date", sa.Date(), nullable=False),
        sa.Column("received_at", sa.DateTime(), nullable=True),
        sa.Column("doc_date", sa.Date(), nullable=True),
        sa.Column("transfer_date", sa.Date(), nullable=True),
        sa.Column("due_date", sa.Date(), nullable=True),
        sa.Column("pages", sa.Integer(), nullable=True),
        sa.Column("copies", sa.Integer(), nullable=True),
        *[sa.Column(name, type_, nullable=False) for name, type_ in text_cols],
        sa.ForeignKeyConstraint(["book_id"], ["book.id"]),
        sa.PrimaryKeyConstraint("id"),
        sa.UniqueConstraint("scope", "number", name="uq_entry_scope_number"),
    )
    op.create_index("ix_entry_book_date", "entry", ["book_id", "reg_date", "id"])
    op.create_index("ix_entry_book_year_number", "entry", ["book_id", "year", "number"])
    op.create_index("ix_entry_dup", "entry", ["book_id", "number_symbol"])
    op.create_table(
        "attachment",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("entry_id", sa.Integer(), nullable=True),
        sa.Column("sha256", sa.String(length=64), nullable=False),
        sa.Column("original_name", sa.String(length=300), nullable=False),
        sa.Column("stored_path", sa.String(length=500), nullable=False),
        sa.Column("pdf_path", sa.String(length=500), nullable=False),
        sa.Column("pages", sa.Integer(), nullable=False),
        sa.Column("ocr_text", sa.Text(), nullable=False),
        sa.Column("ocr_folded", sa.Text(), nullable=False),
        sa.Column("created_at", sa.DateTime(), nullable=False),
        sa.ForeignKeyConstraint(["entry_id"], ["entry.id"]),
        sa.PrimaryKeyConstraint("id"),
        sa.UniqueConstraint("sha256"),
    )
    op.create_index("ix_attachment_entry_id", "attachment", ["entry_id"])
    op.create_table(
        "entry_change",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("entry_id", sa.Integer(), nullable=False),
        sa.Column("at", sa.DateTime(), nullable=False),
        sa.Column("user", sa.String(length=64), nullable=False),
        sa.Column("field", sa.String(length=40), nullable=False),
        sa.Column("old", sa.Text(), nullable=False),
        sa.Column("new", sa.Text(), nullable=False),
        sa.ForeignKeyConstraint(["entry_id"], ["entry.id"]),
        sa.PrimaryKeyConstraint("id"),
    )
    op.create_index("ix_entry_change_entry_id", "entry_change", ["entry_id"])
    # Full-text index over the folded (unaccented, đ→d) copy; kept in step by triggers.
    op.execute(
        "CREATE VIRTUAL TABLE entry_fts USING fts5(folded, content='entry', content_rowid='id',"
        " tokenize='unicode61', prefix='1 2 3')"
    )
    op.execute(
        "CREATE TRIGGER entry_fts_ai AFTER INSERT ON entry BEGIN "
        "INSERT INTO entry_fts(rowid, folded) VALUES (new.id, new.folded); END"
    )
    op.execute(
        "CREATE TRIGGER entry_fts_au AFTER UPDATE OF folded ON entry BEGIN "
        "INSERT INTO entry_fts(entry_fts, rowid, folded) VALUES ('delete', old.id, old.folded); "
        "INSERT INTO entry_fts(rowid, folded) VALUES (new.id, new.folded); END"
    )


def downgrade() -> None:
    op.execute("DROP TRIGGER entry_fts_au")
    op.execute("DROP TRIGGER entry_fts_ai")
    op.execute("DROP TABLE entry_fts")
    for table in ("entry_change", "attachment", "entry", "setting", "sequence", "print_job",
                  "doc_type", "book"):
        op.drop_table(table)
