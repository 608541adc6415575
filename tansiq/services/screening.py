"""Screening travellers and other records against watchlist datasets.

No traveller is flagged here: a score at or above the threshold opens an alert with its
explanation, and only a reviewer's decision says "match" (see ``services.review``).
"""

from __future__ import annotations

import hashlib
import logging
import uuid
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field, replace
from pathlib import Path
from typing import Any

from followthemoney import model

from tansiq import travel
from tansiq.domain.audit import AuditAction
from tansiq.domain.entities import DOCUMENT_NUMBERS, build_entity, group_by_entity
from tansiq.domain.markings import TLP
from tansiq.domain.parsing import ParseResult
from tansiq.domain.policy import read_scope
from tansiq.domain.principal import Principal
from tansiq.domain.roles import Permission
from tansiq.domain.screening import Alert, Screening, ScreeningStatus, pair_fingerprint
from tansiq.domain.statement import utc_now
from tansiq.exceptions import InvalidData
from tansiq.matching import ALGORITHM, Match
from tansiq.services.access import require
from tansiq.services.app import Tansiq
from tansiq.services.audit import record
from tansiq.services.datasets import get_dataset
from tansiq.services.importing import ImportOptions, import_entities
from tansiq.services.matcher import match_records
from tansiq.services.watchlist_index import load_index

log = logging.getLogger(__name__)
Progress = Callable[[int, int], None]
"""Called with (travellers screened, total)."""


@dataclass(frozen=True)
class ScreeningOptions:
    """Against which datasets, and where to keep the travellers (None: not kept)."""

    against: tuple[str, ...]
    store_as: str | None = None
    marking: str | None = None
    grade: str | None = None
    threshold: float | None = None


@dataclass(frozen=True)
class Traveller:
    """One screened record: an FtM person (documents folded in) and its own reference."""

    entity: dict[str, Any]
    reference: str


@dataclass
class ScreeningRun:
    """A finished screening and the alerts it opened."""

    screening: Screening
    alerts: list[Alert] = field(default_factory=list)


def threshold_of(app: Tansiq, opts: ScreeningOptions) -> float:
    """The alert threshold: the request's, else the setting, else the algorithm's own."""
    if opts.threshold is not None:
        return opts.threshold
    if app.settings.screening_threshold is not None:
        return app.settings.screening_threshold
    return float(ALGORITHM.match_threshold.value)


def travellers_of(result: ParseResult) -> list[Traveller]:
    """Persons of a parsed manifest, each with its documents' numbers as properties."""
    numbers: dict[str, list[tuple[str, str]]] = {}
    for entity in result.entities:
        prop = DOCUMENT_NUMBERS.get(entity.schema.name)
        if prop is not None:
            for holder in entity.get("holder"):
                numbers.setdefault(holder, []).extend((prop, n) for n in entity.get("number"))
    travellers = []
    for entity in result.entities:
        if entity.schema.name != "Person" or entity.id is None:
            continue
        person = entity.clone()
        for prop, number in numbers.get(entity.id, ()):
            person.add(prop, number, cleaned=True)
        reference = result.references.get(entity.id, entity.id)
        travellers.append(Traveller(person.to_dict(), reference))
    return travellers


def _strictest(tlps: Sequence[str]) -> str:
    return max((TLP(t) for t in tlps), key=lambda t: t.rank, default=TLP.CLEAR).value


def _alert_id(screening_id: str, traveller_id: str, entity_id: str) -> str:
    text = f"{screening_id}|{traveller_id}|{entity_id}"
    return hashlib.sha1(text.encode(), usedforsecurity=False).hexdigest()[:32]


def _candidates(
    app: Tansiq, principal: Principal, ids: list[str]
) -> tuple[dict[str, dict[str, Any]], dict[str, tuple[str, str | None]]]:
    """Candidate entity dicts and their strictest marking, as the principal sees them."""
    ladder = app.ladder
    entities, markings = {}, {}
    for entity_id, stmts in group_by_entity(app.store.statements_of(ids, read_scope(principal))):
        entities[entity_id] = build_entity(entity_id, stmts).to_dict()
        levels = [s.classification for s in stmts if s.classification in ladder]
        level = max(levels, key=ladder.index, default=None)
        markings[entity_id] = (_strictest([s.tlp.value for s in stmts]), level)
    return entities, markings


def _proposals(
    travellers: list[Traveller],
    matches: list[tuple[int, Match]],
    candidates: dict[str, dict[str, Any]],
    organisation: str,
) -> list[tuple[Traveller, Match, dict[str, Any], str]]:
    found = []
    for index, match in matches:
        traveller = travellers[index]
        candidate = candidates.get(match.candidate_id or "")
        if candidate is None or candidate["id"] == traveller.entity["id"]:
            continue
        found.append(
            (
                traveller,
                match,
                candidate,
                pair_fingerprint(traveller.entity, candidate, organisation),
            )
        )
    return found


def _open_alerts(
    app: Tansiq,
    principal: Principal,
    screening: Screening,
    travellers: list[Traveller],
    matches: list[tuple[int, Match]],
    traveller_tlp: str,
) -> tuple[list[Alert], int]:
    """Alerts for new questions; pairs already cleared or already waiting are not asked again."""
    ids = sorted({m.candidate_id for _, m in matches if m.candidate_id})
    candidates, markings = _candidates(app, principal, ids)
    proposals = _proposals(travellers, matches, candidates, principal.organisation)
    fingerprints = [p[3] for p in proposals]
    known = app.store.cleared(fingerprints) | app.store.pending(fingerprints)
    alerts: list[Alert] = []
    for traveller, match, candidate, fingerprint in proposals:
        if fingerprint in known:
            continue
        known.add(fingerprint)
        tlp, level = markings[candidate["id"]]
        alerts.append(
            Alert(
                id=_alert_id(screening.id, traveller.entity["id"], candidate["id"]),
                screening_id=screening.id,
                traveller_id=traveller.entity["id"],
                traveller={**traveller.entity, "reference": traveller.reference},
                entity_id=candidate["id"],
                score=round(match.score, 4),
                algorithm=f"{match.algorithm} {match.version}",
                explanation=match.as_dict(),
                fingerprint=fingerprint,
                tlp=_strictest([tlp, traveller_tlp]),
                classification=level,
                created_at=utc_now(),
            )
        )
    return alerts, len(proposals) - len(alerts)


def _finish(app: Tansiq, principal: Principal, screening: Screening, alerts: list[Alert]) -> None:
    with app.store.transaction() as writer:
        writer.put_alerts(alerts)
        writer.put_screening(screening)
        record(
            writer,
            principal,
            AuditAction.SCREEN,
            screening.id,
            source=screening.source,
            against=screening.against,
            travellers=screening.total,
            alerts=len(alerts),
            suppressed=screening.suppressed,
        )


def run_screening(
    app: Tansiq,
    principal: Principal,
    travellers: list[Traveller],
    source: str,
    opts: ScreeningOptions,
    *,
    problems: Sequence[str] = (),
    progress: Progress | None = None,
    screening_id: str | None = None,
    traveller_tlp: str | None = None,
) -> ScreeningRun:
    """Screen records against the datasets; store the screening, its alerts and an audit event."""
    require(principal, Permission.SCREEN)
    if not opts.against:
        raise InvalidData("name at least one dataset to screen against", field="against")
    for name in opts.against:
        get_dataset(app, principal, name, counts=False)
    screening = new_screening(app, principal, source, opts, screening_id)
    screening = replace(screening, total=len(travellers), problems=list(problems))
    with app.store.transaction() as writer:
        writer.put_screening(screening)
    try:
        index = load_index(app, opts.against, read_scope(principal))
        matches = match_records(
            index.index,
            [t.entity for t in travellers],
            screening.threshold,
            app.settings.screening_candidates,
            app.settings.screening_workers,
            progress,
        )
        tlp = traveller_tlp or app.marking(opts.marking).tlp.value
        alerts, suppressed = _open_alerts(app, principal, screening, travellers, matches, tlp)
    except Exception as exc:
        record_failure(app, screening, exc)
        raise
    screening = replace(
        screening,
        status=ScreeningStatus.DONE,
        processed=len(travellers),
        alert_count=len(alerts),
        suppressed=suppressed,
        finished_at=utc_now(),
    )
    _finish(app, principal, screening, alerts)
    return ScreeningRun(screening, alerts)


def new_screening(
    app: Tansiq,
    principal: Principal,
    source: str,
    opts: ScreeningOptions,
    screening_id: str | None = None,
) -> Screening:
    """A screening record in the running state (not yet stored)."""
    return Screening(
        id=screening_id or uuid.uuid4().hex,
        created_at=utc_now(),
        actor=principal.id,
        organisation=principal.organisation,
        source=source,
        against=list(opts.against),
        algorithm=f"{ALGORITHM.name} {ALGORITHM.version}",
        threshold=threshold_of(app, opts),
        traveller_dataset=opts.store_as,
    )


def record_failure(app: Tansiq, screening: Screening, exc: Exception) -> None:
    """Store a screening as failed, with the reason."""
    failed = replace(
        screening, status=ScreeningStatus.FAILED, error=str(exc), finished_at=utc_now()
    )
    with app.store.transaction() as writer:
        writer.put_screening(failed)


def parse_manifest(path: Path, dataset: str) -> ParseResult:
    """Travellers of a CSV, PAXLST or PNRGOV file; bad segments and rows become problems."""
    try:
        return travel.parse_file(path, dataset=dataset)
    except UnicodeDecodeError as exc:
        raise InvalidData(f"not UTF-8 text (byte {exc.start})", source=str(path)) from None


def screen_manifest(
    app: Tansiq,
    principal: Principal,
    path: Path,
    opts: ScreeningOptions,
    progress: Progress | None = None,
    screening_id: str | None = None,
    source: str | None = None,
) -> ScreeningRun:
    """Screen every traveller of a manifest; keep them in ``opts.store_as`` if given."""
    require(principal, Permission.SCREEN)
    result = parse_manifest(path, opts.store_as or "travellers")
    problems = [str(p) for p in result.problems]
    tlp = None
    if opts.store_as:
        import_opts = ImportOptions(opts.store_as, opts.marking, None, opts.grade, "manifest")
        import_entities(
            app,
            principal,
            (e.to_dict() for e in result.entities),
            str(path),
            import_opts,
            tuple(problems),
        )
        tlp = get_dataset(app, principal, opts.store_as, counts=False).tlp
    travellers = travellers_of(result)
    return run_screening(
        app,
        principal,
        travellers,
        source or path.name,
        opts,
        problems=problems,
        progress=progress,
        screening_id=screening_id,
        traveller_tlp=tlp,
    )


@dataclass(frozen=True)
class PersonQuery:
    """One person to screen, as typed in a search bar or on the command line."""

    name: str
    birth_date: str | None = None
    gender: str | None = None
    nationality: str | None = None
    document: str | None = None
    schema: str = "Person"


def query_entity(query: PersonQuery) -> dict[str, Any]:
    """The query as an FtM entity; a bad value is refused naming its field."""
    if not query.name.strip():
        raise InvalidData("a name is required", field="name")
    schema = model.get(query.schema)
    if schema is None or not schema.is_a("LegalEntity"):
        raise InvalidData(f"cannot screen a {query.schema!r}", field="schema")
    entity = model.make_entity(schema)
    values = {
        "name": query.name,
        "birthDate": query.birth_date,
        "gender": query.gender,
        "nationality": query.nationality,
        "passportNumber": query.document,
    }
    for prop, raw in values.items():
        if raw and schema.get(prop) is not None:
            entity.add(prop, raw.strip(), quiet=True)
            if not entity.get(prop):
                raise InvalidData(f"invalid value {raw!r}", field=prop)
    digest = hashlib.sha1(repr(sorted(values.items(), key=str)).encode(), usedforsecurity=False)
    entity.id = f"query-{digest.hexdigest()[:16]}"
    return entity.to_dict()


def screen_person(
    app: Tansiq, principal: Principal, query: PersonQuery, opts: ScreeningOptions
) -> ScreeningRun:
    """Screen one person; the alerts go to the review queue like any other."""
    require(principal, Permission.SCREEN)
    entity = query_entity(query)
    traveller = Traveller(entity, entity["id"])
    source = f"query: {query.name}" + (f", born {query.birth_date}" if query.birth_date else "")
    return run_screening(app, principal, [traveller], source, opts)
