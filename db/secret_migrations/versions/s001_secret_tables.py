"""The secret store's own tables: envelopes and terms, transfer book, copies, recall, decisions,
destruction, policies per level, members and their clearance, the hash-chained event log.

Revision ID: s001
Revises: 
"""
from alembic import op
import sqlalchemy as sa


revision = 's001'
down_revision = None
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table('secret_authoriser',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('name', sa.String(length=200), nullable=False),
    sa.Column('title', sa.String(length=200), nullable=False),
    sa.Column('max_level', sa.String(length=20), nullable=False),
    sa.Column('max_copies', sa.Integer(), nullable=False),
    sa.Column('active', sa.Boolean(), nullable=False),
    sa.PrimaryKeyConstraint('id'),
    sa.UniqueConstraint('name')
    )
    op.create_table('secret_copy',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('entry_id', sa.Integer(), nullable=False),
    sa.Column('on', sa.Date(), nullable=False),
    sa.Column('form', sa.String(length=10), nullable=False),
    sa.Column('copies', sa.Integer(), nullable=False),
    sa.Column('first_no', sa.Integer(), nullable=False),
    sa.Column('last_no', sa.Integer(), nullable=False),
    sa.Column('authorised_by', sa.String(length=200), nullable=False),
    sa.Column('done_by', sa.String(length=64), nullable=False),
    sa.Column('receiver', sa.String(length=200), nullable=False),
    sa.Column('note', sa.Text(), nullable=False),
    sa.PrimaryKeyConstraint('id'),
    sa.UniqueConstraint('entry_id', 'first_no')
    )
    with op.batch_alter_table('secret_copy', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_secret_copy_entry_id'), ['entry_id'], unique=False)

    op.create_table('secret_decision',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('entry_id', sa.Integer(), nullable=False),
    sa.Column('kind', sa.String(length=12), nullable=False),
    sa.Column('old_level', sa.String(length=20), nullable=False),
    sa.Column('new_level', sa.String(length=20), nullable=False),
    sa.Column('decision_no', sa.String(length=60), nullable=False),
    sa.Column('decision_date', sa.Date(), nullable=False),
    sa.Column('decided_by', sa.String(length=200), nullable=False),
    sa.Column('until', sa.Date(), nullable=True),
    sa.Column('recorded_by', sa.String(length=64), nullable=False),
    sa.Column('recorded_at', sa.DateTime(), nullable=False),
    sa.PrimaryKeyConstraint('id')
    )
    with op.batch_alter_table('secret_decision', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_secret_decision_entry_id'), ['entry_id'], unique=False)

    op.create_table('secret_destroy_item',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('destruction_id', sa.Integer(), nullable=False),
    sa.Column('entry_id', sa.Integer(), nullable=False),
    sa.PrimaryKeyConstraint('id'),
    sa.UniqueConstraint('destruction_id', 'entry_id')
    )
    with op.batch_alter_table('secret_destroy_item', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_secret_destroy_item_destruction_id'), ['destruction_id'], unique=False)
        batch_op.create_index(batch_op.f('ix_secret_destroy_item_entry_id'), ['entry_id'], unique=False)

    op.create_table('secret_destruction',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('proposed_on', sa.Date(), nullable=False),
    sa.Column('proposed_by', sa.String(length=64), nullable=False),
    sa.Column('reason', sa.Text(), nullable=False),
    sa.Column('decision_no', sa.String(length=60), nullable=False),
    sa.Column('decision_date', sa.Date(), nullable=True),
    sa.Column('decided_by', sa.String(length=200), nullable=False),
    sa.Column('council', sa.Text(), nullable=False),
    sa.Column('destroyed_on', sa.Date(), nullable=True),
    sa.Column('method', sa.String(length=200), nullable=False),
    sa.Column('state', sa.String(length=10), nullable=False),
    sa.PrimaryKeyConstraint('id')
    )
    op.create_table('secret_event',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('at', sa.String(length=26), nullable=False),
    sa.Column('user', sa.String(length=64), nullable=False),
    sa.Column('kind', sa.String(length=40), nullable=False),
    sa.Column('entry_id', sa.Integer(), nullable=True),
    sa.Column('details', sa.Text(), nullable=False),
    sa.Column('prev', sa.String(length=64), nullable=False),
    sa.Column('hash', sa.String(length=64), nullable=False),
    sa.PrimaryKeyConstraint('id'),
    sa.UniqueConstraint('hash')
    )
    with op.batch_alter_table('secret_event', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_secret_event_kind'), ['kind'], unique=False)

    op.create_table('secret_member',
    sa.Column('name', sa.String(length=64), nullable=False),
    sa.Column('role', sa.String(length=10), nullable=False),
    sa.Column('clearance', sa.String(length=10), nullable=False),
    sa.Column('active', sa.Boolean(), nullable=False),
    sa.PrimaryKeyConstraint('name')
    )
    op.create_table('secret_meta',
    sa.Column('entry_id', sa.Integer(), nullable=False),
    sa.Column('envelope', sa.String(length=1), nullable=False),
    sa.Column('named_only', sa.Boolean(), nullable=False),
    sa.Column('named_person', sa.String(length=200), nullable=False),
    sa.Column('copy_no', sa.String(length=20), nullable=False),
    sa.Column('summary_agreed_by', sa.String(length=200), nullable=False),
    sa.Column('level_set_on', sa.Date(), nullable=False),
    sa.Column('protected_until', sa.Date(), nullable=False),
    sa.Column('recall_by', sa.Date(), nullable=True),
    sa.Column('state', sa.String(length=12), nullable=False),
    sa.Column('state_note', sa.Text(), nullable=False),
    sa.PrimaryKeyConstraint('entry_id')
    )
    op.create_table('secret_policy',
    sa.Column('level', sa.String(length=20), nullable=False),
    sa.Column('no_summary', sa.Boolean(), nullable=False),
    sa.Column('scans_allowed', sa.Boolean(), nullable=False),
    sa.Column('term_years', sa.Integer(), nullable=False),
    sa.PrimaryKeyConstraint('level')
    )
    op.create_table('secret_recall',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('person', sa.String(length=200), nullable=False),
    sa.Column('reason', sa.Text(), nullable=False),
    sa.Column('opened_on', sa.Date(), nullable=False),
    sa.Column('opened_by', sa.String(length=64), nullable=False),
    sa.Column('closed_on', sa.Date(), nullable=True),
    sa.PrimaryKeyConstraint('id')
    )
    with op.batch_alter_table('secret_recall', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_secret_recall_person'), ['person'], unique=False)

    op.create_table('secret_transfer',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('entry_id', sa.Integer(), nullable=False),
    sa.Column('copy_id', sa.Integer(), nullable=True),
    sa.Column('on', sa.Date(), nullable=False),
    sa.Column('copies', sa.Integer(), nullable=False),
    sa.Column('receiver', sa.String(length=200), nullable=False),
    sa.Column('unit', sa.String(length=200), nullable=False),
    sa.Column('handed_by', sa.String(length=64), nullable=False),
    sa.Column('note', sa.Text(), nullable=False),
    sa.Column('returned_on', sa.Date(), nullable=True),
    sa.Column('return_note', sa.Text(), nullable=False),
    sa.Column('recall_id', sa.Integer(), nullable=True),
    sa.PrimaryKeyConstraint('id')
    )
    with op.batch_alter_table('secret_transfer', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_secret_transfer_entry_id'), ['entry_id'], unique=False)
        batch_op.create_index(batch_op.f('ix_secret_transfer_recall_id'), ['recall_id'], unique=False)
        batch_op.create_index(batch_op.f('ix_secret_transfer_receiver'), ['receiver'], unique=False)



def downgrade() -> None:
    with op.batch_alter_table('secret_transfer', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_secret_transfer_receiver'))
        batch_op.drop_index(batch_op.f('ix_secret_transfer_recall_id'))
        batch_op.drop_index(batch_op.f('ix_secret_transfer_entry_id'))

    op.drop_table('secret_transfer')
    with op.batch_alter_table('secret_recall', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_secret_recall_person'))

    op.drop_table('secret_recall')
    op.drop_table('secret_policy')
    op.drop_table('secret_meta')
    op.drop_table('secret_member')
    with op.batch_alter_table('secret_event', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_secret_event_kind'))

    op.drop_table('secret_event')
    op.drop_table('secret_destruction')
    with op.batch_alter_table('secret_destroy_item', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_secret_destroy_item_entry_id'))
        batch_op.drop_index(batch_op.f('ix_secret_destroy_item_destruction_id'))

    op.drop_table('secret_destroy_item')
    with op.batch_alter_table('secret_decision', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_secret_decision_entry_id'))

    op.drop_table('secret_decision')
    with op.batch_alter_table('secret_copy', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_secret_copy_entry_id'))

    op.drop_table('secret_copy')
    op.drop_table('secret_authoriser')
