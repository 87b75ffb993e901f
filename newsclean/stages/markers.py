"""End-of-article markers: short lines such as "Comments", "Related articles", "Most read" (phrase
lists in newsclean/rules), and which of them really end the article."""

from __future__ import annotations

from collections import Counter
from collections.abc import Sequence
from itertools import compress

from ..document import Document
from ..model.features import LineFeatures, analyze
from ..rules import Rules

# An end-of-article marker is a short line ("Comments", "Related articles", "Most popular").
MAX_MARKER_WORDS = 6
# A marker line ending like a sentence with this many words besides the phrase is a sentence.
MARKER_SENTENCE_WORDS = 2
# Two sentence paragraphs in a row this soon after a marker mean the article goes on (teaser
# blurbs and comments are separated by headlines, names and dates).
MARKER_LOOKAHEAD = 12
# Or two paragraphs of this many words each, parted by a subheading (an explainer's answers
# under its questions run 35-40 words; 40 lost them).
LONG_PARAGRAPH_WORDS = 35
# A subheading that asks ("Who owns the tanker?") is a short question of at most this many words.
MAX_QUESTION_WORDS = 8
# Or this many end-of-article markers with different phrases in those lines, before any paragraph.
MIN_STACKED_BOXES = 3
# A marker must follow prose within this many kept lines (else it is a label in a table or list),
# not counting lines of numbers alone between them (a pager's "1", "2"), and looking back no
# further than MAX_LOOKBEHIND lines in all.
MARKER_LOOKBEHIND = 3
MAX_LOOKBEHIND = 10
# An inline box's headlines and names run at most this many lines below its label (in_span.py).
MAX_BOX_LINES = 8
# A box's headline may name a year ("... das Hitzejahr 2023"); a line this much digits is a date,
# a time or a count (a comment's head, a gallery's "29 photos", a video's "0:46"), not a headline.
BOX_DIGIT_SHARE = 0.1
# A short line (at most LABEL_WORDS words) found word for word LABEL_REPEATS times on the page is
# the site's label between paragraphs, skipped when looking for paragraphs after a marker.
LABEL_WORDS = 3
LABEL_REPEATS = 3


def is_end_marker(features: LineFeatures, rules: Rules) -> bool:
    """A short line that starts with an end-of-article phrase and is not a sentence of its own
    ("Comments were closed on Friday." goes on; "Comments (12)" ends the article)."""
    if features.words > MAX_MARKER_WORDS:
        return False
    return marks_end(features, marker_phrase(features, rules), rules.lone_markers)


def after_count(folded: tuple[str, ...]) -> tuple[str, ...]:
    """The readings of a line that opens with a count ("34 comments", "12 Kommentare"), without
    it; none for other lines. A count before the marker's word says the same as one after it
    ("Comments (34)")."""
    return tuple(rest for head, _, rest in (reading.partition(" ") for reading in folded) if rest and head.isdigit())


def marker_phrase(features: LineFeatures, rules: Rules) -> str | None:
    """The end-of-article phrase a line starts with, or starts with after its count."""
    return rules.end_markers.prefix(features.folded) or counted_marker_phrase(features, rules)


def counted_marker_phrase(features: LineFeatures, rules: Rules) -> str | None:
    """The end-of-article phrase a line starts with after its count ("34 comments"), if any."""
    counted = after_count(features.folded) if features.numbers else ()
    return rules.end_markers.prefix(counted) if counted else None


def marks_end(features: LineFeatures, phrase: str | None, lone: frozenset[str] = frozenset()) -> bool:
    """is_end_marker of a short line that starts with `phrase` (None: with no end-of-article phrase),
    perhaps after its count; a phrase of `lone` (another language's function word) only with no
    other word after it."""
    if phrase is None or (features.sentence_end and features.words > phrase.count(" ") + 1 + MARKER_SENTENCE_WORDS):
        return False
    if phrase not in lone:
        return True
    readings = features.folded + after_count(features.folded)
    rest = next((reading[len(phrase):] for reading in readings if reading.startswith(phrase)), "")
    return not any(char.isalpha() for char in rest)


def end_marker_flags(lines: Sequence[LineFeatures], rules: Rules) -> list[bool]:
    """is_end_marker of each line, the short lines' phrases looked up in one call."""
    short = [i for i, features in enumerate(lines) if features.words <= MAX_MARKER_WORDS]
    flags = [False] * len(lines)
    for i, phrase in zip(short, rules.end_markers.prefixes([lines[i].folded for i in short])):
        if phrase is None:
            phrase = counted_marker_phrase(lines[i], rules)  # "34 comments"
        if phrase is not None:
            flags[i] = marks_end(lines[i], phrase, rules.lone_markers)
    return flags


def page_end_markers(doc: Document, rules: Rules) -> list[bool]:
    """end_marker_flags of all the page's lines (by position in doc.blocks), found once per page:
    the stages that ask read each their own kept lines of it."""
    analysis = analyze(doc, rules)
    if len(analysis.end_markers) != len(analysis.lines):
        analysis.end_markers[:] = end_marker_flags(analysis.lines, rules)
    return analysis.end_markers


def markers_below_article_body(markers: dict[int, str], doc: Document, positions: Sequence[int]) -> dict[int, str]:
    """The markers (positions among doc's blocks at `positions`) with no line of the page's JSON-LD
    articleBody below them, as the fast HTML reader found that body (elsewhere no line is in it).

    The publisher's own copy of the article going on below a marker says the marker heads a box
    inside the article ("Most Popular" between two paragraphs), not the article's end.
    """
    if not markers:
        return markers
    in_body = [bool(dom is not None and dom.in_article_body) for dom in (doc.blocks[i].dom for i in positions)]
    last = next((i for i in range(len(in_body) - 1, -1, -1) if in_body[i]), -1)
    return markers if last < 0 else {i: phrase for i, phrase in markers.items() if i > last}


def follows_prose(lines: list[LineFeatures], i: int) -> bool:
    """True when running text comes within MARKER_LOOKBEHIND lines above line i, not counting
    lines of numbers alone (a pager's "1", "2" between the article and its "Related" box)."""
    counted = 0
    for j in range(i - 1, max(-1, i - 1 - MAX_LOOKBEHIND), -1):
        if lines[j].is_prose:
            return True
        if lines[j].words > lines[j].numbers:
            counted += 1
            if counted >= MARKER_LOOKBEHIND:
                return False
    return False


def confirmed_markers(
    lines: list[LineFeatures], texts: list[str], rules: Rules, page_labels: set[str] | None = None,
    flags: Sequence[bool] | None = None,
) -> dict[int, str]:
    """Positions of believable end-of-article markers, with the phrase each starts with.
    `page_labels`: the page's repeated labels (furniture_labels) counted over all its lines,
    when `lines` are only some of them; by default they are counted over `lines`. `flags`: each
    line's is_end_marker, when the caller has them already."""
    markers: dict[int, str] = {}
    labels = page_labels  # else built at the first marker: most pages have none
    if flags is None:
        flags = [is_end_marker(f, rules) for f in lines]
    for i in compress(range(len(lines)), flags):
        phrase = marker_phrase(lines[i], rules) or ""
        if not follows_prose(lines, i):
            continue  # not below running text: a label among other short lines
        if labels is None:
            labels = furniture_labels(lines, texts)
        # The page's own repeated labels between paragraphs ("Article content") do not part
        # them, nor count among the lines looked at (the scan is bounded all the same).
        window = [j for j in range(i + 1, min(len(lines), i + 1 + 3 * MARKER_LOOKAHEAD)) if texts[j] not in labels]
        ahead = [lines[j].is_prose and (lines[j].sentence_end or texts[j].endswith(":")) for j in window[:MARKER_LOOKAHEAD]]
        if stacked_boxes(lines, window[:MARKER_LOOKAHEAD], phrase, rules):
            markers[i] = phrase
            continue
        if any(a and b for a, b in zip(ahead, ahead[1:])):
            continue  # article paragraphs resume right after it: an inline box
        if resumes_under_subheading(lines, texts, window[:MARKER_LOOKAHEAD]):
            continue  # so do long paragraphs parted by a subheading
        markers[i] = phrase
    return markers


def stacked_boxes(lines: list[LineFeatures], window: list[int], phrase: str, rules: Rules) -> bool:
    """MIN_STACKED_BOXES end-of-article markers with different phrases, this one the first, in
    the lines `window` below it before any paragraph: the page's end boxes stacked one on
    another ("Related stories", a few headlines, "Comments", "Editor's picks"). Their teasers'
    blurbs read as paragraphs resuming, but an inline box inside an article has one heading
    (or two: "Read more", "Related articles"), and the article goes on below it. Each box has
    lines of its own between its heading and the next."""
    phrases = {phrase}
    # Marker lines in a row ("Comments", "No comment") head one box: only the first counts.
    after_marker = True
    for j in window:
        if lines[j].is_prose and lines[j].sentence_end:
            return False
        marker = is_end_marker(lines[j], rules)
        if marker and not after_marker:
            phrases.add(marker_phrase(lines[j], rules) or "")
            if len(phrases) >= MIN_STACKED_BOXES:
                return True
        after_marker = marker
    return False


def resumes_under_subheading(lines: list[LineFeatures], texts: list[str], window: list[int]) -> bool:
    """Two long paragraphs parted by one short line with no number and no sentence end, or a short
    question (a subheading), among the lines `window`: the article resumes. A teaser's blurb is
    shorter than LONG_PARAGRAPH_WORDS, and a comment's head carries its date."""
    long = [lines[j].is_prose and lines[j].sentence_end and lines[j].size >= LONG_PARAGRAPH_WORDS for j in window]
    for k in range(len(window) - 2):
        between = lines[window[k + 1]]
        question = between.words <= MAX_QUESTION_WORDS and texts[window[k + 1]].rstrip().endswith(("?", "？"))
        if long[k] and long[k + 2] and not between.is_prose and (not between.sentence_end or question) and not between.numbers:
            return True
    return False


def furniture_labels(lines: list[LineFeatures], texts: list[str]) -> set[str]:
    """Short lines that recur word for word LABEL_REPEATS times or more on the page: labels a
    site puts between paragraphs ("Article content", "Advertisement")."""
    counts = Counter(t for f, t in zip(lines, texts) if f.words <= LABEL_WORDS)
    return {t for t, n in counts.items() if n >= LABEL_REPEATS}


def box_over_paragraph(lines: list[LineFeatures], texts: list[str], marker: int) -> int | None:
    """Where a long paragraph (LONG_PARAGRAPH_WORDS or more, ending a sentence) stands right below
    the box under the line at `marker` (an end marker heading the box, or the article's last line
    above an unlabelled one), when that box is one to a few headlines or names (up to
    MAX_BOX_LINES - 1 lines, none ending a sentence, none a date or count): other stories teased
    inside the article, whose last paragraph follows. Else None.

    A blurb under a headline ends a sentence (a box of teasers with blurbs), a comment's head
    holds its date, and a heading leading into the paragraph below it ("Legal disclaimer:")
    makes that paragraph the box's own. (Measured: 25 words took a site's "Our website is the
    place for ..." and "Lesen Sie von Macht und Missbrauch ..." below their boxes.)
    """
    for j in range(marker + 1, min(len(lines), marker + 1 + MAX_BOX_LINES)):
        features, text = lines[j], texts[j].rstrip()
        if features.sentence_end or text.endswith((":", "：")):
            long = features.is_prose and features.sentence_end and features.size >= LONG_PARAGRAPH_WORDS
            return j if long and j > marker + 1 else None
        if features.digit_share >= BOX_DIGIT_SHARE or not features.words:
            return None
    return None
