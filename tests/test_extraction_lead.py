"""The `extraction_lead` stage: the standfirst and first paragraphs that trafilatura dropped between
the page's headline and the body it kept are added back from the page's whole text; captions, date
lines and paragraphs dropped further down are not."""

from __future__ import annotations

import newsclean
from newsclean.document import Block, Document, DomFeatures
from newsclean.stages.extraction_lead import add_dropped_opening

BODY = [
    "The ferry company said on Friday that the night crossing to the islands will run again from May, two "
    "years after it was stopped for lack of passengers.",
    "A new timetable, agreed with the county, puts the last departure at eleven so that visitors can stay "
    "for the evening concerts on the mainland.",
    "Islanders had collected more than four thousand signatures for the crossing, which also carries the "
    "post and fresh bread to the smaller harbours.",
]
STANDFIRST = ("Two years after the last boat left at night, the islands get their evening link to the "
              "mainland back, and the post goes with it.")
CAPTION = "The night ferry at the old pier, photographed from the harbour wall."
PULL_QUOTE = ("We never stopped asking for it, and in the end they listened to us, said the harbour master, "
              "who has worked on the pier for thirty years.")


def block(tag: str, text: str, link_density: float = 0.0) -> Block:
    """A page block in `tag`, inside the story's <article>."""
    return Block(0, text, dom=DomFeatures(tag, True, link_density, named='<div class="story-body">'))


def extraction(kept: list[str], page: list[Block]) -> Document:
    """trafilatura's extraction `kept` of a page whose whole text is `page`."""
    return Document("page.html", [Block(i + 1, text) for i, text in enumerate(kept)], input_format="html",
                    page_text=page)


def page_with_opening(headline: str = "h1") -> list[Block]:
    """A story page: headline, standfirst, date line, lead photo's caption, then the body."""
    return [block("div", "Home News Islands"), block(headline, "Night ferry to return"), block("p", STANDFIRST),
            block("div", "March 4, 2024, 10:05 am"), block("figcaption", CAPTION), *(block("p", text) for text in BODY)]


def test_a_standfirst_trafilatura_dropped_below_the_headline_is_added_back() -> None:
    doc = add_dropped_opening(extraction(BODY, page_with_opening()), newsclean.Config())
    assert doc.paragraphs == [STANDFIRST, *BODY]
    assert [b.line for b in doc.blocks] == list(range(1, len(BODY) + 2))


def test_a_kept_headline_stays_above_the_standfirst_added_back() -> None:
    doc = add_dropped_opening(extraction(["Night ferry to return", *BODY], page_with_opening()), newsclean.Config())
    assert doc.paragraphs == ["Night ferry to return", STANDFIRST, *BODY]


def test_without_a_headline_above_the_body_nothing_is_added() -> None:
    doc = add_dropped_opening(extraction(BODY, page_with_opening(headline="div")), newsclean.Config())
    assert doc.paragraphs == BODY


def test_paragraphs_dropped_inside_the_body_or_full_of_links_are_not_added() -> None:
    page = [block("h1", "Night ferry to return"), block("p", STANDFIRST, link_density=0.8),
            block("p", BODY[0]), block("p", PULL_QUOTE), *(block("p", text) for text in BODY[1:])]
    doc = add_dropped_opening(extraction(BODY, page), newsclean.Config())
    assert doc.paragraphs == BODY
