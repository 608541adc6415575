import json

from tansiq.domain.principal import Principal
from tansiq.services import Tansiq
from tansiq.services.auth import principal_by_email
from tansiq.services.claims import disagreements
from tansiq.services.datasets import list_datasets
from tansiq.services.demo import load_demo
from tansiq.services.entities import get_entity
from tansiq.services.review import list_alerts
from tansiq.store.port import AlertQuery


def test_the_demo_loads_screens_and_ingests_its_fictional_world(
    app: Tansiq, admin: Principal
) -> None:
    summary = load_demo(app, admin)
    names = {d.name for d in list_datasets(app, admin)}
    assert {
        "demo-agencies",
        "demo-watchlist",
        "demo-groups",
        "demo-travellers",
        "demo-reports",
    } <= names
    assert summary.screening is not None and summary.screening.alert_count == 15
    assert summary.push is not None and (summary.push.total, summary.push.alert_count) == (14, 1)
    [planted] = json.loads((summary.folder / "pnrgov_hits.json").read_text(encoding="utf-8"))
    [alert] = list_alerts(app, admin, AlertQuery(screening_id=summary.push.id)).alerts
    assert (alert.traveller["reference"], alert.entity_id) == (
        planted["pax_id"],
        planted["entity_id"],
    )
    assert summary.ingested is not None and summary.ingested.count("ingested") == 10
    assert sum(f.linked for f in summary.ingested.files) >= 1  # a name the list spells otherwise
    assert len(summary.accounts) == 6
    liaison = principal_by_email(app, "liaison@partner-service.demo")
    seen = {d.name for d in list_datasets(app, liaison) if d.statement_count}
    assert "demo-groups" in seen and "demo-watchlist" not in seen
    attack = {d.kind: d for d in disagreements(app, admin) if d.subject.endswith("attack")}
    assert sorted(c.value for c in attack["date"].claims) == ["2023-05-09", "2023-05-10"]
    assert sorted(c.number or 0 for c in attack["figure"].claims) == [6, 8]
    assert not attack["figure"].consistent
    group = next(e for e in attack["date"].entities)
    assert "Tamaskart" in get_entity(app, admin, group).entity.caption
    again = load_demo(app, admin)
    assert again.screening is not None and again.screening.alert_count == 0
    assert again.push is not None and again.push.alert_count == 0
    assert again.ingested is not None and again.ingested.count("duplicate") == 10
