from __future__ import annotations

from typing import Any

import pytest

from tansiq.demo import DemoWorld, generate_world


@pytest.fixture(scope="session")
def world() -> DemoWorld:
    return generate_world()


@pytest.fixture(scope="session")
def entities(world: DemoWorld) -> dict[str, dict[str, Any]]:
    return {e["id"]: e for ds in world.datasets for e in ds.entities}


@pytest.fixture(scope="session")
def persons(world: DemoWorld) -> list[dict[str, Any]]:
    return [e for e in world.dataset("demo-watchlist").entities if e["schema"] == "Person"]
