"""Romanisation variants of Latin-script names (ou/u, kh/h, ch/sh, joined/split prefixes …)."""

from __future__ import annotations

import re
import unicodedata

_SUBSTITUTIONS: tuple[tuple[str, str], ...] = (
    ("ou", "u"),
    ("Ou", "U"),
    ("kh", "h"),
    ("Kh", "H"),
    ("kh", "k"),
    ("ch", "sh"),
    ("Ch", "Sh"),
    ("dj", "j"),
    ("Dj", "J"),
    ("tch", "ch"),
    ("é", "e"),
    ("ss", "s"),
    ("rr", "r"),
)
_SPLIT_PREFIX = re.compile(r"^(Ben|Bel|Bou)([a-z])")
_SPACED_PREFIX = re.compile(r"^(El|Ait|Ould) ")
_SPACED_REPLACEMENTS = {
    "El": ("Al-", "el-", "Al "),
    "Ait": ("Aït ", "Ayt "),
    "Ould": ("Ould-", "Wald "),
}


def _prefix_variants(name: str) -> list[str]:
    out: list[str] = []
    joined = _SPLIT_PREFIX.match(name)
    if joined:
        rest = name[len(joined.group(1)) :]
        rest = rest[0].upper() + rest[1:]
        out += [f"{joined.group(1)} {rest}", f"{joined.group(1)}-{rest}"]
    spaced = _SPACED_PREFIX.match(name)
    if spaced:
        rest = name[len(spaced.group(0)) :]
        out += [f"{alt}{rest}" for alt in _SPACED_REPLACEMENTS[spaced.group(1)]]
    return out


def _compound_variants(name: str) -> list[str]:
    if "-" not in name or name.count("-") != 1:
        return []
    first, second = name.split("-")
    if len(first) < 4 or len(second) < 3:
        return []
    return [f"{first} {second}", first]


def surname_variants(name: str) -> list[str]:
    """Plausible alternative romanisations of an invented surname, without the original."""
    found: list[str] = []
    found += _prefix_variants(name)
    found += _compound_variants(name)
    for old, new in _SUBSTITUTIONS:
        if old in name:
            found.append(name.replace(old, new))
    if name.endswith("i"):
        found.append(name[:-1] + "y")
    return [v for v in dict.fromkeys(found) if v != name]


def fold(text: str) -> str:
    """Lower-case ASCII letters only: a crude key to detect accidental name collisions."""
    decomposed = unicodedata.normalize("NFKD", text)
    return "".join(c for c in decomposed.lower() if c.isascii() and c.isalnum())
