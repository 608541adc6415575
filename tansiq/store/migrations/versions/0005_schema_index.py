"""Find the statements of a few schemata (events, mentions, articles) without a full scan.

The claims service compares the dates and counts that documents give for the same event; it
reads Event, Mention and Article statements, a sliver of a store filled with watchlists.

Revision ID: 0005
Revises: 0004
Create Date: 2026-12-05
"""

from __future__ import annotations

from alembic import op

revision = "0005"
down_revision = "0004"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_index("ix_statements_schema", "statements", ["schema", "entity_id"])


def downgrade() -> None:
    op.drop_index("ix_statements_schema", "statements")
