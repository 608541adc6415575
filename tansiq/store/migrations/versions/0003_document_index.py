"""Find the statements read from a document (the document reader's highlights).

Revision ID: 0003
Revises: 0002
Create Date: 2026-11-23
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0003"
down_revision = "0002"
branch_labels = None
depends_on = None
WHERE = sa.text("document_id IS NOT NULL")


def upgrade() -> None:
    op.create_index(
        "ix_statements_document",
        "statements",
        ["document_id"],
        sqlite_where=WHERE,
        postgresql_where=WHERE,
    )


def downgrade() -> None:
    op.drop_index("ix_statements_document", "statements")
