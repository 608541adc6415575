"""Fixed fiction of the demo world: invented groups, roles and front organisation names."""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True)
class Group:
    """A fictional armed group."""

    key: str
    name: str
    listed_as: str
    french: str
    arabic: str
    countries: tuple[str, ...]
    founded: str
    summary: str


GROUPS: tuple[Group, ...] = (
    Group(
        "dunes",
        "Brigade of the Southern Dunes",
        "Southern Dunes Brigade",
        "Brigade des Dunes du Sud",
        "كتيبة الكثبان الجنوبية",
        ("ml", "ne", "dz"),
        "2011",
        "Armed faction active along desert smuggling routes; kidnapping and extortion.",
    ),
    Group(
        "tamaskart",
        "Vanguard of the Tamaskart Plateau",
        "Tamaskart Plateau Vanguard",
        "Avant-garde du plateau de Tamaskart",
        "طليعة هضبة تمسكرت",
        ("ne", "td"),
        "2014",
        "Splinter faction named after an invented plateau; recruits through online forums.",
    ),
    Group(
        "wadi",
        "Companions of the Green Wadi",
        "Green Wadi Companions",
        "Compagnons de l'Oued Vert",
        "رفاق الوادي الأخضر",
        ("dz", "tn", "ly"),
        "2009",
        "Ageing network with cells in North Africa and support cells in Europe.",
    ),
    Group(
        "lantern",
        "Sahel Lantern Network",
        "Lantern of the Sahel Network",
        "Réseau de la Lanterne du Sahel",
        "شبكة فانوس الساحل",
        ("ml", "bf", "sn"),
        "2016",
        "Facilitation network moving fighters and money across the Sahel.",
    ),
    Group(
        "oases",
        "Movement of the Eastern Oases",
        "Eastern Oases Movement",
        "Mouvement des Oasis de l'Est",
        "حركة واحات الشرق",
        ("ly", "eg", "td"),
        "2013",
        "Loose movement with a media wing producing propaganda in three languages.",
    ),
    Group(
        "salt",
        "Front of the Salt Roads",
        "Salt Roads Front",
        "Front des Routes du Sel",
        "جبهة طرق الملح",
        ("mr", "ml", "ma"),
        "2018",
        "Newest group; suspected of planning attacks on transport infrastructure.",
    ),
)

ROLES = (
    "member",
    "member",
    "recruiter",
    "financier",
    "logistics coordinator",
    "media officer",
    "facilitator",
    "weapons procurer",
    "courier",
)
RELATIONSHIPS = (
    "brother-in-law",
    "cousin",
    "childhood friend",
    "former cellmate",
    "business partner",
    "travel companion",
)
# English suffix, kind, French name pattern (empty: the name is used as is in French).
FRONT_KINDS: tuple[tuple[str, str, str], ...] = (
    ("Trading SARL", "company", ""),
    ("Transport et Logistique", "company", ""),
    ("Relief Association", "charity", "Association de secours {place}"),
    ("Charitable Foundation", "charity", "Fondation caritative {place}"),
    ("Money Transfer", "exchange", "{place} Transfert d'argent"),
    ("Bureau de Change", "exchange", ""),
    ("Import-Export", "company", ""),
    ("Cultural Centre", "charity", "Centre culturel {place}"),
    ("Dates and Honey Cooperative", "company", "Coopérative dattes et miel {place}"),
    ("Livestock Company", "company", "Société d'élevage {place}"),
)
FRONT_COUNTRIES = ("ma", "dz", "tn", "ml", "ne", "sn", "fr", "be", "es", "tr", "ae")
FRONT_PLACES = (
    "Tamaskart",
    "Oued Tidra",
    "Bir Ouzkane",
    "Hassi Mezrani",
    "Aghrem Noulal",
    "Kel Tazrouft",
    "Tin Ouarzane",
    "Sahel Horizon",
    "Dunes d'Or",
    "Green Crescent",
    "Nouvelle Caravane",
    "Southern Star",
)
