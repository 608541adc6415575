"""Fixtures: a real database per test (SQLite, or PostgreSQL with TANSIQ_TEST_DATABASE=postgresql),
the platform opened on it, the ASGI app, and named actors."""

from __future__ import annotations

import os
import shutil
from collections.abc import Iterator
from pathlib import Path

import pytest
import sqlalchemy as sa
from fastapi.testclient import TestClient

from tansiq.domain.principal import Principal
from tansiq.interfaces.app import create_app
from tansiq.services import Tansiq, open_tansiq
from tansiq.settings import Settings
from tansiq.store.migrate import upgrade
from tansiq.store.sql.engine import normalise_url
from tansiq.store.sql.tables import metadata
from tests import personas

BACKEND = os.environ.get("TANSIQ_TEST_DATABASE", "sqlite")
TABLES = tuple(t.name for t in metadata.sorted_tables)


def pytest_report_header() -> str:
    return f"tansiq test database: {BACKEND}"


def _postgres_database(worker_id: str) -> str:
    server = os.environ.get("TANSIQ_TEST_POSTGRES_URL")
    if not server:
        pytest.exit(
            "TANSIQ_TEST_DATABASE=postgresql needs scripts/with-postgres (or "
            "TANSIQ_TEST_POSTGRES_URL)",
            returncode=3,
        )
    name = f"tansiq_test_{worker_id}"
    engine = sa.create_engine(normalise_url(server), isolation_level="AUTOCOMMIT")
    with engine.connect() as conn:
        conn.exec_driver_sql(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)')
        conn.exec_driver_sql(f'CREATE DATABASE "{name}"')
    engine.dispose()
    url = server.rsplit("/", 1)[0] + f"/{name}"
    upgrade(url)
    return url


@pytest.fixture(scope="session")
def migrated_database(tmp_path_factory: pytest.TempPathFactory, worker_id: str) -> str:
    """A migrated SQLite file to copy, or a migrated PostgreSQL database to truncate."""
    if BACKEND == "postgresql":
        return _postgres_database(worker_id)
    path = tmp_path_factory.mktemp("template") / "template.db"
    upgrade(f"sqlite:///{path}")
    return str(path)


def _truncate(url: str) -> None:
    engine = sa.create_engine(normalise_url(url))
    with engine.begin() as conn:
        conn.exec_driver_sql("SET session_replication_role = replica")
        conn.exec_driver_sql(f"TRUNCATE {', '.join(TABLES)} RESTART IDENTITY")
    engine.dispose()


@pytest.fixture
def database_url(migrated_database: str, tmp_path: Path) -> str:
    """An empty, migrated database for one test."""
    if BACKEND == "postgresql":
        _truncate(migrated_database)
        return migrated_database
    target = tmp_path / "tansiq.db"
    shutil.copyfile(migrated_database, target)
    return f"sqlite:///{target}"


@pytest.fixture
def settings(database_url: str, tmp_path: Path) -> Settings:
    return Settings(
        database_url=database_url,
        data_dir=tmp_path / "var",
        environment="test",
        import_batch_size=7,
    )


@pytest.fixture
def app(settings: Settings) -> Iterator[Tansiq]:
    platform = open_tansiq(settings)
    yield platform
    platform.close()


@pytest.fixture
def admin(app: Tansiq) -> Principal:
    """The built-in local administrator of the test deployment."""
    return app.local_admin()


@pytest.fixture
def operator(app: Tansiq, settings: Settings) -> Principal:
    """A user of the operator's organisation with every role and the top clearance."""
    roles = ("analyst", "supervisor", "administrator", "auditor")
    top = settings.classification_ladder[-1]
    return personas.user(app, "officer@local.test", settings.organisation, *roles, clearance=top)


@pytest.fixture
def anonymous(settings: Settings) -> Iterator[TestClient]:
    """HTTP through the real ASGI app, signed in as nobody."""
    with TestClient(create_app(settings), raise_server_exceptions=False) as http:
        yield http


@pytest.fixture
def client(anonymous: TestClient, app: Tansiq, operator: Principal) -> TestClient:
    """HTTP through the real ASGI app, signed in (web) and with a token (API) as ``operator``."""
    return personas.authenticated(anonymous, app, operator.id)
