"""``tansiq search``, ``tansiq entity show`` and ``tansiq datasets``."""

from __future__ import annotations

from typing import Annotated

import orjson
import typer
from rich.table import Table

from tansiq.exceptions import TansiqError
from tansiq.interfaces.cli.common import AsOption, acting, fail, out, platform
from tansiq.services.datasets import dataset_dict, list_datasets
from tansiq.services.entities import get_entity, view_dict
from tansiq.services.search import result_dict, search
from tansiq.store.port import SearchQuery

JsonFlag = Annotated[bool, typer.Option("--json", help="Print JSON instead of a table.")]


def _json(data: object) -> None:
    out.print_json(orjson.dumps(data).decode())


def search_command(
    ctx: typer.Context,
    query: Annotated[
        str, typer.Argument(metavar="QUERY", help="Words to find in names, identifiers, titles.")
    ] = "",
    schema: Annotated[
        list[str] | None, typer.Option(metavar="SCHEMA", help="Only this FtM schema.")
    ] = None,
    dataset: Annotated[
        list[str] | None, typer.Option(metavar="NAME", help="Only this dataset.")
    ] = None,
    limit: Annotated[int, typer.Option(metavar="N", help="How many results.")] = 20,
    as_json: JsonFlag = False,
    as_: AsOption = None,
) -> None:
    """Search entities; every word must match the start of a name word."""
    q = SearchQuery(query, tuple(schema or ()), tuple(dataset or ()), limit=limit)
    try:
        with platform(ctx) as app:
            result = search(app, acting(ctx, app), q)
    except TansiqError as exc:
        raise fail(exc) from None
    if as_json:
        return _json(result_dict(result))
    table = Table("id", "schema", "caption", "datasets", "markings", title=f"{result.total} found")
    for hit in result.hits:
        table.add_row(
            hit.entity.id,
            hit.entity.schema.name,
            hit.entity.caption,
            ", ".join(hit.datasets),
            ", ".join(hit.markings),
        )
    out.print(table)
    return None


entity_app = typer.Typer(help="Look at one entity.", no_args_is_help=True)


@entity_app.command("show")
def entity_show(
    ctx: typer.Context,
    entity_id: Annotated[str, typer.Argument(metavar="ID", help="The entity id.")],
    as_json: JsonFlag = False,
    as_: AsOption = None,
) -> None:
    """Show an entity: each value with its dataset, marking, grade and when it was seen."""
    try:
        with platform(ctx) as app:
            view = get_entity(app, acting(ctx, app), entity_id)
    except TansiqError as exc:
        raise fail(exc) from None
    if as_json:
        return _json(view_dict(view))
    out.print(f"[bold]{view.entity.caption}[/] ({view.entity.schema.label}, {view.entity.id})")
    table = Table("property", "value", "dataset", "marking", "grade", "first seen", "last seen")
    for s in view.statements:
        if s.prop == "id":
            continue
        value = f"[strike]{s.value}[/]" if s.retracted else s.value
        table.add_row(
            s.prop, value, s.dataset, str(s.marking), str(s.grade), s.first_seen, s.last_seen
        )
    out.print(table)
    for rel in view.relations:
        via = f" via {rel.via.caption}" if rel.via is not None else ""
        out.print(f"  {rel.label}{via}: {rel.other.caption} ({rel.other.id})")
    return None


def datasets_command(ctx: typer.Context, as_json: JsonFlag = False, as_: AsOption = None) -> None:
    """List datasets with their default marking, grade and size."""
    with platform(ctx) as app:
        infos = list_datasets(app, acting(ctx, app))
    if as_json:
        return _json([dataset_dict(i) for i in infos])
    table = Table("name", "title", "marking", "grade", "entities", "statements")
    for i in infos:
        marking = f"{i.tlp} {i.classification or ''}".strip()
        table.add_row(
            i.name, i.title, marking, i.grade, f"{i.entity_count:,}", f"{i.statement_count:,}"
        )
    out.print(table)
    return None
