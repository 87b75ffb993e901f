"""Where exactly the article span starts and ends: its edges belong to running text, not to the
bylines, dates, buttons and standfirst that pages put around an article."""

from __future__ import annotations

import re
import unicodedata
from collections import Counter

from ..model.features import LineFeatures
from ..parse.text import is_list_item
from .author_box import author_bio_start, author_box_start
from .item_lists import item_list_lines
from .list_article import MIN_ENTRIES, is_entry

# Lines shorter than this (in words) that are not sentences are labels.
LABEL_WORDS = 8
# Lines shorter than this that do not end like a sentence may be headings or links.
HEADING_WORDS = 20
DIGITS = re.compile(r"\d+")
# A number with its decimal and thousands separators ("31.00", "1,299").
NUMBER = re.compile(r"\d[\d.,]*")
# A row of links run together: this many space-parted names of this many characters on average
# at most (with the spaces).
LINK_ROW_CHUNKS = 5
LINK_ROW_CHARS = 8
# A note about the author is short and tells how to reach them.
AUTHOR_NOTE_WORDS = 40
# Each alternative starts only where its run starts (the look-behinds): unanchored, a long token
# with no `@` would be rescanned from each of its positions (quadratic).
CONTACT = re.compile(r"(?<![\w.+-])[\w.+-]+@[\w-]+\.[\w.]+|(?<![\w@])@\w{2,}|\b\d{3}[-. ]\d{4}\b|\+\d[\d ()-]{7,}\d")
# Every alternative of CONTACT holds an `@` or a digit: one scan for them rules most lines out.
CONTACT_SIGN = re.compile(r"[@\d]")
# An entry of a structured article opens with at most this many labels (time, headline).
MAX_ENTRY_LABELS = 2


def is_label(features: LineFeatures) -> bool:
    """A short line that is not a sentence: a byline, a date, a button, a section name."""
    return not features.is_prose and not features.sentence_end and features.size - features.numbers < LABEL_WORDS


def shape(text: str) -> str:
    """A line with its numbers blanked: "14.52 GMT" and "13.40 GMT", "Step 1" and "Step 2" agree."""
    return DIGITS.sub("0", text)


def is_amount(text: str, number: re.Match[str]) -> bool:
    """A number written with a currency sign before or after it ("$31.00", "9,99 €", "¥500")."""
    before = text[: number.start()].rstrip()[-1:]
    after = text[number.end() :].lstrip()[:1]
    return any(unicodedata.category(c) == "Sc" for c in before + after)


def has_date_number(text: str) -> bool:
    """A number that is no amount of money: a byline block's date or time ("9:00 AM", "2014",
    "5 days ago"). A product's price among labels ("Price: $31.00") dates nothing."""
    return any(not is_amount(text, number) for number in NUMBER.finditer(text))


def is_heading(features: LineFeatures) -> bool:
    """A line that does not end like a sentence and is short enough to be a heading or a link."""
    return not features.sentence_end and features.size - features.numbers < HEADING_WORDS


def is_link_row(features: LineFeatures, text: str) -> bool:
    """A CJK line of short names parted by spaces, with no sentence end: a row of links run
    together ("北京 天津 河北 山西"). CJK running text has no spaces between its words."""
    if not features.cjk or features.sentence_end or features.sentences:
        return False
    chunks = text.split()
    return len(chunks) >= LINK_ROW_CHUNKS and len(text) <= LINK_ROW_CHARS * len(chunks)


def heads_paragraph(lines: list[LineFeatures], copies: list[int], i: int, start: int, end: int) -> bool:
    """Whether the other of a line's two copies (`copies`, `i` one of them) is still in the span
    [start, end) and heads a paragraph there: a table of contents' entry and its section's
    heading are the article's structure; a widget's label printed twice (above and below the
    article, over a box of links and again at its end) has no paragraph of its own below either
    copy, and a copy already trimmed from the other edge is no structure either."""
    other = copies[0] if copies[1] == i else copies[1]
    return start <= other and other + 1 < end and lines[other + 1].is_prose


def trim_labels(lines: list[LineFeatures], texts: list[str], start: int, end: int) -> tuple[int, int]:
    """Drop headings and labels from both edges of the span [start, end): an article starts and
    ends with running text. Lines whose shape recurs inside the span are the article's own
    structure (live-blog times, "Step 2") and stay; a line printed just twice stays only when its
    other copy heads a paragraph (see heads_paragraph)."""
    span = range(start, end)
    recurring: set[str] | None = None  # counted at the first heading on an edge (most edges have none)
    pairs: dict[str, list[int]] = {}

    def trimmable(i: int) -> bool:
        nonlocal recurring
        if is_link_row(lines[i], texts[i]):
            return True
        if not is_heading(lines[i]):
            return False
        if recurring is None:
            headings = [j for j in span if is_heading(lines[j])]
            shapes = Counter(shape(texts[j]) for j in headings)
            recurring = {s for s, count in shapes.items() if count > 1}
            for j in headings:
                if shapes[shape(texts[j])] == 2:
                    pairs.setdefault(texts[j], []).append(j)
        if shape(texts[i]) in recurring and len(pairs.get(texts[i], ())) == 2:
            return not heads_paragraph(lines, pairs[texts[i]], i, start, end) and not is_list_item(texts[i])
        return shape(texts[i]) not in recurring and not is_list_item(texts[i])

    while start < end and trimmable(start):
        start += 1
    while end > start and trimmable(end - 1):
        end -= 1
    return start, end


def in_list(texts: list[str], i: int) -> bool:
    """Line i is a list's item, or the line introducing the item below it with a colon."""
    if is_list_item(texts[i]):
        return True
    return texts[i].rstrip().endswith((":", "：")) and i + 1 < len(texts) and is_list_item(texts[i + 1])


def skip_header_block(lines: list[LineFeatures], texts: list[str], start: int, end: int) -> int:
    """Where the body starts when the span opens with the article's header block: at most one
    standfirst paragraph, then two or more labels with a date among them (byline, date, reading
    time), then running text. Returns `start` unchanged when there is no such block."""
    i = start + 1 if start < end and lines[start].is_prose else start
    run_start = i
    while i < end and is_label(lines[i]):
        i += 1
    # A numbered list's items and the line introducing them ("Here is the table:", "1. Leeds 61")
    # hold numbers too, and date nothing.
    dated = any(has_date_number(texts[j]) and not in_list(texts, j) for j in range(run_start, i))
    # A list of items under its heading below the first paragraph (a recipe's ingredients) is
    # the article's, though its items hold numbers as a byline block's date line does.
    if i - run_start >= 2 and dated and i < end and lines[i].is_prose:
        return start if item_list_lines(lines[start:i], texts[start:i]) else i
    return start


def extend_to_structure(lines: list[LineFeatures], texts: list[str], start: int, end: int) -> int:
    """Move the start back over the first entry's labels when their shape recurs inside the span
    (a live blog's first time stamp and headline, the first "Step 1")."""
    inside = {shape(texts[i]) for i in range(start, end) if is_label(lines[i])}
    for back in range(1, MAX_ENTRY_LABELS + 1):
        i = start - back
        if i < 0 or not is_label(lines[i]):
            break
        if shape(texts[i]) in inside:
            return i
    return start


def has_contact(text: str) -> bool:
    """The text holds an e-mail address, a social-media handle or a phone number (CONTACT)."""
    return CONTACT_SIGN.search(text) is not None and CONTACT.search(text) is not None


def drop_author_note(lines: list[LineFeatures], texts: list[str], start: int, end: int) -> int:
    """Where the span ends without the author's note below the article ("Jane covers schools.
    Reach her at jane@example.com"): a short last paragraph holding an e-mail address, a
    phone number or a social-media handle."""
    while end - start > 1 and lines[end - 1].size <= AUTHOR_NOTE_WORDS and has_contact(texts[end - 1]):
        end -= 1
    return end


def extend_over_lists(texts: list[str], start: int, end: int) -> tuple[int, int]:
    """Widen the span over a list it touches: bulleted or numbered items (and the line that
    introduces them with a colon) are article content, however short the items are."""
    if start == end:
        return start, end
    if is_list_item(texts[start]) or (start > 0 and is_list_item(texts[start - 1])):
        while start > 0 and is_list_item(texts[start - 1]):
            start -= 1
        if start > 0 and texts[start - 1].endswith(":"):
            start -= 1
    if is_list_item(texts[end - 1]) or texts[end - 1].endswith(":") or (end < len(texts) and is_list_item(texts[end])):
        while end < len(texts) and is_list_item(texts[end]):
            end += 1
    return start, end


def extend_over_entries(lines: list[LineFeatures], texts: list[str], start: int, end: int) -> int:
    """Widen the span's end over the entries of a list that its last line introduces with a
    colon ("Here is the calendar of events:" then "Jan. 15-17: Boat Show, Civic Center, 500"),
    when MIN_ENTRIES or more follow: entries with numbers and no bullets are the article too.
    The introducing line may also be the one right below the span (trimmed as a heading)."""
    if start == end:
        return end
    intro = next((i for i in (end - 1, end) if i < len(texts) and texts[i].endswith((":", "："))), None)
    if intro is None:
        return end
    stop = intro + 1
    while stop < len(lines) and is_entry(lines[stop], texts[stop]):
        stop += 1
    return stop if stop - intro - 1 >= MIN_ENTRIES else end


def article_edges(lines: list[LineFeatures], texts: list[str], start: int, end: int) -> tuple[int, int]:
    """The span narrowed to the article's running text, and widened over its lists and entries."""
    start, end = trim_labels(lines, texts, start, end)
    end = drop_author_note(lines, texts, start, end)
    end = author_box_start(lines, texts, start, end)
    end = author_bio_start(lines, texts, start, end)
    start, end = trim_labels(lines, texts, start, end)
    start = skip_header_block(lines, texts, start, end)
    start, end = extend_over_lists(texts, start, end)
    end = extend_over_entries(lines, texts, start, end)
    if start < end:
        start = extend_to_structure(lines, texts, start, end)
    return start, end
