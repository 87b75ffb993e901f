"""Streams of dated entries below an article (comments, forum replies, a blog's older posts): the
article span ends where they start, and each removed line says so. A live blog's time stamps, a
timeline's dates and a table's rows are the article's own structure and stay."""

from __future__ import annotations

import pytest
from conftest import BODY, HEADLINE, apply, dump, kept_lines

from newsclean import Stage
from newsclean.model.features import LineFeatures, line_features
from newsclean.config import DEFAULT_CONFIG
from newsclean.stages import mark_outside_main_text
from newsclean.stages.main_text import article_span
from newsclean.rules import load_rules
from newsclean.stages.streams import (
    LEADING_STREAM_NOTE,
    NEXT_STORY_NOTE,
    RELATIVE_SHAPE,
    STREAM_NOTE,
    leading_stream_end,
    next_story_start,
    relative_stamp,
    stamp_shape,
    stream_around,
    stream_start,
)

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


def test_a_comment_longer_than_the_post_is_an_entry_and_the_article_stands_above_the_stream() -> None:
    # The scores favour the third comment, which is longer than the two-paragraph post: a span
    # with stamps of one shape above and below it is one entry of the stream.
    long_reply = " ".join(text for _, text in COMMENTS)
    entries = [*COMMENTS[:2], ("Kai Lund 2025-03-04 17:02", long_reply), *COMMENTS[2:]]
    texts = [HEADLINE, *BODY[:2], *(line for pair in entries for line in pair)]
    lines = [features(t) for t in texts]
    reply = texts.index(long_reply)
    scores = [1.0 if i in (1, 2, reply) else -1.0 for i in range(len(texts))]
    start, end, notes = article_span(lines, texts, scores, {}, DEFAULT_CONFIG, load_rules())
    assert (start, end) == (1, 3)
    assert (range(3, reply + 1), STREAM_NOTE) in notes
    # Without stamps above it, a long last paragraph is no entry of anything.
    plain = [t if i < 3 or "2025" not in t else "Reader" for i, t in enumerate(texts)]
    assert article_span([features(t) for t in plain], plain, scores, {}, DEFAULT_CONFIG, load_rules())[:2] == (reply, reply + 1)


def test_an_article_between_dated_teasers_of_one_shape_is_no_entry() -> None:
    # Dated teasers above and below a short article, chained at most 15 lines apart across it:
    # with no stamp of its own right above it (or an end marker between it and the teasers
    # below), the article is no entry of theirs.
    teasers = [line for i, (stamp, _) in enumerate(COMMENTS) for line in (f"Teaser headline number {i}", stamp)]
    labels = [f"Section {n}" for n in range(4)]
    texts = [*teasers, *labels, HEADLINE, *BODY[:2], *labels, *teasers]
    lines = [features(t) for t in texts]
    start = texts.index(BODY[0])
    assert stream_around(lines, texts, start, start + 2) is None
    # Its own entry's stamp right above it: one entry of the stream.
    stamped = [*teasers, "Anna K. 2025-03-06 10:00", *BODY[:2], *teasers]
    start = stamped.index(BODY[0])
    assert stream_around([features(t) for t in stamped], stamped, start, start + 2) == 1
    assert stream_around([features(t) for t in stamped], stamped, start, start + 2, markers={start + 2}) is None


RAIL = [
    ("World / 5 h ago", "Court rules against the controversial mining project in the north"),
    ("Business / 7 h ago", "Housing prices fall for the fourth consecutive month in the capital"),
    ("Sport / 6 h ago", "Star striker signs a three-year contract extension with the club"),
    ("World / 2 h ago", "Airport strike set to disrupt holiday flights across the region"),
]


def rail_page(rail: list[tuple[str, str]]) -> list[str]:
    return [line for entry in rail for line in entry] + [HEADLINE, "By A. Writer", *BODY]


def test_a_rail_of_dated_teasers_at_the_spans_head_is_left_above_the_article() -> None:
    texts = rail_page(RAIL)
    lines = [features(t) for t in texts]
    relative = relative_stamp(load_rules(()).time_units)
    assert leading_stream_end(lines, texts, 0, len(texts), relative) == 2 * len(RAIL)


def test_the_rails_lines_say_why() -> None:
    doc, marks = apply(mark_outside_main_text, dump("Most read", *rail_page(RAIL)))
    assert [b.text for b in doc.kept()] == BODY
    assert all(LEADING_STREAM_NOTE in marks[n].reason for n in range(2, 2 + 2 * len(RAIL)))


def test_repeated_labels_with_a_duration_are_no_rail() -> None:
    # A toolbar's "Dive deeper (7 min)" printed three times names no story between its copies.
    toolbar = [("Dive deeper (7 min)", "Listen"), ("Dive deeper (7 min)", "Summary"), ("Dive deeper (7 min)", "Speed read")]
    texts = rail_page(toolbar)
    lines = [features(t) for t in texts]
    relative = relative_stamp(load_rules(()).time_units)
    assert leading_stream_end(lines, texts, 0, len(texts), relative) == 0


def test_a_blog_front_of_dated_posts_has_no_article_below_a_rail() -> None:
    # Dated posts run to the page's end: nothing is left below the last one for an article.
    posts = [(f"Posted by Anna on 2025-03-0{day} at 10:00", *BODY[:3]) for day in range(1, 5)]
    texts = [line for entry in posts for line in entry]
    lines = [features(t) for t in texts]
    assert leading_stream_end(lines, texts, 0, len(texts), None) == 0


SECOND_STORY = [
    "Striker close to a return to his old club",
    "Updated 06.01.2026 - 17:35",
    "The club's sporting director sees him as the leading candidate for the role until the summer.",
    "Several senior players are said to welcome a return of the coach who led them four years ago.",
]
BETWEEN_STORIES = ["Share article", "More on", "domestic news", "Tips? Call us"]


def endless_page(header: str, next_header: str) -> list[str]:
    return [HEADLINE, header, *BODY, *BETWEEN_STORIES, SECOND_STORY[0], next_header, *SECOND_STORY[2:]]


def next_story(texts: list[str]) -> int:
    return next_story_start([features(t) for t in texts], texts, 0, len(texts))


def test_the_next_story_of_an_endless_page_starts_above_its_own_date_line() -> None:
    texts = endless_page("Updated 06.01.2026 - 17:32", "Updated 06.01.2026 - 17:35")
    assert next_story(texts) == texts.index(BETWEEN_STORIES[0])


def test_the_articles_own_date_printed_again_at_its_foot_is_no_next_story() -> None:
    texts = endless_page("Updated 06.01.2026 - 17:32", "Updated 06.01.2026 - 17:32")
    assert next_story(texts) == len(texts)


def test_an_editions_items_under_a_date_alone_are_no_next_story() -> None:
    # A weekly edition prints each item's date without a time: its items are the page's text.
    texts = endless_page("Posted on March 25, 2015", "Posted on March 18, 2015")
    assert next_story(texts) == len(texts)


def test_the_next_storys_lines_say_why() -> None:
    texts = endless_page("Updated 06.01.2026 - 17:32", "Updated 06.01.2026 - 17:35")
    doc, marks = apply(mark_outside_main_text, dump("Home", *texts))
    assert [b.text for b in doc.kept()] == BODY
    assert NEXT_STORY_NOTE in marks[2 + texts.index(SECOND_STORY[2])].reason


def test_a_section_fronts_teasers_each_under_its_date_and_time_are_no_endless_page() -> None:
    # The first teaser's date stands above its blurb like an article's; the next one comes after
    # one paragraph: a listing, whose first entry is no article with a next story below.
    teasers = [
        (f"Posted May 18, 2024 - {hour}:15 pm", paragraph, "By Alex Wright", "High schools", f"Story {hour}")
        for hour, paragraph in zip(range(9, 4, -1), BODY)
    ]
    texts = [line for teaser in teasers for line in teaser]
    assert next_story(texts) == len(texts)
