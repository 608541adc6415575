"""Behaviour of the PNRGOV interpreter (fictional messages; the shared samples if present)."""

from __future__ import annotations

from pathlib import Path

import pytest
from followthemoney import EntityProxy

from tansiq.exceptions import InvalidData
from tansiq.travel import PARSERS, detect_format, parse_file
from tansiq.travel.edifact import parse_pnrgov, parse_pnrgov_text, tokenize
from tansiq.travel.edifact.pnr_fields import glued_title, read_docs, read_tvl, split_given

FIXTURES = Path(__file__).parent / "fixtures"
SAMPLES = Path(__file__).resolve().parents[3] / "shared" / "eval" / "travel" / "pnrgov"
FICTIONAL = FIXTURES / "pnrgov_fictional.edi"


def _of(entities: list[EntityProxy], schema: str) -> list[EntityProxy]:
    return [e for e in entities if e.schema.name == schema]


def _person(entities: list[EntityProxy], name: str) -> EntityProxy:
    return next(e for e in _of(entities, "Person") if name in e.get("name"))


def _held(entities: list[EntityProxy], person: EntityProxy, schema: str) -> list[EntityProxy]:
    link = "involved" if schema == "Trip" else "holder"
    return [d for d in _of(entities, schema) if person.id in d.get(link)]


def test_it_reads_each_traveller_of_each_pnr_with_passport_data() -> None:
    result = parse_pnrgov(FICTIONAL)
    assert result.problems == []
    names = sorted(p.first("name") or "" for p in _of(result.entities, "Person"))
    assert names == [
        "ABDELKARIM ZERHOUNI BELLAOUI",
        "CHIDI OKONKWO",
        "HELGA MARIA NORDLUND",
        "SAGA NORDLUND",
    ]
    helga = _person(result.entities, "HELGA MARIA NORDLUND")
    assert helga.get("alias") == ["HELGA NORDLUND"]  # as booked, title dropped
    assert helga.get("firstName") == ["HELGA"] and helga.get("middleName") == ["MARIA"]
    assert helga.get("birthDate") == ["1988-03-02"]
    assert helga.get("gender") == ["female"] and helga.get("nationality") == ["se"]
    [passport] = _held(result.entities, helga, "Passport")
    assert passport.get("number") == ["SE5544332"]
    assert passport.get("country") == ["se"] and passport.get("endDate") == ["2029-09-30"]
    assert result.references[str(helga.id)] == "XQ:ZK3P9Q/2"


def test_a_title_glued_to_the_booked_name_is_dropped_from_the_passport_name_too() -> None:
    entities = parse_pnrgov(FICTIONAL).entities
    karim = _person(entities, "ABDELKARIM ZERHOUNI BELLAOUI")
    assert karim.get("lastName") == ["ZERHOUNI BELLAOUI"]
    assert karim.get("firstName") == ["ABDELKARIM"] and karim.get("alias") == []
    assert glued_title("JOHNMR") == "MR" and glued_title("ISABELLE MRS") == ""
    assert split_given("KAYLAMS", "MS") == ["KAYLA"]
    assert split_given("AMR", glued_title("AMR")) == ["AMR"]  # too short to hold a title
    assert split_given("SE JOON MR") == ["SE", "JOON"]


def test_an_infant_gets_a_person_of_its_own_from_tif_docs_and_inft() -> None:
    entities = parse_pnrgov(FICTIONAL).entities
    saga = _person(entities, "SAGA NORDLUND")
    assert saga.get("birthDate") == ["2025-01-15"]
    assert saga.get("gender") == ["female"]
    [passport] = _held(entities, saga, "Passport")
    assert passport.get("number") == ["SE5544333"]
    trips = _held(entities, saga, "Trip")
    assert len(trips) == 2 and all("infant" in t.get("keywords") for t in trips)
    helga = _person(entities, "HELGA MARIA NORDLUND")
    assert [p.first("number") for p in _held(entities, helga, "Passport")] == ["SE5544332"]


def test_docs_fields_are_read_in_order_and_the_given_names_are_optional() -> None:
    docs = read_docs("/P/GBR/X123/IRL/01FEB03/FI/01FEB08/MURPHY", 2004)
    assert not isinstance(docs, str)
    assert (docs.kind, docs.issuer, docs.number, docs.nationality) == ("P", "GBR", "X123", "IRL")
    assert (docs.birth_date, docs.expiry) == ("2003-02-01", "2008-02-01")
    assert (docs.gender, docs.infant, docs.surname, docs.given) == ("F", True, "MURPHY", "")
    assert read_docs("P/GBR/X123", 2004) == "SSR DOCS: unreadable text 'P/GBR/X123'"


def test_an_infant_known_only_from_ssr_inft_is_a_traveller() -> None:
    text = FICTIONAL.read_text().replace("TIF+NORDLUND+SAGA:IN:3'\n", "")
    text = text.replace("SSR+DOCS:HK:1:XQ:::::/P/SWE/SE5544333/SWE/15JAN25/FI/15JAN30/", "X'\n")
    text = text.replace("X'\nNORDLUND/SAGA+::2'\n", "").replace("UNT+44+1", "UNT+42+1")
    result = parse_pnrgov_text(text)
    assert result.problems == []
    saga = _person(result.entities, "SAGA NORDLUND")
    assert saga.get("birthDate") == ["2025-01-15"]
    assert result.references[str(saga.id)] == "XQ:ZK3P9Q/2I"  # the adult's reference


def test_each_traveller_gets_a_trip_per_leg_of_the_pnr_with_its_record_locator() -> None:
    entities = parse_pnrgov(FICTIONAL).entities
    karim = _person(entities, "ABDELKARIM ZERHOUNI BELLAOUI")
    trips = sorted(_held(entities, karim, "Trip"), key=lambda t: t.first("startDate") or "")
    assert [t.first("name") for t in trips] == ["XQ0411 TUN-FRA", "XQ0522 FRA-ARN"]
    assert trips[0].get("startDate") == ["2025-06-11T14:00"]
    assert trips[1].get("endDate") == ["2025-06-12T09:15"]
    assert all(t.get("recordId") == ["XQ:ZK3P9Q"] for t in trips)
    airports = sorted(a.first("full") or "" for a in _of(entities, "Address"))
    assert airports == ["ARN", "FRA", "TUN"]
    chidi = _person(entities, "CHIDI OKONKWO")  # no legs in the PNR: the flight pushed
    [trip] = _held(entities, chidi, "Trip")
    assert trip.first("name") == "XQ0411 TUN-FRA" and trip.get("recordId") == ["XQ:ML8W2D"]


def test_check_in_and_history_add_nobody_and_contact_and_payment_stay_out() -> None:
    entities = parse_pnrgov(FICTIONAL).entities
    assert not any(p.first("name") == "KARIM ZERHOUNI" for p in _of(entities, "Person"))
    assert not any("2025-06-10" in (t.first("startDate") or "") for t in _of(entities, "Trip"))
    values = " ".join(v for e in entities for _, v in e.itervalues())
    for private in ("EXAMPLE.ORG", "1111", "LAGOS", "ORANGERS", "2340000000", "AVML", "12A"):
        assert private not in values
    for person in _of(entities, "Person"):
        assert not {"email", "phone", "address"} & set(person.properties)


def test_it_reports_broken_segments_by_message_and_segment_and_keeps_the_rest() -> None:
    result = parse_pnrgov(FIXTURES / "pnrgov_malformed.edi")
    problems = [(p.location, p.reason) for p in result.problems]
    assert problems == [
        ("message 1, segment 6 (RCI)", "RCI without a record locator"),
        ("message 1, segment 7 (TIF)", "TIF without a surname; traveller skipped"),
        ("message 1, segment 9 (SSR)", "SSR DOCS: invalid birth date '31FEB90'"),
        ("message 1, segment 10 (SSR)", "SSR DOCS: unreadable text 'P-ITA-BROKEN'"),
        ("message 1, segment 11 (SSR)", "SSR DOCS names no traveller of the PNR"),
        ("message 1, segment 12 (TVL)", "TVL: invalid date or time '1106X5'"),
        ("message 1, segment 13 (UNT)", "UNT declares '10' segments, message has 13"),
    ]
    elena = _person(result.entities, "ELENA MARCHETTI")
    assert elena.get("birthDate") == [] and elena.get("passportNumber") == ["YA1122334"]
    assert [p.first("name") for p in _of(result.entities, "Person")][1:] == ["TOMAS HORVAT"]


def test_a_truncated_message_keeps_its_travellers() -> None:
    text = FICTIONAL.read_text()
    text = text[: text.index("TIF+NORDLUND+SAGA") + len("TIF+NORDL")]
    result = parse_pnrgov_text(text, source="cut.edi")
    problems = [(p.location, p.reason) for p in result.problems]
    assert ("message 1, segment 22 (TIF)", "segment not terminated (truncated?)") in problems
    assert ("message 1, segment 22 (TIF)", "message 1 truncated: no UNT") in problems
    names = {p.first("name") for p in _of(result.entities, "Person")}
    assert names == {"ABDELKARIM ZERHOUNI BELLAOUI", "HELGA MARIA NORDLUND", "SAGA NORDLUND"}


def test_it_raises_on_the_first_problem_in_strict_mode() -> None:
    with pytest.raises(InvalidData) as error:
        parse_pnrgov(FIXTURES / "pnrgov_malformed.edi", strict=True)
    assert error.value.field == "RCI" and error.value.line == 8


@pytest.mark.parametrize("encoding", ["latin-1", "utf-16", "utf-16-le", "utf-8-sig"])
def test_it_reads_other_encodings(tmp_path: Path, encoding: str) -> None:
    text = FICTIONAL.read_text().replace("NORDLUND/HELGA/MARIA", "NORDLUND/HELGA/MÅRIA")
    path = tmp_path / "pnr.edi"
    path.write_bytes(text.encode(encoding))
    assert detect_format(path, path.read_bytes()[:4096]) == "pnrgov"
    result = parse_file(path)
    assert result.problems == []
    assert _person(result.entities, "HELGA MÅRIA NORDLUND").get("middleName") == ["MÅRIA"]


def test_a_una_that_names_a_terminator_the_file_never_uses_is_reported_and_read() -> None:
    text = FICTIONAL.read_text().replace("UNA:+.?*'", "UNA:+.?*\u2019", 1)
    segments = list(tokenize(text))
    assert segments[0].tag == "UNA" and "never used" in (segments[0].error or "")
    result = parse_pnrgov_text(text)
    assert [p.location for p in result.problems] == ["line 1 (UNA)"]
    assert len(_of(result.entities, "Person")) == 4


def test_tvl_dates_without_an_arrival_date() -> None:
    [tvl] = tokenize("TVL+280918:1220:1505+FRA+IAD+UA+988'")
    leg = read_tvl(tvl, 2018)
    assert not isinstance(leg, str) and leg is not None
    assert (leg.departure_time, leg.arrival_time) == ("2018-09-28T12:20", "2018-09-28T15:05")
    [overnight] = tokenize("TVL+270918:2320::0531+ADD+FRA+ET:LH+706:B'")
    leg = read_tvl(overnight, 2018)
    assert not isinstance(leg, str) and leg is not None
    assert leg.arrival_time == "2018-09-28T05:31" and leg.flight == "LH706"
    [hotel] = tokenize("TVL+121210:1500:151210+YVR:VANCOUVER ARMS++VN+67576:ROH'")
    assert read_tvl(hotel, 2010) is None
    [impossible] = tokenize("TVL+311399:1400+TUN+FRA+XQ+1'")
    assert read_tvl(impossible, 2025) == "TVL: invalid date '311399'"


def test_group_names_and_placeholders_are_no_travellers() -> None:
    text = FICTIONAL.read_text().replace(
        "TIF+OKONKWO+CHIDIMR:A:1'", "TIF+ACME TEAM:G'\nTIF+TBA+C:A:1'"
    )
    result = parse_pnrgov_text(text.replace("UNT+44+1", "UNT+45+1"))
    assert [p.reason for p in result.problems] == ["TIF TBA: a placeholder name, nobody to screen"]
    assert len(_of(result.entities, "Person")) == 3


def test_one_tif_may_name_several_travellers_of_one_surname() -> None:
    text = FICTIONAL.read_text().replace(
        "TIF+OKONKWO+CHIDIMR:A:1'", "TIF+OKONKWO+CHIDIMR:A:1+NGOZIMRS:A:2'"
    )
    result = parse_pnrgov_text(text)
    assert result.problems == []
    ngozi = _person(result.entities, "NGOZI OKONKWO")
    assert result.references[str(ngozi.id)] == "XQ:ML8W2D/2"


def test_it_is_registered_for_sniffing() -> None:
    assert PARSERS["pnrgov"] is parse_pnrgov
    assert detect_format(FICTIONAL, FICTIONAL.read_bytes()) == "pnrgov"


EXPECTED = {  # sample -> (persons, passports, trips, airports, problems)
    "2_pnrs_basic.edi": (4, 3, 8, 3, 1),
    "3_pnrs.edi": (7, 4, 20, 3, 6),
    "bigMessagePnr.txt": (7, 7, 21, 4, 3),
    "codeshare.edi": (2, 2, 2, 2, 2),
    "infant.edi": (2, 2, 2, 2, 2),
    "pnrBadFormat.txt": (2, 0, 2, 2, 3),
    "pnrMessageExample.txt": (5, 5, 15, 4, 2),
}


@pytest.mark.parametrize("name", sorted(EXPECTED))
def test_it_parses_every_pnrgov_sample(name: str) -> None:
    path = SAMPLES / name
    if not path.is_file():
        pytest.skip("the PNRGOV samples are not in ../shared")
    result = parse_file(path)
    schemas = ("Person", "Passport", "Trip", "Address")
    counts = tuple(len(_of(result.entities, s)) for s in schemas)
    assert (*counts, len(result.problems)) == EXPECTED[name]
    assert all(p.get("name") for p in _of(result.entities, "Person"))


def test_the_bad_sample_reports_where_and_why() -> None:
    path = SAMPLES / "pnrBadFormat.txt"
    if not path.is_file():
        pytest.skip("the PNRGOV samples are not in ../shared")
    problems = [(p.location, p.reason) for p in parse_file(path).problems]
    assert problems[0] == (
        "message 1, segment 24 (UNT)",
        "UNT declares '173' segments, message has 24",
    )
    assert ("line 28 (UNZ)", "segment not terminated (truncated?)") in problems
