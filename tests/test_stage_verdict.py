"""verdict stage: article, error_page or empty, once every other stage has marked the page."""

from __future__ import annotations

import pytest
from conftest import BODY, HEADLINE, apply, dump

import newsclean
from newsclean import Removal, Stage, Verdict
from newsclean.stages import decide_verdict

TEASER_REASON = "a list of teasers (headlines and blurbs), not an article"
TEASERS = [
    ("Copper prices climb as mine output falls in South America",
     "Supply figures from two large mines surprised traders and analysts on Thursday.", "By Daniel Ortiz", "3 hours ago"),
    ("Central bank holds rates steady for third meeting in a row",
     "Policy makers said inflation was moving back towards the target this autumn.", "By Sarah Bell", "5 hours ago"),
    ("Airline orders forty new jets in record deal",
     "The order is the largest in the history of the company, which flies to sixty cities.", "By Tom Harris", "6 hours ago"),
    ("Retail sales rise ahead of the holiday season",
     "Shoppers spent more on clothing and electronics in October than a year earlier.", "By Priya Nair", "8 hours ago"),
    ("Carmaker to cut two thousand jobs at German plants",
     "The company blamed weak demand for electric cars in its largest European markets.", "By Jonas Weber", "9 hours ago"),
    ("Housing starts fall to lowest level in a decade",
     "Builders said higher interest rates had made many new projects too costly to begin.", "By Emma Clarke", "11 hours ago"),
]  # fmt: skip


def section_front(teasers: int) -> str:
    return dump("Business", "Markets", "Economy", *[line for teaser in TEASERS[:teasers] for line in teaser])


@pytest.mark.parametrize("text", ["", "\n", "   \n\t\n  \n", "\u200b\n\u00a0\n"], ids=["empty", "newline", "whitespace", "invisible"])
def test_empty_or_whitespace_input_is_empty(text: str) -> None:
    doc, marks = apply(decide_verdict, text)
    assert doc.verdict is Verdict.EMPTY and marks == {}
    cleaned = newsclean.clean(text)
    assert cleaned.verdict is Verdict.EMPTY
    assert cleaned.paragraphs == [] and cleaned.meta.title is None
    assert newsclean.to_text(cleaned) == ""


def test_only_boilerplate_lines_is_empty() -> None:
    doc = newsclean.clean(dump("Share", "Tweet", "* * *", "© 2025 Example News Ltd. All rights reserved."))
    assert doc.verdict is Verdict.EMPTY and doc.paragraphs == []


def test_section_front_of_teasers_is_empty() -> None:
    doc = newsclean.clean(section_front(6))
    assert doc.verdict is Verdict.EMPTY
    assert doc.paragraphs == []
    teasers = [b for b in doc.blocks if b.removal == Removal(Stage.BOILERPLATE, TEASER_REASON)]
    assert len(teasers) >= 6 * 2  # every headline and blurb, whichever stage saw the list first
    assert doc.meta.title is None


def test_section_front_of_three_teasers_is_empty() -> None:
    doc = newsclean.clean(section_front(3))
    assert doc.verdict is Verdict.EMPTY
    assert doc.paragraphs == []


def test_long_lines_without_full_stops_around_a_few_sentences_are_no_teaser_list() -> None:
    # A photo walk written with spaces for punctuation: many caption lines, a sentence now and then.
    places = ["bend of the mountain road", "bridge over the river", "gate of the old school", "wall of the temple",
              "path behind the tea house", "field below the pass", "corner of the car park", "roof of the barn"]
    seasons = ["where the maples turn red at the end of autumn", "under a sky that turns grey before the snow",
               "in the low light of a winter afternoon", "with the first cherry blossom of the spring"]
    captions = [f"The {place} {season}" for season in seasons for place in places]
    sentences = ["We arrived at the camp early in the morning, when the mist still hung over the valley.",
                 "The owners have replaced the old metal sign with one carved from a single log of cedar.",
                 "Entry costs fifty dollars a person during the season, and the camp is busiest at weekends."]
    lines = [*captions[:2], sentences[0], *captions[2:16], sentences[1], *captions[16:30], sentences[2], *captions[30:]]
    doc, marks = apply(decide_verdict, dump(*lines))
    assert doc.verdict is Verdict.ARTICLE and marks == {}


def test_menu_and_links_without_running_text_is_empty() -> None:
    text = dump(
        "News", "World", "Business", "Climate", "Opinion",
        "Storm closes mountain pass for the second time this month",
        "Market hall reopens after two-year renovation",
        "Local football club signs young striker from rival",
        "Share",
    )  # fmt: skip
    doc = newsclean.clean(text)
    assert doc.verdict is Verdict.EMPTY
    assert doc.paragraphs == []


def test_listicle_of_headings_and_paragraphs_is_an_article() -> None:
    items = [
        "1. Water at night",
        "Watering the garden after sunset means less of the water evaporates before it reaches the roots. "
        "Experts say it can halve the amount you need.",
        "2. Collect rain",
        "A simple barrel under the gutter can collect hundreds of litres in a single storm. The water is also "
        "better for most plants than tap water.",
        "3. Fix leaks",
        "A dripping tap can waste more than five thousand litres a year. Replacing a worn washer takes ten "
        "minutes and costs almost nothing.",
    ]
    doc = newsclean.clean(dump("Three ways to save water this summer", *items))
    assert doc.verdict is Verdict.ARTICLE
    assert doc.paragraphs == items


def test_article_is_an_article() -> None:
    doc, marks = apply(decide_verdict, dump(HEADLINE, *BODY))
    assert doc.verdict is Verdict.ARTICLE and marks == {}


MENU = ("Home", "About", "Our Mission", "Leadership", "Public Meetings", "Careers", "Contact", "DONATE")


def test_a_list_of_dated_entries_under_a_heading_is_the_article() -> None:
    # A meeting calendar: no sentence anywhere, but entries of one structure under their heading.
    entries = [
        "Tuesday, October 15, 2013 at 9:00 AM (at the Town Hall, 12 Market Street, 3rd Floor)",
        "Monday, January 27, 2014 at 9:00 AM (at the Town Hall, 12 Market Street, 3rd Floor)",
        "Tuesday, April 8, 2014 at 6:30 PM (at the Public Library, 40 River Road, Room 2)",
    ]
    doc, marks = apply(decide_verdict, dump(*MENU, "Board meetings (locations as listed below)", *entries, "SUBMIT"))
    assert doc.verdict is Verdict.ARTICLE
    assert [b.text for b in doc.blocks if b.kept] == ["Board meetings (locations as listed below)", *entries]
    assert all("the list that is the article" in mark.reason for mark in marks.values())


def test_short_lines_with_numbers_are_no_list_article() -> None:
    # Menu entries with numbers are too short to be a list's entries: still menus and links only.
    doc, _ = apply(decide_verdict, dump(*MENU, "Page 1", "Page 2", "Page 3", "Top 10 lists"))
    assert doc.verdict is Verdict.EMPTY and not [b for b in doc.blocks if b.kept]


def test_one_paragraph_cut_before_its_last_full_stop_is_an_article() -> None:
    cut = ("The council approved the new budget on Monday after a long debate. The plan raises spending on "
           "schools, roads and the two bridges over the river, and the mayor said at the end of the meeting that it would be")  # fmt: skip
    doc, _ = apply(decide_verdict, dump(*MENU, cut))
    assert doc.verdict is Verdict.ARTICLE


def test_interface_text_glued_into_sentences_is_no_cut_paragraph() -> None:
    glued = ("You signed in with another tab or window. Reload to refresh your session.You signed out in another "
             "tab or window. Reload to refresh your session.Dismiss alert")  # fmt: skip
    doc, _ = apply(decide_verdict, dump(*MENU, glued))
    assert doc.verdict is Verdict.EMPTY


def test_a_paragraph_with_one_link_glued_into_it_is_still_a_cut_paragraph() -> None:
    # A whole article on one line (a scraper joined its text nodes), an inline "Read also" link glued
    # to the sentence before it, and no full stop at the end: its text, not menus and links.
    one_line = ("The council approved the new budget on Monday after a long debate. The plan raises spending on "
                "schools and roads. Critics said the tax rise would hurt families.Read also: Council elections set "
                "for May The mayor said the vote showed the city was ready to invest. Work on the two bridges "
                "starts in spring. Editor: Jane Roe")  # fmt: skip
    doc, _ = apply(decide_verdict, dump(*MENU, one_line))
    assert doc.verdict is Verdict.ARTICLE
    assert one_line in [b.text for b in doc.blocks if b.kept]


def test_code_with_a_phrase_word_before_two_spaces_does_not_break_the_phrase_search() -> None:
    # The glued reading of a code line holds "username" then two spaces (an empty word, which is
    # the phrase trie's end key): the search over a short page's lines must not fail on it.
    from newsclean.rules import PhraseSet

    phrases = PhraseSet.build({"username", "username required"})
    assert list(phrases.find_all(("username  function request",))) == ["username"]


def test_markup_read_as_text_is_no_cut_paragraph() -> None:
    # A page whose HTML could not be parsed: a long line of tags around some text is no paragraph.
    markup = ('<div class="post"><p>The council approved the new budget on Monday after a long debate. The plan '
              'raises spending on schools, roads and the two bridges over the river, and the mayor said</p>')  # fmt: skip
    doc, _ = apply(decide_verdict, dump(*MENU, markup))
    assert doc.verdict is Verdict.EMPTY


def test_lines_of_markup_with_numbers_are_no_list_article() -> None:
    # Raw HTML read as text: tags with ids and sizes hold numbers but are no list's entries.
    tags = [f'<a href="/blog/{n}.aspx" id="link{n}" class="nav">Blog entry number {n} of the month</a>' for n in (1, 2, 3, 4)]
    doc, _ = apply(decide_verdict, dump(*MENU, *tags))
    assert doc.verdict is Verdict.EMPTY


# A conference programme: session times with a number, speakers with their affiliation and talk
# without one, short labels between them; not one sentence, and far longer than any menu.
PROGRAMME = [
    "Annual Meeting of the Regional Economics Society",
    "(held on 11-12 March, North Campus Hall)",
    "Day one: registration of delegates",
    "Place: North Campus Hall, ground floor lobby",
    "9:00-9:30 Opening session and welcome",
    "Chair: Professor Helen Marsh, head of the school",
    "9:30-10:30 Keynote lecture of the morning",
    "Speakers:",
    "Anna Berg (National Statistics Office, chief economist) \"Measuring output in services\"",
    "Paul Okafor (University of the Coast, professor) \"Credit cycles and small firms\"",
    "Lena Vogt (Central Bank research unit, adviser) \"Notes on the exchange rate regime\"",
    "Marco Ruiz (Institute of Trade Studies, director) \"Global imbalances and their adjustment\"",
    "10:30-10:50 Coffee break and group photo",
    "10:50-12:30 Panel on monetary policy and banking reform",
    "Chair: Professor Ian Doyle (Vice President of the university)",
    "Speakers:",
    "Sara Lindqvist (Ministry of Finance, senior analyst) \"Fiscal rules in practice\"",
    "Tomas Novak (School of Economics, lecturer) \"Banks, deposits and the interest margin\"",
    "Yuki Tanaka (Pacific Policy Forum, fellow) \"Trade finance after the crisis years\"",
    "14:00-17:30 Parallel sessions in eleven rooms of the Economics Building",
    "18:10-19:45 Welcome dinner for all delegates and guests",
]  # fmt: skip


def test_a_programme_of_rows_with_and_without_numbers_is_the_article() -> None:
    # The span, looking for running text, finds none and settles on a few lines; the verdict
    # finds the table that fills the page and keeps all of it rather than emptying the page.
    cleaned = newsclean.clean(dump(*MENU, *PROGRAMME, "SUBMIT"))
    assert cleaned.verdict is Verdict.ARTICLE
    kept = [line for line in [cleaned.meta.title or "", *cleaned.paragraphs] if line]
    assert [line for line in PROGRAMME if line != "Speakers:" and line not in kept] == []
    assert not set(MENU) & set(kept)


def test_a_page_of_menus_and_short_labels_is_no_table() -> None:
    # Short lines are no rows: a long menu with a few numbered links stays menus and links only.
    links = [f"Archive {year}" for year in range(2001, 2013)]
    doc, _ = apply(decide_verdict, dump(*MENU, *links, "Terms of use and privacy policy of this site", "SUBMIT"))
    assert doc.verdict is Verdict.EMPTY


def test_a_short_results_table_above_a_cookie_policy_link_is_an_article() -> None:
    # Two short sentences and the table they introduce: little running text, but far more of the
    # page than the footer's "Cookie policy" link, which makes no consent wall of it.
    table = ["1. Harbour Rowing Club 42", "2. Lakeside Oars 39", "3. North Shore Scullers 35", "4. Island Crew 31",
             "5. Bay Paddlers 28", "6. South Pier Rowers 22", "7. Old Mill Boat Club 19", "8. Riverside Eights 12"]  # fmt: skip
    page = [*MENU, "Regatta standings after week nine", "Harbour Rowing Club kept its lead after a wet weekend on the lake.",
            "Here are the standings after nine weeks:", *table, "The final race is rowed on Sunday.",
            "Privacy policy", "Cookie policy", "© 2026 Lake Sports Weekly"]  # fmt: skip
    cleaned = newsclean.clean(dump(*page))
    assert cleaned.verdict is Verdict.ARTICLE
    assert [row for row in table if row not in cleaned.paragraphs] == []


BRIEF_IT = [
    "Un cornicione di circa due metri si è staccato nella notte da un palazzo storico del centro ed è caduto sul marciapiede. Non ci sono feriti.",
    "I vigili del fuoco hanno transennato l'area e disposto la chiusura al traffico del tratto tra le due piazze fino al termine delle verifiche.",
]
COMMENTS_IT = ["Mario_1958", "3 ore fa", "Ogni anno la stessa storia. I palazzi del centro cadono a pezzi e nessuno fa manutenzione.", "Rispondi",
               "Giulia R.", "2 ore fa", "Per fortuna era notte. Di giorno quel marciapiede è pieno di turisti e di gente che va al lavoro.", "Rispondi"]


@pytest.mark.parametrize("count_line", ["34 commenti", "Commenti (34)"])
def test_error_words_in_the_comments_below_a_brief_make_no_error_page(count_line: str) -> None:
    # A short brief, then its comment thread under its marker: a comment's "nobody does
    # maintenance" ("manutenzione") is the readers' text, not the page's message. It made the
    # brief an error page (maintenance), every line removed.
    doc = newsclean.clean("\n".join(["Home", "Crolla un cornicione in centro: nessun ferito", *BRIEF_IT, count_line, *COMMENTS_IT]) + "\n")
    assert doc.verdict is Verdict.ARTICLE and doc.paragraphs == BRIEF_IT
