"""Every tunable of the cleaner in one frozen dataclass; each threshold is documented where it is defined."""

from __future__ import annotations

import dataclasses
import math
import re
from dataclasses import dataclass
from pathlib import Path

from .errors import ConfigError

INPUT_FORMATS = ("auto", "text", "html", "json", "jsonl", "warc")
HTML_FOCUS = ("recall", "balanced", "precision")
HTML_ENGINES = ("trafilatura", "fast", "auto")
CHOICES = {"input_format": INPUT_FORMATS, "html_focus": HTML_FOCUS, "html_engine": HTML_ENGINES}
# Bounds of numeric settings that are not plain non-negative counts, limits or seconds.
RANGES: dict[str, tuple[float, float]] = {
    "duplicate_threshold": (0, 100),
    "duplicate_min_truncated": (0, 1),
    "region_first_share": (0, 1),
}
# Numeric settings that must be at least 1 (a count of lines or words a rule needs to work at all).
POSITIVE = {"title_max_words", "duplicate_bucket_size", "repeated_block_lines", "duplicate_compare_chars"}
# Sizes: a number of bytes, or with a suffix (K, M, G: powers of 1024, as KiB, MiB, GiB; KB, MB,
# GB: powers of 1000), as `head -c` and `du` read them.
SIZE_UNITS = {"": 1, "k": 1024, "m": 1024**2, "g": 1024**3, "kib": 1024, "mib": 1024**2, "gib": 1024**3,
              "kb": 1000, "mb": 1000**2, "gb": 1000**3}
SIZE = re.compile(r"(\d+) *([a-z]*)", re.IGNORECASE)


@dataclass(frozen=True)
class Config:
    """How newsclean reads and cleans. Defaults suit news and blog pages in any language."""

    # --- reading -------------------------------------------------------------------------
    max_bytes: int = 64 * 1024 * 1024
    """Inputs larger than this are refused with a clear error (0 = no limit)."""

    rule_files: tuple[str, ...] = ()
    """Extra phrase-list files (TOML, same format as newsclean/rules/*.toml) merged with the built-in ones."""

    input_format: str = "auto"
    """What the inputs are: "auto" (detected by content), "text", "html", "json", "jsonl" or "warc"."""

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

    paywall_teaser_is_article: bool = False
    """A paywall or sign-in wall's teaser (the first paragraphs above "subscribe to continue
    reading") gets the verdict `article` (its text the teaser) instead of `error_page`; its
    `page_kind` is `paywall` (or `login_wall`) either way, and the JSON `teaser` holds its text.
    Off by default: a teaser is a cut-off article, which would pass into a corpus as a whole one."""

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

    # --- site templates ----------------------------------------------------------------
    site_from_dir: bool = False
    """A document without a URL belongs to the site its input's directory names
    ("crawl/example.com/a.txt" -> example.com). Off: such a document has no site (no guessing)."""

    site_map: tuple[tuple[str, str], ...] = ()
    """(glob, site) pairs: a document without a URL whose input path matches the glob belongs to the
    site (the first match wins; before site_from_dir). The CLI reads them from --site-map FILE."""

    template_max_pages: int = 300
    """Pages of one site a template is learnt from (a sample chosen by page hash, not input order):
    bounds the learning pass's memory, about 8 bytes per distinct line of each sampled page."""

    template_min_page_share: float = 0.01
    """A line is the site's template when it occurs on max(2, ceil(n * this)) of the site's n learnt pages."""

    template_max_page_share: float = 0.5
    """A page whose template lines would be more than this share of its kept text is left alone
    (the same story published twice on one site would otherwise lose its article)."""

    # --- title ---------------------------------------------------------------------------
    title_max_words: int = 30
    """The headline is a short line: longer lines are never taken as the title."""

    title_scan_lines: int = 40
    """How far above the article body the headline is looked for."""

    def __post_init__(self) -> None:
        if isinstance(self.rule_files, list):  # a list from Python code: frozen means a tuple
            object.__setattr__(self, "rule_files", tuple(self.rule_files))
        for spec in dataclasses.fields(self):
            problem = setting_problem(spec.name, str(spec.type), getattr(self, spec.name))
            if problem:
                raise ConfigError(f"{spec.name} must be {problem}, not {getattr(self, spec.name)!r}")

    def replace(self, **changes: object) -> Config:
        """A copy with some fields changed."""
        return dataclasses.replace(self, **changes)


def setting_problem(name: str, kind: str, value: object) -> str | None:
    """What a setting must be when `value` is not that (its type from the field's annotation, its
    range from RANGES and POSITIVE), else None.

    >>> setting_problem("duplicate_threshold", "float", "x"), setting_problem("html_tables", "bool", "no")
    ('a number from 0 to 100', 'true or false')
    >>> setting_problem("max_bytes", "int", -1), setting_problem("clean_timeout", "float", 2)
    ('a whole number of at least 0', None)
    """
    if name in CHOICES:
        return None if value in CHOICES[name] else f"one of {', '.join(CHOICES[name])}"
    if kind == "bool":
        return None if isinstance(value, bool) else "true or false"
    if kind in ("int", "float"):
        low, high = RANGES.get(name, (1 if name in POSITIVE else 0, math.inf))
        what = "a whole number" if kind == "int" else "a number"
        what += f" from {low:g} to {high:g}" if high < math.inf else f" of at least {low:g}"
        number = isinstance(value, int) or (kind == "float" and isinstance(value, float))
        if isinstance(value, bool) or not number or not low <= value <= high:  # type: ignore[operator]
            return what
        return None
    if kind == "str":
        return None if isinstance(value, str) else "a string"
    if kind == "str | None":
        return None if value is None or isinstance(value, str) else "a string"
    if kind.startswith("tuple[str"):
        ok = isinstance(value, (tuple, list)) and all(isinstance(item, str) for item in value)
        return None if ok else "a list of strings"
    return None  # a kind this check does not know: left to the code that reads it


def parse_size(text: str) -> int:
    """A size in bytes from "1048576", "10M", "64MiB", "1.5G" is refused (whole numbers only).

    >>> parse_size("10M"), parse_size("64 KiB"), parse_size("2GB"), parse_size("0")
    (10485760, 65536, 2000000000, 0)
    """
    found = SIZE.fullmatch(text)
    unit = found.group(2).lower() if found else ""
    if found is None or unit not in SIZE_UNITS:
        raise ValueError(f"not a size: {text!r} (a number of bytes, optionally with K, M, G, KiB, MiB, GiB, KB, MB, GB)")
    return int(found.group(1)) * SIZE_UNITS[unit]


def load_config(path: str | Path) -> Config:
    """A Config from a TOML file whose keys are Config field names (e.g. `duplicate_threshold = 92`)."""
    import tomllib  # lazy: only a run with a config file parses TOML

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
    if isinstance(data.get("max_bytes"), str):
        try:
            data["max_bytes"] = parse_size(data["max_bytes"])
        except ValueError as exc:
            raise ConfigError(f"{path}: max_bytes: {exc}") from None
    if "rule_files" in data:
        files = data["rule_files"]
        if not isinstance(files, list) or not all(isinstance(p, str) for p in files):
            raise ConfigError(f"{path}: rule_files must be a list of file names, not {files!r}")
        base = Path(path).parent
        data["rule_files"] = tuple(str(base / p) for p in files)
    try:
        return Config(**data)
    except ConfigError as exc:
        raise ConfigError(f"{path}: {exc}") from None


DEFAULT_CONFIG = Config()
__all__ = ["Config", "DEFAULT_CONFIG", "load_config"]
