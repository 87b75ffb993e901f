"""The headline: the heading-like line above the article body, kept as metadata.

Candidates are the lines in a window above the body that the other stages left outside the
article (never labels, share buttons or error text, which were removed for what they are), and
the body's first line when it reads like a heading. headline_choice.py scores them (shape, what
they are not, agreement, words shared with the body, distance); when two headline-like lines
stand one above the other, the upper one is the headline and the lower one its standfirst. When
no line is plausible the page has no title.
"""

from __future__ import annotations

from collections.abc import Sequence
from itertools import islice
from unicodedata import east_asian_width

from ..config import Config
from ..document import Document, Removal, Stage, Verdict
from ..model.features import Analysis, LineFeatures, analyze, line_features
from ..parse import fuzzy
from ..parse.text import fold, has_cjk, is_list_item
from ..rules import Rules, load_rules
from .boilerplate import LINK_LINE, page_boilerplate_reason, section_kicker
from .broken_headline import colon_continuations, whole_headline
from .error_page import error_phrase
from .headline import over_breadcrumb, weigh_over_breadcrumb
from .head_byline import REASON as HEAD_BYLINE
from .headline_choice import (
    BARE_CLOCK,
    COLONS,
    DIGIT,
    LONG_TITLE_WORDS,
    MAX_CREDIT_LINE_WORDS,
    MIN_NOTICE_WORDS,
    NO_OVERLAP_WEIGHT,
    SHORT_TWO_SENTENCES_WEIGHT,
    Candidate,
    Scored,
    best,
    count_tokens,
    credit_over_repeated_caption,
    ends_like_own_sentence,
    ends_like_sentence,
    is_call_to_action,
    is_caption,
    is_credit_line,
    is_dateline,
    is_name_and_age,
    is_notice,
    is_timestamp,
    is_two_short_sentences,
    looks_like_name,
    part_repeated_by,
    score_candidates,
    strip_site_name,
)
from .markers import page_end_markers
from .repeated_headline import HEADLINE_MIN_WORDS

# Only lines the region finder left outside (or kept) may become the title.
REPLACEABLE = {Stage.BOILERPLATE, Stage.FOOTER}
MATCH_SCORE = 90.0
# A headline-like line right above the best candidate wins if it looks this much like one.
STANDFIRST_SHARE = 0.6
# Bylines are short.
MAX_BYLINE_WORDS = 12
# The headline stands above the byline (lines below it are the author's role, a photo gallery's
# title, a standfirst); the body's first line is the headline only when it reads like one.
# Lines below a "Related" or "Most read" marker are teasers for other stories; but a marker word
# above the headline is often a link ("comments" to the comment count), so they keep half their
# score (0.3 -> 0.5: train .txt 364 -> 368 of 494, junk titles replaced by the headline on 4 pages,
# none broken; dev .txt 67 either way, 66 at 0.8).
PRIOR = {"below byline": 0.5, "body": 0.7, "below marker": 0.5}
# A kicker run into the headline's line ends with one of these ("Rail: Headline", "Rail – Headline").
KICKER_ENDS = (":", "：", "–", "—", "-", "|")
# A kicker ("Election 2024:") over the headline is short.
MAX_KICKER_WORDS = 6
# "Just below" a byline or a marker: within this many lines.
BELOW_LINES = 10
# A line at most this many lines above a byline or a date line (a standfirst may stand between)
# weighs this much more (2.0 against 1.5, with the name guard: titles right on train .txt 352 -> 355
# of 494, dev .txt 64 -> 65 of 78).
ANCHOR_GAP = 3
# A headline stands this near above its byline: then no list's marker above makes it a teaser.
HEAD_OVER_BYLINE_GAP = 2
ABOVE_BYLINE_WEIGHT = 2.0
MAX_NAME_WORDS = 3
# A heading this many lines into the body, right above a byline or a date line, may be the
# headline (the span started early, at a consent notice or a greeting).
ANCHORED_BODY_LINES = 12
# A notice or greeting that opens the span early is a paragraph or two of running text.
MAX_PARAGRAPHS_ABOVE_HEADLINE = 2
# A standfirst may stand this many lines below its headline (a date or byline between).
STANDFIRST_GAP = 3
# Headline-like lines stacked over the body (headline, standfirst, teaser) walked up to the headline.
MAX_STACKED_HEADINGS = 3
# Besides the lines above it, a heading among the body's first lines may be the headline (when
# the article's span starts a little early: a blog's greeting, a consent line, a kicker).
BODY_CANDIDATES = 6
# The article has begun at a paragraph of running text this long (not at "I code stuff. I write rants.").
LEAD_PARAGRAPH_WORDS = 15
MAX_HEADING_WORDS = 16
# A paragraph with this many sentences inside is running text, whatever ends it (a link glued on: "… 狼狈。详情").
MIN_PARAGRAPH_SENTENCES = 2
# So is one this long with a sentence inside (a footnote's mark ends it: "... locking out legit users.[^1]").
LONG_PARAGRAPH_WORDS = 2 * LEAD_PARAGRAPH_WORDS
# A short line that the page repeats inside MIN_NAME_REPEATS longer lines or more is the site's
# name ("© 2014 The Daily Planet", "Subscribe to The Daily Planet"), not the headline.
MAX_SITE_NAME_WORDS = 5
MIN_NAME_REPEATS = 3
# How much of the body the candidates' words are compared with.
BODY_LINES = 60
# A heading of several words printed twice far above the body (in the page's header and again
# over a block of widgets, as repeated_headline.py finds) is the headline, more than any single
# line nearer the body. (Not nearer lines printed twice: a teaser for another story is, too.)
PRINTED_TWICE_WEIGHT = 1.5
# The article's head (a headline over its byline or date) may stand this many windows above the
# body's window (a video player's settings, a playlist, a box of key facts between), and is taken
# when it shares this much of its topic with the body.
DISPLACED_HEAD_WINDOWS = 2
DISPLACED_HEAD_OVERLAP = 0.5
# A headline that shares less than this of its topic with the body takes the share of the
# standfirst right below it, when that standfirst shares at least this much (a pun, a quotation).
STANDFIRST_TOPIC = 0.5
# A menu's row run onto one line has at least this many items.
MIN_ROW_ITEMS = 3
# A line is a menu run together when this many runs of its words (of up to MAX_MENU_ITEM_WORDS
# words each) are lines of their own on the page, and they make up a third of it or more.
MIN_MENU_ITEMS = 2
MAX_MENU_ITEM_WORDS = 3
MENU_ITEMS_SHARE_DENOMINATOR = 3
# A line of this many words or fewer with MENU_SIDE_LINES labels of MAX_MENU_LABEL_WORDS words or
# fewer on each side is a menu's heading.
MAX_MENU_HEADING_WORDS = 4
MENU_SIDE_LINES = 2
MAX_MENU_LABEL_WORDS = 3
# ... unless it shares this much of its topic with the body (a short headline amid a section's
# label and the author's name: "Migrationsverket" / "Lämnade efter hedersförtryck – utvisas" / "Sofia Hedberg").
MENU_HEADING_OVERLAP = 0.5
# The one headline-shaped line among junk lines heads the body when it stands at most this many
# lines above it, looks this much like a headline and has at least this many words (two words
# are mostly a label: "Top Stories").
LONE_HEADING_GAP = 3
LONE_HEADING_SHAPE = 0.5
LONE_HEADING_WORDS = 3
# A line of CJK text at least this many columns wide, as wide as the line below, is a paragraph's
# line broken at a fixed width (wide and full-width characters take two columns).
MIN_WRAP_COLUMNS = 40
WIDE = ("W", "F")
# A label each item of a list carries below it ("Sponsor Content", "3 min read") is this short.
MAX_ITEM_LABEL_WORDS = 4
# A call to action with other prompts this few lines above and below it is one of a widget's prompts.
PROMPT_GAP = 2


def _candidate(doc: Document, i: int, lines: list[LineFeatures], rules: Rules, config: Config) -> bool:
    """A line other stages left replaceable, that is not boilerplate, error text or a marker by itself."""
    block, features = doc.blocks[i], lines[i]
    if features.size > config.title_max_words:  # (size: a CJK character is half a word)
        return False
    if block.removal is not None and block.removal.stage not in REPLACEABLE:
        return False
    # (On an article's page, one word of the error list does not make a headline error text:
    # "Cloudflare Took a Sick Day"; a phrase of several words does: "Access denied". A marker is a
    # short label: a headline may open with a marker's word in another language, "Comment les
    # efforts européens ont permis ..." (French "how").)
    error = error_phrase(features, rules)
    reason = page_boilerplate_reason(doc, i, rules)
    return (
        (reason is None or (reason.startswith(LINK_LINE) and section_kicker(block.text, rules)))
        and (error is None or " " not in error)
        # (is_end_marker of the line: the page's flags, which main_text found for every line)
        and not page_end_markers(doc, rules)[i]
    )


def site_names(doc: Document) -> list[str]:
    """What the site may be called: its host."""
    return [doc.meta.url] if doc.meta.url else []


def is_kicker(text: str, features: LineFeatures) -> bool:
    """A short label over the headline that leads into it: "The Open Journalism Project:"."""
    return features.words <= MAX_KICKER_WORDS and text.rstrip().endswith(COLONS)


def is_byline(features: LineFeatures, rules: Rules) -> bool:
    """A short line starting with a byline phrase ("By Jane Doe", "Par Jean Dupont")."""
    return features.words <= MAX_BYLINE_WORDS and rules.bylines.prefix(features.folded) is not None


def _name_over_date(doc: Document, analysis: Analysis, i: int) -> bool:
    """A name of two or three capitalised words right above a date line or a timestamp ("Jane
    Doe" / "Updated 2 December 2024 - 02:24"): a byline that no byline word opens."""
    below = i + 1
    if below >= len(doc.blocks) or not 2 <= analysis.lines[i].words <= MAX_NAME_WORDS:
        return False
    text = doc.blocks[i].text.strip()
    # (A name in a script with case: CJK text without spaces is no run of names.)
    if DIGIT.search(text) or not looks_like_name(text) or not any(ch.isupper() for ch in text) or ends_like_sentence(text, analysis.lines[i]):
        return False
    date = doc.blocks[below].text
    return is_timestamp(date, analysis.lines[below]) or is_dateline(date, analysis.lines[below])


def _weigh_below_name_over_date(doc: Document, analysis: Analysis, scored: list[Scored], above_body: range) -> None:
    """Lines just below an author's name over the date line weigh as lines below a byline, when a
    heading that announces the body stands above the name: the article's head ended there (a
    related story's kicker and teaser follow). (Some pages print the head the other way round,
    name and date over the headline: then no heading stands above.)"""
    names = [i for i in above_body if _name_over_date(doc, analysis, i)]
    if not names:
        return
    heads = [s.candidate.position for s in scored if s.score > 0 and s.shape >= LONE_HEADING_SHAPE and s.overlap >= MENU_HEADING_OVERLAP]
    ends = [name for name in names if any(head < name for head in heads)]
    for s in scored:
        if s.candidate.source == "line" and _just_below(s.candidate.position, ends):
            s.score *= PRIOR["below byline"]


def _just_below(i: int, lines: list[int]) -> bool:
    return any(0 < i - line <= BELOW_LINES for line in lines)


def _where(i: int, body_start: int, bylines: list[int], markers: list[int]) -> str:
    """Which prior a candidate gets: in the body, just below a teaser list's marker or a byline."""
    if i >= body_start:
        return "body"
    # (A teaser in a "Trending" list has no byline of its own: a line right above one (a section's
    # label may stand between) is an article's headline, whatever list ends above it.)
    if _just_below(i, markers) and not any(0 < line - i <= HEAD_OVER_BYLINE_GAP for line in bylines):
        return "below marker"
    return "below byline" if _just_below(i, bylines) else "line"


def choose_headline(doc: Document, analysis: Analysis, candidates: list[int], body_start: int, rules: Rules, config: Config,
                    printed_twice: Sequence[int] = (), displaced: int | None = None, joined: dict[int, str] | None = None) -> int | None:
    """The candidate line that best reads as the headline of the body below it, or None
    (`joined`: candidates read together with the line below, a headline split at its colon;
    `printed_twice`: candidates far above the body that repeat a heading printed higher up;
    `displaced`: the article's head far above the body, see displaced_head)."""
    language = (analysis.language or "").split("-")[0]
    stopwords = rules.stopwords.get(language, frozenset())
    # The body's opening paragraphs are where a headline's words come back; enough to judge by.
    taken = set(candidates)
    # (read from the top and stopped there: not the whole page's kept positions)
    opening = [b.text for b in islice((b for i, b in enumerate(doc.blocks) if b.removal is None and i not in taken), BODY_LINES)]
    above_body = range(max(0, body_start - config.title_scan_lines), body_start)
    bylines = [i for i in above_body if is_byline(analysis.lines[i], rules)]
    marker_flags = page_end_markers(doc, rules)  # (is_end_marker of every line, found once per page)
    markers = [i for i in above_body if marker_flags[i]]
    first_line = next((i for i, block in enumerate(doc.blocks) if block.removal is None or block.removal.stage is not Stage.HEADER), -1)
    joined = joined or {}
    pool = [Candidate(joined.get(i, doc.blocks[i].text), i, max(0, body_start - 1 - i), _where(i, body_start, bylines, markers),
                      features=None if i in joined else analysis.lines[i], alone=not _next_to_list_item(doc, i), opens_page=i == first_line)
            for i in candidates]
    scored = score_candidates(pool, opening, stopwords, rules, prior=PRIOR)
    # The headline stands right above its byline or date line (a teaser for another story rarely
    # does): the lines below a scoring candidate are asked, down to the end of the body's opening.
    anchors_end = min(len(doc.blocks), body_start + ANCHORED_BODY_LINES + ANCHOR_GAP)
    texts = [block.text for block in doc.blocks]
    heads: set[int] = set()  # candidates that head the article: right above its byline or date line
    for s in scored:
        if s.score <= 0:
            continue  # (scores are never negative: a weight or a zero below leaves a zero as it is)
        features = analysis.lines[s.candidate.position]
        # (Not a standfirst, a long sentence; not an author's name over the date line: "Jane Doe".)
        below = range(max(s.candidate.position + 1, above_body.start), min(s.candidate.position + 1 + ANCHOR_GAP, anchors_end))
        anchor = None
        if MAX_NAME_WORDS < features.size <= LONG_TITLE_WORDS and not ends_like_sentence(s.candidate.text, features):
            anchor = next((a for a in below if anchor_at(doc, analysis, a, rules)), None)
        if anchor is not None:
            s.score *= ABOVE_BYLINE_WEIGHT
            if not _field_between(doc, s.candidate.position, anchor):
                heads.add(s.candidate.position)
        if _ends_with_full_stop(s.candidate.text) and _beside_credit(doc, analysis, s.candidate.position, rules):
            s.score = 0.0  # a photo's caption: a sentence right above or below the photo's credit
        elif _caption_below_head(doc, analysis, s.candidate.position, rules):
            s.score = 0.0  # the article's head ends at its byline; the photo's caption follows, over its credit
        elif _widget_prompt(doc, analysis, s.candidate.position, rules):
            s.score = 0.0  # a form's checkbox over its consent sentence, a prompt among prompts
        elif s.overlap < MENU_HEADING_OVERLAP and _menu_heading(doc, analysis, s.candidate.position, rules):
            s.score = 0.0  # "Interact with us" amid "Photos", "Weather", "Post a job": a menu's heading
        if s.score > 0 and _labelled_list_item(doc, analysis, s.candidate.position):
            s.score = 0.0  # "Teaser" / "Sponsor Content" / "Teaser" / "Sponsor Content": a list's item
        if s.score > 0 and _hard_wrapped(doc, s.candidate.position):
            s.score = 0.0  # a paragraph's first line, its text broken at a fixed width: no heading
        if s.score > 0 and credit_over_repeated_caption(texts, analysis.lines, s.candidate.position, rules):
            s.score = 0.0  # a photo's credit over its caption, the next photo's below in the same words
    _weigh_below_name_over_date(doc, analysis, scored, above_body)
    weigh_over_breadcrumb(doc, scored)
    _lend_standfirst_topic(analysis, scored)
    for s in scored:
        if s.candidate.position in printed_twice:
            s.score *= PRINTED_TWICE_WEIGHT
    # The page's lines by their text (made at the first candidate that needs it; a set made at C
    # speed: where a line stands is looked up only for the few candidates that need it).
    page_lines: PageLines | None = None
    for s in scored:
        if s.score <= 0:
            continue
        if page_lines is None:
            page_lines = PageLines(texts)
        if _items_in_a_row(s.candidate.text):
            if any(item in page_lines for item in s.candidate.text.split()):
                s.score = 0.0  # a menu's row: one of its items is printed alone elsewhere on the page
        elif not has_cjk(s.candidate.text) and _menu_items_run_together(s.candidate.text, page_lines):
            s.score = 0.0  # "The Latest Politics Culture The Magazine": a menu run onto one line
    page_text = None
    for s in scored:
        if s.score > 0 and analysis.lines[s.candidate.position].size <= MAX_SITE_NAME_WORDS:
            page_text = page_text if page_text is not None else "\n".join(texts)
            if _held_in_other_lines(s.candidate.text, page_text) >= MIN_NAME_REPEATS:
                s.score = 0.0  # the site's name ("The Daily Planet"), which many of its lines repeat
    # The article's head (a headline over its byline or date) far above, widgets between it and
    # the body, and no head near the body: the headline, when it announces the body.
    head = next((s for s in scored if s.candidate.position == displaced), None)
    if head is not None and head.score > 0 and head.overlap >= DISPLACED_HEAD_OVERLAP:
        return displaced
    top = best(scored)
    if top is None:
        return _lone_heading(doc, analysis, scored, body_start, rules)
    top = _head_above(scored, top, heads)
    # A line with a standfirst right below it is the headline, whatever stands above (a second,
    # search-engine headline over a kicker: train .txt 376 -> 382 of 494, dev level).
    if _standfirst_below(doc, analysis, top.candidate.position, body_start):
        return top.candidate.position
    # Headline and standfirst both announce the article; the upper one is the headline (a date
    # or a byline may stand between them). A stack of three (headline, standfirst, a teaser or a
    # caption's line) is walked up the same way: the standfirst's own headline stands above it.
    head = top
    for _ in range(MAX_STACKED_HEADINGS - 1):
        above = _headline_above(doc, analysis, scored, head, rules)
        if above is None:
            break
        head = above
    return head.candidate.position


def _field_between(doc: Document, head: int, anchor: int) -> bool:
    """The line or one between it and the date line below ends with a colon: a form's field, the
    line a value under its label ("Issued by:" / "Ministry of Water" / "Date:" / "2022-01-27"), no
    headline over its date."""
    return any(doc.blocks[i].text.rstrip().endswith(COLONS) for i in range(head, anchor))


def _head_above(scored: list[Scored], top: Scored, heads: set[int]) -> Scored:
    """The article's head above the best candidate, when that one heads nothing: a headline that
    stands right over its byline or date line and announces the body (shares half its topic with
    it) is the headline, though a sidebar's list of headings or a box of teasers between it and
    the body put it far from the body; the best candidate below, over no byline or date, is one of
    those headings or the body's first line read as one (train .txt 401 -> 403 of 494, dev level).
    Only one such head: several are a list of teasers, each over its date; nor one below a
    "Related" marker, a teaser too."""
    if top.candidate.position in heads:
        return top
    above = [s for s in scored if s.candidate.position in heads and s.candidate.position < top.candidate.position
             and s.score > 0 and s.shape >= LONE_HEADING_SHAPE and s.overlap >= DISPLACED_HEAD_OVERLAP]
    return above[0] if len(above) == 1 and above[0].candidate.source != "below marker" else top


def _headline_above(doc: Document, analysis: Analysis, scored: list[Scored], top: Scored, rules: Rules) -> Scored | None:
    """The headline-like line a few lines above `top` that `top` is the standfirst of, if any."""
    # (A photo's caption or credit between them is no line of the article's head: "... (AFP)".)
    unlikely = {s.candidate.position for s in scored if s.score <= 0}
    gap = STANDFIRST_GAP + sum(1 for i in range(top.candidate.position - STANDFIRST_GAP, top.candidate.position) if i in unlikely)
    for above in sorted((s for s in scored if 0 < top.candidate.position - s.candidate.position <= gap), key=lambda s: -s.candidate.position):
        if _same_headline(above.candidate.text, top.candidate.text):
            continue  # the headline again, a menu run into it ("NewsWorldHeadline ..."): no standfirst pair
        # (Not a photo's caption, over its credit: "Landslide in Ask, January 2021" / "Photo: Reuters".
        # A headline of two short sentences is one over its standfirst.)
        shape = above.shape
        if is_two_short_sentences(above.candidate.text, analysis.lines[above.candidate.position]):
            shape /= SHORT_TWO_SENTENCES_WEIGHT
        if (above.score > 0 and shape >= STANDFIRST_SHARE * top.shape and above.overlap >= STANDFIRST_SHARE * top.overlap
                and above.candidate.source == top.candidate.source and analysis.lines[above.candidate.position].size >= 6
                and not _beside_credit(doc, analysis, above.candidate.position, rules, sides=(1,))):
            return above
    return None


def _labelled_list_item(doc: Document, analysis: Analysis, i: int) -> bool:
    """The line is one item of a list whose items each carry the same short label below them
    ("Teaser" / "Sponsor Content" / "Another teaser" / "Sponsor Content"): the label right below
    it stands again below the next short line. (A headline's "Advertisement" below it is not
    repeated two lines further down, after a paragraph of the body.)"""
    label, item, again = i + 1, i + 2, i + 3
    if again >= len(doc.blocks):
        return False
    text = doc.blocks[label].text.strip()
    lines = analysis.lines
    # (The next item is a teaser's headline of a few words, not another label ("Post" / "Share" /
    # "Post": a toolbar under the headline), nor a menu's sub-item that names the label ("Abo" /
    # "Abo bestellen Aboservice" / "Abo").)
    return (bool(text) and lines[label].size <= MAX_ITEM_LABEL_WORDS and doc.blocks[again].text.strip() == text
            and text not in doc.blocks[item].text and LONE_HEADING_WORDS <= lines[item].size <= MAX_HEADING_WORDS
            and not lines[item].is_prose)


def display_width(text: str) -> int:
    """Columns the text takes in a fixed-width font (a wide CJK character takes two)."""
    return sum(2 if east_asian_width(ch) in WIDE else 1 for ch in text)


def _hard_wrapped(doc: Document, i: int) -> bool:
    """A line of CJK text exactly as wide as a different line above or below, both wide: a paragraph broken
    at a fixed width (an old text page's 38 characters a line), whose lines are no headline.
    (Latin text broken at a width leaves lines of unequal widths: only CJK text is judged.)"""
    text = doc.blocks[i].text.strip()
    if len(text) * 2 < MIN_WRAP_COLUMNS or not has_cjk(text):
        return False
    width = None
    for j in (i - 1, i + 1):
        other = doc.blocks[j].text.strip() if 0 <= j < len(doc.blocks) else ""
        if other == text or abs(len(text) - len(other)) > len(text) // 2:
            continue  # (the headline printed twice is no wrap; a cheap length test first)
        width = display_width(text) if width is None else width
        if width >= MIN_WRAP_COLUMNS and display_width(other) == width:
            return True
    return False


def _lone_heading(doc: Document, analysis: Analysis, scored: list[Scored], body_start: int, rules: Rules) -> int | None:
    """The one line right above the body that is shaped like a headline, when every other line
    around it is junk by its shape (a label, a toolbar, a prompt): a short headline that shares
    a word or two with the body still heads it ("Is the lake dying?"). (Not one sharing none: a
    byline with its role, a date line; not one beside a photo's credit: a caption; not one right
    below a date line.)"""
    shaped = [s for s in scored if s.shape > 0 and s.score > 0]
    if len(shaped) != 1:
        return None
    lone = shaped[0]
    i = lone.candidate.position
    # (Above the body or its first line: a question ends like a sentence, and the span takes it in;
    # not below a "Related" marker: a teaser.)
    if not (-1 <= body_start - 1 - i < LONE_HEADING_GAP and lone.shape >= LONE_HEADING_SHAPE and analysis.lines[i].size >= LONE_HEADING_WORDS
            and lone.overlap > 0 and lone.candidate.source != "below marker"):
        return None
    if _beside_credit(doc, analysis, i, rules) or over_breadcrumb(doc, i):
        return None  # a caption; the masthead over the breadcrumb
    # (Not right below a date line or a byline: a headline stands above its date; below it stand
    # a widget's label, "转播到腾讯微博" under "Site 2016年10月14日07:17".)
    if i > 0 and anchor_at(doc, analysis, i - 1, rules):
        return None
    return i


def _lend_standfirst_topic(analysis: Analysis, scored: list[Scored]) -> None:
    """A line right above a standfirst shares the standfirst's topic with the body: a headline
    that is a pun or a quotation ("- The fear will grow") names the article through the
    standfirst below it, not through its own words."""
    by_position = {s.candidate.position: s for s in scored}
    for s in scored:
        below = by_position.get(s.candidate.position + 1)
        # (Only a standfirst above the body, a candidate: a widget's label stands above the body's
        # first paragraph as often as a headline does.)
        if (s.score <= 0 or below is None or s.overlap >= STANDFIRST_TOPIC or below.overlap < STANDFIRST_TOPIC
                or not _is_standfirst(analysis.lines[below.candidate.position])):
            continue
        s.score *= (NO_OVERLAP_WEIGHT + below.overlap) / (NO_OVERLAP_WEIGHT + s.overlap)
        s.overlap = below.overlap


def _is_standfirst(features: LineFeatures) -> bool:
    """A paragraph of running text that ends like a sentence: a standfirst under a headline."""
    return features.size >= LEAD_PARAGRAPH_WORDS and features.sentence_end


def _next_to_list_item(doc: Document, i: int) -> bool:
    """The line right above or below starts with a bullet or an item number."""
    # (Asked for every candidate of every page: two plain tests, no generator.)
    blocks = doc.blocks
    return (i > 0 and is_list_item(blocks[i - 1].text)) or (i + 1 < len(blocks) and is_list_item(blocks[i + 1].text))


def _standfirst_below(doc: Document, analysis: Analysis, i: int, body_start: int) -> bool:
    """The line right below, above the body, is a standfirst: a paragraph of running text that ends
    like a sentence ("Berlin. Two power masts are burning. ..."), which stands under a headline, not
    under another standfirst. (The body's own first paragraph says nothing: a subheading or a
    standfirst may stand right above it.)"""
    below = i + 1
    if below >= body_start:
        return False
    return _is_standfirst(analysis.lines[below])


def _dates_an_article(doc: Document, analysis: Analysis, i: int, rules: Rules) -> bool:
    """Line i is a byline or a date line (not a time of day alone: a video's duration, "03:29")."""
    return is_byline(analysis.lines[i], rules) or (anchor_at(doc, analysis, i, rules) and not BARE_CLOCK.fullmatch(doc.blocks[i].text.strip()))


def displaced_head(doc: Document, analysis: Analysis, window: range, scan_lines: int, rules: Rules, config: Config) -> int | None:
    """The nearest heading above the window that stands right above a byline or a date line, when
    no byline or date stands in the window: the article's head, pushed far from the body by a
    video player, a gallery or a box of key facts."""
    lines = analysis.lines
    if any(_dates_an_article(doc, analysis, i, rules) for i in window):
        return None
    for i in range(window.start - 1, max(0, window.start - DISPLACED_HEAD_WINDOWS * scan_lines) - 1, -1):
        below = range(i + 1, min(len(doc.blocks), i + 1 + ANCHOR_GAP))
        if (_long_heading(lines[i]) and lines[i].size <= MAX_HEADING_WORDS and not anchor_at(doc, analysis, i, rules)
                and any(_dates_an_article(doc, analysis, j, rules) for j in below) and _candidate(doc, i, lines, rules, config)):
            return i
    return None


def _long_heading(features: LineFeatures) -> bool:
    """A heading of several words (section names, bylines and share rows are shorter), no sentence."""
    return not features.sentence_end and features.size - features.numbers >= HEADLINE_MIN_WORDS


def _printed_twice(doc: Document, analysis: Analysis, candidates: list[int], body_start: int) -> list[int]:
    """The candidates above the body that are headline-shaped and repeat, word for word, a line
    printed higher up the page."""
    shaped = [i for i in candidates if i < body_start and _long_heading(analysis.lines[i])]
    if not shaped:
        return []
    first_seen: dict[str, int] = {}
    for i in range(max(shaped)):
        first_seen.setdefault(doc.blocks[i].text.strip(), i)
    return [i for i in shaped if first_seen.get(doc.blocks[i].text.strip(), i) < i]


def _same_headline(upper: str, lower: str) -> bool:
    """The upper line holds the lower one whole behind a menu run into it ("HomeNewsHeadline ...",
    "Home Headline ..."): the headline printed twice; not behind a kicker ("Rail: Headline ...")."""
    a, b = fold(upper), fold(lower)
    if not (a and b and a.endswith(b)) or a == b:
        return False  # (the same words twice: the upper one, with its punctuation, stays a candidate)
    at = upper.find(lower.strip())
    return at < 0 or not upper[:at].rstrip().endswith(KICKER_ENDS)


def _ends_with_full_stop(text: str) -> bool:
    """Ends with one full stop (not an ellipsis "...", not "?" or "!")."""
    stripped = text.rstrip()
    return stripped.endswith((".", "。")) and not stripped.endswith(("..", "…"))


class PageLines:
    """The page's lines, stripped, as a set of texts; where a text stands is found on demand."""

    def __init__(self, texts: list[str]) -> None:
        self.stripped = list(map(str.strip, texts))
        self.texts = set(self.stripped)

    def __contains__(self, text: str) -> bool:
        return text in self.texts

    def positions(self, text: str) -> list[int]:
        """Where the lines that are `text` (stripped) stand, in order."""
        return [i for i, line in enumerate(self.stripped) if line == text]


def _menu_items_run_together(text: str, page_lines: PageLines) -> bool:
    """Every word is capitalised, several runs of them are short lines of their own elsewhere on
    the page, and they make up much of it ("The Latest QED Politics Culture The Magazine", with
    "Politics" and "The Magazine" printed alone): a menu's items run onto one line, not a
    headline. (Items are capitalised labels, in scripts with case: a page may print a caseless
    headline word by word. Two items printed on consecutive lines are the headline broken over
    two lines: "Open Journalism Project:" / "Better Student Journalism".)"""
    words = text.split()
    # A menu's items are all labels, capitalised; a headline in sentence case naming two tags the
    # page prints alone ("Zimbabwe coup: Robert Mugabe and …", tags "Zimbabwe", "Robert Mugabe") is none.
    if not all(word[:1].isupper() for word in words if word[:1].isalpha() and word[:1].upper() != word[:1].lower()):
        return False
    items: list[str] = []
    covered = start = 0
    while start < len(words):
        # The longest run from here that the page prints alone (a menu's item has a few words).
        end = next((end for end in range(min(len(words), start + MAX_MENU_ITEM_WORDS), start, -1)
                    if end - start < len(words) and words[start][:1].isupper() and " ".join(words[start:end]) in page_lines), None)
        if end is None:
            start += 1
            continue
        items.append(" ".join(words[start:end]))
        covered, start = covered + end - start, end
    if len(set(items)) < MIN_MENU_ITEMS or covered * MENU_ITEMS_SHARE_DENOMINATOR < len(words):
        return False
    first, second = page_lines.positions(items[0]), set(page_lines.positions(items[-1]))
    return not (len(items) == 2 and any(i + 1 in second for i in first))


def _items_in_a_row(text: str) -> bool:
    """CJK text in several space-separated items (where a space parts items, not words): a menu's
    row run onto one line ("新闻中心 视频 图片 服务平台"), or a headline in clauses."""
    return has_cjk(text) and len(text.split()) >= MIN_ROW_ITEMS


def _held_in_other_lines(text: str, page_text: str) -> int:
    """In how many different wordings the page holds the text inside longer lines ("© 2014 The
    Daily Planet", "Subscribe to The Daily Planet": the word before it differs), not counting
    lines that are the text itself; comments that quote a post's title ("re: Title") are one."""
    text = text.strip()
    before: set[str] = set()
    at = page_text.find(text)
    while at >= 0:
        end = at + len(text)
        line_start = page_text.rfind("\n", 0, at) + 1
        line_end = page_text.find("\n", end)
        line_end = len(page_text) if line_end < 0 else line_end
        if (line_start, line_end) != (at, end):  # (a line that is the text itself is no wording)
            words = page_text[line_start:at].split()
            before.add(words[-1] if words else "")
        at = page_text.find(text, end)
    return len(before)


def _menu_heading(doc: Document, analysis: Analysis, i: int, rules: Rules) -> bool:
    """A short line with short labels on both sides (MENU_SIDE_LINES lines each, no byline or
    date among them): the heading of a menu's group, not a headline (when its words are not the body's)."""
    lines = analysis.lines
    if lines[i].size > MAX_MENU_HEADING_WORDS:
        return False
    sides = [*range(i - MENU_SIDE_LINES, i), *range(i + 1, i + 1 + MENU_SIDE_LINES)]
    return all(0 <= j < len(doc.blocks) and lines[j].size <= MAX_MENU_LABEL_WORDS and not lines[j].sentence_end
               and not anchor_at(doc, analysis, j, rules) for j in sides)


def _widget_prompt(doc: Document, analysis: Analysis, i: int, rules: Rules) -> bool:
    """A call to action that is part of a form or a widget, no headline: the label of a sign-up
    form's checkbox over its consent or legal sentence ("Send me offers from our partners" / "By
    submitting you agree to our Privacy Policy"), or a prompt between other prompts ("Follow us" /
    "Add us to your feed" / "Subscribe to our newsletter")."""
    lines = analysis.lines
    if not is_call_to_action(doc.blocks[i].text, lines[i], rules):
        return False
    below = i + 1
    if below < len(doc.blocks) and lines[below].size >= MIN_NOTICE_WORDS and is_notice(lines[below], rules):
        return True

    def prompts(positions: range) -> bool:
        return any(0 <= j < len(doc.blocks) and is_call_to_action(doc.blocks[j].text, lines[j], rules) for j in positions)

    return prompts(range(i - PROMPT_GAP, i)) and prompts(range(i + 1, i + 1 + PROMPT_GAP))


def _beside_credit(doc: Document, analysis: Analysis, i: int, rules: Rules, sides: tuple[int, ...] = (-1, 1)) -> bool:
    """The line right above or below (or on the `sides` given) is a photo credit ("Lichtgut/Jane Doe", "Photo: Jane Doe")."""
    return any(0 <= j < len(doc.blocks) and (is_credit_line(doc.blocks[j].text) or is_caption(doc.blocks[j].text, analysis.lines[j], rules))
               for j in (i + side for side in sides))


def _caption_below_head(doc: Document, analysis: Analysis, i: int, rules: Rules) -> bool:
    """The line stands right below the byline and right above a photo's credit alone on its line,
    or right below that credit (byline, credit, caption): the caption of the photo that opens the
    article, whatever ends it (the headline stands above the byline; a date line may stand above
    it, and a caption with its credit run on is its own line below it)."""
    above, below = i - 1, i + 1
    if above < 0 or below >= len(doc.blocks):
        return False
    if analysis.lines[below].size <= MAX_CREDIT_LINE_WORDS and _is_byline_here(doc, analysis, above, rules):
        return _beside_credit(doc, analysis, i, rules, sides=(1,))
    return (analysis.lines[above].size <= MAX_CREDIT_LINE_WORDS and _is_byline_here(doc, analysis, above - 1, rules)
            and _beside_credit(doc, analysis, i, rules, sides=(-1,)))


def _is_byline_here(doc: Document, analysis: Analysis, i: int, rules: Rules) -> bool:
    """Line i is a byline ("By Jane Doe") or a name with the article's age ("Jane Doe | 15 hours ago")."""
    return i >= 0 and (is_byline(analysis.lines[i], rules) or is_name_and_age(doc.blocks[i].text, rules))


def is_anchor(text: str, features: LineFeatures, rules: Rules) -> bool:
    """A byline, a timestamp or a date line: what stands right below a headline."""
    return is_byline(features, rules) or is_timestamp(text, features) or is_dateline(text, features) or is_name_and_age(text, rules)


def anchor_at(doc: Document, analysis: Analysis, i: int, rules: Rules) -> bool:
    """is_anchor of line i, found once per distinct text of the page: the stage asks about the
    window's lines again and again (a candidate's neighbours, the lines below each heading), and
    a page prints its labels and dates many times."""
    answers = analysis.text_answers.setdefault("anchor", {})
    text = doc.blocks[i].text
    found = answers.get(text)
    if found is None:
        found = answers[text] = is_anchor(text, analysis.lines[i], rules)
    return found


def line_of_its_part(doc: Document, candidates: list[int], chosen: int) -> int:
    """The candidate line that is, whole, a separator-delimited part of the chosen one ("Headline |
    wdr aktuell" over "Headline"): the headline without the site's name; else the chosen line."""
    text = doc.blocks[chosen].text
    others = [i for i in candidates if i != chosen]
    part = part_repeated_by(text, [doc.blocks[i].text for i in others])
    if part == text or 2 * count_tokens(part) <= count_tokens(text):
        return chosen  # (a short part is the site's or the section's name, printed alone too: "New York")
    folded = fold(part)
    return next((i for i in others if fold(doc.blocks[i].text) == folded), chosen)


def _is_error_message(title: str, rules: Rules) -> bool:
    """The title carries an error page's phrase, weak ones too ("404", "Access denied"): on a page
    known to be an error page, it names the error, not an article."""
    return error_phrase(line_features(title, frozenset()), rules, lenient=True) is not None


def anchored_headings(doc: Document, kept: list[int], lines: list[LineFeatures], rules: Rules, config: Config) -> list[int]:
    """Heading-like lines among the body's first lines that stand right above a byline or a date
    line, even below running text: where the headline stands when the span starts early (at a
    consent notice or a greeting long enough to read as the article's first paragraph)."""
    opening = kept[:ANCHORED_BODY_LINES]
    analysis = analyze(doc, rules)
    found: list[int] = []
    paragraphs = 0
    for k, i in enumerate(opening):
        if lines[i].is_prose and lines[i].size >= LEAD_PARAGRAPH_WORDS:
            paragraphs += 1
            if paragraphs > MAX_PARAGRAPHS_ABOVE_HEADLINE:
                break  # the article has begun: a heading over a date is a video's or a teaser's
            continue
        below = kept[k + 1 : k + 1 + ANCHOR_GAP]
        if (below and lines[i].size <= MAX_HEADING_WORDS and not ends_like_own_sentence(doc.blocks[i].text, lines[i])
                and not anchor_at(doc, analysis, i, rules)
                and any(anchor_at(doc, analysis, j, rules) for j in below) and _candidate(doc, i, lines, rules, config)):
            found.append(i)
    return found


def lead_in_headings(doc: Document, kept: list[int], lines: list[LineFeatures], rules: Rules, config: Config) -> list[int]:
    """Heading-like lines at the top of the body, before its first paragraph of running text (not
    when they are all there is): where the headline stands when the span starts a little early."""
    found: list[int] = []
    for i in kept[:BODY_CANDIDATES] if len(kept) > 1 else ():
        ends_sentence = ends_like_own_sentence(doc.blocks[i].text, lines[i])
        if lines[i].is_prose and lines[i].size >= LEAD_PARAGRAPH_WORDS and (
                ends_sentence or lines[i].sentences >= MIN_PARAGRAPH_SENTENCES or (lines[i].sentences and lines[i].size >= LONG_PARAGRAPH_WORDS)):
            break  # the article has begun: headings below are its subheadings
        # (A headline with stop words or a question mark may read as prose to the line model:
        # "What is the OBR and what does it do?"; a long line without a full stop is a paragraph.)
        if not ends_sentence and (not lines[i].is_prose or lines[i].size <= MAX_HEADING_WORDS) and _candidate(doc, i, lines, rules, config):
            found.append(i)
    return found


def mark_title(doc: Document, config: Config) -> Document:
    """Find the headline above the body; set meta.title and mark that line as the title."""
    rules = load_rules(config.rule_files)
    if doc.verdict is not Verdict.ARTICLE:
        # No article, no headline: a title from the page's metadata stays (a paywalled article's
        # headline), unless it is the error page's own message ("HTTP Status 404 – Not Found").
        if doc.verdict is Verdict.ERROR_PAGE and doc.meta.title and _is_error_message(doc.meta.title, rules):
            doc.meta.title = None
        return doc
    analysis = analyze(doc, rules)
    lines = analysis.lines
    kept = doc.kept_positions()
    body_start = kept[0] if kept else len(doc.blocks)
    window = range(max(0, body_start - config.title_scan_lines), body_start)
    candidates = [i for i in window if _candidate(doc, i, lines, rules, config)]
    # A heading among the body's first lines may be the headline (not when it is all there is).
    candidates += lead_in_headings(doc, kept, lines, rules, config)
    # (The article's byline at its head, which in_span removed, still anchors the headline above it.)
    bylines = [i for i, block in enumerate(doc.blocks) if block.removal is not None and block.removal.reason == HEAD_BYLINE]
    candidates += [i for i in anchored_headings(doc, sorted({*kept, *bylines}), lines, rules, config) if i not in candidates]
    # A heading printed twice may stand further up: widgets (a summary box, toolbars) between it
    # and the article.
    farther = [i for i in range(max(0, window.start - config.title_scan_lines), window.start)
               if _long_heading(lines[i]) and _candidate(doc, i, lines, rules, config)]
    printed_twice = _printed_twice(doc, analysis, farther, body_start)
    displaced = displaced_head(doc, analysis, window, config.title_scan_lines, rules, config)
    candidates = sorted({*candidates, *printed_twice, *([] if displaced is None else [displaced])})
    if doc.meta.title:
        # A title from the header or the HTML: mark the line that repeats it.
        wanted = doc.meta.title
        chosen = next((i for i in reversed(candidates) if fuzzy.ratio(doc.blocks[i].text, wanted) >= MATCH_SCORE), None)
    else:
        # A line opening with a colon goes on from the line above: one headline (the line below is no candidate of its own).
        joined = colon_continuations(doc, candidates)
        chosen = choose_headline(doc, analysis, [i for i in candidates if i - 1 not in joined], body_start, rules, config, printed_twice, displaced, joined)
        broken = None if chosen is None or chosen in joined else whole_headline(doc, chosen)
        if chosen in joined:
            doc.meta.title = strip_site_name(joined[chosen], site_names(doc)) or None
            if doc.blocks[chosen + 1].removal is None or doc.blocks[chosen + 1].removal.stage in REPLACEABLE:
                doc.blocks[chosen + 1].removal = Removal(Stage.TITLE, "headline (kept as the title)")
        elif broken is not None:
            # A piece of a headline broken over narrow lines, which the page prints whole elsewhere.
            pieces, headline = broken
            doc.meta.title = strip_site_name(headline, site_names(doc)) or None
            for i in pieces:
                if i != chosen and doc.blocks[i].removal is not None and doc.blocks[i].removal.stage in REPLACEABLE:
                    doc.blocks[i].removal = Removal(Stage.TITLE, "headline (kept as the title)")
        elif chosen is not None:
            chosen = line_of_its_part(doc, candidates, chosen)
            kicker = chosen - 1 if chosen > 0 and is_kicker(doc.blocks[chosen - 1].text, lines[chosen - 1]) and chosen - 1 in candidates else None
            headline = doc.blocks[chosen].text if kicker is None else f"{doc.blocks[kicker].text} {doc.blocks[chosen].text}"
            doc.meta.title = strip_site_name(headline, site_names(doc)) or None
            if kicker is not None:
                doc.blocks[kicker].removal = Removal(Stage.TITLE, "headline (kept as the title)")
    if chosen is not None:
        for i in sorted({*window, body_start, chosen}):  # a repeat of the headline (breadcrumb, <title>) goes with it
            if i < len(doc.blocks) and (i == chosen or doc.blocks[i].text == doc.blocks[chosen].text):
                if doc.blocks[i].removal is None or doc.blocks[i].removal.stage in REPLACEABLE:
                    doc.blocks[i].removal = Removal(Stage.TITLE, "headline (kept as the title)")
    return doc
