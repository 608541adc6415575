"""Reading entities: built only from the statements the principal may see."""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

from followthemoney.proxy import EntityProxy

from tansiq.domain.entities import build_entity, group_by_entity
from tansiq.domain.policy import Scope, read_scope
from tansiq.domain.principal import Principal
from tansiq.domain.statement import BASE_PROP, Statement
from tansiq.exceptions import NotFound
from tansiq.formats import statement_to_row
from tansiq.services.app import Tansiq
from tansiq.services.audit import record_read


@dataclass(frozen=True)
class Relation:
    """Another entity linked to this one, directly or through an interstitial (e.g. Membership)."""

    label: str
    via: EntityProxy | None
    other: EntityProxy


@dataclass(frozen=True)
class EntityView:
    """An entity with every statement behind it and the entities linked to it."""

    entity: EntityProxy
    statements: list[Statement]
    relations: list[Relation] = field(default_factory=list)

    @property
    def datasets(self) -> list[str]:
        return sorted({s.dataset for s in self.statements})


def load_entities(app: Tansiq, ids: list[str], scope: Scope) -> dict[str, EntityProxy]:
    """Build the entities with these ids from their visible, unretracted statements."""
    found = app.store.statements_of(sorted(set(ids)), scope)
    return {eid: build_entity(eid, stmts) for eid, stmts in group_by_entity(found)}


def _statements(app: Tansiq, entity_id: str, scope: Scope) -> list[Statement]:
    found = app.store.statements_of([entity_id], scope)
    if not any(s.prop == BASE_PROP and not s.retracted for s in found):
        raise NotFound(f"no entity {entity_id!r}")
    return found


def get_statements(app: Tansiq, principal: Principal, entity_id: str) -> list[Statement]:
    """Every visible statement about an entity, retracted ones included."""
    statements = _statements(app, entity_id, read_scope(principal))
    record_read(app, principal, entity_id, statements)
    return statements


def _outgoing(entity: EntityProxy, exclude: str) -> list[tuple[str, str]]:
    pairs = []
    for prop, value in entity.itervalues():
        if prop.type.name == "entity" and value != exclude:
            pairs.append((prop.label, value))
    return pairs


def _relations(app: Tansiq, entity: EntityProxy, scope: Scope) -> list[Relation]:
    assert entity.id is not None
    incoming = app.store.referencing(entity.id, scope)
    vias = load_entities(app, [s.entity_id for s in incoming], scope)
    outgoing = _outgoing(entity, entity.id)
    second = [(via.id, v) for via in vias.values() for _, v in _outgoing(via, entity.id)]
    others = load_entities(app, [v for _, v in outgoing] + [v for _, v in second], scope)
    relations = [Relation(label, None, others[v]) for label, v in outgoing if v in others]
    for via in vias.values():
        ends = [others[v] for _, v in _outgoing(via, entity.id) if v in others]
        relations.extend(Relation(via.schema.label, via, end) for end in ends)
        if not ends:
            relations.append(Relation(via.schema.label, None, via))
    return relations


def get_entity(app: Tansiq, principal: Principal, entity_id: str) -> EntityView:
    """An entity, its provenance and its relations, as ``principal`` may see them."""
    scope = read_scope(principal)
    statements = _statements(app, entity_id, scope)
    live = [s for s in statements if not s.retracted]
    entity = build_entity(entity_id, live)
    record_read(app, principal, entity_id, statements)
    return EntityView(entity, statements, _relations(app, entity, scope))


def entity_dict(entity: EntityProxy) -> dict[str, Any]:
    """An entity as FtM JSON, with its caption."""
    data: dict[str, Any] = entity.to_dict()
    data["caption"] = entity.caption
    return data


def statement_dict(stmt: Statement) -> dict[str, Any]:
    return statement_to_row(stmt)


def view_dict(view: EntityView) -> dict[str, Any]:
    """The JSON twin of the entity page."""
    return {
        **entity_dict(view.entity),
        "datasets": view.datasets,
        "statements": [statement_dict(s) for s in view.statements],
        "relations": [
            {
                "label": r.label,
                "via": entity_dict(r.via) if r.via is not None else None,
                "entity": entity_dict(r.other),
            }
            for r in view.relations
        ],
    }
