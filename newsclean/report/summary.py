"""Per-document counts for reports: lines kept and removed by stage, characters kept, top reasons."""

from __future__ import annotations

import re
from collections import Counter
from dataclasses import dataclass, field

from ..document import Document, Stage

# A reason's kind is its wording before the first detail (a number, a quote, a parenthesis):
# "after the article (lines 12-40)" and "after the article (lines 3-9)" are one kind.
DETAIL = re.compile(r"[\d\"“«(].*$")


def reason_kind(reason: str) -> str:
    """The reason without its details, so reasons of many lines and pages can be counted together.

    >>> reason_kind('after end-of-article marker "Most popular stories"')
    'after end-of-article marker'
    >>> reason_kind("duplicate of line 6 (100%)")
    'duplicate of line'
    """
    kind = DETAIL.sub("", reason).strip(" :,;-")
    return kind or reason


@dataclass(slots=True)
class Summary:
    """What cleaning did to one document, or (added up) to many."""

    source: str
    verdict: str  # a Verdict value, or "failed" when the input could not be cleaned
    page_kind: str = "article"  # a PageKind value: what the page is when it is no article
    lines: int = 0
    kept: int = 0
    chars: int = 0
    chars_kept: int = 0
    by_stage: Counter[Stage] = field(default_factory=Counter)
    reasons: Counter[tuple[Stage, str]] = field(default_factory=Counter)  # (stage, reason kind) -> lines
    problem: str | None = None  # why a failed input failed

    @property
    def removed(self) -> int:
        """Lines removed by any stage."""
        return self.lines - self.kept

    @property
    def removed_share(self) -> float:
        """Share of the lines removed (0 for a document without lines)."""
        return self.removed / self.lines if self.lines else 0.0

    def add(self, other: Summary) -> None:
        """Add another summary's counts to this one (for totals)."""
        self.lines += other.lines
        self.kept += other.kept
        self.chars += other.chars
        self.chars_kept += other.chars_kept
        self.by_stage.update(other.by_stage)
        self.reasons.update(other.reasons)


def summarize(doc: Document) -> Summary:
    """The counts of one cleaned document."""
    summary = Summary(doc.source, doc.verdict.value, doc.page_kind.value, lines=len(doc.blocks))
    for block in doc.blocks:
        summary.chars += len(block.text)
        if block.removal is None:
            summary.kept += 1
            summary.chars_kept += len(block.text)
        else:
            summary.by_stage[block.removal.stage] += 1
            summary.reasons[block.removal.stage, reason_kind(block.removal.reason)] += 1
    return summary


def verdict_label(verdict: str, page_kind: str) -> str:
    """The verdict with the page's kind when that says more: "error_page (bot_check)", "article (paywall)".

    >>> verdict_label("error_page", "not_found"), verdict_label("article", "article")
    ('error_page (not_found)', 'article')
    """
    return verdict if page_kind in ("article", verdict) else f"{verdict} ({page_kind})"


def failed(source: str, problem: str) -> Summary:
    """The row of an input that could not be read or cleaned."""
    return Summary(source, "failed", problem=problem)


def total(summaries: list[Summary]) -> Summary:
    """All summaries added up; its verdict counts the articles."""
    articles = sum(1 for s in summaries if s.verdict == "article")
    result = Summary("total", f"{articles} of {len(summaries)} articles")
    for summary in summaries:
        result.add(summary)
    return result


SORT_KEYS = {
    "input": None,
    "removed": lambda s: (-s.removed, s.source),
    "share": lambda s: (-s.removed_share, -s.removed, s.source),
    "name": lambda s: s.source,
}


def sort_summaries(summaries: list[Summary], order: str) -> list[Summary]:
    """The summaries in report order: input order, most removed lines, highest removed share, or name."""
    key = SORT_KEYS[order]
    return list(summaries) if key is None else sorted(summaries, key=key)
