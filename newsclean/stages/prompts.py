"""What a prompt is: a short line that calls the reader to act ("Subscribe now", "Sign up for our
newsletter", an e-mail address), or a paywall's or sign-in wall's; and how long the widgets' lines
that hold them run. Read by in_span.py (a widget between two prompts) and closing_box.py (the box
of prompts the article ends with)."""

from __future__ import annotations

import re

from ..model.features import LineFeatures
from ..rules import PAGE_KIND_PROMPT, Rules
from .boilerplate import mentions_in_passing

# A prompt is short ("Sign In or Create an Account", "We encountered an issue signing you up.
# Please try again").
MAX_PROMPT_WORDS = 20
# A widget's label is short ("Article content", "Buy now", "View 6 Images").
MAX_WIDGET_WORDS = 8
# A subscription box's offer lists what it gives, one line of it up to this long ("Exclusive
# articles from ... and others. Plus, ... newsletters"); a wall's box below the article holds only
# lines this short.
MAX_OFFER_WORDS = 30
# Code has short repeated lines too ("});", "return x;"): its symbols are never a widget's.
CODE_SYMBOLS = re.compile(r"[{}();=<>\[\]]")
# Starts only where its run starts (the look-behind): unanchored, a long token with no "@" would be
# rescanned from each of its positions (quadratic).
EMAIL = re.compile(r"(?<![\w.+-])[\w.+-]+@[\w-]+\.\w{2,}")


def is_prompt(features: LineFeatures, text: str, rules: Rules) -> bool:
    """A short line that opens with a call to action ("Subscribe now", "Get email updates ..."),
    holds a boilerplate phrase, is a share or navigation label, or gives an e-mail address."""
    if features.words == 0 or features.size > MAX_PROMPT_WORDS:
        return False
    stripped = text.strip()
    if stripped.endswith((":", "：")) or CODE_SYMBOLS.search(stripped):
        return False  # a lead-in to what follows, or code
    if rules.calls_to_action.prefix(features.folded) or rules.boilerplate_lines.equals(features.folded) or ("@" in stripped and EMAIL.search(stripped)):
        return True
    # A phrase counts when the line is a prompt made of it, not a sentence that mentions it
    # ("Its weekly newsletter has 2 million subscribers.").
    phrases = list(rules.boilerplate_phrases.find_all(features.folded))
    return bool(phrases) and not mentions_in_passing(text, features, phrases, rules)


def is_wall_prompt(features: LineFeatures, rules: Rules) -> bool:
    """A short line holding a paywall's or sign-in wall's prompt (the rules' page_kinds.wall_prompt)."""
    if features.words == 0 or features.size > MAX_PROMPT_WORDS:
        return False
    return rules.page_kinds[PAGE_KIND_PROMPT].first(features.folded) is not None
