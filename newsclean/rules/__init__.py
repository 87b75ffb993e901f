"""Phrase lists and stop words as data: one TOML file per language, plus any files the user adds.

Each file may define (all optional):

    language = "en"
    stopwords = "the of and ..."        # whitespace-separated function words
    reader_words = "you your ..."       # whitespace-separated words that address the reader; one
                                        # written capitalised ("Sie") counts only as written and not
                                        # opening a sentence (stages/reader_notes.py)
    error_page = ["page not found", ...]   # text of error, block, bot-check and consent pages
    end_markers = ["comments", ...]        # a short line that starts one of these ends the article
    boilerplate_lines = ["share", ...]     # a line that is exactly one of these is boilerplate
    boilerplate_phrases = ["sign up for our newsletter", ...]  # a short line containing one is
    legal_headings = ["legal disclaimer", ...]  # a heading that starts a legal notice
    bylines = ["by", "written by", ...]    # a short line starting with one names the author (or the sponsor)
    captions = ["photo", "credit", ...]    # "Photo: ...", "... Photograph: Jane Doe" is a caption, not a headline
    calls_to_action = ["subscribe", "sign up", ...]  # the verb a prompt opens with (stages/in_span.py):
                                           # two such prompts close together inside the article are a widget
    time_units = ["hours", "minutes", ...]  # a number and one of these is a relative time stamp
                                           # ("3 hours ago", "2 天前"; stages/streams.py)
    offers = ["free", "kostenlos", ...]    # a number and a time unit with one of these is a trial offer
                                           # ("30 days free"), no headline (stages/headline_choice.py)
    author_bios = ["is our", "writes about", ...]  # right after a name opening the article's first or
                                           # last paragraph: an author's biography (stages/edge_bios.py)

A user's file may also turn built-in entries off, by kind, in a `[disable]` table (matched
after folding, so case and punctuation do not matter; an entry no file defines is an error):

    [disable]
    boilerplate_phrases = ["newsletter", "like this"]
    end_markers = ["more"]

Every phrase kind must be a list of strings (a string where a list belongs is an error).

    [page_kinds]                           # what a page that is no article is (stages/page_kinds.py)
    not_found = ["page not found", ...]    # also server_error, redirect, bot_check, access_denied, login_wall,
                                           # paywall, consent_wall, maintenance; and
    wall_prompt = ["to continue reading", ...]  # the prompt right below a wall's teaser

Phrases are matched on the readings of a line's folded text (case-folded, punctuation removed;
also with glued text nodes split), on word boundaries, so "Comments", "COMMENTS:" and
"CommentsNo comment" all match "comments", and "JavaScript" still matches "javascript".
"""

from __future__ import annotations

from collections.abc import Iterator, Sequence
from dataclasses import dataclass
from functools import cached_property, lru_cache
from pathlib import Path
from typing import Any

from ..compiled import compiled_module
from ..errors import ConfigError
from ..parse.text import fold

# The optional compiled phrase matcher (_phrases.c): PhraseSet's trie, built here from the parsed
# rules, walked in C (no phrase is compiled in). Absent where no compiler built it;
# NEWSCLEAN_PURE_PYTHON=1 leaves it unused, as it does the model's compiled core.
compiled_matcher = compiled_module("newsclean.rules._phrases")

PHRASE_KINDS = (
    "error_page",
    "end_markers",
    "boilerplate_lines",
    "boilerplate_phrases",
    "legal_headings",
    "bylines",
    "captions",
    "calls_to_action",
    "time_units",
    "offers",
    "author_bios",
)


# The kinds of page that are no article, each with its own phrase list under [page_kinds].
PAGE_KIND_PHRASES = (
    "not_found",
    "server_error",
    "redirect",
    "bot_check",
    "access_denied",
    "login_wall",
    "paywall",
    "consent_wall",
    "maintenance",
    "wall_prompt",  # no kind: the prompt right below a paywall's or sign-in wall's teaser
)
PAGE_KIND_PROMPT = "wall_prompt"

END = ""  # trie key marking the end of a phrase (no word is empty)


# The apostrophes a phrase may be written with: the typewriter one and the typographic one
# (U+2019). Folding keeps the first inside a word ("editor's") and parts the word at the second
# ("editor s"), so a phrase matches only lines written with its own apostrophe.
APOSTROPHES = ("'", "\u2019")


def apostrophe_readings(phrase: str) -> tuple[str, ...]:
    """The phrase as written, and with its apostrophes written the other way ("editor's picks",
    "editor’s picks"): pages use either, and a rules file lists one."""
    typewriter, typographic = APOSTROPHES
    if typewriter in phrase:
        return phrase, phrase.replace(typewriter, typographic)
    if typographic in phrase:
        return phrase, phrase.replace(typographic, typewriter)
    return (phrase,)


@dataclass(frozen=True)
class PhraseSet:
    """Folded phrases in a word trie: matching costs a few dict lookups per word of the line,
    however many phrases there are (thousands, over all languages)."""

    phrases: frozenset[str]
    _depth: int

    @classmethod
    def build(cls, phrases: set[str]) -> PhraseSet:
        """The set of the folded phrases (folding each phrase is the costly part of loading rules)."""
        folded = {fold(reading) for p in phrases for reading in apostrophe_readings(p)} - {""}
        return cls(frozenset(folded), max((p.count(" ") + 1 for p in folded), default=0))

    @cached_property
    def _trie(self) -> dict:
        """The phrases word by word, built at the first match: a set the run never matches against
        (most page kinds' own sets) costs nothing, and the rules cache stores only the phrases.

        The root maps each first word to the phrases that start with it, and that list becomes the
        word's branch of the trie (`_branch`) the first time a line holds the word: a process's
        first document meets a few hundred of the sets' thousands of first words, so it builds a
        sliver of the tries (all of them took 11 ms, most of a small page's cleaning)."""
        roots: dict = {}
        for phrase in self.phrases:
            first = phrase.partition(" ")[0]
            listed = roots.get(first)
            if listed is None:
                roots[first] = [phrase]
            else:
                listed.append(phrase)
        return roots

    def _branch(self, first: str) -> dict:
        """The trie below a first word, built from its phrases once (it replaces them in the root)."""
        listed = self._trie[first]
        if type(listed) is dict:
            return listed
        branch: dict = {}
        for phrase in listed:
            node = branch
            for word in phrase.split(" ")[1:]:
                node = node.setdefault(word, {})
            node[END] = phrase
        self._trie[first] = branch
        return branch

    def _longest_at(self, words: list[str], start: int) -> str | None:
        node = self._trie[words[start]]  # (the callers looked the first word up)
        if type(node) is not dict:
            node = self._branch(words[start])
        found = node.get(END)
        for word in words[start + 1 : start + self._depth]:
            # An empty word (two spaces in a folded reading) is the END key: never a word.
            node = node.get(word) if word else None
            if node is None:
                break
            found = node.get(END, found)
        return found

    @cached_property
    def _matcher(self) -> Any:
        """The compiled matcher over this set's trie (it builds a first word's branch through `_branch`)."""
        return compiled_matcher.Matcher(self._trie, self._depth, self._branch)

    def find_all(self, folded: Sequence[str]) -> Iterator[str]:
        """The longest phrase at each place any reading of the folded text holds one, in order."""
        if compiled_matcher is not None:
            return self._bind_compiled("find_all")(folded)  # type: ignore[no-any-return]
        return self._find_all(folded)

    def _bind_compiled(self, name: str) -> Any:
        """The compiled matcher's method `name`, set on this set in place of its own: the stages ask
        every line (600k calls over the corpora's 575 dumps), and the next calls go straight to C,
        without a Python frame of this class's. (A set serves the matcher in use when it was first
        asked; load_rules makes a Rules per matcher, so the tests can compare the two paths.)"""
        bound = getattr(self._matcher, name)
        object.__setattr__(self, name, bound)
        return bound

    def _find_all(self, folded: Sequence[str]) -> Iterator[str]:
        trie = self._trie
        first_words = trie.keys()  # one view for all readings
        for text in folded:
            words = text.split(" ")
            if first_words.isdisjoint(words):
                continue  # most lines hold no word that starts a phrase: one C-level check
            for start, word in enumerate(words):
                if word in trie:  # most words start no phrase: one lookup, no call
                    found = self._longest_at(words, start)
                    if found:
                        yield found

    def first(self, folded: Sequence[str]) -> str | None:
        """The first phrase find_all finds, or None (a line holds one or not)."""
        return next(iter(self.find_all(folded)), None)

    def prefix(self, folded: Sequence[str]) -> str | None:
        """The longest phrase a reading of the folded text starts with, or None."""
        if compiled_matcher is not None:
            return self._bind_compiled("prefix")(folded)  # type: ignore[no-any-return]
        trie, depth = self._trie, self._depth
        for text in folded:
            # Only the first words can be part of the phrase; most lines' first word starts none
            # (told by partition, which makes one string, before a split makes depth of them).
            if text.partition(" ")[0] in trie:
                found = self._longest_at(text.split(" ", depth), 0)
                if found:
                    return found
        return None

    def prefixes(self, lines: Sequence[Sequence[str]]) -> list[str | None]:
        """prefix of each line's folded readings: a page's lines in one call to the compiled matcher."""
        if compiled_matcher is not None:
            return self._bind_compiled("prefixes")(lines)  # type: ignore[no-any-return]
        return [self.prefix(folded) for folded in lines]

    def equals(self, folded: Sequence[str]) -> str | None:
        """The phrase that a whole reading of the folded text is, or None."""
        phrases = self.phrases
        for text in folded:  # a loop, not next() over a generator: called for most lines by several stages
            if text in phrases:
                return text
        return None


@dataclass(frozen=True)
class Rules:
    """All phrase lists and stop words, merged over languages."""

    stopwords: dict[str, frozenset[str]]
    stopword_languages: dict[str, tuple[str, ...]]  # word -> the languages it is a stop word of
    # Words that address the reader: any case ("you", "vous"), or only as written ("Sie", "Ihre").
    reader_words: frozenset[str]
    reader_words_as_written: frozenset[str]
    error_page: PhraseSet
    end_markers: PhraseSet
    boilerplate_lines: PhraseSet
    boilerplate_phrases: PhraseSet
    legal_headings: PhraseSet
    bylines: PhraseSet
    captions: PhraseSet
    calls_to_action: PhraseSet
    time_units: PhraseSet
    offers: PhraseSet
    author_bios: PhraseSet
    page_kinds: dict[str, PhraseSet]  # page kind (PAGE_KIND_PHRASES) -> its phrases
    # Every kind's phrases (not the wall prompt) in one trie, so a line is walked once for all
    # kinds, and the kinds each phrase names, in PAGE_KIND_PHRASES order.
    any_page_kind: PhraseSet
    page_kinds_of: dict[str, tuple[str, ...]]
    # One-word end markers that are another language's function word: markers only with no other
    # word on their line (_function_words_elsewhere).
    lone_markers: frozenset[str] = frozenset()

    @cached_property
    def all_stopwords(self) -> frozenset[str]:
        """The stop words of every language in one set, for text in no known language: merged once
        per process, not per document (and one set, so the compiled core's table of it is built once)."""
        return frozenset().union(*self.stopwords.values())


def _read_rule_file(path: Path | str, text: str) -> dict:
    import tomllib  # only when the rules cache misses: a warm start parses no TOML

    try:
        data = tomllib.loads(text)
    except tomllib.TOMLDecodeError as exc:
        raise ConfigError(f"{path}: invalid rules file: {exc}") from None
    unknown = set(data) - {"language", "stopwords", "reader_words", "disable", "page_kinds", *PHRASE_KINDS}
    unknown |= {f"page_kinds.{kind}" for kind in set(data.get("page_kinds", {})) - set(PAGE_KIND_PHRASES)}
    if unknown:
        raise ConfigError(f"{path}: unknown rule keys: {', '.join(sorted(unknown))}")
    if "language" in data and not isinstance(data["language"], str):
        raise ConfigError(f"{path}: language must be a string, not {_kind_of(data['language'])}")
    if "stopwords" in data and not isinstance(data["stopwords"], str):
        raise ConfigError(f"{path}: stopwords must be one string of words, not {_kind_of(data['stopwords'])}")
    if "reader_words" in data and not isinstance(data["reader_words"], str):
        raise ConfigError(f"{path}: reader_words must be one string of words, not {_kind_of(data['reader_words'])}")
    for kind in PHRASE_KINDS:
        if kind in data:
            _check_phrase_list(path, kind, data[kind])
    disable = data.get("disable", {})
    if not isinstance(disable, dict):
        raise ConfigError(f"{path}: disable must be a table ([disable]), not {_kind_of(disable)}")
    unknown = set(disable) - set(PHRASE_KINDS)
    if unknown:
        raise ConfigError(f"{path}: unknown kinds in [disable]: {', '.join(sorted(unknown))}")
    for kind, phrases in disable.items():
        _check_phrase_list(path, f"disable.{kind}", phrases)
    page_kinds = data.get("page_kinds", {})
    if not isinstance(page_kinds, dict):
        raise ConfigError(f"{path}: page_kinds must be a table ([page_kinds]), not {_kind_of(page_kinds)}")
    for kind, phrases in page_kinds.items():
        _check_phrase_list(path, f"page_kinds.{kind}", phrases)
    return data


def _check_phrase_list(path: Path | str, key: str, value: object) -> None:
    """A phrase list is a list of strings; anything else (a lone string above all) is an error."""
    if not isinstance(value, list):
        hint = f' (write {key.rsplit(".", 1)[-1]} = ["{value}"])' if isinstance(value, str) else ""
        raise ConfigError(f"{path}: {key} must be a list of strings, not {_kind_of(value)}{hint}")
    for item in value:
        if not isinstance(item, str):
            raise ConfigError(f"{path}: {key} must be a list of strings; it holds {_kind_of(item)} {item!r}")


def _kind_of(value: object) -> str:
    return {str: "a string", int: "a number", float: "a number", bool: "a boolean", list: "a list", dict: "a table"}.get(
        type(value), type(value).__name__
    )


def _without_disabled(kind: str, phrases: set[str], disabled: list[tuple[str, str, str]]) -> set[str]:
    """The phrases of a kind less those a file disables (compared folded); disabling a phrase no
    file defines is an error, so a typo does not pass silently."""
    off = {fold(phrase): (name, phrase) for name, k, phrase in disabled if k == kind}
    if not off:
        return phrases
    present = {fold(p) for p in phrases}
    for folded, (name, phrase) in off.items():
        if folded not in present:
            raise ConfigError(f'{name}: [disable] {kind}: "{phrase}" is not a {kind} phrase of any rules file')
    return {p for p in phrases if fold(p) not in off}


def _builtin_files() -> list[tuple[str, bytes]]:
    """(name, content) of the built-in rules files, by name."""
    folder = Path(__file__).parent
    if not folder.is_dir():  # installed in a zip: only importlib.resources (5 ms to import) can read it
        from importlib import resources

        entries = [entry for entry in resources.files(__package__).iterdir() if entry.name.endswith(".toml")]
        return sorted((entry.name, entry.read_bytes()) for entry in entries)
    return sorted((path.name, path.read_bytes()) for path in folder.glob("*.toml"))


def _rule_sources(extra_files: tuple[str, ...]) -> list[tuple[str, bytes]]:
    """(name, content) of every rules file: the built-in ones, then the user's in their order.
    Bytes: the cache key hashes them, and only a cache miss decodes them."""
    sources = _builtin_files()
    for name in extra_files:
        try:
            sources.append((name, Path(name).read_bytes()))
        except OSError as exc:
            raise ConfigError(f"{name}: cannot read rules file: {exc.strerror}") from None
    return sources


def load_rules(extra_files: tuple[str, ...] = ()) -> Rules:
    """The built-in rules merged with the user's rule files (cached: rules are immutable).

    Built once per process; across processes the built tables come from the rules cache
    (rules/cache.py), keyed on the content of every file, so a changed file is parsed afresh."""
    return _load_rules(extra_files, compiled_matcher)


@lru_cache(maxsize=8)
def _load_rules(extra_files: tuple[str, ...], matcher: Any) -> Rules:
    """load_rules for the phrase matcher in use (its sets bind that matcher's methods)."""
    from .cache import cached_tables

    return _rules_from_tables(cached_tables(_rule_sources(extra_files), _build_tables))


load_rules.cache_clear = _load_rules.cache_clear  # type: ignore[attr-defined]


def _function_words_elsewhere(languages_of: dict[str, set[str]], stopwords: dict[str, set[str]]) -> set[str]:
    """The one-word phrases (of `languages_of`: phrase -> the languages of the files listing it)
    that are a function word of another language: the calls to action Norwegian "les" (read),
    French "les"; Danish and Swedish "se" (see), Spanish, Italian and Portuguese "se"; Danish "del"
    (share), Spanish "del"; the end marker English "comment", French "comment" (how). The merged
    rules hold every language's phrases for every page, so such a word would make prompts or
    labels of lines of running text in the other language. Only words that language files list (a
    stem with stopwords): a user's own rules file keeps what it names."""
    return {phrase for phrase, langs in languages_of.items()
            if " " not in phrase.strip() and langs <= stopwords.keys()
            and any(phrase.casefold() in words for lang, words in stopwords.items() if lang not in langs)}


def _build_tables(sources: list[tuple[str, bytes]]) -> dict:
    """The merged, folded rules of these files as plain data (dicts, sets, tuples, strings): the
    form the cache stores."""
    stopwords: dict[str, set[str]] = {}
    reader_words: set[str] = set()
    phrases: dict[str, set[str]] = {kind: set() for kind in PHRASE_KINDS}
    disabled: list[tuple[str, str, str]] = []  # (file, kind, phrase)
    page_kinds: dict[str, set[str]] = {kind: set() for kind in PAGE_KIND_PHRASES}
    action_languages: dict[str, set[str]] = {}  # a call to action's files' languages (stems)
    marker_languages: dict[str, set[str]] = {}  # an end marker's
    for name, content in sources:
        data = _read_rule_file(name, content.decode("utf-8"))
        lang = data.get("language", Path(name).stem)
        if "stopwords" in data:
            stopwords.setdefault(lang, set()).update(data["stopwords"].casefold().split())
        reader_words.update(data.get("reader_words", "").split())
        for kind in PHRASE_KINDS:
            phrases[kind].update(data.get(kind, []))
        for phrase in data.get("calls_to_action", []):
            action_languages.setdefault(phrase, set()).add(lang)
        for phrase in data.get("end_markers", []):
            marker_languages.setdefault(phrase, set()).add(lang)
        disabled += [(name, kind, phrase) for kind, listed in data.get("disable", {}).items() for phrase in listed]
        for kind, listed in data.get("page_kinds", {}).items():
            page_kinds[kind].update(listed)
    phrases["calls_to_action"] -= _function_words_elsewhere(action_languages, stopwords)
    for kind, phrase_set in phrases.items():
        phrases[kind] = _without_disabled(kind, phrase_set, disabled)
    languages_of: dict[str, list[str]] = {}
    for lang, words in sorted(stopwords.items()):
        for word in words:
            languages_of.setdefault(word, []).append(lang)

    def table(phrase_set: PhraseSet) -> tuple[frozenset[str], int]:
        return phrase_set.phrases, phrase_set._depth

    kind_sets = {kind: PhraseSet.build(page_kinds[kind]) for kind in PAGE_KIND_PHRASES}
    kinds_of: dict[str, list[str]] = {}
    for kind, phrase_set in kind_sets.items():
        if kind != PAGE_KIND_PROMPT:
            for phrase in phrase_set.phrases:
                kinds_of.setdefault(phrase, []).append(kind)
    return {
        "stopwords": {lang: frozenset(words) for lang, words in stopwords.items()},
        "stopword_languages": {word: tuple(langs) for word, langs in languages_of.items()},
        "reader_words": frozenset(word for word in reader_words if word == word.casefold()),
        "reader_words_as_written": frozenset(word for word in reader_words if word != word.casefold()),
        "phrases": {kind: table(PhraseSet.build(phrases[kind])) for kind in PHRASE_KINDS},
        "page_kinds": {kind: table(phrase_set) for kind, phrase_set in kind_sets.items()},
        # Built from the folded phrases, folded again, as the stage built it before it was cached here.
        "any_page_kind": table(PhraseSet.build(set(kinds_of))),
        "page_kinds_of": {phrase: tuple(kinds) for phrase, kinds in kinds_of.items()},
        # English "comment" is French "comment" (how): as an end marker it stands alone ("Comment",
        # "Comment (3)"), not at the head of a French subheading ("Comment les agriculteurs s'adaptent").
        "lone_markers": frozenset(fold(phrase) for phrase in _function_words_elsewhere(marker_languages, stopwords)),
    }


def _rules_from_tables(tables: dict) -> Rules:
    """The Rules object of _build_tables' plain data."""
    return Rules(
        stopwords=tables["stopwords"],
        stopword_languages=tables["stopword_languages"],
        reader_words=tables["reader_words"],
        reader_words_as_written=tables["reader_words_as_written"],
        **{kind: PhraseSet(*tables["phrases"][kind]) for kind in PHRASE_KINDS},
        page_kinds={kind: PhraseSet(*tables["page_kinds"][kind]) for kind in PAGE_KIND_PHRASES},
        any_page_kind=PhraseSet(*tables["any_page_kind"]),
        page_kinds_of=tables["page_kinds_of"],
        lone_markers=tables["lone_markers"],
    )
