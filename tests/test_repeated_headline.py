"""A headline printed twice, once above a widget block (a summary box, a toolbar) and again where
the article starts: the span starts below the second copy. Repeated bylines, dates, code and a
table of contents's entries do not move it."""

from __future__ import annotations

from conftest import BODY, HEADLINE

from newsclean.model.features import LineFeatures, line_features
from newsclean.stages.repeated_headline import repeated_headline_start

STOP = frozenset({"the", "a", "of", "and", "to", "in", "is", "for", "on", "at", "by", "with", "its", "has", "as"})
# A summary box and a toolbar between the headline and its second copy: one sentence of the
# summary reads as prose, like the article's.
SUMMARY = "A short summary says the lake has fallen to its lowest level in the records of the country."
TOOLBAR = ["Summary", SUMMARY, "Members only", "Change language", "EN", "Font size", "Print", "Share this article"]


def features(text: str) -> LineFeatures:
    return line_features(text, STOP)


def start_of(texts: list[str], start: int) -> int:
    return repeated_headline_start([features(t) for t in texts], texts, start, len(texts))


def test_the_article_starts_below_the_headlines_second_copy() -> None:
    texts = ["Home", HEADLINE, *TOOLBAR, HEADLINE, "By A. Writer", *BODY]
    start = 2  # the span the line model found starts with the summary box, below the first copy
    assert start_of(texts, start) == texts.index("By A. Writer")


def test_a_copy_inside_the_span_only_is_the_articles_own() -> None:
    # A line printed twice inside the article (a chart's label, a quoted headline) is no anchor.
    texts = ["Home", *TOOLBAR, HEADLINE, *BODY[:1], HEADLINE, *BODY[1:]]
    assert start_of(texts, 1) == 1


def test_a_short_repeated_line_is_no_headline() -> None:
    # A byline or a share row printed above the span and again in it: too short to anchor on.
    texts = ["By A. Writer", *TOOLBAR, "By A. Writer", *BODY]
    assert start_of(texts, 1) == 1


def test_a_table_of_contents_entry_is_no_headline() -> None:
    # "On this page" lists the subheadings; each is printed again above its section.
    first, second = "Why Farmers Fear Another Dry Summer Ahead", "Water Board Plans"
    texts = ["On this page:", first, second, BODY[0], first, BODY[1], second, *BODY[2:]]
    assert start_of(texts, 3) == 3


def test_little_prose_below_the_copy_keeps_the_start() -> None:
    # The headline printed again at the foot of the article (a "share" box): the article is above.
    texts = ["Home", HEADLINE, *BODY, HEADLINE, "Share this article"]
    assert start_of(texts, 2) == 2


MENU = ["News", "Latest news", "Sport", "Culture", "Weather", "Video", "Programmes", "About us Contact us Jobs"]


def test_a_headline_printed_twice_below_a_menu_inside_the_span_starts_the_article() -> None:
    # The line model let a long menu into the span; no paragraph stands above the headline's two
    # copies (one over the section label and the date, one over the body): the article starts below.
    texts = [*MENU * 10, HEADLINE, "Culture", "2026-01-08 | 12:42", HEADLINE, *BODY, "Culture"]
    assert start_of(texts, 0) == texts.index(BODY[0])


def test_a_copy_below_a_paragraph_of_the_span_is_the_articles_own() -> None:
    # With a paragraph above both copies, the span's head is the article already.
    texts = [*MENU, BODY[0], HEADLINE, "Culture", HEADLINE, *BODY[1:]]
    assert start_of(texts, 0) == 0


def test_a_label_printed_again_at_the_articles_foot_is_no_contents_entry() -> None:
    # The line after the headline's first copy (its section's name) recurs below the article,
    # with no section of text under it: not a table of contents.
    texts = ["Home", HEADLINE, "Culture", *TOOLBAR, HEADLINE, *BODY, "Culture", "Share this article"]
    assert start_of(texts, 2) == texts.index(BODY[0])
