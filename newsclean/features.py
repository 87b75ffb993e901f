"""Language-independent signals of every line, computed once per document and shared by the stages."""

from __future__ import annotations

import re
from collections import Counter
from dataclasses import dataclass

from .document import Document
from .rules import Rules
from .text import CJK_CHAR, FEATURE_PREFIX_CHARS, HANGUL_CHAR, KANA_CHAR, WORD, ends_sentence, fold_variants, sentence_count, words

# A CJK character carries about half an English word of content.
CJK_WORD_WEIGHT = 0.5
# Words sampled to guess the language: plenty for stop-word counting, bounded for huge inputs.
LANGUAGE_SAMPLE_WORDS = 3000
# A language needs this share of the sampled words to be its stop words to be chosen.
MIN_STOPWORD_SHARE = 0.08
DIGIT = re.compile(r"\d")
# Phrases are matched in short lines and at the start of long ones; no need to fold more.
FOLD_PREFIX_CHARS = 400
MAX_FOLDED_WORDS = 60
LONG_LINE_FOLD_CHARS = 120
# Digits matter in short lines (dates, counters, scores); the head of a line is enough.
SHORT_LINE_CHARS = 300
# Stripped from the ends of whitespace-separated tokens (quotes, brackets, dashes, bullets).
PUNCTUATION = "".join(chr(c) for c in range(0x2010, 0x2070)) + "!\"#$%&'()*+,-./:;<=>?@[\\]^_`{|}~«»¡¿·•…"


@dataclass(frozen=True, slots=True)
class LineFeatures:
    """What a line looks like, independently of its language."""

    size: float  # words, a CJK character counting CJK_WORD_WEIGHT of a word
    words: int  # word tokens (CJK characters one each)
    cjk: bool  # mostly CJK characters
    sentence_end: bool  # ends like a sentence in any script
    sentences: int  # sentence ends inside the line
    stop_share: float  # share of words that are stop words of the page's language
    capitalised: float  # share of Latin words starting with a capital (headlines, menus)
    digit_share: float  # share of characters that are digits (dates, scores, counters)
    folded: tuple[str, ...]  # readings of the case-folded words, for phrase matching

    @property
    def is_prose(self) -> bool:
        """Looks like running text: a real sentence rather than a label, link or headline."""
        if self.cjk:
            return self.size >= 10 and (self.sentence_end or self.sentences > 0)
        return self.size >= 8 and (self.sentence_end or self.stop_share >= 0.2)


@dataclass(frozen=True)
class Analysis:
    """The page's language and the features of each of its blocks (same order as doc.blocks)."""

    language: str | None
    lines: list[LineFeatures]


def guess_language(texts: list[str], rules: Rules) -> str | None:
    """The language whose stop words cover the most of the text (CJK by script), or None."""
    sample: list[str] = []
    chars = 0
    for text in texts:
        sample.extend(words(text.casefold()))
        chars += len(text)
        if len(sample) >= LANGUAGE_SAMPLE_WORDS:
            break
    if not sample:
        return None
    joined = "".join(sample)
    cjk = len(CJK_CHAR.findall(joined))
    if cjk > 0.3 * len(sample):
        return "ja" if len(KANA_CHAR.findall(joined)) > 0.05 * cjk else "zh"
    if len(HANGUL_CHAR.findall(joined)) > 0.3 * len(joined):
        return "ko"
    counts = Counter(sample)
    best, best_hits = None, 0
    for lang, stop in rules.stopwords.items():
        hits = sum(counts[w] for w in stop.intersection(counts))
        if hits > best_hits:
            best, best_hits = lang, hits
    return best if best_hits >= MIN_STOPWORD_SHARE * len(sample) else None


def line_features(text: str, stopwords: frozenset[str]) -> LineFeatures:
    """The features of one line, from a bounded prefix for very long lines.

    Hot path (every line of every page): whitespace splitting and C-level string methods,
    with the regular-expression tokenizer only for lines holding CJK characters.
    """
    sample = text[:FEATURE_PREFIX_CHARS]
    raw = sample.split()
    cjk_count = 0 if sample.isascii() else len(CJK_CHAR.findall(sample))
    if cjk_count:
        tokens = WORD.findall(sample.casefold())  # one token per CJK character
    else:
        tokens = [t for t in (t.strip(PUNCTUATION) for t in sample.casefold().split()) if t]
    n = len(tokens)
    size = (n - cjk_count) + CJK_WORD_WEIGHT * cjk_count
    if len(text) > FEATURE_PREFIX_CHARS:  # scale up: the prefix stands for the whole line
        size *= len(text) / FEATURE_PREFIX_CHARS
    head = sample[:SHORT_LINE_CHARS]
    return LineFeatures(
        size=size,
        words=n,
        cjk=cjk_count > 0.5 * n if n else False,
        sentence_end=ends_sentence(text),
        sentences=sentence_count(sample),
        stop_share=sum(map(stopwords.__contains__, tokens)) / n if n else 0.0,
        capitalised=sum(map(str.istitle, raw)) / len(raw) if raw else 0.0,
        digit_share=len(DIGIT.findall(head)) / (len(head) - head.count(" ") or 1),
        folded=fold_variants(sample[: FOLD_PREFIX_CHARS if n <= MAX_FOLDED_WORDS else LONG_LINE_FOLD_CHARS]),
    )


def analyze(doc: Document, rules: Rules) -> Analysis:
    """Features of every block of doc, computed on first use and cached on the document."""
    if doc.analysis is not None and len(doc.analysis.lines) == len(doc.blocks):
        return doc.analysis
    texts = [b.text for b in doc.blocks]
    language = doc.meta.language or guess_language(texts, rules)
    base = (language or "").split("-")[0].lower()
    stopwords = rules.stopwords.get(base) or frozenset().union(*rules.stopwords.values())
    doc.analysis = Analysis(language, [line_features(t, stopwords) for t in texts])
    return doc.analysis
