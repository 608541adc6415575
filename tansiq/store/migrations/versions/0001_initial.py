"""The first tables: datasets, statements, search terms, and the append-only audit log.

Revision ID: 0001
Revises:
Create Date: 2026-11-23
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0001"
down_revision = None
branch_labels = None
depends_on = None

TERM = sa.String(255).with_variant(sa.String(255, collation="C"), "postgresql")
REFERENCES_WHERE = sa.text("prop_type = 'entity'")

APPEND_ONLY_SQLITE = """
CREATE TRIGGER audit_events_no_{op} BEFORE {op} ON audit_events
BEGIN SELECT RAISE(ABORT, 'audit_events is append-only'); END
"""
APPEND_ONLY_PG_FUNCTION = """
CREATE FUNCTION audit_events_append_only() RETURNS trigger AS $$
BEGIN RAISE EXCEPTION 'audit_events is append-only'; END $$ LANGUAGE plpgsql
"""
APPEND_ONLY_PG_TRIGGER = """
CREATE TRIGGER audit_events_append_only BEFORE UPDATE OR DELETE OR TRUNCATE ON audit_events
FOR EACH STATEMENT EXECUTE FUNCTION audit_events_append_only()
"""


def _datasets() -> None:
    op.create_table(
        "datasets",
        sa.Column("name", sa.String(255), primary_key=True),
        sa.Column("title", sa.String(1024), nullable=False),
        sa.Column("description", sa.Text, nullable=True),
        sa.Column("tlp", sa.String(32), nullable=False),
        sa.Column("classification", sa.String(64), nullable=True),
        sa.Column("grade", sa.String(2), nullable=False),
        sa.Column("organisation", sa.String(255), nullable=False),
        sa.Column("created_at", sa.String(32), nullable=False),
        sa.Column("updated_at", sa.String(32), nullable=False),
    )


def _statements() -> None:
    op.create_table(
        "statements",
        sa.Column("id", sa.String(40), nullable=False),
        sa.Column("entity_id", sa.String(255), nullable=False),
        sa.Column("schema", sa.String(64), nullable=False),
        sa.Column("prop", sa.String(64), nullable=False),
        sa.Column("prop_type", sa.String(32), nullable=False),
        sa.Column("value", sa.Text, nullable=False),
        sa.Column("original_value", sa.Text, nullable=True),
        sa.Column("lang", sa.String(16), nullable=True),
        sa.Column("dataset", sa.String(255), nullable=False),
        sa.Column("origin", sa.String(1024), nullable=True),
        sa.Column("organisation", sa.String(255), nullable=False),
        sa.Column("tlp", sa.String(32), nullable=False),
        sa.Column("classification", sa.String(64), nullable=True),
        sa.Column("reliability", sa.String(1), nullable=False),
        sa.Column("credibility", sa.Integer, nullable=False),
        sa.Column("first_seen", sa.String(32), nullable=False),
        sa.Column("last_seen", sa.String(32), nullable=False),
        sa.Column("document_id", sa.String(255), nullable=True),
        sa.Column("span_start", sa.Integer, nullable=True),
        sa.Column("span_end", sa.Integer, nullable=True),
        sa.Column("retracted", sa.Boolean, nullable=False, server_default=sa.text("false")),
        sa.PrimaryKeyConstraint("entity_id", "id", name="pk_statements"),
        sqlite_with_rowid=False,
    )
    op.create_index("ix_statements_dataset_entity", "statements", ["dataset", "entity_id"])
    op.create_index(
        "ix_statements_references",
        "statements",
        ["value"],
        sqlite_where=REFERENCES_WHERE,
        postgresql_where=REFERENCES_WHERE,
    )


def _search_terms() -> None:
    op.create_table(
        "search_terms",
        sa.Column("term", TERM, nullable=False),
        sa.Column("entity_id", sa.String(255), nullable=False),
        sa.Column("statement_id", sa.String(40), nullable=False),
        sa.PrimaryKeyConstraint("term", "entity_id", "statement_id", name="pk_search_terms"),
        sqlite_with_rowid=False,
    )


def _audit_events() -> None:
    op.create_table(
        "audit_events",
        sa.Column("seq", sa.Integer, primary_key=True, autoincrement=True),
        sa.Column("timestamp", sa.String(32), nullable=False),
        sa.Column("actor", sa.String(255), nullable=False),
        sa.Column("organisation", sa.String(255), nullable=False),
        sa.Column("action", sa.String(64), nullable=False),
        sa.Column("target", sa.Text, nullable=False),
        sa.Column("details", sa.Text, nullable=False),
        sa.Column("prev_hash", sa.String(64), nullable=False),
        sa.Column("hash", sa.String(64), nullable=False),
    )
    if op.get_bind().dialect.name == "postgresql":
        op.execute(APPEND_ONLY_PG_FUNCTION)
        op.execute(APPEND_ONLY_PG_TRIGGER)
    else:
        op.execute(APPEND_ONLY_SQLITE.format(op="UPDATE"))
        op.execute(APPEND_ONLY_SQLITE.format(op="DELETE"))


def upgrade() -> None:
    _datasets()
    _statements()
    _search_terms()
    _audit_events()


def downgrade() -> None:
    raise NotImplementedError("the first migration cannot be undone; drop the database")
