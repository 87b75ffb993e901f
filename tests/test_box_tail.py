"""A box of other stories' headlines inside the article, under a marker that would end it ("Related
stories"), with the article's closing paragraph below it: the span goes on over the box to that
paragraph (in_span.py then removes the box), and the footer stage does not cut there either. A
teaser's blurb, an author's biography, a site's note or the next story below such a box stay out."""

from __future__ import annotations

from newsclean.config import DEFAULT_CONFIG
from newsclean.document import Stage
from newsclean.model.features import line_features
from newsclean.parse.dump import parse_text_dump
from newsclean.rules import load_rules
from newsclean.stages import mark_footer
from newsclean.stages.box_tail import HEADLINES_NOTE, tail_below_box
from newsclean.stages.main_text import article_span, mark_outside_span

ARTICLE = [
    "The ferry to the two small islands has not run for nine days, since ice closed the harbour and the pier was damaged.",
    "Islanders who work on the mainland have been sleeping at friends' houses, and the school has moved its lessons online.",
    "The harbour master said divers would inspect the pier on Thursday, and that the ferry could run again within a week.",
]
MARKER = "Related stories"
HEADLINES = ["Harbour master steps down", "Ferry fares to rise in spring", "Bridge plans shelved again"]
CLOSING = (
    "Until the pier is repaired, the islanders depend on a small fishing boat that crosses the harbour "
    "twice a day, and the ferry company says every ticket for the islands bought since the harbour "
    "froze will be refunded in full."
)
FURNITURE = ["Jane Doe", "Back to the front page"]


def span_of(texts: list[str], scored: int, marker: int | None) -> tuple[int, int]:
    """The span of texts when the model scores the first `scored` lines as article, the rest as not,
    with an end marker at `marker` (None: no marker)."""
    return span_and_notes(texts, scored, marker)[:2]


def span_and_notes(texts: list[str], scored: int, marker: int | None) -> tuple[int, int, list[tuple[range, str]]]:
    lines = [line_features(t, frozenset()) for t in texts]
    scores = [1.0 if i < scored else -1.0 for i in range(len(texts))]
    markers = {} if marker is None else {marker: "related stories"}
    return article_span(lines, texts, scores, markers, DEFAULT_CONFIG, load_rules())


def test_the_closing_paragraph_below_a_box_of_headlines_is_the_articles() -> None:
    texts = [*ARTICLE, MARKER, *HEADLINES, CLOSING, *FURNITURE]
    assert span_of(texts, len(ARTICLE), len(ARTICLE)) == (0, len(ARTICLE) + 1 + len(HEADLINES) + 1)


def test_headlines_with_no_marker_over_them_go_and_the_closing_paragraph_stays() -> None:
    texts = [*ARTICLE, *HEADLINES, CLOSING, *FURNITURE]
    start, end, notes = span_and_notes(texts, len(ARTICLE), None)
    assert (start, end) == (0, len(ARTICLE) + len(HEADLINES) + 1)
    assert (range(len(ARTICLE), len(ARTICLE) + len(HEADLINES)), HEADLINES_NOTE) in notes
    doc = mark_outside_span(
        parse_text_dump("\n".join(texts) + "\n"), DEFAULT_CONFIG,
        lambda lines, _texts, _flags: [1.0 if i < len(ARTICLE) else -1.0 for i in range(len(lines))],
    )
    assert {b.line: b.removal.reason for b in doc.removed() if b.removal is not None and b.line <= len(ARTICLE) + len(HEADLINES) + 1} == {
        len(ARTICLE) + 1 + k: HEADLINES_NOTE for k in range(len(HEADLINES))
    }
    # One short line alone between two paragraphs is no box of headlines (a subheading, a caption).
    assert span_of([*ARTICLE, HEADLINES[0], CLOSING, *FURNITURE], len(ARTICLE), None) == (0, len(ARTICLE))


def test_a_box_of_teasers_with_blurbs_ends_the_article() -> None:
    blurbs = [HEADLINES[0], "She had run the harbour for eleven years.", HEADLINES[1]]
    texts = [*ARTICLE, MARKER, *blurbs, CLOSING, *FURNITURE]
    assert span_of(texts, len(ARTICLE), len(ARTICLE)) == (0, len(ARTICLE))


def test_a_paragraph_that_speaks_of_something_else_is_the_sites() -> None:
    policy = (
        "Please keep your comments civil and on topic: we remove insults, spam and personal attacks, "
        "and accounts that post them repeatedly may be suspended without any further warning from "
        "the moderators, who read every report within a day."
    )
    texts = [*ARTICLE, MARKER, *HEADLINES, policy, *FURNITURE]
    assert span_of(texts, len(ARTICLE), len(ARTICLE)) == (0, len(ARTICLE))


def test_a_paragraph_opening_with_a_word_of_the_line_above_is_that_lines() -> None:
    """A teaser's blurb under its headline (or a biography under the author's name), though it
    speaks of the article's subject."""
    box = [HEADLINES[1], HEADLINES[2], HEADLINES[0]]
    blurb = (
        "Harbour master Tom Reed, who ran the harbour for eleven years, stepped down on Friday after "
        "islanders said the pier had been left unrepaired for months and that the ferry company had "
        "warned him about the damage before the ice came."
    )
    texts = [*ARTICLE, MARKER, *box, blurb, *FURNITURE]
    assert span_of(texts, len(ARTICLE), len(ARTICLE)) == (0, len(ARTICLE))


def test_a_comments_head_with_its_date_ends_the_article() -> None:
    texts = [*ARTICLE, MARKER, "Anonymous", "April 5, 2024 at 6:32 pm", CLOSING, *FURNITURE]
    assert span_of(texts, len(ARTICLE), len(ARTICLE)) == (0, len(ARTICLE))


def test_a_run_of_paragraphs_below_the_box_is_another_story() -> None:
    texts = [*ARTICLE, MARKER, *HEADLINES, CLOSING, *ARTICLE, CLOSING, *FURNITURE]
    assert span_of(texts, len(ARTICLE), len(ARTICLE)) == (0, len(ARTICLE))


def test_the_footer_stage_leaves_a_text_dumps_box_over_the_closing_paragraph() -> None:
    """The span's lines alone (what main_text kept): the closing paragraph ends them, so no two
    paragraphs follow the marker, yet it heads a box inside the article."""
    doc = mark_footer(parse_text_dump("\n".join([*ARTICLE, MARKER, *HEADLINES, CLOSING]) + "\n"), DEFAULT_CONFIG)
    assert not [b for b in doc.removed() if b.removal is not None and b.removal.stage is Stage.FOOTER]
    doc = mark_footer(parse_text_dump("\n".join([*ARTICLE, MARKER, *HEADLINES, "Sign up for our newsletter:", CLOSING]) + "\n"), DEFAULT_CONFIG)
    assert [b.line for b in doc.removed()] == list(range(len(ARTICLE) + 1, len(ARTICLE) + len(HEADLINES) + 4))


class CountedReads(list):  # type: ignore[type-arg]
    """A list that counts the items read from it by index."""

    reads = 0

    def __getitem__(self, index):  # type: ignore[no-untyped-def]
        self.reads += 1 if isinstance(index, int) else 0
        return super().__getitem__(index)


def test_the_lines_below_the_box_are_read_up_to_a_bound() -> None:
    # A long run of sentence lines below the box (another story's, a stream of short posts) is no
    # tail: reading it to its end, once per page, grew with the page; one line past the longest tail
    # tells as much.
    def reads(run: int) -> int:
        texts = [*ARTICLE, *HEADLINES, CLOSING, *[CLOSING] * run, *FURNITURE]
        lines = CountedReads(line_features(t, frozenset()) for t in texts)
        end = len(ARTICLE)
        assert tail_below_box(lines, texts, 0, end, len(texts), {}) == (end, range(end, end))
        return lines.reads

    assert reads(1000) == reads(10)
