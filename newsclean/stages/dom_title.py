"""The title of an HTML page read by the fast reader, without the site's name.

The fast reader takes the page's title from its metadata (og:title, the JSON-LD headline, else
`<title>`), and sites often write their name into it ("Lake hits record low | The Daily Planet",
"Headline - Section - Site"). The trafilatura engine's headline stage strips that name; here the
same strip (headline_choice.strip_site_name: a part naming the site's declared name or host, or
a short trailing part) runs before the text stages look for the line that repeats the title.
"""

from __future__ import annotations

from ..config import Config
from ..document import Document
from .headline_choice import strip_site_name
from .title_parts import shown_part

HEADING_TAGS = frozenset({"h1", "h2", "h3", "h4", "h5", "h6"})


def strip_fast_title(doc: Document, config: Config) -> Document:
    """doc.meta.title without the site's or section's name at either end (unchanged when nothing
    would be left)."""
    if doc.meta.title:
        title = strip_site_name(doc.meta.title, doc.meta.site_names) or doc.meta.title
        # The part a line of the page is, when the site's names come first ("Site - Section - Headline").
        headings = [block.text for block in doc.blocks if block.dom is not None and block.dom.tag in HEADING_TAGS]
        doc.meta.title = shown_part(title, (block.text for block in doc.blocks), headings)
    return doc
