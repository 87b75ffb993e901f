"""Rankings of other posts at the span's head ("1. Title (40819)", counts never rising, one
ranking per short heading) are cut off the article with their reason; a numbered list whose
bracketed numbers rise (years of albums in a list article) or a ranking with no running text
below it stays."""

from __future__ import annotations

from conftest import BODY, HEADLINE, apply, dump

from newsclean.model.features import line_features
from newsclean.stages import mark_outside_main_text
from newsclean.stages.rankings import RANKING_NOTE, rankings_end

MOST_READ = ["1. Winter storms close the mountain pass (40819)", "2. New ferry timetable for the islands (7928)",
             "3. Library reopens after two years of repairs (6210)", "4. Farmers market moves to the square (5647)"]  # fmt: skip
MOST_COMMENTED = ["1. Winter storms close the mountain pass (67)", "2. Council votes on the new bridge (19)",
                  "3. Why the lake is so low this year (16)"]  # fmt: skip


def features(texts: list[str]) -> list:
    return [line_features(t, frozenset({"the", "a", "of", "and", "to", "in"})) for t in texts]


def test_rankings_with_their_headings_at_the_span_head_are_cut_off() -> None:
    texts = [*MOST_READ, "Most commented", *MOST_COMMENTED, HEADLINE, *BODY]
    assert rankings_end(features(texts), texts, 0, len(texts)) == texts.index(HEADLINE)


def test_rankings_above_the_article_go_with_their_reason() -> None:
    # Scored as text, the rankings' titles would start the span: it starts below them.
    doc, marks = apply(mark_outside_main_text, dump("Most read", *MOST_READ, "Most commented", *MOST_COMMENTED, HEADLINE, *BODY))
    kept = [b.text for b in doc.blocks if b.kept]
    assert not set(kept) & {*MOST_READ, *MOST_COMMENTED}
    noted = [b.text for b in doc.blocks if b.removal and RANKING_NOTE in b.removal.reason]
    assert noted and set(noted) <= {*MOST_READ, "Most commented", *MOST_COMMENTED}


def test_rising_numbers_or_no_text_below_are_no_rankings() -> None:
    albums = ["1. Blue Lake (1971)", "2. Night Ferry (1984)", "3. Winter Pass (1999)", "4. The Square (2004)"]
    texts = [*albums, *BODY]
    assert rankings_end(features(texts), texts, 0, len(texts)) == 0
    assert rankings_end(features(MOST_READ), MOST_READ, 0, len(MOST_READ)) == 0
    short = MOST_READ[:2] + BODY
    assert rankings_end(features(short), short, 0, len(short)) == 0
