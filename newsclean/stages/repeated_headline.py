"""The article's start below a second copy of its headline.

Pages print the headline twice: once in a page header or above a widget block (a summary box,
a toolbar, a teaser), and again right above the article's byline and first paragraph. When the
span the line model found starts above that second copy, the lines between (the summary, the
toolbar's labels, the teaser) are not the article: the article starts below the headline's last
copy. No phrase is matched: only a heading-shaped line printed twice, with the span's prose below.
Both copies may lie inside the span while no paragraph stands above them: a long menu the line
model scored weakly positive is no article yet.
"""

from __future__ import annotations

import re

from ..model.features import LineFeatures
from .markers import furniture_labels

# The second copy must stand among the span's first lines: a headline repeated further down is a
# related box or the page's footer, not the article's top.
HEAD_LINES = 60
# A headline is a phrase of several words and no running text: shorter repeated lines are bylines,
# share rows and section names, which pages print twice as often.
HEADLINE_MIN_WORDS = 7
HEADLINE_MAX_WORDS = 30
# The prose below the copy must outweigh what lies between the span's start and the copy this
# many times: the article is below the headline, a widget above it is small.
PROSE_BELOW_RATIO = 2.0
# And hold at least this many paragraphs (the article goes on below its headline).
MIN_PARAGRAPHS_BELOW = 3


def is_headline_shaped(features: LineFeatures) -> bool:
    """A line that could be a headline: a few words that are not numbers, no running text, no
    sentence end (a date, a code line, a caption repeated in the article are none)."""
    words = features.size - features.numbers
    return not features.is_prose and not features.sentence_end and HEADLINE_MIN_WORDS <= words <= HEADLINE_MAX_WORDS


def prose_words(lines: list[LineFeatures], lo: int, hi: int) -> float:
    """The words of the running-text lines among lines[lo:hi]."""
    return sum(f.size for f in lines[lo:hi] if f.is_prose)


def repeated_headline_start(lines: list[LineFeatures], texts: list[str], start: int, end: int) -> int:
    """Where the span starts once the lines above its headline's second copy are left out:
    the line after the last heading-shaped line in the span's head that repeats a line printed
    above the span, when the article's prose is below that copy (`start` when there is none)."""
    seen: dict[str, int] = {}
    for i in range(start):
        if is_headline_shaped(lines[i]):
            seen.setdefault(texts[i].strip(), i)
    # Only a copy of a line above the span counts: lines repeated inside the article (a chart's
    # labels, code, a table of contents and its subheadings) are the article's own. A line of
    # the span's head counts too while no paragraph stands above it: a menu the line model let
    # into the span is no article yet, and a headline printed in it and again below is the top.
    best = start
    in_head = True
    for i in range(start, end):
        # Below the span's first lines only while no paragraph came yet (a long menu's foot).
        if i >= start + HEAD_LINES and not in_head:
            break
        text = texts[i].strip()
        if is_headline_shaped(lines[i]) and text in seen and not _contents_entry(lines, texts, seen[text], i, end):
            if _article_below(lines, start, i, end):
                best = i + 1
        in_head = in_head and not is_paragraph(lines[i])
        if in_head and is_headline_shaped(lines[i]):
            seen.setdefault(text, i)
    return best


def is_paragraph(features: LineFeatures) -> bool:
    """Running text that ends a sentence: the article (or a widget's blurb) has begun."""
    return features.is_prose and features.sentence_end


def _contents_entry(lines: list[LineFeatures], texts: list[str], first: int, copy: int, end: int) -> bool:
    """Whether the first copy is an entry of a table of contents: the short line after it is
    printed again below too (the next subheading), where a headline is followed by other text."""
    after = first + 1
    if after >= len(lines) or lines[after].is_prose:
        return False
    entry = texts[after].strip()
    # The next entry's copy heads a section of the article (prose below it); a label printed
    # again at the article's foot (its section's name) heads nothing.
    last_paragraph = next((j for j in range(end - 1, copy, -1) if is_paragraph(lines[j])), copy)
    return any(texts[j].strip() == entry for j in range(copy + 1, last_paragraph))


def _article_below(lines: list[LineFeatures], start: int, copy: int, end: int) -> bool:
    """Whether the span's prose below `copy` is the article and what lies above it is not."""
    below = [f for f in lines[copy + 1 : end] if f.is_prose]
    if len(below) < MIN_PARAGRAPHS_BELOW:
        return False
    return sum(f.size for f in below) >= PROSE_BELOW_RATIO * prose_words(lines, start, copy)


# Below the article, the headline's copy may follow a short label ("Share or comment on this
# article: <headline>"): at most this many words before it.
MAX_LABEL_WORDS = 6
# The article above the copy holds this many paragraphs (a standfirst repeating the headline
# stands near the top).
MIN_PARAGRAPHS_ABOVE = 3
# Paragraphs of this many words, within this many lines, resume the article below a copy in a
# box of the site's stories (teasers are shorter; a box lists a dozen stories and labels).
RESUME_WORDS = 25
RESUME_LOOKAHEAD = 24
HEADLINE_BELOW_NOTE = "the headline printed again below the article (a share or comment box)"


def repeated_headline_end(lines: list[LineFeatures], texts: list[str], start: int, end: int) -> int:
    """Where the span ends at a copy of the headline below the article: a line in the span that
    is, or ends with, a heading-shaped line printed above the span's first paragraph (after a short label such as
    a share or comment prompt's), below MIN_PARAGRAPHS_ABOVE paragraphs of the span and with less
    running text below it than above; `end` when there is none."""
    # A headline in sentence case reads as running text: only its length and the lack of a
    # sentence end are asked of it here (the copy below must match it exactly).
    # It stands above the span or in the span's head, above its first paragraph.
    first_paragraph = next((i for i in range(start, end) if is_paragraph(lines[i])), end)
    top = range(max(0, start - HEAD_LINES), first_paragraph)
    headlines = {texts[i].strip() for i in top if _headline_length(lines[i])}
    if not headlines:
        return end
    # A line longer than the longest headline and a label can quote none (no search needed).
    longest_quote = max(map(len, headlines)) + MAX_LABEL_CHARS + 2
    paragraphs = 0
    labels: set[str] | None = None  # built at the first copy: most pages have none
    for i in range(start, end):
        text = texts[i].strip()
        quoted = paragraphs >= MIN_PARAGRAPHS_ABOVE and len(text) <= longest_quote and _quotes_headline(text, headlines)
        if paragraphs >= MIN_PARAGRAPHS_ABOVE and (quoted or _ends_with_headline(text, headlines)):
            # A copy right above a paragraph heads more text (a photo's credit printed over each
            # picture, the next story); a share or comment box's copy stands over its buttons.
            heads_text = i + 1 < end and is_paragraph(lines[i + 1])
            if heads_text or prose_words(lines, i + 1, end) >= prose_words(lines, start, i):
                continue
            # A box of the site's stories inside the article ("Trending") lists its headline too:
            # the article's long paragraphs resume below it (the site's labels between them skipped).
            if labels is None:
                labels = furniture_labels(lines, texts)
            # A heading that quotes the headline is a comment thread's: its comments may be long.
            if quoted or not _article_resumes(lines, texts, i, end, labels):
                return i
        paragraphs += is_paragraph(lines[i])
    return end


def _article_resumes(lines: list[LineFeatures], texts: list[str], copy: int, end: int, labels: set[str]) -> bool:
    """Two paragraphs of RESUME_WORDS words or more in a row among the RESUME_LOOKAHEAD lines
    below `copy` that are no labels of the site: the article goes on (teasers are shorter)."""
    window = [j for j in range(copy + 1, min(end, copy + 1 + 2 * RESUME_LOOKAHEAD)) if texts[j] not in labels]
    long = [is_paragraph(lines[j]) and lines[j].size >= RESUME_WORDS for j in window[:RESUME_LOOKAHEAD]]
    return any(a and b for a, b in zip(long, long[1:]))


def _headline_length(features: LineFeatures) -> bool:
    """A headline's length in words that are not numbers, and no sentence end."""
    return not features.sentence_end and HEADLINE_MIN_WORDS <= features.size - features.numbers <= HEADLINE_MAX_WORDS


# A blog's comment thread is headed by the post's headline in quotes, with a count ("3 thoughts
# on “Headline”", "One response to “Headline”", "《Headline》已有1件评论"): one long comment can
# outweigh a short post, and the line model reads it as more article. Quote marks, not words,
# make the heading: “...”, "...", «...», „...“, 《...》, 「...」.
QUOTED = re.compile(r"[“\"«»„《「『]\s*([^“”\"«»„《》「」『』]+?)\s*[”\"»«“》」』]")
# The heading's own words around the quoted headline ("12 thoughts on", "已有1件评论"), in
# characters (a CJK label has no spaces to count words by).
MAX_LABEL_CHARS = 40


def _ends_with_headline(text: str, headlines: set[str]) -> bool:
    """The line is one of `headlines`, or ends with one after a label of a few words."""
    if text in headlines:
        return True
    head, sep, tail = text.partition(":")
    return bool(sep) and tail.strip() in headlines and len(head.split()) <= MAX_LABEL_WORDS


def _quotes_headline(text: str, headlines: set[str]) -> bool:
    """The line quotes one of `headlines` inside a short label: a comment thread's heading
    ("3 thoughts on “Headline”", "《Headline》已有1件评论")."""
    return any(
        quoted.group(1) in headlines
        and len(text) - len(quoted.group(0)) <= MAX_LABEL_CHARS
        and len((text[: quoted.start()] + text[quoted.end() :]).split()) <= MAX_LABEL_WORDS
        for quoted in QUOTED.finditer(text)
    )
