"""The optional compiled parts: C extensions built against the stable ABI where `pip install` finds
a compiler (model/_features, rules/_phrases, parse/_markup, read/_scan). Each one speeds up Python
code that stays the reference and the fallback: where an extension was not built, or when
NEWSCLEAN_PURE_PYTHON is set (the tests compare both paths' output byte for byte), the pure-Python
path runs."""

from __future__ import annotations

import importlib
import os
from types import ModuleType

PURE_PYTHON_VARIABLE = "NEWSCLEAN_PURE_PYTHON"


def compiled_module(name: str) -> ModuleType | None:
    """The compiled extension `name` ("newsclean.read._scan"), or None where it was not built or
    NEWSCLEAN_PURE_PYTHON is set."""
    if os.environ.get(PURE_PYTHON_VARIABLE):
        return None
    try:
        return importlib.import_module(name)
    except ImportError:
        return None
