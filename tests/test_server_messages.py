"""The server-message strip looks for messages only on the lines that can hold one, and finds
every message the pattern finds on the whole text."""

from __future__ import annotations

from hypothesis import given, settings
from hypothesis import strategies as st

from newsclean.read.server_messages import SERVER_MESSAGE, may_hold_messages, skip_server_messages, strip_server_messages

# Texts built from the pieces of PHP's messages (labels, `<b>`, files, line numbers, breaks, line ends).
MESSAGE_PIECES = st.lists(st.sampled_from(["<br />", "<br>", "<br\n/>", "\n", " ", "\t", "<b>", "</b>", "Warning", "PHP ",
                                           "Fatal error", "Notice", ":", " in ", "/var/www/a.php", " on line ", "on line",
                                           "12", "x", "onWarning: ", "<html>", "<b>Warning</b>: x", " in <b>/a.php</b>",
                                           " on line <b>3</b>", "Notice: y in /b.php on line 9"]), max_size=30)


def whole_text_strip(text: str) -> str:
    """strip_server_messages as it was: the pattern run over the whole text whenever "on line" is in it."""
    text = text[skip_server_messages(text):]
    return SERVER_MESSAGE.sub("", text) if "on line" in text else text


@given(MESSAGE_PIECES)
@settings(max_examples=600, deadline=None)
def test_the_strip_removes_what_the_whole_text_search_removes(pieces: list[str]) -> None:
    text = "".join(pieces)
    assert strip_server_messages(text) == whole_text_strip(text)
    if SERVER_MESSAGE.search(text) is not None:
        assert may_hold_messages(text)


def test_messages_inside_the_page_are_found_on_their_line() -> None:
    message = "<br />\n<b>Warning</b>:  Undefined variable $x in <b>/var/www/a.php</b> on line <b>3</b><br />"
    script = "<script>var onWarning = 1; // see on line 3: onWarning: no file</script>\n"
    page = "<html><body>\n" + script * 3 + "<p>Text " + message + " more</p>\n</body></html>"
    assert may_hold_messages(page) and not may_hold_messages(page.replace(message, ""))
    assert strip_server_messages(page) == whole_text_strip(page) == page.replace(message, "")
    plain = "<pre>\nPHP Notice:  Undefined index: id in /var/www/b.php on line 9\n</pre>"
    assert strip_server_messages(plain) == "<pre>\n\n</pre>"


TEXT_PIECES = st.lists(st.sampled_from(["on line", "on lin", "n line", "o", "on", " ", "é", "北京", "\U0001f600", "\udcff",
                                        "\n", "on\u00a0line", "ON LINE", "x"]), max_size=20)


@given(TEXT_PIECES)
@settings(max_examples=400, deadline=None)
def test_the_compiled_search_finds_what_str_find_finds(pieces: list[str]) -> None:
    from newsclean.read import server_messages

    if server_messages.holds_ascii is None:
        return  # (no compiled scan here: str.find alone)
    text = "".join(pieces)
    found = server_messages.holds_ascii(text, "on line")
    assert found is None if "\udcff" in text else found == ("on line" in text)
