"""Markings carried by every statement: TLP 2.0 and a configurable classification ladder."""

from __future__ import annotations

from dataclasses import dataclass
from enum import StrEnum

from tansiq.exceptions import InvalidData


class TLP(StrEnum):
    """Traffic Light Protocol 2.0 labels, ordered from most to least shareable."""

    CLEAR = "TLP:CLEAR"
    GREEN = "TLP:GREEN"
    AMBER = "TLP:AMBER"
    AMBER_STRICT = "TLP:AMBER+STRICT"
    RED = "TLP:RED"

    @property
    def rank(self) -> int:
        return list(TLP).index(self)

    @property
    def label(self) -> str:
        return self.value.removeprefix("TLP:")

    @classmethod
    def parse(cls, text: str) -> TLP:
        """Read ``TLP:AMBER``, ``amber``, ``AMBER+STRICT`` or the TLP 1.0 ``WHITE``."""
        key = text.strip().upper().replace(" ", "")
        key = key.removeprefix("TLP:")
        key = {"WHITE": "CLEAR"}.get(key, key)
        for tlp in cls:
            if tlp.label == key:
                return tlp
        names = ", ".join(t.value for t in cls)
        raise InvalidData(f"unknown TLP label {text!r} (expected one of {names})", field="marking")


@dataclass(frozen=True, order=True)
class Classification:
    """A level on the deployment's classification ladder (lowest first)."""

    rank: int
    name: str

    @classmethod
    def parse(cls, text: str, ladder: tuple[str, ...]) -> Classification:
        key = text.strip().upper()
        if key not in ladder:
            levels = ", ".join(ladder)
            raise InvalidData(
                f"unknown classification {text!r} (levels: {levels})", field="classification"
            )
        return cls(ladder.index(key), key)


@dataclass(frozen=True)
class Marking:
    """The handling marking of a statement: a TLP label and an optional classification."""

    tlp: TLP
    classification: str | None = None

    def __str__(self) -> str:
        if self.classification:
            return f"{self.tlp.value} {self.classification}"
        return self.tlp.value

    @classmethod
    def parse(cls, tlp: str, classification: str | None, ladder: tuple[str, ...]) -> Marking:
        level = Classification.parse(classification, ladder).name if classification else None
        return cls(TLP.parse(tlp), level)
