"""Claims that disagree, on a real store: two fictional reports of one attack that give different
dates and tolls, and the reader who can see only one of them."""

from __future__ import annotations

from pathlib import Path

import pytest

from tansiq.domain.policy import Scope
from tansiq.domain.principal import Principal
from tansiq.services import Tansiq
from tansiq.services.claims import Disagreement, by_event, disagreement_dict, disagreements
from tansiq.services.documents import timeline
from tansiq.services.entities import get_entity
from tansiq.services.ingest import IngestOptions, IngestReport, ingest
from tests import personas
from tests.factories import WORLD, load

FIRST = (
    "Gunmen from the Brigade of the Southern Dunes attacked a police post in Oum Lassouf on "
    "14 March 2024, killing at least 7 officers, the bureau said.\n"
)
SECOND = (
    "The Brigade of the Southern Dunes attacked a police post in Oum Lassouf on 16 March 2024, "
    "killing 9 officers, according to local sources.\n"
)
LATER = (
    "The Brigade of the Southern Dunes attacked a convoy near Oum Lassouf on 20 April 2024, "
    "killing 4 soldiers, officials said.\n"
)


@pytest.fixture
def known(app: Tansiq, admin: Principal, tmp_path: Path) -> None:
    load(app, admin, tmp_path, "watchlist", WORLD, marking="TLP:GREEN")


def _ingest(
    app: Tansiq, principal: Principal, name: str, text: str, marking: str, grade: str
) -> IngestReport:
    opts = IngestOptions(f"reports-{name}", marking, None, grade)
    return ingest(app, principal, [(f"{name}.txt", text.encode())], opts)


@pytest.fixture
def reports(known: None, app: Tansiq, admin: Principal) -> dict[str, str]:
    """Document ids: ``first`` (TLP:GREEN, B2) and ``second`` (TLP:AMBER, C3) disagree."""
    first = _ingest(app, admin, "first", FIRST, "TLP:GREEN", "B2").files[0]
    second = _ingest(app, admin, "second", SECOND, "TLP:AMBER", "C3").files[0]
    assert first.status == second.status == "ingested"
    return {"first": first.document_id, "second": second.document_id}


def _kinds(found: list[Disagreement]) -> dict[str, Disagreement]:
    return {d.kind: d for d in found}


def test_two_reports_of_one_attack_disagree_on_its_date_and_its_toll(
    reports: dict[str, str], app: Tansiq, admin: Principal
) -> None:
    found = _kinds(disagreements(app, admin))
    assert set(found) == {"date", "figure"}
    date, toll = found["date"], found["figure"]
    by_document = {c.document_id: c for c in date.claims}
    assert set(by_document) == set(reports.values())
    first, second = by_document[reports["first"]], by_document[reports["second"]]
    assert (first.value, first.grade) == ("2024-03-14", "B2")
    assert (second.value, second.grade) == ("2024-03-16", "C3")
    assert "14 March 2024" in first.sentence and "16 March 2024" in second.sentence
    assert (first.document, second.document) == ("first.txt", "second.txt")
    assert date.entities == ("o-dunes",) and "Brigade of the Southern Dunes" in date.reason
    assert toll.unit == "officer"
    assert {(c.document_id, c.number, c.qualifier) for c in toll.claims} == {
        (reports["first"], 7, "at least"),
        (reports["second"], 9, None),
    }
    assert toll.consistent and not date.consistent  # 'at least 7' allows 9
    assert set(toll.events) == set(date.events) and len(date.events) == 2


def test_each_claim_points_at_the_characters_it_was_read_from(
    reports: dict[str, str], app: Tansiq, admin: Principal
) -> None:
    texts = {reports["first"]: FIRST, reports["second"]: SECOND}
    for item in disagreements(app, admin):
        for claim in item.claims:
            start, end = claim.statement.span_start, claim.statement.span_end
            assert start is not None and end is not None
            assert claim.sentence in texts[claim.document_id]
            read = texts[claim.document_id][start:end]
            assert claim.value in read or read in claim.sentence
        data = disagreement_dict(item)
        assert {c["grade"] for c in data["claims"]} == {"B2", "C3"}


def test_both_values_are_kept_on_their_own_events(
    reports: dict[str, str], app: Tansiq, admin: Principal
) -> None:
    date = _kinds(disagreements(app, admin))["date"]
    seen = {}
    for event_id in date.events:
        event = get_entity(app, admin, event_id).entity
        seen[event.first("proof")] = event.get("date")
    assert seen == {reports["first"]: ["2024-03-14"], reports["second"]: ["2024-03-16"]}
    stored = app.store.statements_of(list(date.events), Scope())
    assert sorted(s.value for s in stored if s.prop == "date") == ["2024-03-14", "2024-03-16"]
    on_timeline = [e.id for e in timeline(app, admin) if e.id in date.events]
    assert len(on_timeline) == 2


def test_a_disagreement_concerns_its_events_documents_and_the_entity_both_name(
    reports: dict[str, str], app: Tansiq, admin: Principal
) -> None:
    everything = disagreements(app, admin)
    date = _kinds(everything)["date"]
    for about in [*date.events, *reports.values(), "o-dunes"]:
        assert {d.kind for d in disagreements(app, admin, about)} == {"date", "figure"}
    assert disagreements(app, admin, "p-amina") == []
    flagged = by_event(everything)
    assert set(flagged) == set(date.events)
    assert all(len(items) == 2 for items in flagged.values())


def test_an_attack_a_month_later_is_another_event(
    reports: dict[str, str], app: Tansiq, admin: Principal
) -> None:
    later = _ingest(app, admin, "later", LATER, "TLP:GREEN", "B2").files[0]
    dates = {
        d
        for e in timeline(app, admin)
        if e.first("proof") == later.document_id
        for d in e.get("date")
    }
    assert dates == {"2024-04-20"}
    found = disagreements(app, admin)
    assert len(found) == 2
    assert all(later.document_id not in {c.document_id for c in d.claims} for d in found)
    assert disagreements(app, admin, later.document_id) == []


def test_reports_that_agree_on_the_month_do_not_disagree_on_the_date(
    known: None, app: Tansiq, admin: Principal
) -> None:
    vague = FIRST.replace("14 March 2024", "March 2024").replace("at least 7", "9")
    _ingest(app, admin, "vague", vague, "TLP:GREEN", "B2")
    _ingest(app, admin, "second", SECOND, "TLP:GREEN", "C3")
    assert sorted(d for e in timeline(app, admin) for d in e.get("date")) == [
        "2024-03",
        "2024-03-16",
    ]
    assert disagreements(app, admin) == []


def test_a_reader_who_cannot_see_one_report_sees_no_disagreement(
    reports: dict[str, str], app: Tansiq, admin: Principal
) -> None:
    partner = personas.user(app, "noor@partner-b.test", "partner-b", "analyst")
    assert disagreements(app, partner) == []
    assert disagreements(app, partner, "o-dunes") == []
    assert by_event(disagreements(app, partner)) == {}
    visible = {e.first("proof") for e in timeline(app, partner)}
    assert visible == {reports["first"]}
    assert len(disagreements(app, admin)) == 2


def test_counts_over_the_same_period_disagree_across_documents_and_concern_who_they_name(
    known: None, app: Tansiq, admin: Principal
) -> None:
    one = "The bureau has dismantled 12 cells of the Brigade of the Southern Dunes since 2019.\n"
    two = (
        "Officials say 14 cells of the Brigade of the Southern Dunes were dismantled since 2019.\n"
    )
    first = _ingest(app, admin, "one", one, "TLP:GREEN", "B2").files[0].document_id
    second = _ingest(app, admin, "two", two, "TLP:GREEN", "C3").files[0].document_id
    [count] = disagreements(app, admin, "o-dunes")
    assert (count.kind, count.unit, count.period) == ("figure", "cell", "2019/..")
    claims = {c.document_id: c for c in count.claims}
    assert (claims[first].number, claims[second].number) == (12, 14)
    assert claims[first].sentence == one.strip() and claims[second].sentence == two.strip()
    assert disagreements(app, admin, first) == disagreements(app, admin, second) == [count]
