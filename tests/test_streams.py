"""Streams of dated entries below an article (comments, forum replies, a blog's older posts): the
article span ends where they start, and each removed line says so. A live blog's time stamps, a
timeline's dates and a table's rows are the article's own structure and stay."""

from __future__ import annotations

import pytest
from conftest import BODY, HEADLINE, apply, dump, kept_lines

from newsclean import Stage
from newsclean.model.features import LineFeatures, line_features
from newsclean.stages import mark_outside_main_text
from newsclean.rules import load_rules
from newsclean.stages.streams import RELATIVE_SHAPE, STREAM_NOTE, relative_stamp, stamp_shape, stream_start

COMMENTS = [
    ("Anna K. 2025-03-04 14:22", "I walked along the shore last week and the water was further out than I have ever seen it."),
    ("Tom Berg 2025-03-04 15:07", "The ferry to the small island has been cancelled for days, which nobody here has told us about."),
    ("lakeside_jo 2025-03-04 16:40", "My grandfather says it was just as low in the summer of 1976, and the lake came back within a year."),
    ("Mira S. 2025-03-05 08:12", "Farmers should have been told to save water much earlier, when the spring was already dry."),
]


def features(text: str) -> LineFeatures:
    return line_features(text, frozenset({"the", "a", "of", "and", "to", "in"}))


@pytest.mark.parametrize(
    ("text", "shape"),
    [
        ("# re: Welcome to the blog 2004-12-27 12:46 flyingbirds", "0-0-00:0"),
        ("Is it the guide's commission?【user】08-11 16:06 298 chars [4321/87]", "0-00:0"),
        ("Posted by Anna on 27.12.2004 at 12:46", "0.0.0at0:0"),
        ("28. April 2024 um 10:17 Uhr", "0.April0um0:0"),
        ("Anna replied on July 18, 2026 at 9:05 pm", "July0,0at0:0"),
        ("1月13日", "0月0日"),  # a line that is a date and nothing else: a teaser's foot
        ("May 18, 2024", "May0,0"),
    ],
)
def test_a_date_with_a_time_by_a_name_or_title_or_a_date_alone_on_its_line_is_an_entry_stamp(text: str, shape: str) -> None:
    assert stamp_shape(features(text), text) == shape


@pytest.mark.parametrize(
    "text",
    [
        "14:44 Police have closed the road",  # a live blog's time alone
        "Released 2001-12-14",  # a date alone (a discography, a timeline)
        "2004年6月19日，发行了第二张个人专辑。",
        "2020-08-01 18:00:00+00 │ 200 │ 4084",  # a table row: numbers only
        "On 2004-12-27 at 12:46 the first reports came in from the coast, and by the evening the "
        "whole valley had been told to leave; the water rose faster than anyone had expected.",
    ],
)
def test_times_alone_dates_in_text_table_rows_and_dated_paragraphs_are_no_stamps(text: str) -> None:
    assert stamp_shape(features(text), text) is None


def test_comment_stream_below_the_article_is_outside_it_with_its_reason() -> None:
    stream = [line for pair in COMMENTS for line in pair]
    doc, marks = apply(mark_outside_main_text, dump(HEADLINE, *BODY, *stream))
    first, last = 2, 1 + len(BODY)
    assert kept_lines(doc) == list(range(first, last + 1))
    for n in range(last + 1, last + 1 + len(stream)):
        assert (marks[n].stage, marks[n].reason) == (Stage.BOILERPLATE, f"after the article (lines {first}-{last}): {STREAM_NOTE}")


def test_live_blog_entries_stamped_with_times_stay() -> None:
    entries = [line for i, (_, text) in enumerate(COMMENTS) for line in (f"1{i}:05", text)]
    doc, marks = apply(mark_outside_main_text, dump(HEADLINE, *BODY, *entries))
    assert set(range(2 + len(BODY), len(BODY) + len(entries))) <= set(kept_lines(doc))
    assert not any(STREAM_NOTE in mark.reason for mark in marks.values())


def test_article_resuming_below_dated_lines_is_kept_whole() -> None:
    # Three dated notes inside the article, then more of its running text than above them.
    notes = [f"Update by the editors 2025-03-0{i} 09:30" for i in range(4, 7)]
    doc, _ = apply(mark_outside_main_text, dump(HEADLINE, *BODY[:2], *notes, *BODY[2:]))
    assert kept_lines(doc) == list(range(2, 2 + len(notes) + len(BODY)))


def test_a_front_page_of_like_entries_is_no_article_above_a_stream() -> None:
    # Each story: headline, stamp, blurb. With a stamp above the first blurb, that blurb is an
    # entry like the others, not an article; without it, the entries below it are a stream.
    def entry(i: int, text: str, stamped: bool = True) -> list[str]:
        return [f"Story number {i} in the lake series", *([f"By Alex Wright, May 1{i}, 2024 - 9:15 pm"] if stamped else []), text]

    for stamped_first in (True, False):
        texts = [line for i, (_, text) in enumerate(COMMENTS) for line in entry(i, text, stamped=i > 0 or stamped_first)]
        lines = [features(t) for t in texts]
        cut = stream_start(lines, texts, 0, len(texts))
        # The stream starts at the first entry's head: the headline above its stamp.
        assert cut == (len(texts) if stamped_first else texts.index("Story number 1 in the lake series"))


RELATIVE = relative_stamp(load_rules().time_units)


@pytest.mark.parametrize(
    "text",
    ["Anna K. · 3 hours ago", "Hace 28 minutos", "vor 2 Stunden", "il y a 5 min", "2 天前", "3時間前", "5 mins", "Reply · 12 likes · 2 days ago"],
)
def test_a_number_and_a_unit_of_time_on_a_short_line_is_a_relative_stamp_in_any_language(text: str) -> None:
    assert stamp_shape(features(text), text, RELATIVE) == RELATIVE_SHAPE
    assert stamp_shape(features(text), text) is None  # only when asked to look for them


@pytest.mark.parametrize(
    "text",
    [
        "The storm lasted 3 hours.",  # a duration in a sentence
        "Rescue teams searched the flooded valley for 3 days before the water started to fall again",
        "Top 10 stories",  # a number with no unit of time
        "2024年",  # a year, not "2 years ago"
        "Manager (2014-2016): 67 days",  # a label's value
        "2 hours ago 10:05 Jon King",  # a live blog's entry: the clock time beside the age
        "Chapter 12b minutes of the meeting",  # the number must stand on its own before the unit
    ],
)
def test_durations_in_sentences_and_numbers_without_a_unit_are_no_relative_stamps(text: str) -> None:
    assert stamp_shape(features(text), text, RELATIVE) is None


def test_the_relative_pattern_is_compiled_only_when_a_short_dated_line_is_searched() -> None:
    # Hundreds of units make it slow to compile: a page with no short line holding a digit never does.
    relative_stamp.cache_clear()
    pattern = relative_stamp(load_rules().time_units)
    assert pattern is not None
    apply(mark_outside_main_text, dump(HEADLINE, *BODY))
    assert relative_stamp(load_rules().time_units) is pattern and "search" not in vars(pattern)
    assert stamp_shape(features("Anna K. · 3 hours ago"), "Anna K. · 3 hours ago", pattern) == RELATIVE_SHAPE
    assert "search" in vars(pattern)


def test_comment_stream_stamped_with_relative_times_is_outside_the_article() -> None:
    stream = [line for i, (name, text) in enumerate(COMMENTS) for line in (name.split(" 2025")[0], f"{i + 2} hours ago", text)]
    doc, marks = apply(mark_outside_main_text, dump(HEADLINE, *BODY, *stream))
    first, last = 2, 1 + len(BODY)
    assert kept_lines(doc) == list(range(first, last + 1))
    assert all(STREAM_NOTE in marks[n].reason for n in range(last + 1, last + 1 + len(stream)))


def test_a_listing_of_teasers_with_their_age_is_no_article_above_a_stream() -> None:
    # Headline, one-paragraph blurb, author, age: the first teaser is an entry like the others.
    texts = [line for i, (name, text) in enumerate(COMMENTS) for line in (f"Story number {i} in the lake series", text, name.split(" 2025")[0], f"{i + 2} hours ago")]
    lines = [features(t) for t in texts]
    assert stream_start(lines, texts, 0, len(texts), RELATIVE) == len(texts)
