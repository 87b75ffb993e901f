"""The diff report's golden renderings, and the script that rewrites them.

When the stages' marks or reasons change, the golden test fails by design. Then run

    python tests/golden/regenerate.py

review `git diff tests/golden/` (is every changed line an intended change?) and commit it.
The files are what `newsclean diff --no-color` prints at 100 columns for the example dump.
"""

from __future__ import annotations

import io
import sys
from collections.abc import Callable
from pathlib import Path

GOLDEN = Path(__file__).resolve().parent
ROOT = GOLDEN.parents[1]
sys.path.insert(0, str(ROOT))  # run as a script from a checkout without installing

import newsclean  # noqa: E402
from newsclean.report.diff import (  # noqa: E402
    RenderableType,
    ViewOptions,
    batch_table,
    document_report,
    make_console,
)
from newsclean.report.summary import summarize  # noqa: E402

EXAMPLE = ROOT / "samples" / "japan-us-minerals.txt"
SOURCE = "samples/japan-us-minerals.txt"  # the name shown, the same on every machine
WIDTH = 100


def example() -> newsclean.Document:
    """The example dump, cleaned, named as in the repository."""
    return newsclean.clean_bytes(EXAMPLE.read_bytes(), source=SOURCE)


def render(renderable: RenderableType) -> str:
    """What a 100-column console without colour prints for the renderable."""
    buffer = io.StringIO()
    make_console(color=False, file=buffer, width=WIDTH).print(renderable)
    return buffer.getvalue()


CASES: dict[str, Callable[[], RenderableType]] = {
    "japan-us-minerals.diff.txt": lambda: document_report(example(), ViewOptions()),
    "japan-us-minerals.side-by-side.txt": lambda: document_report(example(), ViewOptions(side_by_side=True)),
    "japan-us-minerals.context-1.txt": lambda: document_report(example(), ViewOptions(context=1)),
    "japan-us-minerals.table.txt": lambda: batch_table([summarize(example())]),
}


def main() -> None:
    """Rewrite every golden file from the current code."""
    for name, build in CASES.items():
        (GOLDEN / name).write_text(render(build()), encoding="utf-8", newline="\n")
        print(f"wrote tests/golden/{name}")


if __name__ == "__main__":
    main()
