"""A list its sentence introduces below a short article (a meeting calendar, a table of results:
entries of one shape, each with a number) is the article's, though the line model scores its
entries low, and a page that is such a list under its heading is an article, not menus and
links; an archive's months, a menu, or entries of no common shape are not."""

from __future__ import annotations

from spans import ENGLISH, span_of

import newsclean
from newsclean import Verdict
from newsclean.model.features import line_features
from newsclean.stages.box_tail import closing_below_list
from newsclean.stages.shaped_list import entry_shape

INTRO = "Full-time scores from every league match played on Saturday afternoon."
RESULTS = [
    "Arsenal 2-1 Chelsea",
    "Everton 0-0 Fulham",
    "Leeds 3-2 Burnley",
    "Crystal Palace 0-3 Aston Villa",
]
CALENDAR_INTRO = "The board of trustees meets at the foundation's offices, 12 Main Street."
CALENDAR = [
    "Tuesday, September 24, 2024 at 2:30 PM **By telephone",
    "Monday, November 25, 2024 at 3:00 PM",
    "Tuesday, January 21, 2025 at 1:00 PM",
]
FOOTER = ["Share on Facebook", "Latest stories", "Privacy policy"]


def test_one_shape_counts_each_run_of_words_and_digits_once() -> None:
    assert entry_shape("Crystal Palace 0-3 Aston Villa") == entry_shape("Leeds 3-2 Burnley") == "a0-0a"
    assert entry_shape("Tuesday, September 24, 2024 at 2:30 PM") == "a,a0,0a0:0a"


def test_a_list_of_results_or_dates_below_its_introducing_sentence_is_the_article_s() -> None:
    assert span_of([INTRO, *RESULTS, *FOOTER], 1) == (0, 1 + len(RESULTS))
    # A row may carry a note after the list's shape.
    assert span_of([CALENDAR_INTRO, *CALENDAR, *FOOTER], 1) == (0, 1 + len(CALENDAR))


def test_entries_of_no_common_shape_or_without_words_stay_out() -> None:
    mixed = ["Arsenal 2-1 Chelsea", "Tuesday, September 24, 2024 at 2:30 PM", "Page 1 of 12", "Call 555 0100 today"]
    assert span_of([INTRO, *mixed, *FOOTER], 1) == (0, 1)
    # An archive's months and counts: one word beside the numbers.
    archive = ["December 2014 (3)", "November 2014 (5)", "October 2014 (2)", "September 2014 (7)"]
    assert span_of([INTRO, *archive, *FOOTER], 1) == (0, 1)
    # Two entries are no list.
    assert span_of([INTRO, *RESULTS[:2], *FOOTER], 1) == (0, 1)


def test_a_list_under_a_paragraph_that_announces_nothing_stays_out() -> None:
    paragraph = (
        "The club said on Sunday that the new stadium would open next season, after two years of "
        "building work and a long dispute with the city over the roads around it."
    )
    assert span_of([paragraph, *RESULTS, *FOOTER], 1) == (0, 1)


def test_a_long_story_s_last_sentence_over_dated_entries_keeps_them_out() -> None:
    story = [
        "The club said on Sunday that the new stadium would open next season, after two years of "
        "building work and a long dispute with the city over the roads around it.",
    ] * 4
    assert span_of([*story, INTRO, *RESULTS, *FOOTER], 5) == (0, 5)


def test_a_page_that_is_a_results_table_under_its_heading_is_an_article_not_menus() -> None:
    menu = ["Home", "News", "Sport", "Football", "Contact"]
    footer = ["Share on Facebook", "Latest stories", "About us", "Privacy policy"]
    heading = "Premier League results, Saturday 12 March"
    doc = newsclean.clean("\n".join([*menu, heading, *RESULTS, "Newcastle 2-2 Wolves", *footer]) + "\n")
    assert doc.verdict is Verdict.ARTICLE
    assert set(RESULTS) <= set(doc.paragraphs)
    assert not set(doc.paragraphs) & {*menu, *footer}
    # Three entries under it, or entries of no common shape, are no such list: menus and links.
    for entries in (RESULTS[:3], ["Arsenal 2-1 Chelsea", "Page 1 of 12", "Call 555 0100 today", "Open 9-5 daily"]):
        doc = newsclean.clean("\n".join([*menu, heading, *entries, *footer]) + "\n")
        assert doc.verdict is Verdict.EMPTY


def test_the_line_announcing_the_list_may_stand_right_below_the_span() -> None:
    story = (
        "The league's last round was played on Saturday afternoon in front of full grounds, and the "
        "title was decided on the final day."
    )
    assert span_of([story, "Full-time scores:", *RESULTS, *FOOTER], 1) == (0, 2 + len(RESULTS))


def test_a_page_that_is_a_ranking_keeps_every_entry_that_counts_on() -> None:
    ranking = [
        "1. Taylor Swift – The Tortured Poets Department",
        "2. Billie Eilish – Hit Me Hard and Soft",
        "3. Sabrina Carpenter – Short n' Sweet",
        "4. Chappell Roan – The Rise and Fall of a Midwest Princess",
        "5. Noah Kahan – Stick Season",
        "6. Morgan Wallen – One Thing at a Time",
        "7. Zach Bryan – The Great American Bar Scene",
        "8. SZA – SOS",
        "9. Olivia Rodrigo – Guts",
        "10. Post Malone – F-1 Trillion",
    ]
    menu = ["Home", "News", "Music", "Contact"]
    footer = ["Share on Facebook", "More charts", "Privacy policy"]
    doc = newsclean.clean("\n".join([*menu, "The 10 best-selling albums of 2024", *ranking, *footer]) + "\n")
    assert doc.verdict is Verdict.ARTICLE
    # Entries of 6 words or more with a number made a list of the first four; the shorter ones
    # below count on, and are the ranking's too.
    assert set(ranking) <= set(doc.paragraphs)
    assert not set(doc.paragraphs) & {*menu, *footer}


def test_a_page_that_is_a_league_table_counting_on_is_an_article() -> None:
    table = ["1 Arsenal 30 70", "2 Liverpool 30 67", "3 Manchester City 30 64", "4 Aston Villa 30 59", "5 Tottenham 30 56"]
    menu = ["Home", "News", "Sport", "Contact"]
    footer = ["Share on Facebook", "Latest stories", "Privacy policy"]
    doc = newsclean.clean("\n".join([*menu, "League table after round 30", *table, *footer]) + "\n")
    assert doc.verdict is Verdict.ARTICLE
    assert set(table) <= set(doc.paragraphs)
    # Numbers that do not count on (an archive's years and counts) are no ranking.
    archive = ["2014 archive (3)", "2013 archive (5)", "2012 archive (2)", "2011 archive (7)", "2010 archive (1)"]
    doc = newsclean.clean("\n".join([*menu, "Posts from the blog by year", *archive, *footer]) + "\n")
    assert doc.verdict is Verdict.EMPTY


def test_the_closing_paragraph_below_the_list_is_the_article_s() -> None:
    # Intro, the results, then the article's last paragraph above the site's "Most read" box: the
    # span carried over the list ends with the closing paragraph, not the last result.
    closing = ("Arsenal stay top after the win, two points clear of Aston Villa, and play Everton away next "
               "Saturday before the league breaks for the international matches.")
    opening = ("The leaders won again on Saturday while both of their closest rivals dropped points, leaving the "
               "title race more open at the bottom of the table than at the top.")
    lead_in = "Here are all of the weekend's results in the first division:"
    article = [opening, lead_in, *RESULTS]
    page = ["Home", "Football", "Results", "Weekend round-up: leaders stay top as rivals slip", *article,
            closing, "Most read", "Manager sacked after five straight defeats", "Transfer window: who is moving where"]
    doc = newsclean.clean("\n".join(page) + "\n")
    assert doc.paragraphs == [*article, closing]
    # A site's note below the list, naming nothing the article names, is not its closing paragraph.
    note = ("We welcome your views on every story we publish, and you can write to our readers' editor "
            "by post or by e-mail whenever you believe that something we printed was wrong.")
    texts = [*article, note, "Most read"]
    lines = [line_features(text, ENGLISH) for text in texts]
    assert closing_below_list(lines, texts, 0, len(article), len(article) + 1) == len(article)
    texts[len(article)] = closing
    lines = [line_features(text, ENGLISH) for text in texts]
    assert closing_below_list(lines, texts, 0, len(article), len(article) + 1) == len(article) + 1


def test_a_list_of_entries_under_its_heading_inside_the_article_weighs_nothing() -> None:
    # A match's key moments between the report's paragraphs: the span reaches across them to the
    # paragraphs below, scored low; with no running text below, the entries stay out.
    from newsclean.config import DEFAULT_CONFIG
    from newsclean.model.features import line_features
    from newsclean.rules import load_rules
    from newsclean.stages.main_text import article_span

    report = ["Harbour FC came from behind to win the cup final at the old ground on a cold Sunday afternoon.",
              "The visitors led early on, but the home side levelled before half-time through a penalty."]  # fmt: skip
    moments = ["Match timeline", "9' Ames shot over the bar from the edge of the box", "22' GOAL - Harbour 0-1 Town (Ames)",
               "45' Half-time", "41' GOAL - Harbour 1-1 Town (Lee)", "80' GOAL - Harbour 2-1 Town (Lee)",
               "90' Full-time"]  # fmt: skip
    after = ["The coach said the players had earned a long night of celebration after a hard season.",
             "Harbour play their first league game of the new season in three weeks."]  # fmt: skip
    texts = [*report, *moments, *after]
    english = load_rules().stopwords["en"]
    lines = [line_features(t, english) for t in texts]
    scores = [1.0, 1.0, -1.0, *[-3.0] * (len(moments) - 1), 0.5, 0.5]
    assert article_span(lines, texts, scores, {}, DEFAULT_CONFIG, load_rules())[:2] == (0, len(texts))
    texts, lines, scores = texts[: -len(after)], lines[: -len(after)], scores[: -len(after)]
    assert article_span(lines, texts, scores, {}, DEFAULT_CONFIG, load_rules())[:2] == (0, len(report))
