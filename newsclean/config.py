"""Every tunable of the cleaner in one frozen dataclass; each threshold is documented where it is defined."""

from __future__ import annotations

import dataclasses
import tomllib
from dataclasses import dataclass
from pathlib import Path

from .errors import ConfigError

INPUT_FORMATS = ("auto", "text", "html", "jsonl", "warc")
HTML_FOCUS = ("recall", "balanced", "precision")
HTML_ENGINES = ("trafilatura", "fast", "auto")
CHOICES = {"input_format": INPUT_FORMATS, "html_focus": HTML_FOCUS, "html_engine": HTML_ENGINES}


@dataclass(frozen=True)
class Config:
    """How newsclean reads and cleans. Defaults suit news and blog pages in any language."""

    # --- reading -------------------------------------------------------------------------
    max_bytes: int = 64 * 1024 * 1024
    """Inputs larger than this are refused with a clear error (0 = no limit)."""

    rule_files: tuple[str, ...] = ()
    """Extra phrase-list files (TOML, same format as newsclean/rules/*.toml) merged with the built-in ones."""

    input_format: str = "auto"
    """What the inputs are: "auto" (detected by content), "text", "html", "jsonl" or "warc"."""

    field: str | None = None
    """The JSONL field holding each record's text or HTML (None: the first of JSONL_FIELDS present)."""

    # --- HTML ----------------------------------------------------------------------------
    html_engine: str = "trafilatura"
    """How HTML pages are read: "trafilatura" (its extraction, then newsclean's HTML stages),
    "fast" (newsclean's own reader: the page's visible text blocks with their markup features,
    cleaned by the text stages; several times faster) or "auto" (fast, and trafilatura for the
    pages where the fast reader finds no confident article)."""

    html_focus: str = "recall"
    """trafilatura's mode: "recall" (keep more; newsclean's stages remove the rest), "balanced" or "precision"."""

    html_tables: bool = True
    """Keep the text of tables (data tables in articles; layout tables are pruned by trafilatura)."""

    html_timeout: float = 20.0
    """Seconds one page may spend in trafilatura before it fails as an input (0 = no limit).

    Enforced with a timer signal, so only in a process's main thread (the CLI and process-pool
    workers); `html_max_elements` bounds the work everywhere."""

    html_max_elements: int = 50_000
    """Pages with more HTML elements than this fail as inputs: trafilatura's time grows faster than
    linearly with the tree (40k elements take seconds, 80k a minute and a half). 0 = no limit."""

    html_max_attributes: int = 1_000
    """Pages with an element holding more attributes than this fail as inputs: the HTML parser
    compares each attribute with all earlier ones, inside one call no time limit can interrupt
    (an element of 200,000 attributes took 11 minutes). 0 = no limit."""

    # --- time ----------------------------------------------------------------------------
    clean_timeout: float = 10.0
    """Seconds the cleaning stages may spend on one document, plus `clean_timeout_per_mb` per
    million characters of its text; a document that takes longer fails as an input (0 = no limit).
    A safety net: cleaning is linear in the text, about a second per megabyte. Enforced with a
    timer signal, like `html_timeout`."""

    clean_timeout_per_mb: float = 5.0
    """Seconds added to `clean_timeout` per million characters of a document's text."""

    # --- header --------------------------------------------------------------------------
    header_max_lines: int = 8
    """Header lines (` date 2025-10-28 403`, ` url https://...`) are only looked for at the top."""

    # --- error page ----------------------------------------------------------------------
    error_scan_lines: int = 30
    """An error/consent preamble is looked for among the first this many lines."""

    error_max_gap: int = 2
    """Lines without an error phrase that may sit between two error lines of one preamble."""

    min_article_words: int = 25
    """A body with fewer words than this does not outweigh error-page text (verdict error_page)."""

    # --- boilerplate and the article's edges --------------------------------------------
    region_line_weight: float = 3.0
    """Words every line weighs beyond its own in the span score, so runs of short lines add up."""

    region_first_share: float = 0.3
    """Between end markers, the first part whose best span scores this share of the best part's wins."""

    # --- duplicates ----------------------------------------------------------------------
    duplicate_threshold: float = 90.0
    """Two paragraphs at least this similar (rapidfuzz ratio, 0-100) are duplicates."""

    duplicate_min_chars: int = 40
    """Shorter lines are only collapsed as part of a repeated run, never alone (subheadings repeat)."""

    duplicate_min_truncated: float = 0.4
    """A truncated copy must keep at least this share of the original to count as its duplicate."""

    duplicate_compare_chars: int = 2000
    """Long paragraphs are compared on their first and last this many characters (bounded cost)."""

    repeated_block_lines: int = 3
    """This many copied lines in a row are a repeated block, removed before the article is delimited."""

    duplicate_bucket_size: int = 8
    """A paragraph is compared with at most this many earlier candidates per blocking key."""

    # --- title ---------------------------------------------------------------------------
    title_max_words: int = 30
    """The headline is a short line: longer lines are never taken as the title."""

    title_scan_lines: int = 25
    """How far above the article body the headline is looked for."""

    def __post_init__(self) -> None:
        for name, allowed in CHOICES.items():
            if getattr(self, name) not in allowed:
                raise ConfigError(f"{name} must be one of {', '.join(allowed)}, not {getattr(self, name)!r}")

    def replace(self, **changes: object) -> Config:
        """A copy with some fields changed."""
        return dataclasses.replace(self, **changes)


def load_config(path: str | Path) -> Config:
    """A Config from a TOML file whose keys are Config field names (e.g. `duplicate_threshold = 92`)."""
    try:
        data = tomllib.loads(Path(path).read_text(encoding="utf-8"))
    except OSError as exc:
        raise ConfigError(f"{path}: cannot read config: {exc.strerror}") from None
    except tomllib.TOMLDecodeError as exc:
        raise ConfigError(f"{path}: invalid TOML: {exc}") from None
    known = {f.name: f for f in dataclasses.fields(Config)}
    unknown = sorted(set(data) - set(known))
    if unknown:
        raise ConfigError(f"{path}: unknown config keys: {', '.join(unknown)}")
    if "rule_files" in data:
        base = Path(path).parent
        data["rule_files"] = tuple(str(base / p) for p in data["rule_files"])
    return Config(**data)


DEFAULT_CONFIG = Config()
__all__ = ["Config", "DEFAULT_CONFIG", "load_config"]
