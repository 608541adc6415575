"""All settings in one place: environment variables with the ``TANSIQ_`` prefix.

Secrets may also be read from a file named by ``TANSIQ_<NAME>_FILE``. No other module reads
``os.environ``.
"""

from __future__ import annotations

import os
from functools import lru_cache
from pathlib import Path
from typing import Any, Literal

from pydantic import Field, model_validator
from pydantic_settings import BaseSettings, SettingsConfigDict

from tansiq.exceptions import ConfigurationError

DEFAULT_CLASSIFICATIONS = ("UNCLASSIFIED", "RESTRICTED", "CONFIDENTIAL", "SECRET", "TOP SECRET")
PLACEHOLDER_SECRET = "change-me-development-only"
SECRET_FIELDS = ("secret_key",)


class Settings(BaseSettings):
    """Tansiq configuration. Every field is documented in docs/reference/settings.md."""

    model_config = SettingsConfigDict(env_prefix="TANSIQ_", extra="ignore")

    environment: Literal["development", "production", "test"] = Field(
        default="development",
        description="Deployment kind; production refuses placeholder secrets.",
    )
    database_url: str = Field(
        default="sqlite:///tansiq.db",
        description="SQLAlchemy URL of the store: sqlite:///PATH (default) or postgresql://…",
    )
    data_dir: Path = Field(
        default=Path("var"), description="Folder for generated demo files and other working data."
    )
    organisation: str = Field(
        default="local",
        description="Organisation of the command-line operator (runs without --as).",
    )
    classifications: str = Field(
        default=",".join(DEFAULT_CLASSIFICATIONS),
        description="Classification ladder, lowest first, comma-separated.",
    )
    default_marking: str = Field(
        default="TLP:AMBER", description="Marking given to statements when none is stated."
    )
    default_grade: str = Field(
        default="F6", description="Admiralty grading (reliability A-F, credibility 1-6) by default."
    )
    host: str = Field(default="127.0.0.1", description="Address the web app listens on.")
    port: int = Field(default=8000, description="Port the web app listens on.")
    secret_key: str = Field(
        default=PLACEHOLDER_SECRET,
        description="Key of the HMAC over session and token secrets (use TANSIQ_SECRET_KEY_FILE).",
    )
    import_batch_size: int = Field(
        default=5000, description="Statements written to the store per round trip during import."
    )
    import_workers: int = Field(
        default=2,
        ge=1,
        description="Processes an import of a large file uses (1: parse and write in one).",
    )
    ingest_workers: int = Field(
        default=2,
        ge=1,
        description="Processes reading and extracting an ingest of several files (32 KiB+).",
    )
    role_model: Path | None = Field(
        default=None,
        description="Learnt event-role model file (tansiq extract train-roles) that ingest uses.",
    )
    screening_threshold: float | None = Field(
        default=None,
        ge=0.0,
        le=1.0,
        description="Score at or above which a screening raises an alert for review "
        "(default: the matching algorithm's own threshold).",
    )
    screening_candidates: int = Field(
        default=50, ge=1, description="Watchlist entries scored per traveller after blocking."
    )
    screening_workers: int = Field(
        default=2, ge=1, description="Processes used to screen a large manifest."
    )
    max_upload_mb: int = Field(
        default=200, ge=1, description="Largest file the web app and API accept, in MiB."
    )
    log_level: str = Field(default="WARNING", description="Log level of the CLI and the web app.")

    @model_validator(mode="before")
    @classmethod
    def _read_secret_files(cls, data: Any) -> Any:
        if not isinstance(data, dict):
            return data
        for name in SECRET_FIELDS:
            path = os.environ.get(f"TANSIQ_{name.upper()}_FILE")
            if path and name not in data:
                data[name] = Path(path).read_text(encoding="utf-8").strip()
        return data

    @model_validator(mode="after")
    def _refuse_placeholders(self) -> Settings:
        if self.environment == "production" and self.secret_key == PLACEHOLDER_SECRET:
            raise ConfigurationError("TANSIQ_SECRET_KEY must be set in production")
        return self

    @property
    def classification_ladder(self) -> tuple[str, ...]:
        levels = tuple(x.strip().upper() for x in self.classifications.split(",") if x.strip())
        if not levels:
            raise ConfigurationError("TANSIQ_CLASSIFICATIONS must name at least one level")
        return levels


@lru_cache(maxsize=1)
def get_settings() -> Settings:
    """The process-wide settings, read once from the environment."""
    return Settings()
