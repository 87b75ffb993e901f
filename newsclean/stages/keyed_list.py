"""A list the article introduces, below the span: entries of a key, a colon and its value
("Miyazaki: Takanabe, Shintomi, Miyazaki City", "Up to 500cc: 6%"), perhaps in groups under
bracketed labels ("<Intensity 4>"), after a short line that announces them: a sentence ("The
intensities were as follows.") or a line ending with a colon ("Fatalities by engine size:").
The line model scores such entries low (short, no sentence end, like a menu's labels), so the
span stopped above them; they are the article's, as a list of longer entries a colon introduces
is (span_edges.extend_over_entries)."""

from __future__ import annotations

import re

from ..model.features import LineFeatures
from .span_edges import has_contact

# An entry: a key of at most MAX_KEY_CHARS characters, a colon (or a full-width one), its value.
KEYED_ENTRY = re.compile(r"([^:：]{1,24})[:：]\s*(\S.*)")
# A key is a name or a label: a few words at most.
MAX_KEY_WORDS = 3
# Items in a value are parted by commas, ideographic commas or semicolons.
ITEM_SEPARATORS = re.compile(r"[,，、;；]")
DIGIT = re.compile(r"\d")
# A group's label set in brackets ("<Intensity 4>", "【Tokyo】", "[Group A]").
BRACKETED = re.compile(r"[<＜\[【〈《(（][^<>＜＞\[\]【】〈〉《》()（）]{1,30}[>＞\]】〉》)）]")
# The sentence that introduces the list is short: an announcement, not a paragraph.
MAX_INTRO_WORDS = 20
# A list has at least this many entries, and this many of them hold several items or a number
# (a name alone is a field or a credit: "Author: Jane Doe", "Styling: JANE DOE").
MIN_KEYED_ENTRIES = 3
MIN_DATA_ENTRIES = 2


def is_keyed_entry(features: LineFeatures, text: str) -> bool:
    """A key, a colon and a value that ends no sentence: one entry of a keyed list (not a
    contact's field: "Email: jane@example.com", "Tel: 555 0100")."""
    match = KEYED_ENTRY.fullmatch(text.strip())
    return (match is not None and len(match.group(1).split()) <= MAX_KEY_WORDS and not features.sentence_end
            and not has_contact(text))


def holds_data(text: str) -> bool:
    """An entry's value holds several items or a number."""
    match = KEYED_ENTRY.fullmatch(text.strip())
    return match is not None and (ITEM_SEPARATORS.search(match.group(2)) is not None or DIGIT.search(match.group(2)) is not None)


def ends_with_colon(text: str) -> bool:
    """The line ends with a colon (or a full-width one): it introduces what follows."""
    return text.rstrip().endswith((":", "："))


def is_intro(features: LineFeatures, text: str) -> bool:
    """A short sentence, or a short line ending with a colon, that can announce a list."""
    return (features.sentence_end or ends_with_colon(text)) and 0 < features.size <= MAX_INTRO_WORDS


def keyed_entries_below(lines: list[LineFeatures], texts: list[str], start: int, end: int, stop: int) -> int:
    """The span's end moved down over a keyed list below it (up to `stop`), when the line that
    introduces the list is the span's last line or the line right below it, and the list holds
    MIN_KEYED_ENTRIES entries, MIN_DATA_ENTRIES of them with several items or a number; `end`
    unchanged otherwise."""
    if end <= start or end >= stop:
        return end
    intro = end - 1
    if not is_intro(lines[intro], texts[intro]):
        intro = end
        if not (lines[end - 1].is_prose and is_intro(lines[intro], texts[intro])):
            return end
    i = intro + 1
    entries = data = 0
    last = i
    while i < stop and (is_keyed_entry(lines[i], texts[i]) or BRACKETED.fullmatch(texts[i].strip())):
        if is_keyed_entry(lines[i], texts[i]):
            entries += 1
            data += holds_data(texts[i])
            last = i + 1
        i += 1
    return last if entries >= MIN_KEYED_ENTRIES and data >= MIN_DATA_ENTRIES else end
