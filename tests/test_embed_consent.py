"""A consent box for embedded content between the article's paragraphs: short lines that keep
naming the other site, in sentences and on a button. No phrase is matched: the repeated name and
the box's shape are the signal (the site and the wording here are made up)."""

from __future__ import annotations

from conftest import BODY, HEADLINE, apply, dump

from newsclean.model.features import line_features
from newsclean.stages import mark_in_span
from newsclean.stages.embed_consent import CONSENT_BOX_REASON, consent_boxes

BOX = [
    "Embedded media",
    "Here you will find a clip hosted by Vidora that goes with this story.",
    "One click shows it, another hides it again.",
    "Allow Vidora clips",
    "I agree that clips from Vidora are shown to me.",
    "Personal data may be passed on to other platforms.",
    "Open the Vidora clip",
]
WORDS = frozenset({"the", "a", "of", "and", "to", "in", "on", "for", "is", "that", "will", "by", "after", "it", "from"})


def features(texts: list[str]) -> list:
    return [line_features(t, WORDS) for t in texts]


def test_the_consent_box_between_paragraphs_goes_with_its_heading() -> None:
    doc, marks = apply(mark_in_span, dump(HEADLINE, *BODY[:2], *BOX, *BODY[2:]))
    assert [b.text for b in doc.kept()] == BODY
    assert all(CONSENT_BOX_REASON in marks[n].reason for n, b in enumerate(doc.blocks, 1) if b.text in BOX)


def test_a_name_the_article_itself_talks_about_is_no_box() -> None:
    # A paragraph names the site too: the article is about it, its short lines stay.
    about = "Vidora, the clip site, said on Monday that it would close its offices in the city by the end of the year."
    texts = [*BODY[:2], *BOX, *BODY[2:4], about, BODY[4]]
    assert consent_boxes(features(texts), texts) == {}


def test_a_short_list_of_one_product_without_sentences_is_no_box() -> None:
    # "Vidora One", "Vidora Two", ...: the name on short lines, but no sentence explains a box.
    items = ["Vidora One", "Vidora Two", "Vidora Three", "Vidora Four"]
    texts = [*BODY[:2], *items, *BODY[2:]]
    assert consent_boxes(features(texts), texts) == {}


def test_a_box_with_long_sentences_and_an_inflected_name_goes() -> None:
    # The box's sentences run longer than 20 words, the last holds a sentence but ends on a link,
    # and the name ("Inhalt") is a word of the language, inflected ("Inhalte"); made-up wording.
    box = [
        "Empfohlener Inhalt",
        "An dieser Stelle zeigen wir Ihnen einen Inhalt eines anderen Anbieters, den unsere Redaktion zu diesem Text"
        " ausgesucht hat und den Sie mit einem Klick ein- und wieder ausblenden können.",
        "Inhalte zeigen",
        "Ich stimme zu, dass mir Inhalte anderer Anbieter gezeigt werden und dabei Daten an diese Anbieter und an"
        " weitere Dienste gehen können. Mehr dazu in den Hinweisen zum Datenschutz",
    ]
    doc, marks = apply(mark_in_span, dump(HEADLINE, *BODY[:2], *box, *BODY[2:]))
    assert [b.text for b in doc.kept()] == BODY
    assert all(CONSENT_BOX_REASON in marks[n].reason for n, b in enumerate(doc.blocks, 1) if b.text in box)


def test_long_paragraphs_quoting_a_person_by_name_are_no_box() -> None:
    # The name on three long lines and a caption's short one, but not on the lines between them.
    texts = [*BODY[:2], "View this image", "Jane Doe",
             "Jane Doe, 21, was taken to the island's clinic on Monday after the ferry she was on ran aground on the"
             " mud flats, the harbour police said in a statement.",
             "Her mother said the crew had done all they could to help the passengers reach the shore safely.",
             "Jane Doe is now recovering at home with her family and hopes to return to work at the end of the"
             " month, her employer said on Tuesday.", "Her mother added that the family was grateful.",
             "Jane Doe said she would take the ferry again once the lake had risen and the landing stages could be"
             " reached safely.", *BODY[2:]]  # fmt: skip
    assert consent_boxes(features(texts), texts) == {}


def test_a_section_under_a_subheading_naming_its_subject_is_no_box() -> None:
    # A subheading and two long paragraphs, each naming the subject: one short line only.
    texts = [*BODY[:2], "Wellness by the lake",
             "The resort's Wellness Without Walls programme treats the lake shore as the main setting for its guests,"
             " with walks along the mud flats that the drought has left behind this summer.",
             "Wellness offerings include a guided swim at the landing stage and a sauna on the shore, both open to"
             " islanders and visitors alike until the autumn rains arrive.", *BODY[2:]]  # fmt: skip
    assert consent_boxes(features(texts), texts) == {}
