"""A list of other stories right below the article: three or more headlines in a row (short
lines that end no sentence and are no list items), after the article's last paragraph, with at
most a few short lines (the box's heading, a menu) between them. The line model reads a
headline in sentence case as text like the article's, and teaser blurbs between the headlines
below the list keep the span running: it ends where the headlines start. Language-independent:
no phrase is matched, only the lines' shapes."""

from __future__ import annotations

from collections import Counter
from itertools import accumulate

from ..model.features import LineFeatures
from ..parse.text import is_list_item

# A headline is a line of this many words (CJK: size, a character counting half a word) ...
MIN_HEADLINE_SIZE = 4
MAX_HEADLINE_SIZE = 25
# ... and there are this many in a row.
MIN_HEADLINES = 3
# Between the article's last paragraph and the first headline: at most this many short lines
# (the box's heading "You may also like", a section menu) of at most SHORT_LINE_SIZE words.
MAX_LINES_BETWEEN = 10
SHORT_LINE_SIZE = 6
# The article above the list holds this many paragraphs (a page's opening teasers are no article).
MIN_PARAGRAPHS_ABOVE = 2
# In the LINES_BELOW lines below the headlines, at most this many paragraphs (a teaser's blurb):
# more, and the article goes on below them (release notes' items, verse, hard-wrapped text
# without full stops). Boxes further down (teasers with blurbs, comments) do not count.
LINES_BELOW = 8
MAX_PARAGRAPHS_BELOW = 1
# Above the list, at most this many headline-shaped lines per paragraph (subheadings).
ARTICLE_HEADLINE_SHARE = 2
QUESTION = ("?", "？", "؟")
RELATED_NOTE = "a list of other stories' headlines (with the lines above it)"


def asks(text: str) -> bool:
    """A line ending in a question mark: a headline may ("Are YOU affected?"); an exclamation
    ends a sentence of the article more often than a headline."""
    return text.rstrip().endswith(QUESTION)


def starts_as_title(text: str) -> bool:
    """A headline in a script with letter case starts with a capital ("memory dump" and
    "emalysz fixed a bug" are list items of the article); uncased scripts pass."""
    first = next((c for c in text if c.isalpha()), "")
    return not first or first.upper() == first.lower() or first.isupper()


def wrapped(texts: list[str]) -> bool:
    """Lines cut at one width: most of them within a character of the same length (text
    hard-wrapped without full stops at the line ends), which headlines of stories never are."""
    lengths = Counter(len(t.strip()) for t in texts)
    common = max(lengths[n - 1] + lengths[n] + lengths[n + 1] for n in lengths)
    return common * 2 > len(texts)


def one_opening(texts: list[str]) -> bool:
    """Half the lines or more open with the same word ("Bug 1677080 – ...", "Step 2"): items of
    one list of the article, not stories of their own."""
    openings = Counter(t.split(maxsplit=1)[0] for t in texts if t.strip())
    return max(openings.values(), default=0) * 2 >= len(texts)


def is_headline(features: LineFeatures, text: str, inner_sentences: int = 0) -> bool:
    """A line shaped like another story's headline: a few words, no sentence end but a question,
    no list item, not a label introducing what follows; with at most `inner_sentences` sentences
    ended inside it (none: a wrapped paragraph's line has them)."""
    if not MIN_HEADLINE_SIZE <= features.size <= MAX_HEADLINE_SIZE:
        return False  # (most lines: before the text is read)
    question = asks(text)
    return (
        (not features.sentence_end or question)
        and features.sentences <= int(question) + inner_sentences
        and starts_as_title(text)
        and features.numbers < features.words
        and not text.rstrip().endswith((":", "："))
        and not is_list_item(text)
    )


def is_paragraph(features: LineFeatures, text: str) -> bool:
    """Running text that ends a sentence (a short question may be a headline)."""
    return features.is_prose and features.sentence_end and not (features.size <= MAX_HEADLINE_SIZE and asks(text))


def related_list_start(lines: list[LineFeatures], texts: list[str], start: int, end: int) -> int:
    """Where a list of other stories' headlines starts inside the span [start, end), right below
    the article's last paragraph (with the box's heading, if any); `end` when there is none."""
    heads = [is_headline(f, t) for f, t in zip(lines[start:end], texts[start:end])]
    heads_above = [0, *accumulate(heads)]  # headline-shaped lines above each line of the span
    paragraphs = 0
    i = start
    while i < end:
        if is_paragraph(lines[i], texts[i]):
            paragraphs += 1
            i += 1
            continue
        if paragraphs < MIN_PARAGRAPHS_ABOVE or not is_paragraph(lines[i - 1], texts[i - 1]):
            i += 1
            continue
        # Line i follows a paragraph: skip the short lines of a box's heading, then count headlines.
        first = i
        while i < end and i - first < MAX_LINES_BETWEEN and lines[i].size <= SHORT_LINE_SIZE and not heads[i - start]:
            i += 1
        if i > first and texts[i - 1].rstrip().endswith((":", "：")):
            continue  # "In progress:" introduces the article's own list (i has moved on)
        run = i
        while run < end and heads[run - start]:
            run += 1
        below = range(run, min(end, run + LINES_BELOW))
        # An article written in lines of that shape (verse, a photo blog's captions) has no
        # headlines to tell apart: its paragraphs must outnumber such lines above the list.
        own_style = heads_above[first - start] > ARTICLE_HEADLINE_SHARE * paragraphs
        resumes = sum(is_paragraph(lines[k], texts[k]) for k in below) > MAX_PARAGRAPHS_BELOW
        if run - i >= MIN_HEADLINES and not (own_style or resumes or wrapped(texts[i:run]) or one_opening(texts[i:run])):
            return first
        i = max(i, first + 1)
    return end


# Other stories with their blurbs: a headline, then a blurb of at most this many words (one or
# two sentences), at least MIN_HEADLINES times in a row ...
MAX_BLURB_WORDS = 40
MAX_BLURB_SENTENCES = 2
# ... with at most one short line (an author's name, a section's kicker) between one story and
# the next ...
MAX_BYLINE_SIZE = 5
# ... below a run of at least this many lines that are no paragraphs after the article's last
# paragraph (a paywall's notice, job ads, tags, a box's heading): the article's own subheadings
# follow its paragraphs at once.
MIN_GAP_LINES = 5
TEASERS_NOTE = "other stories' headlines with their blurbs, below the article's end"


def teasers_start(lines: list[LineFeatures], texts: list[str], start: int, end: int) -> int:
    """Where a list of other stories' headlines with their blurbs starts inside the span
    [start, end): the first line below the article's last paragraph above a run of MIN_GAP_LINES
    lines or more that are no paragraphs, followed by MIN_HEADLINES headlines or more, each with
    a short blurb under it; `end` when there is none."""
    paragraphs = 0
    gap = 0
    for i in range(start, end):
        if is_paragraph(lines[i], texts[i]):
            if gap >= MIN_GAP_LINES and paragraphs >= MIN_PARAGRAPHS_ABOVE and _stories_follow(lines, texts, i - 1, end):
                return i - gap
            paragraphs += 1
            gap = 0
        else:
            gap += 1
    return end


def _stories_follow(lines: list[LineFeatures], texts: list[str], first: int, end: int) -> bool:
    """Whether MIN_HEADLINES headlines with a short blurb each follow from line `first` on."""
    stories, i = 0, first
    while i + 1 < end:
        # One short line may stand between two stories: the last one's author, the next one's
        # section or kicker.
        if lines[i].size <= MAX_BYLINE_SIZE and _is_story(lines, texts, i + 1, end):
            i += 1
        if not _is_story(lines, texts, i, end):
            break
        stories += 1
        i += 2
    return stories >= MIN_HEADLINES


# A teaser's headline may hold one sentence before its last part ("Germany. Borders close for
# good", "“Why not rename it?”. A politician follows Trump"): the blurb below it tells it from
# a wrapped paragraph's line.
STORY_INNER_SENTENCES = 1


def _is_story(lines: list[LineFeatures], texts: list[str], i: int, end: int) -> bool:
    """A headline at line i with a short blurb under it, above `end`."""
    return (
        i + 1 < end
        and is_headline(lines[i], texts[i], STORY_INNER_SENTENCES)
        and _is_blurb(lines[i + 1], texts[i + 1])
    )


def _is_blurb(features: LineFeatures, text: str) -> bool:
    """A teaser's blurb: a paragraph of one or two sentences, short."""
    return is_paragraph(features, text) and features.size <= MAX_BLURB_WORDS and features.sentences <= MAX_BLURB_SENTENCES


# A box of other stories right below the article's last paragraph, under its short heading ("Die
# Redaktion empfiehlt", "More on this"): stories of up to this many lines over a short blurb
# (a headline, a kicker, a photo's credit or an author: at least one headline) ...
MAX_STORY_HEAD_LINES = 3
MAX_BOX_BLURB_SENTENCES = 3
# ... at least this many in a row from the heading on, with no paragraph left in the span below
# them. An article's last sections have no label between its paragraph and their heading.
MIN_BOX_STORIES = 2
BOX_NOTE = "a box of other stories (headlines with their blurbs) under its heading, below the article"


def teaser_box_start(lines: list[LineFeatures], texts: list[str], start: int, end: int) -> int:
    """Where a box of other stories starts inside the span [start, end): a short heading (no
    sentence end, no colon or question) right below a paragraph of an article (above it, a
    paragraph longer than a blurb or two in a row), over MIN_BOX_STORIES stories or more in a
    row (each a few headline or short lines over a blurb of MAX_BLURB_WORDS words at most; the
    headlines no questions, not all opening with one word) below which the span holds no
    paragraph; `end` when there is none."""
    paragraphs, article = 0, False
    # A heading inside a run of stories already read (below a blurb) starts a shorter run of the
    # same stories with the same line below them: it fails as that run's first heading failed, so
    # it is skipped (reading each run once keeps a page of thousands of stories linear).
    read_up_to = start
    for i in range(start, end):
        if is_paragraph(lines[i], texts[i]):
            paragraphs += 1
            in_a_row = i > start and is_paragraph(lines[i - 1], texts[i - 1])
            article = article or lines[i].size > MAX_BLURB_WORDS or in_a_row
            continue
        # Above the box, an article: a paragraph longer than a blurb or two paragraphs in a row
        # somewhere (a section front's stories have neither), its last one right above the heading.
        if paragraphs < MIN_PARAGRAPHS_ABOVE or not article or not is_paragraph(lines[i - 1], texts[i - 1]):
            continue
        heading = lines[i]
        if i < read_up_to or heading.size > SHORT_LINE_SIZE or heading.sentence_end or texts[i].rstrip().endswith((":", "：", *QUESTION)):
            continue
        stories, below, headlines = _box_stories(lines, texts, i + 1)
        read_up_to = below
        if stories < MIN_BOX_STORIES or any(is_paragraph(lines[k], texts[k]) for k in range(below, end)):
            continue
        # Headings all opening alike ("Step 2", "Q:") are parts of the article's own list.
        if len({texts[k].split(maxsplit=1)[0] for k in headlines}) > 1:
            return i
    return end


def _box_stories(lines: list[LineFeatures], texts: list[str], first: int) -> tuple[int, int, list[int]]:
    """How many stories of a box follow from line `first` on, each a few headline or short lines
    over a short blurb; the line below the last of them; and the headlines' positions. A
    question over a short answer is a FAQ's, not another story's headline (under a headline, it
    is the story's teasing blurb)."""
    stories, i, found = 0, first, []
    while i < len(lines):
        j, headlines = i, []
        while j < len(lines) and j - i < MAX_STORY_HEAD_LINES and not _is_box_blurb(lines[j], texts[j]):
            if is_headline(lines[j], texts[j], STORY_INNER_SENTENCES) and not asks(texts[j]):
                headlines.append(j)
            elif lines[j].size > MAX_BYLINE_SIZE and not (headlines and asks(texts[j])):
                break  # (a question under the story's headline is its teasing blurb's first part)
            j += 1
        if not headlines or j >= len(lines) or not _is_box_blurb(lines[j], texts[j]):
            break
        stories, i = stories + 1, j + 1
        found += headlines
    return stories, i, found


def _is_box_blurb(features: LineFeatures, text: str) -> bool:
    """A story's blurb in a box: a paragraph of a few sentences, short."""
    return is_paragraph(features, text) and features.size <= MAX_BLURB_WORDS and features.sentences <= MAX_BOX_BLURB_SENTENCES
