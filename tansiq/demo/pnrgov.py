"""A PNRGOV push for the demo: the bookings of one flight, one watchlist person among them.

Names are written as reservation systems do: upper-case ASCII, hyphens as spaces, the title
glued to the given name (AMINAMRS). Contact and payment segments are there, as in real pushes,
with fictional values; the parser reads past them.
"""

from __future__ import annotations

import random
import unicodedata

from tansiq.demo.manifest import variant_candidates, variant_traveller
from tansiq.demo.people import WatchPerson
from tansiq.demo.records import ManifestHit
from tansiq.demo.travellers import Traveller, clean_traveller, forbidden_surnames
from tansiq.demo.watchlist import person_id

CARRIER, FLIGHT, FROM, TO = "SMA", "913", "CMN", "TUN"
DEPARTS, ARRIVES = "081125:0940", "081125:1155"
PNRS = 6
# Airline month names (core packages are siblings: the parser's own list is not imported).
MONTHS = ("JAN", "FEB", "MAR", "APR", "MAY", "JUN", "JUL", "AUG", "SEP", "OCT", "NOV", "DEC")


def airline_name(name: str) -> str:
    """Upper-case ASCII letters and spaces, as a reservation system stores a name."""
    decomposed = unicodedata.normalize("NFKD", name.replace("-", " "))
    kept = "".join(c for c in decomposed.upper() if c.isascii() and (c.isalpha() or c == " "))
    return " ".join(kept.split())


def _ddmmmyy(iso: str) -> str:
    year, month, day = iso.split("-")
    return f"{day}{MONTHS[int(month) - 1]}{year[2:]}"


def _traveller(ref: int, pax: Traveller, rng: random.Random) -> list[str]:
    last, first = airline_name(pax.last_name), airline_name(pax.first_name)
    middle = airline_name(pax.middle_name)
    title = "MR" if pax.gender == "M" else "MRS"
    expiry = f"{rng.randint(1, 28):02d}{rng.choice(MONTHS)}{rng.randint(27, 34)}"
    country, born = pax.nationality, _ddmmmyy(pax.date_of_birth)
    docs = f"/P/{country}/{pax.document_number}/{country}/{born}/{pax.gender}/{expiry}"
    return [
        f"TIF+{last}+{first.replace(' ', '')}{title}:A:{ref}",
        f"IFT+4:28::{CARRIER}+CTCE PASSENGER{ref}//EXAMPLE.ORG",
        f"SSR+DOCS:HK:1:{CARRIER}:::::{docs}/{last}/{first}/{middle}+::{ref}",
        f"FOP+CC::250.00:VI:XXXXXXXXXXXX{rng.randint(1000, 9999)}:1127",
    ]


def _pnr(locator: str, party: list[Traveller], rng: random.Random) -> list[str]:
    segments = ["SRC", f"RCI+{CARRIER}:{locator}", "DAT+700:011125:1015"]
    for ref, pax in enumerate(party, 1):
        segments += _traveller(ref, pax, rng)
    leg = f"TVL+{DEPARTS}:{ARRIVES}+{FROM}+{TO}+{CARRIER}+{FLIGHT}:Y"
    return [*segments, leg, f"RPI+{len(party)}+HK", "SSR+AVML:HK:1:SMA+::1"]


def _locator(rng: random.Random) -> str:
    return "".join(rng.choice("ABCDEFGHJKLMNPQRSTUVWXYZ23456789") for _ in range(6))


def make_pnrgov(seed: int, people: tuple[WatchPerson, ...]) -> tuple[str, ManifestHit]:
    """The PNRGOV text and the ground truth of its planted watchlist person.

    Its own random stream (from the seed) leaves the rest of the world unchanged.
    """
    rng = random.Random(f"{seed}-pnrgov")
    docs = {p.number for person in people for p in person.passports}
    person = rng.choice(variant_candidates(people))
    planted = variant_traveller(rng, person, "spelling+passport", docs)
    forbidden = forbidden_surnames(people)
    parties = [
        [clean_traveller(rng, forbidden, docs) for _ in range(rng.randint(1, 3))]
        for _ in range(PNRS - 1)
    ]
    where = rng.randrange(PNRS)
    parties.insert(where, [planted])
    locators = [_locator(rng) for _ in parties]
    body = ["MSG+:22", f"ORG+{CARRIER}:{FROM}", f"TVL+{DEPARTS}+{FROM}+{TO}+{CARRIER}+{FLIGHT}"]
    body.append(f"EQN+{len(parties)}")
    for locator, party in zip(locators, parties, strict=True):
        body += _pnr(locator, party, rng)
    segments = ["UNH+1+PNRGOV:13:1:IA+SMA913", *body]
    segments.append(f"UNT+{len(segments) + 1}+1")
    segments = ["UNB+IATA:1+SMA++251108:0500+SMA913", *segments, "UNZ+1+SMA913"]
    text = "UNA:+.? '\n" + "".join(f"{segment}'\n" for segment in segments)
    hit = ManifestHit(f"{CARRIER}:{locators[where]}/1", person_id(person), "spelling+passport")
    return text, hit
