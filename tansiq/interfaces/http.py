"""HTTP plumbing shared by the API and the web pages: the platform and the acting principal."""

from __future__ import annotations

from fastapi import Request, UploadFile

from tansiq.domain.principal import Principal
from tansiq.services import Tansiq
from tansiq.services.jobs import ScreeningJobs


def get_platform(request: Request) -> Tansiq:
    """The platform opened by the app factory."""
    platform: Tansiq = request.app.state.tansiq
    return platform


def get_principal(request: Request) -> Principal:
    """Who is acting. The access-control issue replaces this with sessions and tokens."""
    return get_platform(request).local_admin()


def get_jobs(request: Request) -> ScreeningJobs:
    """The app's background screening worker."""
    jobs: ScreeningJobs = request.app.state.jobs
    return jobs


def read_uploads(app: Tansiq, files: list[UploadFile]) -> list[tuple[str, bytes | None]]:
    """Uploaded files as (name, bytes); ``None`` for a file past TANSIQ_MAX_UPLOAD_MB."""
    limit = app.settings.max_upload_mb << 20
    found: list[tuple[str, bytes | None]] = []
    for upload in files:
        data = upload.file.read(limit + 1)
        found.append((upload.filename or "upload", None if len(data) > limit else data))
    return found
