"""Lines that are boilerplate wherever they stand: share and follow labels, newsletter and
subscribe prompts, copyright lines, separators, advertising labels."""

from __future__ import annotations

import re

from ..config import Config
from ..document import Document, Stage
from ..model.features import LineFeatures, analyze
from ..parse.text import phrase_as_written
from ..rules import Rules, load_rules
from .markers import is_end_marker

# A label ("Share", "Advertisement") is a line of at most this many words equal to a phrase.
MAX_LABEL_WORDS = 4
# A prompt ("Sign up for our newsletter") is a short line containing a phrase.
MAX_PROMPT_WORDS = 20
MAX_COPYRIGHT_WORDS = 30
# "© 2024 ...", "(c) 2024", "Copyright 2024 ..." or "All rights reserved"; not "a copyright dispute".
COPYRIGHT = re.compile(
    r"©|\(c\)\s*\d{4}|\bcopyright\s*(?:©|\(c\))?\s*(?:\d{4}|by\b)|\ball rights reserved\b", re.IGNORECASE
)


def has_copyright(text: str) -> bool:
    """True when the start of a line holds a copyright notice (see COPYRIGHT)."""
    head = text[:500]
    if head.isascii():
        # Every alternative holds one of these literally (ignoring case; in ASCII text no other
        # letter matches them): most lines are ruled out without the case-insensitive search.
        low = head.lower()
        if "(c)" not in low and "copyright" not in low and "all rights reserved" not in low:
            return False
    return COPYRIGHT.search(head) is not None


def boilerplate_reason(text: str, features: LineFeatures, rules: Rules) -> str | None:
    """Why a line is boilerplate on its own, or None."""
    if features.words == 0:
        return "no words (a separator or symbols)"
    label = rules.boilerplate_lines.equals(features.folded) if features.words <= MAX_LABEL_WORDS else None
    if label:
        return f'navigation or share label ("{phrase_as_written(label, text)}")'
    if features.words <= MAX_COPYRIGHT_WORDS and has_copyright(text):
        return "copyright line"
    if features.words <= MAX_PROMPT_WORDS:
        # A one-word phrase ("newsletter") only marks a short line; a longer line needs more.
        short = features.words <= MAX_LABEL_WORDS * 2
        phrase = next((p for p in rules.boilerplate_phrases.find_all(features.folded) if " " in p or short), None)
        if phrase:
            return f'boilerplate phrase ("{phrase_as_written(phrase, text)}")'
    return None


def mark_boilerplate(doc: Document, config: Config) -> Document:
    """Remove lines that are boilerplate by themselves, wherever they are on the page."""
    rules = load_rules(config.rule_files)
    lines = analyze(doc, rules).lines
    for block, features in zip(doc.blocks, lines):
        # End-of-article markers ("Comments") are left to main_text: they tell where the article ends.
        if block.kept and not is_end_marker(features, rules):
            reason = boilerplate_reason(block.text, features, rules)
            if reason:
                block.remove(Stage.BOILERPLATE, reason)
    return doc
