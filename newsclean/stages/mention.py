"""A sentence that mentions an error or a wall, as opposed to the wall's own message.

An error page, a block page or a wall says what it is in short lines, or in sentences dense with
its phrases ("The page you are looking for was not found"). An article about broken links,
outages, paywalls or passwords uses one such phrase in a long sentence of its own words ("A study
found that one in four links now leads to a 404 error page, ..."). Such a sentence is running
text, whatever its language: the signal is the sentence's length and how little of it the phrase
covers, not the phrase.
"""

from __future__ import annotations

from ..model.features import LineFeatures
from ..rules import Rules

# A sentence this long (in words) is long enough to be an article's own.
MENTION_WORDS = 22
# ...when the one phrase it holds covers at most this share of its words. (Measured on the
# shared pages' wall lines with a single phrase: from 0.07 on; articles' sentences from 0.01
# to 0.12. Sentences with two phrases or more are left to the wall evidence.)
MENTION_SHARE = 0.125


def outermost(phrases: set[str]) -> list[str]:
    """The phrases not inside another one found with them ("error" inside "404 error")."""
    return [p for p in phrases if not any(p != other and p in other for other in phrases)]


def is_mention(features: LineFeatures, rules: Rules) -> bool:
    """Whether a line is a long sentence of running text that only mentions one wall or error phrase."""
    # CJK text is left out: a character is no word, so neither length nor share compare.
    if features.cjk or features.words < MENTION_WORDS or not (features.is_prose and features.sentence_end):
        return False
    found = set(rules.any_page_kind.find_all(features.folded)) | set(rules.error_page.find_all(features.folded))
    phrases = outermost(found)
    if len(phrases) > 1:
        return False
    covered = sum(phrase.count(" ") + 1 for phrase in phrases)
    return covered <= MENTION_SHARE * features.words
