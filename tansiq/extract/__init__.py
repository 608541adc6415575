"""Collection and extraction: clean text, language, entities, events and figures, with offsets.

The package is pure: it turns bytes into a :class:`~tansiq.extract.model.Document` and a document
into an :class:`~tansiq.extract.model.Extraction`. NLP models (spaCy), HTML boilerplate removal
(trafilatura), PDF text (pypdf) and language identification (lingua) are imported lazily, so the
package imports without them and says what to install when one is needed.
"""

from __future__ import annotations

from tansiq.extract.documents import load_document, load_documents
from tansiq.extract.gazetteer import Gazetteer
from tansiq.extract.model import (
    Candidate,
    Document,
    Event,
    Extraction,
    Figure,
    LoadReport,
    Mention,
    Role,
)
from tansiq.extract.pipeline import Extractor, extract

__all__ = [
    "Candidate",
    "Document",
    "Event",
    "Extraction",
    "Extractor",
    "Figure",
    "Gazetteer",
    "LoadReport",
    "Mention",
    "Role",
    "extract",
    "load_document",
    "load_documents",
]
