"""Read UN/EDIFACT PAXLST (D02B, D05B) passenger and crew manifests.

The envelope is checked by `EnvelopeReader`; message bodies are read by
`MessageBody` (flight legs, travellers, documents, declared counts).
"""

from __future__ import annotations

from tansiq.domain.parsing import ParseResult
from tansiq.travel.edifact.body import MessageBody
from tansiq.travel.edifact.envelope import EnvelopeReader


def parse_paxlst_text(
    text: str, *, source: str = "<paxlst>", dataset: str = "paxlst", strict: bool = False
) -> ParseResult:
    """Parse PAXLST text (one or more interchanges)."""
    reader = EnvelopeReader(
        source, dataset, message_type="PAXLST", new_body=MessageBody, strict=strict
    )
    return reader.read(text)
