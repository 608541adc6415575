from pathlib import Path

import pytest

from tansiq.domain.policy import Scope
from tansiq.domain.principal import Principal
from tansiq.domain.screening import AlertStatus, ScreeningStatus
from tansiq.exceptions import Conflict, InvalidData, NotFound
from tansiq.services import Tansiq
from tansiq.services.review import decide, get_alert, list_alerts, review_queue
from tansiq.services.screening import (
    PersonQuery,
    ScreeningOptions,
    screen_manifest,
    screen_person,
)
from tansiq.store.port import AlertQuery
from tests import personas
from tests.screening_fixtures import load_watchlist, write_manifest

AGAINST = ScreeningOptions(("watchlist",))


@pytest.fixture
def watchlist(app: Tansiq, admin: Principal, tmp_path: Path) -> None:
    load_watchlist(app, admin, tmp_path)


def _hits(run) -> dict[str, str]:
    return {a.traveller["reference"]: a.entity_id for a in run.alerts}


def test_a_manifest_raises_explained_alerts_for_listed_travellers_only(
    watchlist: None, app: Tansiq, admin: Principal, tmp_path: Path
) -> None:
    run = screen_manifest(app, admin, write_manifest(tmp_path), AGAINST)
    assert run.screening.status is ScreeningStatus.DONE
    assert (run.screening.total, run.screening.processed) == (5, 5)
    assert _hits(run) == {"PAX-1": "p-amina", "PAX-3": "p-karim", "PAX-5": "p-fatou"}
    amina = next(a for a in run.alerts if a.entity_id == "p-amina")
    features = {f["feature"] for f in amina.explanation["explanation"]}
    assert {"name", "birth_date", "document"} <= features
    assert all(f["detail"] for f in amina.explanation["explanation"])
    assert amina.status is AlertStatus.OPEN and amina.tlp == "TLP:AMBER"


def test_screening_is_audited_and_stored(
    watchlist: None, app: Tansiq, admin: Principal, tmp_path: Path
) -> None:
    run = screen_manifest(app, admin, write_manifest(tmp_path), AGAINST)
    stored = app.store.screening(run.screening.id, Scope())
    assert stored is not None and stored.alert_count == 3
    actions = [s.event.action.value for s in app.store.audit_events()]
    assert actions[-1] == "screen"


def test_travellers_can_be_kept_as_statements(
    watchlist: None, app: Tansiq, admin: Principal, tmp_path: Path
) -> None:
    opts = ScreeningOptions(("watchlist",), store_as="flight-zx101", marking="TLP:RED")
    run = screen_manifest(app, admin, write_manifest(tmp_path), opts)
    info = app.store.dataset("flight-zx101", Scope())
    assert info is not None and info.entity_count >= 5
    assert {a.tlp for a in run.alerts} == {"TLP:RED"}


def test_a_person_is_screened_from_a_name_and_birth_year(
    watchlist: None, app: Tansiq, admin: Principal
) -> None:
    run = screen_person(app, admin, PersonQuery("Amina Tidrani", birth_date="1985"), AGAINST)
    assert [a.entity_id for a in run.alerts] == ["p-amina"]
    assert run.alerts[0].score < 1.0


def test_arabic_script_finds_the_latin_entry(
    watchlist: None, app: Tansiq, admin: Principal
) -> None:
    run = screen_person(app, admin, PersonQuery("أمينة التدراني"), AGAINST)
    assert "p-amina" in [a.entity_id for a in run.alerts]


def test_cleared_pairs_are_not_asked_again(
    watchlist: None, app: Tansiq, admin: Principal, tmp_path: Path
) -> None:
    first = screen_manifest(app, admin, write_manifest(tmp_path), AGAINST)
    fatou = next(a for a in first.alerts if a.entity_id == "p-fatou")
    decide(app, admin, fatou.id, "no_match", "Different person: checked photo and parents' names")
    second = screen_manifest(app, admin, write_manifest(tmp_path), AGAINST)
    assert second.alerts == []  # one pair cleared, two still waiting in the queue
    assert second.screening.suppressed == 3
    changed = write_manifest(
        tmp_path,
        (tmp_path / "manifest.csv")
        .read_text()
        .replace("1992-03-14,,ML,", "1992-03-14,,ML,PP998877"),
    )
    third = screen_manifest(app, admin, changed, AGAINST)
    assert [a.entity_id for a in third.alerts] == ["p-fatou"]  # new identifying data: ask again


def test_decisions_need_a_reason_and_are_kept_with_who_and_when(
    watchlist: None, app: Tansiq, admin: Principal, tmp_path: Path
) -> None:
    run = screen_manifest(app, admin, write_manifest(tmp_path), AGAINST)
    alert = run.alerts[0]
    with pytest.raises(InvalidData, match="reason"):
        decide(app, admin, alert.id, "match", "  ")
    with pytest.raises(InvalidData, match="decision must be"):
        decide(app, admin, alert.id, "maybe", "because")
    decide(app, admin, alert.id, "unsure", "Need the passport scan")
    view = decide(app, admin, alert.id, "match", "Passport scan matches")
    assert view.alert.status is AlertStatus.MATCH and view.alert.decided_by == admin.id
    assert [h.decision.value for h in view.history] == ["unsure", "match"]
    with pytest.raises(Conflict):
        decide(app, admin, alert.id, "match", "again")
    queue = review_queue(app, admin)
    assert alert.id not in [a.id for a in queue.alerts]
    assert get_alert(app, admin, alert.id).entry is not None


def test_screening_against_an_unknown_dataset_is_refused(
    app: Tansiq, admin: Principal, tmp_path: Path
) -> None:
    with pytest.raises(NotFound, match="no dataset called 'nowhere'"):
        screen_manifest(app, admin, write_manifest(tmp_path), ScreeningOptions(("nowhere",)))


def test_broken_manifest_rows_are_reported_and_the_rest_screened(
    watchlist: None, app: Tansiq, admin: Principal, tmp_path: Path
) -> None:
    text = write_manifest(tmp_path).read_text() + "PAX-6,Broken Date,,,,male,1990-13-45,,FR,\n"
    run = screen_manifest(app, admin, write_manifest(tmp_path, text), AGAINST)
    assert run.screening.total == 6
    assert any("1990-13-45" in p for p in run.screening.problems)
    assert len(run.alerts) == 3


def test_nationality_alone_never_raises_an_alert(
    watchlist: None, app: Tansiq, admin: Principal
) -> None:
    run = screen_person(app, admin, PersonQuery("Zyx Qwerty", nationality="ma"), AGAINST)
    assert run.alerts == []


def test_one_agencys_decisions_and_alerts_stay_its_own(
    watchlist: None, app: Tansiq, admin: Principal, tmp_path: Path
) -> None:
    personas.organisation(app, app.settings.organisation)
    personas.organisation(app, "airport-police", client_of=app.settings.organisation)
    other = personas.user(app, "officer@airport.test", "airport-police", "analyst")
    first = screen_manifest(app, admin, write_manifest(tmp_path), AGAINST)
    fatou = next(a for a in first.alerts if a.entity_id == "p-fatou")
    decide(app, admin, fatou.id, "no_match", "Different person: checked photo and parents' names")
    theirs = screen_manifest(app, other, write_manifest(tmp_path), AGAINST)
    assert sorted(a.entity_id for a in theirs.alerts) == sorted(a.entity_id for a in first.alerts)
    assert {a.id for a in list_alerts(app, other, AlertQuery()).alerts} == {
        a.id for a in theirs.alerts
    }
    with pytest.raises(NotFound):
        get_alert(app, other, fatou.id)


def test_an_unreadable_or_stale_index_cache_is_rebuilt_not_loaded(
    watchlist: None, app: Tansiq, admin: Principal, monkeypatch: pytest.MonkeyPatch
) -> None:
    from tansiq.domain.policy import read_scope
    from tansiq.services import watchlist_index

    def fresh_load() -> watchlist_index.WatchlistIndex:
        watchlist_index._MEMORY.clear()
        return watchlist_index.load_index(app, ["watchlist"], read_scope(admin))

    built = fresh_load()
    assert fresh_load().key == built.key and len(fresh_load()) == len(built) > 0
    (cached,) = (app.settings.data_dir / "cache").glob("watchlist-*.pickle")
    cached.write_bytes(b"\x80\x05truncated")
    assert len(fresh_load()) == len(built)  # the broken file is ignored and rebuilt
    assert cached.read_bytes() != b"\x80\x05truncated"
    # other matching code (an upgrade changing the index's classes) looks for another file
    monkeypatch.setattr(watchlist_index, "_code_digest", lambda: "other-code")
    other = fresh_load()
    assert other.key != built.key
    files = list((app.settings.data_dir / "cache").glob("watchlist-*"))
    assert len(files) == 2 and all(f.suffix == ".pickle" for f in files)  # no temporary left
    # a file holding another key's index (copied, renamed) is not taken for this key's
    (other_file,) = (f for f in files if other.key in f.name)
    cached.write_bytes(other_file.read_bytes())
    monkeypatch.undo()
    assert fresh_load().key == built.key


def test_the_index_cache_key_follows_the_code_and_package_versions(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    from tansiq.services import watchlist_index

    watchlist_index._code_digest.cache_clear()
    now = watchlist_index._code_digest()
    monkeypatch.setattr(watchlist_index, "_version", lambda package: f"{package}-9.9")
    watchlist_index._code_digest.cache_clear()
    assert watchlist_index._code_digest() != now  # another numpy, rigour, ... : rebuilt
    monkeypatch.undo()
    watchlist_index._code_digest.cache_clear()
    assert watchlist_index._code_digest() == now
