"""HTML pages: the article and its metadata through trafilatura, newsclean's stages on what it lets through,
error pages, and the guards against pathological markup."""

from __future__ import annotations

import json
import subprocess
import sys
import threading
import time
from pathlib import Path

import pytest
from click.testing import CliRunner
from clock import time_runs_out_in
from pages import CODE, ERROR_PAGES, PARAGRAPHS, TITLE, article_html

import newsclean
from newsclean import Config, Stage, TooLargeError, Verdict
from newsclean.cli import main
from newsclean.parse import html
from newsclean.parse.deadline import DeadlineExceeded, deadline
from newsclean.parse.html import ExtractionTimeout

HANG = 300  # seconds: only a guard against a test that never ends


def run_cli(*args: str, stdin: bytes | None = None) -> subprocess.CompletedProcess[bytes]:
    return subprocess.run([sys.executable, "-m", "newsclean", *args], input=stdin, capture_output=True, timeout=120)


def test_article_page_gives_body_and_metadata_without_page_furniture() -> None:
    doc = newsclean.clean(article_html(), "page.html")
    assert doc.input_format == "html"
    assert doc.verdict is Verdict.ARTICLE
    assert doc.paragraphs == PARAGRAPHS
    assert doc.meta.title == TITLE
    assert doc.meta.author == "Maria Lindqvist"
    assert doc.meta.date == "2024-03-12"
    assert doc.meta.url == "https://courier.example/news/riverside-park"
    text = newsclean.to_text(doc, title=False)
    for furniture in ("Home", "Share on Facebook", "Most read", "All rights reserved"):
        assert furniture not in text


def test_headline_repeated_in_the_body_is_kept_as_title_only() -> None:
    doc = newsclean.clean(article_html(), "page.html")
    headline = [b for b in doc.removed() if b.removal.stage is Stage.TITLE]
    assert [b.text for b in headline] == [TITLE]
    assert newsclean.to_text(doc).startswith(TITLE + "\n\n" + PARAGRAPHS[0])


def test_stages_remove_what_trafilatura_lets_through() -> None:
    noisy = [*PARAGRAPHS, PARAGRAPHS[1], "Related stories", "Storm closes the mountain pass for the third time this winter"]
    doc = newsclean.clean(article_html(paragraphs=noisy), "page.html")
    assert doc.paragraphs == PARAGRAPHS
    stages = {b.text[:20]: b.removal.stage for b in doc.removed()}
    assert stages[PARAGRAPHS[1][:20]] is Stage.DUPLICATE
    assert stages["Related stories"] is Stage.FOOTER


def test_code_listing_stays_one_block_so_its_repeated_lines_are_kept() -> None:
    doc = newsclean.clean(article_html(code=CODE), "page.html")
    listing = [p for p in doc.paragraphs if p.startswith("SELECT")]
    assert listing == [CODE]  # both "GROUP BY district;" lines, line breaks kept


@pytest.mark.parametrize("name", sorted(ERROR_PAGES))
def test_error_pages_served_as_html_get_the_error_page_verdict(name: str) -> None:
    doc = newsclean.clean(ERROR_PAGES[name], f"{name}.html")
    assert doc.verdict is Verdict.ERROR_PAGE
    assert doc.paragraphs == []


def test_html_is_detected_by_content_not_by_extension(tmp_path: Path) -> None:
    page = tmp_path / "download.bin"
    page.write_text(article_html(), encoding="utf-8")
    result = run_cli("clean", "--format", "json", str(page))
    record = json.loads(result.stdout)
    assert result.returncode == 0
    assert record["format"] == "html" and record["title"] == TITLE
    assert record["paragraphs"] == PARAGRAPHS


def test_fragment_of_a_page_is_html_too() -> None:
    fragment = "<div class='story'>" + "".join(f"<p>{p}</p>" for p in PARAGRAPHS) + "</div>"
    doc = newsclean.clean(fragment, "fragment")
    assert doc.input_format == "html"
    assert doc.paragraphs == PARAGRAPHS


def test_page_wrapped_in_a_form_is_html() -> None:
    # ASP.NET pages open with their <form> and its hidden state before any other tag.
    page = '<form name="Form1" method="post" action="41810.aspx" id="Form1">\n<input type="hidden" value="x" />\n' + article_html()
    doc = newsclean.clean(page, "page")
    assert doc.input_format == "html"
    assert doc.paragraphs == PARAGRAPHS


def test_input_format_text_keeps_markup_as_text() -> None:
    doc = newsclean.clean(article_html(), "page.html", config=Config(input_format="text"))
    assert doc.input_format == "text"
    assert any("<p>" in b.text for b in doc.blocks)


def test_page_over_the_element_limit_fails_with_a_clear_message() -> None:
    page = "<html><body>" + "<div><span>cell</span></div>" * 600 + "</body></html>"
    with pytest.raises(TooLargeError, match="HTML has 1,20[0-9] elements, more than html_max_elements \\(1,000\\)"):
        newsclean.clean(page, "huge.html", config=Config(html_max_elements=1000))


def test_slow_page_times_out_and_the_run_goes_on(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    # The clock is the test's: html_timeout's time runs out while trafilatura reads the slow page
    # (the real timer signal through the real handler), however fast the machine and whatever
    # else it is doing; the good page is read under the same limit and never comes near it.
    slow = tmp_path / "slow.html"
    slow.write_text(article_html().replace("<article", "<article id='slow'", 1))
    good = tmp_path / "good.html"
    good.write_text(article_html())
    config = tmp_path / "config.toml"
    config.write_text("html_timeout = 30\n")
    is_slow = lambda tree, *_: bool(tree.xpath("//article[@id='slow']"))  # noqa: E731
    timed_out = time_runs_out_in(monkeypatch, html, "_bare_extraction", is_slow)
    with pytest.raises(ExtractionTimeout, match="took longer than html_timeout"):
        newsclean.clean_file(str(slow), Config(html_timeout=30))
    assert timed_out == [30.0]  # the timer was armed with html_timeout, and it fired
    result = CliRunner().invoke(main, ["clean", "-q", "-j", "1", "--config", str(config), "--format", "jsonl",
                                       str(slow), str(good)], catch_exceptions=False)
    assert len(timed_out) > 1 and set(timed_out) == {30}  # the CLI armed the configured limit too
    assert result.exit_code == 1
    assert result.stderr.strip() == f"newsclean: {slow}: HTML extraction took longer than html_timeout (30 s)"
    assert [json.loads(line)["source"] for line in result.stdout.splitlines()] == [str(good)]


def test_deadline_interrupts_a_busy_main_thread_and_restores_the_timer() -> None:
    # The limit is honoured: the busy loop is stopped, and not before its time. (The loop's own
    # bound only keeps a broken deadline from hanging the test.)
    started = time.monotonic()
    with pytest.raises(DeadlineExceeded):
        with deadline(0.05):
            while time.monotonic() - started < HANG:
                pass
    assert time.monotonic() - started >= 0.05
    import signal

    assert signal.getitimer(signal.ITIMER_REAL) == (0.0, 0.0)


def test_deadline_puts_back_the_alarm_handler_it_found() -> None:
    # (The handlers are set through signal's C core: a caller's own handler and the default come back
    # as signal.getsignal gives them.)
    import signal

    def callers_own(signum: int, frame: object) -> None:
        pass

    before = signal.signal(signal.SIGALRM, callers_own)
    try:
        with deadline(5):
            assert signal.getsignal(signal.SIGALRM) is not callers_own
        assert signal.getsignal(signal.SIGALRM) is callers_own
    finally:
        signal.signal(signal.SIGALRM, before)
    with deadline(5):
        pass
    assert signal.getsignal(signal.SIGALRM) == before


def test_deadline_is_a_no_op_outside_the_main_thread() -> None:
    finished = []

    def work() -> None:
        with deadline(0.01):
            time.sleep(0.05)
        finished.append(True)

    thread = threading.Thread(target=work)
    thread.start()
    thread.join()
    assert finished == [True]
