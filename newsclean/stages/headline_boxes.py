"""Other stories' headlines printed in a box between the article's paragraphs, under a label no
phrase list knows ("More on World" / four headlines; "Trending" / three headlines; "Meistgelesen"
/ three headlines).

An article's own lines that are no sentences stand alone: a subheading opens the paragraph below
it, a quote's speaker follows the quote. A short label and two headline-shaped lines or more
right below it, between two paragraphs of running text, are a box of links: a teaser box, a "you
may like" list, a video rail's titles. The shape alone says so, in any language; no phrase is
read.

Lists the article holds are left: a list the article introduces ends the paragraph above with a
colon ("They named three suspects:") or follows a one-sentence lead-in under a heading; a list's
items, a table's cells, a listing's code lines have bullets, numbers or code marks; a caption's
credit names a year or a price; a product's blurb trails off ("For that one friend…"). Headlines
with no label above them are left too: a run of the article's own section titles or a gallery's
captions has that shape as well.
"""

from __future__ import annotations

import re
from collections.abc import Sequence

from ..model.features import NO_STOP_SCRIPT, LineFeatures
from ..parse.text import is_list_item
from ..rules import Rules
from .box_tail import content_words
from .prompts import CODE_SYMBOLS

# A box's label ("Trending", "More on World", "Neues aus der Golem Karrierewelt") is this short.
MAX_LABEL_WORDS = 6
# Below its label, a box holds two headlines or more (a label over one line is a kicker over a
# subheading, or a heading over its first line).
MIN_HEADLINES = 2
# A headline has this many words or more: shorter lines under a label are kickers over the
# headlines, or the name and role of a contributor whose part of the article follows.
MIN_HEADLINE_WORDS = 3
# A box's headline is this short; a longer line without a sentence end is a paragraph whose full
# stop the dump lost.
MAX_HEADLINE_WORDS = 15
# The box holds at most this many lines (a rail of a dozen headlines and their labels).
MAX_BOX_LINES = 16
# Running text resumes with a paragraph of this many words, or of two sentences, or with two
# sentence paragraphs in a row (a teaser's blurb is one short sentence).
RESUME_WORDS = 25
RESUME_SENTENCES = 2
# The box's last line is the article's subheading when it names this many of the words (of 4
# letters or more) of the paragraph right below it ("Julia Klöckner weist Vorwürfe zurück" over
# "Klöckner ... wies die Vorwürfe zurück"); a teaser's headline names at most one.
MIN_SUBHEADING_WORDS = 2
LEAD_IN_ENDS = (":", "：")
TRAILING_OFF = ("…", "...")
QUESTION_MARKS = ("?", "？")
# An identifier joined with an underscore ("lake_levels"): a listing's line, however plain.
SNAKE_CASE = re.compile(r"[^\W_]_[^\W_]")


def resumes_article(lines: Sequence[LineFeatures], position: int) -> bool:
    """The line at position is running text of the article, not a teaser's blurb."""
    features = lines[position]
    if not (features.is_prose and features.sentence_end):
        return False
    if features.size >= RESUME_WORDS or features.sentences >= RESUME_SENTENCES:
        return True
    return position + 1 < len(lines) and lines[position + 1].is_prose and lines[position + 1].sentence_end


def ran_on_to(lines: Sequence[LineFeatures], texts: Sequence[str], position: int) -> bool:
    """The line at position ends the article's running text so far: a paragraph (no colon at its
    end) of RESUME_WORDS words or two sentences, or one under another paragraph (not a list's
    one-sentence lead-in under a heading)."""
    features = lines[position]
    if not (features.is_prose and features.sentence_end) or texts[position].rstrip().endswith(LEAD_IN_ENDS):
        return False
    if features.size >= RESUME_WORDS or features.sentences >= RESUME_SENTENCES:
        return True
    return position > 0 and lines[position - 1].is_prose and lines[position - 1].sentence_end


def is_headline_line(features: LineFeatures, text: str, rules: Rules) -> bool:
    """A line shaped like a link's headline: a few words, opening with a capital where the script
    has them, no full stop (a question mark may end a headline), no lead-in, trailing off, list
    item, code, row of numbers or byline. Scripts that part no words with spaces (Chinese,
    Japanese, Thai) have no such shape: a paragraph may be a few "words" there."""
    stripped = text.strip()
    if features.cjk or NO_STOP_SCRIPT.search(stripped):
        return False
    first_letter = next((c for c in stripped if c.isalpha()), "")
    if first_letter.islower() or not 0 < features.words <= MAX_HEADLINE_WORDS or features.numbers * 2 > features.words:
        return False
    if features.sentence_end and not stripped.endswith(QUESTION_MARKS):
        return False
    if stripped.endswith(LEAD_IN_ENDS + TRAILING_OFF) or is_list_item(stripped) or CODE_SYMBOLS.search(stripped) or SNAKE_CASE.search(stripped):
        return False
    return rules.bylines.prefix(features.folded) is None


def is_box_label(features: LineFeatures, text: str, rules: Rules) -> bool:
    """A box's label: a headline-shaped line of at most MAX_LABEL_WORDS words, no number, no
    question."""
    return features.words <= MAX_LABEL_WORDS and not features.numbers and not features.sentence_end and is_headline_line(features, text, rules)


def opens_paragraph(line: str, paragraph: str) -> bool:
    """The line names MIN_SUBHEADING_WORDS words or more of the paragraph below it: its subheading."""
    return len(content_words([line]) & content_words([paragraph])) >= MIN_SUBHEADING_WORDS


def headline_boxes(lines: Sequence[LineFeatures], texts: Sequence[str], rules: Rules) -> dict[int, str]:
    """A label right below the article's running text, over headline-shaped lines, MIN_HEADLINES
    of them of MIN_HEADLINE_WORDS words or more (at most one a question), with running text
    resuming right below them: the label and the headlines (the last one aside when it is the
    subheading of the paragraph below)."""
    marks: dict[int, str] = {}
    position = 1
    while position < len(lines):
        if not (is_box_label(lines[position], texts[position], rules) and ran_on_to(lines, texts, position - 1)):
            position += 1
            continue
        end = position + 1
        while end < len(lines) and end - position <= MAX_BOX_LINES and is_headline_line(lines[end], texts[end], rules):
            end += 1
        headlines = sum(1 for j in range(position + 1, end) if lines[j].words >= MIN_HEADLINE_WORDS)
        questions = sum(1 for j in range(position + 1, end) if lines[j].sentence_end)
        if MIN_HEADLINES <= headlines and end - position <= MAX_BOX_LINES and questions <= 1 and end < len(lines) and resumes_article(lines, end):
            reason = f'other stories\' headlines between the paragraphs (under "{texts[position].strip()[:40]}")'
            last = end - 1 if opens_paragraph(texts[end - 1], texts[end]) else end
            marks.update(dict.fromkeys(range(position, last), reason))
        position = end
    return marks
