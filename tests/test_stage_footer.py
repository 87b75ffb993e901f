"""footer stage: legal notices (a disclaimer heading takes its paragraph with it), and for documents
whose edges main_text did not cut (HTML), everything from an end-of-article marker down."""

from __future__ import annotations

import pytest
from conftest import BODY, HEADLINE, apply, dump, kept_lines

import newsclean
from newsclean import DEFAULT_CONFIG, Removal, Stage
from newsclean.parse.dump import parse_text_dump
from newsclean.pipeline import HTML_STAGES
from newsclean.stages import mark_footer

NOTICE = (
    "This content is provided by a third party for information only. The publisher makes no warranty as to "
    "its accuracy and accepts no liability for any loss arising from its use."
)


@pytest.mark.parametrize(("heading", "phrase"), [("Legal Disclaimer:", "legal disclaimer"), ("Disclaimer", "disclaimer")])
def test_disclaimer_heading_takes_its_paragraph_with_it(heading: str, phrase: str) -> None:
    text = dump(HEADLINE, *BODY, heading, NOTICE)
    doc, marks = apply(mark_footer, text)
    assert marks == {
        7: Removal(Stage.FOOTER, f'legal notice ("{phrase}")'),
        8: Removal(Stage.FOOTER, f'legal notice (under "{heading}")'),
    }
    assert kept_lines(doc) == [2, 3, 4, 5, 6]
    assert newsclean.clean(text).paragraphs == BODY


def test_legal_notice_without_heading_below_the_body() -> None:
    notice = (
        "The views expressed in this article are those of the author and do not necessarily reflect the "
        "official policy or position of the publisher or its partners."
    )
    doc, marks = apply(mark_footer, dump(HEADLINE, *BODY, notice))
    assert marks == {7: Removal(Stage.FOOTER, 'legal notice ("the views expressed")')}
    assert doc.paragraphs == BODY


def test_legal_phrase_opening_an_early_paragraph_is_article_text() -> None:
    early = (
        "The views expressed at Tuesday's public meeting were sharply divided, with farmers and ferry "
        "operators blaming each other for the falling water."
    )
    text = dump(HEADLINE, BODY[0], early, *BODY[1:])
    _, marks = apply(mark_footer, text)
    assert marks == {}


def html_like(text: str) -> newsclean.Document:
    """The dump as extracted HTML paragraphs, marked by the HTML stages before footer (no main_text)."""
    doc = parse_text_dump(text)
    doc.input_format = "html"
    for stage in HTML_STAGES[: HTML_STAGES.index(mark_footer)]:
        doc = stage(doc, DEFAULT_CONFIG)
    return doc


def test_end_marker_cuts_the_rest_of_the_page_when_main_text_did_not() -> None:
    links = ["Storm closes mountain pass for the second time this month", "Market hall reopens after two-year renovation"]
    doc = mark_footer(html_like(dump(HEADLINE, *BODY, "Most popular stories", *links)), DEFAULT_CONFIG)
    assert {b.line: b.removal for b in doc.removed()} == {
        7: Removal(Stage.FOOTER, 'end-of-article marker ("most popular stories")'),
        8: Removal(Stage.FOOTER, 'after end-of-article marker "Most popular stories"'),
        9: Removal(Stage.FOOTER, 'after end-of-article marker "Most popular stories"'),
    }


def test_end_marker_needs_running_text_above_it() -> None:
    doc = mark_footer(html_like(dump("Related articles", HEADLINE, *BODY)), DEFAULT_CONFIG)
    assert doc.removed() == []



@pytest.mark.parametrize("count_line", ["34 comments", "12 Kommentare", "34 commenti", "7 comentarios"])
def test_a_comment_count_before_its_word_ends_the_article(count_line: str) -> None:
    # "34 comments" says what "Comments (34)" says: the thread below it is no article text.
    from newsclean.model.features import analyze
    from newsclean.rules import load_rules
    from newsclean.stages.markers import is_end_marker

    doc = parse_text_dump(dump(HEADLINE, count_line))
    assert is_end_marker(analyze(doc, load_rules()).lines[1], load_rules())

def test_a_sentence_opening_with_a_count_of_comments_is_article_text() -> None:
    sentence = "34 comments were sent to the council during the consultation, most of them about the ferries."
    doc = newsclean.clean(dump(HEADLINE, *BODY[:2], sentence, *BODY[2:]))
    assert sentence in doc.paragraphs
