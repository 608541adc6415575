"""The application context every use case receives: settings and the store."""

from __future__ import annotations

import logging
from dataclasses import dataclass, field
from typing import Any

from tansiq.domain.grading import Grade
from tansiq.domain.markings import Marking
from tansiq.domain.principal import Principal, local_administrator
from tansiq.services.throttle import FailureWindow
from tansiq.settings import Settings, get_settings
from tansiq.store.migrate import current_revision, head_revision, upgrade
from tansiq.store.port import Store
from tansiq.store.sql import open_store

log = logging.getLogger(__name__)


@dataclass
class Tansiq:
    """Settings plus an open store; pass it to service functions."""

    settings: Settings
    store: Store
    principals: dict[Any, Any] = field(default_factory=dict, repr=False)
    """Resolved principals by (user, token scope), valid while the identity version holds."""
    login_failures: FailureWindow = field(default_factory=FailureWindow, repr=False)
    """Failed logins per client address (see ``services.throttle``)."""

    @property
    def ladder(self) -> tuple[str, ...]:
        return self.settings.classification_ladder

    def marking(self, tlp: str | None, classification: str | None = None) -> Marking:
        """A marking from user input, defaulting to the configured default marking."""
        return Marking.parse(tlp or self.settings.default_marking, classification, self.ladder)

    def grade(self, text: str | None) -> Grade:
        return Grade.parse(text or self.settings.default_grade)

    def local_admin(self) -> Principal:
        """The built-in administrator (until users exist: see the access-control issue)."""
        return local_administrator(self.settings.organisation)

    def close(self) -> None:
        self.store.close()


def migrate(settings: Settings) -> str | None:
    """Apply pending migrations; returns the revision now current."""
    upgrade(settings.database_url)
    return current_revision(settings.database_url)


def needs_migration(settings: Settings) -> bool:
    return current_revision(settings.database_url) != head_revision()


def open_tansiq(settings: Settings | None = None, *, auto_migrate: bool = False) -> Tansiq:
    """Open the store named by the settings; optionally bring its schema up to date."""
    settings = settings or get_settings()
    if auto_migrate and needs_migration(settings):
        log.info("Migrating database %s", settings.database_url)
        migrate(settings)
    return Tansiq(settings=settings, store=open_store(settings.database_url))
