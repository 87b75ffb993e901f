"""Page furniture by the markup: blocks the fast HTML reader found inside navigation, sidebars,
footers and the like, or made mostly of link text.

Hand-set rules, for HTML read by the fast reader only (blocks with DomFeatures). They run before
the article's edges are chosen, so the line model picks the span among what is left. The
reader only names a furniture element that holds a small share of the page's text (see
parse/fast_html.MAX_FURNITURE_SHARE), so a landmark wrapping the whole page decides nothing.
"""

from __future__ import annotations

import re

from ..config import Config
from ..document import Block, Document, DomFeatures, Removal, Stage, shared_removal
from ..model.dommodel import named_kind

# A block with more of its characters inside links than this is a link (a menu item, a teaser
# title, a tag), unless it is long enough to be a paragraph that happens to link a lot.
MAX_LINK_DENSITY = 0.5
LINK_BLOCK_MAX_WORDS = 12
# Nearly all link text is a link at any length (a teaser headline, a list of other stories).
ALL_LINK_DENSITY = 0.9
LINK_TEXT = "link text"


# Kinds of furniture (model/dommodel.NAMED_KINDS) whose class or id word tells on its own that the
# text inside is not the article: sharing bars, bylines, boxes. Measured one kind at a time on dev and
# train (page F1, against the model alone): share +.0003/+.0002, byline +.0009/+.0007. Not
# captions (train +.0046 but dev -.0043: dev's gold keeps photo captions, train's fundus gold
# does not), nor comments (dev -.0010: some gold keeps a blog's comment thread). Boxes set beside the
# text (`expandable-box`, `embed-wrapper`, `infobox`, `factbox`, `tooltip`, `donation`): page F1 dev
# .9598 -> .9620, train .9542 -> .9554 (21 pages up, two down by .004 and .013); `disclaimer` and
# `privacy` then train .9554 -> .9556 (four pages up, none down). Not `tweet` (train -.0003:
# mashable's gold keeps the tweets it quotes), nor `gallery` (no page moved), nor `dropdown` (an
# item of a menu named `navbar` then reads as a box, which the page model does not weigh). An
# author's biography box is a byline (`author-bio`, `about-author`): dev .9620 -> .9623 (wikia), train
# .9557 -> .9559 (sitepoint, TheNation, TechRadar, Tageblatt; none down). The word `author` alone
# is not (dev's wordpress page holds its whole post in an `author`-named element: F1 1.0 -> 0).
REMOVED_KINDS = frozenset({"share", "byline", "box"})
# Kinds whose words also name the article's own containers (`paywall`, `article-footer-nav`,
# `comment-count`), believed for short blocks only: a prompt, a label, a teaser's title (at most
# LINK_BLOCK_MAX_WORDS words). Page F1 dev .9487 -> .9489, train .9378 -> .9385 (one kind at a
# time: promo +.0001/+.0002, related -.0001/+.0002, nav +.0002/+.0002, comment 0/0).
SHORT_BLOCK_KINDS = frozenset({"promo", "related", "nav", "comment"})


def block_words(block: Block) -> int:
    """len(block.text.split()) of a block the fast reader made (block.dom set) by its spaces: the
    reader cleans each block's text into words between single spaces, ends stripped (make_blocks:
    ascii_line, normalize_line), so no list of its words is made (the DOM stages count the words of
    most blocks of a page, some twice); a `<pre>` block keeps its line breaks and indentation."""
    if block.dom is not None and block.dom.tag != "pre":
        return block.text.count(" ") + 1
    return len(block.text.split())


# A heading's id is most often its own text made an anchor (`<h4 id="questionable-privacy-gains">`):
# it names no furniture, whatever words the heading holds.
HEADING_ANCHOR = re.compile(r"<h[1-6] id=")


def named_furniture(dom: DomFeatures, words: int) -> str | None:
    """The element whose class or id names furniture around a block of `words` words, when its kind
    is one of REMOVED_KINDS, or of SHORT_BLOCK_KINDS and the block is short; else None."""
    kind = named_kind(dom.named)
    if kind in REMOVED_KINDS or (kind in SHORT_BLOCK_KINDS and words <= LINK_BLOCK_MAX_WORDS):
        return None if HEADING_ANCHOR.match(dom.named or "") else dom.named
    return None


# Class and id words (parse/fast_html.FURNITURE_WORDS) of a cookie or consent dialog: its text goes at
# any length, before the article's edges are chosen. Its long paragraphs and tables of cookies read
# as prose and, below the article, drew the span on over the comments and teasers between
# (fast engine page F1 train .9507 -> .9517, two pages up, none down; dev unchanged).
CONSENT_WORDS = ("cookie", "consent")


def consent_dialog(dom: DomFeatures) -> bool:
    """True when the element a class or id word names around a block is a cookie or consent dialog."""
    return dom.named is not None and any(word in dom.named.lower() for word in CONSENT_WORDS)


# When the blocks inside the page's article landmarks (<article>, <main>, role=main,
# itemprop=articleBody) hold at least this share of its words, the text outside them is not the article.
MIN_LANDMARK_SHARE = 0.5
MIN_LANDMARK_WORDS = 100


def headline_in_landmark(doc: Document) -> bool:
    """True when the page has <h1> blocks outside its furniture and all of them stand in an article
    landmark: then the landmark is the article whatever its share of the page's words (a stream
    of other stories' blurbs around it outweighed it: fast engine page F1 dev .9539 -> .9589,
    train .9517 -> .9514)."""
    headings = [block.dom.in_article for block in doc.blocks
                if block.dom is not None and block.dom.tag == "h1" and block.dom.boilerplate is None]
    return bool(headings) and all(headings)


# Paragraphs this long that the JSON-LD articleBody lacks, close below its last paragraph, say it is
# a teaser of the article (a paywall's): then it tells nothing of where the article ends.
LONG_PARAGRAPH_CHARS = 150
BODY_END_LOOKAHEAD = 10


def article_body_end(doc: Document) -> int:
    """The position of the last block of the page's JSON-LD articleBody, when that body reads as
    the whole article; else past the last block (no cut)."""
    blocks = doc.blocks
    body = [i for i, block in enumerate(blocks) if block.dom is not None and block.dom.in_article_body]
    if not body:
        return len(blocks)
    last = body[-1]
    story = blocks[last].dom.story
    for block in blocks[last + 1 : last + 1 + BODY_END_LOOKAHEAD]:
        dom = block.dom
        # A paragraph in an <article> element of its own (a teaser card below the story) is no
        # part of the article the body may be a teaser of.
        if (dom is not None and dom.in_article_body is False and dom.boilerplate is None
                and len(block.text) >= LONG_PARAGRAPH_CHARS and not (story and dom.story not in (0, story))):
            return len(blocks)
    return last


def mark_page_furniture(doc: Document, config: Config) -> Document:
    """Remove blocks inside page-furniture elements (`<nav>`, `<aside class="related">`) and link blocks."""
    inside = outside = 0
    words_at: dict[int, int] = {}  # the words of each block outside furniture, by position
    for position, block in enumerate(doc.blocks):
        if block.dom is not None and block.dom.boilerplate is None:
            words = words_at[position] = block_words(block)
            if block.dom.in_article:
                inside += words
            else:
                outside += words
    landmark = inside >= MIN_LANDMARK_WORDS and (inside >= MIN_LANDMARK_SHARE * (inside + outside)
                                                 or headline_in_landmark(doc))
    last = article_body_end(doc)
    # Most of a page's blocks go here, a few reasons for all of them: one Removal a reason.
    removals: dict[str, Removal] = {}
    for position, block in enumerate(doc.blocks):
        dom = block.dom
        if dom is None or block.removal is not None:
            continue
        if position > last:
            reason = "outside the text of the page's JSON-LD articleBody"
        elif dom.boilerplate is not None:
            reason = f"inside {dom.boilerplate}"
        elif consent_dialog(dom):
            reason = f"inside {dom.named}"
        elif landmark and not dom.in_article:
            reason = "outside the page's <article>/<main>"
        elif dom.link_density >= ALL_LINK_DENSITY or (
            dom.link_density > MAX_LINK_DENSITY and words_at[position] <= LINK_BLOCK_MAX_WORDS
        ):
            reason = f"{LINK_TEXT} ({dom.link_density:.0%} of it inside <a>)"
        else:
            continue
        removal = removals.get(reason)
        if removal is None:
            removal = removals[reason] = shared_removal(Stage.BOILERPLATE, reason)
        block.removal = removal
    return doc


def mark_named_furniture(doc: Document, config: Config) -> Document:
    """Remove the blocks left inside the article that the markup names sharing bars, bylines or boxes
    beside the text (`<div class="share-tools">`, `<span class="byline__name">`, `<div class="factbox">`),
    and the short ones it names promotion, related stories, navigation or comments
    (`<div class="newsletter-signup">`).

    After the article's edges are chosen, not before: a byline between the headline and the text
    is part of the article's run of lines, and removed first it can move the span (measured with
    captions among the kinds: dev F1 .9366 with the removal in `page_furniture`, .9425 after the edges).
    """
    for block in doc.blocks:
        # (Most blocks stand in no named element: no words to count.)
        if block.removal is not None or block.dom is None or block.dom.named is None:
            continue
        if (named := named_furniture(block.dom, block_words(block))) is not None:
            block.remove(Stage.BOILERPLATE, f"inside {named}")
    return doc


# The headline's story must hold this many of the kept words: a headline alone in its <article>
# (a page header) says nothing of which <article> holds the story.
MIN_HEADLINE_STORY_WORDS = 50
# Holding this share of the kept words, the headline's story is the article, and the text kept in
# other <article> elements without an <h1> is not (comments, teaser cards, each in its own).
MAIN_STORY_SHARE = 0.5
# Measured with the blocks outside every <article> below the headline's removed too: fast engine page
# F1 dev .9646 -> .9649 (la-nacion's comment form), train .9595 -> .9597 (Correctiv .937 -> .969, Taz,
# theatlantic; none down); only those under a class word naming furniture: train .9596, dev unchanged.
BELOW_STORY = "below the headline's <article>, outside every <article>"


def headline_block(doc: Document) -> Block | None:
    """The block the title stage took, else an `<h1>` reading as the page's title (a headline set in
    a link to its own page, removed as link text before the title stage read the blocks)."""
    title = next((block for block in doc.blocks
                  if block.dom is not None and block.removal is not None and block.removal.stage is Stage.TITLE), None)
    if title is not None or not doc.meta.title:
        return title
    folded = doc.meta.title.casefold()
    return next((block for block in doc.blocks
                 if block.dom is not None and block.dom.tag == "h1" and block.text.casefold() == folded), None)


def story_below(doc: Document, title: Block) -> int:
    """The `<article>` element holding the first kept block below a headline set outside every one
    (a page header over the story's element), 0 when that block is outside every one too. Fast
    engine page F1 train .96077 -> .96107 (TheGlobeAndMail-h .852 -> 1.000: a tickers box and a
    follow-topics box below the story), dev unchanged, no page down."""
    below = False
    for block in doc.blocks:
        if block is title:
            below = True
        elif below and block.kept and block.dom is not None:
            return block.dom.story
    return 0


def mark_other_stories(doc: Document, config: Config) -> Document:
    """Remove the blocks left in the article that stand in another story than its headline's:
    an outermost `<article>` element other than the one holding the title (or the first kept block
    below a title set outside every one: story_below), headed by an `<h1>` of
    its own (not the headline again), or any other one when the headline's holds most of the article;
    then also those outside every `<article>` below the headline's.

    After the title is chosen: endless pages and section fronts hold one `<article>` per story,
    each under its own `<h1>`, and the span runs on from the page's story into the next one.
    """
    title = headline_block(doc)
    if title is None or title.dom is None:
        return doc
    headline = title.dom.story or story_below(doc, title)
    if not headline:
        return doc
    kept_words = story_words = 0
    for block in doc.blocks:
        if block.kept and block.dom is not None:
            words = block_words(block)
            kept_words += words
            story_words += words if block.dom.story == headline else 0
    if story_words < MIN_HEADLINE_STORY_WORDS:
        return doc
    main_story = story_words >= MAIN_STORY_SHARE * kept_words
    folded = title.text.casefold()
    headed = {block.dom.story for block in doc.blocks
              if block.dom is not None and block.dom.tag == "h1" and block.text.casefold() != folded}
    if main_story:
        # Text outside every <article> below the headline's: the page's own boxes after the story
        # (a related list's blurbs, a newsletter form), which the span ran on over.
        blocks = doc.blocks
        story_end = next(i for i in range(len(blocks) - 1, -1, -1)
                         if blocks[i].dom is not None and blocks[i].dom.story == headline)
        for block in blocks[story_end + 1:]:
            if block.kept and block.dom is not None and block.dom.story == 0:
                block.remove(Stage.BOILERPLATE, BELOW_STORY)
    for block in doc.blocks:
        dom = block.dom
        if block.kept and dom is not None and dom.story not in (0, headline):
            if dom.story in headed:
                block.remove(Stage.BOILERPLATE, "inside another <article> with its own <h1> (the next story)")
            elif main_story:
                block.remove(Stage.BOILERPLATE, "inside another <article> than the headline's")
    return doc
