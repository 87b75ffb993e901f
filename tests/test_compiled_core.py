"""The optional compiled core (newsclean/model/_features.c) gives what the pure-Python features give,
to the bit: line by line on generated text, and as whole JSONL output on the dev and train corpora.
Skips where the core is not built (no compiler); CI builds it and checks that it imports."""

from __future__ import annotations

import contextlib
import importlib
import math
import re
import string
from pathlib import Path

import pytest
from conftest import ROOT, SHARED
from hypothesis import given, settings
from hypothesis import strategies as st

import newsclean
from newsclean import rules as rules_module
from newsclean.model import features
from newsclean.model.features import LineFeatures, features_of, line_features
from newsclean.parse import text as text_module
from newsclean.parse.dump import parse_text_dump
from newsclean.writers import to_json

core = pytest.importorskip("newsclean.model._features", reason="the compiled core is not built here")

STOPWORDS = frozenset({"the", "a", "of", "and", "to", "in", "is", "it", "on", "for", "was"})
# Printable ASCII with the characters the features turn on weighted up: stops, closers, digits,
# separators, spaces, capitals; and a few characters the core must hand back to Python.
TRICKY = ". . ! ? ... \" ' ) ] } * ( - , : ; / 0 1 9 A B Z a b z the of It's U.S. iPhone Comments42 ".split(" ")
# The typographic punctuation the core takes too (U+2010-U+2027, Latin-1 signs), and neighbours it
# must leave to Python: letters and numbers among the Latin-1 signs, the soft hyphen, accented
# letters (glue), line and paragraph separators, other scripts.
EXTRA = [chr(c) for c in range(0x2010, 0x2028)] + [chr(c) for c in range(0xA1, 0xBC) if c not in (0xAA, 0xAD, 0xB2, 0xB3, 0xB5, 0xB9, 0xBA)]
# Signs, arrows and box drawing among text.SEPARATOR_RANGES (not the circled digits, numbers to Python).
EXTRA += [chr(c) for first, last in ((0x2030, 0x205E), (0x2190, 0x23FF), (0x2500, 0x27BF)) for c in range(first, last + 1)
          if not 0x2776 <= c <= 0x2793]
TYPOGRAPHIC = ["“", "”", "‘", "’", "–", "—", "…", "«", "»", "·", "•", "©", "°", "€", "£", "’s", "…”", "”.", "Word…"]
PRINTABLE_ASCII = string.ascii_letters + string.digits + string.punctuation + " "
OTHERS = ["\t", "\x1b", "ª", "º", "µ", "²", "¼", "\u00ad", "\u2028", "\u2029", "\u205f", "\u2776", "\u2793", "\u3000",
          "\u00a0", "\u2009", "ไทย", "İ", "ı", "Ÿ", "ő", "Ⓐ", "ｱ", "𠀀", "１", "Ａ", "～", "한국"]
# CJK text the core takes: ideographs, kana, CJK and fullwidth punctuation (full stops with closers
# and text after them: CJK_INNER_SENTENCE_END), mixed with Latin words and underscores.
CJK = ["北京", "下雨了。", "他说：“好。”", "「是」。他", "日本語のテキスト", "。」", "！", "？）", "、", "〇", "々", "・", "ー", "【新闻】",
       "（图）", "_", "a_b", "don't", "iPhone手机", "…", "……", "。a", "年", "⺀", "\u2fd5", "\u3105"]
CJK_TAKEN = {c for part in CJK for c in part if ord(c) > 0xFF}
# The Latin-1 letters the core takes (and the signs × ÷ among them), with words that stress case
# folding (ß), title case and glue ("àB", "÷A", "a×"): German, French, Spanish text.
LATIN1 = [chr(c) for c in range(0xC0, 0x100)] + ["Straße", "STRASSE", "Ärger", "ÉTÉ", "àB", "÷A", "a×", "Übung…", "garçon"]


def core_row(text: str) -> LineFeatures | None:
    """The core's features of one line, or None when it leaves the line to Python."""
    row = core.ascii_rows([text], STOPWORDS)[0]
    return None if row is None else LineFeatures._make(row)


def test_rows_made_as_line_features() -> None:
    """ascii_rows makes its rows as LineFeatures in C (a tuple subclass), or through any callable."""
    lines = ["Comments (12)", "The mayor said it was over.", "ไทย", "", "CommentsNo comment yet"]
    plain = core.ascii_rows(lines, STOPWORDS)
    made = core.ascii_rows(lines, STOPWORDS, LineFeatures)
    called = core.ascii_rows(lines, STOPWORDS, LineFeatures._make)
    assert [row is None for row in made] == [row is None for row in plain] == [False, False, True, False, False]
    assert all(type(row) is LineFeatures for row in made + called if row is not None)
    assert made == called == [None if row is None else LineFeatures._make(row) for row in plain]
    assert made[0].folded == ("comments 12",) and made[4].folded[1] == "comments no comment yet"


@settings(max_examples=400, deadline=None)
@given(st.lists(st.one_of(st.sampled_from(TRICKY), st.text(PRINTABLE_ASCII, max_size=8), st.sampled_from(TYPOGRAPHIC),
                          st.sampled_from(EXTRA), st.text(string.printable, max_size=2), st.sampled_from(OTHERS),
                          st.sampled_from(LATIN1), st.sampled_from(CJK)),
                max_size=60).map("".join))
def test_every_line_the_core_takes_has_the_python_features(line: str) -> None:
    row = core_row(line)
    if row is None:
        # Handed back: other characters, or too long.
        taken = all(" " <= c <= "~" or "\u00c0" <= c <= "\u00ff" or c in EXTRA or c in CJK_TAKEN for c in line)
        taken = taken and len(line) <= text_module.FEATURE_PREFIX_CHARS
        assert not taken
    else:
        assert row == line_features(line, STOPWORDS)
        assert [type(value) for value in row] == [type(value) for value in line_features(line, STOPWORDS)]


def test_edge_lines() -> None:
    lines = ["", " ", "Word.", "Loading...", "...", "Wait... more...", "It ended.\")*", "A1B 1st THE End", "Cut…", "…",
             "Ten things you never knew about…", "He said: “It’s over.”", "Said «non».", "Er sagte: „Es ist vorbei.“", "‚Gut.‘", "Sie sagte »Nein.«", "Wait.…", "a.… b", "x –…",
             "x" * text_module.FEATURE_PREFIX_CHARS, " ".join(["Eight"] * 60) + ".", "(c) 2024, 3:15 pm"]
    for line in lines:
        row = core_row(line)
        assert row is None or row == line_features(line, STOPWORDS), line
    assert core_row("x" * (text_module.FEATURE_PREFIX_CHARS + 1)) is None  # scaled size: Python's
    for line in ("Die Straße ist lang.", "ÉTÉ À PARIS", "Übung… macht den Meister", "Preis × 2 ÷ 3", "CommentsNo comment",
                 "View comments941", "ÀbcDéfÀ ÷A a×B", "Home › News ► World │ »", "x" * 390 + "aB" + "cD" * 10, "北京今天下雨了。明天晴。", "「你好。」他说", "日本語ABCdef_ghi！",
                 "x" * 395 + "aB北京"):
        # Latin-1 letters, signs, glued text nodes with their second reading, CJK text: taken, to the bit.
        assert core_row(line) == line_features(line, STOPWORDS), line


def test_the_constants_in_c_are_the_python_ones() -> None:
    source = (ROOT / "newsclean" / "model" / "_features.c").read_text()
    defined = dict(re.findall(r"#define (\w+) ([\d.]+)", source))
    from newsclean.model import linemodel

    for name in ("SHORT_LINE_WORDS", "LIST_RUN", "NEAR", "FAR"):
        assert float(defined[name]) == getattr(linemodel, name), name
    assert float(defined["MODEL_COLUMNS"]) == len(linemodel.FEATURE_NAMES)
    fields = {name.lower(): int(at) for name, at in re.findall(r"F_(\w+) = (\d+)", source)}
    assert fields == {name: LineFeatures._fields.index(name if name != "prose" else "is_prose") for name in fields}
    assert len(fields) == 8
    assert float(defined["FEATURE_PREFIX_CHARS"]) == text_module.FEATURE_PREFIX_CHARS
    for name in ("SHORT_LINE_CHARS", "MAX_FOLDED_WORDS", "LONG_LINE_HEAD_WORDS", "MAX_GLUED_WORDS", "TITLE_CASE_SHARE", "FOLD_PREFIX_CHARS",
                 "CJK_WORD_WEIGHT"):
        assert float(defined[name]) == getattr(features, name), name


def test_tokens_are_the_python_tokens() -> None:
    lines = ["Don't say U.S.-made -- ever!", "", "   ", "a\tb", "Ünïcode", "“It’s — fine…”", "£5 · 3°", "Straße×ÀÞÿ÷"]
    got = core.ascii_tokens(lines)
    for line, words in zip(lines, got):
        assert words is None or words == text_module.tokens(line), line


def corpus_files() -> list[Path]:
    files = [p for name in ("dev", "train") for p in sorted((SHARED / "corpus" / name).glob("*.noisy.txt"))]
    if not files:
        pytest.skip("the shared dev and train corpora are not beside this checkout")
    return files


def test_corpus_lines_have_the_python_features() -> None:
    for path in corpus_files():
        lines = parse_text_dump(path.read_text(encoding="utf-8", errors="replace")).blocks
        texts = [b.text for b in lines]
        assert features_of(texts, STOPWORDS) == [line_features(t, STOPWORDS) for t in texts], path.name


def test_repeated_lines_share_the_features_of_their_first_copy() -> None:
    """features_of reads each distinct text once: a copy's LineFeatures is its first copy's object,
    equal to what line_features gives it; lines the core leaves (another script) take the tokens
    given by text."""
    texts = ["Share", "A sentence of the article, in the page's running text.", "Share", "Ελληνικά νέα", "Share",
             "Ελληνικά νέα", "北京 2024年。", "Share this"]
    made = features_of(texts, STOPWORDS)
    assert made == [line_features(text, STOPWORDS) for text in texts]
    assert made[0] is made[2] is made[4] and made[3] is made[5]
    given = {"Ελληνικά νέα": text_module.tokens("Ελληνικά νέα")}
    assert features_of(texts, STOPWORDS, tokenized=given) == made
    # Tokens given by position (the pure path's language sample) are used line by line.
    known = [text_module.tokens(text) for text in texts[:3]]
    assert features_of(texts, STOPWORDS, known) == made


def test_corpus_jsonl_is_byte_identical_with_and_without_the_core(monkeypatch: pytest.MonkeyPatch) -> None:
    files = corpus_files()

    def jsonl() -> list[str]:
        return [to_json(newsclean.clean_raw(newsclean.RawDocument(str(p), p.read_bytes())), indent=None) for p in files]

    monkeypatch.setattr(features, "compiled_core", core)  # in use even under NEWSCLEAN_PURE_PYTHON=1
    with contextlib.suppress(ImportError):  # and the compiled phrase matcher where it is built
        monkeypatch.setattr(rules_module, "compiled_matcher", importlib.import_module("newsclean.rules._phrases"))
    with_core = jsonl()
    monkeypatch.setattr(features, "compiled_core", None)
    monkeypatch.setattr(rules_module, "compiled_matcher", None)  # the phrase matcher's Python walk too
    assert jsonl() == with_core


def test_sample_counts_are_the_counted_language_sample(monkeypatch: pytest.MonkeyPatch) -> None:
    """The core counts the language sample's words (the lines it does not take are tokenized in
    Python in between) as Counter would count the listed sample, on corpus pages of every script."""
    from collections import Counter
    from itertools import chain

    monkeypatch.setattr(features, "compiled_core", core)  # in use even under NEWSCLEAN_PURE_PYTHON=1

    pages = [[b.text for b in parse_text_dump(path.read_text(encoding="utf-8", errors="replace")).blocks]
             for path in corpus_files()[::7]]
    pages.append(["Ünïcode 北京", "ไทย ไทย", "", "Straße " * 5000, "never counted"])
    for texts in pages:
        sample = features._language_sample(texts)
        assert features._sample_counts(texts) == (Counter(chain.from_iterable(sample)), sum(map(len, sample)))


def test_sample_counts_keep_every_distinct_word_in_first_seen_order(monkeypatch: pytest.MonkeyPatch) -> None:
    """The core's own table of distinct words (it grows past its first sizes here) gives the counts
    and the key order of Counter, Latin-1 letters, ß and single CJK characters among them."""
    from collections import Counter
    from itertools import chain

    monkeypatch.setattr(features, "compiled_core", core)
    words = [f"w{i}ß{chr(0xC0 + i % 23)}" for i in range(1500)]
    texts = [" ".join(words[i : i + 40]) + " 北京 the THE" for i in range(0, 1500, 30)] + ["Ünïcode", "ไทย ไทย", "tail words"]
    sample = features._language_sample(texts)
    counts, total = features._sample_counts(texts)
    expected = Counter(chain.from_iterable(sample))
    assert (counts, total) == (expected, sum(map(len, sample)))
    assert list(counts) == list(expected)


def test_sample_language_summarises_the_counted_sample(monkeypatch: pytest.MonkeyPatch) -> None:
    """The core's summary of the language sample (sample_language) holds what language_of_counts
    reads off the counted sample, and the language it gives is the same, on corpus pages of every
    script, on lines the core leaves to Python (Cyrillic, Hangul, halfwidth katakana, a CJK
    character beyond the BMP, a line past the core's length) and on random text of all of them."""
    import random

    from newsclean.rules import load_rules

    monkeypatch.setattr(features, "compiled_core", core)
    rules = load_rules()

    def summary_in_python(texts: list[str]) -> tuple[object, ...]:
        counts, total = features._sample_counts(texts)
        joined = "".join(counts)
        one_cjk = sum(count for word, count in counts.items() if len(word) == 1 and text_module.CJK_CHAR.search(word))
        return (total, len(joined), text_module.reaches_far_east(joined), text_module.CJK_CHAR.search(joined) is not None, one_cjk,
                len(text_module.KANA_CHAR.findall(joined)), len(text_module.HANGUL_CHAR.findall(joined)),
                {word: count for word, count in counts.items() if word in rules.all_stopwords})

    pages = [[b.text for b in parse_text_dump(path.read_text(encoding="utf-8", errors="replace")).blocks]
             for path in corpus_files()[::7]]
    pages += [[], [""], ["Ünïcode 北京", "ไทย ไทย", "", "Straße " * 5000, "never counted"],
              ["Привет мир и все", "한국어 텍스트 입니다", "ｶﾀｶﾅ 東京 𠀀", "日本語のテキスト、です。", "İstanbul'da", "x" * 5000, "the THE Straße"]]
    generator = random.Random(11)
    alphabet = "abcdeßÀéü 北京のテ한국ｶ𠀀Жx.,'İ\t"
    pages += [["".join(generator.choice(alphabet) for _ in range(generator.randint(0, 60))) for _ in range(generator.randint(0, 40))]
              for _ in range(100)]
    # Each edge of text.CJK_RANGES, inside and out, alone on a page.
    edges = [ord(c) for c in re.findall(r"[^-]", text_module.CJK_RANGES)]
    pages += [[f"{chr(c)} {chr(c)} the"] for edge in edges for c in (edge - 1, edge, edge + 1) if not 0xD800 <= c <= 0xDFFF]
    for texts in pages:
        summary = core.sample_language(texts, features.LANGUAGE_SAMPLE_WORDS, rules.all_stopwords, text_module.tokens)
        assert tuple(summary) == summary_in_python(texts)
        assert features._sample_language(texts, rules) == features.language_of_counts(*features._sample_counts(texts), rules)


def test_read_body_reads_the_same_words_with_the_core(monkeypatch: pytest.MonkeyPatch) -> None:
    """The core's body_words gives read_body the stems, joined lines and CJK runs (in line order)
    that the Python walk gives, on corpus pages of every script and on lines it leaves to Python."""
    from newsclean.stages import headline_choice

    pages = [[b.text for b in parse_text_dump(path.read_text(encoding="utf-8", errors="replace")).blocks][:80]
             for path in corpus_files()[::5]]
    pages.append(["Ünïcode 北京 Straße", "İstanbul'da", "Привет мир", "ｶﾀｶﾅ 東京", "", "x" * 5000, "日本語のテキスト、です。", "Plain words"])
    # Stems the core packs into 64 bits: met again and again, cut inside a folded ß, words of one to seven letters.
    pages.append(["Terrariums and a terrarium, TERRARIUM", "Großstadt Fußballspieler GROSSSTADT Maß", "a ab abc abcd abcde abcdef abcdefg",
                  "ÀÉÎÕÜ àéîõü 東京 東京 x"])
    for texts in pages:
        monkeypatch.setattr(headline_choice, "compiled_core", core)
        with_core = headline_choice.read_body(texts)
        monkeypatch.setattr(headline_choice, "compiled_core", None)
        assert headline_choice.read_body(texts) == with_core


def test_line_scores_are_the_python_sums_to_the_bit(monkeypatch: pytest.MonkeyPatch) -> None:
    """The core computes the line model's columns and sums them (model_scores) as the Python map() does."""
    import struct

    from newsclean.model import linemodel

    def scores(lines: list[LineFeatures], texts: list[str], markers: list[bool], core_or_none: object) -> list[bytes]:
        monkeypatch.setattr(features, "compiled_core", core_or_none)
        return [struct.pack("d", x) for x in linemodel.line_scores(lines, texts, markers)]

    import random

    def scores_with(weights: list[float], lines: list[LineFeatures], texts: list[str], markers: list[bool], core_or_none: object) -> list[bytes]:
        monkeypatch.setattr(features, "compiled_core", core_or_none)
        return [struct.pack("d", x) for x in linemodel.line_scores(lines, texts, markers, weights)]

    generator = random.Random(17)
    for number, path in enumerate(corpus_files()[::5]):
        texts = [b.text for b in parse_text_dump(path.read_text(encoding="utf-8", errors="replace")).blocks]
        lines = [line_features(t, STOPWORDS) for t in texts]
        markers = [i % 17 == 3 for i in range(len(texts))]
        assert scores(lines, texts, markers, core) == scores(lines, texts, markers, None), path.name
        # Every column weighed (model_scores computes each itself), on whole pages and on short ones
        # (fewer lines than a window's width), with and without end markers.
        weights = [generator.uniform(-3, 3) for _ in linemodel.FEATURE_NAMES]
        for part in (slice(None), slice(number % 7, number % 7 + number % 23)):
            for flags in (markers[part], ()):
                got = scores_with(weights, lines[part], texts[part], flags, core)
                assert got == scores_with(weights, lines[part], texts[part], flags, None), path.name
    # Zero weights skipped, ints read as floats, -0.0 products, fewer columns than weights (zip stops).
    assert core.model_scores([1.0], [], [], [], []) == []
    row = line_features("One line.", STOPWORDS)
    assert core.model_scores([1.0, 2.0], [row], ["One line."], [], [False]) == [1.0 + 2.0 * math.log1p(row.size)]
    with pytest.raises(ValueError):
        core.model_scores([1.0], [row], ["One line.", "Two"], [], [False])
    with pytest.raises(TypeError):
        core.model_scores([1.0], [("not", "features")], ["One line."], [], [False])
