"""A list the article's last sentence introduces (entries of a key, a colon and its items, in
groups under bracketed labels) is the article's, though the line model scores it low; fields of
one item each, or entries under no introducing sentence, are not."""

from __future__ import annotations

from spans import span_of

STORY = [
    "A strong earthquake shook the south of the island on Monday evening, and the weather agency "
    "warned of waves of up to one metre along the coast for several hours after it.",
    "No damage was reported in the first hours, the agency said, but trains on two lines were "
    "stopped while engineers checked the tracks and the bridges near the coast.",
]
INTRO = "The intensities were as follows."
LIST = [
    "<Intensity 5>",
    "Miyazaki: Takanabe, Shintomi, Miyazaki City",
    "<Intensity 4>",
    "Miyazaki: Nobeoka, Saito, Kijo, Kawaminami",
    "Fukuoka: Kurume",
    "Saga: Kanzaki, Shiroishi",
]
FOOTER = ["Sign up", "Log in", "Contact us"]



def test_a_keyed_list_below_its_introducing_sentence_is_the_article_s() -> None:
    texts = [*STORY, INTRO, *LIST, *FOOTER]
    assert span_of(texts, len(STORY)) == (0, len(STORY) + 1 + len(LIST))
    # The span may already hold the introducing sentence.
    assert span_of(texts, len(STORY) + 1) == (0, len(STORY) + 1 + len(LIST))


def test_fields_or_entries_under_no_introducing_sentence_stay_out() -> None:
    fields = ["Author: Jane Doe", "Email: jane@example.com", "Section: World", "Saga: Kanzaki, Shiroishi"]
    assert span_of([*STORY, INTRO, *fields, *FOOTER], len(STORY)) == (0, len(STORY))
    assert span_of([*STORY, *LIST, *FOOTER], len(STORY)) == (0, len(STORY))


def test_a_keyed_list_of_figures_under_a_colon_is_the_article_s() -> None:
    figures = ["Fatalities by engine size:", "Up to 500cc: 6%", "500 to 1000cc: 40%", "1001 to 1500cc: 30%"]
    assert span_of([*STORY, *figures, *FOOTER], len(STORY)) == (0, len(STORY) + len(figures))
    # A photo shoot's credits are names, no data.
    credits = ["Full credits:", "Styling: JANE DOE", "Hair: JOHN ROE", "Make-up: ANNA LEE, LONDON"]
    assert span_of([*STORY, *credits, *FOOTER], len(STORY)) == (0, len(STORY))
