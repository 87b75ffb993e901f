"""A note to the reader naming no word of the article (a consent sentence, an app's or a
newsletter's pitch, worded as no phrase list knows it) goes, with its box's labels; a line that
addresses the reader about the article's own topic, quoted speech, and any line of a short
article stay."""

from __future__ import annotations

from conftest import BODY, HEADLINE, apply, dump
from test_button_runs import MORE

from newsclean.model.features import line_features
from newsclean.rules import load_rules
from newsclean.stages import mark_in_span
from newsclean.stages.reader_notes import addresses_reader

ARTICLE = [BODY[0], BODY[1], BODY[2], BODY[3], BODY[4], *MORE]


def marks_saying(lines: list[str], words: str) -> dict[int, str]:
    """The in_span stage's marks on the dump of `lines` whose reason holds `words`, by line number."""
    _, marks = apply(mark_in_span, dump(*lines))
    return {line: removal.reason for line, removal in marks.items() if words in removal.reason}


def note_marks(lines: list[str]) -> dict[int, str]:
    return marks_saying(lines, "note to the reader")


def test_a_consent_sentence_below_the_article_goes() -> None:
    note = "While you browse here, small scripts on your laptop tally page visits for our ad partners."
    lines = [HEADLINE, *ARTICLE, note]
    assert note_marks(lines) == {len(lines): "a note to the reader at the article's edge, naming no word of the article"}


def test_an_app_pitch_between_paragraphs_goes() -> None:
    # No "you": it opens with a call to action, and names tablets and watches, not the lake.
    pitch = "Download the Lakeside Ledger app for tablets and smartwatches, with headlines delivered instantly."
    lines = [HEADLINE, *ARTICLE[:5], pitch, *ARTICLE[5:]]
    assert note_marks(lines) == {7: "a note to the reader between paragraphs, naming no word of the article"}


def test_a_formal_german_note_goes_with_its_button() -> None:
    note = "Mit einem Konto speichern Sie Lesezeichen auf allen Geräten und erhalten Eilmeldungen sofort."
    lines = [HEADLINE, note, "Alles klar", *ARTICLE]
    assert note_marks(lines) == {
        2: "a note to the reader at the article's edge, naming no word of the article",
        3: "a label of a note to the reader or of an author's biography, naming no word of the article",
    }


def test_a_line_addressing_the_reader_about_the_topic_stays() -> None:
    advice = "If you live near the southern shore, check the ferry timetable before travelling to the islands."
    lines = [HEADLINE, *ARTICLE, advice]
    assert note_marks(lines) == {}


def test_quoted_speech_stays() -> None:
    quote = "\u201cYou never forget your first sight of empty moorings at dawn,\u201d a retired skipper recalled."
    lines = [HEADLINE, *ARTICLE[:5], quote, *ARTICLE[5:]]
    assert note_marks(lines) == {}


def test_a_note_in_a_short_article_stays() -> None:
    # In five paragraphs, a line may well name none of the others' words.
    note = "While you browse here, small scripts on your laptop tally page visits for our ad partners."
    assert note_marks([HEADLINE, *BODY, note]) == {}


def test_a_capitalised_pronoun_opening_a_sentence_is_no_address() -> None:
    rules = load_rules()

    def address(text: str) -> bool:
        return addresses_reader(line_features(text, rules.all_stopwords), text, rules)

    assert not address("Sie fordern mehr Geld für Schulen und Krankenhäuser.")  # "they"
    assert not address("Die Bürger sagen, sie wollen mehr Geld.")  # "she", "they"
    assert address("Wenn es Ihnen gefällt, empfehlen Sie uns weiter.")
    assert address("Merci de votre visite.")


def test_a_users_reader_words_count(tmp_path) -> None:
    # A user's file adds words in their own language's spelling, as the built-in files do.
    path = tmp_path / "mine.toml"
    path.write_text('reader_words = "thou thee Thy"\n', encoding="utf-8")
    rules = load_rules((str(path),))
    assert "thou" in rules.reader_words and "Thy" in rules.reader_words_as_written


def test_a_short_reply_beside_a_removed_label_stays() -> None:
    # A live blog answers a reader under their message, its "Share" button removed beside it:
    # 3 content words are not enough there (4 are wanted beside a removed line).
    reply = "Thank you, and please keep clear of the pier."
    lines = [HEADLINE, *ARTICLE[:5], "Share", reply, *ARTICLE[5:]]
    assert note_marks(lines) == {}
