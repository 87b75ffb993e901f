"""The fast HTML reader (parse/fast_html.py) and the --html-engine option: blocks, DOM features,
metadata, limits, and the engines through the API, the CLI, WARC and JSONL inputs and the diff report."""

from __future__ import annotations

import json
import re
import subprocess
import sys
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from pages import PARAGRAPHS, TITLE, article_html, write_warc

import newsclean
from newsclean import Config, TooLargeError, Verdict
from newsclean.document import Stage
from newsclean.model.features import analyze
from newsclean.parse.fast_html import parse_html_fast
from newsclean.pipeline import (
    FAST_HTML_STAGES,
    HTML_STAGES,
    fast_reading_is_sure,
    stages_for,
)
from newsclean.rules import load_rules
from newsclean.stages import dom_opening, dom_teasers

FAST = Config(html_engine="fast")


def texts(html: str, config: Config = FAST) -> list[str]:
    """The text of each block the fast reader makes of a page."""
    return [b.text for b in parse_html_fast(html, config=config).blocks]


# More of the park story, so the article is long enough for the auto engine to be sure of it.
MORE = [
    "Engineers will first have to remove contaminated soil left by a century of coal trains, a task the "
    "council's own survey expects to take at least eighteen months and to cost a fifth of the budget.",
    "Residents of the neighbouring streets asked for the cycle path to be lit at night, and the planning "
    "committee agreed to add lamps along the stretch that passes under the railway bridge.",
    "A local school has offered to plant the first row of trees with its pupils, who will each be given "
    "a small plaque with their name beside the sapling they looked after during the first summer.",
    "The river authority warned that the lower meadows will flood in most winters, which the designers "
    "said was intended, since the wet grassland is meant to hold water that would otherwise reach the houses.",
]
LONG = PARAGRAPHS + MORE


def long_article() -> str:
    """The test page with a longer article (about 300 words)."""
    return article_html(paragraphs=LONG)


# --- the reader: what is visible, in which blocks -------------------------------------------------


def test_invisible_content_is_skipped_and_hidden_content_is_furniture() -> None:
    html = ("<html><head><title>T</title><style>p{}</style></head><body><p>one</p>"
            "<script>var x = 1;</script><noscript>enable js</noscript><template><p>tpl</p></template>"
            "<svg><text>drawing</text></svg><p hidden>gone</p><div aria-hidden='true'>icon</div>"
            "<div style='display: none'>none</div><span class='sr-only'>Article content</span>"
            "<!-- a comment --><p>two and three</p></body></html>")
    doc = parse_html_fast(html)
    assert [(b.text, b.dom.boilerplate) for b in doc.blocks] == [
        ("one", None), ("gone", "<p hidden>"), ("icon", '<div aria-hidden="true">'),
        ("none", '<div style="display: none">'), ("two and three", None)]


def test_hidden_text_holding_most_of_the_page_is_not_furniture() -> None:
    # Frameworks stream the article into a hidden element that a script then shows.
    html = f"<body><nav><a href=x>Home</a></nav><div hidden id='S:1'><p>{PARAGRAPHS[0]}</p></div></body>"
    assert [b.dom.boilerplate for b in parse_html_fast(html).blocks] == ["<nav>", None]


def test_blocks_follow_document_order_and_nesting() -> None:
    html = "<body><div>before<p>inside <b>bold</b> <a href=x>link</a></p>after<br>next line</div><li>item</li></body>"
    assert texts(html) == ["before", "inside bold link", "after", "next line", "item"]


def test_a_table_is_read_row_by_row() -> None:
    html = "<body><table><tr><th>City</th><th>Rain</th></tr><tr><td>Oslo</td><td>12 mm</td></tr></table></body>"
    doc = parse_html_fast(html)
    assert [b.text for b in doc.blocks] == ["City Rain", "Oslo 12 mm"]
    assert {b.dom.tag for b in doc.blocks} == {"td"}


def test_a_layout_tables_columns_are_not_joined_into_one_block() -> None:
    # A 2000s layout table: the menu column ends with a link below a line break, the story column
    # opens with its headline. The link and the headline are two blocks (a row's cells that each
    # start a block stay one: "Oslo 12 mm").
    html = ("<body><table><tr><td><b>Sections</b><br><a href=/local>Local</a><br><a href=/letters>Letters</a></td>"
            "<td><font size=4><b>Ferry service resumes after storm</b></font><br>The ferry sailed again on Monday.</td>"
            "</tr><tr><td>Oslo</td> <td>12 mm</td></tr></table></body>")
    assert texts(html) == ["Sections", "Local", "Letters", "Ferry service resumes after storm",
                           "The ferry sailed again on Monday.", "Oslo 12 mm"]
    compiled = texts(html)
    with pytest.MonkeyPatch.context() as patch:  # the walk in Python reads the same
        patch.setattr(sys.modules[parse_html_fast.__module__], "walk_blocks", None)
        assert texts(html) == compiled


def test_line_breaks_in_markup_are_spaces_and_pre_keeps_its_lines() -> None:
    html = "<body><p>one\ntwo</p><pre>  a = 1\n  b = 2\n</pre></body>"
    assert texts(html) == ["one two", "  a = 1\n  b = 2"]


def test_dom_features_of_each_block() -> None:
    doc = parse_html_fast(article_html())
    by_text = {b.text: b.dom for b in doc.blocks}
    assert by_text["Home News Sport Culture"].boilerplate == "<nav>"
    assert by_text["Home News Sport Culture"].link_density == 1.0
    assert by_text[TITLE].tag == "h1" and by_text[TITLE].in_article
    assert by_text[PARAGRAPHS[0]].tag == "p" and by_text[PARAGRAPHS[0]].boilerplate is None
    assert by_text["Storm closes mountain pass"].boilerplate == "<aside>"
    share = by_text["Share on Facebook Share on X"]
    assert (share.boilerplate, share.named) == (None, '<div class="share">')  # a class word is recorded, not acted on
    assert by_text["Privacy"].boilerplate == "<footer>" and not by_text["Privacy"].in_article


def test_furniture_is_not_believed_around_most_of_the_page() -> None:
    prose = " ".join(PARAGRAPHS)
    wrapped = f"<body><form id='page'><nav><a href=x>Home</a></nav><p>{prose}</p></form></body>"
    dom = {b.text: b.dom for b in parse_html_fast(wrapped).blocks}
    assert dom[prose].boilerplate is None  # the form holds the whole page
    assert dom["Home"].boilerplate == "<nav>"
    named = (f"<body><div class='post share-enabled'><p>{PARAGRAPHS[0]}</p></div>"
             f"<aside><div class='related-posts'><a href=x>Other story</a></div></aside><p>{prose}</p></body>")
    first, related, _ = (b.dom for b in parse_html_fast(named).blocks)
    assert (first.boilerplate, first.named) == (None, '<div class="post share-enabled">')
    assert (related.boilerplate, related.named) == ("<aside>", '<div class="related-posts">')  # the landmark around it


def test_a_landmark_beside_the_article_element_is_believed_at_any_size() -> None:
    # A sidebar's live feed longer than the article, beside the page's <article>: still the sidebar.
    feed = "".join(f"<li>{p}</li>" for p in MORE * 3)
    story = "".join(f"<p>{p}</p>" for p in PARAGRAPHS)
    page = f"<body><main><article><h1>{TITLE}</h1>{story}</article><aside><ul>{feed}</ul></aside></main></body>"
    dom = {b.text: b.dom for b in parse_html_fast(page).blocks}
    assert all(dom[p].boilerplate == "<aside>" for p in MORE) and dom[PARAGRAPHS[0]].boilerplate is None
    assert newsclean.clean(page, config=FAST).paragraphs == PARAGRAPHS
    # Around the article, or hidden (a framework's copy of it), it is not believed.
    around = page.replace("<article>", "<aside><article>").replace("</article><aside>", "</article><div>")
    hidden = page.replace("<aside>", "<div hidden>").replace("</aside>", "</div>")
    assert all(b.dom.boilerplate is None for b in parse_html_fast(around).blocks)
    assert all(b.dom.boilerplate is None for b in parse_html_fast(hidden).blocks)


def test_json_ld_article_body_marks_the_blocks_it_holds() -> None:
    body = " ".join(LONG)
    ld = json.dumps({"@type": "NewsArticle", "articleBody": body})
    html = article_html(paragraphs=LONG).replace("</head>", f'<script type="application/ld+json">{ld}</script></head>')
    html = html.replace("</article>", "</article><p>Comments are closed for this story, please come back later on.</p>")
    doc = parse_html_fast(html)
    flags = {b.text: b.dom.in_article_body for b in doc.blocks}
    assert all(flags[p] for p in LONG) and flags["Home News Sport Culture"] is None  # too short to tell
    assert flags["Comments are closed for this story, please come back later on."] is False
    cleaned = newsclean.clean(html, config=FAST)
    assert cleaned.paragraphs == LONG
    assert any(b.removal.reason == "outside the text of the page's JSON-LD articleBody" for b in cleaned.removed())
    teaser = html.replace(json.dumps(body)[1:-1], json.dumps(" ".join(LONG[:2]))[1:-1])
    # A teaser of the article (a paywall's) is followed by paragraphs it lacks: it says nothing of the end.
    assert not any(b.removal.reason.startswith("outside the text") for b in newsclean.clean(teaser, config=FAST).removed())
    unrelated = html.replace(json.dumps(body)[1:-1], json.dumps(" ".join(MORE) * 3)[1:-1])
    assert all(b.dom.in_article_body is None for b in parse_html_fast(unrelated).blocks)  # the page shows too little of it


def test_a_script_shell_page_is_read_from_its_json_ld_article_body() -> None:
    # A page a script builds in the browser shows only a loading notice; its JSON-LD holds the article.
    for body in ("\n".join(LONG), "".join(f"<p>{p.replace(',', ',&nbsp;', 1)}</p>" for p in LONG)):
        ld = json.dumps({"@type": "NewsArticle", "headline": TITLE, "articleBody": body})
        html = (f'<html><head><title>{TITLE} - The Gazette</title><script type="application/ld+json">{ld}</script>'
                '</head><body><div id="root"><noscript>Turn on JavaScript to use this site.</noscript></div>'
                '<div class="spinner">Loading...</div><script src="/app.js"></script></body></html>')
        doc = newsclean.clean(html, config=FAST)
        assert doc.verdict == Verdict.ARTICLE and doc.meta.title == TITLE
        assert [p.replace("\xa0", " ") for p in doc.paragraphs] == LONG
    # A page showing its article keeps its own blocks (no second copy).
    ld = json.dumps({"@type": "NewsArticle", "articleBody": "\n".join(LONG)})
    shown = long_article().replace("</head>", f'<script type="application/ld+json">{ld}</script></head>')
    assert newsclean.clean(shown, config=FAST).paragraphs == LONG


def test_teaser_cards_in_their_own_article_elements_do_not_hide_the_end_of_the_json_ld_body() -> None:
    # Below the story, teasers of other stories, each in an <article> of its own, with a blurb long
    # enough to read as a paragraph the body lacks (as a paywall's teaser body is followed by).
    ld = json.dumps({"@type": "NewsArticle", "articleBody": " ".join(LONG)})
    blurbs = ["The harbour ferry returns after its winter repairs, with a new timetable that adds an early crossing "
              "for commuters and a late one on Fridays, the operator said on Monday.",
              "A bakery on the market square has won the county's bread prize for the third year running, and its "
              "owners say the secret is a starter they have kept alive since their grandmother's day."]
    cards = "".join(f"<article><p>{b} Read the whole report in our weekend edition.</p></article>" for b in blurbs)
    html = (article_html(paragraphs=LONG).replace("</head>", f'<script type="application/ld+json">{ld}</script></head>')
            .replace("</article>\n<aside>", f"</article>\n{cards}<aside>")
            .replace(f"<article>\n<h1>{TITLE}</h1>", f"<h1>{TITLE}</h1><article>"))  # the headline above the story
    assert cards in html and f"<h1>{TITLE}</h1><article>" in html
    doc = newsclean.clean(html, config=FAST)
    assert doc.paragraphs == LONG
    assert all(b.removal.reason == "outside the text of the page's JSON-LD articleBody"
               for b in doc.blocks if b.text.endswith("weekend edition."))


def test_hidden_text_of_the_json_ld_article_body_is_not_furniture() -> None:
    # A paywall hides the article it holds for a script to show; the publisher's articleBody says it is the article.
    ld = json.dumps({"@type": "NewsArticle", "articleBody": " ".join(LONG)})
    shown, hidden = ("\n".join(f"<p>{p}</p>" for p in part) for part in (LONG[:-2], LONG[-2:]))
    html = (f'<html><head><script type="application/ld+json">{ld}</script></head><body><nav><a href=x>Home</a></nav>'
            f"<article>{shown}<div class='paywall' hidden>{hidden}<p>Subscribe to read the rest of this story today.</p>"
            "</div></article><aside><p>Other stories from our newsroom you might have missed today.</p></aside></body></html>")
    dom = {b.text: b.dom for b in parse_html_fast(html).blocks}
    assert all(dom[p].boilerplate is None and dom[p].in_article_body for p in LONG)
    assert dom["Subscribe to read the rest of this story today."].boilerplate == "<div hidden>"  # not in the body
    assert newsclean.clean(html, config=FAST).paragraphs == LONG
    without = html.replace(ld, "{}")
    assert all(dom.boilerplate == "<div hidden>" for dom in (b.dom for b in parse_html_fast(without).blocks
                                                               if b.text in LONG[-2:]))


def test_an_end_marker_above_text_of_the_json_ld_article_body_does_not_end_the_article() -> None:
    # A "Most Popular" box between two paragraphs, long enough to read as the page's end; the
    # publisher's articleBody goes on below it, so the box is inside the article.
    teasers = "".join(f"<li><span>Gear</span></li><li><a href='/s{n}'>Story number {n} of the week</a></li>"
                      f"<li><span>Writer {chr(65 + n)}son</span></li>" for n in range(12))
    box = f"<div><div>Most Popular</div><ul>{teasers}</ul></div>"
    page = long_article().replace(f"<p>{LONG[3]}</p>", f"{box}<p>{LONG[3]}</p>")
    assert box in page
    assert not set(LONG[3:]) & set(newsclean.clean(page, config=FAST).paragraphs)  # without a body: the end
    ld = json.dumps({"@type": "NewsArticle", "articleBody": " ".join(LONG)})
    with_body = page.replace("</head>", f'<script type="application/ld+json">{ld}</script></head>')
    kept = newsclean.clean(with_body, config=FAST).paragraphs
    assert set(LONG) <= set(kept) and "Most Popular" not in kept


def test_the_next_story_in_its_own_article_element_is_removed() -> None:
    # An endless page: the next story follows in an <article> of its own, under its own <h1>.
    story = "".join(f"<p>{p}</p>" for p in MORE)
    following = f"<article><h1>Harbour ferry returns after winter repairs</h1>{story}</article>"
    page = article_html(paragraphs=PARAGRAPHS).replace("</article>\n<aside>", f"</article>\n{following}<aside>")
    doc = newsclean.clean(page, config=FAST)
    assert doc.paragraphs == PARAGRAPHS
    assert {b.dom.story for b in doc.blocks if b.text in PARAGRAPHS} == {1}
    assert {b.dom.story for b in doc.blocks if b.text in MORE} == {2}
    assert all(b.removal.reason.startswith("inside another <article>") for b in doc.blocks if b.text in MORE)
    # Its own <h1> tells even when the next story is the longer one.
    tail = "".join(f"<p>{p} The ferry company said so on Monday.</p>" for p in PARAGRAPHS[3:]) + "</article>"
    longer = (article_html(paragraphs=PARAGRAPHS[:3])
              .replace("</article>\n<aside>", f"</article>\n{following.replace('</article>', tail)}<aside>"))
    doc = newsclean.clean(longer, config=FAST)
    assert doc.paragraphs == PARAGRAPHS[:3]
    assert {b.removal.reason for b in doc.blocks if b.text in MORE} == {
        "inside another <article> with its own <h1> (the next story)"}
    # An <article> inside the story (a comment) is the story's own: it stays.
    nested = page.replace(f"</article>\n{following}", f"{following}</article>\n")
    assert set(MORE) <= set(newsclean.clean(nested, config=FAST).paragraphs)
    # Under a subheading (no <h1> of its own) it goes only as the smaller part of the article (below).
    subheaded = page.replace("<h1>Harbour", "<h2>Harbour").replace("repairs</h1>", "repairs</h2>")
    assert {b.removal.reason for b in newsclean.clean(subheaded, config=FAST).blocks if b.text in MORE} == {
        "inside another <article> than the headline's"}
    # A headline alone in a header's <article>, the text in the next one under the headline again: one story.
    header = article_html(paragraphs=[]).replace(f"<h1>{TITLE}</h1>", f"<h1>{TITLE}</h1></article><article><h1>{TITLE}</h1>")
    split = header.replace('<p class="byline">', "".join(f"<p>{p}</p>" for p in LONG) + '<p class="byline">')
    assert {b.dom.story for b in parse_html_fast(split).blocks if b.text in LONG} == {2}
    assert newsclean.clean(split, config=FAST).paragraphs == LONG


def test_text_in_other_article_elements_goes_when_the_headline_s_holds_most_of_the_article() -> None:
    # A comment thread after the story, each comment an <article> of its own (no <h1>).
    comments = "".join(f"<article class='reply'><p>{p}</p></article>" for p in MORE[:2])
    page = article_html(paragraphs=PARAGRAPHS + MORE[2:]).replace("</article>\n<aside>", f"</article>\n{comments}<aside>")
    doc = newsclean.clean(page, config=FAST)
    assert doc.paragraphs == PARAGRAPHS + MORE[2:]
    assert {b.removal.reason for b in doc.blocks if b.text in MORE[:2]} == {"inside another <article> than the headline's"}
    # A headline set in a link to its own page goes as link text before the title stage: the <h1>
    # reading as the page's title still tells which <article> is the story.
    linked = page.replace(f"<h1>{TITLE}</h1>", f'<h1><a href="/news/riverside-park">{TITLE}</a></h1>')
    assert newsclean.clean(linked, config=FAST).paragraphs == PARAGRAPHS + MORE[2:]
    # When the other <article> elements hold more of the article than the headline's, they stay.
    lead = article_html(paragraphs=PARAGRAPHS[:2]).replace("</article>\n<aside>", "</article>\n"
        + "".join(f"<article><p>{p}</p></article>" for p in PARAGRAPHS[2:] + MORE) + "<aside>")
    assert set(PARAGRAPHS[2:] + MORE) <= set(newsclean.clean(lead, config=FAST).paragraphs)


def test_text_outside_every_article_element_below_the_headline_s_goes() -> None:
    # A box of other stories' blurbs after the story's <article> closes, in no <article> of its own:
    # the span runs on over its sentences, but the headline's <article> holds the story.
    blurbs = ["The harbour ferry returns to service next week after a winter of repairs to its engines and deck.",
              "Market traders say the new opening hours have brought more visitors on weekday evenings this spring."]
    box = "<div><h2>More from the Courier</h2>" + "".join(f"<p>{b}</p>" for b in blurbs) + "</div>"
    page = long_article().replace("</article>\n<aside>", f"</article>\n{box}<aside>")
    doc = newsclean.clean(page, config=FAST)
    assert doc.paragraphs == LONG
    assert {b.removal.reason for b in doc.blocks if b.text in blurbs} == {
        "below the headline's <article>, outside every <article>"}
    # Holding less than half of the article, the headline's <article> says nothing of the text below it.
    short = article_html(paragraphs=PARAGRAPHS[:2]).replace("</article>\n<aside>", "</article>\n"
        + "".join(f"<p>{p}</p>" for p in PARAGRAPHS[2:] + MORE) + "<aside>")
    assert set(PARAGRAPHS[2:] + MORE) <= set(newsclean.clean(short, config=FAST).paragraphs)
    # The headline set above the story's <article>, outside it (a page header): the <article> of the
    # story's first kept block is the headline's.
    above = page.replace(f"<main><article>\n<h1>{TITLE}</h1>", f"<main><h1>{TITLE}</h1><article>")
    assert above != page
    doc = newsclean.clean(above, config=FAST)
    assert doc.paragraphs == LONG
    assert {b.removal.reason for b in doc.blocks if b.text in blurbs} == {
        "below the headline's <article>, outside every <article>"}


def test_page_metadata_from_head_and_json_ld() -> None:
    html = ("<html lang='de-AT'><head><title>Site title</title><link rel='canonical' href='https://x.example/a'>"
            '<script type="application/ld+json">{"@graph": [{"@type": "NewsArticle", "headline": "Ld headline",'
            ' "datePublished": "2025-01-02T03:04:05Z", "author": [{"name": "Anna Berg"}]}]}</script>'
            '<script type="application/ld+json">{broken</script></head><body><p>x</p></body></html>')
    meta = parse_html_fast(html).meta
    assert (meta.title, meta.url, meta.date, meta.author, meta.language) == (
        "Ld headline", "https://x.example/a", "2025-01-02", "Anna Berg", "de-AT")
    og = parse_html_fast(article_html()).meta
    assert (og.title, og.date, og.url) == (TITLE, "2024-03-12", "https://courier.example/news/riverside-park")


def test_a_title_and_author_escaped_twice_by_the_page_s_template_read_as_text() -> None:
    # The template escaped the <meta> values twice: once read by the parser, "&amp;#039;" is still a
    # character reference, which the title would show as it stands.
    page = article_html().replace(
        f'<meta property="og:title" content="{TITLE}">',
        '<meta property="og:title" content="Mayor &amp;#039;delighted&amp;#039; as B&amp;amp;B owners back park">',
    ).replace('content="Maria Lindqvist"', 'content="Maria L&amp;#246;fgren"')
    meta = parse_html_fast(page).meta
    assert (meta.title, meta.author) == ("Mayor 'delighted' as B&B owners back park", "Maria Löfgren")
    # Escaped once, as a page should be, the text is read once: an ampersand in words stays one.
    once = article_html().replace(f'content="{TITLE}"', 'content="Q&amp;A: rents &amp; the new park"')
    assert parse_html_fast(once).meta.title == "Q&A: rents & the new park"


# --- hostile markup and limits --------------------------------------------------------------------


def test_unclosed_and_misnested_markup_still_reads() -> None:
    html = "<body><p>one<p>two<div><b>three <i>four</b> five</i></div><table><td>cell</table><p>six"
    assert texts(html) == ["one", "two", "three four five", "cell", "six"]


def test_limits_are_those_of_the_trafilatura_reader() -> None:
    with pytest.raises(TooLargeError, match="html_max_elements"):
        parse_html_fast("<body>" + "<span>x</span>" * 120, config=FAST.replace(html_max_elements=100))
    with pytest.raises(TooLargeError, match="nested more than 255"):
        parse_html_fast("<body>" + "<div>" * 400 + "deep" + "</div>" * 400)
    many = "<body><p " + " ".join(f"a{i}=1" for i in range(40)) + ">x</p></body>"
    with pytest.raises(TooLargeError, match="html_max_attributes"):
        parse_html_fast(many, config=FAST.replace(html_max_attributes=30))
    assert texts("<body>" + "<div>" * 200 + "deep enough" + "</div>" * 200) == ["deep enough"]


# Start tags built from the pieces the attribute grammar treats specially: quotes, `=`, `/`, `<`, `>`, spaces.
TAG_PIECES = st.lists(st.sampled_from(["a", "b=1", 'c="x y"', "d='>'", " ", "  ", "=", "/", "<", ">", '"', "e=", "\t"]),
                      max_size=30)


@given(TAG_PIECES, st.integers(min_value=1, max_value=6))
@settings(max_examples=300, deadline=None)
def test_the_attribute_guard_finds_what_the_backtracking_pattern_finds(pieces: list[str], at_least: int) -> None:
    import re

    from newsclean.parse.html import ATTRIBUTE, ONE_ATTRIBUTE, most_attributes

    html = "<p " + "".join(pieces) + "><div x y>"
    backtracking = re.compile(r"<[A-Za-z][^\s/>]*(?:\s+" + ATTRIBUTE + r"){%d,}" % at_least)
    expected = max((len(ONE_ATTRIBUTE.findall(m.group())) for m in backtracking.finditer(html)), default=0)
    assert most_attributes(html, at_least) == expected


def test_empty_and_bodyless_pages_give_no_blocks() -> None:
    assert texts("") == [] and texts("<html><head><title>t</title></head></html>") == []


# --- the engines: stages, API, CLI, containers, diff ----------------------------------------------


@pytest.mark.parametrize(("declared", "site"), [
    (f"{TITLE} | The Valley Courier", ""),
    (f"{TITLE} - Local News - The Valley Courier", ""),
    (f"Valley Courier: {TITLE}", '<meta property="og:site_name" content="Valley Courier">'),
], ids=["suffix", "section-and-site", "declared-site-prefix"])
def test_fast_engine_title_has_no_site_name(declared: str, site: str) -> None:
    # The page's only title is its <title>, which names the site as well: the fast engine strips
    # the site's name as the trafilatura engine's headline stage does.
    page = long_article().replace(f'<meta property="og:title" content="{TITLE}">', site)
    page = page.replace(f"<title>{TITLE} | The Valley Courier</title>", f"<title>{declared}</title>")
    for engine in ("fast", "trafilatura"):
        assert newsclean.clean(page, config=Config(html_engine=engine)).meta.title == TITLE, engine


def test_fast_engine_removes_page_furniture_with_the_markup_as_reason() -> None:
    doc = newsclean.clean(long_article(), config=FAST)
    assert stages_for(doc) == FAST_HTML_STAGES
    assert doc.verdict is Verdict.ARTICLE and doc.meta.title == TITLE
    assert doc.paragraphs == LONG
    reasons = {b.text: b.removal for b in doc.removed()}
    assert reasons["Home News Sport Culture"].reason == "inside <nav>"
    assert reasons["Storm closes mountain pass"].stage is Stage.BOILERPLATE
    assert reasons["Storm closes mountain pass"].reason == "inside <aside>"
    assert reasons[TITLE].stage is Stage.TITLE


def test_a_figure_and_its_caption_are_furniture_as_trafilatura_drops_them() -> None:
    # A photo's caption written as a sentence, between two paragraphs of the article: the text
    # stages would keep it; the <figure> around it says it is not the article's text.
    caption = "The old railway yard seen from the footbridge, where the first trees will be planted next spring."
    credit = "Photograph: the council's planning office"
    figure = f'<figure><img src="yard.jpg"><figcaption>{caption}<span>{credit}</span></figcaption></figure>'
    doc = newsclean.clean(article_html(paragraphs=[*LONG[:2], figure, *LONG[2:]]), config=FAST)
    assert doc.paragraphs == LONG
    assert {b.text: b.removal.reason for b in doc.removed()}[f"{caption}{credit}"] == "inside <figure>"


def test_a_video_s_and_a_photo_s_json_ld_text_shown_on_the_page_is_furniture() -> None:
    # A player's title and a photo's caption written as sentences in plain <div>s between the
    # article's paragraphs: only the page's JSON-LD says they belong to a video and a photo. The
    # page's summary is the article's, though its video's description repeats it.
    video = "Watch the council's architect walk through the plans for the old railway yard"
    caption = "Volunteers clearing the sidings on Saturday, before the surveyors arrived with their drills."
    summary = LONG[0]
    ld = json.dumps({"@context": "https://schema.org", "@type": "NewsArticle", "headline": TITLE,
                     "video": {"@type": "VideoObject", "name": video, "description": summary},
                     "image": [{"@type": "ImageObject", "caption": caption, "url": "yard.jpg"}]})
    page = article_html(paragraphs=[*LONG[:2], f"<div>{video}</div>", *LONG[2:4], f"<div>{caption}</div>", *LONG[4:]])
    page = page.replace("</head>", f'<meta name="description" content="{summary}">'
                                   f'<script type="application/ld+json">{ld}</script></head>')
    doc = newsclean.clean(page, config=FAST)
    assert doc.paragraphs == LONG
    reasons = {b.text: b.removal.reason for b in doc.removed()}
    assert reasons[video] == reasons[caption] == "inside a video or photo (its text in the page's JSON-LD)"
    # Without the JSON-LD, both are the article's to the text stages.
    plain = newsclean.clean(page.replace(ld, "{}"), config=FAST)
    assert video in plain.paragraphs and caption in plain.paragraphs


def test_the_headline_s_landmark_is_the_article_however_much_text_stands_around_it() -> None:
    # A stream of other stories' blurbs above the story, outside its <article> and longer than it,
    # written as sentences: only the page's <h1> inside the <article> tells which is the article.
    blurbs = ["The harbour ferry returns after its winter repairs, with a new timetable that adds an early crossing "
              "for commuters and a late one on Fridays, the operator said on Monday.",
              "A bakery on the market square has won the county's bread prize for the third year running, and its "
              "owners say the secret is a starter they have kept alive since their grandmother's day.",
              "The library will open on Sundays from next month, after volunteers offered to staff the reading "
              "room and the council agreed to pay for the heating and the extra cleaning."]
    stream = "".join(f"<div><p>{b}</p></div>" for b in blurbs * 5)
    page = long_article().replace("<main><article>", f"<div>{stream}</div><main><article>")
    assert stream in page
    doc = newsclean.clean(page, config=FAST)
    assert doc.paragraphs == LONG
    assert {b.text: b.removal.reason for b in doc.removed()}[blurbs[0]] == "outside the page's <article>/<main>"


@pytest.mark.parametrize("heading", ["h2", "h4"])
def test_the_standfirst_between_the_headline_and_the_body_is_kept(heading: str) -> None:
    # The summary under the headline in a heading, then a byline and a date line: the span starts at
    # the body's first paragraph; the standfirst reads as a sentence set with the article, the others not.
    standfirst = "Work on the park starts in the autumn and the first paths should open to walkers before next summer."
    page = long_article().replace('<p class="byline">By Maria Lindqvist</p>',
                                  f'<{heading}>{standfirst}</{heading}><p class="byline">By Maria Lindqvist</p>'
                                  '<div>12 March 2024</div>')
    doc = newsclean.clean(page, config=FAST)
    assert doc.paragraphs == [standfirst, *LONG]
    assert {"By Maria Lindqvist", "12 March 2024"} <= {b.text for b in doc.removed()}


def test_the_standfirst_is_kept_below_an_h1_the_title_stage_did_not_take() -> None:
    # The page's <title> is the site's name alone, so no block is taken for the headline; the
    # page's <h1> still marks where the article opens, and the standfirst below it stays.
    standfirst = "Work on the park starts in the autumn and the first paths should open to walkers before next summer."
    page = long_article().replace('<p class="byline">By Maria Lindqvist</p>',
                                  f'<h2>{standfirst}</h2><p class="byline">By Maria Lindqvist</p><div>12 March 2024</div>')
    page = re.sub(r"<title>.*?</title>", "<title>The Valley Courier</title>", page)
    page = re.sub(r'<meta property="og:title"[^>]*>', "", page)
    doc = newsclean.clean(page, config=FAST)
    assert not any(b.removal.stage is Stage.TITLE for b in doc.removed())
    assert doc.paragraphs == [standfirst, *LONG]


def test_a_run_of_plain_paragraphs_the_edge_trim_cut_is_kept_with_the_article() -> None:
    # A post opening with its photos' captions, each a <p> of its own without a full stop: the span's
    # edge trim reads each as a heading; two or more plain paragraphs in a row are the article's text.
    lines = ["Morning fog over the harbour before the first ferries leave",
             "The fish market opening its shutters a little after six",
             "Gulls waiting on the railings for the boats to come in"]
    page = long_article().replace("<p>" + LONG[0], "".join(f"<p>{line}</p>" for line in lines) + "<p>" + LONG[0])
    assert newsclean.clean(page, config=FAST).paragraphs == [*lines, *LONG]
    # One such line alone stays cut (a date line, a deck), and so does a run holding a link.
    one = long_article().replace("<p>" + LONG[0], f"<p>{lines[0]}</p><p>" + LONG[0])
    assert newsclean.clean(one, config=FAST).paragraphs == LONG
    linked = page.replace(lines[1], f'<a href="/market">{lines[1]}</a>')
    assert newsclean.clean(linked, config=FAST).paragraphs == LONG  # the line below the link is one alone


def test_a_line_of_links_between_two_paragraphs_is_kept_with_them() -> None:
    # The article's own cross-reference between two of its paragraphs, mostly link text: page_furniture
    # removes it as a short link block; between two kept <p> blocks it goes back (as trafilatura keeps it).
    cited = '<a href="/news/harbour">Harbour ferry returns after winter repairs</a> (March 2024)'
    page = long_article().replace("<p>" + LONG[2], f"<p>{cited}</p><p>" + LONG[2])
    doc = newsclean.clean(page, config=FAST)
    assert doc.paragraphs == [*LONG[:2], "Harbour ferry returns after winter repairs (March 2024)", *LONG[2:]]
    # Below the article's last paragraph it is no line between two: it stays removed.
    below = long_article().replace(LONG[-1] + "</p>", LONG[-1] + f"</p><p>{cited}</p>")
    assert newsclean.clean(below, config=FAST).paragraphs == LONG
    # A link line with a boilerplate label stays removed, as the text stages remove it from kept text.
    related = page.replace(cited, f"Related: {cited}")
    assert newsclean.clean(related, config=FAST).paragraphs == LONG


def test_linked_entries_of_the_article_s_numbered_list_are_kept_with_it() -> None:
    # A countdown of walks below the article's opening, each a numbered heading over its paragraph;
    # three titles link to the walk's own page, two of them in a row with no kept block of their tag
    # around them. Their numbers continue the kept entries' (4 over a kept 3, 5 over the 4 found), so
    # they are the list's.
    titles = ["The old weir and the mill race", "Through the water meadows", "Along the railway embankment",
              "Round the boating lake", "Up to the signal box"]
    linked = {5, 4, 1}
    body = []
    for number, (title, paragraph) in zip(range(5, 0, -1), zip(titles, LONG[1:])):
        heading = f'<a href="/walks/{number}">{title}</a>' if number in linked else title
        body.append(f"<h2>{number}. {heading}</h2><p>{paragraph}</p>")
    page = article_html(paragraphs=[LONG[0], *LONG[6:]]).replace("<p>" + LONG[6], "".join(body) + "<p>" + LONG[6])
    doc = newsclean.clean(page, config=FAST)
    entries = [f"{number}. {title}" for number, title in zip(range(5, 0, -1), titles)]
    assert doc.paragraphs == [LONG[0], *[line for pair in zip(entries, LONG[1:]) for line in pair], *LONG[6:]]
    # Numbered links without a kept entry of their numbering (a rail of most-read titles between the
    # paragraphs) are no part of it: they stay removed.
    rail = "".join(f'<p><a href="/top/{n}">{n}. {title}</a></p>' for n, title in enumerate(titles[:3], 1))
    plain = long_article().replace("<p>" + LONG[3], rail + "<p>" + LONG[3])
    assert newsclean.clean(plain, config=FAST).paragraphs == LONG


def test_a_list_article_s_section_headings_set_as_links_are_kept_with_it() -> None:
    # Three cafés by the new park, each an <h3> linking to the café's own site over its review: the
    # headings are link text, between two kept blocks of other tags; three or more of them, each
    # over a paragraph of 40 words or more, are the article's sections.
    cafes = ["The Boathouse Kitchen", "Mill Lane Bakery", "Cafe Ferrovia"]
    reviews = [f"{LONG[n]} {LONG[n + 3]}" for n in (1, 2, 3)]  # a review of 60 words or so each
    sections = "".join(f'<h3><a href="https://cafe{n}.example/">{cafe}</a></h3><p>{review}</p>'
                       for n, (cafe, review) in enumerate(zip(cafes, reviews)))
    page = article_html(paragraphs=[LONG[0], *LONG[7:]]).replace("<p>" + LONG[7], sections + "<p>" + LONG[7])
    doc = newsclean.clean(page, config=FAST)
    assert doc.paragraphs == [LONG[0], *[line for pair in zip(cafes, reviews) for line in pair], *LONG[7:]]
    # Over a short blurb each (a box of other stories' cards, a headline and its teaser), they stay removed.
    blurbs = ["Queues formed before the doors opened on Saturday.", "Its sourdough sold out by ten.",
              "The menu changes with the trains' timetable."]
    cards = "".join(f'<h3><a href="/news/{n}">{cafe} opens</a></h3><p>{blurb}</p>'
                    for n, (cafe, blurb) in enumerate(zip(cafes, blurbs)))
    boxed = long_article().replace("<p>" + LONG[3], cards + "<p>" + LONG[3])
    assert not {f"{cafe} opens" for cafe in cafes} & set(newsclean.clean(boxed, config=FAST).paragraphs)


def test_sharing_bars_bylines_and_short_promotions_named_by_the_markup_are_removed_inside_the_article() -> None:
    # Written as sentences, inside the article's run of paragraphs: the text stages keep them; the
    # class words say what they are.
    byline = "Maria Lindqvist has covered the council and its planning decisions for the paper since the spring."
    share = "Tell your friends about the new park and send this story to anyone who walks along the river."
    # A promotion's word names the article's own container too (`paywall`): only its short blocks go.
    promo = "Our morning briefing arrives at seven every weekday"
    paragraphs = [*LONG[:3], f'<span class="author-byline__bio">{byline}</span>',
                  f'<em class="social-sharing-prompt">{share}</em>', *LONG[3:5],
                  f'<div class="promo-briefing">{promo}</div>', f'<div class="paywall-body">{LONG[5]}</div>', *LONG[6:]]
    doc = newsclean.clean(article_html(paragraphs=paragraphs), config=FAST)
    assert doc.paragraphs == LONG
    reasons = {b.text: b.removal.reason for b in doc.removed()}
    assert reasons[byline] == 'inside <span class="author-byline__bio">'
    assert reasons[share] == 'inside <em class="social-sharing-prompt">'
    assert reasons[promo] == 'inside <div class="promo-briefing">'


def test_boxes_beside_the_text_named_by_the_markup_are_removed_inside_the_article_at_any_length() -> None:
    # Written as sentences between the article's paragraphs: the text stages keep them; the class
    # words say they are a fact box, an expandable explainer, a donation appeal and a disclaimer, set
    # beside the text.
    facts = ("The park will cover forty hectares of the old rail yard, with three kilometres of paths, two "
             "playgrounds and a pond that collects the rain from the roofs of the new housing around it.")
    explainer = ("The rail yard closed in 1998 when the last freight line moved to the port, and the council bought "
                 "the land from the railway company ten years later after a long dispute over its price.")
    appeal = ("Our reporting on the city is free for everyone to read, and readers who can afford it keep it that "
              "way: a monthly gift of any size pays for the time our journalists spend on stories like this one.")
    disclaimer = ("The author of this story owns shares in the construction company that won the contract for "
                  "the park's paths, and had no part in the council's decision to award it to the company.")
    boxes = {facts: '<div class="article-factbox">', explainer: '<section class="js-expandable-box">',
             appeal: '<div class="donation-appeal">', disclaimer: '<div class="story-disclaimer">'}
    wrapped = [f"{element}<p>{text}</p></{element[1:].split()[0]}>" for text, element in boxes.items()]
    paragraphs = [*LONG[:2], wrapped[0], *LONG[2:4], wrapped[1], *LONG[4:], wrapped[2], wrapped[3]]
    doc = newsclean.clean(article_html(paragraphs=paragraphs), config=FAST)
    assert doc.paragraphs == LONG
    assert {b.text: b.removal.reason for b in doc.removed() if b.text in boxes} == {
        text: f"inside {element}" for text, element in boxes.items()}


def test_an_authors_biography_box_is_removed_at_any_length() -> None:
    # Written as sentences right below the article's last paragraph, opening with the byline's
    # name: the text stages end the article above it (author_box.author_bio_start), and the
    # reason still names its class, which says it is the author's biography.
    bio = ("Maria Lindqvist has reported on the city's council, its budget and its building plans for the paper "
           "since 2015, and before that covered the region's courts for a local radio station.")
    paragraphs = [*LONG, f'<div class="post-author-bio"><p>{bio}</p></div>']
    doc = newsclean.clean(article_html(paragraphs=paragraphs), config=FAST)
    assert doc.paragraphs == LONG
    assert 'inside <div class="post-author-bio">' in {b.text: b.removal.reason for b in doc.removed()}[bio]


def test_a_heading_whose_anchor_holds_a_furniture_word_is_kept() -> None:
    # The id is the heading's own text made an anchor, not the name of a box.
    heading = "Privacy on the new paths"
    paragraphs = [*LONG[:3], f'<h2 id="privacy-on-the-new-paths">{heading}</h2>', *LONG[3:]]
    doc = newsclean.clean(article_html(paragraphs=paragraphs), config=FAST)
    assert heading in doc.paragraphs


def test_a_cookie_dialog_named_by_the_markup_is_removed_at_any_length() -> None:
    # Written as sentences right below the article's last paragraph: the text stages would take it
    # for more of the article; its class word says it is the consent dialog.
    notice = ["We use cookies on this website to remember your settings and to count how many readers visit each "
              "of our pages, so that we can see which stories are read and improve the site for everyone.",
              "Some of these cookies are set by partners who show advertisements on our pages, and they may use "
              "them to build a profile of your interests and show you relevant advertisements on other sites."]
    dialog = "".join(f"<p>{p}</p>" for p in notice)
    page = long_article().replace('<div class="share">', f'<div id="cookie-law-info-bar">{dialog}</div><div class="share">')
    assert dialog in page
    doc = newsclean.clean(page, config=FAST)
    assert doc.paragraphs == LONG
    assert {b.text: b.removal.reason for b in doc.removed()}[notice[0]] == 'inside <div id="cookie-law-info-bar">'


def test_a_card_under_an_empty_link_is_furniture_while_short() -> None:
    # A teaser tile made clickable by an empty link laid over it: the text after the link is the card's.
    card = ('<div class="tile"><a href="/news/other-story" class="primary"></a><span class="kicker">Politics</span>'
            '<div><span>12 March 2024</span> <span>The mayor answers questions about the tram line</span></div></div>')
    article = "".join(f"<p>{p}</p>" for p in LONG)
    doc = parse_html_fast(f"<body>{article}<div class='tiles'><div>Before the link</div>{card}</div></body>")
    assert [(b.text, b.dom.boilerplate) for b in doc.blocks[len(LONG):]] == [
        ("Before the link", None), ("Politics", "a card with an empty link laid over it"),
        ("12 March 2024 The mayor answers questions about the tram line", "a card with an empty link laid over it")]
    # Not a card: an anchor link, an empty link inside a paragraph, a container holding paragraphs of text.
    html = (f"<body><div><a href='#top'></a><p>{LONG[0]}</p></div><p><a href='/x'></a>{LONG[1]}</p>"
            f"<div><a href='/author/maria'></a>{article}</div></body>")
    assert {b.dom.boilerplate for b in parse_html_fast(html).blocks} == {None}


def test_teaser_cards_under_empty_links_below_the_article_are_removed() -> None:
    # Each dek reads as a sentence set with the article; only the empty link over its tile says it
    # is another story's teaser.
    deks = ["The council will vote next week on a new tram line that would link the station with the hospital.",
            "Farmers along the valley say the dry spring has left them with the smallest harvest in a decade."]
    tiles = "".join(f'<div class="tile"><a href="/news/story-{n}" class="primary"></a><div class="full-tile">'
                    f'<span class="hed">{dek}</span></div></div>' for n, dek in enumerate(deks))
    page = long_article().replace('<div class="share">', f'<div class="tiles">{tiles}</div><div class="share">')
    doc = newsclean.clean(page, config=FAST)
    assert doc.paragraphs == LONG
    assert {b.text: b.removal.reason for b in doc.removed()}[deks[0]] == "inside a card with an empty link laid over it"


def test_short_loose_lines_go_from_a_page_written_in_paragraphs_unless_they_head_one() -> None:
    # A save button above a subheading between the article's paragraphs, each in a <div> (and an
    # audio player's buttons below them); the subheading heads the paragraph after it and stays.
    subheading = "What the council decided"
    paragraphs = [*LONG[:4], f"<div>Save for later</div><div>{subheading}</div>", *LONG[4:],
                  '<div class="player"><div>Listen to this article</div><div>1.0x</div></div>']
    page = long_article().replace("\n".join(f"<p>{p}</p>" for p in LONG), "\n".join(
        p if p.startswith("<div") else f"<p>{p}</p>" for p in paragraphs))
    assert "<div>Save for later</div>" in page
    doc = newsclean.clean(page, config=FAST)
    assert doc.paragraphs == [*LONG[:4], subheading, *LONG[4:]]
    reasons = {b.text: b.removal.reason for b in doc.removed()}
    assert reasons["Save for later"] == "a short loose line on a page written in paragraphs"
    # A page written in <div>s keeps its lines.
    divs = long_article().replace("<p>", "<div>").replace("</p>", "</div>")
    assert newsclean.clean(divs.replace("<div>" + LONG[3], "<div>Save for later</div><div>" + LONG[3]),
                           config=FAST).paragraphs.count("Save for later") == 1


def test_trafilatura_engine_is_the_default_and_keeps_its_stages() -> None:
    doc = newsclean.clean(article_html())
    assert Config().html_engine == "trafilatura"
    assert stages_for(doc) == HTML_STAGES and all(b.dom is None for b in doc.blocks)
    assert doc.paragraphs == PARAGRAPHS


def test_auto_engine_asks_trafilatura_only_when_unsure() -> None:
    auto = Config(html_engine="auto")
    long = newsclean.clean(long_article(), config=auto)
    assert all(b.dom is not None for b in long.blocks)  # the fast reading was sure: kept
    assert fast_reading_is_sure(newsclean.clean(long_article(), config=FAST), FAST)
    page = article_html(paragraphs=PARAGRAPHS[:3])
    short = newsclean.clean(page, config=auto)  # under SURE_MIN_WORDS: a second look
    assert not fast_reading_is_sure(newsclean.clean(page, config=FAST), FAST)
    assert all(b.dom is None for b in short.blocks) and short.paragraphs == PARAGRAPHS[:3]


def test_auto_engine_is_unsure_when_the_article_keeps_a_second_headline() -> None:
    # A page that runs on into the next story: its headline is an <h1> inside the kept text.
    def page(tag: str) -> str:
        second = f"<{tag}>Council approves a new bus depot beside the ring road</{tag}>"
        return article_html(paragraphs=[*LONG[:4], second, *LONG[4:]])

    subhead = newsclean.clean(page("h2"), config=FAST)
    assert "Council approves a new bus depot beside the ring road" in subhead.paragraphs
    assert fast_reading_is_sure(subhead, FAST)
    two_stories = newsclean.clean(page("h1"), config=FAST)
    assert "Council approves a new bus depot beside the ring road" in two_stories.paragraphs
    assert not fast_reading_is_sure(two_stories, FAST)


def test_auto_engine_is_unsure_when_the_article_leaves_a_fifth_of_its_landmark_out() -> None:
    # A comment thread inside <article>, about a quarter of its words: the fast reading leaves it
    # out, rightly here, but a span that leaves that much of the landmark out is as often cut short.
    comments = [
        "I walked past the site yesterday and the fences are already up, which surprised me a great deal.",
        "Will the old allotments survive the works, or are they being moved somewhere else in the valley?",
        "My children cannot wait for the playground; we have been asking the council for one for years now.",
        "Good news at last, although I do wonder who will pay for the upkeep once the grant has run out.",
        "The lamps under the railway bridge are the best part of the plan, that path is far too dark now.",
    ]
    thread = '<div class="comment-thread"><h3>Comments</h3>'
    thread += "".join(f'<div class="comment"><p>{c}</p></div>' for c in comments)
    doc = newsclean.clean(long_article().replace("</article>", thread + "</div></article>"), config=FAST)
    assert doc.paragraphs == LONG
    assert not fast_reading_is_sure(doc, FAST)


def test_auto_engine_is_unsure_when_the_article_misses_the_json_ld_body_the_page_shows() -> None:
    body = json.dumps({"@type": "NewsArticle", "articleBody": " ".join(LONG)})
    shown = long_article().replace("</head>", f'<script type="application/ld+json">{body}</script></head>')
    assert fast_reading_is_sure(newsclean.clean(shown, config=FAST), FAST)
    # The same body, with two of its paragraphs in a sidebar the fast reading leaves out.
    moved = "".join(f"<p>{p}</p>" for p in MORE[:2])
    split = shown.replace("".join(f"<p>{p}</p>\n" for p in MORE[:2]), "").replace("<aside>", f"<aside>{moved}")
    doc = newsclean.clean(split, config=FAST)
    assert not any(b.kept for b in doc.blocks if b.text in MORE[:2])
    assert not fast_reading_is_sure(doc, FAST)


def test_auto_engine_takes_its_second_look_on_every_entry_point(tmp_path: Path) -> None:
    # Files, bytes and container records go through clean_raw: the CLI's path, not only clean().
    page = article_html(paragraphs=PARAGRAPHS[:3])
    path = tmp_path / "short.html"
    path.write_text(page, encoding="utf-8")
    auto = Config(html_engine="auto")
    for doc in (newsclean.clean_file(str(path), auto), newsclean.clean_bytes(page.encode(), config=auto)):
        assert all(b.dom is None for b in doc.blocks) and doc.paragraphs == PARAGRAPHS[:3]


def test_engine_option_through_the_cli_and_a_config_file(tmp_path: Path) -> None:
    page = tmp_path / "page.html"
    page.write_text(long_article(), encoding="utf-8")
    run = [sys.executable, "-m", "newsclean", "clean", str(page), "-f", "json"]
    fast = subprocess.run([*run, "--html-engine", "fast"], capture_output=True, text=True, timeout=60)
    assert fast.returncode == 0, fast.stderr
    record = json.loads(fast.stdout)
    assert any(r["reason"] == "inside <nav>" for r in record["removed"])
    config = tmp_path / "c.toml"
    config.write_text('html_engine = "fast"\n', encoding="utf-8")
    by_file = subprocess.run([*run, "--config", str(config)], capture_output=True, text=True, timeout=60)
    assert json.loads(by_file.stdout) == record
    bad = subprocess.run([*run, "--html-engine", "quick"], capture_output=True, text=True, timeout=60)
    assert bad.returncode == 2 and "quick" in bad.stderr


@pytest.mark.parametrize("engine", ["fast", "trafilatura"])
def test_warc_and_jsonl_inputs_with_each_engine(tmp_path: Path, engine: str) -> None:
    config = Config(html_engine=engine)
    warc = write_warc(tmp_path / "crawl.warc.gz", [{"url": "https://courier.example/park", "body": long_article().encode()}])
    jsonl = tmp_path / "pages.jsonl"
    jsonl.write_text(json.dumps({"url": "https://courier.example/park", "html": long_article()}) + "\n", encoding="utf-8")
    for path in (warc, jsonl):
        (doc,) = newsclean.clean_path(str(path), config)
        assert doc.verdict is Verdict.ARTICLE and doc.paragraphs[0] == PARAGRAPHS[0]
        assert all((b.dom is not None) == (engine == "fast") for b in doc.blocks)
        assert doc.meta.url == "https://courier.example/park"  # the container's URL: where it was fetched
        assert doc.meta.canonical_url == "https://courier.example/news/riverside-park"  # the page's own


def test_diff_report_shows_the_dom_reasons(tmp_path: Path) -> None:
    page = tmp_path / "page.html"
    page.write_text(long_article(), encoding="utf-8")
    result = subprocess.run([sys.executable, "-m", "newsclean", "diff", str(page), "--html-engine", "fast",
                             "--no-color", "--no-pager"], capture_output=True, text=True, timeout=60,
                            env={"COLUMNS": "120", "PATH": ""})
    assert result.returncode == 0, result.stderr
    assert "[boilerplate: inside <nav>] Home News Sport Culture" in result.stdout
    assert "[boilerplate: inside <aside>] Storm closes mountain pass" in result.stdout


def test_the_fast_engine_does_not_import_trafilatura() -> None:
    code = ("import sys, newsclean; from pages import article_html; "
            "newsclean.clean(article_html(), config=newsclean.Config(html_engine='fast')); "
            "print(sorted(m for m in ('trafilatura', 'lxml', 'selectolax') if m in sys.modules))")
    result = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, timeout=60,
                            cwd=Path(__file__).parent)
    assert result.returncode == 0, result.stderr
    assert result.stdout.strip() == "['selectolax']"


@settings(max_examples=200, deadline=None)
@given(st.lists(st.sampled_from(["<p>", "</p>", "<div class='share'>", "</div>", "<br>", "<table><tr><td>", "</td>",
                                 "<a href=x>", "</a>", "<nav>", "<pre>", "</pre>", "<p hidden>", "<script>", "<!--",
                                 "-->", "<svg>", "\n", " ", "word", "Ünïcødé", "\x00", "&amp;", "<", ">"]), max_size=40))
def test_any_markup_reads_into_clean_blocks(parts: list[str]) -> None:
    doc = parse_html_fast("".join(parts))
    for number, block in enumerate(doc.blocks, start=1):
        assert block.line == number and block.text.strip()
        assert block.dom.tag == "pre" or block.text == block.text.strip()  # a listing keeps its indentation
        assert "\x00" not in block.text and 0.0 <= block.dom.link_density <= 1.0
    newsclean.clean("".join(parts), config=FAST)  # and the stages take whatever it made


def test_site_templates_run_in_the_same_place_for_the_fast_reader() -> None:
    # Among the text stages, after the verdict (where it was measured best), not before them all.
    from newsclean.pipeline import TEMPLATE_AFTER, CleanWhatIsLeft, with_templates
    from newsclean.sites import TemplateTable
    from newsclean.stages.template import TemplateStage

    title, furniture, left, *after = with_templates(FAST_HTML_STAGES, TemplateTable())
    assert (title, furniture) == FAST_HTML_STAGES[:2] and isinstance(left, CleanWhatIsLeft) and after == list(FAST_HTML_STAGES[3:])
    at = next(i for i, stage in enumerate(left.stages) if isinstance(stage, TemplateStage))
    assert left.stages[at - 1] is TEMPLATE_AFTER and at > 0


def test_auto_engine_analyses_the_whole_page_once_and_names_its_language() -> None:
    auto = Config(html_engine="auto")
    page = long_article().replace('<html lang="en">', "<html>")
    doc = newsclean.clean(page, config=auto)
    assert all(b.dom is not None for b in doc.blocks)  # the fast reading, kept
    assert doc.meta.language is None and doc.analysis is not None
    assert len(doc.analysis.lines) == len(doc.blocks) and doc.analysis.language == "en"
    fresh = newsclean.clean(page, config=FAST)
    fresh.analysis = None  # the features of every block computed from scratch agree with the reused ones
    assert [f.is_prose for f in analyze(fresh, load_rules()).lines] == [f.is_prose for f in doc.analysis.lines]
    assert json.loads(newsclean.to_json(doc))["language"] == "en"


def test_a_standfirst_heading_without_a_full_stop_is_kept_with_the_body_far_below() -> None:
    # A summary in an <h2> ends without a full stop; a photo, its caption, a byline, a date and a
    # sharing bar put the body's first paragraph more than six blocks below the headline.
    standfirst = "Work on the park starts in the autumn and the first paths should open to walkers next summer"
    header = (f'<h2>{standfirst}</h2><figure><img src="p.jpg"><figcaption>The old rail yard</figcaption></figure>'
              '<p class="byline">By Maria Lindqvist</p><div>Reporter</div><div>12 March 2024</div>'
              '<div><a href="/share">Share</a></div><div><a href="/save">Save</a></div>'
              '<div><a href="/listen">Listen</a></div>')
    page = long_article().replace('<p class="byline">By Maria Lindqvist</p>', header)
    doc = newsclean.clean(page, config=FAST)
    assert doc.paragraphs == [standfirst, *LONG]


@pytest.mark.parametrize("date_line", ["Published 12 March 2024, 09:30", "12.03.2024 , 09:30 Uhr",
                                       "By Maria Lindqvist Mar 12 2024, 9:30 AM ET"])
def test_the_date_line_under_the_headline_is_removed(date_line: str) -> None:
    # Below the article's first paragraph, the line model keeps the date line inside the article's
    # run of lines; a dated sentence of the body stays.
    dated = "On 12 March 2024 the council voted to turn the old rail yard into a park for the whole valley."
    paragraphs = [LONG[0], dated, *LONG[1:]]
    page = article_html(paragraphs=paragraphs).replace(f"<p>{dated}</p>", f"<div>{date_line}</div><p>{dated}</p>")
    doc = newsclean.clean(page, config=FAST)
    assert doc.paragraphs == paragraphs
    assert {b.text: b.removal.reason for b in doc.removed()}[date_line] == dom_opening.DATE_LINE


@pytest.mark.parametrize("count", [1, 2, 3])
def test_a_list_of_dates_under_the_headline_stays(count: int) -> None:
    # The date line stage on its own (the span keeps a schedule when it is the page's content: a
    # committee's meetings, a tour's dates). One or two dates under the headline are its date
    # lines ("Published ...", "Updated ..."); three or more are a list the article gives.
    dates = ["Tuesday, 12 March 2024 at 2:30 PM", "Monday, 15 April 2024 at 3:00 PM", "Tuesday, 21 May 2024 at 1:00 PM"][:count]
    page = ("<html><body><h1>Finance committee meetings</h1><p>The committee meets in the board room.</p>"
            + "".join(f"<div>{date}</div>" for date in dates) + f"<p>{LONG[0]}</p></body></html>")
    doc = parse_html_fast(page, config=FAST)
    doc.blocks[0].remove(Stage.TITLE, "headline (kept as the title)")
    dom_opening.mark_date_line(doc, FAST)
    gone = [b.text for b in doc.blocks if b.removal is not None and b.removal.reason == dom_opening.DATE_LINE]
    assert gone == (dates if count < dom_opening.MIN_LISTED_DATES else [])


def test_teaser_blurbs_below_linked_headlines_at_the_article_end_are_removed() -> None:
    # Cards of other stories below the article: a linked headline, then a blurb written as a
    # sentence. The headlines go as link text first; the blurbs left read as paragraphs.
    cards = [("/dam", "Council approves the new dam on the upper river",
              "The vote came after two years of hearings in which farmers and anglers argued over the water."),
             ("/school", "The old school reopens as a library and a cafe",
              "Volunteers spent the winter repainting the classrooms and sorting the books given by residents."),
             ("/bridge", "Repairs close the railway bridge for a month",
              "Trains will stop at the town's edge while engineers replace the rusted beams under the tracks.")]
    teasers = "".join(f'<h2><a href="{href}">{headline}</a></h2><p>{blurb}</p>' for href, headline, blurb in cards)
    page = long_article().replace('<div class="share">', f'{teasers}<div class="share">')
    doc = newsclean.clean(page, config=FAST)
    assert doc.paragraphs == LONG
    reasons = {b.text: b.removal.reason for b in doc.removed()}
    assert all(reasons[blurb] == dom_teasers.TEASER_BLURB for _, _, blurb in cards)


def test_a_link_line_between_paragraphs_goes_back_unless_it_is_a_read_also_label() -> None:
    # One linked line inside the article, and one at its end: no run of teasers. Each stands between
    # two of the article's paragraphs, so it is kept with them (link_lines), unless the boilerplate
    # rules remove it as they would in a dump: "Read also: ..." is a related-story label.
    cited = "Council approves the new dam on the upper river"
    for text, kept in ((cited, True), (f"Read also: {cited}", False)):
        link = f'<p><a href="/dam">{text}</a></p>'
        page = long_article().replace(f"<p>{LONG[-1]}</p>", f"{link}<p>{LONG[-1]}</p>")
        page = page.replace(f"<p>{LONG[3]}</p>", f"{link}<p>{LONG[3]}</p>")
        expected = [*LONG[:3], text, *LONG[3:-1], text, LONG[-1]] if kept else LONG
        assert newsclean.clean(page, config=FAST).paragraphs == expected


# A section front: cards of stories, each a linked headline, a one-sentence blurb and a byline.
SECTION_CARDS = [
    ("Harbour ferries to run through the night", "The city will add late crossings from March after a trial "
     "showed that most night passengers were shift workers.", "By Mara Okafor"),
    ("A village bakery outlasts the supermarket", "Four generations have kept the ovens lit, and the queue on "
     "Saturday mornings now reaches the church.", "By Tomas Reyes"),
    ("Why the lake froze early this year", "Scientists say a dry autumn and clear skies cooled the shallow "
     "water faster than in any winter since records began.", "By Ines Varga"),
    ("The last tram driver of the old line retires", "He drove the same route for thirty-one years and knows "
     "the name of every stop by the sound of its rails.", "By Lena Fischer"),
]


def section_front() -> str:
    cards = "".join(
        f'<div class="card"><h2><a href="/story-{n}">{headline}</a></h2><p>{blurb}</p><p>{byline}</p></div>'
        for n, (headline, blurb, byline) in enumerate(SECTION_CARDS)
    )
    return (
        "<html><head><title>Local news</title></head><body>"
        '<nav><a href="/">Home</a> <a href="/local">Local</a> <a href="/sport">Sport</a></nav>'
        f"<main>{cards}</main><footer>Contact us</footer></body></html>"
    )


def test_a_section_front_whose_teasers_are_its_only_text_keeps_them() -> None:
    # Once the markup removed the cards' linked headlines, the blurbs and bylines are all the page's
    # text: the fast engine keeps them, as the trafilatura engine keeps the teasers it extracts,
    # where a text dump of the same list is no article.
    doc = newsclean.clean(section_front(), config=FAST)
    assert doc.verdict is Verdict.ARTICLE
    blurbs = [blurb for _, blurb, _ in SECTION_CARDS]
    assert [p for p in doc.paragraphs if p in blurbs] == blurbs
    assert not any(p in {headline for headline, _, _ in SECTION_CARDS} for p in doc.paragraphs)


def related_table(rows: list[tuple[str, str]]) -> str:
    """An older portal's table below the story: a label, then rows of a linked headline with a line
    of its story and its date (under half of each cell in the link), then the site's notice."""
    cells = "".join(f"<tr><td>·<a href='/r{n}'>{headline}</a> {rest} (2005-04-0{n + 1})</td></tr>"
                    for n, (headline, rest) in enumerate(rows))
    return (f"<table><tr><td>From the archive</td></tr>{cells}"
            "<tr><td>All content of the Valley Courier portal is supplied by its partners under agreement.</td></tr></table>")


def test_table_cells_of_links_below_the_article_s_last_paragraph_go() -> None:
    rows = [("Ferry fares rise again this spring", "as the council approves the harbour budget"),
            ("Harbour wall to be rebuilt by summer", "after the winter storms damaged its upper half"),
            ("New bridge opens to cyclists and walkers", "while cars wait for a second survey"),
            ("Council picks the park's designer", "from a shortlist of four landscape studios")]
    page = long_article().replace('<div class="share">', related_table(rows) + '<div class="share">')
    doc = newsclean.clean(page, config=FAST)
    assert doc.paragraphs == LONG
    assert {b.removal.reason for b in doc.blocks if b.text.startswith("·")} == {
        "a table's cells below the article's last paragraph (a list of links laid out in a table)"}
    # The article's own table below its last paragraph, without links, is no list of links.
    own = "".join(f"<tr><td>{name}</td><td>{area} hectares of meadow and woodland</td></tr>"
                  for name, area in (("North meadow", 4), ("South meadow", 5), ("Old yard", 2)))
    table = long_article().replace('<div class="share">', f"<table>{own}</table>" + '<div class="share">')
    assert not any(b.removal.reason.startswith("a table's cells") for b in newsclean.clean(table, config=FAST).removed())


def test_an_interviews_last_question_and_its_one_word_answer_stay() -> None:
    # Questions in bold paragraphs, each answered below; the last answer is one word.
    qa = [("What first drew you to beekeeping?", "My grandfather kept six hives behind the orchard, and I helped him "
           "every summer until I was old enough to have my own."),
          ("How has the work changed since then?", "The winters are milder, so the colonies stay active longer and "
           "use up their stores before the first flowers open in spring."),
          ("Do you worry about the mites?", "Every season. We check each hive twice a month and treat only the "
           "ones that need it, which keeps the bees stronger over time."),
          ("What would you tell someone starting out?", "Find a mentor nearby, start with two hives rather than one, "
           "and expect to lose a colony in your first years without giving up."),
          ("And your favourite honey?", "Linden.")]
    body = "".join(f"<p><strong>{q}</strong></p><p>{a}</p>" for q, a in qa)
    html = ("<html><head><title>A life among the hives | Valley Weekly</title></head><body><nav><a href=/>Home</a> "
            "<a href=/people>People</a></nav><article><h1>A life among the hives</h1><p>The beekeeper, who has looked "
            "after the village's hives for forty years, talks about warm winters and patient neighbours.</p>"
            f"{body}<div class=tags><a href=/t/bees>Bees</a> <a href=/t/farming>Farming</a></div></article>"
            "<footer>Valley Weekly, all rights reserved</footer></body></html>")
    doc = newsclean.clean(html, config=FAST)
    assert doc.paragraphs[-2:] == ["And your favourite honey?", "Linden."]
    # A lone question below an article that asks none is still a prompt put to the reader.
    plain = html.replace(body, "".join(f"<p>{a}</p>" for _, a in qa[:4]) + "<p>Did you enjoy this story?</p>")
    assert "Did you enjoy this story?" not in newsclean.clean(plain, config=FAST).paragraphs
