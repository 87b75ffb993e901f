"""A list the article's last sentence introduces, below the span: entries of a key, a colon and
its items ("Miyazaki: Takanabe, Shintomi, Miyazaki City"), perhaps in groups under bracketed
labels ("<Intensity 4>"), after a short sentence that announces them ("The intensities were as
follows."). The line model scores such entries low (short, no sentence end, like a menu's
labels), so the span stopped at the sentence above them; they are the article's, as the list
a colon introduces is (span_edges.extend_over_entries)."""

from __future__ import annotations

import re

from ..model.features import LineFeatures

# An entry: a key of at most MAX_KEY_CHARS characters, a colon (or a full-width one), its value.
KEYED_ENTRY = re.compile(r"([^:：]{1,24})[:：]\s*(\S.*)")
# A key is a name or a label: a few words at most.
MAX_KEY_WORDS = 3
# Items in a value are parted by commas, ideographic commas or semicolons.
ITEM_SEPARATORS = re.compile(r"[,，、;；]")
# A group's label set in brackets ("<Intensity 4>", "【Tokyo】", "[Group A]").
BRACKETED = re.compile(r"\s*[<＜\[【〈《(（][^<>＜＞\[\]【】〈〉《》()（）]{1,30}[>＞\]】〉》)）]\s*")
# The sentence that introduces the list is short: an announcement, not a paragraph.
MAX_INTRO_WORDS = 20
# A list has at least this many entries, and this many of them hold several items (a value of
# one item alone is a field: "Email: ...", "Category: News").
MIN_KEYED_ENTRIES = 3
MIN_LISTING_ENTRIES = 2


def is_keyed_entry(features: LineFeatures, text: str) -> bool:
    """A key, a colon and a value that ends no sentence: one entry of a keyed list."""
    match = KEYED_ENTRY.fullmatch(text.strip())
    return match is not None and len(match.group(1).split()) <= MAX_KEY_WORDS and not features.sentence_end


def lists_items(text: str) -> bool:
    """An entry's value holds several items."""
    match = KEYED_ENTRY.fullmatch(text.strip())
    return match is not None and ITEM_SEPARATORS.search(match.group(2)) is not None


def is_intro(features: LineFeatures) -> bool:
    """A short sentence that can announce a list."""
    return features.sentence_end and 0 < features.size <= MAX_INTRO_WORDS


def keyed_entries_below(lines: list[LineFeatures], texts: list[str], start: int, end: int, stop: int) -> int:
    """The span's end moved down over a keyed list below it (up to `stop`), when the list's
    introducing sentence is the span's last line or the line right below it, and the list holds
    MIN_KEYED_ENTRIES entries, MIN_LISTING_ENTRIES of them with several items; `end` unchanged
    otherwise."""
    if end <= start or end >= stop:
        return end
    i = end
    if not is_intro(lines[end - 1]):
        if not (lines[end - 1].is_prose and is_intro(lines[end])):
            return end
        i += 1
    entries = listing = 0
    last = i
    while i < stop and (is_keyed_entry(lines[i], texts[i]) or BRACKETED.fullmatch(texts[i])):
        if is_keyed_entry(lines[i], texts[i]):
            entries += 1
            listing += lists_items(texts[i])
            last = i + 1
        i += 1
    return last if entries >= MIN_KEYED_ENTRIES and listing >= MIN_LISTING_ENTRIES else end
