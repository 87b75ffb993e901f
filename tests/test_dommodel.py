"""The page model (model/dommodel.py) and the DOM-aware span stage (stages/dom_text.py): columns,
shipped weights, and what the markup decides on a page."""

from __future__ import annotations

import json
from pathlib import Path

from pages import PARAGRAPHS, TITLE

import newsclean
from newsclean import Config
from newsclean.document import DomFeatures
from newsclean.model import dommodel
from newsclean.model.linemodel import FEATURE_NAMES

FAST = Config(html_engine="fast")
WEIGHTS = Path(dommodel.__file__).with_name("dommodel.json")
# Comments written as sentences: only the markup says they are not the article.
COMMENTS = [
    "I walked past that freight yard every morning for years and always wondered why nobody had done anything with it.",
    "Great news for the families on the east side, although I would like to know who pays for the lamps on the path.",
    "The council should publish the full costs before the work starts, otherwise we will be paying for it for decades.",
]


def page(comments_class: str) -> str:
    """A page whose article is followed by a block of comments in a div of the given class."""
    body = "\n".join(f"<p>{p}</p>" for p in PARAGRAPHS)
    comments = "\n".join(f'<div class="entry"><p>{c}</p></div>' for c in COMMENTS)
    return (f"<html lang='en'><head><title>{TITLE}</title></head><body><div class='content'><h1>{TITLE}</h1>\n{body}\n"
            f"</div>\n<div class='{comments_class}'><h3>Readers say</h3>\n{comments}</div></body></html>")


def test_columns_match_the_names_and_the_blocks() -> None:
    doms = [DomFeatures("p", True, 0.0), DomFeatures("li", False, 0.9, named='<div class="related">'),
            DomFeatures("h2", False, 0.0, in_article_body=False)]
    columns = list(dommodel.dom_columns(doms))
    assert len(columns) == len(dommodel.DOM_NAMES) and all(len(c) == len(doms) for c in columns)
    named = dict(zip(dommodel.DOM_NAMES, columns))
    assert named["paragraph"] == [1.0, 0.0, 0.0] and named["heading"] == [0.0, 0.0, 1.0]
    assert named["named_related"] == [0.0, 1.0, 0.0] and named["outside_landmark"] == [0.0, 1.0, 1.0]
    assert named["not_in_body"] == [0.0, 0.0, 1.0]


def test_named_kind_reads_class_words_of_any_spelling() -> None:
    assert dommodel.named_kind('<div class="kommentare-liste">') == "comment"
    assert dommodel.named_kind('<section id="relatedPosts">') == "related"
    assert dommodel.named_kind('<div class="article-body">') is None


def test_shipped_weights_name_every_column() -> None:
    weights = json.loads(WEIGHTS.read_text(encoding="utf-8"))["weights"]
    assert set(weights) == {*FEATURE_NAMES, *dommodel.DOM_NAMES}
    text, dom = dommodel.default_weights()
    assert len(text) == len(FEATURE_NAMES) and len(dom) == len(dommodel.DOM_NAMES)


def test_comments_named_by_their_class_are_left_out_and_the_reason_says_so() -> None:
    doc = newsclean.clean(page("comments"), "page.html", FAST)
    kept = "\n".join(doc.paragraphs)
    assert all(p in kept for p in PARAGRAPHS)
    assert not any(c in kept for c in COMMENTS)
    reasons = [b.removal.reason for b in doc.blocks if b.text in COMMENTS and b.removal]
    assert any('inside <div class="comments">' in reason for reason in reasons)


def test_the_same_sentences_in_a_plain_div_are_not_blamed_on_the_markup() -> None:
    doc = newsclean.clean(page("more"), "page.html", FAST)
    assert not any(b.removal and "inside <" in b.removal.reason for b in doc.blocks)


def test_own_values_are_the_columns_of_one_block() -> None:
    doms = [DomFeatures("p", True, 0.2, in_article_body=True), DomFeatures("figcaption", False, 0.7, "<nav>", None,
                                                                            '<div class="share-bar">'),
            DomFeatures("h3", False, 0.0, named='<div class="byline">', in_article_body=False)]
    columns = list(dommodel.dom_columns(doms))[: len(dommodel.DOM_OWN)]
    for i, dom in enumerate(doms):
        assert dommodel.own_values(dom, has_landmark=True) == tuple(column[i] for column in columns)


def test_own_columns_are_the_nonzero_own_values() -> None:
    doms = [DomFeatures("p", True, 0.2, in_article_body=True), DomFeatures("figcaption", False, 0.7, "<nav>", None,
                                                                            '<div class="share-bar">'),
            DomFeatures("h3", False, 0.0, named='<div class="byline">', in_article_body=False),
            DomFeatures("div", False, 1.0, named='<ul class="menu">'), DomFeatures("td", False, 0.0)]
    for dom in doms:
        for has_landmark in (True, False):
            values = dommodel.own_values(dom, has_landmark)
            assert dommodel.own_columns(dom, has_landmark) == [(i, v) for i, v in enumerate(values) if v]


def test_page_scores_sum_the_columns_in_their_order() -> None:
    # page_line_scores adds each block's own products once per shared DomFeatures: the sums must be
    # those of adding weight * column for every column in DOM_NAMES order, to the last bit.
    from itertools import repeat
    from operator import add, mul

    from newsclean.model.features import analyze
    from newsclean.model.linemodel import line_scores
    from newsclean.rules import load_rules

    shared = DomFeatures("p", True, 0.0, in_article_body=True)
    doms = [DomFeatures("h1", True, 0.0), shared, DomFeatures("li", False, 0.613, "<nav>", named='<nav class="menu">'),
            shared, DomFeatures("p", False, 0.333, None, False, '<div class="related">', 2), shared,
            DomFeatures("blockquote", True, 1.0, None, None, '<div class="share">', 1)]
    texts = [TITLE, *PARAGRAPHS[:1], "Home", *PARAGRAPHS[1:2], "More from us", *PARAGRAPHS[2:3], "Share this"]
    doc = newsclean.Document(source="x", blocks=[newsclean.Block(i + 1, t) for i, t in enumerate(texts)])
    lines = analyze(doc, load_rules()).lines
    text_weights, dom_weights = dommodel.default_weights()
    expected = line_scores(lines, texts, (), text_weights)
    for weight, column in zip(dom_weights, dommodel.dom_columns(doms)):
        if weight:
            expected = list(map(add, expected, map(mul, repeat(weight), column)))
    assert dommodel.page_line_scores(lines, texts, doms) == expected
