"""Server messages printed into a page: PHP's warnings and notices, which a misconfigured site
writes before (or inside) its HTML, as in `<br />\n<b>Warning</b>:  ... in <b>/var/www/a.php</b>
on line <b>12</b><br />\n<!DOCTYPE html>`.

They are the server talking, never the article, and they hide the page's start from the HTML
sniffing. PHP writes its labels in English whatever the site's language, always in this form.
"""

from __future__ import annotations

import re

from ..compiled import compiled_module

_scan = compiled_module("newsclean.read._scan")
holds_ascii = None if _scan is None else _scan.holds_ascii  # (None: str.find alone)
# Every message holds this (SERVER_MESSAGE): a page without it holds none, at its top or further in.
MESSAGE_LITERAL = "on line"

LABELS = r"(?:PHP )?(?:Warning|Notice|Deprecated|Strict Standards|(?:Catchable |Recoverable )?[Ff]atal error|Parse error)"
# The message runs to "in FILE on line N" within one line; the bounds keep a line full of
# labels linear.
MESSAGE = r"[^\n]{0,2000}? in "
# html_errors on (the default when PHP serves a page), then off (plain text in the page).
SERVER_MESSAGE = re.compile(
    rf"(?:<br\s*/?>\s*)?<b>{LABELS}</b>:{MESSAGE}<b>[^<\n]{{1,500}}</b> on line <b>\d+</b>(?:[ \t]*<br\s*/?>)?"
    rf"|^[ \t]*{LABELS}:{MESSAGE}\S{{1,500}} on line \d+[ \t]*$",
    re.MULTILINE,
)
LEADING_BREAKS = re.compile(r"(?:\s|<br\s*/?>)*", re.IGNORECASE)
# Leading messages are looked for in this much of the start (a page may open with dozens).
PREFIX_CHARS = 64 * 1024


def skip_server_messages(text: str) -> int:
    """Where the text starts after the server messages (and blank lines, `<br />`) at its top; 0 when none.

    >>> page = "<br />\\n<b>Warning</b>:  Undefined variable $x in <b>/var/www/a.php</b> on line <b>3</b><br />\\n<html>"
    >>> page[skip_server_messages(page):]
    '<html>'
    >>> skip_server_messages("Warning: the bridge is closed until Monday.")
    0
    """
    head = text[:PREFIX_CHARS]
    position, found = 0, False
    while True:
        start = LEADING_BREAKS.match(head, position).end()
        message = SERVER_MESSAGE.match(head, start)
        if message is None or message.end() == start:
            return LEADING_BREAKS.match(head, position).end() if found else 0
        position, found = message.end(), True


def strip_server_messages(text: str) -> str:
    """The text without server messages: those at the top, and those the page holds further in.

    >>> strip_server_messages("<p>Text<b>Notice</b>: Undefined index: id in <b>/a.php</b> on line <b>9</b><br /></p>")
    '<p>Text</p>'
    """
    text = text[skip_server_messages(text):]
    if not may_hold_messages(text):  # the common case: one scan for a literal, no regular expression
        return text
    return SERVER_MESSAGE.sub("", text)


def may_hold_messages(text: str) -> bool:
    """False when the text holds no server message; True when it may.

    Every message ends with "on line" on the line where it starts (after an optional `<br />` and
    blank lines), so only the lines holding that literal are searched, each once: a page whose
    scripts mention "on line" is not scanned whole, position by position (65 ms on a 1.7 MB page).

    >>> may_hold_messages("<p>Text<b>Notice</b>: Undefined index: id in <b>/a.php</b> on line <b>9</b></p>")
    True
    >>> may_hold_messages("var onWarning = 1;\\n// read on line 3: onWarning: no file")
    False
    """
    if holds_ascii is not None and holds_ascii(text, MESSAGE_LITERAL) is False:
        # (the common case, searched in the UTF-8 form the HTML readers make anyway: 0.06 ms a page less)
        return False
    at = text.find("on line")
    while at >= 0:
        start = text.rfind("\n", 0, at) + 1
        end = text.find("\n", at)
        end = len(text) if end < 0 else end
        if SERVER_MESSAGE.search(text, start, end) is not None:
            return True
        at = text.find("on line", end)
    return False


def holds_no_messages(data: bytes) -> bool:
    """True when UTF-8 bytes hold no server message (strip_server_messages would leave their text as
    it is), found in the bytes; False when they may hold one, or without the compiled core."""
    return holds_ascii is not None and holds_ascii(data, MESSAGE_LITERAL) is False
