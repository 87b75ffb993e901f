"""The report's pure parts: directory walking, per-document counts and their order, word diffs."""

from __future__ import annotations

from pathlib import Path

from click.testing import CliRunner
from golden.regenerate import example

import newsclean
from newsclean import Stage
from newsclean.cli import main
from newsclean.report.summary import failed, sort_summaries, summarize, total
from newsclean.report.worddiff import word_diff


def test_directories_are_walked_as_clean_walks_them(tmp_path: Path) -> None:
    for name in ("b.txt", "a.txt", ".seen.txt", "sub/c.txt", ".git/config", "sub/.cache/d.txt", "notes.md"):
        (tmp_path / name).parent.mkdir(parents=True, exist_ok=True)
        (tmp_path / name).write_text("A sentence of running text that is long enough to be kept.\n")
    result = CliRunner().invoke(main, ["diff", "--no-pager", "--no-color", "--sort", "name", str(tmp_path)])
    rows = [line.split()[0] for line in result.output.splitlines() if line.strip().endswith(".txt") or ".txt " in line]
    shown = [row for row in rows if row.endswith(".txt")]
    assert shown == ["a.txt", "b.txt", "sub/c.txt"]  # hidden entries and non-dump files left out


def test_summary_counts_agree_with_the_json_record() -> None:
    doc = example()
    summary = summarize(doc)
    counts = newsclean.to_dict(doc)["counts"]
    assert (summary.lines, summary.kept, summary.removed, summary.chars_kept) == (
        counts["blocks"], counts["kept"], counts["removed"], counts["chars_kept"])
    assert {stage.value: n for stage, n in summary.by_stage.items()} == counts["removed_by_stage"]
    assert summary.reasons[Stage.DUPLICATE, "duplicate of line"] == 6


def test_totals_and_sort_orders() -> None:
    big = summarize(example())
    small = summarize(newsclean.clean("A short page with one sentence that is long enough to keep here.\n", "small"))
    broken = failed("broken", "not text")
    rows = [small, broken, big]
    # Most removed first; ties (nothing removed, or failed) by name.
    assert [s.source for s in sort_summaries(rows, "removed")] == [big.source, "broken", "small"]
    assert [s.source for s in sort_summaries(rows, "name")] == ["broken", big.source, "small"]
    assert sort_summaries(rows, "input") == rows
    everything = total(rows)
    assert everything.lines == big.lines + small.lines and everything.removed == big.removed + small.removed


def test_word_diff_rebuilds_both_texts() -> None:
    original = "New York|Manhole Fires and Burst Pipes: How Winter Wreaks Havoc"
    copy = "Manhole Fires and Burst Pipes: How the Winter Wreaks Havoc!"
    pieces = word_diff(copy, original)
    assert pieces is not None
    assert "".join(p.text for p in pieces if p.op != "missing") == copy
    assert "".join(p.text for p in pieces if p.op != "added") == original
    assert [p.text for p in pieces if p.op == "missing"] == ["New York|"]
