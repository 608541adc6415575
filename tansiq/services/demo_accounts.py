"""The demo's organisations, personas and one approved release, so the web app can be tried
as each kind of user. Every account shares one password, printed by ``tansiq demo``."""

from __future__ import annotations

from dataclasses import dataclass

from tansiq.domain.identity import ReleaseStatus
from tansiq.domain.principal import Principal
from tansiq.services.accounts import create_group, create_organisation, create_user
from tansiq.services.app import Tansiq
from tansiq.services.auth import principal_by_email
from tansiq.services.sharing import decide_release, request_release

DEMO_PASSWORD = "tansiq-demo-only"
PARTNER = "partner-service"
AIRLINE = "demo-air"
GROUP = "demo-partners"
SHARED_DATASET = "demo-groups"


@dataclass(frozen=True)
class DemoAccount:
    email: str
    organisation: str
    role: str
    clearance: str | None
    sees: str


def demo_accounts(home: str) -> list[DemoAccount]:
    return [
        DemoAccount(
            f"analyst@{home}.demo", home, "analyst", "SECRET", "everything of the host agency"
        ),
        DemoAccount(
            f"supervisor@{home}.demo", home, "supervisor", None, "approves releases (four eyes)"
        ),
        DemoAccount(f"auditor@{home}.demo", home, "auditor", None, "the audit trail only"),
        DemoAccount(f"admin@{home}.demo", home, "administrator", None, "organisations, users"),
        DemoAccount(
            f"liaison@{PARTNER}.demo", PARTNER, "liaison", None, "CLEAR/GREEN + released groups"
        ),
        DemoAccount(f"agent@{AIRLINE}.demo", AIRLINE, "analyst", None, "CLEAR/GREEN + host AMBER"),
    ]


def load_accounts(app: Tansiq, operator: Principal) -> list[DemoAccount]:
    """Create the demo organisations and users (once) and release one dataset to the partner."""
    home = app.settings.organisation
    _organisations(app, operator, home)
    accounts = demo_accounts(home)
    for account in accounts:
        if app.store.user(email=account.email) is None:
            create_user(
                app,
                operator,
                account.email,
                organisation=account.organisation,
                roles=[account.role],
                clearance=account.clearance,
                password=DEMO_PASSWORD,
            )
    if not app.store.groups([GROUP]):
        create_group(app, operator, GROUP, organisations=[home, PARTNER])
    if not app.store.releases(groups=[GROUP], status=ReleaseStatus.APPROVED):
        analyst = principal_by_email(app, accounts[0].email)
        release = request_release(app, analyst, SHARED_DATASET, GROUP, "demo: shared with partner")
        decide_release(app, principal_by_email(app, accounts[1].email), release.id, approve=True)
    return accounts


def _organisations(app: Tansiq, operator: Principal, home: str) -> None:
    wanted = [
        (home, "Host agency (demo)", "agency", None),
        (PARTNER, "Partner service abroad (demo)", "partner", None),
        (AIRLINE, "Demo Air (airline, client of the host agency)", "airline", home),
    ]
    for name, title, kind, client_of in wanted:
        if app.store.organisation(name) is None:
            create_organisation(app, operator, name, title=title, kind=kind, client_of=client_of)
