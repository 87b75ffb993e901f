"""A site's menu inside the span (stages/menu_gap.py): a long run of short labels that weighs
against the span splits it, however heavy the text on both sides; code and tables do not."""

from __future__ import annotations

from newsclean.config import DEFAULT_CONFIG
from newsclean.model.features import line_features
from newsclean.rules import load_rules
from newsclean.stages.main_text import article_span
from newsclean.stages.menu_gap import MENU_RUN, parts_across_menus

ENGLISH = load_rules().stopwords["en"]

CONSENT = [
    "We and our partners store and read information on your device to show you content and ads that suit you and to measure them.",
    "You can choose which purposes you agree to and change your choice at any time in the settings linked at the foot of each page.",
    "Some partners do not ask for your consent and rely on their legitimate interest instead, which you may object to in the settings.",
]
ARTICLE = [
    "The club named its youth coach as the interim manager on Monday after a run of six defeats left the team close to relegation.",
    "He said the players owed the supporters a proper effort in the last four games, whatever the table might say after the weekend.",
    "The board will choose a permanent manager in the summer, when it knows which division the club will play in next season.",
    "Several young players from the reserve team may get their first games in the league before the season is over in May.",
]
LABELS = ["News", "Live", "Video", "Podcasts", "Games", "Shop", "Football", "Handball", "Hockey", "Basketball",
          "Tennis", "Cycling", "Golf", "Rugby", "Sailing", "Boxing"]
CODE = [f"x{i} = f(y);" for i in range(MENU_RUN)]
FIGURES = [f"{2000 + i} {40 + i}.5" for i in range(MENU_RUN)]


def span_of(gap: list[str]) -> tuple[int, int]:
    """The span of the consent box, the gap and the article, the gap's lines scored low."""
    texts = [*CONSENT, *gap, *ARTICLE]
    lines = [line_features(t, ENGLISH) for t in texts]
    scores = [-1.0 if len(CONSENT) <= i < len(CONSENT) + len(gap) else 1.0 for i in range(len(texts))]
    return article_span(lines, texts, scores, {}, DEFAULT_CONFIG, load_rules())[:2]


def test_a_long_menu_between_a_consent_box_and_the_article_splits_the_span() -> None:
    # Both sides outweigh the menu, so the heaviest span runs across it; the article is the heavier side.
    start, end = span_of(LABELS)
    assert (start, end) == (len(CONSENT) + len(LABELS), len(CONSENT) + len(LABELS) + len(ARTICLE))


def test_a_short_menu_does_not_split_the_span() -> None:
    # A few labels between paragraphs (a toolbar, a box's links): the span runs across them.
    assert span_of(LABELS[: MENU_RUN - 1])[0] == 0


def test_a_code_block_does_not_split_the_span() -> None:
    # As many lines as a menu that splits, and as cheap: a code block's lines are short too.
    assert span_of(CODE)[0] == 0


def test_a_table_of_figures_does_not_split_the_span() -> None:
    assert span_of(FIGURES)[0] == 0


def test_a_cheap_menu_does_not_split_the_span() -> None:
    # The menu costs little beside the text on either side: one article with a long list in it.
    gains = [100.0, 100.0, *[-1.0] * MENU_RUN, 100.0, 100.0]
    texts = ["x" * 20, "x" * 20, *LABELS[:MENU_RUN], "x" * 20, "x" * 20]
    lines = [line_features(t, ENGLISH) for t in texts]
    assert parts_across_menus(lines, texts, gains, 0, len(gains)) == [(0, len(gains))]
    costly = [100.0, 100.0, *[-10.0] * MENU_RUN, 100.0, 100.0]
    assert parts_across_menus(lines, texts, costly, 0, len(gains)) == [(0, 2), (2 + MENU_RUN, len(gains))]


def test_the_span_across_a_menu_keeps_the_score_of_the_part_it_takes() -> None:
    # Later steps weigh the span by its score (a legal footer's text against it): after a split,
    # the score is the kept part's, not the whole bridged span's.
    from newsclean.stages.main_text import across_menu_gap

    texts = [*CONSENT, *LABELS, *ARTICLE]
    lines = [line_features(t, ENGLISH) for t in texts]
    gains = [-1.0 if len(CONSENT) <= i < len(CONSENT) + len(LABELS) else 10.0 for i in range(len(texts))]
    start, end, score = across_menu_gap(lines, texts, gains, (0, len(texts), sum(gains)))
    assert (start, end) == (len(CONSENT) + len(LABELS), len(texts))
    assert score == sum(gains[start:end])
