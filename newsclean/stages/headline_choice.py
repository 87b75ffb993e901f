"""Which of several candidate lines is the page's headline: a small scorer shared by the text-dump
`title` stage and the HTML `headline` stage.

A candidate is a line above the article body (or a title the page declares in its markup). It
is scored by language-independent signals only:

- shape: a headline is a complete line of a few words to about twenty, with no full stop and no
  sentence break inside, not mostly digits, not starting in lower case;
- what it is not: a photo caption or credit, a byline, a breadcrumb, a toolbar of labels
  ("Listen 3 min Comment Share"), or a line naming the site;
- agreement: the same words standing twice (a breadcrumb and the `<h1>`, the `<title>` and
  og:title) are very likely the headline;
- its article: a headline announces the body below, so it shares topic words with it (a call to
  action, a teaser for another story or a section name does not);
- position: closer to the body is more likely, slowly.

When no candidate scores enough the page has no title (`None`): a wrong title is worse than none.
"""

from __future__ import annotations

import re
from bisect import bisect_left, bisect_right
from collections.abc import Collection, Iterable, Sequence
from dataclasses import dataclass
from itertools import accumulate

from ..model.features import CJK_INNER_SENTENCE_END, LineFeatures, compiled_core, line_features
from ..parse import fuzzy
from ..parse.text import CJK_CHAR, CJK_FIRST, CJK_RANGES, FEATURE_PREFIX_CHARS, SENTENCE_END_RE, LazyPattern, fold, has_cjk, is_cut_short, is_list_item, tokens
from ..rules import Rules
from .span_edges import has_contact

DIGIT = re.compile(r"\d")
DIGITS = re.compile(r"\d+")
# Lines with this share of digits are dates, times and counters, not headlines.
MAX_TITLE_DIGITS = 0.25
# A headline reaches full weight at this many words; longer lines are standfirsts or paragraphs.
FULL_WEIGHT_WORDS = 8.0
LONG_TITLE_WORDS = 24
MAX_TITLE_WORDS = 40
# A byline is short; with a date and several names it may be longer (MAX_DATELINE_WORDS).
MAX_BYLINE_WORDS = 8
MAX_DATELINE_WORDS = 14
# A name in a list of authors: "Claire Benit-Gbaffou", "Jean-Paul de la Tour".
MAX_NAME_WORDS = 4
# A CJK name is two to four characters; a byline word ("记者", "編輯") two or three.
MAX_CJK_NAME_CHARS = 4
MAX_BYLINE_WORD_CHARS = 3
# Breadcrumbs and tag lists separate their items.
BREADCRUMB = re.compile(r"\s(?:->|[|>»›/·•]{1,2})\s|\s>>|>>\s")
# A declared title cut short keeps this share of its weight.
CUT_SHORT_WEIGHT = 0.5
# Breadcrumbs run together: a headline has fewer ">" (two) or "/" or bars (three) than this.
BARS_AND_RULES = ("|", "｜", "│")
BAR_SPLIT = re.compile(r"[|｜│]")
# The signs a breadcrumb's separators are made of (BREADCRUMB's, ">", the bars, "/").
BREADCRUMB_SIGNS = frozenset("|>»›/·•｜│")
MIN_BARE_ARROWS = 2
# An arrow between a breadcrumb's items: ">", ">>", "»", "›", "->" (with or without spaces).
ARROWS = re.compile(r"->|>>?|[»›]")
ARROWS_ONLY = re.compile(r"->|>>?")
MARKUP_TAG = re.compile(r"</?[a-zA-Z][^<>]*>")
MIN_BARE_SLASHES = 3
# A tag with an attribute, or a closing tag first: markup, not a headline ("Using the <dialog>
# element" is one).
MARKUP = re.compile(r"<[a-zA-Z][\w:-]*\s+[\w:-]+\s*=\s*[\"']|^\s*</[a-zA-Z]")
# A time of day run on at a line's end, with no space before it: a ticker's or live blog's entry.
GLUED_CLOCK = re.compile(r"[^\s\d:.,]\d{1,2}:\d{2}$")
# A full date that opens a line: a listing's row ("08/01/2014 Minister denies ...").
LEADING_DATE = re.compile(r"\d{1,4}[./-]\d{1,2}[./-]\d{1,4}\b")
# A headline is not a row of bracketed links ("[Print] [Email]"), nor a table's row ("| Home |
# News |"), nor text that could not be decoded.
BRACKETED = re.compile(r"\[[^\[\]]*\]|【[^【】]*】")
TABLE_ROW = ("|", "｜")
UNDECODED = "\ufffd"
# Characters lost on the way and printed as question marks inside a word ("Don???t", "caf?s"):
# a copy of the headline the page also holds intact ("Don’t" in its <h1>) is the one to keep;
# alone, the damaged copy still names the article, so it is weighted down, not ruled out.
LOST_CHARACTERS = re.compile(r"(?<=[^\W\d_])\?+(?=[^\W\d_])")
LOST_CHARACTERS_WEIGHT = 0.5
# A line this long that holds a notice's phrase of several words ("privacy policy", "you consent
# to") is the site's consent or legal sentence; a headline about a privacy policy is shorter.
MIN_NOTICE_WORDS = 12
# Question and exclamation marks end a clause inside a headline ("Fit again? Eat soup"); only
# a full stop inside one makes two sentences of it.
CJK_INNER_FULL_STOP = LazyPattern(CJK_INNER_SENTENCE_END.pattern.replace("[。！？]", "[。]"))
# A line of two sentences weighs this much (a caption, a paragraph); over its standfirst, one of at
# most this many words may be the headline ("The world needs more spaceports. Oman wants to help").
TWO_SENTENCES_WEIGHT = 0.4
SHORT_TWO_SENTENCES_WEIGHT = 0.7
MAX_TWO_SENTENCE_WORDS = 12
# A stop after a label of this many words ends no sentence ("Niemcy. Stałe zamknięcie ...").
MAX_LABEL_WORDS = 2
CLAUSE_MARKS = str.maketrans({"?": ",", "!": ",", "？": "，", "！": "，", "؟": "،", "…": ","})
# A question or an exclamation ends a headline as well as a sentence (Latin, CJK, Arabic marks).
QUESTION_OR_EXCLAMATION = ("?", "!", "？", "！", "؟")
# A quotation between double quotation marks of any script (not single quotes: apostrophes).
QUOTATION = re.compile(r'"[^"]*"|“[^“”]*”|„[^„“”]*[“”]|«[^«»]*»|»[^«»]*«|「[^「」]*」|『[^『』]*』')
QUOTED_STOPS = str.maketrans({".": ",", "。": "，"})
# "Benoit Tessier/Reuters", "Spencer Platt/Getty Images": a photographer's name and the agency
# end a caption, also in brackets ("(Jane Doe/AFP)"; "Food/Dining", "AC/DC" and "Reuters/Ipsos
# Poll Finds" are not credits).
AGENCY_CREDIT = re.compile(r"(?<![^\s(])[A-Z][\w.'-]* [A-Z][\w.'-]*/[A-Z][\w.'-]*(?: [A-Z][\w.'-]*){0,2}\)?\s*$")
# "Photograph: Jane Doe", "Foto: dpa": a caption label followed by a colon (also in brackets
# after the caption: "... am Südende des Sees (Foto: dpa)").
LABEL_COLON = re.compile(r"(?:^|[.)]\s+|\s|[(\[（])([^\W\d_][^\W\d_ ]*(?: [^\W\d_]+){0,2})\s?:(?:\s|$)")
# A clock time: with a date's numbers around it, a timestamp ("Published Fri, Apr 28 2023 2:23 PM").
CLOCK = re.compile(r"\d:\d{2}(?!\d)")
MIN_DATELINE_NUMBERS = 3
# A date line has a year; prices, counts and shares are no dates.
YEAR = re.compile(r"(?<!\d)(?:1[89]|20)\d\d(?!\d)")
NOT_DATE_SIGNS = ("$", "€", "£", "¥", "#", "%")
BARE_CLOCK = re.compile(r"\d{1,2}[:.h]\d{2}")
# A credit run on after a caption's full stop ("... del GP de Qatar.AFP", "... picture.Facebook").
GLUED_CREDIT = re.compile(r"[^\W\d_]{2}\.[A-Z][\w&-]*(?:[ /][A-Z][\w&-]*){0,3}\s*\)?$")
MIN_CAPTION_WORDS = 6
# A menu printed twice on one line repeats a run of this many words (a headline may repeat three:
# "Oponerse a la regularización es oponerse a la democracia").
REPEATED_RUN = 4
# Dashes that open a quotation in a headline ("– Angsten vil øke"), when no list stands around it.
QUOTE_DASHES = ("- ", "– ", "— ")
# A line ending with an arrow is a link ("More Info →").
LINK_ARROWS = ("→", "⟶", "➔", "▶")
# A caption phrase of this many words ends a caption as its credit ("... Getty Images"; one word,
# "... new photos", may end a headline).
TRAILING_CREDIT_WORDS = (2, 3)
# A host name credited after a caption's full stop ("... in lung cancer. photos.example").
HOST_CREDIT = re.compile(r"[^\W\d_]{2}[.!?]\s+(?:[\w-]+\.)+[a-z]{2,6}\s*$")
MAX_HOST_CHARS = 80
# A photo credit after its label: a name or two and an agency.
MAX_CREDIT_WORDS = 5
# A colon opens what follows it (a quotation, the headline after a kicker).
COLONS = (":", "：")
# A number of this many digits with a stop is an ordinal ("15. Juni"); a year's stop ("in 2014. (Jane Doe)") may end a caption.
MAX_ORDINAL_DIGITS = 2
# A credit after the caption's full stop: "... auf dem Festival. (Jane Doe)", "... 있다. 연합뉴스"
# (the word before the stop is a word, not an abbreviation's "Rep." before a name).
CREDIT_TAIL = LazyPattern(r"(?<!\w)(\w{2,})[.。]\s+\(?([^\s().。]+(?: [^\s().。]+){0,2})\)?\s*$")
MIN_ABBREVIATION_FREE_CHARS = 4
# A credit line by itself: "Lichtgut/Jane Doe", "Jane Doe/Agency" (a slash between names).
CREDIT_LINE = re.compile(r"^[A-Z][\w.'-]*(?: [A-Z][\w.'-]*){0,2}/[A-Z][\w.'-]*(?: [A-Z][\w.'-]*){0,2}$")
# A host name ("example.com") in a short line: a link to the site itself ("More on Example.com").
HOST_NAME = LazyPattern(r"(?<![\w-])[\w-]{2,}\.(?:[a-z]{2,3}\.)?[a-z]{2,6}\b", re.IGNORECASE)
MAX_HOST_LINE_OTHER_WORDS = 2
# A headline does not end with a comma or a semicolon.
CLAUSE_ENDS = (",", "，", ";", "；", "、")
# A Japanese caption's credit after "＝" ("…＝共同", "…＝2019年5月、ロイター") is short.
MAX_EQUALS_CREDIT_CHARS = 16
# A caption's credit as a bracketed "label = source" at the line's end ("… [Photo = Reuters]",
# "…(사진=연합뉴스)"): Korean and Japanese papers print credits this way.
BRACKETED_EQUALS_CREDIT = LazyPattern(r"\S\s*[\[(（【]([^\[\]()（）【】=＝]{1,16})[=＝]([^\[\]()（）【】=＝]{1,16})[\])）】]\s*$")
# "N.Y.C.", "U.S.": a headline may end with an abbreviation's full stop.
ABBREVIATION_END = re.compile(r"\b\w\.\w\.$")
# A toolbar run together holds at least this many different labels.
MIN_TOOLBAR_LABELS = 3
# An author's name and the article's age beside it, apart by a bar or a dot ("Jane Doe | 15 hours ago").
# (Each alternative starts only where a run of spaces starts: linear on long runs of spaces.)
NAME_AND_AGE_SEPARATOR = re.compile(r"(?<!\s)\s*[|｜]\s*|(?<!\s)\s+[·•]\s+")
MAX_AGE_WORDS = 4
# A photo's credit over its caption opening with these many words, and again within this many
# lines in other words, is one of the page's photo credits.
PAIR_OPENING_WORDS = 2
PAIR_SCAN_LINES = 60
# A label and its colon opening a line ("Photograph: Jane Doe"): a credit, not a caption run into its label.
LEADING_LABEL_COLON = re.compile(r"^\s*[^\W\d_]{1,30}(?: [^\W\d_]{1,30}){0,2}\s?[:：]")
# A photo's credit alone on its line ("Image: Jane Doe / Facebook") is this short.
MAX_CREDIT_LINE_WORDS = 8
# A label of one word and its colon, opening the line or after a space ("Author:", "出版社："): a
# line with this many is a row of fields ("Series: … Publisher: … Author: …"), a headline has
# one colon, rarely two ("Ukraine: Kyiv: …").
FIELD_LABEL = re.compile(r"(?:^|(?<=\s))[^\W\d_][^\s:：]{0,11}[:：]")
MIN_FIELDS = 3
# A one-word label with its colon inside a line (after a space).
INNER_LABEL = re.compile(r"(?<=\s)([^\W\d_]+)[:：]\s")
# Below this score no candidate is taken for the headline.
MIN_SCORE = 0.12
# How much of its score a candidate keeps per line of distance from the body.
DISTANCE_DECAY = 0.05
CLAUSE_BREAK = re.compile(r"[,，、;]\s*")
# A line opening with a call to action keeps this share of its shape.
CALL_TO_ACTION_WEIGHT = 0.3
# A candidate sharing no topic word with the body keeps this share of its score.
NO_OVERLAP_WEIGHT = 0.1
# A line that other candidates repeat gains this much per agreeing candidate (at most three: the
# page's declared titles, og:title, JSON-LD, <h1> and <title>, may all say it).
AGREEMENT_BONUS = 0.6
MAX_AGREEING = 3
# A candidate must share this many topic words with the body for its overlap to count in full.
FULL_OVERLAP_WORDS = 3
# A declared title the page shows atop the article is the headline readers see: it counts as
# two more agreeing witnesses, and as sharing the article's topic whatever its words (a pun or a
# quote shares few: "Легкий троннинг", "Breakpoint: Hilfe, die Fundis kommen!").
SHOWN_OVERLAP = 1.0
SHOWN_AGREEMENT = 2
# A candidate the body's opening repeats word for word keeps this share of its score.
IN_BODY_WEIGHT = 0.6
# Words meet when their first this many characters do (a stem in any alphabetic script).
STEM_CHARS = 6
# What is left of a line's folded words when its CJK characters are kept alone.
NOT_CJK = LazyPattern(f"[^{CJK_RANGES}]+")
# Topic words are at least this long (shorter ones are mostly function words).
MIN_TOPIC_WORD = 4
# Two texts agree when their folded forms are this similar (0-100), or one holds the other.
AGREE_SCORE = 90.0
# The marks after which a longer line names a part of what the shorter one labels ("Test Series
# v India" / "Test Series v India, Third Test"): a copy of a headline adds the site after a
# separator (| - :), not after a comma.
PART_AFTER = (",", "，", "、")
PART_AFTER_MARK = re.compile("|".join(map(re.escape, PART_AFTER)))
# Separators page titles are built with: "Headline | Site", "Site - Headline", "标题_频道_网站".
# (Each alternative starts only where a run of spaces starts: linear on long runs of spaces.)
# (Underscores part CJK titles, also after a space or a closing bracket: "标题 _频道 _网站",
# "标题(图)_频道"; one or more: "标题__频道".)
SITE_SEPARATOR = re.compile(r"(?<!\s)\s+(?:[|｜–—·•»~]|-{1,2}|::)\s+|(?<!\s)\s*[|｜]\s*|(?<=[^\x00-\x7f]) ?_+ ?|(?<=[)\]）】])_+(?=[^\x00-\x7f])"
                            r"|(?<=\S)\s*::\s*")
BARS = ("|", "｜")
# Separators left dangling at a title's ends ("Site ::").
EDGE_JUNK = " \t:|｜-–—·•_~»"
COLON_SEPARATOR = re.compile(r"(?<!\s)\s*[:：]\s+")
# Trailing parts a page title ends with that are no words: a date, a host name.
DATE_PART = re.compile(r"\d{1,4}[./-]\d{1,2}[./-]\d{1,4}")
MAX_TOP_LEVEL_DOMAIN = 6
# A trailing part this short (in tokens) beside a longer rest is the site's or section's name.
MAX_SITE_TOKENS = 5
# A CJK site's or section's name after the headline counts a token a character: "巴彦淖尔市人民政府网"
# is one name. (Before the headline, a part that long is a column's name or a kicker: kept.)
MAX_CJK_SITE_TOKENS = 10
CJK_ONLY = LazyPattern(f"[{CJK_RANGES}]+")
# A part holding the site's name is the site's name when it is at most this many times as long.
SITE_NAME_SLACK = 2


@dataclass
class Candidate:
    """A line or declared title that may be the headline."""

    text: str
    position: int  # index of its block, or -1 for a title from the page's markup
    distance: int = 0  # lines above the body
    source: str = "line"  # "line", or where in the markup ("title", "og:title", "h1", ...)
    shown: bool = False  # a declared title the page shows atop its article (trafilatura kept it)
    features: LineFeatures | None = None  # the line's features, when the document's analysis has them
    # No list item stands next to the line: a leading dash opens a quotation, not an item
    # ("- Angsten vil øke", as Scandinavian papers quote in headlines).
    alone: bool = False
    # The page's first line (only the dump's header lines above it): it continues no sentence, so
    # a lower-case start is the site's style ("linux usability"), no fragment.
    opens_page: bool = False


def count_tokens(text: str) -> int:
    """Words, a CJK character counting as one."""
    return len(tokens(text))


def strip_site_name(title: str, site_names: Iterable[str] = ()) -> str:
    """The title without the site's or section's name before or after a separator.

    A part is the site name when it repeats a known site name (host, og:site_name), or, at the
    end, when it is short beside the rest; only one kind of separator is stripped.

    >>> strip_site_name("Rain again in May after a dry spring | The Daily Planet")
    'Rain again in May after a dry spring'
    >>> strip_site_name("Friday Facts #282 - 0.17 in sight | Factorio")
    'Friday Facts #282 - 0.17 in sight'
    >>> strip_site_name("Planet: Rain again in May", ["planet.example"])
    'Rain again in May'
    >>> strip_site_name("The mayor at the dry lake: – Never seen it")
    'The mayor at the dry lake: – Never seen it'
    """
    names = {key for key in (site_key(n) for n in site_names) if len(key) >= 3}
    title = strip_edge_junk(title)
    for splitter in (SITE_SEPARATOR, COLON_SEPARATOR):
        parts = splitter.split(title)
        seps = splitter.findall(title)
        if len(parts) < 2:
            continue
        # A known site name, at either end, whatever the separator.
        while len(parts) > 1 and _is_site(parts[-1], names):
            parts, seps = parts[:-1], seps[:-1]
        while len(parts) > 1 and _is_site(parts[0], names):
            parts, seps = parts[1:], seps[1:]
        if splitter is SITE_SEPARATOR and len(parts) > 1:
            # Short trailing parts behind the same separator: "Headline - Section - Site" (not a
            # quotation a colon opens: "... eventyr «ingen har tenkt på før»: – Magisk").
            kind = _separator_kind(seps[-1])
            while len(parts) > 1 and _separator_kind(seps[-1]) == kind and not parts[-2].rstrip().endswith(COLONS) and (_short_beside(parts[-1], parts[:-1], MAX_CJK_SITE_TOKENS) or _repeats(parts[-1], parts[:-1]) or _is_date_or_host(parts[-1])):
                parts, seps = parts[:-1], seps[:-1]
            # A section's name before a bar: "New York|Manhole fires ..." (a dash or colon there
            # belongs to the headline: "Review: ...").
            while len(parts) > 1 and seps[0].strip() in BARS and _short_beside(parts[0], parts[1:]):
                parts, seps = parts[1:], seps[1:]
        title = "".join(p + s for p, s in zip(parts, [*seps, ""])).strip()
    return title


def _separator_kind(separator: str) -> str:
    """What a separator is made of, however many times ("__" and "_", " -- " and " - " are one kind)."""
    return separator.strip()[:1]


def strip_edge_junk(title: str) -> str:
    """The title without separators left dangling at its ends ("Site ::"), but for a guillemet
    that closes a quotation ("« Nous ne l'avons jamais vu aussi bas »": » is a separator too).

    >>> strip_edge_junk("« Nous ne l'avons jamais vu aussi bas » |")
    "« Nous ne l'avons jamais vu aussi bas »"
    >>> strip_edge_junk("Rain again in May »")
    'Rain again in May'
    """
    left = title.lstrip(EDGE_JUNK)
    quoted = left.rstrip(EDGE_JUNK.replace("»", ""))
    if quoted.endswith("»") and quoted.count("«") >= quoted.count("»"):
        return quoted  # (every » closes a «: the last one ends the quotation, no separator)
    return left.rstrip(EDGE_JUNK)


def part_repeated_by(title: str, others: Iterable[str]) -> str:
    """The title's leading or trailing run of separator-delimited parts that another of the page's
    titles is, whole ("On Recent Events - Jane Doe (jdoe)" and the <h1> "On Recent Events"): the
    rest is the site's or the author's name; the title itself when no other title is one of its parts.

    >>> part_repeated_by("Rain again in May - The Daily Planet", ["Rain again in May", "News"])
    'Rain again in May'
    """
    wanted = {fold(other) for other in others} - {"", fold(title)}
    return next((run for run, _ in part_runs(title) if fold(run) in wanted), title)


def part_runs(title: str, trailing_first: bool = False) -> list[tuple[str, list[str]]]:
    """The title's leading and trailing runs of separator-delimited parts (not the whole title),
    the longest of each side first (a headline may hold a separator itself), leading runs first
    unless `trailing_first`; each with the parts it leaves out.

    >>> [run for run, _ in part_runs("A - B - C")]
    ['A - B', 'A', 'B - C', 'C']
    """
    parts = SITE_SEPARATOR.split(title)
    seps = SITE_SEPARATOR.findall(title)
    leading = [(0, k) for k in range(len(parts) - 1, 0, -1)]
    trailing = [(k, len(parts)) for k in range(1, len(parts))]
    return [("".join(p + s for p, s in zip(parts[start:end], [*seps[start : end - 1], ""])).strip(),
             parts[:start] + parts[end:])
            for start, end in (trailing + leading if trailing_first else leading + trailing)]


def is_site_name(text: str, site_names: Iterable[str]) -> bool:
    """The text is one of the site's names (its host, og:site_name)."""
    return _is_site(text, {key for key in (site_key(n) for n in site_names) if len(key) >= 3})


def site_key(name: str) -> str:
    """A site name as letters only: "The Seattle Times" and "seattletimes.com" become comparable."""
    name = name.casefold()
    name = re.sub(r"^(?:https?://)?(?:www\d?\.|m\.|amp\.)?", "", name).split("/")[0]
    name = re.sub(r"\.(?:com|org|net|co|gov|edu|info|news|[a-z]{2})(?:\.[a-z]{2})?$", "", name)
    return re.sub(r"[\W_]+", "", name)


def _is_site(part: str, names: set[str]) -> bool:
    """The part is the site's name, or holds it with little else ("syracuse.com", "The Daily
    Planet Online"; not "The Hotel Syracuse Historic Ghostwalk", which only names the city)."""
    key = site_key(part)
    return bool(key) and any(key == n or (len(key) >= 5 and (key in n or (n in key and len(key) <= SITE_NAME_SLACK * len(n)))) for n in names)


def _is_date_or_host(part: str) -> bool:
    """A trailing part that is a date ("13.06.2023") or a host name ("rp.pl"), not words.

    >>> _is_date_or_host("rp.pl"), _is_date_or_host("13.06.2023"), _is_date_or_host("in 2.0 days")
    (True, True, False)
    """
    part = part.strip()
    if DATE_PART.fullmatch(part):
        return True
    labels = part.split(".")
    top = labels[-1]
    return (len(labels) >= 2 and " " not in part and all(labels) and top.isascii() and top.isalpha()
            and 2 <= len(top) <= MAX_TOP_LEVEL_DOMAIN)


def _repeats(part: str, rest: Sequence[str]) -> bool:
    """The part says again what the rest says ("X en Español - X"): the site's name."""
    folded = fold(part)
    return bool(folded) and f" {folded} " in f" {fold(' '.join(rest))} "


def _short_beside(part: str, rest: Sequence[str], longest_cjk: int = MAX_SITE_TOKENS) -> bool:
    """The part is short beside the rest and reads as a name ("The Daily Planet", "Vox", "中国青年网"),
    not as the end of the headline ("here's how to check"); a part of CJK characters alone may
    have `longest_cjk` of them."""
    size, rest_size = count_tokens(part), sum(count_tokens(p) for p in rest)
    longest = longest_cjk if CJK_ONLY.fullmatch(part.strip()) else MAX_SITE_TOKENS
    return 0 < size <= longest and 2 * size <= rest_size and looks_like_name(part)


def looks_like_name(text: str) -> bool:
    """Its first word and most of its words start with a capital (or are of a script without case).

    >>> looks_like_name("The Seattle Times"), looks_like_name("here's how to check")
    (True, False)
    """
    words = [w for w in text.split() if w[:1].isalpha()]
    if not words:
        return False
    cased = [w for w in words if w[:1].upper() != w[:1].lower()]
    capitals = sum(1 for w in cased if w[:1].isupper())
    return not cased or (cased[0] is words[0] and cased[0][:1].isupper() and 3 * capitals >= 2 * len(cased))


def is_caption(text: str, features: LineFeatures, rules: Rules) -> bool:
    """A photo caption or credit: "Photograph: Jane Doe", "... Benoit Tessier/Reuters", "Photo by ..."."""
    # (Both patterns need their slash or colon: most lines are ruled out without a search.)
    if "/" in text and AGENCY_CREDIT.search(text):
        return True
    for match in LABEL_COLON.finditer(text[:300]) if ":" in text[:300] else ():
        words = fold(match.group(1)).split()
        if rules.captions.equals((" ".join(words),)):
            return True
        # A label run on from the caption's text ("... als vollen Erfolg Foto: Editpress/Jane Doe")
        # when what follows is a short credit, not a headline's clause ("Erstes Bild: So könnte ...").
        if len(text[match.end():].split()) <= MAX_CREDIT_WORDS and any(rules.captions.equals((" ".join(words[k:]),)) for k in range(1, len(words))):
            return True
    if "." in text[-MAX_HOST_CHARS:] and HOST_CREDIT.search(text):
        return True  # a host name after the caption's full stop: "Gene mutations in lung cancer. photos.example"
    words = features.folded[0].split() if features.folded else []
    if any(len(words) > k and rules.captions.equals((" ".join(words[-k:]),)) for k in TRAILING_CREDIT_WORDS):
        return True  # a credit of two or three words run on at the end: "... as they should be Getty Images"
    if len(features.folded) > 1 and rules.captions.prefix(features.folded[1:]) and not rules.captions.prefix(features.folded[:1]):
        return True  # a label glued to the credit: "CreditKim Raff for ..."
    first = rules.captions.prefix(features.folded)
    if first:
        for reading in features.folded:
            rest = reading[len(first) :].split(" ", 1)[-1] if reading.startswith(first) else ""
            if rest and (rules.captions.prefix((rest,)) or rules.bylines.prefix((rest,))):
                return True  # "Credit Photo Illustration by ...", "Photo by ..."
    return False


def is_credit_line(text: str) -> bool:
    """A photo credit alone on its line: names on both sides of a slash ("Lichtgut/Jane Doe"), or a
    name in parentheses ("(Jane Doe)")."""
    stripped = text.strip()
    if stripped.startswith("(") and stripped.endswith(")"):
        inner = stripped[1:-1]
        return 0 < len(inner.split()) <= MAX_NAME_WORDS and "(" not in inner and looks_like_name(inner)
    return "/" in text and CREDIT_LINE.match(stripped) is not None


def _credit_after_stop(text: str) -> bool:
    """A caption's sentence with its credit of up to three words after the full stop: "... auf
    dem Festival. (Jane Doe)", "... in 2014. (Jane Doe)", "... 있다. 연합뉴스" (not "... Trans Rep.
    Zooey Zephyr": the word before a credit's stop is no abbreviation)."""
    if "." not in text[-MAX_HOST_CHARS:] and "。" not in text[-MAX_HOST_CHARS:]:
        return False
    match = CREDIT_TAIL.search(text[-MAX_HOST_CHARS:])
    if match is None or count_tokens(text[: -len(match.group(0))]) < MIN_CAPTION_WORDS:
        return False
    before, credit = match.group(1), match.group(2)
    if before.isdigit() and len(before) <= MAX_ORDINAL_DIGITS:
        return False  # an ordinal's stop ("am 15. Juni", "in der 2. Bundesliga"), no sentence's end
    abbreviation = len(before) < MIN_ABBREVIATION_FREE_CHARS and before[:1].isupper()
    caseless = credit[:1].upper() == credit[:1].lower() and not credit[:1].isdigit()
    return not abbreviation and (caseless or looks_like_name(credit)) and not credit[:1].isdigit()


def _credit_after_equals(text: str) -> bool:
    """A Japanese caption: what the photo shows, "＝", then its credit, place or date, short
    ("国旗＝2019年5月", "写真＝共同"); or any caption ending in a bracketed "label = source"
    ("… [사진 출처 = 현대건설]", "… (Photo = Reuters)")."""
    head, equals, credit = text.rpartition("＝")
    if equals and head.strip() and 0 < len(credit.strip()) <= MAX_EQUALS_CREDIT_CHARS:
        return True
    # (The search runs only on lines that end with a closing bracket.)
    return text.rstrip()[-1:] in ")]）】" and BRACKETED_EQUALS_CREDIT.search(text[-MAX_HOST_CHARS:]) is not None


def _names_host(text: str) -> bool:
    """A short line that names a host ("More on Example.com", "Example.com Newsletter"): a link to
    the site itself, not a headline."""
    match = HOST_NAME.search(text) if "." in text else None
    if match is None or match.group(0).rsplit(".", 1)[-1].isdigit():
        return False
    others = len(text.replace(match.group(0), " ").split())
    return others <= MAX_HOST_LINE_OTHER_WORDS


def is_toolbar(text: str, features: LineFeatures, rules: Rules) -> bool:
    """A row of share or navigation labels run together ("Listen 3 min Comment Gift Article
    Share"): mostly labels, or a label said twice (a headline does not repeat its words)."""
    labels = list(rules.boilerplate_lines.find_all(features.folded[:1]))
    covered = sum(len(label.split()) for label in labels)
    if len(labels) >= 2 and covered * 2 >= features.words - features.numbers:
        return True
    # Several labels and a word said twice: "Listen Comment on this story Comment Gift Article
    # Share" (a headline may name Facebook twice, or Facebook and Twitter, not all of it).
    if len(set(labels)) < MIN_TOOLBAR_LABELS:
        return False
    capitalised = [w for w in text.split() if w[:1].isupper() and len(w) >= MIN_TOPIC_WORD]
    return len(capitalised) > len(set(capitalised))


def ends_like_sentence(text: str, features: LineFeatures) -> bool:
    """Ends with a full stop (not a question or exclamation mark, not an abbreviation's "N.Y.C.")."""
    stripped = text.rstrip("\"'”’»)]")
    return features.sentence_end and not stripped.endswith(QUESTION_OR_EXCLAMATION) and not ABBREVIATION_END.search(stripped)


def ends_like_own_sentence(text: str, features: LineFeatures) -> bool:
    """Ends like a sentence, and is not one quotation: a headline that quotes someone ends with the
    quoted sentence's stop ('„Ich wollte, dass sie mich mögen. So überlebt man.“')."""
    return ends_like_sentence(text, features) and not QUOTATION.fullmatch(text.strip())


def shape_score(text: str, features: LineFeatures, rules: Rules, declared: bool = False, alone: bool = False, opens_page: bool = False) -> float:
    """How much a line looks like a headline by its own shape (0 = cannot be one); a `declared`
    title (og:title, <h1>) is not suspected of being a byline, caption or list item, nor is a
    line opening with a dash that stands `alone` (no list item next to it) a list's item; a
    declared title or the line that `opens_page` is no sentence's fragment, whatever its case."""
    size = features.size
    if size < 2 or size > MAX_TITLE_WORDS or _mostly_digits(features) or UNDECODED in text:
        return 0.0
    if _bracketed_links(text) >= 2:
        return 0.0  # a row of links: "[查看我的博客目录] [加入个人书签]" (also as a page's <h1>)
    damaged = LOST_CHARACTERS_WEIGHT if "?" in text and LOST_CHARACTERS.search(text) else 1.0
    if declared:
        # A declared title cut short ("... Sheldon Adelson's...") is worth less than its full copy.
        return _shape_weight(text, features, lower_case_style=True) * (CUT_SHORT_WEIGHT if is_cut_short(text) else 1.0) * damaged
    if is_cut_short(text) or has_contact(text) or _is_breadcrumb(text) or _table_cells(text) > 1:
        return 0.0  # a teaser cut short, a byline with a handle, a breadcrumb, a table's row
    if ":" in text[-MAX_HOST_CHARS:] and GLUED_CLOCK.search(text[-MAX_HOST_CHARS:]):
        return 0.0  # a ticker's entry, its time run on: "... injured by rioters 'throwing stones'20:42"
    if "<" in text and MARKUP.search(text):
        return 0.0  # HTML source read as text: '<form name="Form1" method="post">'
    if LEADING_DATE.match(text.lstrip()):
        return 0.0  # a listing's row, its date first: "08/01/2014 Minister denies ..."
    if is_byline_line(text, features, rules) or is_name_and_age(text, rules):
        return 0.0  # "By Jane Doe, Berlin", "Jane Doe | 15 hours ago" (not "Von München bis Aachen: Im Netz der Agenten")
    if is_timestamp(text, features) or (CLOCK.search(text) and DATE_PART.search(text)):
        return 0.0  # "Last updated Monday, Dec. 29 2014, 8:57 PM EST", "Posted by jane @ 2005-06-14 03:25:55 ..."
    if (features.words >= MIN_CAPTION_WORDS and "." in text and GLUED_CREDIT.search(text)) or text.rstrip().endswith(LINK_ARROWS):
        return 0.0  # a caption with its credit run on ("... in Qatar.AFP"), a link ("More Info →")
    if _repeats_a_run(features):
        return 0.0  # a menu printed twice on one line
    if features.numbers >= 2 and features.words <= MAX_DATELINE_WORDS and has_date(text) and is_dated_byline(text, features, rules):
        return 0.0  # a dateline with its author: "Tuesday 15 October 2019 by Jane Doe"
    if is_caption(text, features, rules) or is_toolbar(text, features, rules) or (is_list_item(text) and not (alone and text.startswith(QUOTE_DASHES))):
        return 0.0
    if features.size >= MIN_NOTICE_WORDS and is_notice(features, rules):
        return 0.0  # a consent or legal sentence ("Use of this site constitutes acceptance of our Privacy Policy")
    if text.rstrip().endswith(CLAUSE_ENDS):
        return 0.0  # a clause that goes on (a list's item "1. …；", a sentence broken over lines), no headline
    if is_credit_line(text) or _credit_after_stop(text) or _names_host(text) or _credit_after_equals(text):
        return 0.0  # a photo credit, a caption with its credit after the stop, a link to the site itself
    if is_trial_offer(features, rules):
        return 0.0  # a subscription's offer: "Join us — 30 days free"
    # (Both need a colon: most candidates are ruled out by one substring test each, no search.)
    head = text[:FEATURE_PREFIX_CHARS]
    colon = ":" in head or "：" in head
    if colon and _label_inside(text, rules):
        return 0.0  # a section's name, a label and a row of tags: "Military & Defense More: Argentina Britain"
    if colon and len(FIELD_LABEL.findall(head)) >= MIN_FIELDS:
        return 0.0  # a row of fields: "Series: … Publisher: … Author: …" (a book's or a page's data)
    return _shape_weight(text, features, lower_case_style=opens_page) * damaged


def _label_inside(text: str, rules: Rules) -> bool:
    """A navigation or list label and its colon after two words or more, with two names or more
    after it ("Military & Defense More: The Aviationist Argentina"): a section's name run into its
    row of tags or links (a kicker's colon follows the kicker itself, "Review: …", "Climate Watch: …")."""
    for match in INNER_LABEL.finditer(text[:FEATURE_PREFIX_CHARS]):
        before, label, after = text[: match.start(1)].split(), fold(match.group(1)), text[match.end() :].split()
        # (Tags are names: no word after the label in lower case, as a headline's clause has: "Climate
        # Change Watch: the lake is drying".)
        if (len(before) >= 2 and len(after) >= 2 and not any(word[:1].islower() for word in after)
                and (label in rules.boilerplate_lines.phrases or label in rules.end_markers.phrases)):
            return True
    return False


def is_trial_offer(features: LineFeatures, rules: Rules) -> bool:
    """A trial offer: a duration (a number and a unit of time: "30 days", "14 Tage") and an offer
    word ("free", "kostenlos") on one line, as a subscription's prompt words it."""
    if not features.numbers or not rules.offers.phrases:
        return False
    words = features.folded[0].split() if features.folded else []
    durations = any(word.isdigit() and unit in rules.time_units.phrases for word, unit in zip(words, words[1:]))
    return durations and rules.offers.first(features.folded) is not None


def is_timestamp(text: str, features: LineFeatures) -> bool:
    """A date and time line: a clock time with a date's numbers around it, in a short line."""
    return features.numbers >= MIN_DATELINE_NUMBERS and features.words <= MAX_DATELINE_WORDS and CLOCK.search(text) is not None


def is_dateline(text: str, features: LineFeatures) -> bool:
    """A short line that is mostly a date ("Friday 25 December 2015", "12.09.2025"): numbers are
    half its words ("Top 10 films of 2017" is a headline), one of them a year or a full date, and
    no price or count ("Rosé 2024, Italy ($19.99, #192961)"); or a time of day alone ("9:51")."""
    if BARE_CLOCK.fullmatch(text.strip()):
        return True  # the time of day alone: "9:51"
    return (features.numbers >= 2 and features.words <= MAX_BYLINE_WORDS and _mostly_digits(features)
            and (YEAR.search(text) is not None or DATE_PART.search(text) is not None) and not any(sign in text for sign in NOT_DATE_SIGNS))


def has_date(text: str) -> bool:
    """A year or a full date in the line: a dateline's, not a headline's counts ("12 villages,
    3,000 people")."""
    return YEAR.search(text) is not None or DATE_PART.search(text) is not None


def is_dated_byline(text: str, features: LineFeatures, rules: Rules) -> bool:
    """A byline's phrase inside the line, followed by a name ("Tuesday 15 October 2019 by Jane
    Doe"): the word after it does not start in lower case nor with a digit. The phrase is often
    a preposition ("by", "di", "von"), which a headline uses too: "Quake of magnitude 4.2 felt
    across the province" in Italian holds "di magnitudo", "Apple to cut 600 jobs by 2025" a year."""
    found = False
    for phrase in rules.bylines.find_all(features.folded[:1]):
        for after in re.finditer(rf"(?<![^\W_]){re.escape(phrase)}\s+(\S)", text, re.IGNORECASE):
            found = True
            first = after.group(1)
            if not (first.islower() or first.isdigit()):
                return True
    # (A phrase the text does not spell as folded, such as a CJK byline run into its name: as before.)
    return not found and any(True for _ in rules.bylines.find_all(features.folded[:1]))


def is_name_and_age(text: str, rules: Rules) -> bool:
    """An author's name and the article's date or age on one line, a bar or a dot between them
    ("Jane Doe | Published 15 hours ago", "Jane Doe · 12.09.2025"): a byline no byline word opens.

    >>> from newsclean.rules import load_rules
    >>> is_name_and_age("Jane Doe|Published 15 hours ago", load_rules()), is_name_and_age("Lake levels | 15 days of drought", load_rules())
    (True, False)
    """
    # (A line without the separators' characters has none; each is looked for at C speed: 60 ns
    # a line, against 300-400 ns for a character class or a generator over the four.)
    if not ("|" in text or "｜" in text or "·" in text or "•" in text) or NAME_AND_AGE_SEPARATOR.search(text) is None:
        return False  # (most lines hold none of the separators: ruled out without the pattern)
    parts = [part.strip() for part in NAME_AND_AGE_SEPARATOR.split(text)]
    if len(parts) != 2 or not all(parts):
        return False
    name, age = parts
    return (len(name.split()) <= MAX_NAME_WORDS and not DIGIT.search(name) and looks_like_name(name)
            and (_is_age(age, rules) or is_dateline(age, line_features(age, frozenset())) or is_timestamp(age, line_features(age, frozenset()))))


def _is_age(text: str, rules: Rules) -> bool:
    """A short text with a relative age: a number and a unit of time ("Published 15 hours ago",
    "vor 3 Stunden"), few words besides."""
    words = fold(text).split()
    return (len(words) <= MAX_AGE_WORDS
            and any(word.isdigit() and unit in rules.time_units.phrases for word, unit in zip(words, words[1:])))


def credit_over_repeated_caption(texts: Sequence[str], lines: Sequence[LineFeatures], i: int, rules: Rules) -> bool:
    """Line i, short, stands over a caption ("Image caption …"), and near it another line opening with the
    same words stands over a caption opening like it ("<photo copyright> Jane Doe" / "Image
    caption …", then "<photo copyright> John Roe" / "Image caption …"): the photos' credits, in
    words no caption rule of the page's script holds."""
    below = i + 1
    # (A credit is a short line, no sentence; the caption below opens with its label run into its
    # text, "Image caption …": a label and a colon, "Photograph: Jane Doe", is the credit of the
    # line above, a caption or a heading.)
    if (below >= len(texts) or lines[i].size > MAX_CREDIT_LINE_WORDS or lines[i].sentence_end
            or not rules.captions.prefix(lines[below].folded) or LEADING_LABEL_COLON.match(texts[below])):
        return False
    words, next_words = _first_words(lines[i]), _first_words(lines[below])
    if len(words) <= PAIR_OPENING_WORDS or len(next_words) <= PAIR_OPENING_WORDS:
        return False  # (a label alone is no opening of a longer line)
    opening, next_opening = words[:PAIR_OPENING_WORDS], next_words[:PAIR_OPENING_WORDS]
    for k in (*range(max(0, i - PAIR_SCAN_LINES), i - 1), *range(below + 1, min(len(texts) - 1, below + 1 + PAIR_SCAN_LINES))):
        other = _first_words(lines[k])
        if other[:PAIR_OPENING_WORDS] == opening and other != words and _first_words(lines[k + 1])[:PAIR_OPENING_WORDS] == next_opening:
            return True
    return False


def _first_words(features: LineFeatures) -> list[str]:
    return features.folded[0].split() if features.folded else []


def is_byline_line(text: str, features: LineFeatures, rules: Rules) -> bool:
    """A byline: a byline word and a name ("By Jane Doe"), or a byline word and a list of names
    ("By Jane Doe, John Roe and Ann Poe"; not "Von München bis Aachen: Im Netz der Agenten")."""
    found = rules.bylines.prefix(features.folded)
    if not found and features.cjk and " " in text.strip():
        return _names_after_role(text, rules)
    if not found or features.words > MAX_DATELINE_WORDS:
        return False
    if features.words <= MAX_BYLINE_WORDS:
        return True
    names = " ".join(text.split()[len(found.split()):]).split(",")
    return len(names) >= 2 and all(len(name.split()) <= MAX_NAME_WORDS and looks_like_name(name) for name in names[:-1])


def _names_after_role(text: str, rules: Rules) -> bool:
    """A byline in CJK text: a paper's name and a byline word, then names of up to four characters
    ("光明日报记者 王建宏 张文攀": "Guangming Daily reporters Wang … Zhang …")."""
    first, *names = text.split()
    if not names or any(len(name) > MAX_CJK_NAME_CHARS for name in names):
        return False
    characters = fold(first).split()
    return any(" ".join(characters[-k:]) in rules.bylines.phrases for k in range(2, MAX_BYLINE_WORD_CHARS + 1))  # (not "文" alone: "中文")


def _repeats_a_run(features: LineFeatures) -> bool:
    """The line says the same REPEATED_RUN words twice ("Santé Voyage Culture Vidéo Next Santé
    Voyage Culture Vidéo"): a menu printed twice (not in CJK text, whose words are characters)."""
    words = features.folded[0].split() if features.folded and not features.cjk else []
    if len(set(words)) == len(words):
        return False  # no word said twice, no run said twice
    runs = list(zip(*(words[k:] for k in range(REPEATED_RUN))))
    return len(set(runs)) < len(runs)


def _is_breadcrumb(text: str) -> bool:
    """Items separated by arrows, slashes or bars: "Home > News > Climate", also run together in
    scripts written without spaces ("主页>艺术史研究>北大工作室", "专栏/轻小说/同人连载/...",
    "第一章│第二章│第三章│第四章"; a page title "Headline | Section | Site" has two bars)."""
    if BREADCRUMB_SIGNS.isdisjoint(text):
        return False  # (every test below needs one of them: most lines are ruled out by one scan)
    return (len(BREADCRUMB.findall(text)) >= 2 or text.count(">") >= MIN_BARE_ARROWS
            or (sum(map(text.count, BARS_AND_RULES)) >= MIN_BARE_SLASHES and _bar_items(text) > MIN_BARE_SLASHES)
            or (text.count("/") >= MIN_BARE_SLASHES and "://" not in text and " / " not in text))


def is_arrow_trail(text: str) -> bool:
    """A breadcrumb whose items arrows separate ("Home > News > Climate", "首页>>新闻聚焦>>2005年新闻"):
    two arrows or more, with an item before the first and after the last ("Shop Now >>" is a link,
    "<em> <strong>" markup). Bars and slashes also part a share row or a title's site name.

    >>> is_arrow_trail("首页>>新闻聚焦>>2005年新闻"), is_arrow_trail("Home » News » Climate"), is_arrow_trail("Share | Print | Email")
    (True, True, False)
    >>> is_arrow_trail("Trump: «Grazie». Meloni: «Pronti»"), is_arrow_trail("More >> Shop Now >>"), is_arrow_trail("Tags: <em> <strong>")
    (False, False, False)
    """
    if ">" not in text and "»" not in text and "›" not in text:
        return False  # (most lines hold no arrow: ruled out by three scans)
    plain = MARKUP_TAG.sub(" ", text) if "<" in text else text
    # (Guillemets are a quotation's marks where their opening ones stand too: «Bella serata».)
    arrows = ARROWS_ONLY if "«" in plain or "‹" in plain else ARROWS
    items = arrows.split(plain)
    return len(items) > MIN_BARE_ARROWS and all(item.strip(" |｜-") for item in (items[0], items[-1]))


def _bar_items(text: str) -> int:
    """How many non-empty items bars separate ("| | Heading | |" is a layout table's one cell)."""
    return sum(1 for item in BAR_SPLIT.split(text) if item.strip())


def _bracketed_links(text: str) -> int:
    """How many bracketed items make up the whole line ("[Print] [Email]"), 0 when other text stands outside them."""
    items = BRACKETED.findall(text)
    # (A layout table's cell may hold them: "| [My blog's contents] [Bookmark] |".)
    return len(items) if items and not BRACKETED.sub("", text).strip(" |｜") else 0


def _table_cells(text: str) -> int:
    """How many non-empty cells a table row ("| Home | News |") has; 0 for a line that is no row
    (a one-cell row is a layout table's heading and may be the headline)."""
    if not text.startswith(TABLE_ROW):
        return 0
    return sum(1 for cell in re.split(r"[|｜]", text) if cell.strip())


def _mostly_digits(features: LineFeatures) -> bool:
    """A date, time, price or counter ("11.03.17 in Gadgetry", "2192 Shares"): many digits, and
    numbers are half its words ("The 21 best movies of 2017" and "2004中国十大科技骗局" are headlines)."""
    return features.digit_share > MAX_TITLE_DIGITS and 2 * features.numbers >= features.words


def _inner_full_stops(text: str) -> int:
    """Full stops with more text after them (question and exclamation marks and ellipses not
    counted, nor stops inside a quotation, nor the stop after a label of a word or two: "Niemcy.
    Stałe zamknięcie granic ...")."""
    plain = text[:FEATURE_PREFIX_CHARS].replace("...", "…").translate(CLAUSE_MARKS)
    # A quotation may hold sentences of its own and still be one clause of the headline
    # ('Verstappen on Russell: "I can't stand him. Let him go"').
    plain = QUOTATION.sub(lambda quotation: quotation.group(0).translate(QUOTED_STOPS), plain)
    pieces = SENTENCE_END_RE.split(plain)
    if not pieces[-1].strip(" \"'”’»)]"):
        pieces.pop()  # the line's own end
    # A stop before a digit or a lower-case word is an abbreviation's ("in Dec. 22", "N.J. senator").
    # Nor is the stop before a name of a word or two that ends the line ("... Trans Rep. Zooey Zephyr").
    last = pieces[-1] if pieces and count_tokens(pieces[-1]) <= MAX_LABEL_WORDS else None
    stops = sum(1 for piece, after in zip(pieces, pieces[1:])
                if count_tokens(piece) > MAX_LABEL_WORDS and not _continues(after) and after is not last
                and not _joins_quotations(piece, after))
    return stops + len(CJK_INNER_FULL_STOP.findall(plain))


def is_two_short_sentences(text: str, features: LineFeatures) -> bool:
    """A short line of two sentences, the second without a full stop: a headline's style over its
    standfirst ("The world needs more spaceports. Oman wants to help"), weighed as two sentences."""
    return (features.size <= MAX_TWO_SENTENCE_WORDS and not ends_like_own_sentence(text, features)
            and features.sentences > (1 if features.sentence_end else 0) and _inner_full_stops(text) == 1)


def _joins_quotations(piece: str, after: str) -> bool:
    """The stop closes a quotation and the text after it quotes again: one headline of quoted
    clauses ('A: «We are ready». B: «It was agreed»'), not two sentences of a paragraph."""
    closed = QUOTATION.search(piece.rstrip(" ."))
    return closed is not None and closed.end() == len(piece.rstrip(" .")) and QUOTATION.search(after) is not None


def _continues(after: str) -> bool:
    """The text after a full stop goes on with the same sentence: it starts with a digit or a
    lower-case letter (in scripts with case)."""
    first = after.lstrip(" \"'“‘«([")[:1]
    return first.isdigit() or first.islower()


def _shape_weight(text: str, features: LineFeatures, lower_case_style: bool = False) -> float:
    """The shape's weight by length, sentence ends and the first letter's case (`lower_case_style`:
    the text continues no sentence, so a lower-case start is no fragment's)."""
    size = features.size
    # Short headlines exist ("On Behalf of 'Literally'"); one or two words are mostly labels.
    score = (min(size, FULL_WEIGHT_WORDS) / FULL_WEIGHT_WORDS) ** 0.75
    if size > LONG_TITLE_WORDS:
        score *= 0.4  # a standfirst or a paragraph
    if ends_like_own_sentence(text, features):
        score *= 0.3  # headlines rarely end with a full stop (one quotation's own aside)
    if features.sentences > (1 if features.sentence_end else 0) and _inner_full_stops(text):
        # Two sentences: a caption or a paragraph; two short ones, the second without its stop, are
        # also a headline's style ("The lake is dying. Here's what we can do").
        score *= SHORT_TWO_SENTENCES_WEIGHT if is_two_short_sentences(text, features) else TWO_SENTENCES_WEIGHT
    opening = text.lstrip("\"'“‘«¿¡([")
    first = opening[:1]
    if first == "…" or (first.isalpha() and first.islower() and not lower_case_style and not _capital_inside(opening)):
        score *= 0.3  # a headline starts with a capital (where the script has them), not "…": a fragment
    return score


def _capital_inside(text: str) -> bool:
    """The first word has a capital after its first letter: a name written so ("iPhone", "eBay"),
    not a fragment's lower-case word.

    >>> _capital_inside("iPhone sales fall"), _capital_inside("and sales fall")
    (True, False)
    """
    word = text.split(maxsplit=1)[0] if text.strip() else ""
    return any(ch.isupper() for ch in word[1:])


def topic_words(text: str, stopwords: frozenset[str], words: list[str] | None = None) -> frozenset[str]:
    """The words that carry a line's topic (given its tokens, or tokenized here): no stop words,
    no short words, no numbers; in CJK text, pairs of neighbouring characters (a character alone
    says little).

    >>> sorted(topic_words("The council approved the new budget", frozenset({"the"})))
    ['approved', 'budget', 'council']
    """
    if words is None:
        words = tokens(text)
    # Short words are mostly function words in alphabets with case; Hangul, Arabic or Hebrew
    # words are short and still carry the topic.
    topic = {w for w in words if len(w) >= (MIN_TOPIC_WORD if _cased(w) else 2) and w not in stopwords and not w.isdigit()}
    if has_cjk(text):
        topic.update(cjk_pairs(words))
    return frozenset(topic)


def _cased(word: str) -> bool:
    """A word of an alphabet with case (Latin, Greek, Cyrillic)."""
    return word[:1] != word[:1].upper() or word[:1] != word[:1].lower() or word[:1].isascii()


def cjk_pairs(words: list[str]) -> list[str]:
    """Pairs of neighbouring single CJK characters among a line's words."""
    # Every CJK character is a word of its own: one search over the one-character words finds them.
    singles = CJK_CHAR.findall("".join(w for w in words if len(w) == 1))
    return [a + b for a, b in zip(singles, singles[1:])]


def stem(word: str) -> str:
    """A crude stem in any alphabetic script: the word's first STEM_CHARS characters
    ("terrariums" and "terrarium" meet), so headline and body words meet across inflections."""
    return word[:STEM_CHARS]


@dataclass(frozen=True)
class BodyWords:
    """The body's words as topic words are looked up in them: stemmed words, and the runs of CJK
    characters (each two neighbours a pair, see cjk_pairs) searched as text instead of listed."""

    stems: set[str]
    cjk_runs: str  # each line's CJK characters in order, lines apart by a newline

    def __contains__(self, word: str) -> bool:
        # A CJK pair is two characters and its own stem.
        return word in self.stems or (len(word) == 2 and word in self.cjk_runs)


def read_body(texts: Iterable[str]) -> tuple[BodyWords, set[str]]:
    """Every word of the texts (stemmed) and their CJK pairs, what topic words are looked up in;
    and the folded lines, what a candidate repeated word for word is found in (one tokenization
    per line for both)."""
    words_seen: set[str] = set()
    stems: set[str] = set()
    runs: list[tuple[int, str]] = []  # (line, its CJK run)
    lines: set[str] = set()
    texts = list(texts)
    left: Iterable[int] = range(len(texts))
    if compiled_core is not None:
        # The compiled core reads the lines it takes whole (Latin and CJK text), the rest come back.
        left, runs = compiled_core.body_words(texts, STEM_CHARS, stems, lines)
    for i in left:
        text = texts[i]
        words = tokens(text)
        words_seen.update(words)
        plain = " ".join(words)
        if words and max(words) >= CJK_FIRST:  # (cheaper than has_cjk on a long paragraph)
            # Every CJK character is a word of its own (tokens): the line's pairs are the
            # neighbours in its CJK characters.
            runs.append((i, NOT_CJK.sub("", plain)))
        lines.add(fold(text) if "İ" in text else plain)  # (fold's own tokens, but for that letter)
    # Stemmed once per distinct word, not per occurrence.
    stems.update({stem(word) for word in words_seen})
    return BodyWords(stems, "\n".join(run for _, run in sorted(runs))), lines


def body_overlap(candidate: frozenset[str], body: BodyWords | set[str]) -> float:
    """Share of a candidate's topic words that the body uses, counting in full only from
    FULL_OVERLAP_WORDS shared words on: one shared word ("Today's Paper", "News") is chance."""
    if not candidate:
        return 0.0
    if isinstance(body, BodyWords):
        # BodyWords.__contains__ and stem inlined: no two Python calls per topic word.
        stems, runs = body.stems, body.cjk_runs
        shared = sum(1 for w in candidate if w[:STEM_CHARS] in stems or (len(w[:STEM_CHARS]) == 2 and w[:STEM_CHARS] in runs))
    else:
        shared = sum(1 for w in candidate if stem(w) in body)
    return shared / len(candidate) * min(1.0, shared / FULL_OVERLAP_WORDS)


def _agree(a: str, b: str, padded_a: str, padded_b: str) -> bool:
    """Two non-empty folded texts (and they padded with a space on each side) say the same
    headline: nearly equal, or one holds the other whole."""
    if len(a) > len(b):
        a, b, padded_a, padded_b = b, a, padded_b, padded_a
    if padded_a in padded_b and a.count(" ") >= 2:
        return True
    # Texts of unequal length cannot be this similar (ratio <= 200 * short / (short + long)): no
    # need to compare them (most pairs of lines in a window).
    if 200 * len(a) < AGREE_SCORE * (len(a) + len(b)):
        return False
    return fuzzy.ratio(a, b) >= AGREE_SCORE


def labels_of_parts(texts: Sequence[str]) -> set[tuple[int, int]]:
    """The pairs (i, j) of texts where text j is text i whole, then a comma and more words: a
    series' or a chapter's label and the line naming one of its parts ("Test Series v India" /
    "Test Series v India, Third Test"), no copy of one headline.

    >>> sorted(labels_of_parts(["Cup Final", "Cup Final, Day Two", "Cup Final | Site", "Cup"]))
    [(0, 1)]
    """
    stripped = [text.strip() for text in texts]
    where: dict[str, list[int]] = {}
    for i, text in enumerate(stripped):
        where.setdefault(text, []).append(i)
    # The head before a comma is cut and looked up only when some text is as long (cutting it at
    # every comma was quadratic in a line of commas: 40,000 of them, 2 s); each length is met at
    # one comma at most, for the head grows past every comma.
    lengths = {len(text) for text in where if text}
    pairs: set[tuple[int, int]] = set()
    for j, text in enumerate(stripped):
        # (Only the commas are visited, found at C speed; the spaces before one are walked back
        # over, never past the comma before it: linear in the text.)
        for comma in PART_AFTER_MARK.finditer(text):
            at = head_end = comma.start()  # head_end: len(text[:at].rstrip())
            while head_end and text[head_end - 1].isspace():
                head_end -= 1
            # (text is stripped: more words follow the comma when it is not the last character.)
            if head_end in lengths and at < len(text) - 1:
                pairs.update((i, j) for i in where.get(text[:head_end], ()))
    return pairs


def count_agreeing(folded: Sequence[str], wanted: Sequence[bool], apart: Collection[tuple[int, int]] = ()) -> list[int]:
    """For each folded text that is `wanted` (0 for the others), how many of the other non-empty
    texts agree with it (see _agree); the pairs (i, j) in `apart` never do.

    Only texts of nearly equal length can be similar enough: those are compared in pairs; any
    other pair agrees only when the shorter text is held whole in the longer one, which one
    search per text in all texts at once finds.

    >>> count_agreeing(["rain again in may", "rain again in may the daily planet", "sun", "rain again in mai"], [True, True, True, False])
    [2, 1, 0, 0]
    """
    padded = [f" {text} " for text in folded]
    # A newline is in no folded text: no padded text is found across two of them.
    haystack = "\n".join(padded)
    starts = list(accumulate((len(text) + 1 for text in padded[:-1]), initial=0))
    agreeing: list[set[int]] = [set() for _ in folded]
    for j, text in enumerate(folded):
        if text.count(" ") < 2:
            continue  # (a text held by another agrees with it from three words on)
        at = haystack.find(padded[j])
        while at >= 0:
            k = bisect_right(starts, at) - 1
            if k != j and (j, k) not in apart and (k, j) not in apart:
                agreeing[j].add(k)
                agreeing[k].add(j)
            at = haystack.find(padded[j], at + 1)
    by_length = sorted(range(len(folded)), key=lambda i: len(folded[i]))
    lengths = [len(folded[i]) for i in by_length]
    counts = []
    for i, text in enumerate(folded):
        if not (wanted[i] and text):
            counts.append(0)
            continue
        # The lengths _agree's length test lets through (200 * shorter >= AGREE_SCORE * (shorter +
        # longer)), a character wider on each side against rounding: _agree tests them again.
        size = len(text)
        low = AGREE_SCORE * size / (200 - AGREE_SCORE) - 1
        high = (200 - AGREE_SCORE) * size / AGREE_SCORE + 1
        for j in by_length[bisect_left(lengths, low) : bisect_right(lengths, high)]:
            if (j != i and folded[j] and j not in agreeing[i] and (i, j) not in apart and (j, i) not in apart
                    and _agree(text, folded[j], padded[i], padded[j])):
                agreeing[i].add(j)
        counts.append(len(agreeing[i]))
    return counts


def is_notice(features: LineFeatures, rules: Rules) -> bool:
    """The line holds a phrase of several words of the site's notices (the boilerplate and
    consent lists: "privacy policy", "you consent to"), as a consent or legal sentence does."""
    phrases = (*rules.boilerplate_phrases.find_all(features.folded), *rules.page_kinds["consent_wall"].find_all(features.folded))
    # (Folded CJK text is spaced by character: "同 意" is one word, and common in headlines.)
    return any(" " in phrase and max(map(len, phrase.split())) > 1 for phrase in phrases)


def is_call_to_action(text: str, features: LineFeatures, rules: Rules) -> bool:
    """The line, or a clause of it after a comma, opens with a call to action ("Sign in with
    Facebook", "Chcete-li článek poslouchat, přihlaste se")."""
    if rules.calls_to_action.prefix(features.folded):
        return True
    clauses = CLAUSE_BREAK.split(text[:FEATURE_PREFIX_CHARS])[1:]
    return any(rules.calls_to_action.prefix((fold(clause),)) for clause in clauses if clause.strip())


def numbered_rows(folded: Sequence[str], candidates: Sequence[Candidate]) -> list[int]:
    """The lines (not declared titles) whose text, numbers masked, another line has with other numbers."""
    seen: dict[str, set[str]] = {}
    masked = [DIGITS.sub("0", text) if candidate.position >= 0 and DIGIT.search(text) else "" for text, candidate in zip(folded, candidates)]
    for text, key in zip(folded, masked):
        if key:
            seen.setdefault(key, set()).add(text)
    return [index for index, key in enumerate(masked) if key and len(seen[key]) > 1]


@dataclass
class Scored:
    """A candidate with its score and the parts it was made of (for tests and tuning)."""

    candidate: Candidate
    shape: float
    overlap: float
    agreement: int
    score: float


def score_candidates(
    candidates: Sequence[Candidate],
    body: Sequence[str],
    stopwords: frozenset[str],
    rules: Rules,
    prior: dict[str, float] | None = None,
) -> list[Scored]:
    """Every candidate scored; `body` is the article's opening paragraphs."""
    vocabulary, body_set = read_body(body)
    words = [tokens(c.text) for c in candidates]
    folded = [fold(c.text) if "İ" in c.text else " ".join(w) for c, w in zip(candidates, words)]  # (fold's own tokens, but for that letter)
    line_feats = [c.features or line_features(c.text, stopwords) for c in candidates]
    shapes = [shape_score(c.text, f, rules, declared=c.position < 0, alone=c.alone, opens_page=c.opens_page) for c, f in zip(candidates, line_feats)]
    # A line that opens with a call to action ("Sign in with ...", "Watch what ...") is a prompt or
    # a video teaser more often than a headline.
    for index, (candidate, feats) in enumerate(zip(candidates, line_feats)):
        if candidate.position >= 0 and shapes[index] > 0 and is_call_to_action(candidate.text, feats, rules):
            shapes[index] *= CALL_TO_ACTION_WEIGHT
    # Lines that differ only in their numbers are rows of one widget ("Malaysia / 6 h ago",
    # "Malaysia / 7 h ago"; "75% (transparency)", "50% (transparency)"), not a headline said twice.
    for index in numbered_rows(folded, candidates):
        shapes[index] = 0.0
    # Agreement with other candidates' texts (not with itself, nor with another copy at the same
    # place; not a label with the line naming its part: "Test Series v India, Third Test").
    lines = [c.text if c.position >= 0 else "" for c in candidates]
    agreements = count_agreeing(folded, [shape > 0 for shape in shapes], labels_of_parts(lines))
    scored = []
    for index, candidate in enumerate(candidates):
        shape = shapes[index]
        if shape <= 0:
            scored.append(Scored(candidate, 0.0, 0.0, 0, 0.0))
            continue
        mine, agreeing = folded[index], agreements[index]
        overlap = body_overlap(topic_words(candidate.text, stopwords, words[index]), vocabulary)
        if candidate.shown:
            overlap, agreeing = max(overlap, SHOWN_OVERLAP), agreeing + SHOWN_AGREEMENT
        score = shape * (NO_OVERLAP_WEIGHT + overlap) * (1 + AGREEMENT_BONUS * min(agreeing, MAX_AGREEING))
        score /= 1.0 + DISTANCE_DECAY * candidate.distance
        if prior:
            score *= prior.get(candidate.source, 1.0)
        if mine in body_set and candidate.position >= 0:  # (a declared title is not a subheading)
            score *= IN_BODY_WEIGHT  # the body repeats it word for word: maybe a subheading
        scored.append(Scored(candidate, shape, overlap, agreeing, score))
    return scored


def best(scored: Sequence[Scored], min_score: float = MIN_SCORE) -> Scored | None:
    """The highest-scoring candidate (the later, nearer one on ties), if it scores enough."""
    top = max(scored, key=lambda s: (s.score, s.candidate.position), default=None)
    return top if top is not None and top.score >= min_score else None
