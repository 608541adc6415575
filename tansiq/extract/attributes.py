"""The attribute ruler of a spaCy pipeline (tag -> part of speech and morphology, and word
exceptions), applied by a lookup on each token's own attributes instead of spaCy's Matcher.

The English ruler has 179 patterns of one or two tokens over TAG, LOWER, DEP and IS_SPACE (the
French one: POS, DEP, IS_SPACE); its Matcher was a quarter of the parse time. :class:`FastRuler`
sets the same attributes: the patterns that match a token depend only on those values of the
token (and of its neighbour, for a two-token pattern), so their combined effect is worked out
once per distinct combination. A ruler with any other kind of pattern is left to spaCy
(:func:`fast_ruler` gives None).
"""

from __future__ import annotations

import re
from collections.abc import Callable
from typing import Any

Token = Any
Test = Callable[[Token], bool]
Key = tuple[str, str, str, str, bool]
Rule = tuple[list[list[Test]], int, dict[int, int]]
"""A rule's alternatives (each a list of token tests), the index of the token it sets, attrs."""
FIELDS = {"TAG": "tag_", "LOWER": "lower_", "DEP": "dep_", "POS": "pos_", "IS_SPACE": "is_space"}


class FastRuler:
    """Applies an AttributeRuler's rules, given in the ruler's order."""

    def __init__(self, rules: list[Rule]) -> None:
        self._single = [
            (i, [alt[0] for alt in alts if len(alt) == 1], attrs)
            for i, (alts, _, attrs) in enumerate(rules)
            if any(len(alt) == 1 for alt in alts)
        ]
        self._longer = [
            (i, [alt for alt in alts if len(alt) > 1], index, attrs)
            for i, (alts, index, attrs) in enumerate(rules)
            if any(len(alt) > 1 for alt in alts)
        ]
        self._cache: dict[Key, list[tuple[int, dict[int, int]]]] = {}

    def __call__(self, doc: Any) -> Any:
        from spacy.tokens._retokenize import set_token_attrs

        found: list[list[tuple[int, dict[int, int]]]] = [self._own(t) for t in doc]
        if self._longer:
            for start in range(len(doc)):
                for rule, index, attrs in self._spans(doc, start):
                    found[start + index] = [*found[start + index], (rule, attrs)]
        for token, hits in zip(doc, found, strict=True):
            if len(hits) == 1:
                set_token_attrs(token, hits[0][1])
            else:
                for _, attrs in sorted(hits, key=lambda hit: hit[0]):
                    set_token_attrs(token, attrs)
        return doc

    def _own(self, token: Token) -> list[tuple[int, dict[int, int]]]:
        key: Key = (token.tag_, token.lower_, token.dep_, token.pos_, token.is_space)
        hits = self._cache.get(key)
        if hits is None:
            hits = [(i, attrs) for i, tests, attrs in self._single if any(t(token) for t in tests)]
            if len(self._cache) < 100_000:
                self._cache[key] = hits
        return hits

    def _spans(self, doc: Any, start: int) -> list[tuple[int, int, dict[int, int]]]:
        hits = []
        for rule, alts, index, attrs in self._longer:
            for alt in alts:
                end = start + len(alt)
                if end <= len(doc) and all(t(doc[start + k]) for k, t in enumerate(alt)):
                    hits.append((rule, index if index >= 0 else len(alt) + index, attrs))
                    break
        return hits


def fast_ruler(ruler: Any) -> FastRuler | None:
    """A FastRuler for a spaCy AttributeRuler, or None if a pattern is of an unknown kind."""
    rules: list[Rule] = []
    for i, pattern in enumerate(ruler.patterns):
        alts = [[_test(spec) for spec in alt] for alt in pattern["patterns"]]
        tests = [[t for t in alt if t is not None] for alt in alts]
        if any(len(kept) != len(alt) for kept, alt in zip(tests, alts, strict=True)):
            return None
        rules.append((tests, ruler.indices[i], ruler.attrs[i]))
    return FastRuler(rules)


def _test(spec: dict[str, Any]) -> Test | None:
    checks = []
    for name, value in spec.items():
        field = FIELDS.get(name)
        check = None if field is None else _check(field, value)
        if check is None:
            return None
        checks.append(check)
    return lambda token: all(check(token) for check in checks)


def _check(field: str, value: Any) -> Test | None:
    if isinstance(value, str | bool):
        return lambda token: bool(getattr(token, field) == value)
    if not isinstance(value, dict) or len(value) != 1:
        return None
    [(op, arg)] = value.items()
    if op == "IN":
        members = frozenset(arg)
        return lambda token: getattr(token, field) in members
    if op == "NOT_IN":
        excluded = frozenset(arg)
        return lambda token: getattr(token, field) not in excluded
    if op == "REGEX":
        regex = re.compile(arg)
        return lambda token: regex.search(getattr(token, field)) is not None
    return None
