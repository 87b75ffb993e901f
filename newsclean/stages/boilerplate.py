"""Lines that are boilerplate wherever they stand: share and follow labels, newsletter and
subscribe prompts, copyright lines, separators, advertising labels; teasers for other stories
slideshows and a gallery's counter (widgets.py)."""

from __future__ import annotations

import re

from ..config import Config
from ..document import Document, Stage
from ..model.features import LineFeatures, analyze
from ..parse.text import ends_sentence, fold, phrase_as_written
from ..rules import Rules, load_rules
from .headline_choice import AGENCY_CREDIT
from .markers import is_end_marker
from .widgets import lone_counters, slideshows, teasers

# A label ("Share", "Advertisement") is a line of at most this many words equal to a phrase.
MAX_LABEL_WORDS = 4
# A prompt ("Sign up for our newsletter") is a short line containing a phrase.
MAX_PROMPT_WORDS = 20
MAX_COPYRIGHT_WORDS = 30
# "Lire aussi : Article réservé à nos abonnés <headline>": a link line's title may run long.
MAX_LINK_LINE_WORDS = 40
# "RELATED: ...": a link line's label is short.
MAX_LINK_LABEL_CHARS = 40
# A photo credit standing alone ("Photo: Jane Doe/Reuters") is short.
MAX_CREDIT_WORDS = 12
# A copyright notice's words inside a sentence this long, and not at its start, are prose.
MIN_PROSE_NOTICE_WORDS = 12
NOTICE_START_CHARS = 3
# A line mentions a phrase in passing when it has at least this many words and the phrase is
# less than this share of them (a prompt is mostly its phrase: "Get our newsletter").
MIN_PASSING_WORDS = 5
MAX_PHRASE_SHARE = 1 / 3
# An aside in brackets: "[Get New York Today in your inbox.]", "(Sign up for alerts here)".
ASIDE = re.compile(r"^[\[(（【].*[\])）】][.!]?$")
# A line that opens with a quotation and goes on after it ('"Follow us," the captain told them ...')
# is someone's words in running text: the phrase at its start is theirs, not a prompt's.
QUOTED_OPENING = re.compile(r"^[\"“„«»「『‘][^\"“”„«»「」『』‘’]{1,200}[\"”“»«」』’][\s,;.–—-]*(?:[^\W\d_][\w'’-]*[\s,]+){2}")
# A code listing's closing line: "}", "};", "})", "]);" (no words, but not a separator).
CODE_CLOSER = re.compile(r"^\s*[\])}][\])};,]*\s*$")
# How far above a closer the code it closes is looked for.
CODE_LOOKBACK = 30
# "© 2024 ...", "(c) 2024", "Copyright 2024 ..." or "All rights reserved"; not "a copyright dispute".
COPYRIGHT = re.compile(
    r"©|\(c\)\s*\d{4}|\bcopyright\s*(?:©|\(c\))?\s*(?:\d{4}|by\b)|\ball rights reserved\b", re.IGNORECASE
)


NO_WORDS = "no words (a separator or symbols)"
# "Photo: Jane Doe", "Foto: dpa", "Spencer Platt/Getty Images": a credit label or an agency credit.
CREDIT_LABEL = re.compile(r"^\(?([^\W\d_]+(?: [^\W\d_]+)?)\s?:")


def is_credit(text: str, features: LineFeatures, rules: Rules) -> bool:
    """A photo credit on its own line: it opens with a caption label and a colon ("Photo: ...",
    "Foto: ..."), or starts with one followed by a byline ("Photo by ..."), or names the
    photographer/agency with a slash ("Spencer Platt/Getty Images")."""
    # Both patterns need a literal character (a colon, a slash): most lines are ruled out by one
    # substring test instead of a regular-expression search.
    label = CREDIT_LABEL.match(text) if ":" in text else None
    if label and rules.captions.equals((fold(label.group(1)),)):
        return True
    first = rules.captions.prefix(features.folded)
    if first and any(rules.bylines.prefix((reading[len(first):].lstrip(),)) for reading in features.folded if reading.startswith(first)):
        return True
    return "/" in text and AGENCY_CREDIT.search(text) is not None and not ends_sentence(text)


def has_copyright(text: str) -> bool:
    """True when the start of a line holds a copyright notice (see COPYRIGHT)."""
    head = text[:500]
    if head.isascii():
        # Every alternative holds one of these literally (ignoring case; in ASCII text no other
        # letter matches them): most lines are ruled out without the case-insensitive search.
        low = head.lower()
        if "(c)" not in low and "copyright" not in low and "all rights reserved" not in low:
            return False
    else:
        # Beyond ASCII, ignoring case makes only the i (İ, ı) and the s (ſ) match other letters:
        # these parts of the alternatives hold neither, so a line without them holds no notice.
        low = head.lower()
        if "©" not in head and "(c" not in low and "opyr" not in low and "ll r" not in low:
            return False
    return COPYRIGHT.search(head) is not None


def copyright_in_passing(text: str, features: LineFeatures) -> bool:
    """A sentence of running text that mentions a copyright notice's words ("The band said all
    rights reserved by the label would return to them."), not a notice: long, ending like a
    sentence, and not opening with the notice."""
    if not (features.is_prose and features.sentence_end and features.words >= MIN_PROSE_NOTICE_WORDS):
        return False
    match = COPYRIGHT.search(text[:500])
    return match is not None and match.start() > NOTICE_START_CHARS


def link_label(text: str, rules: Rules) -> str | None:
    """The label of a link line: "RELATED: Lake levels fall", "Read more: ...", "Lesen Sie auch:
    ..." (a marker or boilerplate phrase, then a colon, then a title with no full stop)."""
    head, colon, rest = text.partition(":")
    if not colon:
        head, colon, rest = text.partition("：")  # CJK text's full-width colon: "延伸阅读：…"
    if not colon or not rest.strip() or len(head) > MAX_LINK_LABEL_CHARS or ends_sentence(rest):
        return None
    folded = (fold(head),)
    return rules.end_markers.equals(folded) or rules.boilerplate_phrases.equals(folded) or rules.boilerplate_lines.equals(folded)


# The reason a link line is removed with (the title stage reads it: see section_kicker).
LINK_LINE = "link line"


def section_kicker(text: str, rules: Rules) -> bool:
    """A link line whose label only names a section ("Video: Floods cut off 40 villages",
    "動画：..."): over the body it is the headline with its kicker, where a read-on label
    ("Related: ...", "Read more: ...") never is."""
    label = link_label(text, rules)
    if label is None:
        return False
    folded = (label,)
    return rules.end_markers.equals(folded) is None and rules.boilerplate_phrases.equals(folded) is None


def boilerplate_reason(text: str, features: LineFeatures, rules: Rules) -> str | None:
    """Why a line is boilerplate on its own, or None."""
    if features.words == 0:
        return NO_WORDS
    label = rules.boilerplate_lines.equals(features.folded) if features.words <= MAX_LABEL_WORDS else None
    if label:
        return f'navigation or share label ("{phrase_as_written(label, text)}")'
    if features.words <= MAX_COPYRIGHT_WORDS and has_copyright(text) and not copyright_in_passing(text, features):
        return "copyright line"
    if features.words <= MAX_CREDIT_WORDS and not features.is_prose and is_credit(text, features, rules):
        return "photo credit"
    if features.words <= MAX_LINK_LINE_WORDS and (":" in text or "：" in text):  # most lines hold no colon: no call
        label = link_label(text, rules)
        if label:
            return f'{LINK_LINE} ("{phrase_as_written(label, text)}:")'
    if features.words <= MAX_PROMPT_WORDS:
        # A one-word phrase ("newsletter") only marks a short line; a longer line needs more.
        short = features.words <= MAX_LABEL_WORDS * 2
        found = [p for p in rules.boilerplate_phrases.find_all(features.folded) if " " in p or short]
        if found and not mentions_in_passing(text, features, found, rules):
            return f'boilerplate phrase ("{phrase_as_written(found[0], text)}")'
    return None


def page_boilerplate_reason(doc: Document, position: int, rules: Rules) -> str | None:
    """boilerplate_reason of the page's line at `position`, computed once per page: the footer and
    title stages ask again about lines this stage has read."""
    analysis = analyze(doc, rules)
    answers = analysis.line_answers.setdefault("boilerplate", {})
    if position in answers:
        return answers[position]
    reason = answers[position] = boilerplate_reason(doc.blocks[position].text, analysis.lines[position], rules)
    return reason


def mentions_in_passing(text: str, features: LineFeatures, phrases: list[str], rules: Rules) -> bool:
    """The line only mentions the phrase in running text: a sentence or a headline of which
    the phrase is a small part ("Its weekly newsletter has 2 million subscribers."), not a label
    or a prompt ("Newsletter", "Read more: ...", "Sign up for our newsletter").

    A prompt is mostly its phrases, or starts with one or with a label ("Sign up for our morning
    newsletter and ..."), or ends with a colon after a call to action ("... Subscribe to our
    newsletter to receive:", not "The output looks like this:"), or is an aside in brackets ("[Get the day's news
    in your inbox.]"); a line of running text has words enough of its own.

    >>> from newsclean.model.features import line_features
    >>> from newsclean.rules import load_rules
    >>> said = '"We have never seen anything like this," the mayor said.'
    >>> mentions_in_passing(said, line_features(said, frozenset()), ["like this"], load_rules())
    True
    >>> prompt = "Sign up for our newsletter"
    >>> mentions_in_passing(prompt, line_features(prompt, frozenset()), ["sign up for our newsletter"], load_rules())
    False
    """
    stripped = text.strip()
    if features.words < MIN_PASSING_WORDS or ASIDE.match(stripped):
        return False
    if stripped.endswith((":", "：")) and any(rules.calls_to_action.prefix((phrase,)) for phrase in phrases):
        return False  # "... Subscribe to our newsletter to receive:" (not "The output looks like this:")
    if not QUOTED_OPENING.match(stripped):  # (someone's words opening a sentence: the phrase is theirs)
        if any(reading.startswith(phrase) for reading in features.folded for phrase in phrases):
            return False  # "Read more: ...", "Copyright Acme Media"
        label = rules.boilerplate_lines.prefix(features.folded)
        if label and (" " in label or not features.sentence_end):
            return False  # "Sign up for ...", "Subscribe now and ...": a prompt led by a label
        if not features.sentence_end and rules.calls_to_action.prefix(features.folded):
            return False  # "Simak berita lainnya di Google News": a call to action, no sentence
    return sum(phrase.count(" ") + 1 for phrase in phrases) < MAX_PHRASE_SHARE * features.words


def closes_code(texts: list[str], position: int) -> bool:
    """The line closes a code listing: brackets only ("}", "};"), below a line that opens a block
    ("function f() {") that is still open."""
    if not CODE_CLOSER.match(texts[position]):
        return False
    depth = 0
    for text in reversed(texts[max(0, position - CODE_LOOKBACK) : position]):
        depth += text.count("}") - text.count("{")
        if depth < 0:
            return True  # an unclosed "{" above: this line closes it
    return False


def mark_boilerplate(doc: Document, config: Config) -> Document:
    """Remove lines that are boilerplate by themselves, wherever they are on the page."""
    rules = load_rules(config.rule_files)
    analysis = analyze(doc, rules)
    lines = analysis.lines
    texts = [b.text for b in doc.blocks]
    answers = analysis.line_answers.setdefault("boilerplate", {})  # (see page_boilerplate_reason)
    # A dump repeats its menus and labels: a text's reason is found once (it depends on the text
    # and its features alone, and copies of a text share their features).
    by_text: dict[str, str | None] = {}
    for position, (block, features) in enumerate(zip(doc.blocks, lines)):
        reason = None
        if block.removal is None:
            text = block.text
            if text not in by_text:
                by_text[text] = boilerplate_reason(text, features, rules)
            reason = answers[position] = by_text[text]
        # End-of-article markers ("Comments") are left to main_text: they tell where the article
        # ends (tested only for the few lines with a reason: both tests are pure).
        if not reason or is_end_marker(features, rules):
            continue
        if reason == NO_WORDS and closes_code(texts, position):
            continue  # the "}" of a code listing in the article is part of it
        block.remove(Stage.BOILERPLATE, reason)
    mark_widgets(doc, rules)
    return doc


def mark_widgets(doc: Document, rules: Rules) -> None:
    """Remove teasers for other stories, slideshows and lone gallery counters among the kept
    blocks (widgets.py)."""
    kept = doc.kept_positions()
    texts = [doc.blocks[i].text for i in kept]
    marks = lone_counters(texts)
    marks.update(slideshows(texts))
    marks.update(teasers(texts, rules))
    for position, reason in sorted(marks.items()):
        doc.blocks[kept[position]].remove(Stage.BOILERPLATE, reason)
