"""A fictional watchlist of any size for speed measurements, and travellers to screen.

Names are common given names (hand-written below) plus family names invented
from syllables; ids start with ``synth-``. The entities are light duck-typed
stand-ins for FtM entities (``id``, ``schema``, ``get``), enough for
:func:`tansiq.matching.prepare`, so a million of them can be made quickly.
"""

from __future__ import annotations

import random
from dataclasses import dataclass, field
from typing import Any

from followthemoney import model


def _words(text: str) -> list[str]:
    return text.split()


GIVEN = _words(
    """
james john robert michael william david richard joseph thomas charles mary patricia jennifer
linda elizabeth barbara susan jessica sarah karen mohammed ahmed ali omar hassan ibrahim
youssef khalid fatima aisha maryam zainab ivan sergei olga natalia pierre jean marie michel
hans klaus anna maria jose juan carlos luis ana rosa wei jing li ming hiroshi yuki kenji
raj amit priya sunil kim min jun seo ji hyun nguyen minh lan mehmet ayse emre elif
"""
)
ONSETS = _words("b d f g h k l m n p r s t v z ch sh th kh br dr gr kr tr")
VOWELS = _words("a e i o u a e i o ai ei ou")
CODAS = ["", "", "", "n", "r", "l", "s", "k", "m", "th", "sh"]
PERSON = model.get("Person")


@dataclass(slots=True)
class LightEntity:
    """Just enough of an FtM entity for ``prepare``: id, schema and ``get``."""

    id: str
    props: dict[str, list[str]] = field(default_factory=dict)
    schema: Any = PERSON

    def get(self, prop: str, quiet: bool = False) -> list[str]:
        return self.props.get(prop, [])


def _family(rng: random.Random) -> str:
    parts = [
        rng.choice(ONSETS) + rng.choice(VOWELS) + rng.choice(CODAS)
        for _ in range(rng.randint(2, 3))
    ]
    return "".join(parts).capitalize()


def _person(rng: random.Random, entity_id: str, families: list[str]) -> LightEntity:
    given = [rng.choice(GIVEN).capitalize() for _ in range(rng.choice((1, 1, 2)))]
    name = " ".join([*given, rng.choice(families)])
    props = {"name": [name]}
    if rng.random() < 0.7:
        props["birthDate"] = [
            f"{rng.randint(1940, 2005)}-{rng.randint(1, 12):02d}-{rng.randint(1, 28):02d}"
        ]
    return LightEntity(entity_id, props)


def synthetic_list(size: int, seed: int = 7) -> list[LightEntity]:
    """``size`` fictional listed persons; family names come from a pool of size/4."""
    rng = random.Random(seed)
    families = [_family(rng) for _ in range(max(100, size // 4))]
    return [_person(rng, f"synth-{i}", families) for i in range(size)]


def synthetic_travellers(
    listed: list[LightEntity], count: int, hit_rate: float = 0.02, seed: int = 11
) -> list[LightEntity]:
    """Travellers: mostly new fictional people, ``hit_rate`` of them copies of listed ones."""
    rng = random.Random(seed)
    families = [_family(rng) for _ in range(max(100, count))]
    out = []
    for i in range(count):
        if rng.random() < hit_rate:
            source = rng.choice(listed)
            out.append(LightEntity(f"trav-{i}", dict(source.props)))
        else:
            out.append(_person(rng, f"trav-{i}", families))
    return out
