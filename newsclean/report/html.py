"""`newsclean diff --html`: the report as a web page, built as a string without rich.

One page, no external resources: a summary table whose rows link to each document's section,
then per document a table of its lines (number, mark, stage, reason, text) tinted by stage,
a legend whose boxes filter the lines by stage (a few lines of inline script; without script
every line shows and the legend is a plain key). Every string from the outside (block text,
reasons, metadata, file names) passes `visible()` and then `html.escape`, so a dump's
`<script>` or `</table>` is shown as text and never becomes markup. Ids and class names are
ours only (d3, d3-17, footer), never taken from a dump.

Rows omit their optional end tags (`</td>`, `</tr>`, as HTML allows): with a hundred files of
a few hundred lines each, markup per row is most of the page's weight. A row's newline comes
after its start tag, where it is not part of any cell's text (the text cells keep whitespace).
"""

from __future__ import annotations

import os
from collections import Counter
from collections.abc import Iterator, Mapping, Sequence
from html import escape
from itertools import groupby

from ..document import Block, Document, Removal, Stage
from .lines import (
    KEPT_MARK,
    REMOVED_MARK,
    TITLE_MARK,
    TOP_REASONS,
    Gap,
    ViewOptions,
    common_folder,
    meta_fields,
    percent,
    plural,
    shown_rows,
    source_name,
    stage_label,
    unit_of,
    visible,
)
from .summary import Summary, total
from .worddiff import shorten, word_diff

# (text colour, row tint) per stage: the terminal's palette (blue, red, yellow, magenta, cyan,
# green, bright blue), darkened or lightened so text on the tint keeps a readable contrast.
STAGE_CSS_COLOURS: dict[Stage, tuple[str, str]] = {
    Stage.HEADER: ("#1f4e9c", "#e8effa"),
    Stage.ERROR_PAGE: ("#b3261e", "#fbe9e7"),
    Stage.BOILERPLATE: ("#7a6000", "#fbf4d6"),
    Stage.FOOTER: ("#8e2b8e", "#f6e8f6"),
    Stage.DUPLICATE: ("#00666f", "#e1f3f4"),
    Stage.TITLE: ("#1e7b34", "#e6f4ea"),
    Stage.TEMPLATE: ("#3b3fb3", "#ecedfb"),
}
VERDICT_CLASSES = {"article": "ok", "error_page": "bad", "empty": "warn", "failed": "bad"}
KEPT_CLASS = "kept"  # the filter's name for kept lines; their rows carry no class (most rows, fewest bytes)

STYLE = """
body{font:15px/1.45 system-ui,sans-serif;color:#1b1b1b;background:#fff;margin:0 1.5em 3em}
h1{font-size:1.3em;margin:.8em 0 .3em}h2{font-size:1.1em;margin:0}
h2 a{color:inherit}a{color:#1f4e9c}
table{border-collapse:collapse}
th{text-align:left;font-weight:600;border-bottom:2px solid #bbb;padding:.2em .5em;vertical-align:bottom}
td{padding:.15em .5em;vertical-align:top}
.n{text-align:right;font-variant-numeric:tabular-nums;white-space:nowrap}
.summary tbody tr:nth-child(even){background:#f6f6f6}
.summary tfoot td{border-top:2px solid #bbb;font-weight:600}
.summary td:last-child{font-size:.9em;white-space:nowrap}
caption{text-align:left;font-weight:600;padding:.2em 0}
.ok{color:#1e7b34}.bad{color:#b3261e;font-weight:600}.warn{color:#7a6000}
.legend{position:sticky;top:0;z-index:1;background:#fff;border:0;border-bottom:1px solid #ccc;
 margin:0 0 1em;padding:.4em 0;display:flex;flex-wrap:wrap;gap:.3em 1.2em}
.legend legend{float:left;font-weight:600;padding:0;margin-right:.3em}
.legend label{padding:0 .4em;border-left:.5em solid #ccc;white-space:nowrap}
section{margin:2em 0;border-top:3px solid #888;padding-top:.5em}
dl{display:grid;grid-template-columns:max-content 1fr;gap:0 1em;margin:.4em 0 .8em}
dt{font-weight:600}dd{margin:0;overflow-wrap:anywhere}
.lines{width:100%;font-size:.92em}
.lines td:first-child{color:#777;text-align:right;font-variant-numeric:tabular-nums}
.lines td:nth-child(2){font-weight:700;text-align:center;font-family:monospace}
.lines td:nth-child(3):not(:last-child){white-space:nowrap}
.lines td:nth-child(4):not(:last-child){min-width:14em;max-width:26em;overflow-wrap:anywhere}
.lines td[rowspan]{border-bottom:1px solid #ccc}
.lines td:last-child{white-space:pre-wrap;overflow-wrap:anywhere;width:70%}
.lines tr{border-bottom:1px solid #eee}
.lines tr[class] td:last-child{color:#555}
.lines tr.title td:last-child{color:#1b1b1b;font-weight:700}
.lines tr.gap td{color:#777;font-style:italic;text-align:center;background:#fafafa}
del{color:#b3261e}ins{font-weight:700;text-decoration:none;outline:1px solid currentColor}
.top{font-size:.85em;float:right}
:target td{outline:2px solid #e0a800}
"""

# The filter: a box per stage toggles a class on <body> that hides that stage's rows. The boxes
# start hidden, so a page opened without script shows no control that would do nothing.
SCRIPT = """
for (const box of document.querySelectorAll(".legend input")) {
  const apply = () => document.body.classList.toggle("hide-" + box.value, !box.checked);
  box.hidden = false; box.onchange = apply; apply();
}
"""


def stage_css() -> str:
    """The per-stage rules: row tint, mark and stage colours, legend key, and the filter's hiding rule."""
    rules = []
    for stage, (colour, tint) in STAGE_CSS_COLOURS.items():
        name = stage.value
        rules.append(f"tr.{name}{{background:{tint}}}"
                     f"span.{name},th.{name},tr.{name} td:not(:last-child),tr.{name} a{{color:{colour}}}"
                     f"label.{name}{{border-color:{colour};background:{tint}}}.hide-{name} tr.{name}{{display:none}}")
    rules.append(f".hide-{KEPT_CLASS} .lines tbody tr:not([class]){{display:none}}")
    return "\n".join(rules)


def text(value: str) -> str:
    """Outside text as inert HTML: control characters escaped as in the terminal, then markup escaped.

    >>> text('<script>"x"</script>\\x1b')
    '&lt;script&gt;&quot;x&quot;&lt;/script&gt;\\\\x1b'
    """
    return escape(visible(value))


# --- one document ------------------------------------------------------------------------


def line_id(anchor: str, line: int) -> str:
    """The id of a line's row, the target of a duplicate's link to its original."""
    return f"{anchor}-{line}"


def text_cell(block: Block, originals: Mapping[int, Block]) -> str:
    """A block's text; a near-duplicate's as a word diff against its original (<del> missing, <ins> added)."""
    removal = block.removal
    original = originals.get(removal.duplicate_of) if removal and removal.duplicate_of is not None else None
    # Texts, not scores, decide: a truncated copy can score 100 and still differ.
    pieces = word_diff(block.text, original.text) if original and original.text != block.text else None
    if pieces is None:
        return text(block.text)
    parts = []
    for piece in pieces:
        if piece.op == "same":
            parts.append(text(piece.text))
        elif piece.op == "added":
            parts.append(f"<ins>{text(piece.text)}</ins>")
        else:
            parts.append(f"<del>{text(shorten(piece.text))}</del>")
    return "".join(parts)


def reason_cells(removal: Removal | None, anchor: str, originals: Mapping[int, Block], span: int) -> str:
    """The stage and reason cells, spanning the `span` rows of a run of lines removed for the same reason."""
    rowspan = f" rowspan={span}" if span > 1 else ""
    if removal is None:
        return f"<td{rowspan}><td{rowspan}>"
    reason = text(removal.reason)
    if removal.duplicate_of is not None and removal.duplicate_of in originals:
        reason = f"<a href=#{line_id(anchor, removal.duplicate_of)}>{reason}</a>"
    return f"<td{rowspan}>{stage_label(removal.stage)}<td{rowspan}>{reason}"


def run_key(row: Block | Gap) -> object:
    """What makes rows one run: the same stage and reason (kept rows: none); a gap is a run of its own."""
    if isinstance(row, Gap):
        return row  # a fresh object: never equal to its neighbours' keys
    return None if row.removal is None else (row.removal.stage, row.removal.reason)


def line_rows(doc: Document, anchor: str, options: ViewOptions) -> Iterator[str]:
    """The rows of the lines shown (all, or removed ones with context), gaps as one row each.

    A run of lines with the same stage and reason shows them once, in cells spanning the run:
    a footer of 300 lines reads as one block, and the page does not repeat the reason 300 times.
    The filter hides a run whole (its rows share a stage), so a span never loses its first row.
    """
    originals = {b.line: b for b in doc.blocks}
    targets = {b.removal.duplicate_of for b in doc.blocks if b.removal and b.removal.duplicate_of is not None}
    for _, group in groupby(shown_rows(doc.blocks, options.context), key=run_key):
        run = list(group)
        for index, row in enumerate(run):
            if isinstance(row, Gap):
                yield f"<tr class=gap>\n<td colspan=5>⋯ {plural(row.count, 'kept ' + unit_of(doc))} not shown"
                continue
            removal = row.removal
            row_class = "" if removal is None else f" class={removal.stage.value}"
            row_id = f" id={line_id(anchor, row.line)}" if row.line in targets else ""
            mark = KEPT_MARK if removal is None else TITLE_MARK if removal.stage is Stage.TITLE else REMOVED_MARK
            cells = reason_cells(removal, anchor, originals, len(run)) if index == 0 else ""
            yield f"<tr{row_class}{row_id}>\n<td>{row.line}<td>{mark.strip()}{cells}<td>{text_cell(row, originals)}"


def stage_counts(summary: Summary) -> str:
    """`5 footer, 6 duplicate`, each in its stage colour, in pipeline order."""
    counts = [f"<span class={stage.value}>{summary.by_stage[stage]:,} {stage_label(stage)}</span>"
              for stage in Stage if summary.by_stage.get(stage)]
    return ", ".join(counts) or "nothing"


def document_section(doc: Document, summary: Summary, anchor: str, options: ViewOptions) -> str:
    """A document's section: its name (a link to itself), metadata and counts, then its lines' table."""
    unit = unit_of(doc)
    fields = [(name, text(value)) for name, value in meta_fields(doc)]
    verdict = doc.verdict.value
    fields.append(("verdict", f"<span class={VERDICT_CLASSES.get(verdict, 'ok')}>{escape(verdict)}</span>"))
    kind = page_kind(doc)
    if kind is not None:
        fields.append(("page kind", text(kind)))
    fields += [
        ("input", text(f"{doc.input_format}, {doc.encoding}")),
        (f"{unit}s", f"{summary.lines:,}: {summary.kept:,} kept, {summary.removed:,} removed"),
        ("removed", stage_counts(summary)),
        ("characters", f"{summary.chars_kept:,} of {summary.chars:,} kept ({percent(summary.chars_kept, summary.chars)})"),
    ]
    head = "".join(f"<dt>{name}<dd>{value}" for name, value in fields)
    return (f"<section id={anchor}><a class=top href=#summary>↑ top</a>"
            f"<h2><a href=#{anchor}>{text(source_name(doc.source))}</a></h2>\n<dl>{head}</dl>\n"
            f"<table class=lines><thead><tr><th>{unit}<th><th>stage<th>reason<th>text</thead><tbody>"
            + "".join(line_rows(doc, anchor, options))
            + "</tbody></table></section>\n")


def page_kind(doc: Document | None) -> str | None:
    """The kind of page the document was found to be (None for an input that failed)."""
    return None if doc is None else doc.page_kind.value


# --- many documents ----------------------------------------------------------------------


def top_reasons(summary: Summary) -> str:
    """The most frequent kinds of reason, one a line, each in its stage's colour; a failure's problem."""
    if summary.problem is not None:
        return f"<span class=bad>{text(summary.problem)}</span>"
    return "<br>".join(f"<span class={stage.value}>{count:,} {text(kind)}</span>"
                       for (stage, kind), count in summary.reasons.most_common(TOP_REASONS))


def summary_cells(summary: Summary, with_kind: str | None) -> str:
    """A summary's cells after its name: verdict, [page kind], counts, removed lines per stage, reasons."""
    verdict = f"<td class={VERDICT_CLASSES[summary.verdict]}>" if summary.verdict in VERDICT_CLASSES else "<td>"
    cells = [verdict + escape(summary.verdict)]
    if with_kind is not None:
        cells.append("<td>" + text(with_kind))
    cells += [f"<td class=n>{count:,}" for count in (summary.lines, summary.kept, summary.removed)]
    cells += [f"<td class=n>{summary.by_stage[stage]:,}" if summary.by_stage.get(stage) else "<td>" for stage in Stage]
    cells += [f"<td class=n>{percent(summary.chars_kept, summary.chars)}", "<td>" + top_reasons(summary)]
    return "".join(cells)


def summary_table(entries: Sequence[tuple[Summary, Document | None]], anchors: Mapping[int, str]) -> str:
    """One row per document, its name linking to its section (failed ones have none), totals below.

    `anchors` maps a summary's id() to its section's id: sources may repeat (a WARC's records).
    """
    summaries = [summary for summary, _ in entries]
    folder = common_folder([s.source for s in summaries])
    kinds = [page_kind(doc) for _, doc in entries]
    # The column earns its place when some page is not an article (a 404, a wall, a listing).
    with_kinds = any(kind not in (None, "article") for kind in kinds)
    rows = []
    for (summary, _), kind in zip(entries, kinds):
        name = text(source_name(os.path.relpath(summary.source, folder) if folder else summary.source))
        anchor = anchors.get(id(summary))
        link = f"<a href=#{anchor}>{name}</a>" if anchor else name
        rows.append(f"<tr>\n<td>{link}{summary_cells(summary, (kind or '') if with_kinds else None)}")
    totals = total(summaries)
    verdicts = Counter(s.verdict for s in summaries)
    totals.verdict = ", ".join(f"{count:,} {verdict}" for verdict, count in sorted(verdicts.items(), key=lambda v: (-v[1], v[0])))
    kind_header = "<th>page kind" if with_kinds else ""
    stage_headers = "".join(f"<th class='n {stage.value}'>{stage_label(stage)}" for stage in Stage)
    caption = f"<caption>in {text(source_name(folder))}{escape(os.sep)}</caption>" if folder else ""
    return (f"<table class=summary id=summary>{caption}<thead><tr><th>file<th>verdict{kind_header}"
            f"<th class=n>lines<th class=n>kept<th class=n>removed{stage_headers}<th class=n>chars kept"
            f"<th>top reasons</thead><tbody>" + "".join(rows)
            + f"</tbody><tfoot><tr>\n<td>total: {plural(len(summaries), 'file')}"
            + summary_cells(totals, "" if with_kinds else None) + "</tfoot></table>\n")


def legend(counts: Counter[Stage], kept: int) -> str:
    """The stage colours with their line counts; with script, a box each to show or hide those lines."""
    keys = [(KEPT_CLASS, "kept", kept)] + [(stage.value, stage_label(stage), counts[stage]) for stage in Stage]
    labels = "".join(f"<label class={name}><input type=checkbox value={name} checked hidden> {label} {count:,}</label>"
                     for name, label, count in keys)
    return f"<fieldset class=legend><legend>lines</legend>{labels}</fieldset>\n"


def html_report(entries: Sequence[tuple[Summary, Document | None]], options: ViewOptions, title: str) -> str:
    """The whole page: summary table (unless there is one document), legend, a section per document.

    `entries` are in the table's order: each document's summary with the cleaned document, or
    None for an input that failed (a row without a section). With --context, each section shows
    the removed lines and the kept lines around them.
    """
    sections = [(f"d{n}", summary, doc) for n, (summary, doc) in enumerate(entries, 1) if doc is not None]
    anchors = {id(summary): anchor for anchor, summary, _ in sections}
    counts: Counter[Stage] = Counter()
    for summary, _ in entries:
        counts.update(summary.by_stage)
    parts = [
        "<!DOCTYPE html>\n<html lang=en>\n<head>\n<meta charset=utf-8>\n"
        "<meta name=viewport content='width=device-width,initial-scale=1'>\n",
        f"<title>{text(title)}</title>\n<style>{STYLE}{stage_css()}\n</style>\n</head>\n<body>\n",
        f"<h1>{text(title)}</h1>\n",
    ]
    if len(entries) > 1 or not sections:
        parts.append(summary_table(entries, anchors))
    parts.append(legend(counts, sum(summary.kept for summary, _ in entries)))
    parts.extend(document_section(doc, summary, anchor, options) for anchor, summary, doc in sections)
    parts.append(f"<script>{SCRIPT}</script>\n</body>\n</html>\n")
    return "".join(parts)
