"""Lines of the site's template: a line that recurs on many pages of the page's site is not its article."""

from __future__ import annotations

from ..config import Config
from ..document import Document, Removal, Stage
from ..model.features import analyze
from ..rules import load_rules
from ..sites import TemplateTable, line_signature, site_key

# Lines removed for where they stand (outside the article's edges, after an end marker): the
# title stage may still take one of them as the headline, unless it is known as the template.
RELABELLED = {Stage.BOILERPLATE, Stage.FOOTER}


def template_lines(
    doc: Document, config: Config, table: TemplateTable
) -> tuple[str, int, list[tuple[int, int]], list[tuple[int, int]]]:
    """The page's site, its learnt page count, and (position, pages) of each line of its template:
    the kept ones, and those removed for where they stand (RELABELLED).

    Empty when the page has no known site, when the page-share guard holds (the template lines
    would be more than config.template_max_page_share of the page's kept text: the same story
    published twice on one site, or a page that is all wall), or when nothing repeats.
    """
    site = site_key(doc, config.site_from_dir, config.site_map)
    pages = table.pages.get(site, 0) if site else 0
    if site is None or pages < 2 or site not in table.counts:
        return site or "", pages, [], []
    counts = table.counts[site]
    need = table.threshold(site, config.template_min_page_share)
    kept: list[tuple[int, int]] = []
    outside: list[tuple[int, int]] = []
    kept_chars = found_chars = 0
    for position, block in enumerate(doc.blocks):
        if block.removal is not None and block.removal.stage not in RELABELLED:
            continue
        signature = line_signature(block.text)
        seen = counts.get(signature, 0) if signature else 0
        if block.removal is None:
            kept_chars += len(block.text)
            found_chars += len(block.text) if seen >= need else 0
        if seen >= need:
            (kept if block.removal is None else outside).append((position, seen))
    if found_chars > config.template_max_page_share * kept_chars:
        return site, pages, [], []
    kept = without_coincidences(doc, counts, need, kept)
    return site, pages, without_shared_passages(doc, config, kept), without_coincidences(doc, counts, need, outside)


def without_coincidences(doc: Document, counts: dict[str, int], need: int,
                         found: list[tuple[int, int]]) -> list[tuple[int, int]]:
    """The template lines without those that may be a coincidence: seen on no more pages than the
    threshold asks (the least evidence there is) and with no repeated line beside them.

    A site's template comes in runs (a menu, a sign-up box, a footer's links); a line that only
    just recurs, alone between lines no other page has, is as likely two of the site's stories
    sharing it: a sentence two versions of a story both keep, a dateline, a heading such as
    "Conclusion", a transcript's disclaimer. (Measured with benchmarks/site_templates.py: all the
    gold lines the stage removed on the corpora's shared-site pages were lines seen on exactly 2
    pages; this guard brings them from 4, 5 and 5 to 1, 2 and 0 on the 372 pages' dumps, noisy
    dumps and HTML, and from 9 to 6 on the synthetic crawl of 600, for F1 -0.0003.)
    """
    def recurs(position: int) -> bool:
        signature = line_signature(doc.blocks[position].text) if 0 <= position < len(doc.blocks) else None
        return signature is not None and counts.get(signature, 0) >= 2

    return [(position, seen) for position, seen in found
            if seen > need or recurs(position - 1) or recurs(position + 1)]


def without_shared_passages(doc: Document, config: Config, found: list[tuple[int, int]]) -> list[tuple[int, int]]:
    """The template lines without the passages of running text among them.

    A run of two or more consecutive repeated lines that all read as prose is a story the site
    published twice (an updated version, a syndicated copy), not its template: templates are
    menus, labels and prompts, and where they hold sentences, short lines sit among them (a
    subscription box, a sign-up form). A lone repeated sentence is still template.
    (Measured on the corpora's pages that share a site: such runs held 8 of the 12 gold lines
    the stage removed, and no template run; protecting every prose sub-run instead kept 9% of
    the template lines and gained nothing.)
    """
    lines = analyze(doc, load_rules(config.rule_files)).lines
    kept = doc.kept_positions()
    after = {position: following for position, following in zip(kept, kept[1:])}
    result: list[tuple[int, int]] = []
    run: list[tuple[int, int]] = []
    for item in [*found, (-1, 0)]:
        if run and item[0] != after.get(run[-1][0]):
            if len(run) < 2 or not all(lines[position].is_prose for position, _ in run):
                result += run
            run = []
        run.append(item)
    return result


def mark_template(doc: Document, config: Config, table: TemplateTable | None) -> Document:
    """Remove the kept lines that recur on enough pages of the document's site, and name as template
    those the article's edges already left out (see template_lines)."""
    if table is None:
        return doc
    site, pages, kept, outside = template_lines(doc, config, table)
    for position, seen in kept:
        doc.blocks[position].remove(Stage.TEMPLATE, template_reason(seen, pages, site))
    for position, seen in outside:
        # Already removed; named for what it is, so the headline is never taken from the template.
        doc.blocks[position].removal = Removal(Stage.TEMPLATE, template_reason(seen, pages, site))
    return doc


def template_reason(seen: int, pages: int, site: str) -> str:
    """`repeated across the site (on 7 of 11 pages of example.com)`."""
    return f"repeated across the site (on {seen} of {pages} pages of {site})"


class TemplateStage:
    """mark_template bound to a table: a stage with the usual (doc, config) call."""

    def __init__(self, table: TemplateTable) -> None:
        self.table = table

    def __call__(self, doc: Document, config: Config) -> Document:
        return mark_template(doc, config, self.table)
