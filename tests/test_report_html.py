"""`newsclean diff --html`: the page's DOM read back with a parser (rows, anchors, dump text kept
as text), the CLI's pages for a file and a directory, and a real browser (skipped without one)."""

from __future__ import annotations

import os
import shutil
import struct
import subprocess
from pathlib import Path

import lxml.html
import pytest
from click.testing import CliRunner
from conftest import SAMPLES

import newsclean
from newsclean import Stage
from newsclean.cli import main
from newsclean.document import Document, PageKind
from newsclean.report.html import SCRIPT, html_report
from newsclean.report.lines import ViewOptions, visible
from newsclean.report.summary import failed, summarize

EXAMPLE = SAMPLES / "japan-us-minerals.txt"
# Text that would become markup, or break out of a cell or an attribute, if it were not escaped.
SCRIPT_TAG = "<script>alert(1)</script>"
CLOSERS = "</td></tr></table></section><b>bold</b>"
ATTRIBUTE = '"onerror="alert(2)" x=\''
IMAGE = "<img src=x onerror=alert(3)>"
ENTITY = "&amp; &lt;b&gt; stay as typed"
CONTROL = "bell\x07 and escape\x1b[2J"


def hostile_dump() -> str:
    """The example dump with hostile text in a kept line, in a near-duplicate and in footer lines."""
    lines = EXAMPLE.read_text(encoding="utf-8").splitlines()
    lines[4] = f"{lines[4]} {SCRIPT_TAG} {ENTITY}"  # line 5: kept article text
    lines[11] = f"{lines[11]} {IMAGE}"  # line 12: a near-duplicate of line 6, its addition shown as <ins>
    lines += [f"Footer {CLOSERS}", f"Footer {ATTRIBUTE}", "Footer"]
    return "\n".join(lines) + "\n"


def hostile_doc(source: str = "samples/evil.txt") -> Document:
    """The hostile dump cleaned, its title and (past the parser, which drops them) control characters hostile too."""
    doc = newsclean.clean_bytes(hostile_dump().encode("utf-8"), source=source)
    doc.meta.title = f"{ATTRIBUTE}{SCRIPT_TAG}"
    doc.blocks[-1].text = f"Footer {CONTROL}"
    return doc


def page_of(*docs: Document, options: ViewOptions = ViewOptions()) -> lxml.html.HtmlElement:
    """The report of the documents, parsed as a browser would build its tree."""
    return lxml.html.document_fromstring(html_report([(summarize(d), d) for d in docs], options, "newsclean diff"))


def line_rows(section: lxml.html.HtmlElement) -> list[lxml.html.HtmlElement]:
    """A section's line rows."""
    return section.xpath(".//table[@class='lines']/tbody/tr")


def cells_text(row: lxml.html.HtmlElement) -> list[str]:
    """A row's cells as text."""
    return [cell.text_content() for cell in row.xpath("./td")]


def test_every_block_is_one_row_in_order_with_its_mark_stage_and_reason() -> None:
    doc = hostile_doc()
    (section,) = page_of(doc).xpath("//section")
    rows = line_rows(section)
    assert [int(cells_text(row)[0]) for row in rows] == [b.line for b in doc.blocks]
    reason = stage = ""
    for block, row in zip(doc.blocks, rows):
        cells = cells_text(row)
        removal = block.removal
        assert row.get("class") == (None if removal is None else removal.stage.value)
        assert cells[1] == ("" if removal is None else "#" if removal.stage is Stage.TITLE else "-")
        if len(cells) == 5:  # the first row of a run; the rows after it share its stage and reason cells
            stage, reason = cells[2], cells[3]
        assert (stage, reason) == (("", "") if removal is None else (removal.stage.value.replace("_", " "), removal.reason))
    kept = [cells_text(row)[-1] for row in rows if row.get("class") is None]
    assert kept == [visible(text) for text in doc.paragraphs]


def test_dump_text_stays_text() -> None:
    doc = hostile_doc()
    page = page_of(doc)
    (script,) = page.xpath("//script")  # ours alone: the filter
    assert script.text == SCRIPT
    assert not page.xpath("//img | //b | //*[@onerror] | //*[@x]")
    texts = [cells_text(row)[-1] for row in line_rows(page.xpath("//section")[0])]
    assert any(SCRIPT_TAG in text and ENTITY in text for text in texts)
    for hostile in (CLOSERS, ATTRIBUTE, visible(CONTROL)):
        assert f"Footer {hostile}" in texts
    assert "\x1b" not in page.text_content() and "\x07" not in page.text_content()
    (added,) = page.xpath("//ins")  # the near-duplicate's addition, as text inside the <ins>
    assert added.text_content().strip() == IMAGE
    assert page.xpath("//dt[.='title']/following-sibling::dd[1]")[0].text_content() == f"{ATTRIBUTE}{SCRIPT_TAG}"


def test_sections_and_links() -> None:
    docs = [hostile_doc("dumps/a.txt"), newsclean.clean_bytes(EXAMPLE.read_bytes(), source='dumps/b "<i>.txt')]
    entries = [(summarize(docs[0]), docs[0]), (failed("dumps/broken.png", "not text <i>"), None),
               (summarize(docs[1]), docs[1])]
    page = lxml.html.document_fromstring(html_report(entries, ViewOptions(), "t"))
    rows = page.xpath("//table[@id='summary']/tbody/tr")
    assert [row.xpath("./td")[0].text_content() for row in rows] == ["a.txt", "broken.png", 'b "<i>.txt']
    assert page.xpath("//table[@id='summary']/caption")[0].text_content() == f"in dumps{os.sep}"
    assert "not text <i>" in rows[1].text_content() and not rows[1].xpath(".//a") and not page.xpath("//i")
    links = [row.xpath("./td[1]/a/@href")[0] for row in (rows[0], rows[2])]
    sections = page.xpath("//section")
    assert links == [f"#{section.get('id')}" for section in sections]
    assert [section.xpath("./h2")[0].text_content() for section in sections] == ["dumps/a.txt", 'dumps/b "<i>.txt']
    ids = page.xpath("//@id")
    assert len(ids) == len(set(ids))
    for href in page.xpath("//a/@href"):  # every link lands somewhere: sections, the table, a duplicate's original
        assert href[1:] in ids
    for section, doc in zip(sections, docs):
        duplicates = [row for row in line_rows(section) if row.get("class") == "duplicate"]
        assert len(duplicates) == sum(1 for b in doc.blocks if b.removal and b.removal.stage is Stage.DUPLICATE)
        for row in duplicates:  # the reason links to the original's row in the same section
            target = section.get_element_by_id(row.xpath(".//a/@href")[0][1:])
            assert target.getparent().getparent().getparent() is section


def test_context_shows_removed_lines_and_gaps() -> None:
    doc = hostile_doc()
    rows = line_rows(page_of(doc, options=ViewOptions(context=0)).xpath("//section")[0])
    shown = [row for row in rows if row.get("class") != "gap"]
    assert [int(cells_text(row)[0]) for row in shown] == [b.line for b in doc.removed()]
    gaps = [cells_text(row) for row in rows if row.get("class") == "gap"]
    assert gaps == [[f"⋯ {len(doc.paragraphs)} kept lines not shown"]]  # the article is one run of kept lines


def test_legend_counts_and_filters_work_without_script() -> None:
    doc = hostile_doc()
    page = page_of(doc)
    boxes = page.xpath("//fieldset[@class='legend']//input")
    # Hidden until the script shows them: without script the legend is a key, not dead controls.
    assert all(box.get("hidden") is not None for box in boxes)
    counts = {box.get("value"): int(box.getparent().text_content().split()[-1]) for box in boxes}
    summary = summarize(doc)
    assert counts == {"kept": summary.kept, **{stage.value: summary.by_stage[stage] for stage in Stage}}
    assert not page.xpath("//*[@style]")  # nothing starts hidden or styled inline


def test_page_kind_column_only_when_some_page_is_no_article() -> None:
    plain = newsclean.clean_bytes(EXAMPLE.read_bytes(), source="a.txt")
    missing = newsclean.clean("Page not found\nSorry, the page you requested could not be found.\n", source="b.txt")
    assert missing.page_kind is PageKind.NOT_FOUND
    for docs, header in (([plain, plain], False), ([plain, missing], True)):
        page = page_of(*docs)
        assert ("page kind" in page.xpath("//table[@id='summary']/thead")[0].text_content()) == header
    rows = page.xpath("//table[@id='summary']/tbody/tr")
    assert [cells_text(row)[2] for row in rows] == ["article", "not_found"]


def test_cli_writes_a_page_for_a_directory(tmp_path: Path) -> None:
    tree = tmp_path / "dumps"
    tree.mkdir()
    (tree / "a.txt").write_text(hostile_dump(), encoding="utf-8")
    (tree / "b.txt").write_bytes(EXAMPLE.read_bytes())
    (tree / "broken.txt").write_bytes(b"\x00\x01\x02" * 100)
    out = tmp_path / "report.html"
    result = CliRunner().invoke(main, ["diff", str(tree), "--html", str(out), "--sort", "removed"])
    assert result.exit_code == 1 and result.stdout == ""  # broken.txt failed; the page is still written
    page = lxml.html.document_fromstring(out.read_text(encoding="utf-8"))
    names = [row.xpath("./td")[0].text_content() for row in page.xpath("//table[@id='summary']/tbody/tr")]
    assert names == ["a.txt", "b.txt", "broken.txt"]  # most removed first: a.txt has 3 footer lines more
    assert [s.xpath("./h2")[0].text_content() for s in page.xpath("//section")] == [str(tree / "a.txt"), str(tree / "b.txt")]


# --- in a real browser -------------------------------------------------------------------------

BROWSERS = ("chromium", "chromium-browser", "google-chrome", "google-chrome-stable")
WIDTH, HEIGHT = 1280, 1500


def browser(tmp_path: Path, *args: str) -> subprocess.CompletedProcess[str]:
    """A headless run of the first browser found (the test skips without one), on its own profile."""
    found = next(filter(None, map(shutil.which, BROWSERS)), None)
    if found is None:
        pytest.skip("no Chromium or Chrome installed (apt-get install chromium)")
    # --no-sandbox: CI runs as root, where Chromium's sandbox refuses to start.
    command = [found, "--headless", "--no-sandbox", "--disable-gpu", "--hide-scrollbars", "--no-first-run",
               f"--user-data-dir={tmp_path / 'profile'}", *args]
    return subprocess.run(command, capture_output=True, text=True, check=True)


def write_report(tmp_path: Path, name: str, extra: str = "") -> Path:
    """The hostile example's page, with extra markup before </body> (a test's own script)."""
    page = html_report([(summarize(d), d) for d in [hostile_doc()]], ViewOptions(), "newsclean diff samples/evil.txt")
    path = tmp_path / name
    path.write_text(page.replace("</body>", extra + "</body>"), encoding="utf-8")
    return path


def test_browser_renders_a_screenshot(tmp_path: Path) -> None:
    page = write_report(tmp_path, "report.html")
    shot = tmp_path / "report.png"
    browser(tmp_path, f"--window-size={WIDTH},{HEIGHT}", f"--screenshot={shot}", page.as_uri())
    data = shot.read_bytes()
    assert data[:8] == b"\x89PNG\r\n\x1a\n"
    assert struct.unpack(">II", data[16:24]) == (WIDTH, HEIGHT)
    # A blank or unstyled page compresses to a few kilobytes; tinted rows of text do not.
    assert len(data) > 50_000
    if folder := os.environ.get("NEWSCLEAN_SCREENSHOTS"):  # set it to keep the screenshot for a look
        shutil.copy(shot, Path(folder) / "report-html.png")


FILTER_PROBE = """<script>
const shown = () => [...document.querySelectorAll(".lines tbody tr")].filter(r => r.getClientRects().length).length;
const counts = [shown()];
document.querySelector(".legend input[value=footer]").click();
counts.push(shown());
document.querySelector(".legend input[value=kept]").click();
counts.push(shown());
counts.push(document.querySelector(".legend input").hidden);
document.body.dataset.probe = counts.join(" ");
</script>"""


def test_browser_filters_lines_by_stage(tmp_path: Path) -> None:
    page = write_report(tmp_path, "probe.html", FILTER_PROBE)
    dom = lxml.html.document_fromstring(browser(tmp_path, "--dump-dom", page.as_uri()).stdout)
    doc = hostile_doc()
    summary = summarize(doc)
    footer = summary.by_stage[Stage.FOOTER]
    assert len(dom.xpath("//section//table[@class='lines']/tbody/tr")) == len(doc.blocks)  # the browser's tree too
    assert dom.body.get("data-probe") == f"{len(doc.blocks)} {len(doc.blocks) - footer} {summary.removed - footer} false"


def test_every_stage_has_its_colour() -> None:
    # A new stage without one was shown untinted, with a grey legend box.
    from newsclean.report.html import STAGE_CSS_COLOURS, stage_css

    assert set(STAGE_CSS_COLOURS) == set(Stage)
    assert all(f".{stage.value}" in stage_css() for stage in Stage)
