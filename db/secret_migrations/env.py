from alembic import context

from db.models_secret import SecretBase

config = context.config
connection = config.attributes.get("connection")
OWN = set(SecretBase.metadata.tables)


def run() -> None:
    # This history manages only the secret tables; the ordinary tables in the same file are
    # db/migrations' and are left alone here.
    context.configure(
        connection=connection,
        target_metadata=SecretBase.metadata,
        version_table="secret_alembic_version",
        render_as_batch=True,
        include_name=lambda name, type_, _p: type_ != "table" or name in OWN,
    )
    with context.begin_transaction():
        context.run_migrations()


run()
