"""An interview goes on below the span: its questions and answers in turn ("How did it start?"
then the answer, "What changed?" then the next). The line model scores a short question and a
short answer low near the page's end, and the span ended above the last exchanges (or on a
question whose answer it left out). When the span itself ends with exchanges of that shape, the
ones below it are the interview's too: a site's prompt below an article ("Enjoyed this story?")
is one question, with no run of exchanges above it."""

from __future__ import annotations

from ..model.features import LineFeatures

# A question is one short sentence ending with a question mark (Latin, CJK full-width, Arabic).
QUESTION_MARKS = ("?", "？", "؟")
MAX_QUESTION_WORDS = 30
# The span ends with this many exchanges (a question over its answer) before more may follow.
MIN_EXCHANGES = 2


def is_question(features: LineFeatures, text: str) -> bool:
    """A short line that ends with a question mark: an interviewer's question."""
    return text.rstrip().endswith(QUESTION_MARKS) and 0 < features.size <= MAX_QUESTION_WORDS


def is_answer(features: LineFeatures, text: str) -> bool:
    """A line that ends a sentence, however short ("Fishing."), and is no lone question (an
    answer of several sentences may end with one: "The question stays: how high is enough?")."""
    return features.sentence_end and (features.sentences >= 2 or not text.rstrip().endswith(QUESTION_MARKS))


def is_exchange(lines: list[LineFeatures], texts: list[str], i: int) -> bool:
    """Lines i and i + 1 are a question over its answer."""
    return is_question(lines[i], texts[i]) and is_answer(lines[i + 1], texts[i + 1])


def exchanges_below(lines: list[LineFeatures], texts: list[str], start: int, end: int, stop: int) -> int:
    """The span's end moved down over the exchanges below it (up to `stop`), when the span ends
    with MIN_EXCHANGES exchanges, or with as many and then a question (its answer left below);
    `end` unchanged otherwise."""
    at = end - 1 if end - 1 >= start and is_question(lines[end - 1], texts[end - 1]) else end
    if at - 2 * MIN_EXCHANGES < start or not all(is_exchange(lines, texts, at - 2 * k) for k in range(1, MIN_EXCHANGES + 1)):
        return end
    while at + 1 < stop and is_exchange(lines, texts, at):
        at += 2
    return max(end, at)
