"""Labels printed between the article's paragraphs again and again ("Article content" above
every paragraph) go before the span is chosen; a table's repeated cells, a name or a heading
printed a few times stay for the later stages."""

from __future__ import annotations

from conftest import BODY, HEADLINE, apply, dump

from newsclean import Stage
from newsclean.model.features import analyze
from newsclean.parse.dump import parse_text_dump
from newsclean.rules import load_rules
from newsclean.stages import mark_outside_main_text
from newsclean.stages.interleaved import interleaved_labels

LABEL = "Inside the story"
# Ten paragraphs of the article, BODY's five and five more.
PARAGRAPHS = [
    *BODY,
    "Boat owners in the harbour have moved their moorings twice since June to keep their hulls afloat.",
    "The water company said reservoirs elsewhere in the region were holding up better than the lake.",
    "Scientists at the university plan to sample the exposed sediment for traces of older droughts.",
    "Tourism offices report fewer bookings for the lakeside campsites than in any summer on record.",
    "A public meeting on the rules for drawing water will be held in the town hall next month.",
]


def labels_of(*lines: str) -> dict[int, str]:
    doc = parse_text_dump(dump(*lines))
    rules = load_rules(())
    return interleaved_labels(analyze(doc, rules).lines, [b.text for b in doc.blocks], rules)


def between_every_paragraph(label: str, paragraphs: list[str]) -> list[str]:
    lines = [HEADLINE]
    for paragraph in paragraphs:
        lines += [paragraph, label]
    return lines


def test_a_label_between_every_paragraph_is_found() -> None:
    lines = between_every_paragraph(LABEL, PARAGRAPHS)
    marks = labels_of(*lines)
    assert sorted(marks) == [i for i, line in enumerate(lines) if line == LABEL]
    assert set(marks.values()) == {"a label printed between the paragraphs (10 times)"}


def test_the_labels_go_before_the_span_and_the_paragraphs_stay() -> None:
    text = dump(*between_every_paragraph(LABEL, PARAGRAPHS), "Comments", "Privacy policy")
    doc, marks = apply(mark_outside_main_text, text)
    labels = [line for line, block in enumerate(doc.blocks, 1) if block.text == LABEL]
    assert {marks[line].reason for line in labels} == {"a label printed between the paragraphs (10 times)"}
    assert all(marks[line].stage is Stage.BOILERPLATE for line in labels)
    assert [p for p in PARAGRAPHS if p in doc.paragraphs] == PARAGRAPHS


def test_a_label_printed_between_paragraphs_only_a_few_times_is_left_to_the_span() -> None:
    lines = between_every_paragraph(LABEL, PARAGRAPHS[:4])
    assert labels_of(*lines) == {}


def test_a_repeated_cell_of_a_table_is_no_interleaved_label() -> None:
    # A cookie table: "session" on every row, between short names, never between paragraphs.
    rows = [line for name in ("sid", "csrf", "lang", "theme", "consent", "cart") for line in (name, "session")]
    assert labels_of(HEADLINE, *PARAGRAPHS[:3], *rows) == {}


def test_a_name_printed_beside_a_few_paragraphs_is_no_interleaved_label() -> None:
    # An interview: the speaker's name above each answer, printed as often as there are answers,
    # but half of its prints stand under a question, not between two paragraphs.
    lines = [HEADLINE]
    for i, paragraph in enumerate(PARAGRAPHS[:8]):
        lines += ["Why did the lake fall so far?" if i % 2 else "Anna Berg", paragraph]
    assert labels_of(*lines) == {}
