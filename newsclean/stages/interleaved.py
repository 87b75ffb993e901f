"""A short label the page prints between the article's paragraphs again and again ("Article
content" above every paragraph), removed before the article's span is chosen.

The line model reads each line with its neighbours: a paragraph between two such labels looks
like a blurb among short lines, and a long run of them scores below zero, so the span ended
where the labels were densest and the rest of the article was cut. Without the labels the
paragraphs stand next to one another, as the model knows them. in_span removes the same kind of
label inside the span afterwards (a few prints are its to judge there); this many prints, most of
them with a paragraph on either side, change the span itself.
"""

from __future__ import annotations

from collections.abc import Sequence

from ..config import Config
from ..document import Document, Stage
from ..model.features import LineFeatures, analyze
from ..rules import Rules, load_rules
from .in_span import could_be_widget, line_key
from .markers import end_marker_flags, page_end_markers

# Prints of one label with a paragraph right above and right below, at least, and at least half
# of its prints among the kept lines: a heading, a tag or a name printed a few times in a menu,
# a list or a table (cookie tables repeat "session") has few prints between two paragraphs.
MIN_INTERLEAVED_PRINTS = 5


def between_paragraphs(lines: Sequence[LineFeatures], position: int) -> bool:
    """Running text stands right above and right below the line."""
    return 0 < position < len(lines) - 1 and lines[position - 1].is_prose and lines[position + 1].is_prose


def interleaved_labels(lines: Sequence[LineFeatures], texts: Sequence[str], rules: Rules,
                       markers: Sequence[bool] | None = None) -> dict[int, str]:
    """The positions of the labels printed between paragraphs again and again, with the reason
    (`markers`: each line's is_end_marker, when the caller has them)."""
    if markers is None:
        markers = end_marker_flags(lines, rules)
    copies: dict[str, list[int]] = {}
    # Each text's key (None: no widget) is found once: a label is printed again and again, and a
    # dump repeats its menus (a text's features are the same wherever it stands).
    key_of: dict[str, str | None] = {}
    for position, (features, text, marker) in enumerate(zip(lines, texts, markers)):
        if marker:
            continue
        if text not in key_of:
            key_of[text] = line_key(text, features) if could_be_widget(features, text, rules) else None
        key = key_of[text]
        if key is not None:
            copies.setdefault(key, []).append(position)
    marks: dict[int, str] = {}
    for positions in copies.values():
        if len(positions) < MIN_INTERLEAVED_PRINTS:
            continue  # (too few prints to stand between paragraphs often enough: most lines are printed once)
        between = sum(between_paragraphs(lines, position) for position in positions)
        if between >= MIN_INTERLEAVED_PRINTS and 2 * between >= len(positions):
            reason = f"a label printed between the paragraphs ({len(positions)} times)"
            marks.update(dict.fromkeys(positions, reason))
    return marks


def mark_interleaved_labels(doc: Document, config: Config) -> Document:
    """Remove the short labels printed between the article's paragraphs again and again."""
    rules = load_rules(config.rule_files)
    lines = analyze(doc, rules).lines
    kept = doc.kept_positions()
    marker_at = page_end_markers(doc, rules)
    marks = interleaved_labels([lines[i] for i in kept], [doc.blocks[i].text for i in kept], rules, [marker_at[i] for i in kept])
    for position, reason in marks.items():
        doc.blocks[kept[position]].remove(Stage.BOILERPLATE, reason)
    return doc
