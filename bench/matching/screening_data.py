"""Evaluation data for the matching benchmark, read from ../shared/eval at run time.

Nothing here is copied into the repository: the CSV/TSV/XML files are read in
place. Perturbations (birth year ±1, spelling variants, dropped middle name and
reordering) are generated deterministically from the untreated UN list.
"""

from __future__ import annotations

import csv
import random
import re
import xml.etree.ElementTree as ET
from dataclasses import dataclass
from pathlib import Path

from followthemoney import model
from translit_exclusions import romanised

SHARED = Path(__file__).resolve().parents[3] / "shared" / "eval"
SCREENING = SHARED / "screening"
TRANSLIT = SHARED / "transliteration"
ARABIC_RUN = re.compile(r"[\u0600-\u06FF][\u0600-\u06FF\s]*[\u0600-\u06FF]")


@dataclass
class Query:
    """One screening query with the watchlist id it should hit (None = clean)."""

    kind: str
    entity: object
    truth: str | None
    romanised: bool = True
    """False when a word's Arabic is not a romanisation of its Latin (see translit_exclusions)."""


def _rows(name: str, limit: int | None = None) -> list[dict[str, str]]:
    with (SCREENING / name).open(encoding="utf-8") as handle:
        rows = list(csv.DictReader(handle))
    return rows[:limit] if limit else rows


def person(entity_id: str, row: dict[str, str]) -> object:
    """Build an FtM Person from a screening CSV row."""
    entity = model.make_entity("Person")
    entity.id = entity_id
    entity.add("name", row["full_name"])
    entity.add("birthDate", row.get("date_of_birth") or None, quiet=True)
    entity.add("nationality", row.get("nationality") or None, quiet=True)
    if row.get("gender") in ("male", "female"):
        entity.add("gender", row["gender"])
    return entity


def watchlist(distractors: int) -> tuple[list[object], list[dict[str, str]]]:
    """UN list (untreated) plus ``distractors`` rows of negatives_us.csv."""
    un_rows = _rows("positives_un_untreated.csv")
    entities = [person(f"un-{i}", row) for i, row in enumerate(un_rows)]
    entities += [person(f"us-{i}", r) for i, r in enumerate(_rows("negatives_us.csv", distractors))]
    return entities, un_rows


_VARIANTS = (
    (r"\bMOHAMMED\b", "MUHAMMAD"),
    (r"\bMOHAMMAD\b", "MOHAMED"),
    (r"\bMUHAMMAD\b", "MOHAMMED"),
    (r"\bABDUL ", "ABD AL-"),
    (r"\bABD AL-", "ABDEL "),
    (r"\bAL-", "EL "),
    (r"OU", "U"),
    (r"KH", "H"),
    (r"Q", "K"),
    (r"EE", "I"),
    (r"([BDFGLMNPRSTZ])\1", r"\1"),
)


def _variant(name: str) -> str | None:
    changed = name.upper()
    for pattern, repl in _VARIANTS:
        changed = re.sub(pattern, repl, changed)
    return changed if changed != name.upper() else None


def _shift_year(date: str, delta: int) -> str:
    return f"{int(date[:4]) + delta}{date[4:]}"


def positive_queries(un_rows: list[dict[str, str]]) -> list[Query]:
    """Treated UN rows plus our own perturbations of the untreated ones."""
    queries = [
        Query("un_treated", person(f"qt-{i}", r), f"un-{i}")
        for i, r in enumerate(_rows("positives_un_treated.csv"))
    ]
    rng = random.Random(7)
    for i, row in enumerate(un_rows):
        if row["date_of_birth"]:
            shifted = dict(
                row, date_of_birth=_shift_year(row["date_of_birth"], rng.choice((-1, 1)))
            )
            queries.append(Query("year_pm1", person(f"qy-{i}", shifted), f"un-{i}"))
        variant = _variant(row["full_name"])
        if variant:
            queries.append(
                Query("variant", person(f"qv-{i}", dict(row, full_name=variant)), f"un-{i}")
            )
        tokens = row["full_name"].split()
        if len(tokens) >= 3 and not re.match(r"^(ABD|ABU|AL-|EL-|BIN|BEN|UR|UD)", tokens[1]):
            dropped = " ".join(tokens[2:] + tokens[:1])
            queries.append(
                Query("drop_reorder", person(f"qd-{i}", dict(row, full_name=dropped)), f"un-{i}")
            )
    return queries


def clean_queries(count: int) -> list[Query]:
    """Clean travellers from negatives_global.csv that must not alert."""
    rows = _rows("negatives_global.csv", count)
    return [Query("clean", person(f"qc-{i}", r), None) for i, r in enumerate(rows)]


def _xml_main_name(node: ET.Element) -> str:
    parts = [
        node.findtext(t) or "" for t in ("FIRST_NAME", "SECOND_NAME", "THIRD_NAME", "FOURTH_NAME")
    ]
    return " ".join(p.strip() for p in parts if p and p.strip())


def _latin_part(text: str) -> str:
    latin = ARABIC_RUN.sub(" ", text).replace("(original script)", "")
    latin = re.sub(r"[()]", " ", latin).split(";")[0]
    return " ".join(latin.replace(",", " ").split())


def _arabic_pairs() -> list[tuple[str, str]]:
    """(Arabic, Latin) name pairs written side by side in the UN XML."""
    pairs: list[tuple[str, str]] = []
    root = ET.parse(SCREENING / "un_consolidated_list.xml").getroot()
    for node in root.iter("INDIVIDUAL"):
        main = _xml_main_name(node)
        for alias in node.iter("ALIAS_NAME"):
            found = ARABIC_RUN.search(alias.text or "")
            latin = _latin_part(alias.text or "")
            if found and sum(c.isalpha() for c in latin) >= 3:
                pairs.append((found.group(0), latin))
        for note in node.iter("NOTE"):
            text = note.text or ""
            found = ARABIC_RUN.search(text)
            if found and "arabic script" in text.lower() and main:
                pairs.append((found.group(0), main))
    unique = dict(pairs)
    return list(dict.fromkeys((a, unique[a]) for a, _ in pairs))


def arabic_queries() -> tuple[list[object], list[Query]]:
    """Latin UN names to add to the watchlist, and their Arabic-script queries."""
    targets: list[object] = []
    queries: list[Query] = []
    for k, (arabic, latin) in enumerate(_arabic_pairs()):
        target = model.make_entity("Person")
        target.id = f"ua-{k}"
        target.add("name", latin)
        query = model.make_entity("Person")
        query.id = f"qa-{k}"
        query.add("name", arabic)
        targets.append(target)
        queries.append(Query("arabic_names", query, target.id))
    return targets, queries


def arabic_tokens(limit: int) -> list[tuple[str, str]]:
    """(Arabic word, Latin token) pairs from the Wikidata token list."""
    pairs: list[tuple[str, str]] = []
    with (TRANSLIT / "wikidata_arabic_latin_tokens_train.tsv").open(encoding="utf-8") as handle:
        for line in handle:
            latin, arabic, _count = line.rstrip("\n").split("\t")
            pairs.append((arabic.replace(" ", ""), latin))
    return random.Random(11).sample(pairs, min(limit, len(pairs)))


def _translit_tokens() -> list[tuple[str, str]]:
    """(Arabic word, Latin word) pairs from both transliteration files, read in place."""
    pairs: list[tuple[str, str]] = []
    with (TRANSLIT / "google_ar2en_train.tsv").open(encoding="utf-8") as handle:
        for line in handle:
            arabic, latin = line.rstrip("\n").split("\t")
            pairs.append((arabic, latin))
    with (TRANSLIT / "wikidata_arabic_latin_tokens_train.tsv").open(encoding="utf-8") as handle:
        for line in handle:
            latin, arabic, _count = line.rstrip("\n").split("\t")
            pairs.append((arabic.replace(" ", ""), latin))
    return [(a, latin) for a, latin in pairs if len(latin) >= 3 and latin.isalpha()]


def arabic_name_slice(
    targets: int = 500, distractors: int = 5000, seed: int = 5
) -> tuple[list[object], list[Query]]:
    """Name-level Arabic-script slice: 2-3 random tokens joined into full names.

    Each query is the Arabic-script name; its target is the Latin-script name
    built from the same tokens; distractor entries are Latin names built from
    other tokens. Returns (watchlist entries, queries).
    """
    rng = random.Random(seed)
    pairs = _translit_tokens()
    rng.shuffle(pairs)
    entries: list[object] = []
    queries: list[Query] = []
    used = 0
    for k in range(targets):
        size = rng.choice((2, 3))
        tokens = pairs[used : used + size]
        used += size
        target = model.make_entity("Person")
        target.id = f"ar-t{k}"
        target.add("name", " ".join(latin.capitalize() for _, latin in tokens))
        query = model.make_entity("Person")
        query.id = f"ar-q{k}"
        query.add("name", " ".join(arabic for arabic, _ in tokens))
        entries.append(target)
        queries.append(Query("arabic_translit", query, target.id, romanised(tokens)))
    rest = pairs[used:]
    for k in range(distractors):
        tokens = rng.sample(rest, rng.choice((2, 3)))
        entity = model.make_entity("Person")
        entity.id = f"ar-d{k}"
        entity.add("name", " ".join(latin.capitalize() for _, latin in tokens))
        entries.append(entity)
    return entries, queries
