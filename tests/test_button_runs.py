"""A row of buttons between the article's paragraphs, naming no word of the article, goes with the
box's message above it; short lines in a row that name the article's topic stay."""

from __future__ import annotations

from conftest import BODY, HEADLINE, apply, dump

from newsclean.stages import mark_in_span
from newsclean.stages.button_runs import topic_words


# More of the lake story: a message naming no word of the article stands out only in a long one.
MORE = [
    "Boatyards along the northern bank report that moorings installed twenty years ago now rest on "
    "cracked clay, and several owners have hauled their yachts onto trailers until autumn storms return.",
    "Municipal engineers are studying whether temporary pontoons could restore access to the villages, "
    "although residents worry that floating platforms might drift during sudden westerly gales.",
    "Fishermen describe catches of perch and whitefish shrinking steadily, blaming warmer shallows "
    "where oxygen levels collapse during afternoons of intense sunshine and little wind.",
    "Wildlife wardens counted unusual gatherings of herons and egrets feeding across exposed flats, "
    "while conservation volunteers fenced nesting grounds against curious hikers and their dogs.",
    "Tourism businesses expect fewer visitors this season, since sailing schools postponed courses "
    "and waterfront restaurants complain about unpleasant smells drifting from stagnant inlets.",
    "Climate researchers caution that repeated droughts could permanently lower groundwater reserves "
    "feeding springs throughout the surrounding valleys, threatening orchards and vineyards alike.",
]


def button_marks(lines: list[str]) -> dict[int, str]:
    _, marks = apply(mark_in_span, dump(*lines))
    return {line: removal.reason for line, removal in marks.items() if "button" in removal.reason}


def test_a_row_of_buttons_between_paragraphs_goes() -> None:
    lines = [HEADLINE, BODY[0], BODY[1], "Try the reader", "Maybe later", BODY[2], BODY[3], BODY[4]]
    assert set(button_marks(lines)) == {4, 5}


def test_the_box_message_above_the_buttons_goes_with_them() -> None:
    message = "We put tiny text files in your browser to count visits and remember settings."
    lines = [HEADLINE, message, "Fine by me", "Refuse", BODY[0], BODY[1], BODY[2], BODY[3], BODY[4], *MORE]
    assert button_marks(lines) == {
        2: "a button box's message naming no word of the article",
        3: "a row of buttons naming no word of the article",
        4: "a row of buttons naming no word of the article",
    }


def test_short_lines_naming_the_articles_topic_stay() -> None:
    # Two subheadings in a row, or a short list of places, name words the paragraphs use.
    lines = [HEADLINE, BODY[0], BODY[1], "Southern shore", "Smaller islands", BODY[2], BODY[3], BODY[4]]
    assert button_marks(lines) == {}


def test_a_message_in_a_short_article_stays() -> None:
    # In five paragraphs, a line may well name none of the others' words.
    message = "We put tiny text files in your browser to count visits and remember settings."
    lines = [HEADLINE, BODY[0], message, "Fine by me", "Refuse", BODY[2], BODY[3], BODY[4]]
    assert set(button_marks(lines)) == {4, 5}


def test_a_message_sharing_the_articles_words_stays() -> None:
    message = "Ferry operators on the southern shore report cancelled services to smaller islands."
    lines = [HEADLINE, BODY[0], message, "Try the reader", "Maybe later", BODY[2], BODY[3], *MORE]
    assert set(button_marks(lines)) == {4, 5}


def test_one_button_alone_stays() -> None:
    lines = [HEADLINE, BODY[0], BODY[1], "Maybe later", BODY[2], BODY[3], BODY[4]]
    assert button_marks(lines) == {}


def test_topic_words_of_short_word_scripts_count() -> None:
    # A Korean word is two or three syllables: it still names a topic (a Latin "only" does not).
    assert topic_words("후보 등록 코앞인데") == ["후보", "등록", "코앞인데"]
    assert topic_words("Only the necessary") == ["necessary"]


def test_a_box_of_short_lines_over_one_button_goes_in_a_long_article() -> None:
    heading, pitch = "Quicker on your phone", "Offline pages, handy alerts, nothing else."
    lines = [HEADLINE, BODY[0], BODY[1], heading, pitch, "Try it", BODY[2], BODY[3], BODY[4], *MORE]
    reason = "a box of short lines over a button, naming no word of the article"
    assert button_marks(lines) == {4: reason, 5: reason, 6: reason}


def test_a_subheading_over_a_short_line_naming_the_topic_stays() -> None:
    lines = [HEADLINE, BODY[0], BODY[1], "What the fishermen say", "Whitefish are scarce", "Herons", BODY[2], *MORE]
    assert button_marks(lines) == {}


def test_a_list_of_names_or_titles_stays() -> None:
    # A book list's title over its author's name: capitalised words, the article's own.
    lines = [HEADLINE, BODY[0], BODY[1], "The Quiet Harbour", "Annika Vesterholm", BODY[2], BODY[3], BODY[4]]
    assert button_marks(lines) == {}


def test_ascii_topic_words_read_as_the_general_path_does() -> None:
    # ASCII lines take a one-pattern path: the same words, in order, as the per-word reading.
    from newsclean.stages.button_runs import LAST_SHORT_WORD_SCRIPT, MIN_TOPIC_LETTERS, WORD

    for text in ["Tap HERE to read: Lakeshore's 2024 report_card (beta)", "x1y22zzzzz abcd abcde ABCDEFG", ""]:
        general = [w.casefold() for w in WORD.findall(text) if w[0] <= LAST_SHORT_WORD_SCRIPT and len(w) >= MIN_TOPIC_LETTERS]
        assert topic_words(text) == general
    assert topic_words("Tap HERE to read Lakeshore's report_card") == ["lakeshore", "report"]


def test_page_topic_words_reads_each_text_once() -> None:
    from newsclean.stages.button_runs import page_topic_words

    known: dict[str, list[str]] = {}
    words = page_topic_words(["Subscribe today", "Quiet harbours", "Subscribe today"], known)
    assert words == [["subscribe", "today"], ["quiet", "harbours"], ["subscribe", "today"]]
    assert words[0] is words[2] and set(known) == {"Subscribe today", "Quiet harbours"}
