"""The author's box below an article: the byline's name alone on a line under the last
paragraph, then a biography. The model reads the biography as one more paragraph; the name
printed twice, once in the byline, shows the box without any word of the page's language."""

from __future__ import annotations

from conftest import BODY, HEADLINE, apply, dump

from newsclean.model.features import line_features
from newsclean.stages import mark_outside_main_text
from newsclean.stages.author_box import author_bio_start, author_box_start, is_name

MENU = ["News", "Sport", "Culture", "Weather", "Travel", "About us"]
NAME = "Marta K. Lindqvist"
BYLINE = [NAME, "12 March 2024"]
BOX = [
    NAME,
    "Marta has covered the environment desk of the paper since 2015, after ten years as a correspondent "
    "in the north of the country, and she is the author of two books on the history of the lake.",
]
WORDS = frozenset({"the", "a", "of", "and", "to", "in", "on", "for", "is", "that", "has", "as", "after"})


def box_start(texts: list[str], start: int) -> int:
    return author_box_start([line_features(t, WORDS) for t in texts], texts, start, len(texts))


def kept_texts(*lines: str) -> list[str]:
    doc, _ = apply(mark_outside_main_text, dump(*lines))
    return [b.text for b in doc.kept()]


def test_the_author_box_below_the_article_is_cut() -> None:
    kept = kept_texts(*MENU, HEADLINE, *BYLINE, *BODY, *BOX)
    assert BOX[-1] not in kept and NAME not in kept[-3:]
    assert kept[-len(BODY):] == BODY


def test_a_name_never_seen_in_the_byline_is_no_author_box() -> None:
    # The same lines with no byline: a name over a paragraph may be a speaker or a section.
    texts = ["12 March 2024", *BODY, *BOX]
    assert box_start(texts, 1) == len(texts)
    texts = BYLINE + texts
    assert box_start(texts, 3) == len(texts) - len(BOX)


def test_name_lines() -> None:
    def name(text: str) -> bool:
        return is_name(line_features(text, WORDS), text)

    assert name(NAME) and name("Jane Doe") and name("María R. Sahuquillo")
    assert not name("Prince") and not name("Read more here") and not name("Jane Doe, 2024")
    assert not name("The end.") and not name("Lake Levels Fall To Record Low Again")


def test_the_box_needs_the_article_above_it() -> None:
    texts = [*BYLINE, BODY[0], NAME, BOX[-1]]
    # One paragraph above the name: no article to end, the span is left alone.
    assert box_start(texts, 2) == len(texts)
    texts = [*BYLINE, *BODY, NAME, BOX[-1]]
    assert box_start(texts, 2) == len(texts) - 2


def test_a_row_of_share_buttons_printed_again_is_no_author_box() -> None:
    share = "Facebook Twitter"
    texts = [share, "12 March 2024", share, *BODY, share, "Tell us about a mistake in this story by writing to the desk."]
    assert box_start(texts, 3) == len(texts)


def test_a_label_between_paragraphs_printed_again_is_no_author_box() -> None:
    # "Ad Policy" between two paragraphs, then again over the last one: furniture, no byline.
    label = "Ad Policy"
    texts = ["12 March 2024", BODY[0], label, *BODY[1:], label, BODY[0]]
    assert box_start(texts, 1) == len(texts)


def test_the_box_goes_with_a_contact_line_below_the_biography() -> None:
    texts = [*BYLINE, *BODY, NAME, BOX[-1], "Readers can write to Marta with their questions about the lake."]
    assert box_start(texts, 2) == len(texts) - 3


def test_a_paragraph_that_names_nobody_of_the_name_line_is_no_biography() -> None:
    # The author's own inline box (the name, a blurb) with the article going on below it.
    texts = [*BYLINE, *BODY, NAME, BODY[0], BOX[-1]]
    assert box_start(texts, 2) == len(texts)


# The biography as the article's last paragraph, with no name line over it: the byline's name
# opens it, and the article never names her.
BIO = "Marta K. Lindqvist is a science reporter at the paper. Follow her on Twitter for updates from the lake."


def bio_start(texts: list[str], start: int) -> int:
    lines = [line_features(t, WORDS) for t in texts]
    return author_bio_start(lines, texts, start, len(texts))


def test_the_author_biography_as_the_last_paragraph_is_cut() -> None:
    kept = kept_texts(*MENU, HEADLINE, f"By {NAME}", "12 March 2024", *BODY, BIO)
    assert BIO not in kept
    assert kept[-len(BODY):] == BODY


def test_a_biography_needs_the_byline_and_an_article_that_never_names_its_person() -> None:
    texts = [f"By {NAME}", "12 March 2024", *BODY, BIO]
    assert bio_start(texts, 2) == len(texts) - 1
    # No byline: the last paragraph may be about anyone the article quotes.
    assert bio_start(texts[1:], 1) == len(texts) - 1
    # The article is about her (it names her): the last paragraph is the article's own.
    about = [*texts[:3], "Lindqvist, who has studied the lake for a decade, says the fall was expected.", *texts[3:]]
    assert bio_start(about, 2) == len(about)
    # Without an invitation to follow her, a bio that opens with the byline's name goes too
    # ("Jane Doe covers the White House."): the article never names its author.
    plain = [*texts[:-1], "Marta K. Lindqvist is a science reporter at the paper and covers the lakes of the north."]
    assert bio_start(plain, 2) == len(plain) - 1
    # A line that only names her in passing, not at its start, is the article's own.
    passing = [*texts[:-1], "The survey's results were checked by Marta K. Lindqvist and two colleagues."]
    assert bio_start(passing, 2) == len(passing)
