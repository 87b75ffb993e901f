"""The fine print of a sign-up box inside the article: the consent or privacy line printed right
next to the box's prompt ("By clicking "Sign Up", you accept our Terms of Service and Privacy
Policy.", "By providing your email address, you agree to our Terms and Privacy Policy."), which
the boilerplate stage left because it is a sentence that mentions its phrase in passing.

Next to a prompt that is gone (a sign-up button, "Thanks for signing up!"), a short line holding a
boilerplate phrase anywhere goes too, and so on outward while such lines follow one another; a
kept prompt with such a line beside it goes with it (one prompt alone may be a how-to's
sentence). Away from a prompt, a sentence that mentions a newsletter or a privacy policy stays.
"""

from __future__ import annotations

from collections.abc import Container, Sequence

from ..model.features import LineFeatures
from ..parse.text import is_list_item
from ..rules import Rules
from .boilerplate import MAX_LABEL_WORDS
from .prompts import CODE_SYMBOLS, EMAIL, MAX_OFFER_WORDS, is_prompt

MAX_SHORT_WORDS = MAX_LABEL_WORDS * 2


def is_signup_prompt(features: LineFeatures, text: str, rules: Rules) -> bool:
    """A prompt that opens with a call to action ("Sign up", "Thanks for signing up!") or gives an
    e-mail address: not a bare label ("Advertisement") or a phrase alone ("Copyright")."""
    if not is_prompt(features, text, rules):
        return False
    return rules.calls_to_action.prefix(features.folded) is not None or ("@" in text and EMAIL.search(text) is not None)


def is_fine_print(features: LineFeatures, text: str, rules: Rules) -> bool:
    """A short line (at most MAX_OFFER_WORDS words, no list item, no code) holding a boilerplate
    phrase anywhere, in passing or not ("... you accept our Terms of Service and Privacy Policy.")."""
    if not 0 < features.words <= MAX_OFFER_WORDS:
        return False
    stripped = text.strip()
    if is_list_item(stripped) or CODE_SYMBOLS.search(stripped):
        return False
    # A one-word phrase ("copyright", "newsletter") only in a short line, as the boilerplate stage
    # reads it ("This article first appeared at ... Copyright 2015." is a sign-off golds keep).
    short = features.words <= MAX_SHORT_WORDS
    return any(" " in phrase or short for phrase in rules.boilerplate_phrases.find_all(features.folded))


def fine_print(
    page_lines: Sequence[LineFeatures], page_texts: Sequence[str], kept: Sequence[int], gone: Container[int], rules: Rules
) -> dict[int, str]:
    """Kept lines (positions among `kept`, the kept lines' page positions) of fine print right next
    on the page to a sign-up prompt that is `gone` (page positions removed, by an earlier stage or
    this one), or to fine print taken so: the consent and privacy lines of a sign-up box."""
    where = {i: position for position, i in enumerate(kept)}
    marks: dict[int, str] = {}
    # Only the removed lines right next to a kept one are read (not all the page's furniture).
    beside = sorted({j for i in kept for j in (i - 1, i + 1) if j in gone and 0 <= j < len(page_lines)})
    anchors = [i for i in beside if is_signup_prompt(page_lines[i], page_texts[i], rules)]
    # A kept sign-up prompt with fine print right next to it is such a box too ("Jetzt
    # Anmelden!" over "Mit meiner Anmeldung zum Newsletter stimme ich ... zu.").
    for position, i in enumerate(kept):
        if i in gone or not is_signup_prompt(page_lines[i], page_texts[i], rules):
            continue
        if any(j in where and j not in gone and is_fine_print(page_lines[j], page_texts[j], rules) for j in (i - 1, i + 1)):
            marks[position] = "the prompt of a sign-up box (over its fine print)"
            anchors.append(i)
    while anchors:
        anchor = anchors.pop()
        for i in (anchor - 1, anchor + 1):
            position = where.get(i)
            if position is None or position in marks or i in gone:
                continue
            if is_fine_print(page_lines[i], page_texts[i], rules):
                marks[position] = f'the fine print of a sign-up box (next to "{page_texts[anchor].strip()[:30]}")'
                anchors.append(i)
    return marks
