"""Language-independent signals of every line, computed once per document and shared by the stages."""

from __future__ import annotations

import re
from collections import Counter
from dataclasses import dataclass

from .document import Document
from .rules import Rules
from .text import CJK_CHAR, FEATURE_PREFIX_CHARS, HANGUL_CHAR, KANA_CHAR, ends_sentence, fold, sentence_count, words

# A CJK character carries about half an English word of content.
CJK_WORD_WEIGHT = 0.5
# Words sampled to guess the language: plenty for stop-word counting, bounded for huge inputs.
LANGUAGE_SAMPLE_WORDS = 20000
# A language needs this share of the sampled words to be its stop words to be chosen.
MIN_STOPWORD_SHARE = 0.08
DIGIT = re.compile(r"\d")
LETTER = re.compile(r"[^\W\d_]")


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
    folded: str  # case-folded words for phrase matching

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
    for text in texts:
        sample.extend(words(text.casefold()))
        if len(sample) >= LANGUAGE_SAMPLE_WORDS:
            break
    if not sample:
        return None
    cjk = sum(1 for w in sample if CJK_CHAR.match(w))
    if cjk > 0.3 * len(sample):
        kana = sum(1 for w in sample if KANA_CHAR.match(w))
        return "ja" if kana > 0.05 * cjk else "zh"
    if sum(1 for w in sample if HANGUL_CHAR.match(w)) > 0.3 * len(sample):
        return "ko"
    counts = Counter(sample)
    best, best_hits = None, 0
    for lang, stop in rules.stopwords.items():
        hits = sum(n for w, n in counts.items() if w in stop)
        if hits > best_hits:
            best, best_hits = lang, hits
    return best if best_hits >= MIN_STOPWORD_SHARE * len(sample) else None


def line_features(text: str, stopwords: frozenset[str]) -> LineFeatures:
    """The features of one line, from a bounded prefix for very long lines."""
    tokens = words(text.casefold())
    n = len(tokens)
    cjk_count = sum(1 for t in tokens if CJK_CHAR.match(t))
    size = (n - cjk_count) + CJK_WORD_WEIGHT * cjk_count
    if len(text) > FEATURE_PREFIX_CHARS:  # scale up: the prefix stands for the whole line
        size *= len(text) / FEATURE_PREFIX_CHARS
    latin = [w for w in words(text) if not CJK_CHAR.match(w) and LETTER.match(w)]
    capitalised = sum(1 for w in latin if w[0].isupper()) / len(latin) if latin else 0.0
    sample = text[:FEATURE_PREFIX_CHARS]
    visible = len(sample.replace(" ", "")) or 1
    return LineFeatures(
        size=size,
        words=n,
        cjk=cjk_count > 0.5 * n if n else False,
        sentence_end=ends_sentence(text),
        sentences=sentence_count(text),
        stop_share=sum(1 for t in tokens if t in stopwords) / n if n else 0.0,
        capitalised=capitalised,
        digit_share=len(DIGIT.findall(sample)) / visible,
        folded=fold(text),
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
