"""Screening: screenings (jobs), alerts with explanations, decisions, cleared pairs.

Revision ID: 0002
Revises: 0001
Create Date: 2026-11-23
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0002"
down_revision = "0001"
branch_labels = None
depends_on = None


def _screenings() -> None:
    op.create_table(
        "screenings",
        sa.Column("id", sa.String(32), primary_key=True),
        sa.Column("created_at", sa.String(32), nullable=False),
        sa.Column("finished_at", sa.String(32), nullable=True),
        sa.Column("actor", sa.String(255), nullable=False),
        sa.Column("organisation", sa.String(255), nullable=False),
        sa.Column("source", sa.String(1024), nullable=False),
        sa.Column("against", sa.Text, nullable=False),
        sa.Column("traveller_dataset", sa.String(255), nullable=True),
        sa.Column("algorithm", sa.String(64), nullable=False),
        sa.Column("threshold", sa.Float, nullable=False),
        sa.Column("status", sa.String(16), nullable=False),
        sa.Column("total", sa.Integer, nullable=False),
        sa.Column("processed", sa.Integer, nullable=False),
        sa.Column("alert_count", sa.Integer, nullable=False),
        sa.Column("suppressed", sa.Integer, nullable=False),
        sa.Column("problems", sa.Text, nullable=False),
        sa.Column("error", sa.Text, nullable=True),
    )


def _alerts() -> None:
    op.create_table(
        "alerts",
        sa.Column("id", sa.String(32), primary_key=True),
        sa.Column("screening_id", sa.String(32), nullable=False),
        sa.Column("traveller_id", sa.String(255), nullable=False),
        sa.Column("traveller", sa.Text, nullable=False),
        sa.Column("entity_id", sa.String(255), nullable=False),
        sa.Column("score", sa.Float, nullable=False),
        sa.Column("algorithm", sa.String(64), nullable=False),
        sa.Column("explanation", sa.Text, nullable=False),
        sa.Column("fingerprint", sa.String(64), nullable=False),
        sa.Column("tlp", sa.String(32), nullable=False),
        sa.Column("classification", sa.String(64), nullable=True),
        sa.Column("status", sa.String(16), nullable=False),
        sa.Column("created_at", sa.String(32), nullable=False),
        sa.Column("decided_at", sa.String(32), nullable=True),
        sa.Column("decided_by", sa.String(255), nullable=True),
        sa.Column("reason", sa.Text, nullable=True),
    )
    op.create_index("ix_alerts_status_score", "alerts", ["status", "score"])
    op.create_index("ix_alerts_screening", "alerts", ["screening_id"])
    op.create_index("ix_alerts_entity", "alerts", ["entity_id"])
    op.create_index("ix_alerts_traveller", "alerts", ["traveller_id"])
    op.create_index("ix_alerts_fingerprint", "alerts", ["fingerprint"])


def _decisions() -> None:
    op.create_table(
        "decisions",
        sa.Column("seq", sa.Integer, primary_key=True, autoincrement=True),
        sa.Column("alert_id", sa.String(32), nullable=False),
        sa.Column("decision", sa.String(16), nullable=False),
        sa.Column("reason", sa.Text, nullable=False),
        sa.Column("actor", sa.String(255), nullable=False),
        sa.Column("organisation", sa.String(255), nullable=False),
        sa.Column("decided_at", sa.String(32), nullable=False),
    )
    op.create_index("ix_decisions_alert", "decisions", ["alert_id"])
    op.create_table(
        "cleared_pairs",
        sa.Column("fingerprint", sa.String(64), primary_key=True),
        sa.Column("entity_id", sa.String(255), nullable=False),
        sa.Column("alert_id", sa.String(32), nullable=False),
        sa.Column("decided_by", sa.String(255), nullable=False),
        sa.Column("decided_at", sa.String(32), nullable=False),
    )


def upgrade() -> None:
    _screenings()
    _alerts()
    _decisions()


def downgrade() -> None:
    op.drop_table("cleared_pairs")
    op.drop_table("decisions")
    op.drop_table("alerts")
    op.drop_table("screenings")
