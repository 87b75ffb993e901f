"""Other posts' titles cut short with an ellipsis at the span's head ("...有纜車的...") are no
article text: the article starts below them, under the date line of its own header when one
follows the list. Titles or sentences trailing off after the article's first paragraph, or fewer
than three of them, leave the start alone."""

from __future__ import annotations

from newsclean.config import DEFAULT_CONFIG
from newsclean.model.features import line_features
from newsclean.rules import load_rules
from newsclean.stages.main_text import article_span
from newsclean.stages.truncated_teasers import TRUNCATED_NOTE, is_truncated, truncated_teasers_end

CUT_TITLES = [
    "【台中】一日遊|彩虹眷村|高美濕地|夜市美食 (附交通...",
    "住宿心得",
    "【南投景點．魚池】伊達邵碼頭~搭船遊湖．有纜車的...",
    "1050312涵碧樓。一泊二食，好吃又好玩！",
    "【南投親子飯店】雲品溫泉酒店：從入住一直玩到退房的...",
    "必吃美食",
    "[遊記] 南投-埔里一日遊(紙教堂、酒廠.......)",
]
CHROME = ["找文章 找部落客", "小明的家", "跳到主文", "相簿", "留言"]
DATE_LINE = "Mar 14 Mon 2016 09:15"
HEADLINE = "清境農場賞花 (1)"
# A blog's paragraphs written without full stops (the edges' trim takes such lines for headings).
BODY = [
    "一早從台中出發沿著山路往清境前進 沿途雲霧繚繞景色宜人讓人忘記旅途的疲累",
    "來到農場時陽光剛好灑在青青草原上 綿羊成群在草地上悠閒地吃草樣子非常可愛",
    "園區內的步道規劃得很好，走起來不會太累，沿路都有解說牌介紹當地的植物與歷史。",
]


def features(texts: list[str]) -> list:
    return [line_features(t, frozenset({"the", "a", "of", "and", "to", "in"})) for t in texts]


def test_cut_titles_end_with_an_ellipsis_maybe_inside_brackets() -> None:
    assert is_truncated("Ten days on the coast: where we slept and what we...")
    assert is_truncated("埔里一日遊(紙教堂、酒廠.......)") and is_truncated("Why the price of coffee keeps…”")
    assert not is_truncated("Prices rose.") and not is_truncated("住宿心得")


def test_the_article_starts_below_the_date_line_under_the_cut_titles() -> None:
    texts = [*CUT_TITLES, *CHROME, DATE_LINE, HEADLINE, *BODY]
    gains = [10.0] * len(texts)
    assert truncated_teasers_end(features(texts), texts, gains, 0, len(texts)) == texts.index(HEADLINE)


def test_without_a_date_line_the_article_starts_where_the_rest_sums_best() -> None:
    texts = [*CUT_TITLES, *CHROME, HEADLINE, *BODY]
    gains = [10.0] * len(CUT_TITLES) + [5.0, 5.0, -20.0, -10.0, -10.0, -5.0] + [30.0] * len(BODY)
    assert truncated_teasers_end(features(texts), texts, gains, 0, len(texts)) == texts.index(BODY[0])


def test_trailing_text_after_the_first_paragraph_or_too_few_cut_lines_leave_the_start() -> None:
    paragraph = "我要談的幾點個人感受其實就是從一個看似很幼稚很無聊的話題切入的，" * 2
    texts = [paragraph, *CUT_TITLES, *BODY]
    assert truncated_teasers_end(features(texts), texts, [10.0] * len(texts), 0, len(texts)) == 0
    two = [CUT_TITLES[0], CUT_TITLES[2], *CHROME, DATE_LINE, HEADLINE, *BODY]
    assert truncated_teasers_end(features(two), two, [10.0] * len(two), 0, len(two)) == 0
    # Three cut lines among many headings are too few to be a list of cut titles.
    sparse = [*CUT_TITLES[:5], *CHROME * 3, CUT_TITLES[6], DATE_LINE, *BODY]
    assert truncated_teasers_end(features(sparse), sparse, [10.0] * len(sparse), 0, len(sparse)) == 0


def test_the_span_skips_the_cut_titles_and_keeps_text_without_full_stops() -> None:
    # Every line scored as text: the span runs over all; the cut titles and the blog's menus go,
    # with their note, and the edges' trim does not take the unpunctuated paragraphs for headings.
    texts = [*CUT_TITLES, *CHROME, DATE_LINE, HEADLINE, *BODY]
    start, end, notes = article_span(features(texts), texts, [1.0] * len(texts), {}, DEFAULT_CONFIG, load_rules(()))
    assert (start, end) == (texts.index(HEADLINE), len(texts))
    assert any(note == TRUNCATED_NOTE and 0 in lines for lines, note in notes)
