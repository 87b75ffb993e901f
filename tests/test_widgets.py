"""Widgets that are boilerplate wherever they stand (stages/widgets.py, run by the boilerplate stage):
teasers for other stories and slideshows go; a recipe's fractions and a quotation that trails off stay."""

from __future__ import annotations

from conftest import BODY, HEADLINE, apply, dump

from newsclean import Removal, Stage
from newsclean.stages import mark_boilerplate


def test_a_slideshow_goes_with_its_captions_and_a_recipe_stays() -> None:
    slides = [
        "1/4 United goin down", "The club's absence from the league dented its accounts last year.", "Getty",
        "2/4 Star Wars boosts economy", "Filming brought an economic impact of some 150 million pounds, the producers said.", "Rex",
        "3/4 Founder leaves the retailer", "She decided to quit the online fashion shop after a summer of reflection.", "AFP",
        "4/4 Pier for sale", "The central pier has been put up for sale by its owners for 12 million.", "Reuters",
    ]  # fmt: skip
    doc, marks = apply(mark_boilerplate, dump(HEADLINE, BODY[0], BODY[1], *slides, *BODY[2:]))
    assert set(marks) == set(range(4, 4 + len(slides)))
    assert marks[4] == Removal(Stage.BOILERPLATE, "a slideshow inside the article (4 slides of 4)")
    assert doc.paragraphs == [HEADLINE, *BODY]
    recipe = ["1/4 pound celery root, peeled", "1/2 cup milk", "3/4 teaspoon salt"]
    _, marks = apply(mark_boilerplate, dump(HEADLINE, BODY[0], BODY[1], *recipe, *BODY[2:]))
    assert marks == {}


def test_teasers_for_other_stories_go() -> None:
    teaser = [
        "How Stores Manipulate Your Senses How Stores Manipulate Your Senses How Stores Manipul",
        "When you walk into almost any store, you're immediately overloaded with sights, sounds,… Read more Read more",
    ]
    doc, marks = apply(mark_boilerplate, dump(HEADLINE, BODY[0], BODY[1], *teaser, *BODY[2:]))
    assert marks == {
        4: Removal(Stage.BOILERPLATE, "a teaser (a headline printed several times over in one line)"),
        5: Removal(Stage.BOILERPLATE, "a teaser (a blurb cut short with a link after it)"),
    }
    assert doc.paragraphs == [HEADLINE, *BODY]


def test_a_quotation_that_trails_off_stays() -> None:
    quote = '"We waited and waited for the rain... and it never came," said one of the farmers on the southern shore.'
    _, marks = apply(mark_boilerplate, dump(HEADLINE, BODY[0], BODY[1], quote, *BODY[2:]))
    assert marks == {}


def test_a_whole_article_in_one_block_ending_with_a_link_stays() -> None:
    block = " ".join(BODY * 3) + " The full report is online… Read more"
    _, marks = apply(mark_boilerplate, dump(HEADLINE, BODY[0], block, BODY[1]))
    assert marks == {}


def test_a_gallery_counter_alone_goes_and_a_fraction_or_a_score_stays() -> None:
    counters = ["2 of 9", "2 of 9", "3 de 12"]
    doc, marks = apply(mark_boilerplate, dump(HEADLINE, BODY[0], *counters, BODY[1], *BODY[2:]))
    assert marks == {i: Removal(Stage.BOILERPLATE, "a gallery's counter standing alone") for i in (3, 4, 5)}
    assert doc.paragraphs == [HEADLINE, *BODY]
    # A slash (a fraction, a score), a count going down, a number in a sentence: not a counter.
    others = ["1/2", "9 to 5", "Two of 10 voters said no."]
    _, marks = apply(mark_boilerplate, dump(HEADLINE, BODY[0], *others, BODY[1], *BODY[2:]))
    assert marks == {}
