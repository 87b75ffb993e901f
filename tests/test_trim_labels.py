"""The span's edges drop headings and labels (stages/span_edges.py, trim_labels): a line whose
shape recurs in the span is the article's structure and stays, but a widget's label printed just
twice (above and below the article) goes; a table of contents' entry, printed again over its
section, stays."""

from __future__ import annotations

from newsclean.model.features import line_features
from newsclean.stages.span_edges import trim_labels

WORDS = frozenset({"the", "a", "of", "and", "to", "in", "on", "for", "is", "that", "was", "it", "by"})
STORY = [
    "The council voted on Tuesday to close the old harbour bridge to lorries from the first of May.",
    "Engineers found cracks in two of the supports of the bridge during an inspection in the winter.",
    "Lorries will be sent along the ring road, which adds about twenty minutes to the trip for them.",
]


def trimmed(texts: list[str]) -> list[str]:
    lines = [line_features(t, WORDS) for t in texts]
    start, end = trim_labels(lines, texts, 0, len(texts))
    return texts[start:end]


def test_a_label_printed_above_and_below_the_article_goes() -> None:
    label = "View/Post Comments"
    assert trimmed([label, *STORY, label]) == STORY


def test_a_box_heading_printed_again_at_the_end_goes() -> None:
    box = ["More On This Story", "Harbour tolls to rise in June", "Ferry timetable changes"]
    texts = [STORY[0], *box, *STORY[1:], box[0]]
    assert trimmed(texts) == texts[:-1]


def test_a_contents_entry_printed_again_over_its_section_stays() -> None:
    texts = ["Cracks in the supports", "The new bridge", STORY[0], "Cracks in the supports", STORY[1], "The new bridge", STORY[2]]
    assert trimmed(texts) == texts
    # Three copies or more (a live blog's labels, "Step 2") are structure wherever they stand.
    step = "Update"
    texts = [step, STORY[0], step, STORY[1], step, STORY[2], step]
    assert trimmed(texts) == texts
