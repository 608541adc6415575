from pathlib import Path

import pytest
from fastapi.testclient import TestClient

from tansiq.domain.principal import Principal
from tansiq.services import Tansiq
from tests.factories import WORLD, load


@pytest.fixture
def world(app: Tansiq, admin: Principal, tmp_path: Path) -> None:
    load(app, admin, tmp_path, "watchlist", WORLD, marking="TLP:AMBER", grade="B2")


def test_the_start_page_lists_datasets(world: None, client: TestClient) -> None:
    res = client.get("/")
    assert res.status_code == 200
    assert 'href="/datasets/watchlist"' in res.text and "TLP:AMBER" in res.text


def test_the_search_page_renders_results_and_facets(world: None, client: TestClient) -> None:
    html = client.get("/search", params={"q": "amina"}).text
    assert 'href="/entities/p-amina"' in html
    assert 'name="schema" value="Person"' in html
    assert 'href="/api/v1/search?q=amina"' in html  # the JSON twin


def test_htmx_gets_only_the_results_partial(world: None, client: TestClient) -> None:
    html = client.get("/search", params={"q": "dunes"}, headers={"HX-Request": "true"}).text
    assert "<html" not in html and 'href="/entities/o-dunes"' in html


def test_the_entity_page_shows_provenance(world: None, client: TestClient) -> None:
    html = client.get("/entities/p-amina").text
    assert "أمينة التدراني" in html
    assert html.count('<abbr title="Usually reliable; probably true">B2</abbr>') == 6
    assert 'href="/entities/o-dunes"' in html
    assert 'href="/api/v1/entities/p-amina"' in html


def test_the_dataset_page_shows_its_marking_and_types(world: None, client: TestClient) -> None:
    html = client.get("/datasets/watchlist").text
    assert "Usually reliable" in html and "/search?dataset=watchlist&schema=Person" in html


def test_a_missing_entity_gets_an_html_404(client: TestClient) -> None:
    res = client.get("/entities/nobody")
    assert res.status_code == 404
    assert "text/html" in res.headers["content-type"] and "no entity" in res.text


def test_static_assets_are_served_from_the_package(client: TestClient) -> None:
    assert client.get("/static/htmx.min.js").status_code == 200
    assert client.get("/static/tansiq.css").status_code == 200
