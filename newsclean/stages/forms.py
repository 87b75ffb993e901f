"""A form below the article: a login or registration form the span runs on into.

A site's comment login or registration form sits below the article, introduced by a sentence
or two ("Registration is free ..."): the line model reads those sentences as the article going
on, and the form's lines are too short to stop the span. A form shows itself without any word
of its language, in one of three shapes: lines of template placeholders the page never filled
in (`{* #signInForm *}`, `{| current_displayName |}`, `{{ email }}`), a run of field labels
marked as required (`* FIRST NAME`, `Password *`), or empty fields in a row, labels with a
colon and nothing after it (`FIRST NAME:`, `Nombre (*):`). Where one stands below the article's
paragraphs, the span ends above it, above the form's short introduction and the furniture
(share buttons, related headlines) between the article's last paragraph and it.
"""

from __future__ import annotations

import re

from ..model.features import LineFeatures
from .repeated_headline import is_paragraph

FORM_NOTE = "a login or registration form below the article"

# A placeholder of a page template the page never filled in: {* name *}, {| name |}, {{ name }},
# {% tag %}; a name, optionally opened by # or / (a block's start or end).
PLACEHOLDER = re.compile(r"\{([*|%{])\s*[#/]?[A-Za-z_][\w.-]*[^{}]*?[*|%}]\}")
# A field label marked as required: a star before or after 1-4 words with no digit.
REQUIRED_FIELD = re.compile(r"^(?:\*\s*[^\W\d][^\d*]*|[^\W\d][^\d*]*?\s*\*)$")
# An empty field's label: 1-4 words with no digit, maybe a required mark, then the colon and
# nothing after it ("FIRST NAME:", "Nombre (*):", "用户名：").
EMPTY_FIELD = re.compile(r"^[^\W\d][^\d:：*]*?\s*(?:\(\*\)|\*)?\s*[:：]$")
MAX_LABEL_WORDS = 4
# Form lines in a run: this many at least, within RUN_WINDOW lines.
MIN_FORM_LINES = 3
RUN_WINDOW = 6
# A form this many lines below the span's end at most still ends it (the span stopped at its top).
MAX_GAP = 3
# Paragraphs of the article the form must stand below.
MIN_PARAGRAPHS_ABOVE = 3
# A form's introduction: up to this many short sentences right above it.
MAX_INTRO_LINES = 2
MAX_INTRO_WORDS = 25


def is_form_line(text: str, features: LineFeatures) -> bool:
    """A line of a form: template placeholders, or a short field label marked as required."""
    # Each pattern holds a character most lines lack ("{", "*"): tested first, before any strip.
    if "{" in text and PLACEHOLDER.search(text.strip()):
        return True
    return features.words <= MAX_LABEL_WORDS and not features.sentence_end and "*" in text and bool(REQUIRED_FIELD.match(text.strip()))


def is_empty_field(text: str, features: LineFeatures) -> bool:
    """A form's field label with nothing after its colon ("FIRST NAME:", "Nombre (*):")."""
    return features.words <= MAX_LABEL_WORDS and bool(EMPTY_FIELD.match(text.strip()))


def form_start(lines: list[LineFeatures], texts: list[str], start: int, end: int) -> int:
    """Where the span [start, end) ends when a form stands in it, or starts within MAX_GAP lines
    below it, below the article: above the form's introduction and the lines that are no
    paragraphs above that; `end` when there is none.

    A form is MIN_FORM_LINES form lines within RUN_WINDOW lines, below MIN_PARAGRAPHS_ABOVE
    paragraphs of the article; the first such run decides. A template's form must hold as many
    form lines as paragraphs from its first line down (its help texts: a code sample inside an
    article is followed by more of the article); a run of required-field labels must have no
    paragraph below it at all (a list of short items in an article, "* Flour", is followed by
    more of the article). Two empty fields in a row are a form on their own, with no more
    paragraphs below them inside the span than form lines (the form's fine print)."""
    # The span may stop at the form's first short lines, its introduction kept.
    stop = min(len(lines), end + MAX_GAP + RUN_WINDOW)
    fields = [is_empty_field(texts[i], lines[i]) for i in range(start, stop)]
    flags = [field or is_form_line(texts[i], lines[i]) for i, field in zip(range(start, stop), fields)]
    paragraphs = [is_paragraph(f) for f in lines[start:stop]]
    for offset in range(min(len(flags), end + MAX_GAP - start)):
        window = range(offset, min(offset + RUN_WINDOW, len(flags)))
        # Two empty fields in a row are a form already: an article's own labels with a colon
        # ("Ingredients:") introduce what follows them, never another bare label.
        paired = fields[offset] and offset + 1 < len(fields) and fields[offset + 1]
        if not flags[offset] or (not paired and sum(flags[j] for j in window) < MIN_FORM_LINES):
            continue
        if sum(paragraphs[:offset]) < MIN_PARAGRAPHS_ABOVE:
            return end
        below = sum(paragraphs[offset:])
        templated = any(PLACEHOLDER.search(texts[start + j]) for j in window)
        # A template's form may have its help below it, empty fields their fine print (the terms
        # one accepts by sending): no more paragraphs than the form has lines. For empty fields
        # only those inside the span count: a comment form's thread follows below the span.
        in_span = sum(paragraphs[offset : max(offset, end - start)])
        if below == 0 or (templated and below <= sum(flags[offset:])) or (paired and in_span <= sum(flags[offset:])):
            return min(end, _above_introduction(lines, start + offset, start))
        return end
    return end


def _above_introduction(lines: list[LineFeatures], form: int, start: int) -> int:
    """The first line of the form's block: above up to MAX_INTRO_LINES short sentences that
    introduce it, and above the lines that are no paragraphs between it and the article."""
    first = form
    while form - first < MAX_INTRO_LINES and first - 1 > start:
        intro = lines[first - 1]
        if not intro.sentence_end or intro.words > MAX_INTRO_WORDS:
            break
        first -= 1
    while first - 1 > start and not is_paragraph(lines[first - 1]):
        first -= 1
    return first
