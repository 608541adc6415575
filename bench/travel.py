"""Traveller-file parsing benchmark: PNRGOV and PAXLST pushes of fictional travellers.

Writes one PNRGOV message of N PNRs (1-4 travellers each, one infant in ten PNRs, passport
data, two legs, and the contact, fare, payment, seat, check-in and history segments real pushes
carry) and one PAXLST message of the same travellers, then times the parsers in CPU time
(`time.process_time`, so a loaded machine changes little): median of the repeats, travellers
per CPU-second. Timings are reported, never asserted.

Run: ``.venv/bin/python -m bench travel [--pnrs N] [--repeats R] [--no-docs]``.
"""

from __future__ import annotations

import argparse
import random
import statistics
import time
from collections.abc import Callable
from dataclasses import dataclass

from bench.docs import write_section
from bench.foundation import DOCS, machine
from bench.synthetic import ONSETS, VOWELS
from tansiq.domain.parsing import ParseResult
from tansiq.travel.edifact import parse_paxlst_text, parse_pnrgov_text
from tansiq.travel.edifact.dates import MONTHS

SECTION = "## Traveller files: PNRGOV and PAXLST parsing speed"
SEED = 20251205


@dataclass(frozen=True)
class Pax:
    """One fictional traveller."""

    surname: str
    given: str
    born: tuple[int, int, int]  # day, month, two-digit year
    gender: str
    passport: str
    infant: bool = False


def _name(rng: random.Random, syllables: int) -> str:
    return "".join(rng.choice(ONSETS) + rng.choice(VOWELS) for _ in range(syllables)).upper()


def _pax(rng: random.Random, surname: str, infant: bool = False) -> Pax:
    year = rng.randint(20, 25) if infant else rng.randint(40, 99)
    born = (rng.randint(1, 28), rng.randint(1, 12), year)
    passport = f"X{rng.randint(10_000_000, 99_999_999)}"
    return Pax(surname, _name(rng, rng.randint(2, 3)), born, rng.choice("MF"), passport, infant)


def bookings(count: int, seed: int = SEED) -> list[list[Pax]]:
    """Fictional PNRs: a family name, one to four travellers, now and then an infant."""
    rng = random.Random(seed)
    pnrs = []
    for _ in range(count):
        surname = _name(rng, rng.randint(2, 4))
        party = [_pax(rng, surname) for _ in range(rng.randint(1, 4))]
        if rng.random() < 0.1:
            party.append(_pax(rng, surname, infant=True))
        pnrs.append(party)
    return pnrs


def _ddmmmyy(born: tuple[int, int, int]) -> str:
    return f"{born[0]:02d}{MONTHS[born[1] - 1]}{born[2]:02d}"


def _pnr_segments(index: int, party: list[Pax]) -> list[str]:
    segments = ["SRC", f"RCI+XQ:B{index:05d}", "DAT+700:010626:0915", "ADD++700:1 MAIN ST:TOWN"]
    for ref, pax in enumerate(party, 1):
        kind = "IN" if pax.infant else "A"
        gender = pax.gender + ("I" if pax.infant else "")
        docs = f"/P/DEU/{pax.passport}/DEU/{_ddmmmyy(pax.born)}/{gender}/01JAN31/"
        segments += [
            f"TIF+{pax.surname}+{pax.given}{'' if pax.infant else 'MR'}:{kind}:{ref}",
            "IFT+4:28::XQ+CTCE TRAVELLER//EXAMPLE.ORG",
            f"SSR+DOCS:HK:1:XQ:::::{docs}{pax.surname}/{pax.given}+::{ref}",
            "TKT+9990000000000:T:1",
            "FOP+CC::100.00:VI:XXXXXXXXXXXX1111:0930",
        ]
    for leg in ("110626:1400:110626:1730+TUN+FRA+XQ+0411:Y", "120626:0700::0915+FRA+ARN+XQ+522"):
        segments += [f"TVL+{leg}", "RPI+1+HK", "SSR+SEAT:HK:1:XQ:::TUN:FRA+12A::1"]
    segments += ["TRI++TUN-0411:::1", f"TIF+{party[0].surname}+{party[0].given}MR:A:1"]
    segments += ["ABI+4++++XQ", "SAC+++X", f"TIF+{party[0].surname}+OLDNAMEMR:A:1"]
    return segments


def pnrgov_text(pnrs: list[list[Pax]]) -> str:
    """One PNRGOV interchange holding every PNR."""
    body = ["MSG+:22", "ORG+XQ:TUN", "TVL+110626:1400:110626:1730+TUN+FRA+XQ+0411"]
    body.append(f"EQN+{len(pnrs)}")
    for index, party in enumerate(pnrs):
        body += _pnr_segments(index, party)
    return _interchange("PNRGOV:13:1:IA", body)


def paxlst_text(pnrs: list[list[Pax]]) -> str:
    """One PAXLST message of the same travellers."""
    body = ["BGM+745", "TDT+20+XQ0411", "LOC+125+TUN", "DTM+189:2606111400:201", "LOC+87+FRA"]
    for pax in (p for party in pnrs for p in party):
        born = f"{pax.born[2]:02d}{pax.born[1]:02d}{pax.born[0]:02d}"
        body += [
            f"NAD+FL+++{pax.surname}:{pax.given}",
            f"ATT+2++{pax.gender}",
            f"DTM+329:{born}",
            "NAT+2+DEU",
            f"DOC+P+{pax.passport}",
            "DTM+36:310101",
        ]
    return _interchange("PAXLST:D:05B:UN:IATA", body)


def _interchange(kind: str, body: list[str]) -> str:
    segments = [f"UNH+1+{kind}", *body]
    segments.append(f"UNT+{len(segments) + 1}+1")
    segments = ["UNB+UNOA:4+XQ+BORDER+260611:0800+1", *segments, "UNZ+1+1"]
    return "UNA:+.? '\n" + "".join(f"{segment}'\n" for segment in segments)


def cpu_seconds(parse: Callable[[str], ParseResult], text: str, repeats: int) -> list[float]:
    """CPU seconds of each parse."""
    spent = []
    for _ in range(repeats):
        start = time.process_time()
        parse(text)
        spent.append(time.process_time() - start)
    return spent


def _parse_args(argv: list[str]) -> argparse.Namespace:
    parser = argparse.ArgumentParser(prog="python -m bench travel")
    parser.add_argument("--pnrs", type=int, default=5_000, help="PNRs in the push")
    parser.add_argument("--repeats", type=int, default=5)
    parser.add_argument("--no-docs", action="store_true", help="do not touch docs/benchmarks.md")
    return parser.parse_args(argv)


def main(argv: list[str]) -> int:
    args = _parse_args(argv)
    pnrs = bookings(args.pnrs)
    travellers = sum(len(p) for p in pnrs)
    rows = []
    for name, parse, text in (
        ("PNRGOV", parse_pnrgov_text, pnrgov_text(pnrs)),
        ("PAXLST", parse_paxlst_text, paxlst_text(pnrs)),
    ):
        result = parse(text)
        persons = len(result.of_schema("Person"))
        assert not result.problems and persons == travellers, (name, result.problems[:3])
        del result  # a parse's entities left alive would slow the next ones' garbage collection
        spent = cpu_seconds(parse, text, args.repeats)
        median = statistics.median(spent)
        rows.append(
            f"| {name} | {len(text) / 1e6:.1f} MB | {median:.2f} s "
            f"({min(spent):.2f}-{max(spent):.2f}) | {travellers / median:,.0f} |"
        )
    lines = [
        SECTION,
        "",
        f"Command: `.venv/bin/python -m bench travel --pnrs {args.pnrs} --repeats {args.repeats}`"
        f" ({machine()}). One message of {args.pnrs:,} fictional PNRs, {travellers:,} "
        "travellers (infants included), and a PAXLST message of the same travellers; CPU time "
        "of the whole parse (tokenizer, envelope, body, FtM entities), median (range) of the "
        "repeats.",
        "",
        "| format | file size | CPU time, median (range) | travellers per CPU-second |",
        "|---|---:|---:|---:|",
        *rows,
    ]
    text = "\n".join(lines) + "\n"
    print(text)
    if not args.no_docs:
        write_section(DOCS, SECTION, text)
    return 0
