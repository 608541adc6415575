from __future__ import annotations

import ast
import sys
from pathlib import Path

import tansiq.demo
from tansiq.demo import DemoWorld
from tansiq.demo.variants import surname_variants

# Names of real groups and people that must never appear in the fictional demo world.
REAL_NAMES = (
    "qaeda",
    "qaida",
    "isis",
    "isil",
    "islamic state",
    "daesh",
    "boko haram",
    "shabaab",
    "aqim",
    "jnim",
    "mourabitoun",
    "mujao",
    "ansar dine",
    "ansaru",
    "hezbollah",
    "hamas",
    "taliban",
    "laden",
    "zawahiri",
    "baghdadi",
    "zarqawi",
    "belmokhtar",
    "droukdel",
    "shekau",
    "royal air maroc",
    "interpol",
    "afripol",
    "europol",
    "dgse",
    "dgsi",
    "dgst",
    "acsrt",
    "al-faransi",
    "al-britani",
    "baljiki",
    "beljiki",
)


def _all_text(world: DemoWorld) -> str:
    parts = [world.manifest_csv]
    parts += [a.content for a in world.articles]
    parts += [repr(e) for ds in world.datasets for e in ds.entities]
    return "\n".join(parts).lower()


def test_no_real_group_agency_or_person_name_appears(world: DemoWorld) -> None:
    text = _all_text(world)
    found = [name for name in REAL_NAMES if f" {name}" in text or f"'{name}" in text]
    assert found == []


def test_the_demo_package_imports_only_stdlib_and_followthemoney() -> None:
    # followthemoney itself pulls in some frameworks; what matters is our own imports.
    allowed = set(sys.stdlib_module_names) | {"followthemoney", "tansiq"}
    for path in Path(tansiq.demo.__file__).parent.glob("*.py"):
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            if isinstance(node, ast.Import):
                roots = [alias.name.split(".")[0] for alias in node.names]
            elif isinstance(node, ast.ImportFrom) and node.module:
                roots = [node.module.split(".")[0]]
            else:
                continue
            assert set(roots) <= allowed, (path.name, roots)


def test_surname_variants_cover_common_romanisation_differences() -> None:
    variants = surname_variants("Benkhalfa-Tidra")
    assert "Ben Khalfa-Tidra" in variants
    assert "Benhalfa-Tidra" in variants
    assert "Benkhalfa Tidra" in variants
    assert "Oumezru" in surname_variants("Oumezrou")
    assert "Al-Dahdouri" in surname_variants("El Dahdouri")
    assert "Shetmezri" in surname_variants("Chetmezri")
    assert "Benkhalfa-Tidra" not in variants
