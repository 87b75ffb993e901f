"""The line model for HTML pages read by the fast reader: the text model's columns plus columns
of where each block stood in the markup (its DomFeatures).

The weights live in `dommodel.json` beside this module, fitted by
`benchmarks/train_line_model.py --html` (the same averaged structured perceptron as the text
model, on the labelled HTML pages, leave-one-source-out checked). The DOM columns are generic:
the block's tag, the article landmark, link density, the kind of furniture a class or id word
names (comments, related stories, sharing, promotion, byline, caption, navigation, boxes beside the
text), the page's JSON-LD articleBody, and the same signals averaged over neighbouring blocks. No
site's class name is a feature, only words web developers use for page furniture in any language.
"""

from __future__ import annotations

import json
from collections.abc import Iterator, Sequence
from functools import lru_cache
from itertools import repeat
from operator import add, mul
from pathlib import Path

from ..document import DomFeatures
from .features import LineFeatures
from .linemodel import FEATURE_NAMES, NEAR, ONE, ZERO, _window, line_scores

HEADINGS = frozenset({"h1", "h2", "h3", "h4", "h5", "h6"})
# The kinds of furniture that class and id words name (parse/fast_html.FURNITURE_WORDS), by word.
NAMED_KINDS = {
    "comment": ("comment", "komment"),
    "related": ("related", "recommend", "teaser", "widget", "taboola", "outbrain"),
    "share": ("share", "sharing", "social", "toolbar"),
    "promo": ("newsletter", "promo", "advert", "banner", "subscribe", "signup", "paywall", "cookie", "consent",
              "popup", "modal"),
    "byline": ("byline", "author-bio", "author_bio", "authorbio", "author-box", "author_box", "about-author",
               "author-info"),
    "caption": ("caption",),
    "nav": ("sidebar", "footer", "navbar", "navigation", "breadcrumb", "menu", "masthead", "pagination"),
    "box": ("expandable", "embed", "tooltip", "infobox", "factbox", "donat", "disclaimer", "privacy"),
}
KIND_NAMES = tuple(f"named_{kind}" for kind in NAMED_KINDS)
# Own-block signals, then neighbourhood signals. Order = order of the weights.
DOM_OWN = (
    "heading",
    "paragraph",
    "list_item",
    "cell",
    "caption_tag",
    "quote",
    "pre",
    "in_article",
    "outside_landmark",
    "link_density",
    "linked",
    *KIND_NAMES,
    "furniture",
    "in_body",
    "not_in_body",
)
DOM_CONTEXT = ("near_in_article", "near_link_density", "near_paragraph", "near_named", "near_in_body")
DOM_NAMES = (*DOM_OWN, *DOM_CONTEXT)
MOSTLY_LINKS = 0.5
# A DOM signal is named in a removal's reason when it took at least this much from the block's score.
REASON_MIN_SHARE = 3.0


@lru_cache(maxsize=256)
def named_kind(description: str | None) -> str | None:
    """The kind of furniture (a NAMED_KINDS key) a `<div class="related-posts">` description names."""
    if not description:
        return None
    lowered = description.lower()
    return next((kind for kind, words in NAMED_KINDS.items() if any(word in lowered for word in words)), None)


def dom_columns(doms: Sequence[DomFeatures]) -> Iterator[list[float]]:
    """The DOM features of all blocks, one column per name of DOM_NAMES (in that order)."""
    tags = [dom.tag for dom in doms]
    in_article = [ONE if dom.in_article else ZERO for dom in doms]
    has_landmark = any(in_article)
    links = [dom.link_density for dom in doms]
    paragraph = [ONE if tag == "p" else ZERO for tag in tags]
    kinds = [named_kind(dom.named) for dom in doms]
    in_body = [ONE if dom.in_article_body else ZERO for dom in doms]
    yield [ONE if tag in HEADINGS else ZERO for tag in tags]
    yield paragraph
    yield [ONE if tag == "li" else ZERO for tag in tags]
    yield [ONE if tag == "td" else ZERO for tag in tags]
    yield [ONE if tag in ("figcaption", "caption") else ZERO for tag in tags]
    yield [ONE if tag == "blockquote" else ZERO for tag in tags]
    yield [ONE if tag == "pre" else ZERO for tag in tags]
    yield in_article
    yield [ONE if has_landmark and not inside else ZERO for inside in in_article]
    yield links
    yield [ONE if x > MOSTLY_LINKS else ZERO for x in links]
    for kind in NAMED_KINDS:
        yield [ONE if k == kind else ZERO for k in kinds]
    yield [ZERO if dom.boilerplate is None else ONE for dom in doms]
    yield in_body
    yield [ONE if dom.in_article_body is False else ZERO for dom in doms]
    yield from near_columns(in_article, links, paragraph, kinds, in_body)


def near_columns(in_article: list[float], links: list[float], paragraph: list[float], kinds: list[str | None],
                 in_body: list[float]) -> Iterator[list[float]]:
    """The DOM_CONTEXT columns, from the blocks' own columns of the same names (kinds: named_kind's)."""
    yield _window(in_article, NEAR)
    yield _window(links, NEAR)
    yield _window(paragraph, NEAR)
    yield _window([ZERO if k is None else ONE for k in kinds], NEAR)
    yield _window(in_body, NEAR)


@lru_cache(maxsize=1)
def default_weights() -> tuple[tuple[float, ...], tuple[float, ...]]:
    """The fitted weights shipped with newsclean: the text columns' (linemodel.FEATURE_NAMES order)
    and the DOM columns' (DOM_NAMES order); a name the file lacks weighs nothing."""
    try:
        text = Path(__file__).with_name("dommodel.json").read_text(encoding="utf-8")
    except OSError:  # installed in a zip: only importlib.resources can read it
        from importlib import resources

        text = resources.files(__package__).joinpath("dommodel.json").read_text(encoding="utf-8")
    weights = json.loads(text)["weights"]
    return (tuple(float(weights.get(name, 0.0)) for name in FEATURE_NAMES),
            tuple(float(weights.get(name, 0.0)) for name in DOM_NAMES))


def page_line_scores(
    lines: Sequence[LineFeatures],
    texts: Sequence[str],
    doms: Sequence[DomFeatures],
    end_markers: Sequence[bool] = (),
    weights: tuple[Sequence[float], Sequence[float]] | None = None,
) -> list[float]:
    """How much each block of a page reads as article text, from its text and its markup."""
    text_weights, dom_weights = weights or default_weights()
    scores = line_scores(lines, texts, end_markers, text_weights)
    if not scores:
        return scores
    # Each block adds weight * value for each DOM column in DOM_NAMES order, as summing column by
    # column would. Its own columns depend on its DomFeatures alone, which blocks of one context
    # share: their products are made once per DomFeatures, those with a zero factor left out (a
    # score never is -0.0, so adding a zero leaves it as it is).
    has_landmark = any(dom.in_article for dom in doms)
    terms: dict[int, list[float]] = {}
    for position, dom in enumerate(doms):
        products = terms.get(id(dom))
        if products is None:
            products = terms[id(dom)] = [dom_weights[column] * value for column, value in own_columns(dom, has_landmark)
                                         if dom_weights[column]]
        score = scores[position]
        for product in products:
            score += product
        scores[position] = score
    near = near_columns([ONE if dom.in_article else ZERO for dom in doms], [dom.link_density for dom in doms],
                        [ONE if dom.tag == "p" else ZERO for dom in doms], [named_kind(dom.named) for dom in doms],
                        [ONE if dom.in_article_body else ZERO for dom in doms])
    for weight, column in zip(dom_weights[len(DOM_OWN) :], near):
        if weight:
            scores = list(map(add, scores, map(mul, repeat(weight), column)))
    return scores


def dom_vectors(doms: Sequence[DomFeatures]) -> list[list[float]]:
    """One DOM feature vector per block (DOM_NAMES order), for training."""
    return [list(row) for row in zip(*dom_columns(doms))] if doms else []


def own_values(dom: DomFeatures, has_landmark: bool) -> tuple[float, ...]:
    """One block's own DOM features (DOM_OWN order), as dom_columns computes them for a page with
    (has_landmark) or without an article landmark: for naming the signal behind a removal."""
    tag, kind = dom.tag, named_kind(dom.named)
    return (
        ONE if tag in HEADINGS else ZERO,
        ONE if tag == "p" else ZERO,
        ONE if tag == "li" else ZERO,
        ONE if tag == "td" else ZERO,
        ONE if tag in ("figcaption", "caption") else ZERO,
        ONE if tag == "blockquote" else ZERO,
        ONE if tag == "pre" else ZERO,
        ONE if dom.in_article else ZERO,
        ONE if has_landmark and not dom.in_article else ZERO,
        dom.link_density,
        ONE if dom.link_density > MOSTLY_LINKS else ZERO,
        *(ONE if kind == name else ZERO for name in NAMED_KINDS),
        ZERO if dom.boilerplate is None else ONE,
        ONE if dom.in_article_body else ZERO,
        ONE if dom.in_article_body is False else ZERO,
    )


# The DOM_OWN columns a block's tag sets (HEADINGS, "p", "li", "td", captions, "blockquote", "pre").
TAG_COLUMNS = {**dict.fromkeys(HEADINGS, 0), "p": 1, "li": 2, "td": 3, "figcaption": 4, "caption": 4,
               "blockquote": 5, "pre": 6}
IN_ARTICLE, OUTSIDE_LANDMARK, LINK_DENSITY, LINKED = (DOM_OWN.index(name) for name in
                                                      ("in_article", "outside_landmark", "link_density", "linked"))
KIND_COLUMNS = {kind: DOM_OWN.index(name) for kind, name in zip(NAMED_KINDS, KIND_NAMES)}
FURNITURE, IN_BODY, NOT_IN_BODY = (DOM_OWN.index(name) for name in ("furniture", "in_body", "not_in_body"))


def own_columns(dom: DomFeatures, has_landmark: bool) -> list[tuple[int, float]]:
    """The DOM_OWN columns (by index, in order) where own_values is not zero, with their values."""
    found: list[tuple[int, float]] = []
    tag_column = TAG_COLUMNS.get(dom.tag)
    if tag_column is not None:
        found.append((tag_column, ONE))
    if dom.in_article:
        found.append((IN_ARTICLE, ONE))
    elif has_landmark:
        found.append((OUTSIDE_LANDMARK, ONE))
    if dom.link_density:
        found.append((LINK_DENSITY, dom.link_density))
        if dom.link_density > MOSTLY_LINKS:
            found.append((LINKED, ONE))
    kind = named_kind(dom.named)
    if kind is not None:
        found.append((KIND_COLUMNS[kind], ONE))
    if dom.boilerplate is not None:
        found.append((FURNITURE, ONE))
    if dom.in_article_body:
        found.append((IN_BODY, ONE))
    elif dom.in_article_body is False:
        found.append((NOT_IN_BODY, ONE))
    return found


def deciding_signal(dom: DomFeatures, has_landmark: bool, weights: Sequence[float] | None = None) -> str | None:
    """The markup signal that took the most from a block's score, as it reads in the page
    (`inside <aside class="related">`, `80% link text`); None when no DOM signal took REASON_MIN_SHARE."""
    dom_weights = weights or default_weights()[1]
    cost, name = min(zip(map(mul, dom_weights, own_values(dom, has_landmark)), DOM_OWN))
    if cost > -REASON_MIN_SHARE:
        return None
    if name in KIND_NAMES or name == "furniture":
        return f"inside {dom.named if name in KIND_NAMES else dom.boilerplate}"
    if name in ("link_density", "linked"):
        return f"{dom.link_density:.0%} link text"
    if name == "outside_landmark":
        return "outside the page's <article>/<main>"
    if name == "not_in_body":
        return "not in the page's JSON-LD articleBody"
    if name == "in_article":
        return None  # a weight against the landmark would be an oddity of fitting, not a reason
    return f"a <{dom.tag}> block"
