"""A small fictional watchlist and manifest for screening tests."""

from __future__ import annotations

from pathlib import Path

from tansiq.domain.principal import Principal
from tansiq.services import Tansiq
from tests.factories import WORLD, e, load

EXTRA = [
    e(
        "Person",
        "p-karim",
        name="Abdelkarim Zerhouni-Bellaoui",
        alias="عبد الكريم زرهوني",
        birthDate="1979-11-23",
        nationality="dz",
        gender="male",
    ),
    e(
        "Person",
        "p-fatou",
        name="Fatoumata Kelledio",
        birthDate="1992-03-14",
        nationality="ml",
        gender="female",
    ),
]
HEADER = "id,full_name,first_name,middle_name,last_name,gender,date_of_birth,place_of_birth,"
MANIFEST = (
    HEADER
    + """nationality,document_number
PAX-1,Amina Tidrany,,,,female,1984-05-02,,MA,ZX1234567
PAX-2,John Carter,,,,male,1975-01-01,,US,
PAX-3,Abd al-Karim Zerhouni Bellaoui,,,,male,1980,,DZ,
PAX-4,Chen Wei,,,,male,1988-08-08,,CN,
PAX-5,Fatoumata Kelledio,,,,female,1992-03-14,,ML,
"""
)


# A fictional PNRGOV push: four travellers in two PNRs, one of them the watchlisted
# Abdelkarim Zerhouni-Bellaoui (booked as ZERHOUNI BELLAOUI/ABDELKARIMMR, born 23NOV79).
PNRGOV = Path(__file__).parent / "travel" / "fixtures" / "pnrgov_fictional.edi"
PNRGOV_PLANTED = "XQ:ZK3P9Q/1"  # record locator / TIF reference of the planted traveller


def load_watchlist(app: Tansiq, admin: Principal, tmp: Path) -> None:
    load(app, admin, tmp, "watchlist", WORLD + EXTRA, marking="TLP:AMBER", grade="B2")


def write_manifest(tmp: Path, text: str = MANIFEST) -> Path:
    path = tmp / "manifest.csv"
    path.write_text(text, encoding="utf-8")
    return path
