"""The article span of made-up lines whose first ones the line model is taken to score high: the
tests of what carries the span on below it read it this way."""

from __future__ import annotations

from newsclean.config import DEFAULT_CONFIG
from newsclean.model.features import line_features
from newsclean.rules import load_rules
from newsclean.stages.main_text import article_span

ENGLISH = load_rules().stopwords["en"]


def span_of(texts: list[str], scored: int) -> tuple[int, int]:
    """The span of English texts whose first `scored` lines score high and the rest low."""
    lines = [line_features(t, ENGLISH) for t in texts]
    scores = [1.0 if i < scored else -1.0 for i in range(len(texts))]
    return article_span(lines, texts, scores, {}, DEFAULT_CONFIG, load_rules())[:2]
