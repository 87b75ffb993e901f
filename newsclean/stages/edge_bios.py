"""An author's biography at the article's edge, with no byline to match it: the first or last
running line opens with a person's name and a phrase that introduces a biography right after it
(rules' author_bios: "is our", "writes about", "berichtet", "est journaliste"), and no other line of
the article names that person. An article about someone names them again ("..., Doe said"); its
author's note names them once, above or below it.

The box's labels beside it ("Senior writer", "View all articles", "Follow ... on ...") go with it
when they name no topic word of the article (reader_notes.py).
"""

from __future__ import annotations

import re
from collections.abc import Sequence

from ..model.features import LineFeatures
from ..parse.text import fold
from ..rules import Rules
from .author_box import BYLINE_WORDS, NAME_PART, NAME_WORDS

# The article holds this many paragraphs, the biography among them.
MIN_PARAGRAPHS = 4
# A biography is a short paragraph: this many words at most, and more than a name.
MIN_BIO_WORDS = 4
MAX_BIO_WORDS = 60
# A particle inside a name is a short lowercase word ("de", "van", "dos").
MAX_PARTICLE_LETTERS = 3

REASON = "an author's biography at the article's edge, naming a person the article does not"


def is_name(words: Sequence[str]) -> bool:
    """Capitalised words, a short lowercase particle between them ("Ana dos Santos"), the last no
    initial: a person's name. A word in capitals is an acronym ("FA Insights", a newsletter's name)."""
    def capitalised(word: str) -> bool:
        return bool(NAME_PART.match(word)) and word[0].isupper() and (len(word.rstrip(".")) == 1 or not word.isupper())

    inner = words[1:-1]
    return (
        len(words) >= 2
        and capitalised(words[0])
        and capitalised(words[-1])
        and len(words[-1].rstrip(".")) > 1
        and all(capitalised(word) or (word.isalpha() and word.islower() and len(word) <= MAX_PARTICLE_LETTERS) for word in inner)
    )


def bio_name(text: str, rules: Rules) -> str | None:
    """The name a biography opens with (2 to 4 words), followed by one of the rules' author_bios
    phrases; or None. The longest name that is followed by one is taken."""
    words = text.split(maxsplit=max(NAME_WORDS))
    for size in sorted(NAME_WORDS, reverse=True):
        if len(words) <= size or not is_name(words[:size]):
            continue
        rest = fold(" ".join(words[size:]))
        if rest and rules.author_bios.prefix((rest,)):
            return " ".join(words[:size])
    return None


def edge_bios(lines: Sequence[LineFeatures], texts: Sequence[str], prose: Sequence[int], rules: Rules) -> list[int]:
    """Positions of the first or last running line (`prose`: the positions of running text) that
    is an author's biography (see the module)."""
    if len(prose) < MIN_PARAGRAPHS or not rules.author_bios.phrases:
        return []
    found = []
    for i in sorted({prose[0], prose[-1]}):
        if not MIN_BIO_WORDS <= lines[i].size <= MAX_BIO_WORDS:
            continue
        name = bio_name(texts[i], rules)
        if name is None:
            continue
        # The article's lines longer than a byline (a follow link or a photo credit may name the author).
        others = (texts[j] for j in range(len(lines)) if j != i and lines[j].size > BYLINE_WORDS)
        pattern = name_pattern(name)
        if not any(pattern.search(text) for text in others):
            found.append(i)
    return found


def name_pattern(name: str) -> re.Pattern[str]:
    """Any of the name's words of 3 letters or more as a whole word, as written ("Doe" in "Doe said";
    "de" of "Pieter de Wit" is no name of its own)."""
    parts = [re.escape(word) for word in name.split() if len(word.rstrip(".")) >= 3 and word[0].isupper()]
    return re.compile(rf"(?<!\w)(?:{'|'.join(parts)})(?!\w)") if parts else re.compile(r"(?!)")
