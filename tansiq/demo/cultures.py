"""Name pools for travellers of many cultures; surnames are invented from two syllables."""

from __future__ import annotations

import random
from dataclasses import dataclass


@dataclass(frozen=True)
class Culture:
    """Given names (real, common) and surname syllables (to invent surnames) of one culture."""

    code: str
    countries: tuple[str, ...]
    male: tuple[str, ...]
    female: tuple[str, ...]
    starts: tuple[str, ...]
    ends: tuple[str, ...]
    particle: str = ""

    def surname(self, rng: random.Random) -> str:
        """Invent a surname of this culture."""
        core = rng.choice(self.starts) + rng.choice(self.ends)
        return f"{self.particle}{core}" if self.particle and rng.random() < 0.5 else core


def _t(text: str) -> tuple[str, ...]:
    return tuple(text.split())


CULTURES: tuple[Culture, ...] = (
    Culture(
        "fr",
        ("fr", "be"),
        _t("Julien Thomas Nicolas Maxime Antoine Hugo Louis Mathieu"),
        _t("Camille Sarah Chloé Manon Élodie Julie Pauline Inès"),
        _t("Lav Dum Berg Charm Morv Gall Ross Vign Bourn Tess"),
        _t("ernois archet ignac eaux ollet ardin ousse elier"),
    ),
    Culture(
        "es",
        ("es",),
        _t("Javier Sergio Daniel Álvaro Pablo Diego Raúl"),
        _t("Lucía Marta Elena Paula Carmen Nuria Alba"),
        _t("Orv Cast Mend Garv Vill Ybarr Alm Querr"),
        _t("allez edo ueña arrón ízar ondo"),
    ),
    Culture(
        "pt",
        ("pt", "br"),
        _t("João Tiago Rui Bruno Miguel Duarte"),
        _t("Beatriz Inês Mariana Joana Rita Catarina"),
        _t("Alm Carv Fons Pint Queir Barr"),
        _t("eira alho eca ós ada ento"),
    ),
    Culture(
        "it",
        ("it",),
        _t("Matteo Lorenzo Davide Marco Luca Giorgio"),
        _t("Giulia Chiara Federica Elisa Sara Martina"),
        _t("Ferr Bald Cast Lup Marz Giov Bors"),
        _t("azzi ucci etti onello ignano elli"),
    ),
    Culture(
        "de",
        ("de", "at", "ch"),
        _t("Lukas Florian Jan Tobias Felix Jonas"),
        _t("Anna Lena Katrin Julia Miriam Leonie"),
        _t("Brenn Holl Stein Wald Kess Lind Ober Ros"),
        _t("wald ecker hofer bach mayr inger"),
    ),
    Culture(
        "nl",
        ("nl", "be"),
        _t("Jeroen Bram Sander Daan Joris Thijs"),
        _t("Femke Sanne Lotte Eline Anouk Marieke"),
        _t("Wijd Oost Bleek Kraai Hoog Ven"),
        _t("veld hoven donk stra kamp dijk"),
        "van ",
    ),
    Culture(
        "en",
        ("gb", "ie", "us"),
        _t("Oliver Jack Harry Ryan Connor Liam"),
        _t("Emily Grace Chloe Sophie Megan Niamh"),
        _t("Ash Brack Holl Penn Whit Thorn Kell"),
        _t("well ington combe ridge ford sby"),
    ),
    Culture(
        "tr",
        ("tr",),
        _t("Emre Burak Mert Can Oğuz Kerem"),
        _t("Elif Zeynep Ebru Derya Seda Merve"),
        _t("Kara Ak Demir Yıl Öz Tek Gül"),
        _t("soy dağ tepe kaya han ören"),
    ),
    Culture(
        "ng",
        ("ng",),
        _t("Chinedu Tunde Emeka Segun Obinna Kelechi"),
        _t("Ngozi Funmi Adaeze Chioma Bisola Yetunde"),
        _t("Ade Olu Chi Oke Nwa Ife"),
        _t("wunmi koya buike nedu lade bisi"),
    ),
    Culture(
        "sn",
        ("sn", "gm"),
        _t("Pape Modou Abdou Lamine Babacar Serigne"),
        _t("Ndeye Fatou Awa Coumba Astou Khady"),
        _t("Nd Diou Se Fal Tal Gay"),
        _t("iaye gane ck lo lla ssou"),
    ),
    Culture(
        "zh",
        ("cn", "sg"),
        _t("Wei Jianhao Zhiwei Haoran Yifan Junjie"),
        _t("Xiulan Jing Yuting Meiling Xinyi Lihua"),
        _t("Zh Q L H X"),
        _t("ang iao uan eng ong"),
    ),
    Culture(
        "ja",
        ("jp",),
        _t("Haruto Ren Sota Yuto Daiki Kenta"),
        _t("Yui Aoi Hina Sakura Misaki Rin"),
        _t("Taka Mori Yama Hoshi Kita Nishi"),
        _t("zawa guchi moto kawa hara numa"),
    ),
    Culture(
        "in",
        ("in",),
        _t("Rohan Vikram Arjun Karthik Aditya Rahul"),
        _t("Ananya Priya Kavya Divya Meera Sneha"),
        _t("Raghu Mehr Sunder Vasu Chand Bhar"),
        _t("nathan otra esan dev ani wal"),
    ),
)

CONVERT_CULTURES = ("fr", "es", "de", "nl", "en")


def culture(code: str) -> Culture:
    """The culture with this code."""
    return next(c for c in CULTURES if c.code == code)
