"""newsclean: clean raw scraped news dumps into the article.

    import newsclean
    doc = newsclean.clean_file("samples/japan-us-minerals.txt")
    print(newsclean.to_text(doc))

The public API is what this module exports; everything else is internal.
"""

from typing import TYPE_CHECKING, Any

from .config import DEFAULT_CONFIG, Config, load_config
from .document import Block, Document, Metadata, PageKind, Removal, Stage, Verdict
from .errors import ConfigError, InputError, NewscleanError, NotTextError, TooLargeError
from .read.raw import STDIN, RawDocument
from .read.sources import read_documents
from .read.warc import warc_raw_document
from .sites import TemplateTable, line_signature, site_key
from .writers import to_dict, to_json, to_text

__version__ = "0.1.0"

__all__ = [
    "Block",
    "Config",
    "ConfigError",
    "DEFAULT_CONFIG",
    "Document",
    "InputError",
    "Metadata",
    "NewscleanError",
    "NotTextError",
    "PageKind",
    "RawDocument",
    "Removal",
    "Stage",
    "TemplateTable",
    "TooLargeError",
    "Verdict",
    "clean",
    "clean_bytes",
    "clean_file",
    "clean_path",
    "clean_raw",
    "learn_templates",
    "line_signature",
    "load_config",
    "parse",
    "read_documents",
    "site_key",
    "to_dict",
    "to_json",
    "to_text",
    "warc_raw_document",
    "__version__",
]

# The entry points load the pipeline and every stage (most of the import's cost): they are
# imported at their first use, so that `newsclean --help` and the CLI's option parsing (which
# import this package for its version) do not pay for them.
_API = ("clean", "clean_bytes", "clean_file", "clean_path", "clean_raw", "learn_templates")

if TYPE_CHECKING:
    from .api import clean, clean_bytes, clean_file, clean_path, clean_raw, learn_templates


def parse(text: str, source: str = STDIN, encoding: str = "utf-8", config: Config = DEFAULT_CONFIG,
          kind: str | None = None) -> Document:
    """A Document of unmarked blocks from a text dump or an HTML page (api.parse, imported at the
    first call). Defined here, not found by __getattr__: the subpackage `parse` would answer first."""
    from .api import parse as parse_now

    return parse_now(text, source, encoding, config, kind)


def __getattr__(name: str) -> Any:
    """The entry points of .api, imported at the first one asked for (PEP 562)."""
    if name in _API:
        from . import api

        value = getattr(api, name)
        globals()[name] = value
        return value
    raise AttributeError(f"module {__name__!r} has no attribute {name!r}")


def __dir__() -> list[str]:
    """The module's names, the entry points not imported yet among them."""
    return sorted({*globals(), *_API})
