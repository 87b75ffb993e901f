"""The article's last section right below the span in a text dump (a heading over one long
paragraph, then the page's furniture) is the article's; a site's pitch or an author's box of
that shape, or a section with running text below it, is not."""

from __future__ import annotations

from newsclean.model.features import line_features
from newsclean.rules import load_rules
from newsclean.stages.last_section import last_section_below

ENGLISH = load_rules().stopwords["en"]
STORY = [
    "The harbour festival returns to the old town on the last weekend of May, with music on three "
    "stages and the boats of the harbour dressed in flags for the festival parade.",
    "The festival committee has put together a programme of bands from the harbour towns along the "
    "coast, and the parade of boats will leave the harbour on Saturday at noon.",
]
HEADING = "Music for every taste"
LAST = (
    "Beside the stages, a market of the harbour towns will sell crafts and food all weekend. The "
    "festival opens on Friday at five, and on Saturday and Sunday the stages start at noon. Entry "
    "to the festival and the parade is free (jd)"
)
FURNITURE = ["Download our app", "Push news all day", "No thanks"]


def end_of(texts: list[str], span_end: int, lines_at: list[int] | None = None) -> int:
    lines = [line_features(t, ENGLISH) for t in texts]
    return last_section_below(lines, texts, lines_at or list(range(len(texts))), 0, span_end)


def test_a_heading_and_long_paragraph_right_below_the_span_are_the_article_s() -> None:
    texts = [*STORY, HEADING, LAST, *FURNITURE]
    assert end_of(texts, len(STORY)) == len(STORY) + 2


def test_a_pitch_an_author_s_box_or_more_running_text_below_stay_out() -> None:
    pitch = (
        "Get the best of our reporting in your inbox every morning. Sign up for our newsletter and "
        "read what matters to you before breakfast, with offers from our partners each week. It "
        "costs nothing and you can leave it at any time"
    )
    assert end_of([*STORY, "Our newsletter", pitch, *FURNITURE], len(STORY)) == len(STORY)
    bio = "Jane Doe has covered the harbour festival and the parade of boats for the town paper " + LAST
    assert end_of([*STORY, "Jane Doe", bio, *FURNITURE], len(STORY)) == len(STORY)
    # Running text below the paragraph: another story's, or a comment's.
    assert end_of([*STORY, HEADING, LAST, STORY[0], *FURNITURE], len(STORY)) == len(STORY)
    # A line between them on the page (a removed widget): no longer right below the span.
    texts = [*STORY, HEADING, LAST, *FURNITURE]
    assert end_of(texts, len(STORY), [0, 1, 3, 4, 5, 6, 7]) == len(STORY)
