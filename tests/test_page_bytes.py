"""The fast engine reads a UTF-8 page from its bytes as they are (api.parse_bytes) only where decoding
it and parsing its text would give the same Document: the compiled UTF-8 check takes what Python's
strict decoder takes, reads_as_utf8 holds only where decode() leaves the bytes' text as it is, and the
Documents agree on generated pages and on corpus pages. Skips where the input scan is not built."""

from __future__ import annotations

import codecs
from dataclasses import asdict

import pytest
from conftest import SHARED
from hypothesis import given, settings
from hypothesis import strategies as st

scan = pytest.importorskip("newsclean.read._scan", reason="the compiled input scan is not built here")

from newsclean import Config  # noqa: E402
from newsclean.api import decode_raw, parse, parse_bytes  # noqa: E402
from newsclean.parse.html import matched_most_attributes, most_attributes  # noqa: E402
from newsclean.read.charsets import media_type  # noqa: E402
from newsclean.read import raw as raw_module  # noqa: E402
from newsclean.read.raw import RawDocument, decode, reads_as_utf8  # noqa: E402

if raw_module.utf8_valid is None:
    pytest.skip("NEWSCLEAN_PURE_PYTHON is set", allow_module_level=True)

# Bytes around UTF-8's edges: every lead byte, continuation bytes, and the encoded forms of the
# characters at the ends of each length (surrogates and an overlong form too, which are not UTF-8).
EDGE_CHARS = (0x7F, 0x80, 0x7FF, 0x800, 0xFFF, 0xD7FF, 0xD800, 0xDFFF, 0xE000, 0xFFFF, 0x10000, 0x10FFFF)
BYTE_PIECES = st.lists(st.one_of(
    st.binary(min_size=1, max_size=3),
    st.sampled_from([chr(c).encode("utf-8", "surrogatepass") for c in EDGE_CHARS] + [b"\xc0\x80", b"\xf4\x90\x80\x80",
                                                                                      b"plain ascii text", b"\xe2\x82"]),
), max_size=12)


def strictly_utf8(data: bytes) -> bool:
    try:
        data.decode("utf-8")
    except UnicodeDecodeError:
        return False
    return True


@given(BYTE_PIECES)
@settings(max_examples=800, deadline=None)
def test_the_utf8_check_takes_what_the_strict_decoder_takes(pieces: list[bytes]) -> None:
    data = b"".join(pieces)
    assert scan.utf8_valid(data) == strictly_utf8(data)


def test_every_character_and_its_cut_form_are_checked_as_the_decoder_does() -> None:
    for code in range(0, 0x110000, 7):
        data = chr(code).encode("utf-8", "surrogatepass")
        assert scan.utf8_valid(data) == strictly_utf8(data), hex(code)
        assert scan.utf8_valid(b"x" * 9 + data[:-1]) == strictly_utf8(data[:-1]), hex(code)


@given(BYTE_PIECES)
@settings(max_examples=400, deadline=None)
def test_bytes_read_as_utf8_are_the_text_decode_gives(pieces: list[bytes]) -> None:
    data = b"<p>" + b"".join(pieces)
    if reads_as_utf8(data):
        assert decode(data) == (data.decode("utf-8"), "utf-8")


def test_bytes_decode_would_change_are_not_read_as_they_are() -> None:
    page = "<p>caf\u00e9 \u5317\u4eac</p>".encode()
    assert reads_as_utf8(page)
    assert not reads_as_utf8(codecs.BOM_UTF8 + page)  # (decode drops the mark)
    assert not reads_as_utf8(page + b"\x00")  # (decode drops NULs)
    assert not reads_as_utf8("<p>caf\u00e9</p>".encode("cp1252"))
    assert not reads_as_utf8(b"%PDF-1.4 <p>x</p>")


def test_the_scans_read_bytes_as_they_read_the_text() -> None:
    text = "<p class=x id=\u00e9 a b c>\u3000on\u00a0line on line</p>"
    data = text.encode()
    assert scan.holds_ascii(data, "on line") is scan.holds_ascii(text, "on line") is True
    assert scan.holds_ascii(data, "no line") is False
    assert most_attributes(data, 2) == most_attributes(text, 2) == matched_most_attributes(text, 2) == 5


def document_of(raw: RawDocument, config: Config, from_bytes: bool) -> dict[str, object] | None:
    """The parsed Document (as plain data) by parse_bytes, or by decode_raw and parse."""
    if from_bytes:
        doc = parse_bytes(raw, config)
        if doc is None:
            return None
    else:
        text, encoding = decode_raw(raw, config)
        doc = parse(text, raw.source, encoding, config, media_type(raw.content_type))
    return asdict(doc)


PAGE_PIECES = st.lists(st.sampled_from([
    "<p>", "</p>", "<div class=share>", "</div>", "caf\u00e9 ", "\u5317\u4eac", "\U0001f600", "text ", "<br>",
    "<script type='application/ld+json'>{\"headline\": \"H\u00e9\"}</script>", "<meta property=og:title content=T>",
    "<title>T\u00eftle</title>", "&amp;", "&eacute;", "<a href=/x>link</a>", "\n", "<h1>", "</h1>",
]), max_size=30)
FAST = Config(html_engine="fast")


@given(PAGE_PIECES)
@settings(max_examples=200, deadline=None)
def test_a_page_read_from_its_bytes_is_the_page_read_from_its_text(pieces: list[str]) -> None:
    raw = RawDocument("page.html", ("<!DOCTYPE html><html><body>" + "".join(pieces) + "</body></html>").encode())
    assert document_of(raw, FAST, True) == document_of(raw, FAST, False)


def test_corpus_pages_read_from_their_bytes_are_the_pages_read_from_their_text() -> None:
    pages = sorted((SHARED / "corpus").glob("*/*.html"))[::4]
    if not pages:
        pytest.skip("the shared corpus is not here")
    read = 0
    for path in pages:
        raw = RawDocument(str(path), path.read_bytes())
        from_bytes = document_of(raw, FAST, True)
        if from_bytes is not None:
            read += 1
            assert from_bytes == document_of(raw, FAST, False), path
    assert read >= len(pages) // 2


def test_what_the_bytes_cannot_say_is_read_from_the_text() -> None:
    page = "<html><body><p>Caf\u00e9 text.</p></body></html>"
    assert parse_bytes(RawDocument("a.html", page.encode()), FAST) is not None
    message = "<br />\n<b>Warning</b>:  Undefined variable $x in <b>/var/www/a.php</b> on line <b>3</b><br />\n"
    for raw, config in [
        (RawDocument("a.html", page.encode()), Config(html_engine="trafilatura")),
        (RawDocument("a.html", page.encode()), Config(html_engine="auto")),  # (it may read the text again)
        (RawDocument("a.html", (message + page).encode()), FAST),  # (the strip changes the text)
        (RawDocument("a.html", codecs.BOM_UTF8 + page.encode()), FAST),
        (RawDocument("a.html", page.encode("cp1252")), FAST),
        (RawDocument("a.txt", page.encode(), content_type="text/plain"), FAST),
        (RawDocument("a.txt", b"Use <p> for paragraphs.\n"), FAST),  # (no HTML start: a dump)
        (RawDocument("a.html", page.encode(), problem="broken record"), FAST),
        (RawDocument("a.html", page.encode()), Config(html_engine="fast", max_bytes=10)),
    ]:
        assert parse_bytes(raw, config) is None, (raw.source, raw.data[:20], config.html_engine)
