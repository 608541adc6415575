"""Countries, birth cities and nationality mixes (real places; only the people are invented)."""

from __future__ import annotations

import random

CITIES: dict[str, tuple[str, ...]] = {
    "ma": ("Casablanca", "Fès", "Tanger", "Oujda", "Marrakech", "Tétouan", "Nador"),
    "dz": ("Alger", "Oran", "Constantine", "Blida", "Sétif", "Tlemcen"),
    "tn": ("Tunis", "Sfax", "Sousse", "Kairouan", "Bizerte", "Gabès"),
    "ly": ("Tripoli", "Misrata", "Sabha"),
    "eg": ("Alexandria", "Asyut", "Mansoura"),
    "mr": ("Nouakchott", "Nouadhibou", "Atar"),
    "ml": ("Bamako", "Gao", "Mopti", "Ségou", "Kidal"),
    "ne": ("Niamey", "Agadez", "Zinder", "Tahoua"),
    "bf": ("Ouagadougou", "Bobo-Dioulasso", "Dori"),
    "td": ("N'Djamena", "Abéché", "Moundou"),
    "sn": ("Dakar", "Thiès", "Saint-Louis", "Kaolack"),
    "ng": ("Kano", "Kaduna", "Sokoto", "Lagos"),
    "cm": ("Maroua", "Garoua", "Yaoundé"),
    "gn": ("Conakry", "Kankan", "Labé"),
    "fr": ("Marseille", "Lyon", "Roubaix", "Toulouse", "Saint-Denis", "Nice", "Lille"),
    "be": ("Bruxelles", "Anvers", "Liège", "Charleroi", "Verviers"),
    "es": ("Ceuta", "Melilla", "Barcelona", "Madrid", "Almería"),
    "nl": ("Rotterdam", "Amsterdam", "Utrecht"),
    "de": ("Hamburg", "Dortmund", "Frankfurt am Main"),
    "gb": ("Birmingham", "Manchester", "London"),
    "it": ("Milano", "Torino", "Bologna"),
    "se": ("Malmö", "Göteborg"),
    "pt": ("Lisboa", "Porto", "Braga"),
    "br": ("São Paulo", "Recife", "Curitiba"),
    "tr": ("İstanbul", "Ankara", "İzmir"),
    "cn": ("Shanghai", "Wuhan", "Chengdu"),
    "sg": ("Singapore",),
    "jp": ("Osaka", "Nagoya", "Sapporo"),
    "in": ("Pune", "Chennai", "Jaipur"),
    "ie": ("Cork", "Galway"),
    "us": ("Chicago", "Houston", "Boston"),
    "at": ("Wien", "Graz"),
    "ch": ("Genève", "Zürich"),
    "gm": ("Banjul", "Serekunda"),
}

MAGHREB_NATIONALITIES: tuple[tuple[str, int], ...] = (
    ("ma", 22),
    ("dz", 18),
    ("tn", 14),
    ("fr", 14),
    ("be", 8),
    ("es", 5),
    ("ly", 5),
    ("nl", 3),
    ("de", 3),
    ("mr", 3),
    ("eg", 2),
    ("gb", 2),
    ("se", 1),
)
SAHEL_NATIONALITIES: tuple[tuple[str, int], ...] = (
    ("ml", 20),
    ("ne", 16),
    ("sn", 12),
    ("ng", 12),
    ("bf", 12),
    ("td", 8),
    ("mr", 7),
    ("cm", 5),
    ("gn", 5),
    ("fr", 3),
)
# Countries whose citizens often hold a second, European nationality in the demo world.
DIASPORA: dict[str, tuple[str, ...]] = {
    "fr": ("dz", "ma", "tn", "ml", "sn"),
    "be": ("ma", "tn"),
    "es": ("ma",),
    "nl": ("ma",),
    "de": ("tn",),
    "gb": ("ly",),
}
# Noms de guerre only ever use these nisbas of invented places, so that no generated
# kunya can coincide with a real person's nom de guerre.
NISBAS: tuple[tuple[str, str], ...] = (
    ("al-Tamaskarti", "التمسكرتي"),
    ("al-Tidrawi", "التيدراوي"),
    ("al-Ouzkani", "الأوزكاني"),
    ("al-Noulali", "النولالي"),
    ("al-Tazroufti", "التزروفتي"),
)
CONVERT_COUNTRIES = ("fr", "be", "es", "de", "nl", "gb")


def weighted(rng: random.Random, table: tuple[tuple[str, int], ...]) -> str:
    """Pick one key of a (key, weight) table."""
    keys = [k for k, _ in table]
    weights = [w for _, w in table]
    return rng.choices(keys, weights=weights, k=1)[0]


def city(rng: random.Random, country: str) -> str:
    """A birth city in ``country``."""
    return rng.choice(CITIES[country])
