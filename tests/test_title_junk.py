"""Title check set (issue 14): made-up dumps where the line nearest the body is junk in wordings
and languages our rules may not hold (a credit, a caption, a byline with a role, a reading-time
line, a toolbar, a prompt, a breadcrumb, a label, an author's bio), with the real headline a few
lines higher (it must be the title) or absent (the title must be null); and real headlines that
look risky (a question, a quotation, a colon, capitals, two words, other scripts) that must stay."""

from __future__ import annotations

from unicodedata import east_asian_width

import pytest
from conftest import BODY as EN

import newsclean

FR = [
    "Le niveau du plus grand lac du pays est tombé à son point le plus bas depuis le début des relevés, après un été presque sans pluie.",
    "Les hydrologues ont mesuré lundi la surface à un mètre vingt sous sa moyenne, ce qui découvre de larges vasières sur la rive sud.",
    "Les bateaux ne desservent plus deux des petites îles, car les pontons ne peuvent plus être atteints sans danger.",
    "Les agriculteurs qui puisent dans le lac pour irriguer leurs champs doivent réduire leur consommation d'un tiers jusqu'aux pluies d'automne.",
    "Le gouvernement régional a annoncé qu'il réviserait les règles de prélèvement et présenterait de nouvelles propositions avant la fin de l'année.",
]
DE = [
    "Der Wasserstand des größten Sees im Land ist auf den tiefsten Stand seit Beginn der Messungen gefallen, nach einem Sommer mit kaum Regen.",
    "Die Hydrologen haben am Montag einen Pegel von einem Meter zwanzig unter dem langjährigen Mittel gemessen, am Südufer liegen breite Schlammflächen frei.",
    "Die Fähren fahren zwei der kleineren Inseln nicht mehr an, weil die Anleger nicht mehr sicher zu erreichen sind.",
    "Die Landwirte, die Wasser aus dem See für ihre Felder entnehmen, sollen ihren Verbrauch bis zum Herbstregen um ein Drittel senken.",
    "Die Landesregierung will die Regeln für die Wasserentnahme überprüfen und noch vor dem Ende des Jahres neue Vorschläge vorlegen.",
]
PT = [
    "O nível do maior lago do país caiu para o ponto mais baixo desde o início das medições, depois de um verão quase sem chuva.",
    "Os hidrólogos mediram na segunda-feira a superfície a um metro e vinte abaixo da média, o que deixou à vista grandes lamaçais na margem sul.",
    "As balsas deixaram de servir duas das ilhas menores, porque os cais já não podem ser alcançados com segurança.",
    "Os agricultores que tiram água do lago para irrigar os campos terão de reduzir o consumo em um terço até as chuvas de outono.",
    "O governo regional disse que vai rever as regras de captação e apresentar novas propostas antes do fim do ano.",
]
ES = [
    "El nivel del lago más grande del país ha caído a su punto más bajo desde que comenzaron los registros, tras un verano casi sin lluvia.",
    "Los hidrólogos midieron el lunes la superficie a un metro y veinte por debajo de su media, lo que dejó al descubierto amplios lodazales en la orilla sur.",
    "Los transbordadores han dejado de llegar a dos de las islas más pequeñas, porque los embarcaderos ya no se pueden alcanzar con seguridad.",
    "Los agricultores que toman agua del lago para regar sus campos tendrán que reducir su consumo en un tercio hasta las lluvias de otoño.",
    "El gobierno regional dijo que revisará las normas de captación y presentará nuevas propuestas antes de que acabe el año.",
]
RU = [
    "Уровень воды в крупнейшем озере страны опустился до самой низкой отметки за всю историю наблюдений после почти бесснежной зимы и сухого лета.",
    "Гидрологи в понедельник измерили уровень на метр двадцать ниже многолетней нормы, и на южном берегу обнажились широкие илистые отмели.",
    "Паромы перестали ходить к двум небольшим островам, потому что к причалам больше нельзя безопасно подойти.",
    "Фермерам, которые берут воду из озера для полива, велели сократить её расход на треть до осенних дождей.",
    "Региональное правительство пообещало пересмотреть правила водозабора и представить новые предложения до конца года.",
]
ZH = [
    "全国最大湖泊的水位已降至有记录以来的最低点，今年夏天的降雨量还不到往年的一半。",
    "水文学家周一测得湖面比多年平均水位低一点二米，南岸露出了大片泥滩。",
    "由于码头已无法安全停靠，渡轮停止了前往两座小岛的航班。",
    "从湖中取水灌溉的农民被要求在秋雨到来之前把用水量减少三分之一。",
    "地方政府表示将重新审查取水规定，并在年底前提出新的方案。",
]
AR = [
    "انخفض منسوب المياه في أكبر بحيرة في البلاد إلى أدنى مستوى له منذ بدء التسجيلات، بعد صيف لم تهطل فيه الأمطار تقريبا.",
    "وقاس علماء المياه يوم الاثنين سطح البحيرة فوجدوه أدنى من متوسطه بمتر وعشرين سنتيمترا، فظهرت مساحات واسعة من الوحل على الشاطئ الجنوبي.",
    "وتوقفت العبارات عن الإبحار إلى جزيرتين صغيرتين لأن الأرصفة لم يعد من الممكن الوصول إليها بأمان.",
    "وطلب من المزارعين الذين يسحبون المياه من البحيرة لري حقولهم خفض استهلاكهم بمقدار الثلث حتى تهطل أمطار الخريف.",
    "وقالت الحكومة الإقليمية إنها ستراجع قواعد سحب المياه وتقدم مقترحات جديدة قبل نهاية العام.",
]

H_EN = "Lake levels fall to record low after dry summer"
H_FR = "Le lac le plus grand du pays tombe à son niveau le plus bas"
H_DE = "Der größte See im Land fällt auf den tiefsten Stand"
H_PT = "Nível do maior lago do país cai para o ponto mais baixo"
H_ES = "El lago más grande del país cae a su nivel más bajo"
H_RU = "Уровень крупнейшего озера страны упал до рекордного минимума"
H_ZH = "全国最大湖泊水位降至历史最低点"
H_AR = "منسوب أكبر بحيرة في البلاد ينخفض إلى أدنى مستوى"
BODIES = {"en": EN, "fr": FR, "de": DE, "pt": PT, "es": ES, "ru": RU, "zh": ZH, "ar": AR}
HEADLINES = {"en": H_EN, "fr": H_FR, "de": H_DE, "pt": H_PT, "es": H_ES, "ru": H_RU, "zh": H_ZH, "ar": H_AR}

# The junk line nearest the body, by language, with the headline a few lines higher.
JUNK_BELOW_HEADLINE = [
    ("de", ["Bild: Hans Meier/dpa"]),
    ("fr", ["Foto: Jean Martin/AFP"]),
    ("fr", ["Crédit photo Jean Martin"]),
    ("pt", ["Imagem: João Silva/Reuters"]),
    ("en", ["Ferry passengers wait on the dry pier at the southern shore on Monday."]),
    ("fr", ["Par Jean Dupont, envoyé spécial"]),
    ("en", ["12 September 2025 · 4 min read"]),
    ("de", ["12.09.2025, 14:05 Uhr · Lesezeit: 4 Min."]),
    ("en", ["Listen", "Share", "Save"]),
    ("fr", ["Écouter", "Partager", "Commenter"]),
    ("en", ["Sign up for our morning newsletter"]),
    ("de", ["Jetzt die App herunterladen"]),
    ("es", ["Usamos cookies para mejorar su experiencia"]),
    ("en", ["Home > News > Environment"]),
    ("pt", ["Início / Notícias / Ambiente"]),
    ("en", ["ENVIRONMENT"]),
    ("en", ["Maria Lindqvist is our environment correspondent based in Stockholm."]),
    ("en", ["Sponsored"]),
    ("de", ["Anzeige"]),
    ("ru", ["Фото: Иван Петров / ТАСС"]),
]

# Junk alone above the body: no line is a headline.
JUNK_ONLY = [
    ("en", ["Home > News > Environment", "Sign up for our morning newsletter"]),
    ("de", ["Anzeige", "Bild: Hans Meier/dpa"]),
    ("fr", ["Par Jean Dupont, envoyé spécial", "Crédit photo Jean Martin"]),
    ("en", ["Listen", "Share", "Save", "12 September 2025 · 4 min read"]),
    ("pt", ["Imagem: João Silva/Reuters", "Início / Notícias / Ambiente"]),
    ("de", ["Der ausgetrocknete Uferbereich am Südende des Sees (Foto: dpa)"]),  # (a label in brackets)
    # Lines that a lone headline-shaped line among junk must not be: a byline with its role, a
    # date line, a teaser below a "Related" marker.
    ("fr", ["Jean Dupont, envoyé spécial à Genève"]),
    ("fr", ["Publié le 12/09/2025 à 14h05 · Lecture 4 min"]),
    ("de", ["Mehr zum Thema", "Fähren stellen Betrieb ein"]),
    ("en", ["12.09.2025 14:05", "Lake forum threads today"]),  # (a widget's label below the date line)
    # A subscription's trial offer (a duration and an offer word) that names the body's topic.
    ("de", ["Alles über den See und die Fähren — 30 Tage kostenlos"]),
    ("en", ["Lake and ferry reports — 14 days free"]),
    ("es", ["El lago y sus islas — 30 días gratis"]),
]

# Headlines that look risky but are real.
RISKY = [
    ("en", "Is the lake dying?"),
    ("en", "\u201cWe have never seen it this low\u201d"),
    ("en", "Drought: lake levels fall to record low"),
    ("en", "LAKE LEVELS FALL TO RECORD LOW"),
    ("en", "Irrigation cut"),
    ("zh", H_ZH),
    ("ru", H_RU),
    ("ar", H_AR),
    ("ar", "هل تموت البحيرة الكبرى في البلاد؟"),  # (the Arabic question mark is no full stop)
    ("fr", "« Nous n'avons jamais vu le lac aussi bas »"),
    ("de", "Dürre: Der größte See fällt auf Rekordtief"),
    ("en", "Lake ferries run free for 30 passengers"),  # (an offer word and a number, no duration)
    ("en", "Lake levels fall for 30 days in a row"),  # (a duration, no offer word)
]


# A short headline (few words shared with the body) as the only headline-shaped line among junk.
LONE_AMID_JUNK = [
    (["Menu", "Search"], "Is the lake dying?", ["Sign up for our newsletter"]),
    (["Home > News > Environment"], "Is the lake dying?", []),
    (["Advertisement"], "Is the lake dying?", []),
    (["Home"], "Is the lake dying?", ["Ferry passengers wait on the dry pier at the southern shore on Monday.", "Photo: Jane Doe/Reuters"]),
]

# Known limits (each would be taken wrongly today): a two-word headline that shares one word with
# the body scores like a two-word label ("Today's Paper"); a caption or an author's bio without a
# full stop, alone above the body, reads as a headline.
LIMITS = [
    ("en", ["Home", "Lake drying", "12.09.2025"], "Lake drying"),
    ("en", ["Ferry passengers wait on the dry pier at the southern shore"], None),
    ("en", ["Jane Doe writes about climate and water for the paper"], None),
    ("fr", ["Des passagers attendent sur le quai à sec, lundi, au bord du lac"], None),
    ("de", ["Der ausgetrocknete Uferbereich am Südende des Sees", "Bild: Hans Meier/dpa"], None),
    # A quotation that shares no word with the body, with no byline or date line below it.
    ("en", ["Advertisement", "\u201cWe have never seen it this low\u201d"], "\u201cWe have never seen it this low\u201d"),
]


def title_of(lines: list[str], language: str) -> str | None:
    doc = newsclean.clean("\n".join([*lines, *BODIES[language]]) + "\n")
    return doc.meta.title


@pytest.mark.parametrize(("language", "junk"), JUNK_BELOW_HEADLINE, ids=lambda v: v if isinstance(v, str) else v[0][:20])
def test_junk_between_the_headline_and_the_body_is_not_the_title(language: str, junk: list[str]) -> None:
    assert title_of(["Home", HEADLINES[language], *junk], language) == HEADLINES[language]


@pytest.mark.parametrize(("language", "junk"), JUNK_ONLY, ids=lambda v: v if isinstance(v, str) else v[0][:20])
def test_junk_alone_above_the_body_gives_no_title(language: str, junk: list[str]) -> None:
    assert title_of(junk, language) is None


@pytest.mark.parametrize(("language", "headline"), RISKY, ids=lambda v: v[:20])
def test_a_real_headline_that_looks_risky_is_the_title(language: str, headline: str) -> None:
    assert title_of(["Home", headline, "12.09.2025"], language) == headline


@pytest.mark.parametrize(("above", "headline", "below"), LONE_AMID_JUNK, ids=lambda v: v[0][:20] if isinstance(v, list) and v else None)
def test_a_lone_short_headline_amid_junk_is_the_title(above: list[str], headline: str, below: list[str]) -> None:
    assert title_of([*above, headline, *below], "en") == headline


def test_a_quoted_headline_of_two_sentences_at_the_top_of_the_body_is_the_title() -> None:
    # (A quotation ends with the quoted sentence's stop; it is no paragraph of the body.)
    headline = "\u201cWe have never seen the lake this low. Never.\u201d"
    standfirst = "Farmers must cut their use of lake water by a third until the autumn rains arrive, the region said."
    assert title_of(["Home", "Sign up for our newsletter", headline, standfirst, "12.09.2025"], "en") == headline


@pytest.mark.xfail(strict=True, reason="known limit, see LIMITS")
@pytest.mark.parametrize(("language", "lines", "wanted"), LIMITS, ids=lambda v: v if isinstance(v, str) else None)
def test_known_limits(language: str, lines: list[str], wanted: str | None) -> None:
    assert title_of(lines, language) == wanted


def test_a_headline_over_its_standfirst_over_a_teaser_is_the_title() -> None:
    # Three headline-like lines stacked over the body: the headline, its standfirst (no full
    # stop), and below a caption a teaser for another story right above the date line.
    headline = "Record low: the country's largest lake loses a metre of water in one summer"
    lines = ["Home", "Environment", headline,
             "Hydrologists measured the level on Monday, and farmers must cut their use of lake water until the autumn rains",
             "Give this article", "Ferry passengers wait on the dry pier at the southern shore. (Jane Doe)",
             "Ferry services to two islands cancelled as landing stages dry out", "Jane Doe", "Lakeside", "12.09.2025 Updated at 15:10"]
    assert title_of(lines, "en") == headline


def test_lines_of_a_paragraph_broken_at_a_fixed_width_are_no_title() -> None:
    # An old text page breaks its CJK paragraphs at 76 columns (38 wide characters): the first
    # line, a dateline run into the lead sentence, is as wide as the next and is no headline.
    text = "【本报2025年09月12日讯】" + "".join(ZH) + "".join(reversed(ZH))
    lines, line = [], ""
    for character in text:
        if sum(2 if east_asian_width(c) in ("W", "F") else 1 for c in line + character) > 76:
            lines.append(line)
            line = ""
        line += character
    doc = newsclean.clean("\n".join(["首页", "新闻", *lines, line]) + "\n")
    assert doc.meta.title is None


def test_a_long_headline_over_its_byline_below_a_trending_list_is_the_title() -> None:
    # A "Trending" list ends right above the article's head: the headline right above its byline
    # (a section's label between) is no teaser of the list, long as it is.
    headline = ("'We have never seen the lake this low': the country's largest lake loses more than a metre of water"
                " after a summer with half the usual rainfall")
    lines = ["Home", "Trending", "Best laptops", "Phone reviews", "Weather today", "Football scores", "Lake Country travel",
             headline, "News", "By Jane Doe published 12 September 2025", "A big shift, but with some wiggle room",
             "Photo credit: Jane Doe", "Copy link", "Facebook", "X", "WhatsApp", "Reddit", "Email", "Share this article",
             "Join the conversation", "Follow us", "Newsletter", "Subscribe to our newsletter"]
    assert title_of(lines, "en") == headline


def test_a_teaser_of_a_list_whose_items_carry_one_label_is_not_the_title() -> None:
    # Each sponsored teaser carries the same label below it; the headline below the list is the title.
    headline = "Farmers told to cut water use as the lake falls"
    lines = ["Home", "Travel", "Introducing the lake country's best summer ferry trips", "Sponsor Content",
             "The rocky shores of the northern islands", "Sponsor Content", "Festive elegance in a bottle", "Sponsor Content",
             "Print this Page", "Email to a Friend", "Around The Web", headline]
    assert title_of(lines, "en") == headline


def test_a_headline_over_a_toolbar_of_repeated_labels_stays_the_title() -> None:
    # "Post" / "Share" / "Post" under the headline is a toolbar, not a list of labelled teasers.
    headline = "Farmers told to cut water use as the lake falls to a record low"
    assert title_of(["Home", "Environment", headline, "Post", "Share", "Post", "Jane Doe"], "en") == headline


@pytest.mark.parametrize("fields", ["Series: Lake Country Stories Publisher: Riverside Press Author: Jane Doe",
                                    "连载：湖区故事 出版社：河畔出版社 作者：王小明"], ids=["en", "zh"])
def test_a_row_of_fields_is_no_title(fields: str) -> None:
    assert title_of(["Home", fields], "zh" if "：" in fields else "en") is None


def test_a_headline_with_two_colons_stays_the_title() -> None:
    headline = "Drought: Lake Country: the water is at its lowest since records began"
    assert title_of(["Home", headline, "12.09.2025"], "en") == headline


def test_a_subheading_below_a_first_paragraph_of_several_sentences_is_no_title() -> None:
    # The first paragraph ends with a link's word glued on ("… More"), not a full stop: its
    # sentences still make it running text, and the heading below it is a subheading.
    lead = " ".join(EN[:3]) + " More"
    lines = ["Home", lead, "Farmers must cut water use", *EN[3:],
             "The ferries will not return before the autumn rains, the operators said on Monday evening.",
             "Hydrologists expect the lake to recover within two years if the winter brings normal snowfall."]
    assert newsclean.clean("\n".join(lines) + "\n").meta.title is None


def test_a_section_label_run_into_its_row_of_tags_is_not_the_title() -> None:
    # "Section More: Tag Tag Tag" over the headline: a navigation label and its colon inside the line.
    headline = "Why the country's biggest lake could vanish within a decade"
    lines = ["Home", "Climate & Environment More: Hydrologists Farmers Ferries Irrigation", "Climate Environment", headline,
             "Jane Doe", "12.09.2025"]
    assert title_of(lines, "en") == headline


def test_a_headline_with_a_label_word_before_its_colon_stays_the_title() -> None:
    # A kicker ending with a label word ("Watch") and a clause in lower case after the colon.
    headline = "Lake Country Watch: the water is at its lowest since records began"
    assert title_of(["Home", headline, "12.09.2025"], "en") == headline


@pytest.mark.parametrize(("language", "headline", "byline", "caption", "credit"), [
    ("en", "Where have all the lake's waters gone?", "Jane Doe | Published 15 hours ago",
     "Ferry passengers wait on the dry pier at the southern shore", "Image: Hans Meier / Facebook"),
    ("pt", "Para onde foi toda a água?", "Maria Silva · 12.09.2025", "Passageiros esperam no cais seco da margem sul do lago",
     "Foto: João Silva/Reuters"),
    ("de", "Wohin ist all das Wasser verschwunden?", "Hans Meier|vor 3 Stunden",
     "Wartende Fahrgäste am trockenen Anleger am Südufer des Sees", "Bild: Hans Meier/dpa"),
], ids=["en", "pt", "de"])
def test_a_caption_between_the_byline_and_its_credit_is_not_the_title(language: str, headline: str, byline: str, caption: str,
                                                                      credit: str) -> None:
    # The article's head ends at its byline (a name and the article's age, no byline word); the
    # photo's caption below it, over the credit, has no full stop and shares more of the body's
    # words than the headline (a question, a pun).
    assert title_of(["Home", headline, byline, caption, credit], language) == headline


def test_a_name_and_the_articles_age_alone_above_the_body_is_no_title() -> None:
    # (A desk's name that shares the body's words: a byline all the same.)
    assert title_of(["Home", "Southern Shore Ferries | 15 hours ago"], "en") is None


def test_a_photo_credit_in_a_script_without_caption_rules_is_not_the_title() -> None:
    # "<photo copyright> <name>" in Georgian (no rules) over an "Image caption" line, and the
    # next photo's credit and caption open with the same words: with no headline printed, the
    # title is null, not the credit (which shares the body's words).
    lines = ["Home", "Menu", "Share", "ფოტოს საავტორო უფლება Jane Doe (Southern Shore Ferries)",
             "Image caption Ferry passengers wait on the dry pier", *EN[:2],
             "ფოტოს საავტორო უფლება John Roe (Southern Shore Ferries)", "Image caption The southern shore in September", *EN[2:]]
    doc = newsclean.clean("\n".join(lines) + "\n")
    assert doc.meta.title is None
    # (Both credits are the photos', not the article's.)
    assert [block.text for block in doc.blocks if block.kept] == EN


@pytest.mark.parametrize(("label", "part"), [("Lake Country Summer Series", "Lake Country Summer Series, Part Three"),
                                             ("湖区夏季系列报道", "湖区夏季系列报道，第三篇")], ids=["en", "zh"])
def test_a_series_label_that_a_longer_line_names_a_part_of_is_not_the_title(label: str, part: str) -> None:
    # The series' label over the headline, and again below the byline with the part after a
    # comma: the two lines name the series, not one headline printed twice (which agreement
    # would make the title).
    language = "zh" if "，" in part else "en"
    headline = {"en": "Drought leaves largest lake at a record low", "zh": "干旱之下湖泊见底"}[language]
    assert title_of(["Home", label, headline, "Jane Doe", "12.09.2025", part], language) == headline


@pytest.mark.parametrize(("language", "headline", "byline", "credit", "caption"), [
    ("en", "Where have all the lake's waters gone?", "By Jane Doe", "Hans Meier/Reuters",
     "Ferry passengers wait on the dry pier at the southern shore (Monday)"),
    ("de", "Wohin ist all das Wasser verschwunden?", "Von Hans Meier", "Bild: Hans Meier/dpa",
     "Wartende Fahrgäste am trockenen Anleger am Südufer des Sees (Montag)"),
], ids=["en", "de"])
def test_a_caption_below_the_credit_below_the_byline_is_not_the_title(language: str, headline: str, byline: str, credit: str,
                                                                     caption: str) -> None:
    # The photo that opens the article, its credit printed above its caption: the caption
    # (no full stop) shares more of the body's words than the headline (a question).
    assert title_of(["Home", headline, byline, credit, caption], language) == headline


@pytest.mark.parametrize(("language", "headline", "name", "date", "teaser"), [
    ("en", "Where has the country's largest lake gone?", "Jane Doe", "Updated 12 September 2025 - 14:05",
     "Islands Ferries no longer reach two of the smaller islands"),
    ("es", "¿Dónde está el agua del lago?", "Miguel Herrero", "Actualizado 12 septiembre 2025 - 14:05",
     "Islas Los transbordadores ya no llegan a dos de las islas más pequeñas"),
], ids=["en", "es"])
def test_a_teaser_below_a_name_over_the_date_line_is_not_the_title(language: str, headline: str, name: str, date: str,
                                                                   teaser: str) -> None:
    # A related story's kicker run into its teaser, right above the body and below the author's
    # name (no byline word) over the date line: below a byline, it is weighed like a line below one.
    assert title_of(["Home", headline, "Facebook", "WhatsApp", "Email", name, date, teaser], language) == headline


@pytest.mark.parametrize(("language", "headline", "teaser"), [
    ("en", "Mayor at the lake: \u201cWe have never seen it this low\u201d. The farmers: \u201cOur fields need the water\u201d",
     "Ferries: \u201cTwo islands are cut off. The piers are no longer safe\u201d"),
    ("fr", "Le niveau du lac au plus bas : «Nous ne l'avons jamais vu». Les agriculteurs : «Nos champs ont besoin d'eau»",
     "Les bateaux : «Deux îles sont coupées. Les pontons ne sont plus sûrs»"),
], ids=["en", "fr"])
def test_a_headline_of_two_quotations_joined_by_a_full_stop_is_the_title(language: str, headline: str, teaser: str) -> None:
    # A stop right after a quotation's close, before another speaker's quotation, joins the
    # headline's quoted clauses; it is no second sentence (the teaser below keeps its stops inside its quotation).
    assert title_of(["Home", headline, "12.09.2025", teaser], language) == headline


@pytest.mark.parametrize(("language", "headline", "byline", "date"), [
    ("fr", "Comment le plus grand lac du pays est tombé à son niveau le plus bas", "Par Jean Martin", "Publié le 12/09/2025 - 16:00"),
    ("en", "Responses to the drought fall short as lake levels hit a record low", "By Jane Doe", "12 September 2025"),
], ids=["fr", "en"])
def test_a_headline_opening_with_a_markers_word_is_the_title(language: str, headline: str, byline: str, date: str) -> None:
    # "Comment" (French "how"), "Responses": an end-of-article marker's word opens the headline;
    # a marker is a short label, a headline of many words is none.
    assert title_of(["Accueil", headline, byline, date], language) == headline


@pytest.mark.parametrize("mark", ["[^1]", "[1]"])
def test_a_subheading_below_a_long_first_paragraph_with_a_footnote_mark_is_not_the_title(mark: str) -> None:
    # The article's first paragraph, long and of two sentences, ends with a footnote's mark (no
    # full stop last): the article has begun, and the short heading below it is a subheading
    # (which shares more of the body's words than the headline does).
    first = ("The level of the country's largest lake fell on Monday to its lowest point since records began, after a summer "
             "with less than half the usual rainfall. Hydrologists measured the surface at more than a metre below "
             f"its long-term average, exposing wide mud flats along the southern shore.{mark}")
    lines = ["Where did the lake go", "(source)", first, "The lake level, day by day", *EN[2:]]
    assert newsclean.clean("\n".join(lines) + "\n").meta.title == "Where did the lake go"


def _html_page(title: str, paragraphs: list[str]) -> str:
    body = "".join(f"<p>{p}</p>" for p in paragraphs)
    return f"<html><head><title>{title}</title><meta property='og:title' content='{title}'></head><body><h1>{title}</h1>{body}</body></html>"


def test_an_error_pages_own_message_is_not_its_title() -> None:
    # The page is an error page; its <title> and <h1> name the error, no article.
    doc = newsclean.clean(_html_page("HTTPステータス 404 – 見つかりません", ["要求されたリソースは利用できません。"]))
    assert doc.verdict.value == "error_page" and doc.meta.title is None


def test_a_walled_articles_headline_stays_its_title() -> None:
    # A paywall over an article: the page is no article we can give, but its headline is the article's.
    doc = newsclean.clean(_html_page(H_EN, ["Subscribe to continue reading. You have reached your limit of free articles.",
                                             "Already a subscriber? Log in"]))
    assert doc.verdict.value == "error_page" and doc.meta.title == H_EN


@pytest.mark.parametrize("headline", [
    "Das Land beschränkt die Wasserentnahme aus dem See ab dem 15. Oktober",
    "Fähren fahren zwei Inseln nicht mehr an seit dem 12. Juli",
])
def test_a_headline_ending_with_an_ordinal_date_is_the_title(headline: str) -> None:
    # "ab dem 15. Oktober": the stop after a day's number is an ordinal's, no caption's sentence
    # with its credit after the stop ("... auf dem Festival. Jane Doe").
    assert title_of(["Home", headline, "Von Hans Meier"], "de") == headline


@pytest.mark.parametrize(("language", "masthead", "trail"), [
    ("en", "Lake Levels News Centre", "Home >> News >> 2025 news"),
    ("zh", "| 湖泊水位新闻中心 |", "| 首页>>新闻聚焦>>2025年新闻 |"),
], ids=["en", "zh"])
def test_a_masthead_over_the_breadcrumb_is_not_the_title(language: str, masthead: str, trail: str) -> None:
    # A headline stands below the page's breadcrumb; the line above it is the site's or its
    # section's name, however much of the body's topic it names.
    assert title_of([masthead, trail], language) is None
    assert title_of([masthead, trail, HEADLINES[language]], language) == HEADLINES[language]


def test_a_layout_cell_over_the_breadcrumb_is_not_the_html_title() -> None:
    # A page laid out in a table: the news centre's name in a cell over the breadcrumb's cell.
    body = "".join(f"<p>{paragraph}</p>" for paragraph in EN)
    page = ("<html><head><title>Lakes News</title></head><body><table><tr><td>Lake Levels News Centre</td></tr>"
            f"<tr><td>Home &gt;&gt; News &gt;&gt; 2025 news</td></tr></table>{body}</body></html>")
    assert newsclean.clean(page).meta.title is None


@pytest.mark.parametrize(("language", "headline", "standfirst", "byline"), [
    ("en", "The largest lake has never been this low. Farmers want its water",
     "Can a region save its largest lake after a summer without rain?", ["Lakes", "By Jane Doe", "12 September 2025"]),
    ("de", "Der größte See war nie so leer. Die Landwirte wollen sein Wasser",
     "Kann ein Land seinen größten See nach einem Sommer ohne Regen retten?", ["Seen", "Von Hans Meier", "12. September 2025"]),
], ids=["en", "de"])
def test_a_headline_of_two_short_sentences_over_its_standfirst_is_the_title(language: str, headline: str, standfirst: str,
                                                                            byline: list[str]) -> None:
    # Two short sentences, the second without a full stop, right over a question that announces
    # the article: the headline and its standfirst, not a caption over a headline.
    assert title_of(["Home", headline, standfirst, *byline], language) == headline


def test_of_several_h1s_the_one_the_title_repeats_is_the_headline() -> None:
    # The body's subheadings set as <h1>s too: the one that shares most of the body's words is a
    # subheading; the <title> repeats the headline's <h1>.
    head = "Dry summer: is the lake in the north dying?"
    sub = "How far has the level of the country's largest lake fallen?"
    page = (f"<html><head><title>{head} - Lake News - lakes.example</title></head><body><h1>{head}</h1><p>{EN[0]}</p>"
            f"<h1>{sub}</h1><p>{EN[1]}</p><p>{EN[2]}</p><h1>What farmers must do</h1><p>{EN[3]}</p><p>{EN[4]}</p></body></html>")
    assert newsclean.clean(page).meta.title == head


@pytest.mark.parametrize(("language", "headline"), [
    ("en", "The farmers at the country's largest lake after a summer without rain: – Dramatic"),
    ("de", "Die Landwirte am größten See des Landes nach einem Sommer ohne Regen: – Dramatisch"),
], ids=["en", "de"])
def test_a_quotation_a_colon_opens_stays_in_the_title(language: str, headline: str) -> None:
    # A short part after a dash is a site's name at a title's end ("Headline - Site"), but not
    # the quotation the headline's colon opens.
    assert title_of(["Home", headline, "By Jane Doe"], language) == headline


@pytest.mark.parametrize("language", ["en", "de"])
def test_the_line_that_is_a_titles_part_is_the_title(language: str) -> None:
    # A video's title with the site's name in lower case ("Headline | lakes today", no name by
    # its shape), over the headline alone: the headline is the part the page prints by itself,
    # and its line is the one marked as the title.
    headline, body = HEADLINES[language], BODIES[language]
    lines = ["Home", "News", f"{headline} | lakes today", "02:57 min. Available until 06.05.2024.", headline, "12.09.2025, 06:00", *body]
    doc = newsclean.clean("\n".join(lines) + "\n")
    assert doc.meta.title == headline
    marks = [block.removal and block.removal.stage.value for block in doc.blocks]
    assert marks[4] == "title" and marks[2] != "title"


def test_a_lower_case_heading_that_opens_the_page_is_the_title() -> None:
    # A blog that sets its headings in lower case: the page's first line continues no sentence,
    # so it is the headline, not a fragment (below it, the post's whimsical subtitle).
    lines = ["the shrinking lake", "...or, where did all the water go.", *EN]
    assert newsclean.clean("\n".join(lines) + "\n").meta.title == "the shrinking lake"
    # Below a dump's header lines too.
    header = ["url https://lakes.example/notes/levels.html", "date 2025-09-12 200"]
    assert newsclean.clean("\n".join([*header, *lines]) + "\n").meta.title == "the shrinking lake"


def test_a_declared_title_in_lower_case_is_the_html_title() -> None:
    # <title> is never a fragment of a sentence: set in lower case, it still names the article.
    body = "".join(f"<p>{paragraph}</p>" for paragraph in EN)
    page = f"<html><head><title>lowest lake</title></head><body>{body}</body></html>"
    assert newsclean.clean(page).meta.title == "lowest lake"


@pytest.mark.parametrize("headline", ["iPhone photos of the shrinking lake", "eBay sells lake mud"])
def test_a_headline_opening_with_a_name_in_mixed_case_is_the_title(headline: str) -> None:
    # "iPhone", "eBay": a name written with a capital inside, no fragment's lower-case word.
    assert title_of(["Home", headline], "en") == headline


@pytest.mark.parametrize(("language", "pieces"), [
    ("en", ["Notice of the regional government", "on water drawn from the largest lake", "until the autumn rains"]),
    ("zh", ["自治区人民政府关于", "限制从最大湖泊取水", "直至秋雨到来的通告"]),
], ids=["en", "zh"])
def test_a_headline_broken_over_lines_and_printed_whole_elsewhere_is_the_title_whole(language: str, pieces: list[str]) -> None:
    # A narrow column breaks the headline over three lines; the page's header prints it whole,
    # far above, over the site's long menu.
    whole = ("" if language == "zh" else " ").join(pieces)
    menu = [f"Section {k}" for k in range(1, 50)]
    assert title_of([whole, *menu, "Share", "Print", *pieces], language) == whole


def test_a_kicker_over_the_headline_is_not_joined_to_it() -> None:
    # The page prints kicker and headline run together on a line of their own too: two lines read
    # together are a kicker and its headline, and the headline stays the title alone.
    headline = "The largest lake falls to its lowest level since records began"
    assert title_of(["League news", headline, f"League news {headline}", "By Jane Doe"], "en") == headline


@pytest.mark.parametrize(("language", "kicker", "rest", "standfirst"), [
    ("en", "The largest lake", ": lowest level since records began",
     "We can take a dry summer - but not a dry lake! A comment from our editor"),
    ("de", "Der größte See", ": Tiefster Stand seit Beginn der Messungen",
     "Wir können einen trockenen Sommer - aber keinen trockenen See! Ein Kommentar von Hans Meier"),
], ids=["en", "de"])
def test_a_headline_split_at_its_colon_over_two_lines_is_the_title_whole(language: str, kicker: str, rest: str, standfirst: str) -> None:
    # The page's markup set the kicker apart from the rest at the colon; the dump prints the rest
    # on a line of its own that opens with the colon. Read together, they are the headline, not
    # the standfirst below them.
    assert title_of(["Home", kicker, rest, standfirst, "By Jane Doe"], language) == kicker + rest


@pytest.mark.parametrize(("language", "headline"), [
    ("en", "Lake falls by 1.2 metres in one summer"),
    ("en", "Region to cut water drawn from the lake by 2030, 15 years early"),
    ("fr", "Le lac perd 1,2 mètre, un niveau jamais vu par les hydrologues"),
    ("es", "El lago baja 1,2 metros por la sequía del verano"),
    ("de", "Pegel des Sees von 1,2 Metern unter dem Mittel gemessen"),
    ("en", "Storm strands 300 boats by Lake Mara, 40 villages cut off"),
], ids=["en-by-number", "en-by-year", "fr-par", "es-por", "de-von", "en-by-place"])
def test_a_headline_with_numbers_and_a_byline_word_is_the_title(language: str, headline: str) -> None:
    # A byline's word is often a preposition ("by", "par", "por", "von"): with two numbers in the
    # line it is a date line with its author only when a name follows it, not a lower-case word
    # or a number, and when a year or a full date is among them (not a place: "di Jawa Barat").
    assert title_of(["Home", headline], language) == headline


def test_a_date_line_with_its_author_is_still_no_title() -> None:
    headline = "The lake falls to its lowest level since records began"
    assert title_of(["Home", headline, "Tuesday 15 October 2019 by Jane Doe"], "en") == headline
    assert title_of(["Home", "Tuesday 15 October 2019 by Jane Doe"], "en") is None


def test_a_headline_of_two_short_sentences_is_the_title() -> None:
    # "X. Here's what we can do": two short sentences, the second without its full stop, is a
    # headline's style, not a caption's or a paragraph's.
    headline = "The lake is dying. Here's what we can do"
    assert title_of(["Home", "News", headline], "en") == headline


@pytest.mark.parametrize(("language", "headline"), [
    ("en", "Video: Floods cut off 40 villages after the lake bursts its banks"),
    ("zh", "视频：湖水水位降至有记录以来最低"),
], ids=["en-video", "zh-video"])
def test_a_headline_led_by_a_section_name_is_the_title(language: str, headline: str) -> None:
    # "Video: ..." parts like a link line ("Related: ..."), but a section's name over the body is
    # the headline's kicker: it was removed as a link line and the page had no title.
    assert title_of(["Home", headline], language) == headline


def test_a_read_on_link_over_the_body_is_still_no_title() -> None:
    headline = "The lake falls to its lowest level since records began"
    assert title_of(["Home", headline, "Related: Farmers told to cut water use by a third"], "en") == headline
