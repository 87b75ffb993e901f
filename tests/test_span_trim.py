"""A span that ran on over a page's foot of widgets (reaction buttons, sign-in prompts, a
comment form) to reach a stream or teasers below: once those are cut, the widgets go too; a run
holding running text the model believes stays with the article."""

from __future__ import annotations

from test_streams import COMMENTS, features

from newsclean.config import DEFAULT_CONFIG
from newsclean.rules import load_rules
from newsclean.stages.main_text import article_span

STORY = [
    "The council voted on Tuesday to close the old harbour bridge to lorries from the first of May.",
    "Engineers found cracks in two of the bridge's supports during an inspection in the winter.",
    "Lorries will be sent along the ring road, which adds about twenty minutes to the trip.",
    "A new bridge is planned, but the council says it cannot be built before the end of 2028.",
]
# One reaction button of a page's foot: its count, a prompt that reads like a sentence, a button.
WIDGET = ["Useful 0", "You can react to stories once you have signed in.", "Sign in"]
STREAM = [line for pair in COMMENTS for line in pair]


def span_of(texts: list[str], believed: set[int], doubted: float = -0.3, weak: frozenset[int] = frozenset()) -> tuple[int, int]:
    """The span with the `believed` lines scored high (those in `weak` barely above zero), the
    others at `doubted`."""
    lines = [features(t) for t in texts]
    scores = [(0.2 if i in weak else 2.0) if i in believed else doubted for i in range(len(texts))]
    return article_span(lines, texts, scores, {}, DEFAULT_CONFIG, load_rules())[:2]


def test_a_long_run_of_widgets_between_the_article_and_a_cut_stream_goes_with_it() -> None:
    widgets = WIDGET * 5
    texts = [*STORY, *widgets, *STREAM]
    comments = range(len(STORY) + len(widgets), len(texts))
    assert span_of(texts, {*range(len(STORY)), *comments}) == (0, len(STORY))


def test_one_prompt_between_the_article_and_a_cut_stream_goes_with_it() -> None:
    texts = [*STORY, "Got a photo or a tip? Send it to the newsroom.", *STREAM]
    comments = range(len(STORY) + 1, len(texts))
    assert span_of(texts, {*range(len(STORY)), *comments}) == (0, len(STORY))


def test_a_run_ending_in_a_paragraph_the_model_believes_stays_with_the_article() -> None:
    # An event's details (short lines the model doubts) and the sentence that closes them: the
    # sentence scores above zero, though not enough to outweigh the lines above it.
    closing = "Readers who want to take part can write to the council before the end of the month."
    widgets = [*WIDGET * 5, closing]
    texts = [*STORY, *widgets, *STREAM]
    comments = range(len(STORY) + len(widgets), len(texts))
    believed = {*range(len(STORY)), texts.index(closing), *comments}
    assert span_of(texts, believed, -1.0, frozenset({texts.index(closing)})) == (0, len(STORY) + len(widgets))
