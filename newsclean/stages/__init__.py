"""The cleaning stages, one per module. Each marks blocks of a Document; none deletes any."""

from .boilerplate import mark_boilerplate
from .dom import mark_page_furniture
from .duplicates import mark_duplicates, mark_repeated_blocks
from .error_page import mark_error_page
from .footer import mark_footer
from .header import mark_header
from .in_span import mark_in_span
from .headline import mark_headline
from .main_text import mark_outside_main_text
from .title import mark_title
from .verdict import decide_verdict

__all__ = [
    "decide_verdict",
    "mark_boilerplate",
    "mark_duplicates",
    "mark_error_page",
    "mark_footer",
    "mark_header",
    "mark_headline",
    "mark_in_span",
    "mark_outside_main_text",
    "mark_page_furniture",
    "mark_repeated_blocks",
    "mark_title",
]
