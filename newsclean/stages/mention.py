"""A sentence that mentions an error or a wall, as opposed to the wall's own message.

An error page, a block page or a wall says what it is in short lines, or in sentences dense with
its phrases ("The page you are looking for was not found"). An article about broken links,
outages, paywalls or passwords uses one such phrase in a long sentence of its own words ("A study
found that one in four links now leads to a 404 error page, ..."). Such a sentence is running
text, whatever its language: the signal is the sentence's length and how little of it the phrase
covers, not the phrase. An error's message the sentence quotes ('users saw "service
unavailable" for hours') is reported, not said: it does not count against the sentence.
"""

from __future__ import annotations

from ..model.features import LineFeatures
from ..parse.text import LazyPattern, fold
from ..rules import Rules

# A sentence this long (in words) is long enough to be an article's own.
MENTION_WORDS = 22
# ...or this long when its one phrase is a sign-in or subscription word ("password", "kata sandi",
# "subscribers"): an article on a data breach says "change your password" in sentences of 15
# words. Consent words are left out: a cookie dialog explains itself in sentences that long.
PROMO_MENTION_WORDS = 15
PROMO_KINDS = frozenset({"login_wall", "paywall"})
# ...when the one phrase it holds covers at most this share of its words. (Measured on the
# shared pages' wall lines with a single phrase: from 0.07 on; articles' sentences from 0.01
# to 0.12. Sentences with two phrases or more are left to the wall evidence.)
MENTION_SHARE = 0.125
# A quoted stretch: "...", “...”, „...“, «...», 「...」, 『...』 (bounded: no run over a whole paragraph).
QUOTED = LazyPattern(r'"[^"]{1,80}"|“[^”]{1,80}”|„[^“”]{1,80}[“”]|«[^»]{1,80}»|「[^」]{1,80}」|『[^』]{1,80}』')
QUOTE_MARKS = '"“„«「『'
# The kinds of message an article quotes when it reports an outage or a dead link. A wall's own
# sentences quote its buttons ('click "Accept all"', '"Subscribe"'): those still count.
REPORTED_KINDS = frozenset({"not_found", "server_error", "maintenance", "redirect", "access_denied"})


def outermost(phrases: set[str]) -> list[str]:
    """The phrases not inside another one found with them ("error" inside "404 error")."""
    return [p for p in phrases if not any(p != other and p in other for other in phrases)]


def reported(text: str, rules: Rules) -> set[str]:
    """The error phrases a sentence holds inside quotation marks: messages it reports."""
    found: set[str] = set()
    if not any(mark in text for mark in QUOTE_MARKS):
        return found
    for match in QUOTED.finditer(text):
        for phrase in rules.any_page_kind.find_all((fold(match.group()),)):
            if REPORTED_KINDS.issuperset(rules.page_kinds_of[phrase]):
                found.add(phrase)
    return found


def promotional(phrase: str, rules: Rules) -> bool:
    """A sign-in or subscription phrase, of no other kind (nor generic error text)."""
    kinds = rules.page_kinds_of.get(phrase)
    return bool(kinds) and PROMO_KINDS.issuperset(kinds) and phrase not in rules.error_page.phrases


def is_mention(features: LineFeatures, rules: Rules, text: str) -> bool:
    """Whether a line (its features, and its text for the quotes) is a long sentence of running
    text that only mentions one wall or error phrase, besides those it quotes."""
    # CJK text is left out: a character is no word, so neither length nor share compare.
    if features.cjk or features.words < PROMO_MENTION_WORDS or not (features.is_prose and features.sentence_end):
        return False
    found = set(rules.any_page_kind.find_all(features.folded)) | set(rules.error_page.find_all(features.folded))
    quoted = reported(text, rules)
    phrases = [phrase for phrase in outermost(found) if phrase not in quoted]
    if len(phrases) > 1:
        return False
    if features.words < MENTION_WORDS and not all(promotional(phrase, rules) for phrase in phrases):
        return False
    covered = sum(phrase.count(" ") + 1 for phrase in phrases)
    return covered <= MENTION_SHARE * features.words
