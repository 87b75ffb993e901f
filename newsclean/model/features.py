"""Language-independent signals of every line, computed once per document and shared by the stages."""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field
from itertools import chain, zip_longest
from typing import NamedTuple

from ..compiled import compiled_module
from ..document import Document
from ..parse.text import (
    CJK_CHAR,
    FEATURE_PREFIX_CHARS,
    GLUE,
    HANGUL_CHAR,
    KANA_CHAR,
    ends_sentence,
    fold,
    reaches_far_east,
    sentence_count,
    tokens,
)
from ..rules import Rules

# The optional compiled core (_features.c): the features of lines of printable ASCII and common
# typographic punctuation (curly quotes, dashes, the ellipsis), to the bit
# those of line_features, which stays the reference and the fallback. Absent where no compiler
# built it; NEWSCLEAN_PURE_PYTHON=1 leaves it unused (the tests compare the two paths).
compiled_core = compiled_module("newsclean.model._features")

# A CJK character carries about half an English word of content.
CJK_WORD_WEIGHT = 0.5
# Words sampled to guess the language: plenty for stop-word counting, bounded for huge inputs.
LANGUAGE_SAMPLE_WORDS = 3000
# A language needs this share of the sampled words to be its stop words to be chosen.
MIN_STOPWORD_SHARE = 0.08
DIGIT = re.compile(r"\d")
# A CJK full stop straight followed by more text: CJK writes no space between sentences, so
# text.sentence_count (which wants a space after the stop) misses these.
# Nearly every word capitalised: title case (English headlines), not a sentence. German, which
# capitalises nouns, has about a third of its words capitalised in running text.
TITLE_CASE_SHARE = 0.8
# Full stops of scripts that text.SENTENCE_END lacks: Myanmar (။) and Khmer (។).
OTHER_SENTENCE_END = ("။", "។")
# Thai and Lao write no sentence punctuation: a paragraph just ends. A line mostly in these
# scripts, as long as running text (NO_STOP_MIN_WORDS), ends a sentence where it ends.
NO_STOP_SCRIPT = re.compile(r"[\u0e00-\u0eff]")
NO_STOP_MIN_WORDS = 8
CJK_INNER_SENTENCE_END = re.compile(r"[。！？][」』）】”’\"']*(?=[^\s」』）】”’\"'])")
# Phrases are matched in short lines and at the start of long ones; no need to fold more.
FOLD_PREFIX_CHARS = 400
MAX_FOLDED_WORDS = 45
LONG_LINE_HEAD_WORDS = 12
MAX_GLUED_WORDS = 12
# Digits matter in short lines (dates, counters, scores); the head of a line is enough.
SHORT_LINE_CHARS = 300
# Lines handed to the compiled core at once: its rows are held only until they become LineFeatures.
CHUNK_LINES = 4096
# Lines tokenized at once for the language sample (it stops at LANGUAGE_SAMPLE_WORDS words).
SAMPLE_CHUNK_LINES = 64



class LineFeatures(NamedTuple):
    """What a line looks like, independently of its language (a tuple: built for every line)."""

    size: float  # words, a CJK character counting CJK_WORD_WEIGHT of a word
    numbers: int  # words that are numbers (dates, times, counters)
    words: int  # word tokens (CJK characters one each)
    cjk: bool  # mostly CJK characters
    sentence_end: bool  # ends like a sentence in any script
    sentences: int  # sentence ends inside the line
    stop_share: float  # share of words that are stop words of the page's language
    capitalised: float  # share of Latin words starting with a capital (headlines, menus)
    digit_share: float  # share of characters that are digits (dates, scores, counters)
    folded: tuple[str, ...]  # readings of the case-folded words, for phrase matching
    is_prose: bool  # reads as running text (see looks_like_prose)


def looks_like_prose(
    size: float, numbers: int, cjk: bool, sentence_end: bool, sentences: int, stop_share: float, capitalised: float = 0.0
) -> bool:
    """Running text: a real sentence rather than a label, link or headline (a line with nearly
    every word capitalised is a headline in title case, even with a full stop)."""
    if cjk:
        return size >= 10 and (sentence_end or sentences > 0)
    return size - numbers >= 8 and (sentence_end or stop_share >= 0.2) and capitalised < TITLE_CASE_SHARE


@dataclass(frozen=True)
class Analysis:
    """The page's language and the features of each of its blocks (same order as doc.blocks)."""

    language: str | None
    lines: list[LineFeatures]
    # Answers about single lines that several stages ask for, by position (e.g. "boilerplate":
    # the reason boilerplate.boilerplate_reason gives), filled by the stages that ask first.
    line_answers: dict[str, dict[int, str | None]] = field(default_factory=dict, compare=False, repr=False)
    # Yes-or-no answers about a line's text, by text (a page's copies of a line share their
    # features, so they share the answer: e.g. "anchor", stages/title.anchor_at).
    text_answers: dict[str, dict[str, bool]] = field(default_factory=dict, compare=False, repr=False)
    # Whether each line is an end-of-article marker (stages/markers.page_end_markers), filled in at
    # the first stage that asks.
    end_markers: list[bool] = field(default_factory=list, compare=False, repr=False)


def guess_language(token_lists: Iterable[list[str]], rules: Rules) -> str | None:
    """The language whose stop words cover the most of the text (CJK by script), or None."""
    sample, total = [], 0
    for words in token_lists:
        sample.append(words)
        total += len(words)
        if total >= LANGUAGE_SAMPLE_WORDS:
            break
    return language_of_counts(Counter(chain.from_iterable(sample)), total, rules)  # one counting pass


def language_of_counts(counts: Mapping[str, int], total: int, rules: Rules) -> str | None:
    """guess_language of a sample given as its word counts (`total` words in all)."""
    if not total:
        return None
    joined = "".join(counts)
    # Most pages have no CJK or Hangul character to count; their largest character says so at once.
    far_east = reaches_far_east(joined)
    if far_east and CJK_CHAR.search(joined):
        # The words that are one CJK character each, found by one search of the joined words (a
        # character there that is no word of its own counts 0) rather than one test per word.
        cjk = sum(counts.get(char, 0) for char in set(CJK_CHAR.findall(joined)))
        if cjk > 0.3 * total:
            kana = len(KANA_CHAR.findall(joined))
            return "ja" if kana > 0.05 * len(joined) else "zh"
    if far_east and len(HANGUL_CHAR.findall(joined)) > 0.3 * len(joined):
        return "ko"
    languages_of = rules.stopword_languages
    # (Only the stop words, found at C speed.)
    return _stopword_language(((word, counts[word]) for word in counts.keys() & languages_of.keys()), total, rules)


def language_of_summary(
    total: int, characters: int, far_east: bool, any_cjk: bool, one_cjk: int, kana: int, hangul: int,
    stop_counts: Mapping[str, int], rules: Rules,
) -> str | None:
    """language_of_counts of a sample given as the compiled core's summary of its counts
    (`sample_language`: the sums and flags that function reads off the distinct words, and the
    counts of the stop words alone), test for test."""
    if not total:
        return None
    if far_east and any_cjk and one_cjk > 0.3 * total:
        return "ja" if kana > 0.05 * characters else "zh"
    if far_east and hangul > 0.3 * characters:
        return "ko"
    return _stopword_language(stop_counts.items(), total, rules)


def _stopword_language(stop_counts: Iterable[tuple[str, int]], total: int, rules: Rules) -> str | None:
    """The language whose stop words (given with their counts) the sample of `total` words holds
    most of, when they are MIN_STOPWORD_SHARE of it or more."""
    hits: dict[str, int] = {}  # (a plain dict: Counter's missing keys cost a Python call each)
    languages_of = rules.stopword_languages
    for word, count in stop_counts:
        for lang in languages_of[word]:
            hits[lang] = hits.get(lang, 0) + count
    if not hits:
        return None
    best, best_hits = max(hits.items(), key=lambda item: (item[1], item[0]))
    return best if best_hits >= MIN_STOPWORD_SHARE * total else None


def _readings(sample: str, words: list[str]) -> tuple[str, ...]:
    """The folded readings of a line for phrase matching (see text.fold_variants), from its words."""
    # Whole short lines (phrases are searched in them); only the head of long ones (where a
    # legal notice or a marker would start), so paragraphs are not stored twice.
    plain = " ".join(words if len(words) <= MAX_FOLDED_WORDS else words[:LONG_LINE_HEAD_WORDS])
    # Glued text nodes ("CommentsNo comment") are short lines; long ones are not worth the search.
    if len(words) > MAX_GLUED_WORDS or not GLUE.search(sample):
        return (plain,)
    return plain, fold(GLUE.sub(" ", sample[:FOLD_PREFIX_CHARS]))


def _in_unpunctuated_script(sample: str) -> bool:
    """True when most letters of the line are Thai or Lao (scripts without sentence punctuation)."""
    if sample.isascii() or not NO_STOP_SCRIPT.search(sample):
        return False
    return len(NO_STOP_SCRIPT.findall(sample)) > 0.5 * sum(map(str.isalpha, sample))


def line_features(text: str, stopwords: frozenset[str], words: list[str] | None = None) -> LineFeatures:
    """The features of one line (given its tokens, or tokenized here), from a bounded prefix.

    Hot path (every line of every page): C-level string methods, with the regular-expression
    tokenizer only for lines holding CJK characters.
    """
    sample = text[:FEATURE_PREFIX_CHARS]
    raw = sample.split()
    cjk_count = len(CJK_CHAR.findall(sample)) if reaches_far_east(sample) else 0
    if words is None:
        words = tokens(sample)
    n = len(words)
    # Numbers (dates, times, counters) are not words of running text.
    numbers = sum(map(str.isdigit, words))
    size = (n - cjk_count) + CJK_WORD_WEIGHT * cjk_count
    if len(text) > FEATURE_PREFIX_CHARS:  # scale up: the prefix stands for the whole line
        size *= len(text) / FEATURE_PREFIX_CHARS
    head = sample[:SHORT_LINE_CHARS]
    cjk = cjk_count > 0.5 * n if n else False
    sentence_end = (
        ends_sentence(text)
        or text[-8:].rstrip().endswith(OTHER_SENTENCE_END)
        or (not cjk_count and size - numbers >= NO_STOP_MIN_WORDS and _in_unpunctuated_script(sample))
    )
    sentences = sentence_count(sample)
    if cjk_count:
        sentences += len(CJK_INNER_SENTENCE_END.findall(sample))
    stop_share = sum(map(stopwords.__contains__, words)) / n if n else 0.0
    capitalised = sum(map(str.istitle, raw)) / len(raw) if raw else 0.0
    return LineFeatures(
        size,
        numbers,
        n,
        cjk,
        sentence_end,
        sentences,
        stop_share,
        capitalised,
        len(DIGIT.findall(head)) / (len(head) - head.count(" ") or 1),
        _readings(sample, words),
        looks_like_prose(size, numbers, cjk, sentence_end, sentences, stop_share, capitalised),
    )


def analyze(doc: Document, rules: Rules) -> Analysis:
    """Features of every block of doc, computed on first use and cached on the document."""
    if doc.analysis is not None and len(doc.analysis.lines) == len(doc.blocks):
        return doc.analysis
    texts = [b.text for b in doc.blocks]
    # The language from the first lines' words, whose tokens are then reused for their features;
    # the other lines are tokenized as their features are computed, so the words of a whole huge
    # dump are never held at once. The compiled core counts the sample's words without listing them.
    sample: list[list[str]] = []
    # The words of the sampled lines the core leaves, tokenized in Python for the sample, serve
    # their features too (by text: the core's callback is given the text alone).
    sampled: dict[str, list[str]] = {}
    if compiled_core is not None and not doc.meta.language:
        language = _sample_language(texts, rules, sampled)
    elif compiled_core is not None:
        # The language is given (an HTML page's lang): the sample's tokens would serve only the
        # lines the core leaves, which tokenize their own prefix alike (0.17 ms a train page).
        language = doc.meta.language
    else:
        sample = _language_sample(texts)
        language = doc.meta.language or guess_language(sample, rules)
    base = (language or "").split("-")[0].lower()
    stopwords = rules.stopwords.get(base) or rules.all_stopwords
    doc.analysis = Analysis(language, features_of(texts, stopwords, sample, sampled))
    return doc.analysis


def features_of(texts: list[str], stopwords: frozenset[str], known: list[list[str]] | None = None,
                tokenized: Mapping[str, list[str]] | None = None) -> list[LineFeatures]:
    """line_features of each text (`known`: the tokens of the first ones; `tokenized`: tokens of
    some texts, by text), those of printable ASCII and typographic punctuation through the
    compiled core when it is built."""
    known = known or []
    tokenized = tokenized or {}
    if compiled_core is None:
        # As below: each distinct text read once, its copies sharing its LineFeatures (a dump
        # repeats its menus and labels), the sampled lines' with the tokens already made for them.
        by_text: dict[str, LineFeatures] = {}
        for text, words in zip_longest(texts, known):
            if text not in by_text:
                by_text[text] = line_features(text, stopwords, words)
        return [by_text[text] for text in texts]
    features: list[LineFeatures] = []
    for start in range(0, len(texts), CHUNK_LINES):
        chunk = texts[start : start + CHUNK_LINES]
        # A dump repeats its menus, labels and teasers (a fifth of the lines of the corpora's dumps
        # say again a line above them): each distinct text is read once, and its copies share its
        # LineFeatures (a tuple: what no stage changes). Not when tokens are given by position.
        distinct = chunk if known else list(dict.fromkeys(chunk))
        # The core makes the LineFeatures too (no Python step per line); None where it left a line.
        made = compiled_core.ascii_rows(distinct, stopwords, LineFeatures)
        if None in made:
            given = known[start : start + CHUNK_LINES]
            for i in [i for i, row in enumerate(made) if row is None]:
                made[i] = line_features(distinct[i], stopwords, given[i] if i < len(given) else tokenized.get(distinct[i]))
        if len(distinct) < len(chunk):
            made = list(map(dict(zip(distinct, made)).__getitem__, chunk))
        features.extend(made)
    return features


def _sample_language(texts: list[str], rules: Rules, tokenized: dict[str, list[str]] | None = None) -> str | None:
    """language_of_counts(*_sample_counts(texts)), through the compiled core's summary of the
    sample: no str nor dict entry per distinct word, only per stop word (a sample holds a few
    hundred distinct words, a tenth of them stop words). The tokens of the lines the core leaves
    (tokenized here) are kept in `tokenized`, by text."""
    if tokenized is None:
        tokenized = {}

    def tokens_kept(text: str) -> list[str]:
        words = tokenized[text] = tokens(text)
        return words

    try:
        summary = compiled_core.sample_language(texts, LANGUAGE_SAMPLE_WORDS, rules.all_stopwords, tokens_kept)
    except UnicodeEncodeError:  # a word with a lone surrogate has no UTF-8 to count it by
        return language_of_counts(*_sample_counts(texts), rules)
    return language_of_summary(*summary, rules)


def _sample_counts(texts: list[str]) -> tuple[dict[str, int], int]:
    """The words of _language_sample(texts) counted, and their number, through the compiled core
    (the lines it does not take are tokenized here)."""
    counts: dict[str, int] = {}
    total = at = 0
    while True:
        added, at = compiled_core.sample_counts(texts, at, LANGUAGE_SAMPLE_WORDS - total, counts)
        total += added
        if at >= len(texts) or total >= LANGUAGE_SAMPLE_WORDS:
            return counts, total
        words = tokens(texts[at])
        for word in words:
            counts[word] = counts.get(word, 0) + 1
        total += len(words)
        at += 1


def _language_sample(texts: list[str]) -> list[list[str]]:
    """The tokens of the first lines, up to the line that reaches LANGUAGE_SAMPLE_WORDS words."""
    sample, total = [], 0
    for start in range(0, len(texts), SAMPLE_CHUNK_LINES):
        chunk = texts[start : start + SAMPLE_CHUNK_LINES]
        known = compiled_core.ascii_tokens(chunk) if compiled_core else []
        for text, words in zip_longest(chunk, known):
            if total >= LANGUAGE_SAMPLE_WORDS:
                return sample
            if words is None:
                words = tokens(text)
            sample.append(words)
            total += len(words)
    return sample
