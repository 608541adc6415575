from pathlib import Path

import pytest
import sqlalchemy as sa

from tansiq.domain.principal import Principal
from tansiq.services import Tansiq
from tansiq.services.audit import verify
from tansiq.services.exporting import export_entities
from tansiq.services.search import search
from tansiq.store.port import SearchQuery
from tansiq.store.sql.engine import normalise_url
from tests.factories import WORLD, load


def test_imports_searches_and_exports_are_audited(
    app: Tansiq, admin: Principal, tmp_path: Path
) -> None:
    load(app, admin, tmp_path, "watchlist", WORLD)
    search(app, admin, SearchQuery("amina"))
    list(export_entities(app, admin, "watchlist"))
    events = [(s.event.action.value, s.event.target) for s in app.store.audit_events()]
    assert events == [
        ("dataset.create", "watchlist"),
        ("import", "watchlist"),
        ("search", "amina"),
        ("export", "watchlist"),
    ]
    assert verify(app, admin).intact


@pytest.mark.parametrize(
    "sql", ["UPDATE audit_events SET target = 'x'", "DELETE FROM audit_events"]
)
def test_the_audit_table_refuses_changes(
    app: Tansiq, admin: Principal, tmp_path: Path, sql: str
) -> None:
    load(app, admin, tmp_path, "watchlist", WORLD)
    engine = sa.create_engine(normalise_url(app.settings.database_url))
    with pytest.raises(sa.exc.DBAPIError, match="append-only"), engine.begin() as conn:
        conn.exec_driver_sql(sql)
    engine.dispose()
    assert verify(app, admin).events == 2
