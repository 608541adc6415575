"""Table definitions; Alembic migrations under tansiq/store/migrations create them."""

from __future__ import annotations

from sqlalchemy import (
    Boolean,
    Column,
    Float,
    Index,
    Integer,
    MetaData,
    PrimaryKeyConstraint,
    String,
    Table,
    Text,
    text,
)

metadata = MetaData()

datasets = Table(
    "datasets",
    metadata,
    Column("name", String(255), primary_key=True),
    Column("title", String(1024), nullable=False),
    Column("description", Text, nullable=True),
    Column("tlp", String(32), nullable=False),
    Column("classification", String(64), nullable=True),
    Column("grade", String(2), nullable=False),
    Column("organisation", String(255), nullable=False),
    Column("created_at", String(32), nullable=False),
    Column("updated_at", String(32), nullable=False),
)

statements = Table(
    "statements",
    metadata,
    Column("id", String(40), primary_key=True),
    Column("entity_id", String(255), primary_key=True),
    Column("schema", String(64), nullable=False),
    Column("prop", String(64), nullable=False),
    Column("prop_type", String(32), nullable=False),
    Column("value", Text, nullable=False),
    Column("original_value", Text, nullable=True),
    Column("lang", String(16), nullable=True),
    Column("dataset", String(255), nullable=False),
    Column("origin", String(1024), nullable=True),
    Column("organisation", String(255), nullable=False),
    Column("tlp", String(32), nullable=False),
    Column("classification", String(64), nullable=True),
    Column("reliability", String(1), nullable=False),
    Column("credibility", Integer, nullable=False),
    Column("first_seen", String(32), nullable=False),
    Column("last_seen", String(32), nullable=False),
    Column("document_id", String(255), nullable=True),
    Column("span_start", Integer, nullable=True),
    Column("span_end", Integer, nullable=True),
    Column("retracted", Boolean, nullable=False, server_default=text("false")),
    PrimaryKeyConstraint("entity_id", "id", name="pk_statements"),
    Index("ix_statements_dataset_entity", "dataset", "entity_id"),
    Index("ix_statements_schema", "schema", "entity_id"),
    Index(
        "ix_statements_document",
        "document_id",
        sqlite_where=text("document_id IS NOT NULL"),
        postgresql_where=text("document_id IS NOT NULL"),
    ),
    Index(
        "ix_statements_references",
        "value",
        sqlite_where=text("prop_type = 'entity'"),
        postgresql_where=text("prop_type = 'entity'"),
    ),
    sqlite_with_rowid=False,
)

search_terms = Table(
    "search_terms",
    metadata,
    Column("term", String(255).with_variant(String(255, collation="C"), "postgresql")),
    Column("entity_id", String(255), nullable=False),
    Column("statement_id", String(40), nullable=False),
    PrimaryKeyConstraint("term", "entity_id", "statement_id", name="pk_search_terms"),
    sqlite_with_rowid=False,
)

audit_events = Table(
    "audit_events",
    metadata,
    Column("seq", Integer, primary_key=True, autoincrement=True),
    Column("timestamp", String(32), nullable=False),
    Column("actor", String(255), nullable=False),
    Column("organisation", String(255), nullable=False),
    Column("action", String(64), nullable=False),
    Column("target", Text, nullable=False),
    Column("details", Text, nullable=False),
    Column("prev_hash", String(64), nullable=False),
    Column("hash", String(64), nullable=False),
)

screenings = Table(
    "screenings",
    metadata,
    Column("id", String(32), primary_key=True),
    Column("created_at", String(32), nullable=False),
    Column("finished_at", String(32), nullable=True),
    Column("actor", String(255), nullable=False),
    Column("organisation", String(255), nullable=False),
    Column("source", String(1024), nullable=False),
    Column("against", Text, nullable=False),
    Column("traveller_dataset", String(255), nullable=True),
    Column("algorithm", String(64), nullable=False),
    Column("threshold", Float, nullable=False),
    Column("status", String(16), nullable=False),
    Column("total", Integer, nullable=False),
    Column("processed", Integer, nullable=False),
    Column("alert_count", Integer, nullable=False),
    Column("suppressed", Integer, nullable=False),
    Column("problems", Text, nullable=False),
    Column("error", Text, nullable=True),
)

alerts = Table(
    "alerts",
    metadata,
    Column("id", String(32), primary_key=True),
    Column("screening_id", String(32), nullable=False),
    Column("traveller_id", String(255), nullable=False),
    Column("traveller", Text, nullable=False),
    Column("entity_id", String(255), nullable=False),
    Column("score", Float, nullable=False),
    Column("algorithm", String(64), nullable=False),
    Column("explanation", Text, nullable=False),
    Column("fingerprint", String(64), nullable=False),
    Column("tlp", String(32), nullable=False),
    Column("classification", String(64), nullable=True),
    Column("status", String(16), nullable=False),
    Column("created_at", String(32), nullable=False),
    Column("decided_at", String(32), nullable=True),
    Column("decided_by", String(255), nullable=True),
    Column("reason", Text, nullable=True),
    Index("ix_alerts_status_score", "status", "score"),
    Index("ix_alerts_screening", "screening_id"),
    Index("ix_alerts_entity", "entity_id"),
    Index("ix_alerts_traveller", "traveller_id"),
    Index("ix_alerts_fingerprint", "fingerprint"),
)

decisions = Table(
    "decisions",
    metadata,
    Column("seq", Integer, primary_key=True, autoincrement=True),
    Column("alert_id", String(32), nullable=False),
    Column("decision", String(16), nullable=False),
    Column("reason", Text, nullable=False),
    Column("actor", String(255), nullable=False),
    Column("organisation", String(255), nullable=False),
    Column("decided_at", String(32), nullable=False),
    Index("ix_decisions_alert", "alert_id"),
)

cleared_pairs = Table(
    "cleared_pairs",
    metadata,
    Column("fingerprint", String(64), primary_key=True),
    Column("entity_id", String(255), nullable=False),
    Column("alert_id", String(32), nullable=False),
    Column("decided_by", String(255), nullable=False),
    Column("decided_at", String(32), nullable=False),
)

organisations = Table(
    "organisations",
    metadata,
    Column("name", String(100), primary_key=True),
    Column("title", String(255), nullable=False),
    Column("kind", String(32), nullable=False),
    Column("client_of", String(100), nullable=True),
    Column("created_at", String(32), nullable=False),
)

users = Table(
    "users",
    metadata,
    Column("id", String(32), primary_key=True),
    Column("email", String(255), nullable=False, unique=True),
    Column("name", String(255), nullable=False),
    Column("organisation", String(100), nullable=False),
    Column("roles", String(255), nullable=False),
    Column("clearance", String(64), nullable=True),
    Column("password_hash", String(255), nullable=True),
    Column("totp_secret", String(64), nullable=True),
    Column("active", Boolean, nullable=False),
    Column("failed_logins", Integer, nullable=False),
    Column("locked_until", String(32), nullable=True),
    Column("created_at", String(32), nullable=False),
)

api_tokens = Table(
    "api_tokens",
    metadata,
    Column("id", String(32), primary_key=True),
    Column("user_id", String(32), nullable=False, index=True),
    Column("name", String(255), nullable=False),
    Column("secret_hash", String(64), nullable=False),
    Column("scope", String(16), nullable=False),
    Column("created_at", String(32), nullable=False),
    Column("expires_at", String(32), nullable=True),
    Column("revoked_at", String(32), nullable=True),
    Column("last_used_at", String(32), nullable=True),
)

login_sessions = Table(
    "login_sessions",
    metadata,
    Column("id", String(64), primary_key=True),
    Column("user_id", String(32), nullable=False),
    Column("csrf", String(64), nullable=False),
    Column("created_at", String(32), nullable=False),
    Column("expires_at", String(32), nullable=False),
    Column("ended_at", String(32), nullable=True),
)

sharing_groups = Table(
    "sharing_groups",
    metadata,
    Column("name", String(100), primary_key=True),
    Column("title", String(255), nullable=False),
    Column("organisation", String(100), nullable=False),
    Column("created_at", String(32), nullable=False),
)

group_members = Table(
    "group_members",
    metadata,
    Column("group_name", String(100), nullable=False),
    Column("kind", String(16), nullable=False),
    Column("member", String(255), nullable=False),
    PrimaryKeyConstraint("group_name", "kind", "member", name="pk_group_members"),
    Index("ix_group_members_member", "kind", "member"),
)

releases = Table(
    "releases",
    metadata,
    Column("id", String(32), primary_key=True),
    Column("dataset", String(255), nullable=False),
    Column("group_name", String(100), nullable=False),
    Column("organisation", String(100), nullable=False),
    Column("requested_by", String(255), nullable=False),
    Column("requested_at", String(32), nullable=False),
    Column("status", String(16), nullable=False),
    Column("decided_by", String(255), nullable=True),
    Column("decided_at", String(32), nullable=True),
    Column("reason", Text, nullable=True),
    Index("ix_releases_group_status", "group_name", "status"),
)

identity_version = Table(
    "identity_version",
    metadata,
    Column("id", Integer, primary_key=True, autoincrement=False),
    Column("version", Integer, nullable=False),
)
