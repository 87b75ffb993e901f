"""A box of other stories' headlines between the article's paragraphs, under a label no phrase
list knows, goes by its shape; the article's own lists, subheadings and wrapped lines stay."""

from __future__ import annotations

from conftest import BODY, HEADLINE, apply, dump

from newsclean import Removal, Stage
from newsclean.stages import mark_in_span

BOX = ["Across the region", "Storm damage closes coastal road for a week", "Council approves new harbour wall after long dispute"]


def reasons(marks: dict[int, Removal]) -> dict[int, str]:
    return {line: removal.reason for line, removal in marks.items()}


def test_a_label_over_headlines_between_paragraphs_goes() -> None:
    lines = [HEADLINE, BODY[0], BODY[1], *BOX, BODY[2], BODY[3], BODY[4]]
    doc, marks = apply(mark_in_span, dump(*lines))
    reason = 'other stories\' headlines between the paragraphs (under "Across the region")'
    assert reasons(marks) == dict.fromkeys((4, 5, 6), reason)
    assert marks[4].stage is Stage.BOILERPLATE
    assert doc.paragraphs == BODY


def test_the_shape_is_read_in_any_language() -> None:
    body = [
        "Der Pegel des größten Sees im Land ist nach einem Sommer mit halb so viel Regen wie üblich auf den tiefsten Stand seit Beginn der Messungen gefallen.",
        "Am Montag lag die Oberfläche nach Angaben der Behörde gut einen Meter unter dem langjährigen Mittel, am Südufer liegen breite Schlammflächen frei.",
        "Die Fähren zu zwei kleineren Inseln fahren nicht mehr, weil die Anleger nicht mehr sicher zu erreichen sind und die Fahrrinne zu flach geworden ist.",
        "Die Landwirte am See sollen ihre Entnahme für die Bewässerung bis zu den Herbstregen um ein Drittel senken, sagte eine Sprecherin am Dienstag.",
    ]
    box = ["Aus unseren Regionen", "Sturmschäden: Küstenstraße eine Woche gesperrt", "Hafenmauer – Stadtrat stimmt nach langem Streit zu"]
    lines = ["Seepegel fällt auf Rekordtief", body[0], body[1], *box, body[2], body[3]]
    doc, marks = apply(mark_in_span, dump(*lines))
    assert set(marks) == {4, 5, 6}
    assert doc.paragraphs == body


def test_the_boxs_last_line_stays_when_it_heads_the_paragraph_below() -> None:
    # "Ferry operators count the cost" names the ferry operators of the paragraph below it: the
    # article's subheading right under the box, not one of its headlines.
    lines = [HEADLINE, BODY[0], BODY[1], *BOX, "Ferry operators count the cost", BODY[2], BODY[3], BODY[4]]
    doc, marks = apply(mark_in_span, dump(*lines))
    assert set(marks) == {4, 5, 6}
    assert "Ferry operators count the cost" in doc.paragraphs


def test_a_list_under_its_one_sentence_lead_in_stays() -> None:
    # A heading, one sentence naming what follows, then the items: the article's own list.
    lines = [HEADLINE, BODY[0], BODY[1], "Common problems", "A survey of twenty ferry crews brought up the same few issues.",
             "Lack of training", "Landing stages that flood at high tide", "No spare boat for the winter months",
             BODY[2], BODY[3], BODY[4]]  # fmt: skip
    _, marks = apply(mark_in_span, dump(*lines))
    assert not any("headlines between" in removal.reason for removal in marks.values())


def test_headlines_with_no_label_above_them_stay() -> None:
    # Three long headline-shaped lines in a row: a run of section titles or captions looks so too.
    lines = [HEADLINE, BODY[0], BODY[1], "Storm damage closes the coastal road north of the harbour for a week",
             "Council approves new harbour wall after long dispute", "Island school reopens", BODY[2], BODY[3], BODY[4]]  # fmt: skip
    _, marks = apply(mark_in_span, dump(*lines))
    assert not any("headlines between" in removal.reason for removal in marks.values())


def test_wrapped_lines_and_trailing_blurbs_are_no_headlines() -> None:
    # A paragraph hard-wrapped without a full stop at each break goes on in lower case; a
    # product's blurb trails off. Neither is a headline.
    wrapped = [HEADLINE, BODY[0], BODY[1], "Notes", "Requests have two attributes that matter to workers",
               "intercepting them, the referrer and the mode", BODY[2], BODY[3], BODY[4]]  # fmt: skip
    blurbs = [HEADLINE, BODY[0], BODY[1], "Gift ideas", "For that one friend…", "For a date…", BODY[2], BODY[3], BODY[4]]
    for lines in (wrapped, blurbs):
        _, marks = apply(mark_in_span, dump(*lines))
        assert not any("headlines between" in removal.reason for removal in marks.values())
