"""HTTP plumbing shared by the API and the web pages: the platform and the acting principal."""

from __future__ import annotations

from fastapi import Request

from tansiq.domain.principal import Principal
from tansiq.services import Tansiq


def get_platform(request: Request) -> Tansiq:
    """The platform opened by the app factory."""
    platform: Tansiq = request.app.state.tansiq
    return platform


def get_principal(request: Request) -> Principal:
    """Who is acting. The access-control issue replaces this with sessions and tokens."""
    return get_platform(request).local_admin()
