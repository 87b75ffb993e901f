"""Hostile text: terminal control sequences, OSC-8 hyperlinks, bidi overrides and rich markup in dumps,
metadata and file names never reach a terminal raw, and names from the inputs never place an output
outside OUTDIR.

The rule for file outputs (README "What newsclean does with bad input"): the clean text, the title and
every metadata value hold no control or format character; newlines only separate paragraphs (and the
lines of a code block from HTML), tabs and other spaces become a plain space. The JSON `source` is the
path as given, escaped by JSON. Terminal outputs (error lines, the `==> NAME <==` headers, the diff
report, the progress bar) show a control character in a name as an escape such as `\\x1b`.

Also covered elsewhere: the diff report renders a hostile dump inert in-process
(test_report.py::test_markup_and_escape_sequences_in_a_dump_render_inert), record keys are sanitized
(test_batch.py::test_sanitize_key_makes_one_safe_unique_name), a symlink planted in OUTDIR is refused
(test_batch.py::test_outputs_never_follow_a_symlink_planted_in_outdir).
"""

from __future__ import annotations

import json
import os
import subprocess
import sys
import unicodedata
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from click.testing import CliRunner, Result
from conftest import BODY, HEADLINE, dump, run_on_a_terminal

import newsclean
from newsclean.cli import main

COMMAND = [sys.executable, "-m", "newsclean"]
CSI_CLEAR = "\x1b[2J\x1b[H"
OSC_TITLE = "\x1b]0;pwned\x07"
OSC_LINK = "\x1b]8;;https://evil.example/\x1b\\click here\x1b]8;;\x1b\\"
C1_CSI = "\x9b31m"  # an 8-bit CSI: a terminal in Latin-1 mode reads it as ESC [
BIDI = "\u202eesrever\u202c \u2066isolate\u2069"
INVISIBLE = "zero\u200bwidth\u00adsoft \x7f\x08\x07"
MARKUP = "[bold red]not markup[/bold red] [link=https://evil.example]x[/link] :smile:"
HOSTILE_LINES = [
    f" title Evil {OSC_TITLE}headline",
    f"{CSI_CLEAR}Home",
    f"{BODY[0]} {OSC_LINK}",
    f"{BODY[1]} {C1_CSI}red{BIDI}",
    f"{BODY[2]}\r{INVISIBLE}",
    f"{BODY[3]} {MARKUP}",
    BODY[4],
]
HOSTILE_DUMP = "\n".join(HOSTILE_LINES) + "\n"
EVIL_NAME = "evil\x1b[2J\x1b]8;;https:evil.example\x07name\u202e\n.txt"


def invoke(*args: object, stdin: bytes | None = None) -> Result:
    return CliRunner().invoke(main, ["clean", *map(str, args)], input=stdin, catch_exceptions=False)


def strings(value: Any) -> Iterator[str]:
    """Every string in a JSON value, keys included."""
    if isinstance(value, str):
        yield value
    elif isinstance(value, dict):
        for key, item in value.items():
            yield key
            yield from strings(item)
    elif isinstance(value, list):
        for item in value:
            yield from strings(item)


def control_characters(text: str, allowed: str = "\n") -> set[str]:
    """The control, format and other invisible characters in text (besides `allowed`)."""
    return {ch for ch in text if ch not in allowed and unicodedata.category(ch) in ("Cc", "Cf", "Zl", "Zp", "Co", "Cs", "Cn")}


# --- file outputs: control characters removed, markup kept as text --------------------------------------


def test_clean_text_and_json_hold_no_control_character_and_keep_markup_as_written(tmp_path: Path) -> None:
    page = tmp_path / "page.txt"
    page.write_text(HOSTILE_DUMP, encoding="utf-8")
    text = invoke(page)
    assert text.exit_code == 0
    assert control_characters(text.stdout) == set()
    assert MARKUP in text.stdout  # rich markup is page text: printed as written, never interpreted
    # The escape characters go; what followed them is plain text, shown as it is.
    assert text.stdout.startswith("Evil ]0;pwnedheadline\n\n")
    assert "esrever isolate" in text.stdout and "zerowidthsoft" in text.stdout
    record = json.loads(invoke(page, "--format", "json").stdout)
    assert record["paragraphs"] == newsclean.clean(HOSTILE_DUMP).paragraphs
    for value in strings({k: v for k, v in record.items() if k != "text"}):
        assert control_characters(value, allowed="") == set(), value
    assert control_characters(record["text"]) == set()
    # Removed lines are clean too: what a report of removals shows cannot drive a terminal either.
    assert [item["text"] for item in record["removed"]][:2] == ["title Evil ]0;pwnedheadline", "[2J[HHome"]


def test_metadata_from_jsonl_fields_and_warc_headers_is_cleaned_like_the_text(tmp_path: Path) -> None:
    record = {"text": dump(*BODY), "title": f"Big {OSC_LINK} {CSI_CLEAR}news", "url": f"https://a.example/{C1_CSI}x",
              "author": f"Jane{BIDI}", "id": "crawl-\x1b[31m7", "note": "line one\nline\ttwo\x07"}
    jsonl = tmp_path / "crawl.jsonl"
    jsonl.write_text(json.dumps(record) + "\n", encoding="utf-8")
    text = invoke(jsonl, "--no-title").stdout + invoke(jsonl).stdout
    assert control_characters(text) == set()
    [out] = [json.loads(line) for line in invoke(jsonl, "--format", "jsonl").stdout.splitlines()]
    assert out["title"] == "Big ]8;;https://evil.example/\\click here]8;;\\ [2J[Hnews"
    assert (out["url"], out["author"]) == ("https://a.example/31mx", "Janeesrever isolate")
    assert out["extra"] == {"id": "crawl-[31m7", "note": "line one line two"}
    warc = tmp_path / "crawl.warc"
    warc.write_bytes(raw_warc([(f"<urn:uuid:{CSI_CLEAR}1>", f"https://b.example/{CSI_CLEAR}page", dump(*BODY))]))
    [from_warc] = [json.loads(line) for line in invoke(warc, "--format", "jsonl").stdout.splitlines()]
    assert from_warc["url"] == "https://b.example/[2J[Hpage"
    assert control_characters(json.dumps(from_warc, ensure_ascii=False)) == set()


# --- terminal outputs: names shown as escapes -------------------------------------------------------------


def test_file_names_with_escape_sequences_are_shown_escaped_on_stdout_and_stderr(tmp_path: Path) -> None:
    crawl = tmp_path / "crawl"
    crawl.mkdir()
    good, bad = crawl / EVIL_NAME, crawl / ("bad" + EVIL_NAME)
    good.write_text(dump(HEADLINE, *BODY), encoding="utf-8")
    bad.write_bytes(b"%PDF-1.7\n")
    shown = str(crawl) + "/evil\\x1b[2J\\x1b]8;;https:evil.example\\x07name\\u202e\\n.txt"
    result = invoke(good, bad, "-q")
    assert result.exit_code == 1
    assert result.stdout.startswith(f"==> {shown} <==\n{HEADLINE}\n")
    assert result.stderr == f"newsclean: {shown.replace('/evil', '/badevil')}: not text: looks like a PDF document\n"
    assert control_characters(result.stdout + result.stderr) == set()
    # JSON names the file exactly, escaped by JSON: the stream stays one record per line.
    [record] = [json.loads(line) for line in invoke(crawl, "-q").stdout.splitlines()]
    assert record["source"] == str(good)


def test_the_diff_report_of_a_hostile_dump_writes_colours_and_nothing_else(tmp_path: Path) -> None:
    import re

    page = tmp_path / EVIL_NAME
    page.write_text(HOSTILE_DUMP, encoding="utf-8")
    for args in ([], ["-y"]):
        result = subprocess.run([*COMMAND, "diff", "--color", *args, str(page)], capture_output=True, timeout=60,
                                env={**os.environ, "COLUMNS": "250"})
        assert result.returncode == 0, result.stderr
        out = result.stdout.decode("utf-8")
        plain = re.sub(r"\x1b\[[0-9;]*m", "", out)  # rich's own colours are the only escapes
        assert control_characters(plain) == set()
        assert "evil\\x1b[2J\\x1b]8;;https:evil.example\\x07name\\u202e\\n.txt" in plain
        assert "[bold red]not markup[/bold red]" in plain.replace("\n", "")  # markup shown as written


def test_a_hostile_name_above_the_progress_bar_is_escaped(tmp_path: Path) -> None:
    crawl = tmp_path / "crawl"
    crawl.mkdir()
    for i in range(30):
        (crawl / f"{i:02d}.txt").write_text(dump(HEADLINE, *BODY), encoding="utf-8")
    (crawl / ("00" + EVIL_NAME)).write_bytes(b"\x89PNG\r\n\x1a\n" + bytes(64))
    status, text = run_on_a_terminal([*COMMAND, "clean", str(crawl), "-o", str(tmp_path / "out"), "-j", "1"],
                                     columns=200)
    assert status == 1
    assert "00evil\\x1b[2J\\x1b]8;;https:evil.example\\x07name\\u202e\\n.txt: not text" in text
    assert "\x1b[2J" not in text and "\x1b]8;;https:evil" not in text and "\u202e" not in text


def test_names_that_are_not_utf8_give_valid_json_that_round_trips(tmp_path: Path) -> None:
    crawl = tmp_path / "crawl"
    crawl.mkdir()
    good, bad = os.fsencode(crawl) + b"/caf\xe9.txt", os.fsencode(crawl) + b"/bin\xe9.txt"
    with open(good, "wb") as handle:
        handle.write(dump(HEADLINE, *BODY).encode())
    with open(bad, "wb") as handle:
        handle.write(b"%PDF-1.7\n")
    report = tmp_path / "summary.json"
    result = subprocess.run([*COMMAND, "clean", str(crawl), "--summary-json", str(report), "-q"],
                            capture_output=True, timeout=60)
    assert result.returncode == 1 and b"Traceback" not in result.stderr
    assert result.stderr == b"newsclean: " + os.fsencode(crawl) + b"/bin\\udce9.txt: not text: looks like a PDF document\n"
    record = json.loads(result.stdout.decode("utf-8"))  # valid UTF-8: the odd byte is a JSON escape
    assert record["source"] == os.fsdecode(good) and os.fsencode(record["source"]) == good
    assert json.loads(report.read_text(encoding="utf-8"))["failures"][0]["source"] == os.fsdecode(bad)


# --- output paths: never outside OUTDIR ---------------------------------------------------------------------


def raw_warc(records: list[tuple[str, str, str]]) -> bytes:
    """An uncompressed WARC of `resource` records (record id, target URI, text) with headers as given."""
    out = b""
    for record_id, uri, text in records:
        body = text.encode("utf-8")
        headers = (f"WARC/1.0\r\nWARC-Type: resource\r\nWARC-Record-ID: {record_id}\r\nWARC-Target-URI: {uri}\r\n"
                   f"WARC-Date: 2025-01-01T00:00:00Z\r\nContent-Type: text/plain\r\nContent-Length: {len(body)}\r\n\r\n")
        out += headers.encode("utf-8") + body + b"\r\n\r\n"
    return out


def files_outside(root: Path, outdir: Path, before: set[Path]) -> set[Path]:
    return {p for p in root.rglob("*") if not p.is_relative_to(outdir)} - before


HOSTILE_KEYS = ["../../../escaped", "/etc/newsclean-escaped", "..", ".", "a/../../b", "..\\..\\win", "x" * 400,
                f"name{CSI_CLEAR}", "con", "-rf", ".hidden", " spaced out "]


def test_no_record_key_or_input_name_places_an_output_outside_outdir(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    work = tmp_path / "work" / "deep"
    (work / "in").mkdir(parents=True)
    monkeypatch.chdir(work)
    warc = work / "in" / "crawl.warc"
    warc.write_bytes(raw_warc([(key, f"https://c.example/{i}", dump(*BODY[:2], f"Record {i} said the council today."))
                               for i, key in enumerate(HOSTILE_KEYS)]))
    page = work / "in" / "page.txt"
    page.write_text(dump(HEADLINE, *BODY), encoding="utf-8")
    listing = work / "list.txt"
    listing.write_text(f"in/../in/page.txt\n{page}\n../deep/in/page.txt\n", encoding="utf-8")
    before = {p for p in tmp_path.rglob("*")}
    out = work / "out"
    result = invoke("in/crawl.warc", f"{work}/in/../in/page.txt", "--files-from", listing, "-o", "out", "-q")
    assert result.exit_code == 0, result.stderr
    assert files_outside(tmp_path, out, before) == set()
    assert not Path("/etc/newsclean-escaped.txt").exists()
    names = sorted(p.name for p in (out / "in" / "crawl").iterdir())
    assert len(names) == len(HOSTILE_KEYS)  # each record its own file, none lost to a collision
    for name in names:
        assert not name.startswith(".") and "/" not in name and len(name.encode()) <= 104
        assert control_characters(name) == set()
    # Named files keep their path below OUTDIR, without its root and its ".." parts; the same file
    # named three ways is cleaned once.
    assert sorted(p.relative_to(out).as_posix() for p in out.rglob("page.txt")) == [
        f"{work.relative_to('/').as_posix()}/in/page.txt"]


def test_a_nul_in_a_listed_path_and_an_output_name_too_long_are_one_line_each(tmp_path: Path) -> None:
    crawl = tmp_path / "crawl"
    crawl.mkdir()
    long = "x" * 251
    (crawl / f"{long}.htm").write_text(dump(HEADLINE, *BODY), encoding="utf-8")  # 255 bytes: the longest name
    (crawl / f"{long}.txt").write_text(dump(HEADLINE, *BODY), encoding="utf-8")
    listing = tmp_path / "list.txt"
    listing.write_bytes(str(crawl / "a\0b.txt").encode() + b"\n")
    result = invoke(crawl, "--files-from", listing, "-o", tmp_path / "out", "-q", "-j", "1")
    assert result.exit_code == 1
    # page.txt and page.htm side by side: the .htm one keeps its whole name, 4 bytes too long.
    assert result.stderr.splitlines() == [
        f"newsclean: {crawl}/a\\x00b.txt: invalid file name (it holds a NUL byte)",
        f"newsclean: {tmp_path}/out/{long}.htm.txt: cannot write: File name too long",
    ]
    assert [p.name for p in (tmp_path / "out").iterdir()] == [f"{long}.txt"]
