"""The demo-news dataset (FtM Articles) and the same stories as raw files for ingest."""

from __future__ import annotations

import html
import random
from collections.abc import Callable

from tansiq.demo import stories_en, stories_fr
from tansiq.demo.entities import entity_id, make
from tansiq.demo.people import WatchPerson
from tansiq.demo.plot import Plot
from tansiq.demo.records import DemoArticle, EntityDict
from tansiq.demo.storytools import Cast, Story

DATASET = "demo-news"
LANGUAGES = {"en": "eng", "fr": "fra"}
STORIES: tuple[Callable[[Cast], Story], ...] = (
    stories_en.cell_dismantled,
    stories_fr.cell_of_five,
    stories_en.airport_stop,
    stories_en.cooperation_meeting,
    stories_fr.plot_foiled,
    stories_en.customs_post_attack,
    stories_en.customs_post_toll,
    stories_en.charity_financing,
    stories_fr.cooperation_agreement,
    stories_en.recruiter_sentenced,
)
HTML_SLUGS = ("border-police-stop-traveller-airport", "accord-cooperation-nctcb-desl")


def write_stories(
    rng: random.Random, people: tuple[WatchPerson, ...], plot: Plot
) -> tuple[Story, ...]:
    """Write all stories, in publication order."""
    cast = Cast(rng, people, plot)
    return tuple(story(cast) for story in STORIES)


def _html(story: Story) -> str:
    paragraphs = "\n".join(f"<p>{html.escape(p, quote=False)}</p>" for p in story.paragraphs)
    return (
        f'<!DOCTYPE html>\n<html lang="{story.language}">\n<head>\n<meta charset="utf-8">\n'
        f"<title>{html.escape(story.title)}</title>\n"
        f'<meta name="date" content="{story.published}">\n</head>\n<body>\n'
        f"<h1>{html.escape(story.title)}</h1>\n"
        f'<p class="byline">{html.escape(story.author)}, {html.escape(story.publisher)}</p>\n'
        f"{paragraphs}\n</body>\n</html>\n"
    )


def to_article(story: Story) -> DemoArticle:
    """The raw file of a story: .html for a couple of them, .txt for the rest."""
    is_html = story.slug in HTML_SLUGS
    suffix = "html" if is_html else "txt"
    return DemoArticle(
        filename=f"{story.published}-{story.slug}.{suffix}",
        language=story.language,
        title=story.title,
        published=story.published,
        text=story.text,
        html=_html(story) if is_html else None,
    )


def to_entity(story: Story) -> EntityDict:
    """The FtM Article entity of a story."""
    return make(
        "Article",
        entity_id(DATASET, "article", story.slug),
        {
            "title": story.title,
            "bodyText": "\n\n".join(story.paragraphs),
            "publishedAt": story.published,
            "author": story.author,
            "publisher": story.publisher,
            "language": LANGUAGES[story.language],
        },
    )
