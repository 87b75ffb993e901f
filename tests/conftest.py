"""Shared fixtures: paths to the project's samples and, when present, the shared dev corpus."""

from __future__ import annotations

import os
import tempfile
from pathlib import Path

import pytest

# The rules cache of the whole run (and of the processes it starts) goes to a folder of its own,
# under the system temp folder, not the user's ~/.cache. A run may still choose one (NEWSCLEAN_CACHE_DIR).
os.environ.setdefault("NEWSCLEAN_CACHE_DIR", tempfile.mkdtemp(prefix="newsclean-test-cache-"))

ROOT = Path(__file__).resolve().parents[1]
SAMPLES = ROOT / "samples"
SHARED = ROOT.parent / "shared"


@pytest.fixture
def samples() -> Path:
    return SAMPLES


@pytest.fixture
def dev_corpus() -> Path:
    """The labelled dev corpus beside the checkout; tests using it skip when it is absent."""
    path = SHARED / "corpus" / "dev"
    if not path.is_dir():
        pytest.skip("../shared/corpus/dev is not beside this checkout")
    return path


# --- Hand-built dumps for the stage, property and API tests -------------------------------------

from newsclean.config import DEFAULT_CONFIG, Config  # noqa: E402
from newsclean.document import Document, Removal  # noqa: E402
from newsclean.parse.dump import parse_text_dump  # noqa: E402
from newsclean.pipeline import STAGES, StageFn  # noqa: E402

# A short news article of our own: a headline and five paragraphs of running text.
HEADLINE = "Lake levels fall to record low after dry summer"
BODY = [
    "The level of the country's largest lake has fallen to its lowest point since records began, "
    "after a summer with less than half the usual rainfall.",
    "Hydrologists measured the surface at 1.2 metres below its long-term average on Monday, "
    "exposing wide mud flats along the southern shore.",
    "Ferry operators have cancelled services to two of the smaller islands because the landing "
    "stages can no longer be reached safely.",
    "Farmers who draw water from the lake for irrigation have been told to cut their use by a "
    "third until the autumn rains arrive.",
    "The regional government said it would review the rules for water extraction and present "
    "new proposals before the end of the year.",
]


# The JSON record's keys, in the order README "JSON output" documents.
JSON_KEYS = [
    "schema", "source", "format", "encoding", "title", "date", "status", "url", "canonical_url", "author", "language",
    "verdict", "page_kind", "teaser", "text", "paragraphs", "removed", "counts", "extra",
]  # fmt: skip


def dump(*lines: str) -> str:
    """A text dump: one visible text block per line."""
    return "\n".join(lines) + "\n"


def before(stage: StageFn, text: str, config: Config = DEFAULT_CONFIG) -> Document:
    """The dump parsed and marked by every stage that precedes `stage` in pipeline.STAGES."""
    doc = parse_text_dump(text)
    for fn in STAGES[: STAGES.index(stage)]:
        doc = fn(doc, config)
    return doc


def apply(stage: StageFn, text: str, config: Config = DEFAULT_CONFIG) -> tuple[Document, dict[int, Removal]]:
    """Run `stage` itself on the prepared dump; returns the document and the marks this stage made
    (new or replaced), by line number."""
    doc = before(stage, text, config)
    earlier = {b.line: b.removal for b in doc.blocks}
    doc = stage(doc, config)
    return doc, {b.line: b.removal for b in doc.blocks if b.removal is not None and b.removal != earlier[b.line]}


def kept_lines(doc: Document) -> list[int]:
    """Line numbers of the blocks no stage removed."""
    return [b.line for b in doc.kept()]


def run_on_a_terminal(args: list[str], columns: int) -> tuple[int, str]:
    """Run a command with stderr on a pseudo-terminal (stdout to /dev/null); its exit status and
    what the terminal showed."""
    import os
    import subprocess

    pty = pytest.importorskip("pty")
    primary, secondary = pty.openpty()
    proc = subprocess.Popen(args, stdout=subprocess.DEVNULL, stderr=secondary,
                            env={**os.environ, "COLUMNS": str(columns), "TERM": "xterm"})
    os.close(secondary)
    shown = b""
    while True:
        try:
            chunk = os.read(primary, 65536)
        except OSError:  # the terminal closed: the process is done
            break
        if not chunk:
            break
        shown += chunk
    os.close(primary)
    return proc.wait(timeout=60), shown.decode("utf-8", "replace")
