"""String similarity (rapidfuzz's ratio), with rapidfuzz imported at the first comparison.

rapidfuzz takes about 8 ms to import, which `import newsclean` and `newsclean --help` need not
pay. Call it as `fuzzy.ratio(a, b)`: after the first call the module attribute is
rapidfuzz's own function, so a comparison costs what `fuzz.ratio(a, b)` did.
"""

from __future__ import annotations


def ratio(s1: str, s2: str) -> float:
    """The similarity of two strings, 0 to 100 (rapidfuzz.fuzz.ratio).

    >>> ratio("the council met", "the council met"), round(ratio("abcd", "abce"))
    (100.0, 75)
    """
    global ratio
    from rapidfuzz.fuzz import ratio as rapid_ratio

    ratio = rapid_ratio  # type: ignore[assignment]  # every later call goes straight to rapidfuzz
    return rapid_ratio(s1, s2)
