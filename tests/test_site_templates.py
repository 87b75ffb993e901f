"""Site templates: the site key, the exact order-independent counts, the threshold, the page-share
guard, the CLI flags and the saved table's round trip."""

from __future__ import annotations

import json
import random
from pathlib import Path

import pytest
from click.testing import CliRunner

import newsclean
from newsclean.cli import main
from newsclean.config import DEFAULT_CONFIG
from newsclean.document import Stage
from newsclean.parse.dump import parse_text_dump
from newsclean.pipeline import stages_for
from newsclean.sites import (
    TemplateLearner,
    TemplateTable,
    line_signature,
    site_key,
    site_of_url,
)
from newsclean.sites.templates import page_signatures
from newsclean.stages.template import mark_template

TEMPLATE_TOP = ["Home", "World news", "Business and markets"]
INSIDE = "Subscribe now to our e-edition for the full story"  # a prompt inside the article's span
TEMPLATE_BOTTOM = ["Read our comment policy before you post a comment.", "Download our app for breaking news alerts"]
TOPICS = ["harbour", "orchard", "railway", "library", "glacier", "festival", "vineyard", "observatory",
          "bakery", "lighthouse", "canal", "meadow"]


def article(topic: str) -> list[str]:
    """Two paragraphs of running text unique to one page."""
    return [
        f"The {topic} committee met on Tuesday to discuss how the {topic} should be repaired before winter, "
        f"and members agreed that the {topic} needs a new plan.",
        f"Residents said the {topic} had been neglected for years; the council promised that work on the "
        f"{topic} would begin in the spring.",
    ]


def page(topic: str, url: str | None = "https://www.example.com/news/{topic}") -> str:
    """A text dump of one page of the example site: header line, template, the article with a
    prompt inside it, template."""
    header = [f" url {url.format(topic=topic)}"] if url else []
    first, second = article(topic)
    return "\n".join([*header, *TEMPLATE_TOP, first, INSIDE, second, *TEMPLATE_BOTTOM]) + "\n"


def write_site(directory: Path, topics: list[str], url: str | None = "https://www.example.com/news/{topic}") -> list[Path]:
    directory.mkdir(parents=True, exist_ok=True)
    paths = []
    for topic in topics:
        path = directory / f"{topic}.txt"
        path.write_text(page(topic, url), encoding="utf-8")
        paths.append(path)
    return paths


# --- the site key ------------------------------------------------------------------------


@pytest.mark.parametrize(("url", "site"), [
    ("https://www.example.com/a", "example.com"),
    ("http://news.bbc.co.uk/2/hi/x.stm", "bbc.co.uk"),
    ("https://web.archive.org/web/20200101000000/https://www.lemonde.fr/article", "lemonde.fr"),
    ("https://web.archive.org/web/2019id_/example.org/b", "example.org"),
    ("https://web.archive.org/web/20200101000000*/https://site.example.net/x", "example.net"),
    ("https://someone.blogspot.com/2020/01/x.html", "someone.blogspot.com"),  # a private suffix: one blog, one site
    ("http://127.0.0.1:8000/x", "127.0.0.1"),
    ("not a url", None),
    ("", None),
    (None, None),
])
def test_site_of_url(url: str | None, site: str | None) -> None:
    assert site_of_url(url) == site


def test_a_dump_names_its_site_by_its_url_header_line_only() -> None:
    doc = newsclean.clean(page("harbour"))
    assert site_key(doc) == "example.com"
    anonymous = newsclean.clean(page("harbour", url=None), source="crawl/example.com/harbour.txt")
    assert site_key(anonymous) is None  # never guessed
    assert site_key(anonymous, from_directory=True) == "example.com"


def test_jsonl_url_field_and_html_canonical_link_name_the_site(tmp_path: Path) -> None:
    records = tmp_path / "crawl.jsonl"
    records.write_text(json.dumps({"url": "https://edition.example.co.uk/x", "text": page("harbour", None)}) + "\n")
    (doc,) = newsclean.clean_path(str(records))
    assert site_key(doc) == "example.co.uk"
    html = ('<html><head><link rel="canonical" href="https://www.example.org/news/1"><title>A</title></head>'
            "<body><article><p>" + " ".join(article("orchard")) + "</p></article></body></html>")
    assert site_key(newsclean.clean(html)) == "example.org"


# --- signatures and counting ---------------------------------------------------------------


def test_line_signature_is_stable_and_normalised() -> None:
    # A fixed value: the signature must not change between processes or runs (no salted hash()).
    assert line_signature("Subscribe now") == "f3737477f98f823d"
    assert line_signature("SUBSCRIBE   now ") == line_signature("subscribe now")
    assert line_signature("Updated 3 May 2024") == line_signature("Updated 17 May 2025")
    assert line_signature("Updated May") != line_signature("Updated June")
    assert line_signature("12:30 | 2024 — ***") is None  # no letters: never a template line


def learner_of(pages: list[tuple[str, list[str]]], max_pages: int = 300) -> TemplateLearner:
    learner = TemplateLearner(max_pages)
    for site, lines in pages:
        learner.add(site, lines)
    return learner


def site_pages(n: int, site: str = "example.com") -> list[tuple[str, list[str]]]:
    topics = [f"{t}{chr(97 + i // len(TOPICS))}" for i, t in enumerate(TOPICS * (n // len(TOPICS) + 1))][:n]
    return [(site, [*TEMPLATE_TOP, *article(t), *TEMPLATE_BOTTOM]) for t in topics]


def test_counts_are_exact_per_distinct_page() -> None:
    pages = site_pages(5) + site_pages(2, "other.org")
    pages[0][1].append("Home")  # twice on one page: still one page
    pages.append(pages[1])  # the same page again: counted once
    table = learner_of(pages).table()
    assert table.pages == {"example.com": 5, "other.org": 2}
    assert table.count("example.com", line_signature("Home")) == 5
    assert table.count("other.org", line_signature("Home")) == 2
    # A line on one page only is not kept for marking.
    assert table.count("example.com", line_signature(article("harbour")[0])) == 0


def test_counts_do_not_depend_on_the_order_of_pages() -> None:
    pages = site_pages(40) + site_pages(7, "other.org")
    expected = learner_of(pages, max_pages=10).table().to_dict()
    for seed in range(5):
        shuffled = pages[:]
        random.Random(seed).shuffle(shuffled)
        assert learner_of(shuffled, max_pages=10).table().to_dict() == expected
    # Two shards' learners merged learn what one learner of everything learns.
    merged = learner_of(pages[:20], max_pages=10)
    merged.merge(learner_of(pages[20:], max_pages=10))
    assert merged.table().to_dict() == expected


def test_a_learner_needs_room_for_a_page() -> None:
    with pytest.raises(newsclean.ConfigError, match="template_max_pages"):
        TemplateLearner(0)


def test_learning_is_bounded_per_site() -> None:
    table = learner_of(site_pages(30), max_pages=12).table()
    assert table.pages == {"example.com": 12}
    assert table.count("example.com", line_signature("Home")) == 12


def test_tables_of_disjoint_shards_merge_by_adding() -> None:
    left, right = TemplateTable(), TemplateTable()
    for _, lines in site_pages(3):
        left.add_page("example.com", page_signatures(lines))
    for _, lines in site_pages(12)[3:5]:
        right.add_page("example.com", page_signatures(lines))
    both = left.merge(right).pruned()
    assert both.pages == {"example.com": 5}
    assert both.count("example.com", line_signature("Home")) == 5


# --- the threshold and the page-share guard ------------------------------------------------


@pytest.mark.parametrize(("pages", "need"), [(2, 2), (5, 2), (150, 2), (200, 2), (201, 3), (300, 3)])
def test_threshold_is_two_pages_or_one_percent(pages: int, need: int) -> None:
    table = TemplateTable(pages={"s": pages})
    assert table.threshold("s", DEFAULT_CONFIG.template_min_page_share) == need


def test_a_line_on_two_pages_is_template_and_on_one_is_not() -> None:
    lines = [*TEMPLATE_TOP, *article("bakery"), *TEMPLATE_BOTTOM]
    learner = learner_of([("example.com", lines), ("example.com", ["Home", "World news", *article("canal")]),
                          ("example.com", ["Only here once", *article("meadow")])])
    doc = parse_text_dump("\n".join(["Home", "World news", "Only here once", *article("meadow")]), "x")
    doc.meta.url = "https://example.com/x"
    mark_template(doc, DEFAULT_CONFIG, learner.table())
    removed = {b.text: b.removal for b in doc.blocks if b.removal}
    assert list(removed) == ["Home", "World news"]
    assert removed["Home"].stage is Stage.TEMPLATE
    assert removed["Home"].reason == "repeated across the site (on 2 of 3 pages of example.com)"


def test_a_line_that_only_just_recurs_alone_may_be_a_coincidence() -> None:
    # Two versions of a story share one sentence, and a heading recurs: on 2 pages of 3 (the least
    # evidence), with no repeated line beside them. Beside the site's menu, the same lines are template.
    shared, heading = article("glacier")[0], "Conclusion"
    learner = learner_of([("example.com", ["Home", "World news", *article("canal"), shared, heading]),
                          ("example.com", ["Home", "World news", *article("meadow"), shared, heading]),
                          ("example.com", ["Home", "World news", *article("bakery")])])
    doc = parse_text_dump("\n".join(["Home", "World news", article("meadow")[0], shared, article("meadow")[1],
                                      heading, article("harbour")[0]]), "x")
    doc.meta.url = "https://example.com/x"
    mark_template(doc, DEFAULT_CONFIG, learner.table())
    assert [b.text for b in doc.removed()] == ["Home", "World news"]
    beside = parse_text_dump("\n".join(["Home", "World news", shared, *article("harbour"), heading]), "y")
    beside.meta.url = "https://example.com/y"
    mark_template(beside, DEFAULT_CONFIG, learner.table())
    assert [b.text for b in beside.removed()] == ["Home", "World news", shared]


def test_page_share_guard_leaves_a_page_mostly_repeated_alone() -> None:
    story = article("glacier")
    # The same story published twice on the site, with a short template line around it.
    learner = learner_of([("example.com", ["Home", *story]), ("example.com", ["Home", *story, "Corrected."]),
                          ("example.com", ["Home", *article("canal")])])
    doc = parse_text_dump("\n".join(["Home", *story]), "x")
    doc.meta.url = "https://example.com/x"
    mark_template(doc, DEFAULT_CONFIG, learner.table())
    assert doc.removed() == []  # the story is more than half the page: nothing is touched
    other = parse_text_dump("\n".join(["Home", *article("canal")]), "y")
    other.meta.url = "https://example.com/y"
    mark_template(other, DEFAULT_CONFIG, learner.table())
    assert [b.text for b in other.removed()] == ["Home"]


def test_the_template_stage_runs_after_the_verdict_and_before_the_title() -> None:
    for doc in (parse_text_dump("a\n", "x"), newsclean.parse("<html><body><p>A page.</p></body></html>")):
        names = [getattr(stage, "__name__", type(stage).__name__) for stage in stages_for(doc, TemplateTable())]
        assert names.index("decide_verdict") < names.index("TemplateStage") < names.index("mark_title")
        assert "TemplateStage" not in [getattr(s, "__name__", "") for s in stages_for(doc)]


def test_a_passage_of_prose_repeated_on_two_pages_is_a_shared_story_not_a_template() -> None:
    story = article("glacier")
    learner = learner_of([("example.com", ["Home", "Updated", *story, *article("canal"), *article("harbour")]),
                          ("example.com", ["Home", "Updated", *article("meadow"), *story, *article("bakery")])])
    doc = parse_text_dump("\n".join(["Home", "Updated", "By a reporter", *story, *article("canal"),
                                      *article("harbour")]), "x")
    doc.meta.url = "https://example.com/x"
    mark_template(doc, DEFAULT_CONFIG, learner.table())
    assert [b.text for b in doc.removed()] == ["Home", "Updated"]
    # One repeated sentence alone, or sentences in a run with short lines (a sign-up box), are template.
    box = parse_text_dump("\n".join(["Home", story[0], "Updated", *article("canal"), *article("harbour")]), "y")
    box.meta.url = "https://example.com/y"
    mark_template(box, DEFAULT_CONFIG, learner.table())
    assert [b.text for b in box.removed()] == ["Home", story[0], "Updated"]


def test_the_headline_is_never_taken_from_the_template(tmp_path: Path) -> None:
    def with_prompt(topic: str) -> str:
        return "\n".join([f" url https://www.example.com/news/{topic}", "Home", "World news",
                          "Become a member of our club today", f"Council to repair the {topic} next spring",
                          *article(topic), *TEMPLATE_BOTTOM]) + "\n"

    paths = []
    for topic in TOPICS[:4]:
        paths.append(tmp_path / f"{topic}.txt")
        paths[-1].write_text(with_prompt(topic), encoding="utf-8")
    table = newsclean.learn_templates(paths)
    doc = newsclean.clean_file(str(paths[0]), templates=table)
    assert "Become a member of our club today" in [b.text for b in doc.removed()]
    assert doc.meta.title == f"Council to repair the {TOPICS[0]} next spring"
    # The prompt was already outside the article: it is named for what it is, the header line is not.
    stages = {b.text: b.removal.stage for b in doc.blocks if b.removal}
    assert stages["Become a member of our club today"] is Stage.TEMPLATE
    assert stages["World news"] is Stage.TEMPLATE
    assert stages[f"url https://www.example.com/news/{TOPICS[0]}"] is Stage.HEADER


# --- the API ---------------------------------------------------------------------------------


def test_learn_and_clean_through_the_api(tmp_path: Path) -> None:
    paths = write_site(tmp_path, TOPICS[:4])
    table = newsclean.learn_templates([str(p) for p in paths])
    assert table.pages == {"example.com": 4}
    doc = newsclean.clean_file(str(paths[0]), templates=table)
    template = [b.text for b in doc.removed() if b.removal and b.removal.stage is Stage.TEMPLATE]
    assert INSIDE in template
    assert INSIDE in newsclean.clean_file(str(paths[0])).paragraphs  # only the site's other pages tell
    assert INSIDE not in doc.paragraphs
    assert all(paragraph in doc.paragraphs for paragraph in article(TOPICS[0]))
    # Documents work too, and learning does not mark the caller's document.
    parsed = newsclean.parse(paths[1].read_text())
    assert newsclean.learn_templates([parsed, *paths[2:4]]).pages == {"example.com": 3}
    assert parsed.removed() == []


# --- the CLI ---------------------------------------------------------------------------------


def run_cli(*args: str) -> tuple[int, list[dict[str, object]]]:
    result = CliRunner().invoke(main, ["clean", "-q", "-f", "jsonl", *args])
    return result.exit_code, [json.loads(line) for line in result.stdout.splitlines() if line.startswith("{")]


def stages_of(doc: dict[str, object]) -> list[str]:
    return [str(r["stage"]) for r in doc["removed"]]  # type: ignore[union-attr]


def test_cli_learns_templates_when_pages_share_a_site(tmp_path: Path) -> None:
    write_site(tmp_path / "crawl", TOPICS[:5])
    status, docs = run_cli(str(tmp_path / "crawl"))
    assert status == 0 and len(docs) == 5
    assert all("template" in stages_of(doc) and INSIDE not in str(doc["text"]) for doc in docs)
    status, off = run_cli("--no-site-templates", str(tmp_path / "crawl"))
    assert status == 0 and all("template" not in stages_of(doc) for doc in off)


def test_a_warc_names_each_record_by_its_target_uri(tmp_path: Path) -> None:
    from pages import write_warc

    records = [{"url": f"https://web.archive.org/web/2024/https://www.example.com/{topic}", "type": "resource",
                "body": page(topic, url=None).encode(), "content_type": "text/plain"} for topic in TOPICS[:3]]
    _, docs = run_cli(str(write_warc(tmp_path / "crawl.warc.gz", records)))
    assert len(docs) == 3
    assert all(any("of 3 pages of example.com" in str(r["reason"]) for r in doc["removed"])  # type: ignore[union-attr]
               for doc in docs)


def test_cli_without_urls_needs_site_from_dir(tmp_path: Path) -> None:
    write_site(tmp_path / "example.com", TOPICS[:4], url=None)
    write_site(tmp_path / "other.org", TOPICS[4:6], url=None)
    _, guessed = run_cli(str(tmp_path))
    assert all("template" not in stages_of(doc) for doc in guessed)  # no URL, no site: never one batch-wide guess
    _, by_dir = run_cli("--site-from-dir", str(tmp_path))
    assert all("template" in stages_of(doc) for doc in by_dir)
    reasons = {str(r["reason"]) for doc in by_dir for r in doc["removed"]}  # type: ignore[union-attr]
    assert any("of 4 pages of example.com" in reason for reason in reasons)
    assert any("of 2 pages of other.org" in reason for reason in reasons)


def test_cli_site_map_names_the_sites_of_documents_without_urls(tmp_path: Path) -> None:
    write_site(tmp_path / "nyt", TOPICS[:3], url=None)
    write_site(tmp_path / "other", TOPICS[3:5], url=None)
    site_map = tmp_path / "sites.txt"
    site_map.write_text(f"# pattern site\n{tmp_path}/nyt/* NYTimes.com\n\n")
    _, docs = run_cli("--site-map", str(site_map), str(tmp_path / "nyt"), str(tmp_path / "other"))
    reasons = {str(doc["source"]): [str(r["reason"]) for r in doc["removed"]] for doc in docs}  # type: ignore[union-attr]
    assert all(any("of 3 pages of nytimes.com" in r for r in rs) for src, rs in reasons.items() if "/nyt/" in src)
    assert all(not any("pages of" in r for r in rs) for src, rs in reasons.items() if "/other/" in src)
    site_map.write_text("just-one-field\n")
    result = CliRunner().invoke(main, ["clean", "--site-map", str(site_map), str(tmp_path / "nyt")])
    assert result.exit_code == 2 and "expected `GLOB SITE`" in result.output


def test_saved_templates_clean_a_later_page_alone_like_the_batch(tmp_path: Path) -> None:
    paths = write_site(tmp_path / "crawl", TOPICS[:6])
    table_file = tmp_path / "templates.json"
    _, batch = run_cli("--learn-templates", str(table_file), str(tmp_path / "crawl"))
    saved = TemplateTable.load(table_file)
    assert saved.to_dict() == newsclean.learn_templates([str(p) for p in paths]).to_dict()  # the round trip
    assert TemplateTable.from_dict(json.loads(table_file.read_text())).to_dict() == saved.to_dict()
    _, alone = run_cli("--templates", str(table_file), str(paths[2]))
    assert alone == [doc for doc in batch if doc["source"] == str(paths[2])]
    _, unseen = run_cli("--templates", str(table_file), str(write_site(tmp_path / "new", ["meadow"])[0]))
    assert "template" in stages_of(unseen[0])


def test_diff_learns_like_clean_and_shows_the_stage(tmp_path: Path) -> None:
    write_site(tmp_path / "crawl", TOPICS[:3])
    args = ["diff", "--no-color", "--no-pager", "--details", str(tmp_path / "crawl")]
    shown = CliRunner().invoke(main, args).stdout
    assert "template: repeated across the site (on 3 of 3 pages of example.com)" in shown
    assert "template" not in CliRunner().invoke(main, [*args, "--no-site-templates"]).stdout


def test_cli_rejects_a_bad_templates_file_and_clashing_flags(tmp_path: Path) -> None:
    bad = tmp_path / "bad.json"
    bad.write_text('{"format": "something else"}')
    dump = write_site(tmp_path / "crawl", ["harbour"])[0]
    for args in (["--templates", str(bad)], ["--templates", str(tmp_path / "missing.json")],
                 ["--templates", str(bad), "--no-site-templates"],
                 ["--learn-templates", str(bad), "--no-site-templates"]):
        result = CliRunner().invoke(main, ["clean", *args, str(dump)])
        assert result.exit_code == 2, args


def test_results_do_not_depend_on_input_order_or_jobs(tmp_path: Path) -> None:
    topics = [f"{t}-{n}" for n in ("north", "south", "east", "west", "upper", "lower") for t in TOPICS]
    paths = [str(p) for p in write_site(tmp_path / "a", topics[:40])]
    paths += [str(p) for p in write_site(tmp_path / "b", topics[40:], url="https://blog.other.org/{topic}")]
    # 72 files: enough for a pool of workers with --jobs 2 (POOL_MIN_FILES), for both passes.
    _, forward = run_cli("--jobs", "1", *paths)
    _, backward = run_cli("--jobs", "2", *reversed(paths))
    assert len(forward) == len(paths)
    assert sorted(forward, key=lambda d: str(d["source"])) == sorted(backward, key=lambda d: str(d["source"]))
    assert all("template" in stages_of(doc) for doc in forward)
