"""The `extraction_top` stage: rows trafilatura kept above the page's headline (an <h1> repeating
the declared title, or its start) are removed; the article starts at its headline."""

from __future__ import annotations

import newsclean
from newsclean import Stage
from newsclean.document import Block, Document, DomFeatures, Metadata
from newsclean.stages.extraction_top import mark_above_page_headline

MENU = ["| North | South | East | West | Islands | Harbour | Old Town |", "| Local news channel |"]
HEADLINE = "Night ferry to the islands returns in May"
STORY = [
    "The ferry company said on Friday that the night crossing to the islands will run again from May, two "
    "years after it was stopped for lack of passengers.",
    "A new timetable, agreed with the county, puts the last departure at eleven so that visitors can stay "
    "for the evening concerts on the mainland.",
]


def block(tag: str, text: str) -> Block:
    return Block(0, text, dom=DomFeatures(tag, False, 0.0))


def page_doc(title: str, headline_tag: str = "h1", story: list[str] = STORY) -> Document:
    """trafilatura's extraction (menu rows and the story) of a table-laid page with `title`."""
    page = [block("td", "North South East West Islands Harbour Old Town"), block("td", "Local news channel"),
            block(headline_tag, HEADLINE), *(block("p", text) for text in story)]
    extracted = [Block(i + 1, text) for i, text in enumerate([*MENU, *story])]
    return Document("page.html", extracted, meta=Metadata(title=title, title_candidates=(("h1", HEADLINE),)),
                    input_format="html", page_text=page)


def test_rows_kept_above_a_headline_that_starts_the_title_are_removed() -> None:
    doc = mark_above_page_headline(page_doc(f"{HEADLINE}-Local news-Harbour Gazette"), newsclean.Config())
    assert doc.paragraphs == STORY
    for removed in doc.removed():
        assert removed.removal.stage is Stage.BOILERPLATE
        assert removed.removal.reason == f'above the page\'s headline ("{HEADLINE[:40]}")'


def test_an_h1_that_repeats_no_declared_title_is_no_headline() -> None:
    # The <h1> is only its own title candidate: it proves nothing.
    doc = mark_above_page_headline(page_doc("Harbour Gazette"), newsclean.Config())
    assert doc.paragraphs == [*MENU, *STORY]


def test_nothing_is_removed_when_the_headline_is_not_an_h1() -> None:
    doc = mark_above_page_headline(page_doc(HEADLINE, headline_tag="div"), newsclean.Config())
    assert doc.paragraphs == [*MENU, *STORY]


def test_nothing_is_removed_when_most_of_the_extraction_lies_above_the_headline() -> None:
    doc = mark_above_page_headline(page_doc(HEADLINE, story=["Short."]), newsclean.Config())
    assert doc.paragraphs == [*MENU, "Short."]


def test_a_paragraph_above_the_headline_stays() -> None:
    doc = page_doc(f"{HEADLINE} | Harbour Gazette")
    doc.page_text[1] = block("p", "Local news channel")
    assert mark_above_page_headline(doc, newsclean.Config()).paragraphs == [MENU[1], *STORY]
