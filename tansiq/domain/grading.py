"""Admiralty (NATO) grading: source reliability A-F and information credibility 1-6."""

from __future__ import annotations

from dataclasses import dataclass

from tansiq.exceptions import InvalidData

RELIABILITY = {
    "A": "Completely reliable",
    "B": "Usually reliable",
    "C": "Fairly reliable",
    "D": "Not usually reliable",
    "E": "Unreliable",
    "F": "Reliability cannot be judged",
}
CREDIBILITY = {
    1: "Confirmed by other sources",
    2: "Probably true",
    3: "Possibly true",
    4: "Doubtful",
    5: "Improbable",
    6: "Truth cannot be judged",
}


@dataclass(frozen=True)
class Grade:
    """A source reliability letter and an information credibility digit, e.g. ``B2``."""

    reliability: str = "F"
    credibility: int = 6

    def __post_init__(self) -> None:
        if self.reliability not in RELIABILITY:
            raise InvalidData(f"reliability must be A-F, not {self.reliability!r}", field="grade")
        if self.credibility not in CREDIBILITY:
            raise InvalidData(f"credibility must be 1-6, not {self.credibility!r}", field="grade")

    def __str__(self) -> str:
        return f"{self.reliability}{self.credibility}"

    @property
    def description(self) -> str:
        return f"{RELIABILITY[self.reliability]}; {CREDIBILITY[self.credibility].lower()}"

    @classmethod
    def parse(cls, text: str) -> Grade:
        """Read a grade such as ``B2`` (case-insensitive)."""
        code = text.strip().upper()
        if len(code) != 2 or not code[1].isdigit():
            raise InvalidData(f"grade must look like B2, not {text!r}", field="grade")
        return cls(code[0], int(code[1]))
