"""A document's site: the registered domain of its URL (archive URLs unwrapped), or its directory when asked."""

from __future__ import annotations

import os
import re
from collections.abc import Sequence
from fnmatch import fnmatchcase
from functools import lru_cache
from urllib.parse import urlsplit

from ..document import Document
from ..errors import ConfigError
from ..parse.text import LazyPattern

# web.archive.org/web/20200102030405/https://site/... (also with an `id_`/`if_` flag, or `*`);
# archive.today-style mirrors put the original URL after the same kind of stamp.
ARCHIVED = LazyPattern(r"^https?://[^/]+/(?:web/)?(?:\d{1,14}\*?|\*)[a-z_]*/+(?P<url>(?:https?:)?/*[^/].*)$", re.IGNORECASE)
ARCHIVE_HOSTS = ("web.archive.org", "wayback.archive.org", "archive.org", "archive.ph", "archive.today",
                 "archive.is", "webcache.googleusercontent.com", "arquivo.pt", "webarchive.org.uk")
NO_SITE = "-"  # the stdin source: no directory to name a site


def unwrap_archive(url: str) -> str:
    """The original URL of an archived copy (web.archive.org/web/STAMP/URL); other URLs as they are.

    >>> unwrap_archive("https://web.archive.org/web/20200101000000/https://www.example.com/a")
    'https://www.example.com/a'
    >>> unwrap_archive("http://web.archive.org/web/2019id_/example.org/b")
    'http://example.org/b'
    """
    for _ in range(3):  # an archive of an archive, at most a few levels
        host = (urlsplit(url).hostname or "").lower()
        match = ARCHIVED.match(url) if host in ARCHIVE_HOSTS else None
        if match is None:
            return url
        inner = match.group("url")
        if not re.match(r"^https?://", inner, re.IGNORECASE):
            inner = "http://" + inner.lstrip(":/").removeprefix("http").lstrip(":/")
        url = inner
    return url


@lru_cache(maxsize=4096)
def registered_domain(host: str) -> str:
    """The registered domain of a host name by the bundled public suffix list (offline), else the host.

    >>> registered_domain("www.bbc.co.uk"), registered_domain("news.example.com"), registered_domain("localhost")
    ('bbc.co.uk', 'example.com', 'localhost')
    """
    host = host.lower().rstrip(".")
    try:
        from tld import (
            get_fld,  # lazy: the list is parsed once, on first use; the file ships with tld
        )
    except ImportError:  # pragma: no cover - tld comes with trafilatura
        return host.removeprefix("www.")
    found = get_fld(host, fix_protocol=True, fail_silently=True)
    return str(found) if found else host.removeprefix("www.")


def site_of_url(url: str | None) -> str | None:
    """The site of a URL: the registered domain of its host, archive URLs unwrapped; None without a host.

    >>> site_of_url("https://web.archive.org/web/2021/https://edition.cnn.com/2021/x.html")
    'cnn.com'
    >>> site_of_url("not a url") is None
    True
    """
    if not url:
        return None
    url = unwrap_archive(url.strip())
    if "://" not in url[:12]:
        return None
    try:
        host = urlsplit(url).hostname
    except ValueError:  # a malformed IPv6 host
        return None
    if not host or "." not in host and host != "localhost":
        return None
    return registered_domain(host)


def site_of_directory(source: str) -> str | None:
    """The name of the directory holding an input ("crawl/example.com/a.txt" -> "example.com"); a
    record of a container (FILE#KEY) belongs to its file's directory."""
    if source == NO_SITE:
        return None
    name = os.path.basename(os.path.dirname(os.path.abspath(source)))
    return name or None


def site_of_source(source: str, site_map: Sequence[tuple[str, str]]) -> str | None:
    """The site the first matching (glob, site) pair names for an input path; a record of a container
    (FILE#KEY) also matches by its file.

    >>> site_of_source("crawl/nyt/a.txt", [("crawl/bbc/*", "bbc.co.uk"), ("crawl/nyt/*", "nytimes.com")])
    'nytimes.com'
    """
    candidates = (source, source.rpartition("#")[0]) if "#" in source else (source,)
    for pattern, site in site_map:
        if any(fnmatchcase(path, pattern) for path in candidates):
            return site
    return None


def site_key(doc: Document, from_directory: bool = False, site_map: Sequence[tuple[str, str]] = ()) -> str | None:
    """The site a document belongs to: its URL's registered domain; else, when the user said how, the
    site a --site-map pattern gives its input path, or its directory's name.

    Never a guess: a document without a URL has no site unless `site_map` or `from_directory` says so.
    """
    return (site_of_url(doc.meta.url) or (site_of_source(doc.source, site_map) if site_map else None)
            or (site_of_directory(doc.source) if from_directory else None))


def read_site_map(path: str) -> tuple[tuple[str, str], ...]:
    """The (glob, site) pairs of a site-map file: one `GLOB SITE` pair a line; blank lines and lines
    starting with # are skipped. ConfigError for an unreadable file or a malformed line."""
    try:
        with open(path, encoding="utf-8") as handle:
            text = handle.read()
    except (OSError, UnicodeDecodeError) as exc:
        raise ConfigError(f"{path}: cannot read site map: {getattr(exc, 'strerror', None) or exc}") from None
    pairs = []
    for number, line in enumerate(text.splitlines(), 1):
        if not line.strip() or line.lstrip().startswith("#"):
            continue
        fields = line.split()
        if len(fields) != 2:
            raise ConfigError(f"{path}:{number}: expected `GLOB SITE`, found {line.strip()[:60]!r}")
        pairs.append((fields[0], fields[1].lower()))
    return tuple(pairs)
