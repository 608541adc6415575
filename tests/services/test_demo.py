from tansiq.domain.principal import Principal
from tansiq.services import Tansiq
from tansiq.services.auth import principal_by_email
from tansiq.services.datasets import list_datasets
from tansiq.services.demo import load_demo


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
    assert summary.ingested is not None and summary.ingested.count("ingested") == 8
    assert len(summary.accounts) == 6
    liaison = principal_by_email(app, "liaison@partner-service.demo")
    seen = {d.name for d in list_datasets(app, liaison) if d.statement_count}
    assert "demo-groups" in seen and "demo-watchlist" not in seen
    again = load_demo(app, admin)
    assert again.screening is not None and again.screening.alert_count == 0
    assert again.ingested is not None and again.ingested.count("duplicate") == 8
