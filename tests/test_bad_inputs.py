"""Bad and huge inputs, each built at test time, and what newsclean does with them: the exit status,
the one-line message, which outputs exist; memory kept within generous bounds that a copy too many
would break; and the work counted (bytes read, comparisons made) or its growth compared (8 times the
input may take about 8 times as long, never 64 times), never seconds against a limit: no test here
depends on the machine's speed (the timings themselves are in benchmarks/hostile_inputs.py and
README "What newsclean does with bad input").

Covered elsewhere and not repeated here: UTF-16 with and without a BOM, undeclared cp1252 and mojibake
(test_encodings.py), decompression bombs and corrupt archives (test_compressed.py), bad JSONL lines and
WARC records (test_jsonl.py, test_warc.py), HTML over `html_max_elements` or `html_timeout`
(test_html_input.py), arbitrary bytes (test_properties.py, test_cli_core.py).
"""

from __future__ import annotations

import importlib
import json
import pkgutil
import random
import re
import subprocess
import sys
from pathlib import Path

import pytest
from click.testing import CliRunner, Result
from clock import time_runs_out_in
from conftest import BODY, HEADLINE, dump
from growth import GROWTH, GROWTH_LIMIT, SHORTEST, best_time, best_time_per_call, calls_per_timing, growth
from hostile_inputs import many_attributes_page, measure, prose_line, storm, token_page

import newsclean
from newsclean import Config, Verdict
from newsclean.cli import main
from newsclean.parse.deadline import deadline
from newsclean.parse.text import LazyPattern
from newsclean.read.containers import read_stream

COMMAND = [sys.executable, "-m", "newsclean"]
MIB = 1024 * 1024
ARTICLE = dump(HEADLINE, *BODY)


def invoke(*args: object, stdin: bytes | None = None) -> Result:
    return CliRunner().invoke(main, ["clean", *map(str, args)], input=stdin, catch_exceptions=False)


def write(path: Path, data: bytes | str) -> Path:
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_bytes(data.encode("utf-8") if isinstance(data, str) else data)
    return path


# --- nothing to clean -----------------------------------------------------------------------------

NOTHING = {
    "empty": b"",
    "whitespace": b"   \n\t\n \r\n\x0c\n",
    "no article": dump("Home", "News", "Sport", "Share", "Most popular stories", "© 2025 Example News").encode(),
}


@pytest.mark.parametrize("name", sorted(NOTHING))
def test_a_file_without_an_article_is_verdict_empty_and_exit_0(tmp_path: Path, name: str) -> None:
    path = write(tmp_path / "page.txt", NOTHING[name])
    result = invoke(path, "--format", "json")
    assert (result.exit_code, result.stderr) == (0, "")
    record = json.loads(result.stdout)
    assert (record["verdict"], record["paragraphs"], record["text"], record["title"]) == ("empty", [], "", None)
    text = invoke(path)
    assert (text.exit_code, text.stdout, text.stderr) == (0, "", "")


def test_empty_stdin_and_empty_files_in_a_batch_each_get_an_empty_output(tmp_path: Path) -> None:
    assert (invoke(stdin=b"").exit_code, invoke(stdin=b"").stdout) == (0, "")
    crawl = tmp_path / "crawl"
    for name, data in NOTHING.items():
        write(crawl / f"{name.replace(' ', '-')}.txt", data)
    write(crawl / "article.txt", ARTICLE)
    report = tmp_path / "summary.json"
    result = invoke(crawl, "-o", tmp_path / "out", "-q", "--summary-json", report)
    assert (result.exit_code, result.stderr) == (0, "")
    outputs = {p.name: p.read_text() for p in (tmp_path / "out").iterdir()}
    assert outputs == {"article.txt": newsclean.to_text(newsclean.clean(ARTICLE)),
                       "empty.txt": "", "whitespace.txt": "", "no-article.txt": ""}
    assert json.loads(report.read_text())["documents"]["empty"] == 3


# --- binary data ----------------------------------------------------------------------------------

BINARY = {
    "scan.txt": (b"%PDF-1.7\n%\xe2\xe3\xcf\xd3\n1 0 obj\n<< /Type /Catalog >>\n", "a PDF document"),
    "photo.txt": (b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR" + bytes(200), "a PNG image"),
    "jpeg.html": (b"\xff\xd8\xff\xe0\x00\x10JFIF\x00" + bytes(100), "a JPEG image"),
    "anim.txt": (b"GIF89a\x01\x00\x01\x00" + bytes(50), "a GIF image"),
    "report.htm": (b"PK\x03\x04\x14\x00\x06\x00word/document.xml", "a ZIP archive (or an Office document)"),
    "program.txt": (b"\x7fELF\x02\x01\x01" + bytes(100), "an executable"),
    "zeros.txt": (bytes(4096), "binary data (NUL bytes)"),
    "controls.txt": (b"\x01\x02\x03\x04\x05 text \x06\x07\x08" * 40, "binary data (control bytes)"),
}


def test_binary_files_are_one_error_line_each_and_the_batch_goes_on(tmp_path: Path) -> None:
    crawl = tmp_path / "crawl"
    for name, (data, _) in BINARY.items():
        write(crawl / name, data)
    write(crawl / "random.txt", random.Random(7).randbytes(8192))
    write(crawl / "good.txt", ARTICLE)
    result = invoke(crawl, "-o", tmp_path / "out", "-q", "-j", "1")
    assert result.exit_code == 1
    lines = result.stderr.splitlines()
    expected = {f"newsclean: {crawl / name}: not text: looks like {kind}" for name, (_, kind) in BINARY.items()}
    assert set(lines) - expected == {f"newsclean: {crawl / 'random.txt'}: not text: looks like binary data (NUL bytes)"}
    assert len(lines) == len(BINARY) + 1  # one line each, nothing else
    assert [p.name for p in (tmp_path / "out").iterdir()] == ["good.txt"]  # no output for a refused file


# --- encodings: decoded sensibly, never a traceback -------------------------------------------------


def damaged(replace: bytes, by: bytes) -> bytes:
    data = ARTICLE.encode("utf-8")
    assert replace in data
    return data.replace(replace, by, 1)


ENCODINGS = {
    # A cp1252 apostrophe in UTF-8 text: the file is cp1252 (all else is ASCII).
    "stray cp1252 byte": (damaged(b"country's", b"country\x92s"), "cp1252", "country’s"),
    # UTF-8 text with many accents and one invalid byte in the middle: still UTF-8.
    "invalid byte mid-file": ((dump(HEADLINE, *BODY[:2]) + "Les riverains espèrent déjà s’y promener l’été prochain, "
                               "à l’ombre des arbres plantés le long du quai « naïf » près de la rivière.\n"
                               + dump(*BODY[2:])).encode().replace(b"\xc3\xa9t\xc3\xa9", b"\xc3\xa9t\xff", 1),
                              "utf-8", "l’ét\ufffd prochain"),
    # A download cut inside the last character: UTF-8 with one replacement character.
    "truncated at the end": ((ARTICLE.rstrip("\n") + " Café").encode()[:-1], "utf-8", "Caf\ufffd"),
    "latin-1 without a declaration": (damaged(b"country's", "country's café".encode("latin-1")), "cp1252", "café"),
    "overlong sequence": (damaged(b"lake", b"la\xc0\xafke"), None, "has fallen to its lowest point"),
    "encoded surrogate": (damaged(b"lake", b"la\xed\xa0\x80ke"), None, "has fallen to its lowest point"),
    "utf-16 with a BOM": (ARTICLE.encode("utf-16"), "utf-16", BODY[0]),
}


@pytest.mark.parametrize("name", sorted(ENCODINGS))
def test_odd_encodings_are_decoded_and_cleaned_without_a_traceback(tmp_path: Path, name: str) -> None:
    data, encoding, expected = ENCODINGS[name]
    result = invoke(write(tmp_path / "page.txt", data), "--format", "json")
    assert (result.exit_code, result.stderr) == (0, "")
    record = json.loads(result.stdout)
    assert record["verdict"] == "article"
    if encoding is not None:
        assert record["encoding"] == encoding
    assert expected in record["text"]
    assert sum(paragraph in record["paragraphs"] for paragraph in BODY) >= len(BODY) - 1  # only the damaged one differs


# --- size: --max-bytes, streams that never end, bounded memory -------------------------------------------


def test_a_200_mb_dump_is_refused_at_the_default_limit_after_reading_just_past_it(tmp_path: Path) -> None:
    path = tmp_path / "huge.txt"
    block = (ARTICLE * 1000).encode()
    with path.open("wb") as handle:
        while handle.tell() < 200 * 1_000_000:
            handle.write(block)
    try:
        result = measure([*COMMAND, "clean", str(path)], timeout=120)
        # The work, counted: how far into the file the reader got before it gave up.
        with path.open("rb") as handle:
            with pytest.raises(newsclean.TooLargeError):
                list(read_stream(handle, str(path), 64 * MIB))
            read = handle.tell()
    finally:
        path.unlink()
    assert result["exit"] == 1
    assert result["stderr"] == f"newsclean: {path}: larger than --max-bytes (67,108,864 bytes)\n"
    # It reads one byte more than the limit and stops: about 64 MiB read and held, never the 200 MB.
    assert 64 * MIB < read <= 65 * MIB
    assert result["peak_mib"] < 400, result


@pytest.mark.parametrize("source", ["/dev/zero", "-"])
def test_an_input_that_never_ends_stops_at_max_bytes(source: str) -> None:
    endless = subprocess.Popen(["yes", "The council met on Tuesday."], stdout=subprocess.PIPE) if source == "-" else None
    try:
        result = subprocess.run([*COMMAND, "clean", "--max-bytes", "1000000", source], capture_output=True, timeout=60,
                                stdin=endless.stdout if endless else subprocess.DEVNULL)
    finally:
        if endless:
            endless.kill()
            endless.wait()
    assert result.returncode == 1 and result.stdout == b""
    assert result.stderr.decode() == f"newsclean: {source}: larger than --max-bytes (1,000,000 bytes)\n"


def test_a_single_10_mb_line_is_cleaned_in_linear_time_and_bounded_memory(tmp_path: Path) -> None:
    line = prose_line(10 * 1_000_000)
    path = write(tmp_path / "in" / "line.txt", line + "\n")
    result = measure([*COMMAND, "clean", "--format", "json", str(path.parent), "-q", "-o", str(tmp_path / "out")], timeout=120)
    assert (result["exit"], result["stderr"]) == (0, "")
    # Measured: 1.7 s and 190 MiB on a 2-CPU machine (benchmarks/results/hostile_inputs.json).
    assert result["peak_mib"] < 1024, result
    record = json.loads((tmp_path / "out" / "line.json").read_text(encoding="utf-8"))
    assert record["verdict"] == "article" and record["paragraphs"] == [line]
    # Time grows with the line's length, not with its square (a 2 MB line against a 250 KB one).
    ratio = growth(lambda size: newsclean.clean(line[:size], config=TEXT), 2_000_000)
    assert ratio < GROWTH_LIMIT, f"{GROWTH}x the line took {ratio:.0f}x the time"


def test_two_near_identical_1_mb_lines_are_compared_on_a_bounded_head_and_tail(
        monkeypatch: pytest.MonkeyPatch) -> None:
    # rapidfuzz on the whole of two 1 MB strings takes tens of seconds; long lines are compared
    # on their head and tail (Config.duplicate_compare_chars). Every comparison made is counted.
    first = prose_line(1_000_000)
    copy = first[:500_000] + " and then it rained " + first[500_000:]
    other = prose_line(1_000_000, seed=2)
    compared = count_comparisons(monkeypatch)
    doc = newsclean.clean(dump(first, other, copy))
    bound = 2 * Config().duplicate_compare_chars
    assert compared and all(min(len(a), len(b)) <= bound for a, b in compared), \
        max(min(len(a), len(b)) for a, b in compared)
    assert doc.paragraphs == [first, other]
    assert doc.blocks[2].removal is not None and doc.blocks[2].removal.duplicate_of == 1


def count_comparisons(monkeypatch: pytest.MonkeyPatch) -> list[tuple[str, str]]:
    """Every pair of strings the stages compare from now on (the list fills as they run): the stages
    call newsclean.parse.fuzzy.ratio, which is rapidfuzz's ratio once imported."""
    from rapidfuzz.fuzz import ratio

    from newsclean.parse import fuzzy

    compared: list[tuple[str, str]] = []

    def counted(a: str, b: str, **kwargs: object) -> float:
        compared.append((a, b))
        return ratio(a, b, **kwargs)

    monkeypatch.setattr(fuzzy, "ratio", counted)
    return compared


def test_a_storm_of_50000_near_identical_lines_is_cleaned_with_linear_work(
        tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    path = write(tmp_path / "in" / "storm.txt", storm(50_000))
    result = measure([*COMMAND, "clean", "--format", "json", str(path.parent), "-q", "-o", str(tmp_path / "out")], timeout=180)
    assert (result["exit"], result["stderr"]) == (0, "")
    # Measured: 4 s and 170 MiB.
    assert result["peak_mib"] < 1024, result
    record = json.loads((tmp_path / "out" / "storm.json").read_text(encoding="utf-8"))
    assert len(record["paragraphs"]) == 1 and record["counts"]["removed_by_stage"] == {"duplicate": 49_999}
    # Each line is compared with a bounded number of others: 8 times the lines, 8 times the
    # comparisons (counted); and the whole run, every stage, takes about 8 times as long.
    compared = count_comparisons(monkeypatch)
    counts: dict[int, int] = {}

    def clean(lines: int) -> None:
        compared.clear()
        newsclean.clean(storm(lines), config=TEXT)
        counts[lines] = len(compared)

    ratio = growth(clean, 1_000 * GROWTH, repeats=2)
    assert 0 < counts[1_000 * GROWTH] <= GROWTH * counts[1_000] + 100, counts
    assert ratio < GROWTH_LIMIT, f"{GROWTH}x the lines took {ratio:.0f}x the time"


# --- regular expressions: none may backtrack catastrophically ----------------------------------------

# Every compiled pattern at module level in newsclean, and the longest text each is ever given.
BOUNDED = {"newsclean.read.charsets.CHARSET_VALUE": 8192, "newsclean.read.charsets.XML_DECLARATION": 8192,
           "newsclean.read.raw.HTML_START": 2048, "newsclean.stages.headline_choice.LABEL_COLON": 300,
           "newsclean.stages.in_span.CREDIT_TAIL": 200}
UNITS = [*"a1 .-_@+<(A/\t,'\"!#*=:;&é北Ã\n>", "aB", "a.", "1 ", "a-", "a@", "@a", "+1", "a ", "<!--", "a/", "Aa ",
         ". ", "1-", "&#", "http://a", "<meta ", "charset=", "<a b=1 "]


def module_patterns() -> dict[str, re.Pattern[str] | re.Pattern[bytes]]:
    found: dict[str, re.Pattern[str] | re.Pattern[bytes]] = {}
    ids: set[int] = set()
    for info in pkgutil.walk_packages(newsclean.__path__, "newsclean."):
        if info.name.endswith("__main__") or info.name.startswith("newsclean.integrations."):
            continue  # the integrations need their optional extras (tests/test_datatrove.py covers them)
        module = importlib.import_module(info.name)
        for name, value in vars(module).items():
            values = value.values() if isinstance(value, dict) else value if isinstance(value, (tuple, list)) else [value]
            for pattern in values:
                if isinstance(pattern, LazyPattern):  # compiled at first use: test it as it will run
                    pattern = pattern.compiled()
                if isinstance(pattern, re.Pattern) and id(pattern) not in ids:
                    ids.add(id(pattern))
                    found[f"{info.name}.{name}"] = pattern
    return found


PATTERNS = module_patterns()


def test_every_bounded_pattern_exists() -> None:
    # A pattern that moved or was renamed would silently fall back to the default length.
    assert set(BOUNDED) <= set(PATTERNS)


# Text GROWTH (8) times as long: a linear search takes about 8 times as long, a quadratic one 64 times.


@pytest.mark.parametrize("name", sorted(PATTERNS))
def test_no_regular_expression_backtracks_on_long_repetitive_text(name: str) -> None:
    # Growth is compared, not seconds: the test holds on any machine, and catches a pattern that is
    # quadratic on the longest text it is ever given (a time limit let one through on a fast day).
    pattern = PATTERNS[name]
    size = BOUNDED.get(name, 10_000)
    for unit in UNITS:
        subjects = []
        for length in (size // GROWTH, size):
            text = (unit * (length // len(unit) + 1))[:length - 1] + "\x00"
            subjects.append(text.encode() if isinstance(pattern.pattern, bytes) else text)
        short, long = search_times(pattern, subjects)
        assert long < GROWTH_LIMIT * max(short, SHORTEST), (
            f"{name} on {unit!r}: {GROWTH}x the text took {long / max(short, 1e-9):.0f}x the time")


def search_times(pattern: re.Pattern[str] | re.Pattern[bytes], subjects: list) -> tuple[float, float]:
    """The least time `pattern.search` takes on a short subject and on one GROWTH times as long."""
    searches = [lambda subject=subject: pattern.search(subject) for subject in subjects]
    short, long = (best_time(search, repeats=5) for search in searches)
    if long >= GROWTH_LIMIT * max(short, SHORTEST):
        # A search of a few microseconds is near the clock's steps: before calling it quadratic,
        # time enough searches in a row that the short subject's take a millisecond (cheap for a
        # pattern that really is quadratic, whose short search alone takes that long).
        calls = calls_per_timing(searches[0])
        short, long = (best_time_per_call(search, calls) for search in searches)
    return short, long


OPENERS = ["(", "[", "\"", "«", "<"]


@pytest.mark.parametrize("name", sorted(PATTERNS))
def test_no_regular_expression_backtracks_after_one_opener(name: str) -> None:
    # One bracket or quote that never closes, then a long run of words: repeating one unit (above)
    # never shows it, and a pattern with two runs around a letter inside brackets retried every
    # split of them (in_span's asides: 8 s on an 80,000-character line).
    pattern = PATTERNS[name]
    if isinstance(pattern.pattern, bytes):
        return
    size = BOUNDED.get(name, 10_000)
    for opener in OPENERS:
        short, long = search_times(pattern, [opener + "word " * (length // 5) for length in (size // GROWTH, size)])
        assert long < GROWTH_LIMIT * max(short, SHORTEST), (
            f"{name} after {opener!r}: {GROWTH}x the text took {long / max(short, 1e-9):.0f}x the time")


# --- pathological lines: each cleaned in time linear in its length ------------------------------------

M = 200_000
LINES = {
    "spaces": "a" + " " * M + "b", "parens": "(" * M, "url": "http://" + "a/" * (M // 2),
    "angles": "<" * M, "entities": "&#" * (M // 2), "combining marks": "a" + "\u0301" * M, "mojibake": "Ã© " * (M // 3),
    "cjk": "北京" * (M // 2), "quotes": '"' * M, "bidi overrides": "\u202e" * M, "escapes": "\x1b[" * (M // 2),
    "comments": "<!--" * (M // 4), "capitals": "Aa " * (M // 3), "bullets": "- " * (M // 2),
    "copyright": "© 2025 " * (M // 7), "sentence ends": "a. " * (M // 3), "tabs": "\t" * M,
    "at signs": "@a " * (M // 3), "phone numbers": "+1 555 0100 " * (M // 12), "prose": prose_line(M),
}
TEXT = Config(input_format="text", clean_timeout=0)  # growth is measured, not cut short by a limit
HANG = 300  # seconds: only a guard against a run that never ends; every case here takes under a second


@pytest.mark.parametrize("name", sorted(LINES))
def test_a_pathological_line_in_a_page_is_cleaned_in_linear_time(name: str) -> None:
    line = LINES[name]

    def clean(size: int) -> newsclean.Document:
        return newsclean.clean(dump(HEADLINE, line[:size], *BODY, line[: size // 2]), config=TEXT)

    with deadline(HANG):
        doc = clean(M)
        ratio = growth(clean, M)
    assert doc.verdict is Verdict.ARTICLE and set(BODY) <= set(doc.paragraphs)
    assert ratio < GROWTH_LIMIT, f"{GROWTH}x the line took {ratio:.0f}x the time"


TOKENS = {"hex dump": lambda size: token_page(size), "dots": lambda size: dump(HEADLINE, "." * size, *BODY),
          "mojibake": lambda size: dump(HEADLINE, "Ã©" * size, *BODY)}


@pytest.mark.parametrize("name", sorted(TOKENS))
def test_a_long_token_without_spaces_is_cleaned_in_linear_time(name: str) -> None:
    # A hex dump, a line of dots, a word of repaired mojibake. (A contact pattern tried at every
    # position of a long token once took 18 s, 5 s and 5 s on 50,000 characters: quadratic.)
    pages = {size: TOKENS[name](size) for size in (50_000 // GROWTH, 50_000)}
    with deadline(HANG):
        ratio = growth(lambda size: newsclean.clean(pages[size], config=TEXT), 50_000)
    assert ratio < GROWTH_LIMIT, f"{GROWTH}x the token took {ratio:.0f}x the time"


def test_the_per_document_time_limit_fails_that_document_and_the_run_goes_on(
        tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    # The clock is the test's: the limit's time runs out while the stages clean the first document
    # (the real timer signal, through the real handler), however fast the machine; the limit itself
    # is far above what either document needs, so the second one never comes near it.
    slow = write(tmp_path / "crawl" / "a-slow.txt", ARTICLE.replace(HEADLINE, HEADLINE + " (slow)"))
    good = write(tmp_path / "crawl" / "b-good.txt", ARTICLE)
    config = write(tmp_path / "limit.toml", "clean_timeout = 60\nclean_timeout_per_mb = 0\n")
    timed_out = time_runs_out_in(monkeypatch, newsclean.api, "run_stages", lambda doc, *_, **__: doc.source == str(slow))
    result = invoke(tmp_path / "crawl", "-o", tmp_path / "out", "-q", "-j", "1", "--config", config)
    assert timed_out == [60.0]  # the timer was armed with the configured limit, and it fired once
    assert result.exit_code == 1
    assert result.stderr == f"newsclean: {slow}: cleaning took longer than 60 s (clean_timeout)\n"
    assert [p.name for p in (tmp_path / "out").iterdir()] == [good.name]


# --- HTML: deeply nested, many attributes ------------------------------------------------------------
# (Over html_max_elements and over html_timeout: test_html_input.py.)

NESTED = "<html><body>" + "<div>" * 300 + "".join(f"<p>{p}</p>" for p in BODY) + "</div>" * 300 + "</body></html>"


def test_html_nested_deeper_than_the_parser_reads_is_reported_not_silently_emptied(tmp_path: Path) -> None:
    deep = write(tmp_path / "crawl" / "deep.html", NESTED)
    shallow = write(tmp_path / "crawl" / "shallow.html", NESTED.replace("<div>" * 300, "<div>" * 200)
                    .replace("</div>" * 300, "</div>" * 200))
    result = invoke(tmp_path / "crawl", "--format", "jsonl", "-q", "-j", "1")
    assert result.exit_code == 1
    assert result.stderr == (f"newsclean: {deep}: HTML is nested more than 255 elements deep: "
                             "the parser cannot read what lies deeper\n")
    [record] = [json.loads(line) for line in result.stdout.splitlines()]
    assert record["source"] == str(shallow) and record["paragraphs"] == BODY


def test_an_element_with_200000_attributes_is_refused_before_the_parser_stalls(
        tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    # The parser compares every attribute with all earlier ones inside one C call, which no timer
    # interrupts: this page took 11 minutes with html_timeout = 20 s. So the parser must never see it.
    import trafilatura

    page = write(tmp_path / "attributes.html", many_attributes_page(200_000))
    parsed: list[int] = []
    load_html = trafilatura.load_html
    monkeypatch.setattr(trafilatura, "load_html", lambda html, *a, **k: parsed.append(len(html)) or load_html(html, *a, **k))
    result = invoke(page, "--format", "json")
    assert parsed == []
    assert result.exit_code == 1 and result.stdout == ""
    assert result.stderr == (f"newsclean: {page}: HTML has an element with 200,000 attributes, "
                             "more than html_max_attributes (1,000)\n")
    # Below the limit the page is read.
    ok = newsclean.clean(many_attributes_page(900), "ok.html")
    assert ok.paragraphs == ["The council met on Tuesday."] and len(parsed) == 1


@pytest.mark.parametrize("page", [
    '<p x=">" ' + " ".join(f"a{i}=1" for i in range(5000)) + ">t</p>",  # a quoted > does not end the tag
    "<p " + " ".join(f"a{i}" for i in range(5000)) + ">t</p>",  # attributes without values count too
])
def test_the_attribute_count_follows_how_html_tokenizes_a_tag(page: str) -> None:
    with pytest.raises(newsclean.TooLargeError, match="an element with 5,00[01] attributes"):
        newsclean.clean(page, "page.html")


ATTRIBUTE_SCANS = {"open quotes": lambda count: '<a x="' * count, "bare names": lambda count: "<a b c d " * count,
                   "tags and text": lambda count: '<p a=1 b="2">text ' * count,
                   "one tag of spaces": lambda count: "<p" + " " * (5 * count)}


@pytest.mark.parametrize("name", sorted(ATTRIBUTE_SCANS))
def test_the_attribute_scan_is_linear_and_quiet_on_ordinary_pages(name: str) -> None:
    from newsclean.parse.html import most_attributes

    # Large enough that both sizes outgrow the CPU's caches (a step there reads as false growth).
    texts = {count: ATTRIBUTE_SCANS[name](count) for count in (400_000 // GROWTH, 400_000)}
    assert most_attributes(texts[400_000], 1000) == 0
    ratio = growth(lambda count: most_attributes(texts[count], 1000), 400_000)
    assert ratio < GROWTH_LIMIT, f"{GROWTH}x the page took {ratio:.0f}x the time"

