"""String similarity (rapidfuzz's ratio), with rapidfuzz imported only once a process compares much.

rapidfuzz takes about 8 ms to import, which `import newsclean` and `newsclean --help` need not
pay, nor one small page through the CLI (a few comparisons of short lines, a twentieth of that in
Python). So the first comparisons of a process, up to PURE_BUDGET characters of short strings, are
computed here to the bit as rapidfuzz computes them (`indel_ratio`); after that, `fuzzy.ratio` is
rapidfuzz's own function (the module attribute is replaced), and a comparison costs what
`fuzz.ratio(a, b)` does. Call it as `fuzzy.ratio(a, b)`.
"""

from __future__ import annotations

# Characters (of the shorter string of each pair) a process compares in Python before it imports
# rapidfuzz: a small page's comparisons (the sample dump's 5 cost 1,062), not a batch's.
PURE_BUDGET = 8_000
# Longer strings go to rapidfuzz at once: the Python bit vectors grow with the longer string.
PURE_MAX_CHARS = 1_000

_budget_left = PURE_BUDGET


def indel_ratio(s1: str, s2: str) -> float:
    """rapidfuzz.fuzz.ratio in Python: 100 * (1 - indel distance / total length), the distance
    from the longest common subsequence (bit-parallel, one step per character of the shorter).

    >>> indel_ratio("the council met", "the council met"), round(indel_ratio("abcd", "abce")), indel_ratio("", "")
    (100.0, 75, 100.0)
    """
    total = len(s1) + len(s2)
    if not total:
        return 100.0
    if len(s1) < len(s2):
        s1, s2 = s2, s1
    # Where each character stands in the longer string, as bits.
    positions: dict[str, int] = {}
    bit = 1
    for char in s1:
        positions[char] = positions.get(char, 0) | bit
        bit <<= 1
    everywhere = bit - 1
    row = everywhere  # Hyyrö's LCS row: its zero bits count the common subsequence
    for char in s2:
        matches = row & positions.get(char, 0)
        if matches:
            row = (row + matches) | (row - matches)
    common = len(s1) - (row & everywhere).bit_count()
    # The operations rapidfuzz does in doubles, in its order: distance / maximum, 1 - that, * 100.
    return (1.0 - (total - 2 * common) / total) * 100


def first_ratio(s1: str, s2: str) -> float:
    """The similarity of two strings, 0 to 100 (rapidfuzz.fuzz.ratio): `ratio` until rapidfuzz
    takes over (in Python within the budget, else by importing rapidfuzz).

    >>> first_ratio("the council met", "the council met"), round(first_ratio("abcd", "abce"))
    (100.0, 75)
    """
    global _budget_left, ratio
    if len(s1) <= PURE_MAX_CHARS and len(s2) <= PURE_MAX_CHARS:
        _budget_left -= min(len(s1), len(s2))
        if _budget_left >= 0:
            return indel_ratio(s1, s2)
    from rapidfuzz.fuzz import ratio as rapid_ratio

    ratio = rapid_ratio  # every later call goes straight to rapidfuzz
    return rapid_ratio(s1, s2)


ratio = first_ratio
