"""The author's box below an article: the byline's name printed again under the last paragraph,
with a short biography below it ("Sobre la firma / Jane Doe / Ver biografía / Es jefa de...")."""

from __future__ import annotations

import re

from ..model.features import LineFeatures

# A name line is this many words (initials included).
NAME_WORDS = range(2, 5)
# The box is at most this many lines, from the name to the span's end.
BOX_LINES = 6
# The article above the box holds at least this many paragraphs.
MIN_PARAGRAPHS = 3
# The byline is in a line this short (words), above the article or in its first half (below a
# standfirst, a video and its caption).
BYLINE_WORDS = 12
NAME_PART = re.compile(r"^[^\W\d_][\w'’.-]*$")


def is_name(features: LineFeatures, text: str) -> bool:
    """A short line of capitalised words with no digit and no sentence end: a person's name."""
    words = text.split()
    if features.sentence_end or features.numbers or len(words) not in NAME_WORDS:
        return False
    return all(NAME_PART.match(word) and word[0].isupper() for word in words)


def in_byline(name: str, lines: list[LineFeatures], texts: list[str], stop: int) -> bool:
    """Whether a short line above `stop` beside a label holds `name` as whole words (the byline,
    among the date and the share buttons), and no two lines there are `name` alone: a row of
    share buttons ("Facebook Twitter") is printed alone over and over, a byline once. A label
    between two paragraphs ("Ad Policy") is the article's furniture, not its byline."""
    pattern = re.compile(rf"(?<!\w){re.escape(name)}(?!\w)")
    found = [j for j in range(stop) if lines[j].size <= BYLINE_WORDS and pattern.search(texts[j])]
    beside_label = any(not lines[k].is_prose for j in found for k in (j - 1, j + 1) if 0 <= k < len(lines))
    return beside_label and sum(1 for j in found if texts[j] == name) <= 1


def names_person(name: str, paragraph: str) -> bool:
    """Whether `paragraph` holds one of the words of `name` (initials aside) as a whole word."""
    parts = [word for word in name.split() if len(word.rstrip(".")) > 1]
    return any(re.search(rf"(?<!\w){re.escape(word)}(?!\w)", paragraph) for word in parts)


def author_box_start(lines: list[LineFeatures], texts: list[str], start: int, end: int) -> int:
    """Where the span [start, end) ends without the author's box: the byline's name alone on a
    line among the span's last BOX_LINES lines (the byline in a short line above the span or in
    its first half), below MIN_PARAGRAPHS paragraphs of the article and above a first paragraph
    that names them (the biography). Returns `end` when there is none."""
    for i in range(max(start, end - BOX_LINES), end):
        if not is_name(lines[i], texts[i]):
            continue
        above = sum(1 for j in range(start, i) if lines[j].is_prose)
        # The biography names its person (a contact line or a notice may follow it): a paragraph
        # that names nobody of the line above is the article's own, going on under a label ("Ad
        # Policy") or under an inline box with the author's byline.
        below = next((j for j in range(i + 1, end) if lines[j].is_prose), None)
        bio = below is not None and names_person(texts[i], texts[below])
        if above >= MIN_PARAGRAPHS and bio and in_byline(texts[i], lines, texts, start + (i - start) // 2):
            return i
    return end


# The biography is among the span's last this many lines.
BIO_LINES = 3
# A biography is a short paragraph: this many words at most, and more than a name.
BIO_WORDS = range(4, 81)
# The name opens the biography, after at most this many words ("Korrespondent Ulrich Exner ist").
BIO_LEAD_WORDS = 1


def bio_names(text: str) -> list[str]:
    """The names a line may open with: 2 to 4 capitalised words, at its start or after one word,
    the last no initial ("Marta K." is the start of "Marta K. Lindqvist")."""
    words = text.split()[: BIO_LEAD_WORDS + max(NAME_WORDS)]
    return [
        " ".join(words[lead : lead + size])
        for lead in range(BIO_LEAD_WORDS + 1)
        for size in NAME_WORDS
        if lead + size <= len(words)
        and all(NAME_PART.match(word) and word[0].isupper() for word in words[lead : lead + size])
        and len(words[lead + size - 1].rstrip(".")) > 1
    ]


def in_short_line(name: str, lines: list[LineFeatures], texts: list[str], stop: int) -> bool:
    """Whether a short line above `stop` holds `name` as whole words (the byline)."""
    holding = [j for j in range(stop) if lines[j].size <= BYLINE_WORDS and name in texts[j]]
    if not holding:  # (the common case, with no pattern to compile)
        return False
    pattern = re.compile(rf"(?<!\w){re.escape(name)}(?!\w)")
    return any(pattern.search(texts[j]) for j in holding)


def author_bio_start(lines: list[LineFeatures], texts: list[str], start: int, end: int) -> int:
    """Where the span [start, end) ends without the author's biography printed as its last
    paragraph ("Jane Doe is a reporter at the Post. Follow her on Twitter."): a short line among
    the span's last BIO_LINES that opens with the byline's name (found in a short line above the
    span or in its first half), below MIN_PARAGRAPHS paragraphs of the article that never name
    that person. A person the article is about is named in its paragraphs, its author only in the
    byline. Returns `end` when none. (No invitation to follow them is asked for: with one asked
    for, most bios stayed, "Steven Mufson covers the White House. Since joining The Post...";
    without it train .noisy.txt .94261 -> .94290 over 9 sites' bios, while dev's gold, which
    keeps its bios, falls .96043 -> .96004. An author's bio is no article text.)"""
    for i in range(max(start, end - BIO_LINES), end):
        names = bio_names(texts[i]) if lines[i].size in BIO_WORDS else []
        if not names:
            continue
        # The article's lines above: longer than a byline (a photo's credit may name the author).
        above = [j for j in range(start, i) if lines[j].size > BYLINE_WORDS]
        if sum(1 for j in above if lines[j].is_prose) < MIN_PARAGRAPHS:
            continue
        # The byline's name first (few lines open with it, and it reads only short lines); then an
        # article about a person names them, by one of their names at least: its last paragraph
        # about them is the article's own.
        if not any(in_short_line(name, lines, texts, start + (i - start) // 2) for name in names):
            continue
        if not any(names_person(name, texts[j]) for name in names for j in above):
            return i
    return end
