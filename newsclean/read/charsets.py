"""The encoding a document declares: the charset of its HTTP Content-Type, else of its own markup.

A declaration is a hint that decoding checks, not a promise: servers often say ISO-8859-1 for
UTF-8 pages, so UTF-8 that decodes cleanly still wins (see sources.decode).
"""

from __future__ import annotations

import codecs
import re

# Browsers read these labels as windows-1252 (WHATWG Encoding Standard), and so do the pages
# that use them: curly quotes and dashes in the 0x80-0x9F range are common.
WINDOWS_1252_LABELS = {"iso-8859-1", "iso8859-1", "latin-1", "latin1", "l1", "us-ascii", "ascii", "cp819"}
# Likewise, browsers decode these legacy codecs with their supersets (WHATWG Encoding Standard):
# a page declared GB2312 is written in GBK or GB18030, one declared EUC-KR in windows-949, and
# the narrow codec fails on the first character outside it.
SUPERSET_CODECS = {"gb2312": "gb18030", "gbk": "gb18030", "euc_kr": "cp949", "shift_jis": "cp932",
                   "big5": "big5hkscs", "iso8859_9": "cp1254", "tis_620": "cp874", "iso8859_11": "cp874"}
# The charset must be declared near the top of a page; the first few KiB are scanned.
PRESCAN_BYTES = 8192
# `charset=NAME` anywhere; meta_charset() then checks that it sits inside a `<meta ...>` tag. The
# tag is found by looking back from the value, over a bounded window: a pattern that starts at
# `<meta` and scans forward for "charset" rescans the rest of the text from every `<meta`
# (quadratic on `<meta <meta <meta ...`).
CHARSET_VALUE = re.compile(rb"""charset\s*=\s*["']?\s*([\w.:-]+)""", re.IGNORECASE)
MAX_META_TAG = 1024
XML_DECLARATION = re.compile(rb"""^\s*<\?xml\b[^>]*?encoding\s*=\s*["']([\w.:-]+)""", re.IGNORECASE)
# charset-normalizer's scores within these margins of the best count as a tie.
TIE_CHAOS = 0.05
TIE_COHERENCE = 0.02
PREFERRED_LEGACY = "cp1252"
CHARSET_PARAM = re.compile(r"""charset\s*=\s*["']?\s*([\w.:-]+)""", re.IGNORECASE)


def media_type(content_type: str | None) -> str | None:
    """The lower-case media type of a Content-Type value.

    >>> media_type("Text/HTML; charset=UTF-8")
    'text/html'
    """
    if not content_type:
        return None
    return content_type.split(";", 1)[0].strip().lower() or None


def codec_name(label: str | None) -> str | None:
    """Python's name for an encoding label, or None when Python has no such codec.

    >>> codec_name("ISO-8859-1"), codec_name("GB2312"), codec_name("Shift_JIS"), codec_name("x-unknown")
    ('cp1252', 'gb18030', 'cp932', None)
    """
    if not label:
        return None
    label = label.strip().lower()
    if label in WINDOWS_1252_LABELS:
        label = "cp1252"
    try:
        name = codecs.lookup(label).name
    except LookupError:
        return None
    return SUPERSET_CODECS.get(name, name)


def declared_charset(data: bytes, content_type: str | None = None) -> str | None:
    """The codec a document declares: Content-Type charset first, then `<meta charset>` or `<?xml encoding>`."""
    header = CHARSET_PARAM.search(content_type or "")
    if header and (name := codec_name(header.group(1))):
        return name
    head = data[:PRESCAN_BYTES]
    found = XML_DECLARATION.search(head)
    label = found.group(1) if found else meta_charset(head)
    return codec_name(label.decode("ascii", "replace")) if label else None


def meta_charset(head: bytes) -> bytes | None:
    """The charset a `<meta charset=...>` or `<meta http-equiv ... content="...; charset=...">` tag names.

    >>> meta_charset(b'<title>charset=x</title><meta http-equiv="Content-Type" content="text/html; charset=koi8-r">')
    b'koi8-r'
    """
    if b"charset" not in head.lower():
        return None  # (CHARSET_VALUE ignores case in ASCII only, as bytes.lower lowers it)
    for value in CHARSET_VALUE.finditer(head):
        start = head.rfind(b"<", max(0, value.start() - MAX_META_TAG), value.start())
        if start < 0 or b">" in head[start : value.start()]:
            continue  # not inside a tag
        name = head[start + 1 : start + 6].lower()
        if name[:4] == b"meta" and not name[4:5].isalnum():
            return value.group(1)
    return None


def guess_encoding(data: bytes) -> tuple[str, str] | None:
    """Text and encoding of undeclared legacy bytes, by charset-normalizer; None when nothing fits.

    On short or mostly-ASCII text several single-byte codecs fit equally well (cp1252, cp1257,
    cp1250 differ in a few letters). Among those that fit as well as the best, windows-1252,
    by far the most used legacy encoding of the web, is taken.
    """
    from charset_normalizer import from_bytes

    matches = from_bytes(data)
    best = matches.best()
    if best is None:
        return None
    for match in matches:
        as_good = match.chaos <= best.chaos + TIE_CHAOS and match.coherence >= best.coherence - TIE_COHERENCE
        if as_good and PREFERRED_LEGACY in match.could_be_from_charset:
            return str(match), PREFERRED_LEGACY
    return str(best), best.encoding
