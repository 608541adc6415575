from __future__ import annotations

import re
from typing import Any

from tansiq.demo import DemoWorld


def test_there_are_english_and_french_articles(world: DemoWorld) -> None:
    languages = [a.language for a in world.articles]
    assert len(languages) == 10
    assert set(languages) == {"en", "fr"}
    assert languages.count("fr") >= 3


def test_two_articles_are_html_and_the_rest_plain_text(world: DemoWorld) -> None:
    html = [a for a in world.articles if a.filename.endswith(".html")]
    assert len(html) == 2
    for article in html:
        assert article.html is not None
        assert article.content.startswith("<!DOCTYPE html>")
        assert "<h1>" in article.content
    assert all(a.filename.endswith(".txt") for a in world.articles if a not in html)


def test_articles_mention_watchlist_persons_by_variant_spellings(
    world: DemoWorld, persons: list[dict[str, Any]]
) -> None:
    text = "\n".join(a.text for a in world.articles)
    aliases = {a for p in persons for a in p["properties"]["alias"]}
    names = {p["properties"]["name"][0] for p in persons}
    variants = [a for a in aliases - names if a in text or a.upper() in text]
    assert len(variants) >= 7


def test_one_article_spells_a_listed_person_as_no_list_entry_does(
    world: DemoWorld, persons: list[dict[str, Any]]
) -> None:
    text = "\n".join(a.text for a in world.articles)
    listed = {
        n.casefold() for p in persons for n in p["properties"]["name"] + p["properties"]["alias"]
    }
    found = re.search(r"identified as ([^,]+), remains", text)
    assert found is not None
    assert found.group(1).casefold() not in listed


def test_articles_name_the_fictional_groups(world: DemoWorld) -> None:
    text = "\n".join(a.text for a in world.articles)
    groups = world.dataset("demo-groups").entities
    named = [
        g
        for g in groups
        if g["schema"] == "Organization"
        if any(n in text for n in g["properties"]["name"] + g["properties"]["alias"])
    ]
    assert len(named) >= 5


def test_articles_carry_figures(world: DemoWorld) -> None:
    text = "\n".join(a.text for a in world.articles)
    assert "dismantled 14 cells since 2019" in text
    assert re.search(r"arrested at least \d+ individuals", text)
    assert "une cellule de 5 membres" in text


def test_news_entities_mirror_the_articles(world: DemoWorld) -> None:
    entities = world.dataset("demo-news").entities
    titles = {e["properties"]["title"][0] for e in entities}
    assert titles == {a.title for a in world.articles}
    assert {e["properties"]["language"][0] for e in entities} == {"eng", "fra"}
    dates = sorted(e["properties"]["publishedAt"][0] for e in entities)
    assert dates == sorted(a.published for a in world.articles)


def test_two_articles_report_one_attack_with_different_dates_and_tolls(world: DemoWorld) -> None:
    reports = [a for a in world.articles if "attacked a customs post near Agadez" in a.text]
    assert len(reports) == 2
    first, second = sorted(reports, key=lambda a: a.published)
    assert "on 9 May 2023" in first.text and "killing 6 customs officers" in first.text
    assert "on 10 May 2023" in second.text and "killing 8 customs officers" in second.text
    assert all("Vanguard of the Tamaskart Plateau" in a.text for a in reports)
