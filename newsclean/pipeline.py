"""clean(doc, config): a plain fold of the stages over a Document; which stages depends on its format."""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass, replace

from .config import DEFAULT_CONFIG, Config
from .document import Document, Verdict
from .model.features import Analysis, analyze
from .rules import load_rules
from .sites import TemplateTable
from .stages import (
    decide_verdict,
    mark_boilerplate,
    mark_duplicates,
    mark_error_page,
    mark_footer,
    mark_header,
    mark_headline,
    mark_in_span,
    mark_outside_main_text,
    mark_page_furniture,
    mark_repeated_blocks,
    mark_title,
)
from .stages.dom import mark_named_furniture, mark_other_stories
from .stages.dom_cells import mark_cell_tail
from .stages.dom_opening import keep_standfirst, mark_date_line
from .stages.dom_links import keep_link_lines
from .stages.dom_paragraphs import keep_paragraph_runs
from .stages.dom_teasers import mark_teaser_blurbs
from .stages.dom_title import strip_fast_title
from .stages.loose_lines import mark_loose_lines
from .stages.dom_text import mark_outside_page_article
from .stages.extraction_end import mark_after_page_article
from .stages.extraction_lead import add_dropped_opening
from .stages.extraction_rest import add_rest_of_article
from .stages.extraction_top import mark_above_page_headline
from .stages.template import TemplateStage

StageFn = Callable[[Document, Config], Document]

# Order matters: metadata first, then what is noise wherever it stands, then the article's
# edges on what is left, then the widgets left inside them (in_span: an inline box is only told
# from the article by the running text around it), then repetition inside the article, then whether there is an article
# at all, then its headline.
STAGES: tuple[StageFn, ...] = (
    mark_header,
    mark_error_page,
    mark_boilerplate,
    mark_repeated_blocks,
    mark_outside_main_text,
    mark_footer,
    mark_in_span,
    mark_duplicates,
    decide_verdict,
    mark_title,
)

# HTML arrives as the paragraphs trafilatura already chose as the article, so:
# - no `header` (scrapers' header lines exist only in text dumps);
# - no `main_text` region: trafilatura found the article's edges from the markup, and cutting
#   again by prose density drops real short paragraphs (measured on the dev corpus: recall
#   0.960 -> 0.950, F1 0.962 -> 0.956);
# - the headline is the paragraph repeating the page's title (`mark_headline`), before the
#   text-dump `title` stage, which only relabels a title line other stages removed.
# What trafilatura lets through is still marked: error and consent text, share and copyright
# lines, end-of-article lists, repeated paragraphs; and what lies below the article's end or above
# its start on the page's whole text (`after_page_article`: comment threads, related lists, boxes
# of other stories, in recall mode). Where trafilatura stopped inside the article (an ad slot or
# a box between two paragraphs), the rest of it is added back from the page's text
# (`extraction_rest`), and so is the standfirst or first paragraph it dropped below the page's
# headline (`extraction_lead`), then checked for repetition with the rest.
HTML_STAGES: tuple[StageFn, ...] = (
    mark_error_page,
    mark_boilerplate,
    mark_footer,
    mark_after_page_article,
    mark_above_page_headline,
    add_rest_of_article,
    add_dropped_opening,
    mark_duplicates,
    decide_verdict,
    mark_headline,
    mark_title,
)


# With a table of site templates (sites/), the `template` stage runs once the article's edges
# are chosen and the verdict is given, before the title. Not before the edges: the span is a
# maximum-sum run of kept lines, and a site's menus and prompts between the article and the
# lists around it are what keeps those lists out; removed first, they let the span run on
# (measured on the corpora's 372 pages that share a site: before `boilerplate`, F1 -0.001 and 92
# gold lines removed). Not before the verdict: whether a page is an article is the page's own
# matter, and a site's prompts removed first tipped two articles into error pages (their
# running text fell below a wall's teaser: real .txt pages F1 +0.0003 with the stage before the
# verdict, +0.0043 after it, no other page changed). So the stage removes the template lines left
# inside the article (prompts, "Continue reading", subscription boxes, sign-up forms) and names
# as template the lines already left outside it, so the title stage never takes a site's "Become
# a member" for the headline (titles equal to the gold title on those pages: 118 -> 123 of 372).
TEMPLATE_AFTER: StageFn = decide_verdict


# HTML read by the fast reader (parse/fast_html.py) arrives as the page's whole visible text, one
# block per text block, like a dump: so the text stages run (their line model finds the article's
# edges), after the markup's own evidence has removed navigation, sidebars, footers and link
# blocks (`page_furniture`). No `header`: a page has no scraper's header lines. The article's
# edges are chosen by the page model, which reads each block's markup as well as its text.
TEXT_STAGES_FOR_PAGES: tuple[StageFn, ...] = tuple(
    mark_outside_page_article if stage is mark_outside_main_text else stage for stage in STAGES if stage is not mark_header
)


@dataclass(frozen=True)
class CleanWhatIsLeft:
    """Run text stages over the blocks still kept, as one document (their marks land on doc's
    blocks, which they share): navigation and footers the markup removed cost the line model
    nothing, and are not the neighbours it reads the article's lines by."""

    stages: tuple[StageFn, ...] = TEXT_STAGES_FOR_PAGES

    def __call__(self, doc: Document, config: Config) -> Document:
        left = Document(source=doc.source, blocks=doc.kept(), meta=doc.meta, verdict=doc.verdict,
                        input_format=doc.input_format, encoding=doc.encoding)
        for stage in self.stages:
            left = stage(left, config)
        # The verdict stage's findings about the page are the page's (a wall's kind and teaser too).
        doc.verdict, doc.page_kind, doc.teaser = left.verdict, left.page_kind, left.teaser
        if config.html_engine == "auto" and left.analysis is not None and len(left.analysis.lines) == len(left.blocks):
            # The auto rule reads the whole page's features (fast_reading_is_sure): from these, it
            # computes only those of the blocks the markup removed (1.1 ms a train page, against 2.3).
            doc.analysis = whole_page_analysis(doc, left, config)
        return doc


def whole_page_analysis(doc: Document, left: Document, config: Config) -> Analysis:
    """The features of every block of doc: those the text stages computed for the blocks they read
    (left's), and those of the blocks the markup removed before, read in the language the text
    stages found."""
    known = {id(block): features for block, features in zip(left.blocks, left.analysis.lines)}
    language = left.analysis.language
    removed = Document(source=doc.source, blocks=[block for block in doc.blocks if id(block) not in known],
                       meta=replace(doc.meta, language=language or doc.meta.language))
    others = iter(analyze(removed, load_rules(config.rule_files)).lines)
    return Analysis(language, [known.get(id(block)) or next(others) for block in doc.blocks])


# Sharing bars and bylines the markup names are removed once the article's edges are chosen
# (`named_furniture`): inside the article's run of lines, they are part of it for the span choice.
# Other stories' <article> elements once the title is chosen (`other_stories` needs the headline).
# The standfirst the span left below the headline is kept again once the headline is known (`standfirst`),
# and the date line the span kept below it removed (`date_line`).
# Short loose lines of a page written in paragraphs go with the named furniture (`loose_lines`).
# Plain paragraphs in a row the span's edge trim cut as headings go back with the article first (`paragraph_runs`).
# Teaser blurbs left below their linked headlines at the article's end go once the edges are chosen (`teaser_blurbs`);
# then a line of links between two kept paragraphs of its tag goes back with them (`link_lines`).
# Last, table cells left below the article's last paragraph, some of them links, go (`cell_tail`).
FAST_HTML_STAGES: tuple[StageFn, ...] = (
    strip_fast_title, mark_page_furniture, CleanWhatIsLeft(), keep_paragraph_runs, mark_teaser_blurbs, keep_link_lines, keep_standfirst,
    mark_date_line, mark_named_furniture, mark_loose_lines, mark_other_stories, mark_cell_tail,
)


def read_by_fast_reader(doc: Document) -> bool:
    """True for an HTML page read by the fast reader (its blocks carry DOM features)."""
    return doc.input_format == "html" and bool(doc.blocks) and doc.blocks[0].dom is not None


# When the "auto" HTML engine trusts the fast reader's article (see fast_reading_is_sure). Measured
# with per-page runs of both engines on dev and train (`benchmarks/auto_thresholds.py`: F1 of each
# page by each engine, then a grid over words 100-200, prose 0-0.8, landmark 0-0.9, articleBody
# 0-0.9, second headline or not). At 742fdf2 (fast engine dev .9487, train .9378; trafilatura
# engine .9678, .9535) these send 21% of dev and 36% of train pages to trafilatura, for auto F1
# dev .9681, train .9523; with landmark 0.6 they sent 15% and 19% for .9673 and .9478. Chosen on
# three sources and applied to the fourth (`--loso 0.3`), the rule keeps the second-headline test
# in every fold and gives dev .9670, cwced .9395, fundus .9534, newspaper .9549 (trafilatura
# engine .9678, .9243, .9566, .9586).
SURE_MIN_WORDS = 150  # an article this short may be a fragment of the real one
SURE_MIN_PROSE_KEPT = 0.3  # share of the page's running-text words the article keeps
SURE_MIN_LANDMARK_KEPT = 0.8  # share of the words inside the page's <article>/<main> the article keeps
LANDMARK_MIN_WORDS = 100
SURE_MIN_BODY_KEPT = 0.9  # share of the words of the page's JSON-LD articleBody shown on it the article keeps
BODY_MIN_WORDS = 100
# An <h1> the article keeps is a second headline (the page's own is the title, which the title
# stage takes out of the text): the span runs into another story, or a page section. Measured on
# the fast engine's pages (fcdbe73, landmark 0.6), this sent 2% more pages of each corpus to
# trafilatura, for auto F1 dev .9623 -> .9673, train .9457 -> .9478.
SURE_WITHOUT_SECOND_HEADLINE = True


def fast_reading_is_sure(doc: Document, config: Config) -> bool:
    """True when the fast reader's cleaned page found a confident article: an article verdict,
    at least SURE_MIN_WORDS words, enough of the page's running text, most of its article
    landmark and nearly all of the JSON-LD articleBody it shows.

    Running text left out, or an <article> or a publisher's articleBody the span misses, are the
    marks of a span chosen in the wrong part of the page (a comment thread, a teaser list) or cut
    short, and a second headline kept (an <h1> other than the title) of a span that holds more
    than one story: trafilatura gets a second look.
    """
    if doc.verdict is not Verdict.ARTICLE:
        return False
    if SURE_WITHOUT_SECOND_HEADLINE and any(block.kept and block.dom is not None and block.dom.tag == "h1"
                                            for block in doc.blocks):
        return False
    kept_words = prose = kept_prose = landmark = kept_landmark = body = kept_body = 0
    for block, features in zip(doc.blocks, analyze(doc, load_rules(config.rule_files)).lines):
        words = features.words
        kept = block.kept
        if kept:
            kept_words += words
        if features.is_prose:
            prose += words
            kept_prose += words if kept else 0
        dom = block.dom
        if dom is not None and dom.in_article and dom.boilerplate is None:
            landmark += words
            kept_landmark += words if kept else 0
        if dom is not None and dom.in_article_body:
            body += words
            kept_body += words if kept else 0
    if kept_words < SURE_MIN_WORDS or kept_prose < SURE_MIN_PROSE_KEPT * prose:
        return False
    if body >= BODY_MIN_WORDS and kept_body < SURE_MIN_BODY_KEPT * body:
        return False
    return landmark < LANDMARK_MIN_WORDS or kept_landmark >= SURE_MIN_LANDMARK_KEPT * landmark


def with_templates(stages: Sequence[StageFn], table: TemplateTable) -> tuple[StageFn, ...]:
    """The stages with the `template` stage for table inserted after TEMPLATE_AFTER; for the fast
    HTML reader, in the same place among the text stages it runs on what the markup left."""
    for at, stage in enumerate(stages):
        if isinstance(stage, CleanWhatIsLeft):
            return (*stages[:at], CleanWhatIsLeft(with_templates(stage.stages, table)), *stages[at + 1:])
    at = list(stages).index(TEMPLATE_AFTER) + 1
    return (*stages[:at], TemplateStage(table), *stages[at:])


def stages_for(doc: Document, templates: TemplateTable | None = None) -> tuple[StageFn, ...]:
    """The stages for a document: FAST_HTML_STAGES for HTML read by the fast reader, HTML_STAGES for
    trafilatura's extraction, else STAGES; with the `template` stage when a table of site templates
    is given."""
    if doc.input_format != "html":
        stages = STAGES
    else:
        stages = FAST_HTML_STAGES if read_by_fast_reader(doc) else HTML_STAGES
    return stages if templates is None else with_templates(stages, templates)


def run_stages(
    doc: Document,
    config: Config = DEFAULT_CONFIG,
    stages: Sequence[StageFn] | None = None,
    templates: TemplateTable | None = None,
) -> Document:
    """Run the stages (by default those for the document's format, with the site templates when given)
    over doc in order and return it, marked."""
    for stage in stages_for(doc, templates) if stages is None else stages:
        doc = stage(doc, config)
    return doc
