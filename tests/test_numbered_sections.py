"""Numbered sections that count on below the span ("2. ...", "3. ..." under a span that ends with
section 1) are the article's, over the widget between them; a ranking (numbers over headlines,
no paragraphs) or numbers that start over are not."""

from __future__ import annotations

from spans import span_of

INTRO = [
    "Most people go to hotels for the pleasure of a big bed with clean sheets, but the sheets may "
    "not be as clean as they look, according to the people who run the hotels.",
    "1. Take the blankets off the bed",
    "Anything that touched the last guest's skin should be washed, but blankets rarely are, and "
    "a duvet may stay on a bed for months.",
]
PLAYER = ["Play Video", "Current Time 0:00", "Duration Time 0:00", "Fullscreen", "Captions off, selected"]
MORE = [
    "2. Check the peep hole",
    "It is not common, but it happens: stuff a strip of paper into the hole before you sleep.",
    "3. Do not use a wooden luggage rack",
    "Bed bugs love wood, so put your suitcase on the metal stand or on the bathroom floor instead.",
]
FOOTER = ["Sign up", "Log in", "Contact us"]



def test_sections_that_count_on_below_the_span_are_the_article_s() -> None:
    texts = [*INTRO, *PLAYER, *MORE, *FOOTER]
    assert span_of(texts, len(INTRO)) == (0, len(INTRO) + len(PLAYER) + len(MORE))


def test_a_ranking_or_numbers_that_start_over_stay_out() -> None:
    ranking = ["2. Man rents out his flatmate's room", "3. Holiday company goes bust"]
    assert span_of([*INTRO, *PLAYER, *ranking, *FOOTER], len(INTRO)) == (0, len(INTRO))
    over = [MORE[0].replace("2.", "1."), MORE[1], MORE[2].replace("3.", "2."), MORE[3]]
    assert span_of([*INTRO, *PLAYER, *over, *FOOTER], len(INTRO)) == (0, len(INTRO))
    # One more section alone is not enough.
    assert span_of([*INTRO, *PLAYER, *MORE[:2], *FOOTER], len(INTRO)) == (0, len(INTRO))


def test_the_last_section_s_paragraph_below_a_span_that_ends_on_its_heading() -> None:
    # The span ends on "3. ...", the last section's heading: its paragraph is the article's.
    texts = [*INTRO, *MORE, *FOOTER]
    assert span_of(texts, len(INTRO) + len(MORE) - 1) == (0, len(INTRO) + len(MORE))
