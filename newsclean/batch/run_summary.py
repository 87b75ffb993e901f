"""The account of a batch run: files read, what each document turned out to be, what failed, how fast."""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass, field
from typing import Any

from ..errors import printable

VERDICTS = ("article", "error_page", "empty")


@dataclass(slots=True)
class RunSummary:
    """Counts of one run; `to_dict` is what --summary-json writes, `text_lines` what stderr shows."""

    jobs: int = 1
    files_selected: int = 0
    files_read: int = 0  # input files read (each may hold several documents)
    files_skipped: int = 0  # outputs already up to date (--skip-existing)
    files_failed: int = 0  # input files not cleaned at all (unreadable, or no place for their output)
    documents: int = 0  # documents cleaned
    documents_skipped: int = 0  # records of containers whose output was up to date
    verdicts: Counter[str] = field(default_factory=Counter)
    page_kinds: Counter[str] = field(default_factory=Counter)  # what the documents that are no article are
    removed_by_stage: Counter[str] = field(default_factory=Counter)
    bytes_read: int = 0
    outputs_written: int = 0
    left_out: Counter[str] = field(default_factory=Counter)  # reason -> paths not taken on purpose
    left_out_example: dict[str, str] = field(default_factory=dict)  # reason -> the first such path
    failures: list[tuple[str, str]] = field(default_factory=list)  # (source, problem)
    seconds: float = 0.0
    cpu_seconds: float = 0.0  # CPU time spent cleaning, summed over the workers
    interrupted_by: str | None = None  # "SIGINT" / "SIGTERM" when a signal stopped the run
    exit_status: int = 0

    def add_document(self, verdict: str, removed_by_stage: dict[str, int], page_kind: str | None = None) -> None:
        """Count one cleaned document (its page kind too, unless it is an article)."""
        self.documents += 1
        self.verdicts[verdict] += 1
        self.removed_by_stage.update(removed_by_stage)
        if page_kind is not None and page_kind != "article":
            self.page_kinds[page_kind] += 1

    def leave_out(self, path: str, reason: str) -> None:
        """Count one path a walk did not take on purpose (hidden, not a dump name, a link not followed)."""
        self.left_out[reason] += 1
        self.left_out_example.setdefault(reason, path)

    def left_out_text(self) -> str:
        """What was left out, by reason, with an example path of each: `2 hidden (...), e.g. a/.x`."""
        return "; ".join(f"{n:,} {reason}, e.g. {printable(self.left_out_example.get(reason, '?'))}"
                         for reason, n in sorted(self.left_out.items()))

    def add_failure(self, source: str, problem: str) -> None:
        """Record one input or document that could not be cleaned (or, on request, was an error page)."""
        self.failures.append((source, problem))

    @property
    def files_done(self) -> int:
        """Files read, failed to read, or skipped as up to date: everything but what an interruption left."""
        return self.files_read + self.files_skipped + self.files_failed

    @property
    def lines_removed(self) -> int:
        """Lines (blocks) removed over all documents and stages."""
        return sum(self.removed_by_stage.values())

    def rates(self) -> tuple[float, float]:
        """Files per second and MB (10^6 bytes) per second over the whole run."""
        if self.seconds <= 0:
            return 0.0, 0.0
        return self.files_read / self.seconds, self.bytes_read / 1e6 / self.seconds

    def to_dict(self) -> dict[str, Any]:
        """The summary as JSON-ready data (documented in the README, "Batch runs")."""
        files_per_s, mb_per_s = self.rates()
        return {
            "files": {
                "selected": self.files_selected,
                "read": self.files_read,
                "skipped": self.files_skipped,
                "failed": self.files_failed,
                "not_done": self.files_selected - self.files_done,
            },
            "documents": {
                "cleaned": self.documents,
                **{verdict: self.verdicts[verdict] for verdict in VERDICTS},
                "skipped": self.documents_skipped,
            },
            "page_kinds": dict(sorted(self.page_kinds.items(), key=lambda item: (-item[1], item[0]))),
            "failed": len(self.failures),
            "lines_removed": {"total": self.lines_removed, "by_stage": dict(sorted(self.removed_by_stage.items()))},
            "outputs_written": self.outputs_written,
            "left_out": dict(sorted(self.left_out.items())),
            "bytes_read": self.bytes_read,
            "seconds": round(self.seconds, 3),
            "cpu_seconds": round(self.cpu_seconds, 3),
            "files_per_second": round(files_per_s, 1),
            "mb_per_second": round(mb_per_s, 2),
            "jobs": self.jobs,
            "interrupted_by": self.interrupted_by,
            "exit_status": self.exit_status,
            "failures": [{"source": source, "problem": problem} for source, problem in self.failures],
        }

    def rows(self) -> list[tuple[str, str]]:
        """The summary as (label, text) rows: the table on a terminal, `label: text` lines elsewhere."""
        files_per_s, mb_per_s = self.rates()
        jobs = f"{self.jobs} job" + ("s" if self.jobs != 1 else "")
        rows = [
            ("files", f"{self.files_read:,} read ({self.bytes_read / 1e6:.1f} MB) in {self.seconds:.2f} s "
                      f"(CPU {self.cpu_seconds:.2f} s), "
                      f"{files_per_s:.1f} files/s, {mb_per_s:.2f} MB/s, {jobs}; "
                      f"{self.files_skipped:,} skipped as up to date, {self.files_failed:,} could not be read"),
            ("documents", f"{self.documents:,} cleaned: " + ", ".join(f"{self.verdicts[v]:,} {v}" for v in VERDICTS)
                          + f"; {self.documents_skipped:,} skipped as up to date"
                          # Failures of documents in files that were read (a record, a cleaning error).
                          + f", {max(0, len(self.failures) - self.files_failed):,} failed"),
            *([("page kinds", ", ".join(f"{n:,} {kind}" for kind, n in sorted(self.page_kinds.items(), key=lambda item: (-item[1], item[0]))))]
              if self.page_kinds else []),
            ("failed", f"{len(self.failures):,}" + (" (see the messages above)" if self.failures else "")),
            ("lines removed", f"{self.lines_removed:,}" + "".join(
                f", {stage} {n:,}" for stage, n in sorted(self.removed_by_stage.items()))),
        ]
        if self.left_out:
            rows.append(("left out", self.left_out_text()))
        return rows

    def text_lines(self) -> list[str]:
        """The summary as plain `label: text` lines (for a log file or a non-terminal stderr)."""
        return [f"{label}: {text}" for label, text in self.rows()]
