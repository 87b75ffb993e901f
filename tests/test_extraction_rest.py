"""The `extraction_rest` stage: the rest of an article that trafilatura stopped short of (an ad
slot between two paragraphs ended its extraction) is added back from the page's whole text, and
only a long rest in the article's own markup."""

from __future__ import annotations

import newsclean
from newsclean.document import Block, Document, DomFeatures, Stage
from newsclean.stages.extraction_rest import add_rest_of_article

PARAGRAPHS = [
    "The regional orchestra announced on Monday that it will move into the restored grain warehouse by the "
    "river, after nine seasons of playing in a school gymnasium.",
    "The building, empty since the mill closed, was bought by the city four years ago and rebuilt with money "
    "from a lottery fund and two private foundations.",
    "Its main hall seats eight hundred people, twice as many as the gymnasium, and the orchestra hopes to add "
    "a second weekly concert from the spring.",
    "Musicians who toured the hall last week said the sound was warmer than they had expected from a room "
    "with brick walls and an iron roof.",
    "The first concert, a programme of Dvorak and Sibelius, is planned for the last Saturday of October, and "
    "tickets go on sale at the end of the month.",
    "A café and a rehearsal room for the youth orchestra will open on the ground floor once the fire "
    "inspectors have approved the new staircases.",
]
PROMO = ("Sign up for our morning briefing and get the most important local stories of the day delivered "
         "straight to your inbox, every weekday at seven.")


def paragraph(text: str, named: str | None = '<div class="story-body">', in_article: bool = True) -> Block:
    """A page block in a `<p>` of the story's body."""
    return Block(0, text, dom=DomFeatures("p", in_article, 0.0, named=named))


def other(text: str) -> Block:
    """A page block outside the story's paragraphs (an ad label, a heading)."""
    return Block(0, text, dom=DomFeatures("div", in_article=True, link_density=0.0))


def extraction(kept: list[str], page: list[Block]) -> Document:
    """trafilatura's extraction `kept` of a page whose whole text is `page`."""
    return Document("page.html", [Block(i + 1, text) for i, text in enumerate(kept)], input_format="html",
                    page_text=page)


def test_the_articles_rest_below_an_ad_slot_is_added_back() -> None:
    page = [other("Orchestra finds a new home"), *map(paragraph, PARAGRAPHS[:2]), other("Advertisement"),
            *map(paragraph, PARAGRAPHS[2:]), other("Copyright 2024 River Gazette")]
    doc = add_rest_of_article(extraction(PARAGRAPHS[:2], page), newsclean.Config())
    assert doc.paragraphs == PARAGRAPHS
    assert [block.line for block in doc.blocks] == list(range(1, len(PARAGRAPHS) + 1))


def test_a_paragraph_or_two_below_the_end_are_not_added() -> None:
    # A promotion in the story's markup below the article: trafilatura was right to drop it.
    page = [*map(paragraph, PARAGRAPHS), paragraph(PROMO)]
    doc = add_rest_of_article(extraction(PARAGRAPHS, page), newsclean.Config())
    assert doc.paragraphs == PARAGRAPHS


def test_paragraphs_in_other_markup_are_not_the_articles_rest() -> None:
    # Another story's paragraphs below the article, in a box of its own.
    page = [*map(paragraph, PARAGRAPHS[:2]), *(paragraph(text, named='<div class="teaser">') for text in PARAGRAPHS[2:])]
    doc = add_rest_of_article(extraction(PARAGRAPHS[:2], page), newsclean.Config())
    assert doc.paragraphs == PARAGRAPHS[:2]


def test_an_end_marker_ends_the_rest() -> None:
    page = [*map(paragraph, PARAGRAPHS[:2]), other("Comments"), *map(paragraph, PARAGRAPHS[2:])]
    doc = add_rest_of_article(extraction(PARAGRAPHS[:2], page), newsclean.Config())
    assert doc.paragraphs == PARAGRAPHS[:2]


def test_nothing_is_added_below_an_end_found_inside_the_extraction() -> None:
    # An extracted block further down was removed as below the article: the paragraphs between
    # (a second story, say) are not the article's rest.
    page = [*map(paragraph, PARAGRAPHS[:2]), *map(paragraph, PARAGRAPHS[2:]), paragraph(PROMO)]
    doc = extraction([*PARAGRAPHS[:2], PROMO], page)
    doc.blocks[2].remove(Stage.BOILERPLATE, "a newsletter prompt")
    assert add_rest_of_article(doc, newsclean.Config()).paragraphs == PARAGRAPHS[:2]
