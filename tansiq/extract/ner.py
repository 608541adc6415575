"""Named entity mentions: the statistical model, then rules for acronyms and datelines."""

from __future__ import annotations

import re
from typing import Any

from tansiq.extract.model import Candidate, Mention
from tansiq.extract.tidy import one_label_per_name, tidy, tidy_all

LABELS = {"PERSON": "PER", "PER": "PER", "ORG": "ORG", "GPE": "LOC", "LOC": "LOC", "FAC": "LOC"}
SCHEMAS = {"PER": "Person", "ORG": "Organization"}
_CONNECT = r"(?:of|for|and|the|on|de|du|des|la|le|et|d’|l’|d'|l')"
ACRONYM = re.compile(
    rf"((?:[A-Z][\w’'-]+)(?:\s+(?:{_CONNECT}\s+)*[A-Z][\w’'-]+)+)\s*\(([A-Z][A-Z0-9&-]{{1,11}})\)"
)
LEADING = re.compile(r"^(?:(?:The|La|Le|Les|L’|L')\s*)?")
DATELINE = re.compile(
    r"(?:^|\n)\s*([A-Z][A-Za-z’'-]+(?: [A-Z][A-Za-z’'-]+)?)\s*(?:,[^–—\n]{0,40})?\s*[–—-]\s"
)


def model_mentions(doc: Any) -> list[Mention]:
    """PER, ORG and LOC entities from the spaCy model, trimmed to the name (see
    :mod:`tansiq.extract.tidy`)."""
    return tidy_all(
        Mention(e.text, LABELS[e.label_], e.start_char, e.end_char)
        for e in doc.ents
        if e.label_ in LABELS and e.text.strip()
    )


def acronym_mentions(text: str) -> list[Mention]:
    """'Central Bureau of Judicial Investigation (BCIJ)': both forms, and every later 'BCIJ'."""
    found: list[Mention] = []
    for m in ACRONYM.finditer(text):
        long_form = tidy(Mention(m.group(1), "ORG", m.start(1), m.end(1), source="acronym"))
        if long_form is not None:
            found.append(long_form)
        short = m.group(2)
        for use in re.finditer(rf"(?<![\w-]){re.escape(short)}(?![\w])", text):
            found.append(Mention(short, "ORG", use.start(), use.end(), source="acronym"))
    return found


def dateline_mentions(text: str) -> list[Mention]:
    """The place of a dateline: 'Rabat – The head of ...'."""
    return [
        Mention(m.group(1), "LOC", m.start(1), m.end(1), source="dateline")
        for m in DATELINE.finditer(text[:5000])
    ]


def merge(*layers: list[Mention]) -> list[Mention]:
    """Mentions from several sources, earlier layers winning where spans overlap; one label
    per name in the document."""
    kept: list[Mention] = []
    for layer in layers:
        for mention in layer:
            if not any(k.start < mention.end and mention.start < k.end for k in kept):
                kept.append(mention)
    return one_label_per_name(sorted(kept, key=lambda m: m.start))


def candidates(mentions: list[Mention], acronyms: dict[str, str]) -> list[Candidate]:
    """Unknown people and organisations, one per name, with short forms joined to long ones."""
    groups: dict[tuple[str, str], list[Mention]] = {}
    for mention in mentions:
        if mention.entity_id is None and mention.label in SCHEMAS:
            name = acronyms.get(mention.text, mention.text)
            groups.setdefault((mention.label, _key(name)), []).append(mention)
    _join_surnames(groups)
    return [
        Candidate(max((m.text for m in ms), key=len), SCHEMAS[label], tuple(ms))
        for (label, _), ms in groups.items()
    ]


def _key(name: str) -> str:
    return " ".join(re.sub(r"['’]s$", "", name).casefold().split())


def _join_surnames(groups: dict[tuple[str, str], list[Mention]]) -> None:
    people = [key for key in groups if key[0] == "PER"]
    for short in [k for k in people if " " not in k[1]]:
        longer = [k for k in people if k != short and k[1].split()[-1] == short[1]]
        if len(longer) == 1:
            groups[longer[0]] += groups.pop(short)


def acronym_table(text: str) -> dict[str, str]:
    """Acronyms defined in the text, mapped to their long forms."""
    table = {}
    for m in ACRONYM.finditer(text):
        long_form = tidy(Mention(m.group(1), "ORG", m.start(1), m.end(1)))
        table[m.group(2)] = long_form.text if long_form else LEADING.sub("", m.group(1))
    return table
