"""An author's biography at the article's first or last paragraph, with no byline naming the
author, goes when no other line of the article names that person (with its box's labels); an
article's paragraph about a person it names again stays."""

from __future__ import annotations

from conftest import HEADLINE
from test_reader_notes import ARTICLE, marks_saying

from newsclean.rules import load_rules
from newsclean.stages.edge_bios import bio_name

BIO = "an author's biography at the article's edge, naming a person the article does not"


def bio_marks(lines: list[str]) -> dict[int, str]:
    return marks_saying(lines, "biography")


def test_a_biography_below_the_article_goes() -> None:
    bio = "Greta Holmqvist writes about rivers, harbours and the towns that live off them for the weekend edition."
    lines = [HEADLINE, *ARTICLE, bio]
    assert bio_marks(lines) == {len(lines): BIO}


def test_a_biography_above_the_article_goes_with_its_link() -> None:
    bio = "Tobias van Rijn ist unser Korrespondent für Umweltthemen und lebt am Bodensee."
    lines = [HEADLINE, bio, "Alle Beiträge ansehen", *ARTICLE]
    assert bio_marks(lines) == {
        2: BIO,
        3: "a label of a note to the reader or of an author's biography, naming no word of the article",
    }


def test_a_person_the_article_names_again_stays() -> None:
    opening = "Marta Quell is a ferry captain who has crossed the lake twice a day for thirty years."
    again = "Quell said she had never seen the landing stages so far above the water."
    lines = [HEADLINE, opening, *ARTICLE[:4], again, *ARTICLE[4:]]
    assert bio_marks(lines) == {}


def test_a_name_with_another_verb_is_no_biography() -> None:
    rules = load_rules()
    assert bio_name("Marta Quell said the ferries would stop until October.", rules) is None
    assert bio_name("Ana dos Reis cubre la política municipal desde Valencia.", rules) == "Ana dos Reis"
    assert bio_name("The harbour is a busy place in summer.", rules) is None  # one capitalised word
    assert bio_name("TK Weekly is a newsletter for harbour masters.", rules) is None  # an acronym, no person
    assert bio_name("J. Smith is a lecturer in hydrology.", rules) == "J. Smith"
