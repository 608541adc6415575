"""The small hierarchy of errors every layer raises; interfaces map them to codes."""

from __future__ import annotations


class TansiqError(Exception):
    """Base of every error Tansiq raises on purpose."""

    title = "Tansiq error"


class InvalidData(TansiqError):
    """Input that cannot be accepted; the message names the file, line and field."""

    title = "Invalid data"

    def __init__(
        self,
        message: str,
        *,
        source: str | None = None,
        line: int | None = None,
        field: str | None = None,
    ) -> None:
        self.reason = message
        self.source = source
        self.line = line
        self.field = field
        super().__init__(self.describe())

    def describe(self) -> str:
        where = ""
        if self.source is not None:
            where = self.source if self.line is None else f"{self.source}:{self.line}"
        elif self.line is not None:
            where = f"line {self.line}"
        what = f"{self.field}: {self.reason}" if self.field else self.reason
        return f"{where}: {what}" if where else what


class NotFound(TansiqError):
    """The thing asked for does not exist, or the principal may not see it."""

    title = "Not found"


class NotAuthenticated(TansiqError):
    """No valid credentials were given (a missing, wrong, expired or revoked token or session)."""

    title = "Not authenticated"


class PermissionDenied(TansiqError):
    """The principal may not do this."""

    title = "Permission denied"


class Conflict(TansiqError):
    """The request contradicts what is stored."""

    title = "Conflict"


class ConfigurationError(TansiqError):
    """A setting is missing or wrong."""

    title = "Configuration error"
