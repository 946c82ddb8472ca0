from alembic import context

from db.models import Base

config = context.config
connection = config.attributes.get("connection")


def run() -> None:
    context.configure(
        connection=connection,
        target_metadata=Base.metadata,
        render_as_batch=True,
        include_name=lambda name, type_, _p: not (type_ == "table" and name.startswith("entry_fts")),
    )
    with context.begin_transaction():
        context.run_migrations()


run()
