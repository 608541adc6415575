"""Access control: organisations, users, API tokens, web sessions, sharing groups, releases.

Revision ID: 0004
Revises: 0003
Create Date: 2026-11-23
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0004"
down_revision = "0003"
branch_labels = None
depends_on = None


def _accounts() -> None:
    op.create_table(
        "organisations",
        sa.Column("name", sa.String(100), primary_key=True),
        sa.Column("title", sa.String(255), nullable=False),
        sa.Column("kind", sa.String(32), nullable=False),
        sa.Column("client_of", sa.String(100), nullable=True),
        sa.Column("created_at", sa.String(32), nullable=False),
    )
    op.create_table(
        "users",
        sa.Column("id", sa.String(32), primary_key=True),
        sa.Column("email", sa.String(255), nullable=False, unique=True),
        sa.Column("name", sa.String(255), nullable=False),
        sa.Column("organisation", sa.String(100), nullable=False),
        sa.Column("roles", sa.String(255), nullable=False),
        sa.Column("clearance", sa.String(64), nullable=True),
        sa.Column("password_hash", sa.String(255), nullable=True),
        sa.Column("totp_secret", sa.String(64), nullable=True),
        sa.Column("active", sa.Boolean, nullable=False),
        sa.Column("failed_logins", sa.Integer, nullable=False),
        sa.Column("locked_until", sa.String(32), nullable=True),
        sa.Column("created_at", sa.String(32), nullable=False),
    )


def _credentials() -> None:
    op.create_table(
        "api_tokens",
        sa.Column("id", sa.String(32), primary_key=True),
        sa.Column("user_id", sa.String(32), nullable=False, index=True),
        sa.Column("name", sa.String(255), nullable=False),
        sa.Column("secret_hash", sa.String(64), nullable=False),
        sa.Column("scope", sa.String(16), nullable=False),
        sa.Column("created_at", sa.String(32), nullable=False),
        sa.Column("expires_at", sa.String(32), nullable=True),
        sa.Column("revoked_at", sa.String(32), nullable=True),
        sa.Column("last_used_at", sa.String(32), nullable=True),
    )
    op.create_table(
        "login_sessions",
        sa.Column("id", sa.String(64), primary_key=True),
        sa.Column("user_id", sa.String(32), nullable=False),
        sa.Column("csrf", sa.String(64), nullable=False),
        sa.Column("created_at", sa.String(32), nullable=False),
        sa.Column("expires_at", sa.String(32), nullable=False),
        sa.Column("ended_at", sa.String(32), nullable=True),
    )


def _sharing() -> None:
    op.create_table(
        "sharing_groups",
        sa.Column("name", sa.String(100), primary_key=True),
        sa.Column("title", sa.String(255), nullable=False),
        sa.Column("organisation", sa.String(100), nullable=False),
        sa.Column("created_at", sa.String(32), nullable=False),
    )
    op.create_table(
        "group_members",
        sa.Column("group_name", sa.String(100), nullable=False),
        sa.Column("kind", sa.String(16), nullable=False),
        sa.Column("member", sa.String(255), nullable=False),
        sa.PrimaryKeyConstraint("group_name", "kind", "member", name="pk_group_members"),
    )
    op.create_index("ix_group_members_member", "group_members", ["kind", "member"])
    op.create_table(
        "releases",
        sa.Column("id", sa.String(32), primary_key=True),
        sa.Column("dataset", sa.String(255), nullable=False),
        sa.Column("group_name", sa.String(100), nullable=False),
        sa.Column("organisation", sa.String(100), nullable=False),
        sa.Column("requested_by", sa.String(255), nullable=False),
        sa.Column("requested_at", sa.String(32), nullable=False),
        sa.Column("status", sa.String(16), nullable=False),
        sa.Column("decided_by", sa.String(255), nullable=True),
        sa.Column("decided_at", sa.String(32), nullable=True),
        sa.Column("reason", sa.Text, nullable=True),
    )
    op.create_index("ix_releases_group_status", "releases", ["group_name", "status"])


def _version() -> None:
    """One row counting changes to accounts, groups and releases (principal caches check it)."""
    table = op.create_table(
        "identity_version",
        sa.Column("id", sa.Integer, primary_key=True, autoincrement=False),
        sa.Column("version", sa.Integer, nullable=False),
    )
    op.bulk_insert(table, [{"id": 1, "version": 0}])


def upgrade() -> None:
    _accounts()
    _credentials()
    _sharing()
    _version()


def downgrade() -> None:
    for table in (
        "identity_version",
        "releases",
        "group_members",
        "sharing_groups",
        "login_sessions",
        "api_tokens",
        "users",
        "organisations",
    ):
        op.drop_table(table)
