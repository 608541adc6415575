"""Names spelt another way than the store's are linked to the known entity, with the evidence."""

from pathlib import Path

import pytest

from tansiq.domain.policy import Scope
from tansiq.domain.principal import Principal
from tansiq.services import Tansiq
from tansiq.services.entities import get_entity
from tansiq.services.ingest import IngestOptions, ingest
from tests.factories import WORLD, e, load

VARIANT = (
    "Border police arrested Amina Tidranee at the port on Monday, officials said. "
    "Police also questioned Yasin Oumezrou, who was released.\n"
)


@pytest.fixture
def known(app: Tansiq, admin: Principal, tmp_path: Path) -> None:
    load(app, admin, tmp_path, "watchlist", WORLD)


def _statements(app: Tansiq, admin: Principal, text: str) -> list:
    files = [("variant.txt", text.encode())]
    [done] = ingest(app, admin, files, IngestOptions("reports", "TLP:GREEN", None, "C3")).files
    assert done.status == "ingested"
    return app.store.read_from(done.document_id, Scope())


def _resolved(statements: list) -> dict[str, str]:
    names = {s.entity_id: s.value for s in statements if s.schema == "Mention" and s.prop == "name"}
    return {
        names[s.entity_id]: s.value
        for s in statements
        if s.schema == "Mention" and s.prop == "resolved"
    }


def test_a_name_spelt_another_way_is_linked_with_score_and_reasons(
    known: None, app: Tansiq, admin: Principal
) -> None:
    statements = _statements(app, admin, VARIANT)
    assert _resolved(statements) == {"Amina Tidranee": "p-amina", "Yasin Oumezrou": "p-yassin"}
    similar = {}
    for s in statements:
        if s.schema == "Similar":
            similar.setdefault(s.entity_id, {})[s.prop] = s.value
    assert {v["match"] for v in similar.values()} == {"p-amina", "p-yassin"}
    for v in similar.values():
        assert v["matcher"].startswith("tansiq-name-v1 ")
        assert 0.7 <= float(v["confidenceScore"]) <= 1.0
        assert v["criteria"].startswith("name: ")
    amina = get_entity(app, admin, "p-amina")
    assert any(r.via and r.via.schema.name == "Mention" for r in amina.relations)


def test_one_word_names_and_unlisted_names_are_not_linked(
    known: None, app: Tansiq, admin: Principal
) -> None:
    text = "Police questioned Tidranee on Monday. Kadour Belmaghit was released.\n"
    statements = _statements(app, admin, text)
    assert _resolved(statements) == {}
    assert not [s for s in statements if s.schema == "Similar"]


def test_two_known_entities_that_fit_as_well_are_left_to_a_person(
    app: Tansiq, admin: Principal, tmp_path: Path
) -> None:
    twins = [
        e("Person", "p-one", name="Farid Ouzzani", birthDate="1970"),
        e("Person", "p-two", name="Farid Ouzani", birthDate="1991"),
    ]
    load(app, admin, tmp_path, "watchlist", twins)
    statements = _statements(app, admin, "Police arrested Farid Ouzzanni on Monday.\n")
    assert _resolved(statements) == {}


def test_without_known_entities_nothing_is_linked(app: Tansiq, admin: Principal) -> None:
    statements = _statements(app, admin, VARIANT)
    assert _resolved(statements) == {}
