"""Bytes in any encoding: BOMs, UTF-16 without a BOM, windows-1252 with and without a declaration,
mojibake; the encoding used is reported in the JSON."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pytest
from pages import FRENCH, PARAGRAPHS, article_html

import newsclean
from newsclean.read.charsets import declared_charset
from newsclean.read.raw import decode

DUMP = "date 2024-03-12 200\n" + "\n".join(FRENCH) + "\n"


def clean_json(path: Path) -> dict:
    result = subprocess.run([sys.executable, "-m", "newsclean", "clean", "--format", "json", str(path)],
                            capture_output=True, timeout=60)
    assert result.returncode == 0, result.stderr
    return json.loads(result.stdout)


@pytest.mark.parametrize(
    ("codec", "reported"),
    [("utf-16", "utf-16"), ("utf-16-le", "utf-16-le"), ("utf-16-be", "utf-16-be"), ("utf-8-sig", "utf-8")],
)
def test_utf16_and_boms_decode_with_their_encoding_reported(tmp_path: Path, codec: str, reported: str) -> None:
    path = tmp_path / "dump.txt"
    path.write_bytes(DUMP.encode(codec))
    record = clean_json(path)
    assert record["encoding"] == reported
    assert record["paragraphs"] == FRENCH
    assert record["date"] == "2024-03-12"


def test_undeclared_cp1252_dump_is_guessed(tmp_path: Path) -> None:
    path = tmp_path / "dump.txt"
    path.write_bytes(DUMP.encode("cp1252"))
    record = clean_json(path)
    assert record["encoding"] == "cp1252"
    assert record["paragraphs"] == FRENCH


@pytest.mark.parametrize("damage", [b"\xff", b"\xc3", b"\x80\x80"])
def test_utf8_with_a_stray_invalid_byte_stays_utf8(tmp_path: Path, damage: bytes) -> None:
    # A bad splice in a dump with only a few accented letters: three good ones, one bad byte.
    first = "Le ministère a annoncé lundi que le plan serait maintenu malgré les protestations des habitants."
    second = "Une deuxième phrase ici, et encore une phrase complète pour le corps de cet article de presse."
    path = tmp_path / "dump.txt"
    path.write_bytes(f"{first}\n".encode() + b"Une phrase " + damage + f" au milieu.\n{second}\n".encode())
    record = clean_json(path)
    assert record["encoding"] == "utf-8"
    assert record["paragraphs"][0] == first and record["paragraphs"][-1] == second


def test_cp1252_html_with_meta_charset(tmp_path: Path) -> None:
    path = tmp_path / "page.html"
    path.write_bytes(article_html(paragraphs=FRENCH, charset="windows-1252").encode("cp1252"))
    record = clean_json(path)
    assert record["format"] == "html"
    assert record["encoding"] == "cp1252"
    assert record["paragraphs"] == FRENCH


def test_declared_charset_beats_a_wrong_guess() -> None:
    # Short Central European text: on its own, charset-normalizer may take it for another codepage.
    text = "Příliš žluťoučký kůň úpěl ďábelské ódy."
    html = f'<html><head><meta http-equiv="Content-Type" content="text/html; charset=windows-1250"></head><body><p>{text}</p></body></html>'
    data = html.encode("cp1250")
    assert decode(data, declared=declared_charset(data)) == (html, "cp1250")


def test_latin1_label_means_windows_1252_and_utf8_still_wins() -> None:
    data = "“Quoted” – café".encode("cp1252")
    assert decode(data, declared=declared_charset(data, "text/html; charset=ISO-8859-1")) == ("“Quoted” – café", "cp1252")
    utf8 = "“Quoted” – café".encode("utf-8")
    assert decode(utf8, declared=declared_charset(utf8, "text/html; charset=ISO-8859-1")) == ("“Quoted” – café", "utf-8")


CHINESE = "据医生介绍，此次生育不但对她的身体造成很大伤害，镕基与朱镕基的名字常见于报道。" * 4


def test_gb2312_label_is_read_as_gb18030() -> None:
    # 镕 is in GBK, not in GB2312: pages declared GB2312 are written in its supersets, as
    # browsers assume; the narrow codec failed and the guess came out as Cyrillic or Latin.
    html = f'<html><head><meta charset="gb2312"></head><body><p>{CHINESE}</p></body></html>'
    data = html.encode("gbk")
    assert declared_charset(data) == "gb18030"
    assert decode(data, declared=declared_charset(data)) == (html, "gb18030")


def test_a_few_damaged_bytes_keep_the_declared_codec() -> None:
    html = f'<html><head><meta charset="gbk"></head><body><p>{CHINESE}</p></body></html>'
    data = html.encode("gbk").replace("介绍".encode("gbk"), b"\xb0\x20", 1)  # a character cut in half
    text, encoding = decode(data, declared=declared_charset(data))
    assert encoding == "gb18030"
    assert text.count("\ufffd") == 1 and "造成很大伤害" in text


def test_a_wrong_declaration_is_still_overruled() -> None:
    # Mostly undecodable as declared (Windows-1251 text declared Shift_JIS): the guess decides.
    text = "Съешь же ещё этих мягких французских булок, да выпей чаю. " * 6
    html = f'<html><head><meta charset="shift_jis"></head><body><p>{text}</p></body></html>'
    decoded, encoding = decode(html.encode("cp1251"), declared="cp932")
    assert encoding != "cp932"


def test_a_single_byte_declaration_that_fails_on_one_byte_is_overruled() -> None:
    # windows-1251 text declared windows-1252: 1252 reads every byte but 0x81 (Ѓ in 1251), so
    # that one byte is the only sign of the wrong declaration, and the guess decides.
    text = "Съешь же ещё этих мягких французских булок, да выпей чаю. " * 6 + "Ѓорѓи."
    decoded, encoding = decode(text.encode("cp1251"), declared="cp1252")
    assert encoding != "cp1252"
    assert decoded == text


def test_mojibake_is_repaired() -> None:
    damaged = "\n".join(FRENCH).encode("utf-8").decode("cp1252")
    assert "Ã©" in damaged
    doc = newsclean.clean_bytes(damaged.encode("utf-8"), "mojibake.txt")
    assert doc.paragraphs == FRENCH


def test_clean_text_in_other_scripts_is_left_alone() -> None:
    text = "Ça va très bien. Größere Straßen führen über die Brücke.\nΗ Αθήνα είναι η πρωτεύουσα της Ελλάδας."
    doc = newsclean.clean_bytes(text.encode("utf-8"), "plain.txt")
    assert "\n".join(b.text for b in doc.blocks) == text


def test_html_in_utf16_is_still_html(tmp_path: Path) -> None:
    path = tmp_path / "page.htm"
    path.write_bytes(article_html(paragraphs=PARAGRAPHS, charset="utf-16").encode("utf-16"))
    record = clean_json(path)
    assert record["format"] == "html" and record["encoding"] == "utf-16"
    assert record["paragraphs"] == PARAGRAPHS


@pytest.mark.parametrize("data", [b"\x00\x01\x02\x03" * 100, bytes(range(256)) * 4, b"\x00" * 500])
def test_binary_with_regular_nul_bytes_is_not_taken_for_utf16(data: bytes) -> None:
    with pytest.raises(newsclean.NotTextError, match="not text: looks like binary data"):
        newsclean.clean_bytes(data, "blob.bin")


def test_meta_charset_is_found_in_any_case_and_only_in_a_meta_tag() -> None:
    from newsclean.read.charsets import meta_charset

    assert meta_charset(b'<META HTTP-EQUIV="Content-Type" CONTENT="text/html; CHARSET=KOI8-R">') == b"KOI8-R"
    assert meta_charset(b"<meta ChArSeT='utf-8'>") == b"utf-8"
    assert meta_charset(b"no declaration, charset=latin1 in text") is None
    assert meta_charset(b"<p>nothing here</p>") is None
