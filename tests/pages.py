"""Test inputs built at test time: a news page as a site serves it, error pages, and a WARC writer."""

from __future__ import annotations

import io
from pathlib import Path

TITLE = "City council approves new riverside park after two years of debate"
PARAGRAPHS = [
    "The city council voted on Tuesday evening to approve a new riverside park, ending a debate "
    "that has divided residents of the eastern districts for more than two years.",
    "The plan turns a disused freight yard along the river into eleven hectares of meadows, "
    "playgrounds and a cycle path that will link the old harbour with the railway station.",
    "Supporters said the park would give thousands of families in dense neighbourhoods their "
    "first green space within walking distance, and would help to cool the area in summer.",
    "Opponents had argued that the land should be sold to developers to pay for repairs to "
    "schools and bridges, and several of them said after the vote that they would keep watching the costs.",
    "Work on the first section is expected to begin in the spring, and the council said the "
    "whole park should be open to the public within four years if the budget holds.",
]
# Accented letters and typographic quotes that a wrong codepage turns into other letters.
FRENCH = [
    "Le conseil municipal a approuvé mardi soir la création d’un parc au bord de la rivière, après deux années de débats.",
    "Les riverains espèrent déjà s’y promener l’été prochain, à l’ombre des arbres plantés le long du quai « naïf ».",
    "Les travaux de la première tranche commenceront au printemps et coûteront près de douze millions d’euros.",
]
CODE = "SELECT district, count(*)\nFROM residents\nGROUP BY district;\nSELECT district, count(*)\nFROM parks\nGROUP BY district;"


def article_html(
    title: str = TITLE,
    paragraphs: list[str] = PARAGRAPHS,
    charset: str = "utf-8",
    code: str | None = None,
) -> str:
    """A news page with navigation, a headline, the article, share links, a related list and a footer."""
    body = "\n".join(f"<p>{p}</p>" for p in paragraphs)
    if code:
        body += f"\n<pre><code>{code}</code></pre>\n<p>{paragraphs[0]} This query counts them again.</p>"
    return f"""<!DOCTYPE html>
<html lang="en"><head><meta charset="{charset}"><title>{title} | The Valley Courier</title>
<meta property="og:title" content="{title}">
<meta name="author" content="Maria Lindqvist">
<meta property="article:published_time" content="2024-03-12T09:30:00Z">
<link rel="canonical" href="https://courier.example/news/riverside-park"></head>
<body>
<header><nav><a href="/">Home</a> <a href="/news">News</a> <a href="/sport">Sport</a> <a href="/culture">Culture</a></nav></header>
<main><article>
<h1>{title}</h1>
<p class="byline">By Maria Lindqvist</p>
{body}
<div class="share"><a href="#">Share on Facebook</a> <a href="#">Share on X</a></div>
</article>
<aside><h2>Most read</h2><ul><li><a href="/a">Storm closes mountain pass</a></li><li><a href="/b">Market hall reopens</a></li></ul></aside>
</main>
<footer><p>© 2024 The Valley Courier. All rights reserved.</p><a href="/privacy">Privacy</a></footer>
</body></html>
"""


ERROR_PAGES = {
    "server_404": "<!DOCTYPE HTML PUBLIC \"-//IETF//DTD HTML 2.0//EN\"><html><head><title>404 Not Found</title></head>"
    "<body><h1>Not Found</h1><p>The requested URL /news/2024/park.html was not found on this server.</p><hr>"
    "<address>Apache/2.4.58 (Debian) Server at courier.example Port 443</address></body></html>",
    "cms_404": "<!doctype html><html lang=\"en\"><head><title>Page not found | The Valley Courier</title></head><body>"
    "<header><nav><a href=\"/\">Home</a><a href=\"/news\">News</a></nav></header><main><h1>Sorry, we couldn't find that page</h1>"
    "<p>The page you are looking for may have been moved, deleted, or possibly never existed.</p>"
    "<p>Try searching our site or return to the <a href=\"/\">homepage</a>.</p></main>"
    "<footer><p>© 2024 The Valley Courier</p></footer></body></html>",
    "bot_check": "<!DOCTYPE html><html lang=\"en-US\"><head><title>Just a moment...</title></head><body>"
    "<div class=\"main-wrapper\"><h1>courier.example</h1><h2>Checking if the site connection is secure</h2>"
    "<noscript><div>Enable JavaScript and cookies to continue</div></noscript>"
    "<div>courier.example needs to review the security of your connection before proceeding.</div></div>"
    "<div class=\"footer\">Ray ID: <code>8a1b2c3d4e5f6071</code> Performance &amp; security by Cloudflare</div></body></html>",
    "consent_wall": "<html><head><title>Before you continue</title></head><body><div class=\"consent\">"
    "<h1>We value your privacy</h1><p>We and our partners use cookies to store and access personal data such as "
    "browsing data for purposes such as serving and personalising content and advertising and analysing site traffic.</p>"
    "<p>You may find out more about the purposes for which we and our partners use cookies or manage your settings "
    "by clicking 'Manage settings'.</p><button>Accept all</button><button>Manage settings</button></div></body></html>",
}


def write_warc(path: Path, records: list[dict], gzip: bool = True) -> Path:
    """Write a WARC with warcio: each record dict has url, body (bytes), and optionally
    type ("response", "resource", "conversion", "request"), content_type, status, headers."""
    from warcio.statusandheaders import StatusAndHeaders
    from warcio.warcwriter import WARCWriter

    with path.open("wb") as handle:
        writer = WARCWriter(handle, gzip=gzip)
        writer.write_record(writer.create_warcinfo_record(path.name, {"software": "newsclean tests"}))
        for spec in records:
            kind = spec.get("type", "response")
            payload = io.BytesIO(spec["body"])
            if kind == "response":
                headers = [("Content-Type", spec.get("content_type", "text/html; charset=utf-8")), *spec.get("headers", [])]
                http = StatusAndHeaders(spec.get("status", "200 OK"), headers, protocol="HTTP/1.1")
                record = writer.create_warc_record(spec["url"], "response", payload=payload, http_headers=http)
            else:
                warc_headers = {"WARC-Date": spec["date"]} if "date" in spec else None
                record = writer.create_warc_record(
                    spec["url"], kind, payload=payload,
                    warc_content_type=spec.get("content_type", "text/plain"),
                    warc_headers_dict=warc_headers,
                )
            writer.write_record(record)
    return path
