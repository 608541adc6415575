"""Property: for random statements, markings, releases and readers, no read path of the store
returns a statement the policy forbids, and none that it allows is missing.

The oracle is ``Scope.allows`` (the rule in Python); the store applies ``scope.visible`` (the
same rule in SQL). Readers are random scopes, and also principals resolved by the services from
random organisations, groups and releases.
"""

from __future__ import annotations

import itertools
import uuid

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from tansiq.domain.entities import entity_statements
from tansiq.domain.grading import Grade
from tansiq.domain.markings import TLP, Marking
from tansiq.domain.policy import Scope
from tansiq.domain.statement import Statement, StatementContext
from tansiq.services import Tansiq
from tansiq.store.port import DatasetInfo, SearchQuery

ORGS = ("org-a", "org-b", "org-c")
LEVELS = ("UNCLASSIFIED", "RESTRICTED", "SECRET")
DATASETS = ("d1", "d2", "d3", "d4")
counter = itertools.count()

marking = st.builds(Marking, st.sampled_from(list(TLP)), st.sampled_from((None, *LEVELS)))
record = st.tuples(st.sampled_from(DATASETS), st.sampled_from(ORGS), marking)
scope = st.builds(
    Scope,
    unrestricted=st.just(False),
    organisation=st.sampled_from(ORGS),
    client_of=st.frozensets(st.sampled_from(ORGS), max_size=1),
    amber=st.frozensets(st.sampled_from(DATASETS)),
    strict=st.frozensets(st.sampled_from(DATASETS)),
    red=st.frozensets(st.sampled_from(DATASETS)),
    levels=st.frozensets(st.sampled_from(LEVELS)),
)


def _write(app: Tansiq, records: list[tuple[str, str, Marking]], tag: str) -> list[Statement]:
    written: list[Statement] = []
    for i, (dataset, org, mark) in enumerate(records):
        ctx = StatementContext(f"{tag}-{dataset}", org, mark, Grade.parse("B2"), seen_at="2026")
        data = {"id": f"{tag}-e{i}", "schema": "Person", "properties": {"name": [f"{tag} n{i}"]}}
        written.extend(entity_statements(data, ctx))
    with app.store.transaction() as writer:
        for name in {s.dataset for s in written}:
            writer.put_dataset(
                DatasetInfo(name, name, None, "TLP:CLEAR", None, "B2", "org-z", "", "")
            )
        writer.put_statements(written)
    return written


def _tagged(reader: Scope, tag: str) -> Scope:
    """The scope with dataset names prefixed like the written statements."""

    def names(found: frozenset[str]) -> frozenset[str]:
        return frozenset(f"{tag}-{d}" for d in found)

    return Scope(
        unrestricted=False,
        organisation=reader.organisation,
        client_of=reader.client_of,
        amber=names(reader.amber),
        strict=names(reader.strict),
        red=names(reader.red),
        levels=reader.levels,
    )


@settings(
    max_examples=40,
    deadline=None,
    derandomize=True,
    suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow],
)
@given(records=st.lists(record, min_size=1, max_size=12), reader=scope)
def test_no_read_path_returns_what_the_policy_forbids(
    app: Tansiq, records: list[tuple[str, str, Marking]], reader: Scope
) -> None:
    tag = f"t{next(counter)}{uuid.uuid4().hex[:6]}"
    written = _write(app, records, tag)
    reader = _tagged(reader, tag)
    allowed = {
        s.id
        for s in written
        if reader.allows(s.marking.tlp.value, s.marking.classification, s.organisation, s.dataset)
    }
    datasets = sorted({s.dataset for s in written})
    entity_ids = sorted({s.entity_id for s in written})

    assert {s.id for s in app.store.iter_statements(datasets, reader)} == allowed
    assert {s.id for s in app.store.statements_of(entity_ids, reader)} == allowed

    visible_entities = {s.entity_id for s in written if s.id in allowed}
    page = app.store.search(SearchQuery(text=tag, limit=100), reader)
    assert page.total == len(visible_entities)
    assert {h.entity_id for h in page.hits} == visible_entities

    counts = {d.name: d.statement_count for d in app.store.datasets(reader)}
    for name in datasets:
        expected = sum(1 for s in written if s.dataset == name and s.id in allowed)
        assert counts.get(name, 0) == expected
