"""Other stories' teasers below the article's last paragraph, under a label no phrase list knows,
go by their repeated shape (headline, blurb); the article's own closing sections stay."""

from __future__ import annotations

from conftest import BODY, HEADLINE, apply, dump

from newsclean.stages import mark_in_span

# A source note closes the article; each teaser is a headline over a blurb or two of a sentence
# or two, as long as a short paragraph (they read as prose, so the span runs on), then its
# author and date; a kicker may head it.
NOTE = "With agency material."
TEASERS = [
    "Elsewhere on the site",
    "Museum reopens its east wing after a costly restoration",
    "Visitors will see the painted ceilings again for the first time in twelve years. "
    "The restorers worked through three winters to save the plaster.",
    "The east wing had been closed since a storm tore part of its roof away.",
    "Mary Major 08.07.2024 6 min",
    "Opinion",
    "Why the city needs a second night bus line",
    "Shift workers wait up to an hour for a ride home after midnight, our columnist argues. "
    "A second line would cost less than the council thinks.",
    "Jane Doe 04.12.2023 5 min",
    "Local choir wins national title in Cardiff",
    "The forty singers beat eleven rivals with a programme of old folk songs. "
    "Their conductor has led the choir for almost thirty years.",
]


def test_a_run_of_teasers_below_the_article_goes() -> None:
    lines = [HEADLINE, *BODY, NOTE, *TEASERS]
    doc, marks = apply(mark_in_span, dump(*lines))
    first = len(BODY) + 3  # (lines count from 1: the headline, the body, the note)
    assert set(marks) == set(range(first, first + len(TEASERS)))
    assert 'other stories\' teasers below the article (under "Elsewhere on the site")' in {removal.reason for removal in marks.values()}
    assert doc.paragraphs == [*BODY, NOTE]


def test_two_teasers_are_no_run() -> None:
    # Two headlines over a sentence each may be the article's last two sections.
    lines = [HEADLINE, *BODY, NOTE, *TEASERS[:5], *TEASERS[9:]]
    _, marks = apply(mark_in_span, dump(*lines))
    assert not any("teasers below" in removal.reason for removal in marks.values())


def test_the_articles_own_closing_sections_stay() -> None:
    # Subheadings over short paragraphs that go on speaking of the lake: the article's sections.
    sections = [
        "What comes next for the lake",
        "Hydrologists expect the lake level to fall further until the autumn rains arrive.",
        "Ferry operators and the islands",
        "Ferry operators hope the landing stages on the smaller islands can be reached again.",
        "Farmers cut their irrigation use",
        "Farmers who draw water from the lake have cut their irrigation use by a third.",
    ]
    lines = [HEADLINE, *BODY, "Outlook", *sections]
    _, marks = apply(mark_in_span, dump(*lines))
    assert not any("teasers below" in removal.reason for removal in marks.values())
