"""Compressed inputs are read transparently, detected by their magic bytes; bombs and corrupt data are errors."""

from __future__ import annotations

import bz2
import gzip
import lzma
import subprocess
import sys
from collections.abc import Callable
from pathlib import Path

import pytest
import zstandard
from conftest import SAMPLES
from pages import PARAGRAPHS, article_html

import newsclean
from newsclean import Config, InputError, TooLargeError
from newsclean.read.compression import compression_of

DUMP = SAMPLES / "japan-us-minerals.txt"
COMPRESSORS: dict[str, Callable[[bytes], bytes]] = {
    "gz": gzip.compress,
    "bz2": bz2.compress,
    "xz": lzma.compress,
    "zst": zstandard.ZstdCompressor().compress,
}


@pytest.mark.parametrize("suffix", sorted(COMPRESSORS))
def test_compressed_dump_cleans_like_the_plain_one(tmp_path: Path, suffix: str) -> None:
    packed = tmp_path / f"dump.txt.{suffix}"
    packed.write_bytes(COMPRESSORS[suffix](DUMP.read_bytes()))
    plain = newsclean.clean_file(str(DUMP))
    doc = newsclean.clean_file(str(packed))
    assert doc.paragraphs == plain.paragraphs and len(doc.paragraphs) == 7
    assert doc.meta.title == plain.meta.title


@pytest.mark.parametrize("suffix", sorted(COMPRESSORS))
def test_compressed_html_without_telling_extension(tmp_path: Path, suffix: str) -> None:
    packed = tmp_path / "page.dat"
    packed.write_bytes(COMPRESSORS[suffix](article_html().encode("utf-8")))
    doc = newsclean.clean_file(str(packed))
    assert doc.input_format == "html"
    assert doc.paragraphs == PARAGRAPHS


def test_multi_frame_zstd_and_multi_member_gzip(tmp_path: Path) -> None:
    data = DUMP.read_bytes()
    half = len(data) // 2
    frames = tmp_path / "dump.zst"
    frames.write_bytes(zstandard.compress(data[:half]) + zstandard.compress(data[half:]))
    members = tmp_path / "dump.gz"
    members.write_bytes(gzip.compress(data[:half]) + gzip.compress(data[half:]))
    expected = newsclean.clean_file(str(DUMP)).paragraphs
    assert newsclean.clean_file(str(frames)).paragraphs == expected
    assert newsclean.clean_file(str(members)).paragraphs == expected


@pytest.mark.parametrize("suffix", sorted(COMPRESSORS))
def test_decompression_bomb_is_an_error_not_an_out_of_memory(tmp_path: Path, suffix: str) -> None:
    bomb = tmp_path / f"bomb.txt.{suffix}"
    bomb.write_bytes(COMPRESSORS[suffix](b"A" * 20_000_000))
    assert bomb.stat().st_size < 1_000_000
    with pytest.raises(TooLargeError, match=r"decompresses to more than --max-bytes \(1,000,000 bytes\)"):
        newsclean.clean_file(str(bomb), Config(max_bytes=1_000_000))


def test_corrupt_and_truncated_archives_fail_with_one_line(tmp_path: Path) -> None:
    truncated = tmp_path / "cut.txt.gz"
    truncated.write_bytes(gzip.compress(DUMP.read_bytes())[:200])
    corrupt = tmp_path / "bad.txt.xz"
    corrupt.write_bytes(lzma.compress(DUMP.read_bytes())[:12] + b"\x00" * 200)
    with pytest.raises(InputError, match="corrupt gzip data"):
        newsclean.clean_file(str(truncated))
    result = subprocess.run([sys.executable, "-m", "newsclean", str(truncated), str(corrupt), str(DUMP)],
                            capture_output=True, text=True, timeout=60)
    errors = result.stderr.strip().splitlines()
    assert result.returncode == 1
    assert errors[0].startswith(f"newsclean: {truncated}: corrupt gzip data")
    assert errors[1].startswith(f"newsclean: {corrupt}: corrupt xz data")
    assert "Japan, US ink rare-earth minerals agreement" in result.stdout


def test_compressed_stdin(tmp_path: Path) -> None:
    result = subprocess.run([sys.executable, "-m", "newsclean", "--no-title"], input=gzip.compress(DUMP.read_bytes()),
                            capture_output=True, timeout=60)
    assert result.returncode == 0
    assert result.stdout.decode().startswith("(MENAFN) The United States and Japan")


def test_magic_bytes_not_file_names_decide() -> None:
    assert compression_of(gzip.compress(b"x")) == "gzip"
    assert compression_of(bz2.compress(b"x")) == "bzip2"
    assert compression_of(lzma.compress(b"x")) == "xz"
    assert compression_of(zstandard.compress(b"x")) == "zstd"
    assert compression_of(b"BZh, said the headline") is None
    assert compression_of(DUMP.read_bytes()) is None
