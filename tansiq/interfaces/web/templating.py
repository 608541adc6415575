"""The Jinja2 environment and the filters templates use."""

from __future__ import annotations

from pathlib import Path
from typing import Any
from urllib.parse import urlencode

from fastapi import Request
from fastapi.responses import HTMLResponse
from fastapi.templating import Jinja2Templates
from followthemoney.property import Property

from tansiq import __version__
from tansiq.domain.grading import Grade
from tansiq.domain.principal import Principal
from tansiq.services.accounts import recording_choices

TEMPLATE_DIR = Path(__file__).parent / "templates"
templates = Jinja2Templates(directory=str(TEMPLATE_DIR))


def tlp_class(value: str) -> str:
    """CSS class for a TLP label: ``TLP:AMBER+STRICT`` -> ``tlp-amber-strict``."""
    return "tlp-" + value.removeprefix("TLP:").lower().replace("+", "-")


def grade_title(code: str) -> str:
    try:
        return Grade.parse(code).description
    except ValueError:
        return code


def display(value: str, prop: Property) -> str:
    """A value as people read it: country and language names rather than codes."""
    caption = prop.type.caption(value)
    return str(caption) if caption else value


def query_string(params: dict[str, Any]) -> str:
    return urlencode({k: v for k, v in params.items() if v not in (None, "", [])}, doseq=True)


templates.env.filters["tlp_class"] = tlp_class
templates.env.filters["grade_title"] = grade_title
templates.env.filters["display"] = display
templates.env.globals["version"] = __version__
templates.env.globals["query_string"] = query_string


def page(request: Request, name: str, status: int = 200, **context: Any) -> HTMLResponse:
    """Render a page template, with the signed-in user, their CSRF token and marking choices."""
    principal: Principal | None = getattr(request.state, "principal", None)
    context.setdefault("user", principal)
    context.setdefault("csrf", getattr(request.state, "csrf", ""))
    context.setdefault("can", principal.permissions if principal else frozenset())
    app = request.app.state.tansiq
    empty: dict[str, list[str]] = {"tlps": [], "classifications": []}
    context.setdefault("choices", recording_choices(app, principal) if principal else empty)
    return templates.TemplateResponse(request, name, context, status_code=status)
