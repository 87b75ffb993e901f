"""Short sentences in a row below the span (a story's dialogue, short CJK sentences) are more of
the article even when the line model scores them low; sentence lines of a spaced script that are
no quoted speech are not (a site's "Found a mistake? Write to us!")."""

from __future__ import annotations

from newsclean.config import DEFAULT_CONFIG
from newsclean.model.features import line_features
from newsclean.rules import load_rules
from newsclean.stages.main_text import article_span
from newsclean.stages.sentence_run import last_paragraph_below

STORY = [
    "午后的雨下了很久，她坐在窗边，把那封没有寄出的信又读了一遍，然后慢慢折好放回抽屉里。",
    "楼下的小店已经开了二十年，老板每天清晨五点起来磨豆浆，街坊们都说那是全城最香的味道。",
]
DIALOGUE = ["“你还没走吗？”", "“等雨停了再走。”", "他点了点头，没有说话。", "“明天见。”"]
FOOTER = ["关于我们", "联系方式"]


def span_of(texts: list[str], scored: int) -> tuple[int, int]:
    lines = [line_features(t, frozenset()) for t in texts]
    scores = [1.0 if i < scored else -1.0 for i in range(len(texts))]
    return article_span(lines, texts, scores, {}, DEFAULT_CONFIG, load_rules())[:2]


def test_short_sentences_in_a_row_below_the_span_continue_the_article() -> None:
    texts = [*STORY, *DIALOGUE, *FOOTER]
    assert span_of(texts, len(STORY)) == (0, len(STORY) + len(DIALOGUE))


def test_one_or_two_short_sentences_below_the_span_stay_out() -> None:
    texts = [*STORY, *DIALOGUE[:2], *FOOTER, *DIALOGUE[2:]]
    assert span_of(texts, len(STORY)) == (0, len(STORY))


def test_sentences_of_a_spaced_script_that_are_no_quoted_speech_stay_out() -> None:
    story = [
        "The ferry to the small island has been cancelled for days, which nobody here had been told about.",
        "Farmers who draw water from the lake have been told to cut their use by a third until autumn.",
    ]
    site = ["Found a mistake?", "Write to us!", "Comments are closed.", "About us"]
    assert span_of([*story, *site], len(story)) == (0, len(story))
    speech = ["“Is the ferry running?”", "“Not until the rain comes.”", "“Then we wait.”", "About us"]
    assert span_of([*story, *speech], len(story)) == (0, len(story) + 3)


SECTIONS = [
    ("Storm closes the pass", "The mountain pass was closed on Monday after a night of heavy snow and strong winds."),
    ("Ferries stop running", "The ferries to the two small islands have not run since the harbour froze last week."),
    ("Schools stay open", "Schools in the valley stayed open, though many pupils could not reach them by bus."),
]  # fmt: skip


def test_a_last_section_scored_low_goes_with_an_article_told_in_sections() -> None:
    texts = [line for pair in SECTIONS for line in pair] + FOOTER
    assert span_of(texts, 4) == (1, 6)  # the first heading goes as the span's edge, as always


def test_one_section_in_the_span_does_not_take_the_next() -> None:
    # The span ends with a paragraph under no heading: the heading and paragraph below it may be
    # a teaser for another story.
    texts = [SECTIONS[0][1], SECTIONS[1][1], *SECTIONS[2], *FOOTER]
    assert span_of(texts, 2) == (0, 2)


ENGLISH = load_rules().stopwords["en"]
LONG_STORY = [
    "The mountain pass was closed on Monday after a night of heavy snow and strong winds, and the police "
    "asked drivers to wait in the valley until the ploughs had cleared the road at both ends.",
    "Farmers who draw water from the lake have been told to cut their use by a third until the autumn, "
    "when the council will look again at how much the wells and the river can give.",
]
LAST_PARAGRAPH = (
    "There will also be a market for crafts and design, with jewellery, bags and, of course, hats from "
    "makers of the whole region. It opens on Friday at five in the afternoon and on the two days after "
    "at noon, and entry to the festival is free as in every year before. (kas)"
)
BELOW_MARKER = ["Comments", "Log in to leave a comment", "Most read", "Bus fleet to double by next year"]


def span_above_marker(between: list[str]) -> tuple[int, int]:
    """The span of a story scored high, `between` scored low, then an end marker and links."""
    texts = [*LONG_STORY, *between, *BELOW_MARKER]
    lines = [line_features(t, ENGLISH) for t in texts]
    scores = [1.0 if i < len(LONG_STORY) else -1.0 for i in range(len(texts))]
    markers = {len(LONG_STORY) + len(between): "comments"}
    return article_span(lines, texts, scores, markers, DEFAULT_CONFIG, load_rules())[:2]


def test_the_last_paragraph_right_above_an_end_marker_is_the_article_s() -> None:
    # Scored low for the marker and links below it, but nothing parts it from the article.
    assert span_above_marker(["A programme for every taste", LAST_PARAGRAPH]) == (0, 4)
    assert span_above_marker([LAST_PARAGRAPH]) == (0, 3)


def test_the_last_section_below_a_photo_caption_above_an_end_marker_is_the_article_s() -> None:
    # A caption and its credit between the span and the last section's heading.
    caption = "Crowds at the opening of the festival in the old town / Jane Doe"
    assert span_above_marker([caption, "A programme for every taste", LAST_PARAGRAPH]) == (0, 5)
    # A sentence there is no caption: a teaser's blurb over another headline.
    blurb = "Read how the valley prepares for the winter."
    assert span_above_marker([blurb, "A programme for every taste", LAST_PARAGRAPH]) == (0, 2)


def test_a_short_blurb_or_an_author_s_box_above_the_marker_stays_out() -> None:
    blurb = "Read how the valley prepares for the winter."
    assert span_above_marker(["More from the region", blurb]) == (0, 2)
    bio = "Jane is a reporter in the valley. " + LAST_PARAGRAPH
    assert span_above_marker(["Jane Doe", bio]) == (0, 2)


def test_a_last_paragraph_with_no_marker_below_stays_out() -> None:
    texts = [*LONG_STORY, "A programme for every taste", LAST_PARAGRAPH, *FOOTER]
    lines = [line_features(t, ENGLISH) for t in texts]
    scores = [1.0 if i < len(LONG_STORY) else -1.0 for i in range(len(texts))]
    assert article_span(lines, texts, scores, {}, DEFAULT_CONFIG, load_rules())[:2] == (0, 2)


CLOSING = (
    "Parents and teachers may not stand at the start, which is on the main street by the old "
    "station; every race is run with helpers beside the children."
)
MENU = ["Back to the front page", "Subscribe", "Customer service"]


def end_below(texts: list[str], lines_at: list[int], end: int) -> int:
    lines = [line_features(t, ENGLISH) for t in texts]
    return last_paragraph_below(lines, lines_at, 0, end)


def test_a_long_last_paragraph_right_below_the_span_above_menus_is_the_article_s() -> None:
    texts = [*LONG_STORY, CLOSING, *MENU]
    assert end_below(texts, list(range(len(texts))), 2) == 3


def test_a_paragraph_set_apart_short_or_followed_by_more_text_stays_out() -> None:
    texts = [*LONG_STORY, CLOSING, *MENU]
    # A line between them on the page (a label over a comment policy, removed before).
    assert end_below(texts, [0, 1, 3, 4, 5, 6], 2) == 2
    note = "We value your comments; please keep them on topic and kind."
    assert end_below([*LONG_STORY, note, *MENU], list(range(6)), 2) == 2
    texts = [*LONG_STORY, CLOSING, LONG_STORY[0], *MENU]
    assert end_below(texts, list(range(len(texts))), 2) == 2


def test_a_closing_quote_right_above_an_end_marker_is_the_article_s() -> None:
    story = [
        "The ferry to the small island has been cancelled for days, which nobody here had been told about.",
        "Farmers who draw water from the lake have been told to cut their use by a third until autumn.",
    ]
    texts = [*story, "“We will manage somehow,” she says, and shrugs.", "Most read", "About us"]
    lines = [line_features(t, frozenset()) for t in texts]
    scores = [1.0, 1.0, -1.0, -1.0, -1.0]
    assert article_span(lines, texts, scores, {3: "most read"}, DEFAULT_CONFIG, load_rules())[:2] == (0, 3)
    # A line of the site's that is no quoted speech stays out.
    texts[2] = "Comments are closed for this story."
    lines = [line_features(t, frozenset()) for t in texts]
    assert article_span(lines, texts, scores, {3: "most read"}, DEFAULT_CONFIG, load_rules())[:2] == (0, 2)
