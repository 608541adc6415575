"""The reads that pages make on every view use an index, not a scan of the statements."""

from sqlalchemy import create_engine, text

from tansiq.domain.policy import Scope
from tansiq.services.claims import SCHEMATA
from tansiq.store.sql.store import statements_query

READER = Scope(unrestricted=False, organisation="local", levels=frozenset({"RESTRICTED"}))


def _plan(database_url: str, sql: str) -> str:
    engine = create_engine(database_url)
    try:
        with engine.connect() as conn:
            if engine.dialect.name == "sqlite":
                rows = conn.execute(text("EXPLAIN QUERY PLAN " + sql)).all()
                return "\n".join(str(row[-1]) for row in rows)
            # an empty table is cheaper to scan: ask whether the index can serve the query
            conn.execute(text("SET enable_seqscan = off"))
            return "\n".join(str(row[0]) for row in conn.execute(text("EXPLAIN " + sql)))
    finally:
        engine.dispose()


def test_the_claims_read_searches_the_schema_index(database_url: str) -> None:
    for scope in (Scope(), READER):
        query = statements_query(None, scope, SCHEMATA)
        sql = str(query.compile(compile_kwargs={"literal_binds": True}))
        assert "ix_statements_schema" in _plan(database_url, sql)
