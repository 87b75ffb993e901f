"""The box the article ends with, below its last paragraph: prompts put to the reader (a question,
a newsletter's sign-up, calls to action and labels around them), or a paywall's box under the
article's text (its prompt, then offers and an account-sharing notice's short lines)."""

from __future__ import annotations

import re
from collections.abc import Sequence

from ..model.features import LineFeatures
from ..rules import Rules
from .boilerplate import mentions_in_passing
from .prompts import MAX_OFFER_WORDS, MAX_WIDGET_WORDS, is_prompt, is_wall_prompt

# The article's own last lines stand under at least this many paragraphs before prompts may be
# read off its end (a short notice is all prompts and labels).
MIN_PARAGRAPHS_ABOVE_PROMPTS = 3
# A question put to the reader below the article ("Enjoyed this story?", "Spotted an error?") is
# short; a question heading (a FAQ's) has its answer below it, so it never ends the article.
MAX_CLOSING_QUESTION_WORDS = 10
# The verdict's TEASER_MAX_WORDS (stages/verdict.py; a test holds the two equal): with less running
# text above a wall's prompt, the page is the wall's teaser, the verdict's to judge.
WALL_ARTICLE_WORDS = 250
QUOTES = "\"'“”„‘’«»「『"
# An article with this many short questions each answered right below it is an interview.
MIN_INTERVIEW_QUESTIONS = 3
# An aside in brackets with words in it ("Sign up (it's quick and free) or sign in now."): prose's,
# not code's (a call's brackets are empty or hold names run together with symbols). Brackets and
# what they hold are matched first, the letter looked for after (without_asides): the pattern with
# the letter inside it, `\([^...]*[^\W\d_][^...]*\)`, retried each split of its two runs on an
# unclosed bracket, quadratic in the line's length (80,000 characters: 8 s).
BRACKETED = re.compile(r"\s?\(([^(){};=<>\[\]]*)\)")
LETTER = re.compile(r"[^\W\d_]")


def is_closing_question(features: LineFeatures, text: str) -> bool:
    """A short question of one sentence, not quoted: a prompt put to the reader."""
    stripped = text.strip()
    return (
        stripped.endswith(("?", "？"))
        and features.sentences <= 1
        and 0 < features.size <= MAX_CLOSING_QUESTION_WORDS
        and not stripped.startswith(tuple(QUOTES))
    )


def is_interview(lines: Sequence[LineFeatures], texts: Sequence[str], stop: int) -> bool:
    """MIN_INTERVIEW_QUESTIONS short questions or more above `stop`, each right over running
    text that ends a sentence (its answer): an interview's questions and answers."""
    answered = sum(1 for i in range(stop - 1) if is_closing_question(lines[i], texts[i])
                   and lines[i + 1].sentence_end and not is_closing_question(lines[i + 1], texts[i + 1]))
    return answered >= MIN_INTERVIEW_QUESTIONS


def without_asides(text: str) -> str:
    """The text without its asides in brackets that hold a letter (brackets holding a letter: "(it's quick and free)", not "()" or "(2)"), in one pass."""
    return BRACKETED.sub(lambda match: "" if LETTER.search(match.group(1)) else match.group(0), text)


def closing_kind(features: LineFeatures, text: str, rules: Rules) -> str | None:
    """What a line below the article's last paragraph is as part of a closing box: a question put
    to the reader, a prompt holding a boilerplate phrase, a call to action, a label, or none."""
    if is_closing_question(features, text):
        return "question"
    plain = without_asides(text)
    if not is_prompt(features, plain, rules):
        if not features.is_prose and not features.sentence_end and features.size < MAX_WIDGET_WORDS:
            return "label"
        return None
    # A prompt holding a boilerplate phrase ("Sign up for our daily newsletter") is the site's; a
    # call to action or an address that holds none ("Read the full report here.") may be the
    # article's own.
    phrases = list(rules.boilerplate_phrases.find_all(features.folded))
    if rules.boilerplate_lines.equals(features.folded) or (phrases and not mentions_in_passing(plain, features, phrases, rules)):
        return "phrase"
    return "call"


def closing_prompts(lines: Sequence[LineFeatures], texts: Sequence[str], rules: Rules) -> dict[int, str]:
    """The box of prompts the kept text ends with, below the article's last paragraph: a question
    put to the reader ("Would you like to comment on this article?", "Spotted an error?") or a
    prompt holding a boilerplate phrase ("Sign up for our daily newsletter ..."), with the calls
    to action and labels around it ("Sign up (it's quick and free) or sign in now.", "Einmal
    zahlen"). A call to action alone ("Read the full report here.", "Hier solle sich ...") may be
    the article's own last sentence: it goes only in such a box."""
    paragraphs_above = sum(1 for f in lines if f.is_prose)
    run: list[tuple[int, str]] = []  # (position, kind), from the last line up
    for position in range(len(lines) - 1, 0, -1):
        features = lines[position]
        paragraphs_above -= features.is_prose
        kind = closing_kind(features, texts[position], rules)
        if paragraphs_above < MIN_PARAGRAPHS_ABOVE_PROMPTS or kind is None:
            break
        run.append((position, kind))
    # In an interview, a question ending the kept text is the interviewer's (its answer may have
    # been cut as a short line below the article): only a boilerplate phrase anchors a box there.
    asked = ("question", "phrase") if not run or not is_interview(lines, texts, run[-1][0]) else ("phrase",)
    anchors = [i for i, (_, kind) in enumerate(run) if kind in asked]
    if not anchors:
        return {}
    # The box starts at its first question or phrase, under the labels right above it (a heading).
    first = anchors[-1]
    while first + 1 < len(run) and run[first + 1][1] == "label":
        first += 1
    return {position: "a box of prompts below the article's last paragraph" for position, _ in run[: first + 1]}


def wall_box_below(lines: Sequence[LineFeatures], texts: Sequence[str], rules: Rules) -> dict[int, str]:
    """A paywall's or sign-in wall's prompt under WALL_ARTICLE_WORDS words of running text or more
    ("Il vous reste 57% de cet article à lire. La suite est réservée aux abonnés.") with nothing
    but a box's short lines below it (MAX_OFFER_WORDS words at most each: offers, an account-sharing
    notice's questions and answers): the prompt and the box go, the article's text above stays.
    A paragraph below the prompt is the article going on (a page that ships the whole text)."""
    last_long = max((i for i, f in enumerate(lines) if f.size > MAX_OFFER_WORDS), default=-1)
    prose = 0.0
    for position in range(last_long + 1):
        features = lines[position]
        if not is_wall_prompt(features, rules):
            prose += features.size if features.is_prose else 0.0
    for position in range(last_long + 1, len(lines)):
        if prose >= WALL_ARTICLE_WORDS and is_wall_prompt(lines[position], rules):
            prompt = texts[position].strip()[:40]
            return dict.fromkeys(range(position, len(lines)), f'a wall\'s box below the article\'s text (from its prompt "{prompt}")')
        prose += lines[position].size if lines[position].is_prose else 0.0
    return {}
