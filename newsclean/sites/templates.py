"""Exact counts of a site's lines over its pages: a line on many pages of one site is its template.

A line's signature is a stable 64-bit hash (BLAKE2b, never Python's salted hash()) of the line
case-folded, with digit runs and whitespace collapsed, so "Updated 3 May 2024" on one page and
"Updated 17 June 2025" on another are one line. A TemplateTable counts, per site, on how many
distinct pages each signature occurs; tables of disjoint shards merge by adding. A
TemplateLearner keeps a bounded, order-independent sample of each site's pages (those with the
smallest page hashes), so memory is bounded per site and no input order changes the result.
"""

from __future__ import annotations

import hashlib
import heapq
import json
import math
import re
from collections import Counter
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field
from pathlib import Path

from ..document import Document, Stage
from ..errors import ConfigError

FORMAT = "newsclean-templates"
VERSION = 1
SIGNATURE_BYTES = 8
DIGITS = re.compile(r"\d+")
DEFAULT_MAX_PAGES = 300


def normalise_line(text: str) -> str:
    """A line as compared across pages: case-folded, every digit run one "0", whitespace runs one space.

    >>> normalise_line("  Updated 17 June   2025 ")
    'updated 0 june 0'
    """
    return " ".join(DIGITS.sub("0", text.casefold()).split())


def _digest(text: str) -> bytes | None:
    """The 8-byte signature of a line, or None for a line without letters (numbers, symbols, rules)."""
    if not any(ch.isalpha() for ch in text):
        return None
    return hashlib.blake2b(normalise_line(text).encode("utf-8", "surrogatepass"), digest_size=SIGNATURE_BYTES).digest()


def line_signature(text: str) -> str | None:
    """A line's stable signature (16 hex digits), the same for lines that differ only in case, digits or
    spacing; None for a line without letters.

    >>> line_signature("Subscribe to our newsletter") == line_signature("SUBSCRIBE  to our Newsletter ")
    True
    >>> line_signature("12:30 | 2024") is None
    True
    """
    digest = _digest(text)
    return None if digest is None else digest.hex()


def page_signatures(lines: Iterable[str]) -> frozenset[str]:
    """The distinct signatures of a page's lines (a line counts once per page however often it repeats)."""
    return frozenset(sig for sig in map(line_signature, lines) if sig is not None)


def page_lines(doc: Document) -> list[str]:
    """The lines of a document that count for its site: all but a scraper's header lines (URL, date)."""
    return [b.text for b in doc.blocks if b.removal is None or b.removal.stage is not Stage.HEADER]


@dataclass
class TemplateTable:
    """Per site: how many pages were learnt, and on how many of them each line signature occurs."""

    pages: dict[str, int] = field(default_factory=dict)
    counts: dict[str, dict[str, int]] = field(default_factory=dict)

    def add_page(self, site: str, signatures: Iterable[str]) -> None:
        """Count one page of a site (its distinct signatures)."""
        self.pages[site] = self.pages.get(site, 0) + 1
        counts = self.counts.setdefault(site, {})
        for sig in set(signatures):
            counts[sig] = counts.get(sig, 0) + 1

    def merge(self, other: TemplateTable) -> TemplateTable:
        """A new table adding two tables' counts (exact for unpruned tables of disjoint sets of pages)."""
        merged = TemplateTable(dict(self.pages), {site: dict(c) for site, c in self.counts.items()})
        for site, n in other.pages.items():
            merged.pages[site] = merged.pages.get(site, 0) + n
        for site, counts in other.counts.items():
            into = merged.counts.setdefault(site, {})
            for sig, count in counts.items():
                into[sig] = into.get(sig, 0) + count
        return merged

    def pruned(self, min_pages: int = 2) -> TemplateTable:
        """Only the lines seen on at least min_pages pages (what marking needs; sites keep their page counts)."""
        counts = {site: {s: c for s, c in lines.items() if c >= min_pages} for site, lines in self.counts.items()}
        return TemplateTable(dict(self.pages), {site: lines for site, lines in counts.items() if lines})

    def threshold(self, site: str, min_share: float) -> int:
        """Pages a line must occur on to be the site's template: max(2, ceil(n * min_share)) of its n pages."""
        return max(2, math.ceil(self.pages.get(site, 0) * min_share - 1e-9))

    def count(self, site: str, signature: str) -> int:
        """On how many of the site's learnt pages a signature occurs (0 when unknown)."""
        return self.counts.get(site, {}).get(signature, 0)

    def to_dict(self) -> dict[str, object]:
        """The table as JSON data, keys sorted (the same table always gives the same file)."""
        return {
            "format": FORMAT,
            "version": VERSION,
            "signature": "blake2b-64 of the line case-folded, digit runs as 0, whitespace collapsed",
            "sites": {
                site: {"pages": self.pages[site], "lines": dict(sorted(self.counts.get(site, {}).items()))}
                for site in sorted(self.pages)
            },
        }

    @classmethod
    def from_dict(cls, data: object, source: str = "<templates>") -> TemplateTable:
        """A table from to_dict's data; ConfigError when it is not one."""
        if not isinstance(data, dict) or data.get("format") != FORMAT or not isinstance(data.get("sites"), dict):
            raise ConfigError(f"{source}: not a newsclean templates file (see --learn-templates)")
        if data.get("version") != VERSION:
            raise ConfigError(f"{source}: templates file version {data.get('version')!r}, expected {VERSION}")
        table = cls()
        for site, entry in data["sites"].items():
            try:
                table.pages[str(site)] = int(entry["pages"])
                table.counts[str(site)] = {str(s): int(c) for s, c in entry["lines"].items()}
            except (KeyError, TypeError, ValueError, AttributeError):
                raise ConfigError(f"{source}: malformed entry for site {site!r}") from None
        return table

    def to_json(self) -> str:
        """The table as the JSON text save() writes."""
        return json.dumps(self.to_dict(), ensure_ascii=False, indent=1) + "\n"

    def save(self, path: str | Path) -> None:
        """Write the table as JSON."""
        Path(path).write_text(self.to_json(), encoding="utf-8")

    @classmethod
    def load(cls, path: str | Path) -> TemplateTable:
        """Read a table written by save(); ConfigError when the file is missing or not a table."""
        try:
            data = json.loads(Path(path).read_text(encoding="utf-8"))
        except OSError as exc:
            raise ConfigError(f"{path}: cannot read templates: {exc.strerror or exc}") from None
        except (json.JSONDecodeError, UnicodeDecodeError) as exc:
            raise ConfigError(f"{path}: templates file is not JSON: {exc}") from None
        return cls.from_dict(data, str(path))


@dataclass
class TemplateLearner:
    """Pages of each site, a bounded sample: the max_pages distinct pages with the smallest page hashes.

    A page is its set of 8-byte line signatures, packed (8 bytes a line). The sample depends only
    on which pages were added, not on their order, and identical pages count once.
    """

    max_pages: int = DEFAULT_MAX_PAGES
    sites: dict[str, dict[bytes, bytes]] = field(default_factory=dict)  # site -> page hash -> packed signatures
    _heaps: dict[str, list[tuple[int, bytes]]] = field(default_factory=dict, repr=False)  # max-heap by hash

    def __post_init__(self) -> None:
        if self.max_pages < 1:
            raise ConfigError(f"template_max_pages must be at least 1, not {self.max_pages}")

    @staticmethod
    def pack(lines: Iterable[str]) -> bytes:
        """A page's distinct line signatures, sorted and packed (what add_packed and workers exchange)."""
        return b"".join(sorted({d for d in map(_digest, lines) if d is not None}))

    def add(self, site: str, lines: Iterable[str]) -> None:
        """Learn one page of a site from its lines."""
        self.add_packed(site, self.pack(lines))

    def add_packed(self, site: str, packed: bytes) -> None:
        """Learn one page given as pack() made it; pages without a line with letters are ignored."""
        if not packed:
            return
        key = hashlib.blake2b(packed, digest_size=SIGNATURE_BYTES).digest()
        pages = self.sites.setdefault(site, {})
        if key in pages:
            return
        heap = self._heaps.setdefault(site, [])
        rank = -int.from_bytes(key, "big")
        if len(pages) >= self.max_pages:
            if rank <= heap[0][0]:
                return  # a larger hash than every sampled page: not in the sample
            _, dropped = heapq.heappushpop(heap, (rank, key))
            del pages[dropped]
        else:
            heapq.heappush(heap, (rank, key))
        pages[key] = packed

    def merge(self, other: TemplateLearner) -> None:
        """Add another learner's sampled pages (the result is the sample of both inputs together)."""
        for site, pages in other.sites.items():
            for packed in pages.values():
                self.add_packed(site, packed)

    def table(self, min_pages: int = 2) -> TemplateTable:
        """The exact counts over the sampled pages, lines seen on fewer than min_pages pages left out."""
        table = TemplateTable()
        for site in sorted(self.sites):
            pages = self.sites[site]
            counts: Counter[bytes] = Counter()
            for packed in pages.values():
                counts.update(_unpack(packed))
            table.pages[site] = len(pages)
            kept = {digest.hex(): c for digest, c in counts.items() if c >= min_pages}
            if kept:
                table.counts[site] = kept
        return table


def _unpack(packed: bytes) -> Iterator[bytes]:
    for start in range(0, len(packed), SIGNATURE_BYTES):
        yield packed[start:start + SIGNATURE_BYTES]
