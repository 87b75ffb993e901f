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
