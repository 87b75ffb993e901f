"""Rows of buttons left inside the article: two or more short lines in a row ("Allow all" / "Only
necessary", "Continue in app" / "Not now", "I agree" / "Customise") between running text, none of
whose words the article uses anywhere else.

The signal is the shape, not the wording, so it holds for a site whose banner no phrase list
knows: an article's own short lines (a subheading, a list of names or places) name its topic,
and two of them in a row right between paragraphs are rare (17 runs in the 575 dev and train
golds, 2 of them naming no word of their article: a code listing's identifiers and a doubled
"Facebook"). A box's message right above the buttons goes with them when it too names no
topic word of a long article ("This website stores small files on your device ..."), and so do
up to 3 short lines over a single button ("Read faster in our app" / "Offline reading, alerts
that matter, no clutter." / "Open app"); in the golds with 150 topic words or more, 2 such boxes
(the code listing's identifiers and two lines of a dialogue).
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Iterator, Sequence

from ..model.features import LineFeatures
from ..parse.text import each_text_once, is_list_item
from .prompts import CODE_SYMBOLS

MAX_BUTTON_WORDS = 3
MIN_BUTTONS = 2
MAX_MESSAGE_WORDS = 30  # a banner's message is a sentence or two
MIN_RUNNING_WORDS = 8  # the running text a row of buttons stands between
# A topic word: a word of 5 letters or more in the Latin, Greek or Cyrillic script (shorter ones
# are mostly function words), of 2 or more in the others (a Korean or Arabic word is short); the
# message shares none (3% of the golds' lines of 8-30 words share none with their article: the
# button row below is what tells a box's message).
MIN_TOPIC_LETTERS = 5
MIN_TOPIC_LETTERS_OTHER_SCRIPTS = 2
LAST_SHORT_WORD_SCRIPT = "\u052f"  # the end of the Cyrillic supplement block
# A box over one button: up to this many lines of at most this many words, naming this many topic words.
MAX_BOX_LINES = 3
BOX_REASON = "a box of short lines over a button, naming no word of the article"
MAX_BOX_LINE_WORDS = 15
MIN_BOX_TOPIC_WORDS = 3
# Only in an article this rich (distinct topic words) does a line naming none of them stand out.
MIN_ARTICLE_TOPIC_WORDS = 150
WORD = re.compile(r"[^\W\d_]+")
CAMEL_CASE = re.compile(r"[a-z][A-Z]")  # an identifier ("onlyXulLeaf"), not a label
LABEL_END = re.compile(r"[.!?:;…\"”»)\]]$")


# In ASCII text a word is a run of [A-Za-z], case-folding is lower(), keeps every word's length and
# every word is Latin: the words of MIN_TOPIC_LETTERS or more are this pattern's matches in the
# lowered line, found in one C pass (the same list as the general path, word for word).
ASCII_TOPIC_WORD = re.compile(r"[a-z]{%d,}" % MIN_TOPIC_LETTERS)


def topic_words(text: str) -> list[str]:
    """The line's words long enough to name a topic, case-folded.

    >>> topic_words("Only the necessary"), topic_words("Straße und Weg")
    (['necessary'], ['strasse'])
    """
    if text.isascii():
        return ASCII_TOPIC_WORD.findall(text.lower())
    return [word.casefold() for word in WORD.findall(text)
            if len(word) >= (MIN_TOPIC_LETTERS if word[0] <= LAST_SHORT_WORD_SCRIPT else MIN_TOPIC_LETTERS_OTHER_SCRIPTS)]


TopicWords = dict[str, list[str]]  # a text -> its topic_words (shared, never changed)


def page_topic_words(texts: Sequence[str], known: TopicWords | None = None) -> list[list[str]]:
    """topic_words of each text, each distinct text read once (a dump repeats its menus and labels);
    `known` keeps them for the next stage of the page that asks (button_runs, then reader_notes)."""
    return each_text_once(texts, topic_words, {} if known is None else known)


def is_button(features: LineFeatures, text: str) -> bool:
    """A button's label: one to MAX_BUTTON_WORDS words, no sentence, number, list item, lead-in or code."""
    if features.cjk or features.is_prose or features.sentence_end or features.numbers:
        return False
    stripped = text.strip()
    if not 0 < features.words <= MAX_BUTTON_WORDS or LABEL_END.search(stripped):
        return False
    return not (is_list_item(stripped) or CODE_SYMBOLS.search(stripped) or CAMEL_CASE.search(stripped))


def button_runs(lines: Sequence[LineFeatures], texts: Sequence[str], known: TopicWords | None = None) -> dict[int, str]:
    """Positions of the kept lines in runs of MIN_BUTTONS buttons or more, with running text right
    above and below and no topic word of the article's other lines, and of the box's message above;
    in a long article, of a single button with the box's short lines over it (box_top). `known`:
    the texts' topic words read so far (page_topic_words), reused and filled."""
    runs = list(button_rows(lines, texts))
    if not runs:
        return {}
    # The topic words are the stage's cost (a regex and a case-fold per word of every line):
    # counted only on a page with a run of buttons that stands above a long line.
    words = page_topic_words(texts, known)
    counts = Counter(word for line_words in words for word in set(line_words))
    marks: dict[int, str] = {}
    for start, end in runs:
        if end - start >= MIN_BUTTONS and is_box(lines, texts, words, counts, start, end):
            marks.update(dict.fromkeys(range(start, end), "a row of buttons naming no word of the article"))
            if len(counts) >= MIN_ARTICLE_TOPIC_WORDS and message_above(lines, words, counts, start):
                marks[start - 1] = "a button box's message naming no word of the article"
        elif end > start and len(counts) >= MIN_ARTICLE_TOPIC_WORDS:
            top = box_top(lines, texts, words, counts, start, end)
            if top is not None:
                marks.update(dict.fromkeys(range(top, end), BOX_REASON))
    return marks


def button_rows(lines: Sequence[LineFeatures], texts: Sequence[str]) -> Iterator[tuple[int, int]]:
    """The runs [start, end) of button lines button_runs can mark: running text right below them
    (as is_box asks), and above them running text (a row, is_box) or a short line that is not the
    page's first (box_top's first step). A subheading between paragraphs is none of them."""
    start = 0
    while start < len(lines):
        end = start
        while end < len(lines) and is_button(lines[end], texts[end]):
            end += 1
        if end > start and 0 < start and end < len(lines) and lines[end].words >= MIN_RUNNING_WORDS:
            above = lines[start - 1].words
            row = end - start >= MIN_BUTTONS and above >= MIN_RUNNING_WORDS
            if row or (start > 1 and above <= MAX_BOX_LINE_WORDS):
                yield start, end
        start = max(end, start + 1)


def is_name_like(text: str) -> bool:
    """Two capitalised words or more, and every word of 4 letters or more capitalised: a person's name
    or a work's title ("Kwame Alexander", "The Crossover") rather than a button ("Allow all")."""
    written = text.split()
    capitalised = sum(word[:1].isupper() for word in written)
    return capitalised >= 2 and all(word[:1].isupper() for word in written if len(word) > 3)


def is_box(
    lines: Sequence[LineFeatures], texts: Sequence[str], words: Sequence[list[str]], counts: Counter[str], start: int, end: int
) -> bool:
    """The run lines[start:end] stands between two long lines, says something different on each line
    (a code listing repeats its "SELECT name"), and shares no topic word with the others."""
    if start == 0 or end >= len(lines) or lines[start - 1].words < MIN_RUNNING_WORDS or lines[end].words < MIN_RUNNING_WORDS:
        return False
    if len({texts[position].strip().casefold() for position in range(start, end)}) < end - start:
        return False
    if all(is_name_like(texts[position]) for position in range(start, end)):
        return False  # a list of names or titles ("The Crossover" / "Kwame Alexander"): the article's own
    own = Counter(word for position in range(start, end) for word in set(words[position]))
    return all(counts[word] == own[word] for word in own)


def box_top(
    lines: Sequence[LineFeatures], texts: Sequence[str], words: Sequence[list[str]], counts: Counter[str], start: int, end: int
) -> int | None:
    """The first line of a box of up to MAX_BOX_LINES short lines (a heading, a sentence) over the
    buttons lines[start:end], between two long lines, naming MIN_BOX_TOPIC_WORDS topic words and none
    of the article's other lines: an app's or a newsletter's prompt ("Read faster in our app" /
    "Offline reading, alerts that matter." / "Open app")."""
    for top in range(start - 1, max(0, start - MAX_BOX_LINES) - 1, -1):
        if top == 0 or lines[top].words > MAX_BOX_LINE_WORDS:
            return None
        box_words = {word for position in range(top, end) for word in words[position]}
        if len(box_words) >= MIN_BOX_TOPIC_WORDS and is_box(lines, texts, words, counts, top, end):
            return top
    return None


def message_above(lines: Sequence[LineFeatures], words: Sequence[list[str]], counts: Counter[str], start: int) -> bool:
    """The line right above a button row is a short message none of whose topic words the article uses elsewhere."""
    above = start - 1
    if lines[above].words > MAX_MESSAGE_WORDS or not words[above]:
        return False
    return all(counts[word] == 1 for word in set(words[above]))
