"""Phrase lists never delete real prose: every built-in boilerplate phrase, end-of-article marker
and legal heading, used in running text of its own language, leaves the sentence in the article;
labels and prompts made of the same phrases still go. Users can turn a built-in phrase off."""

from __future__ import annotations

import tomllib
from importlib import resources
from pathlib import Path

import pytest
from conftest import BODY, HEADLINE, dump

import newsclean
from newsclean.config import Config
from newsclean.errors import ConfigError
from newsclean.parse.dump import parse_text_dump
from newsclean.parse.text import fold_variants
from newsclean.rules import PhraseSet, load_rules
from newsclean.stages import mark_boilerplate, mark_footer, mark_in_span

# A sentence of news prose per language, with the phrase in the middle of its running text.
FRAMES = {
    "en": "The committee said on Monday that the words {p} had come up several times during the long hearing, "
          "and that the judge would consider the matter again before the end of the month.",
    "de": "Der Ausschuss teilte am Montag mit, dass die Worte {p} während der langen Anhörung mehrmals gefallen seien "
          "und das Gericht sich vor Ende des Monats erneut damit befassen werde.",
    "fr": "Le comité a indiqué lundi que les mots {p} étaient revenus plusieurs fois pendant la longue audience, "
          "et que le juge examinerait de nouveau la question avant la fin du mois.",
    "es": "El comité dijo el lunes que las palabras {p} habían aparecido varias veces durante la larga audiencia, "
          "y que el juez volvería a estudiar el asunto antes de que termine el mes.",
    "it": "Il comitato ha detto lunedì che le parole {p} erano emerse più volte durante la lunga udienza, "
          "e che il giudice esaminerà di nuovo la questione prima della fine del mese.",
    "pt": "O comitê disse na segunda-feira que as palavras {p} surgiram várias vezes durante a longa audiência, "
          "e que o juiz voltará a analisar o assunto antes do fim do mês.",
    "nl": "De commissie zei maandag dat de woorden {p} tijdens de lange hoorzitting meerdere keren waren gevallen, "
          "en dat de rechter de zaak voor het einde van de maand opnieuw zal bekijken.",
    "pl": "Komisja poinformowała w poniedziałek, że słowa {p} padły kilka razy podczas długiego przesłuchania, "
          "a sędzia ponownie rozpatrzy sprawę przed końcem miesiąca.",
    "ru": "Комиссия сообщила в понедельник, что слова {p} несколько раз прозвучали во время долгого слушания, "
          "и судья вновь рассмотрит этот вопрос до конца месяца.",
    "zh": "委员会周一表示，{p}这几个字在漫长的听证会上被多次提及，法官将在月底之前再次审议此事，各方对此都表示了关注和期待。",
    "ja": "委員会は月曜日、{p}という言葉が長い公聴会の中で何度も取り上げられたと述べ、裁判官は月末までにこの問題を改めて検討する予定だという。",
    "ko": "위원회는 월요일 {p}라는 말이 긴 청문회 동안 여러 차례 나왔으며 판사가 이달 말 전에 이 문제를 다시 검토할 것이라고 밝혔다.",
    "vi": "Ủy ban cho biết hôm thứ Hai rằng cụm từ {p} đã được nhắc đến nhiều lần trong phiên điều trần kéo dài, "
          "và thẩm phán sẽ xem xét lại vấn đề này trước cuối tháng.",
    "hi": "समिति ने सोमवार को कहा कि लंबी सुनवाई के दौरान {p} शब्द कई बार सामने आए, "
          "और न्यायाधीश महीने के अंत से पहले इस मामले पर फिर से विचार करेंगे।",
    "ar": "قالت اللجنة يوم الاثنين إن عبارة {p} تكررت عدة مرات خلال جلسة الاستماع الطويلة، "
          "وإن القاضي سينظر في المسألة مرة أخرى قبل نهاية الشهر.",
}
# Languages without a frame of their own are tested in the English frame: what is measured is
# whether a phrase inside running text removes the line, which the frame's words barely change.
FALLBACK = "en"
PHRASE_KINDS = ("boilerplate_phrases", "end_markers", "legal_headings", "calls_to_action")


def builtin_phrases() -> list[tuple[str, str, str]]:
    """(language, kind, phrase) for every built-in phrase of the kinds that remove lines."""
    found = []
    for entry in sorted(resources.files("newsclean.rules").iterdir(), key=lambda e: e.name):
        if entry.name.endswith(".toml"):
            data = tomllib.loads(entry.read_text(encoding="utf-8"))
            language = data.get("language", entry.name[:-5])
            found += [(language, kind, phrase) for kind in PHRASE_KINDS for phrase in data.get(kind, [])]
    return found


PHRASES = builtin_phrases()


def removals_of(text: str, config: Config = newsclean.DEFAULT_CONFIG) -> dict[int, tuple[str, str]]:
    """The marks the phrase-list stages (boilerplate, footer, in_span) make on a dump, by line number."""
    doc = mark_in_span(mark_footer(mark_boilerplate(parse_text_dump(text), config), config), config)
    return {b.line: (b.removal.stage.value, b.removal.reason) for b in doc.blocks if b.removal is not None}


def test_the_corpus_covers_every_builtin_phrase_in_many_languages() -> None:
    assert len(PHRASES) > 2000
    assert {language for language, _, _ in PHRASES} >= set(FRAMES)


@pytest.mark.parametrize("language", sorted({language for language, _, _ in PHRASES}))
def test_no_builtin_phrase_removes_a_sentence_that_uses_it(language: str) -> None:
    frame = FRAMES.get(language, FRAMES[FALLBACK])
    sentences = [frame.format(p=phrase) for lang, _, phrase in PHRASES if lang == language]
    # Each sentence stands between two paragraphs of the article, as it would in running text.
    lines = [HEADLINE, BODY[0], BODY[1]]
    for sentence in sentences:
        lines += [sentence, BODY[2]]
    lines += [BODY[3], BODY[4]]
    marks = removals_of(dump(*lines))
    removed = {lines[n - 1]: reason for n, reason in marks.items() if lines[n - 1] in sentences}
    assert removed == {}


@pytest.mark.parametrize(
    "sentence",
    [
        "Court rejects music copyright claim",
        "The copyright claim was dismissed in full.",
        "Lawyers for the labels said they would read more closely before deciding whether to appeal.",
        "Its weekly newsletter has 2 million subscribers.",
        '"We have never seen anything like this," the mayor said.',
        '"Follow us," the ferry captain told the passengers as he led them across the mudflats.',
        "The band said all rights reserved by the label in 1998 would now return to its four members.",
        "Comments were closed by the newspaper after a flood of abusive posts on Friday.",
        "Related: the two islands share one ferry and one harbour master.",
        "AC/DC played two concerts on the southern shore last summer.",
        "Analysts at Reuters/Ipsos found support for the new rules at 47 percent.",
        "The water board's second measurement of the shore looked like this:",
        "Das Ergebnis der zweiten Messung am Ufer sah dann so aus, etwa wie folgt:",
    ],
)
def test_the_reported_sentences_stay(sentence: str) -> None:
    lines = [HEADLINE, BODY[0], BODY[1], sentence, BODY[2], BODY[3], BODY[4]]
    assert removals_of(dump(*lines)) == {}


COURT_STORY = [
    "A federal court on Tuesday rejected a claim brought by three record labels against a music streaming "
    "service, ending a dispute that had lasted four years.",
    "The copyright claim was dismissed in full.",
    "The judge wrote that the labels had failed to show that the service had copied any of the recordings "
    "in question, and ordered them to pay the costs of the case.",
    "Lawyers for the labels said they would read more closely before deciding whether to appeal.",
    "The streaming service, which has grown quickly since it launched in 2019, welcomed the ruling in a "
    "short statement on its website on Tuesday evening.",
    "Its weekly newsletter has 2 million subscribers.",
    '"We have never seen anything like this," the mayor said.',
    "The labels have thirty days to decide whether they will appeal the ruling to a higher court, their "
    "lawyers said on Wednesday.",
]


@pytest.mark.parametrize("language", sorted({language for language, kind, _ in PHRASES if kind == "calls_to_action"}))
def test_sentences_that_open_with_a_call_to_action_stay(language: str) -> None:
    # Paragraphs in a row that each open with a prompt's verb, as a how-to's steps would.
    frame = "{p} the full report on the lake, the water board told the farmers on Monday, and then decide how much water to draw this summer."
    sentences = [frame.format(p=phrase.capitalize()) for lang, kind, phrase in PHRASES if lang == language and kind == "calls_to_action"]
    lines = [HEADLINE, BODY[0], BODY[1], *sentences, BODY[2], BODY[3]]
    marks = removals_of(dump(*lines))
    assert {lines[n - 1] for n in marks} & set(sentences) == set()


@pytest.mark.parametrize(("language", "paragraphs"), [
    ("fr", ["Les bateaux ne desservent plus deux des petites îles depuis le début du mois d'août.",
            "Les hydrologues ont mesuré lundi la surface à un mètre vingt sous sa moyenne.",
            "Les agriculteurs doivent réduire leur consommation d'un tiers jusqu'aux pluies d'automne."]),
    ("es", ["Se espera que el nivel del lago siga bajando hasta las lluvias de otoño.",
            "Del total de agua extraída, dos tercios se destinan al riego de los campos.",
            "Entre junio y agosto apenas llovió en toda la cuenca del lago."]),
    ("it", ["Se il livello continuerà a scendere, i traghetti resteranno fermi fino all'autunno.",
            "Se ne parlerà lunedì in consiglio regionale, con i sindaci dei comuni del lago."]),
], ids=["fr-les", "es-se-del-entre", "it-se"])
def test_a_call_to_action_of_one_language_that_is_another_s_function_word_opens_no_prompt(language: str, paragraphs: list[str]) -> None:
    # Norwegian "les" (read), Danish and Swedish "se" (see), Danish "del" (share) and Portuguese
    # "entre" (enter) open prompts there; in French, Spanish and Italian they open sentences.
    # Short paragraphs close together each opening with one are no sign-up widget.
    lines = [HEADLINE, BODY[0], *paragraphs, BODY[1], BODY[2]]
    assert removals_of(dump(*lines)) == {}
    assert all(load_rules().calls_to_action.prefix((word + " x",)) is None for word in ("les", "se", "del", "entre"))


@pytest.mark.parametrize(("line", "marker"), [
    ("Comment les agriculteurs s'adaptent", False),  # a French subheading: "how"
    ("Comment", True), ("Comment (3)", True), ("Comments (12)", True),
])
def test_an_end_marker_that_is_another_language_s_function_word_stands_alone(line: str, marker: bool) -> None:
    from newsclean.model.features import line_features
    from newsclean.stages.markers import is_end_marker

    assert is_end_marker(line_features(line, frozenset()), load_rules()) is marker


def test_a_french_subheading_opening_with_comment_stays() -> None:
    lines = [HEADLINE, BODY[0], BODY[1], "Comment les agriculteurs s'adaptent", BODY[2], BODY[3]]
    assert removals_of(dump(*lines)) == {}


def test_the_reported_article_cleans_whole_with_its_headline() -> None:
    headline = "Court rejects music copyright claim"
    doc = newsclean.clean(dump("Home", "Share", headline, *COURT_STORY, "Sign up for our newsletter"))
    assert doc.meta.title == headline
    assert doc.paragraphs == COURT_STORY


def test_closing_braces_of_a_code_listing_stay() -> None:
    code = ["function check(recording) {", "  if (recording.matches(catalogue)) {", "    return true;", "  }",
            "  return false;", "};"]  # fmt: skip
    marks = removals_of(dump(HEADLINE, *BODY[:3], *code, *BODY[3:]))
    assert marks == {}


@pytest.mark.parametrize(
    ("line", "reason"),
    [
        ("Newsletter", 'navigation or share label ("newsletter")'),
        ("Get our weekly newsletter", 'boilerplate phrase ("newsletter")'),
        # A call to action with no sentence's end is a prompt, however few of its words the phrase is.
        ("Get the top stories from the lake region and the islands delivered to your inbox",
         'boilerplate phrase ("delivered to your inbox")'),
        ("Read more: Lake levels in the north", 'link line ("read more:")'),
        ("RELATED: Ferry services cut as the lake shrinks", 'link line ("related:")'),
        ("Lesen Sie auch: Der Pegel des Bodensees sinkt", 'link line ("lesen sie auch:")'),
        ("延伸阅读：湖泊水位创下历史新低", 'link line ("延伸阅读:")'),  # CJK text's full-width colon
        ("写真：湖の南岸に広がる干潟（7日午前）", 'link line ("写真:")'),
        # A link line's title may run past a prompt's 20 words (a paywall's note glued before it).
        ("Lire aussi : Article réservé à nos abonnés Le niveau du lac atteint un plancher historique après un été presque sans pluie, selon les hydrologues de la région",
         'link line ("lire aussi:")'),
        ("Photo: Jane Doe/Agency", "photo credit"),
        ("Jane Doe/Valley Agency", "photo credit"),
        ("Photo by Jane Doe", "photo credit"),
        ("Sign up for our morning newsletter and get the day's top stories delivered to your inbox.",
         'boilerplate phrase ("delivered to your inbox")'),
        ("Your guide to the region delivered to your inbox daily.", 'boilerplate phrase ("delivered to your inbox")'),
        ("Get the most out of the Courier. Subscribe to our newsletter to receive:",
         'boilerplate phrase ("subscribe to our newsletter")'),
        ("Copyright 2025 The Valley Courier", "copyright line"),
        ("}", "no words (a separator or symbols)"),
    ],
)
def test_labels_and_prompts_made_of_the_phrases_still_go(line: str, reason: str) -> None:
    lines = [HEADLINE, *BODY[:3], line, *BODY[3:]]
    assert removals_of(dump(*lines)) == {5: ("boilerplate", reason)}


# --- Turning built-in phrases off -------------------------------------------------------------


def rules_file(tmp_path: Path, text: str) -> str:
    path = tmp_path / "rules.toml"
    path.write_text(text, encoding="utf-8")
    return str(path)


def test_a_disabled_builtin_phrase_no_longer_removes_lines(tmp_path: Path) -> None:
    text = dump(HEADLINE, *BODY[:3], "Weekly newsletter", *BODY[3:])
    assert removals_of(text) == {5: ("boilerplate", 'boilerplate phrase ("newsletter")')}
    config = Config(rule_files=(rules_file(tmp_path, '[disable]\nboilerplate_phrases = ["Newsletter"]\n'),))
    assert "newsletter" not in load_rules(config.rule_files).boilerplate_phrases.phrases
    assert "sign up for our newsletter" in load_rules(config.rule_files).boilerplate_phrases.phrases
    assert removals_of(text, config) == {}


def test_a_file_may_disable_and_add_at_once(tmp_path: Path) -> None:
    path = rules_file(tmp_path, 'boilerplate_lines = ["donate now"]\n[disable]\nend_markers = ["comments"]\n')
    rules = load_rules((path,))
    assert "donate now" in rules.boilerplate_lines.phrases
    assert "comments" not in rules.end_markers.phrases


@pytest.mark.parametrize(
    ("text", "message"),
    [
        ('[disable]\nboilerplate_phrases = "newsletter"\n',
         'disable.boilerplate_phrases must be a list of strings, not a string (write boilerplate_phrases = ["newsletter"])'),
        ('boilerplate_phrases = "donate now"\n',
         'boilerplate_phrases must be a list of strings, not a string (write boilerplate_phrases = ["donate now"])'),
        ("boilerplate_phrases = [1, 2]\n", "boilerplate_phrases must be a list of strings; it holds a number 1"),
        ('disable = ["newsletter"]\n', "disable must be a table ([disable]), not a list"),
        ('[disable]\nphrases = ["newsletter"]\n', "unknown kinds in [disable]: phrases"),
        ('[disable]\nboilerplate_phrases = ["no such phrase here"]\n',
         '[disable] boilerplate_phrases: "no such phrase here" is not a boilerplate_phrases phrase of any rules file'),
        ("stopwords = [\"the\"]\n", "stopwords must be one string of words, not a list"),
        ("reader_words = [\"you\"]\n", "reader_words must be one string of words, not a list"),
    ],
)
def test_a_malformed_rules_file_is_an_error(tmp_path: Path, text: str, message: str) -> None:
    path = rules_file(tmp_path, text)
    with pytest.raises(ConfigError) as error:
        load_rules((path,))
    assert str(error.value) == f"{path}: {message}"


def test_a_rules_error_is_a_usage_error_on_the_command_line(tmp_path: Path) -> None:
    from click.testing import CliRunner

    from newsclean.cli import main

    path = rules_file(tmp_path, '[disable]\nboilerplate_phrases = "newsletter"\n')
    result = CliRunner().invoke(main, ["clean", "--rules", path, "-"], input=dump(HEADLINE, *BODY))
    assert result.exit_code == 2
    assert "must be a list of strings" in result.output


# --- Apostrophes ------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("phrase", "line"),
    [("editor's choice", "Editor’s Choice"), ("editor’s choice", "Editor's Choice"), ("readers' picks", "Readers’ picks")],
)
def test_a_phrase_matches_a_line_written_with_the_other_apostrophe(phrase: str, line: str) -> None:
    assert PhraseSet.build({phrase}).equals(fold_variants(line)) is not None


def test_a_marker_with_a_typographic_apostrophe_heads_an_inline_box() -> None:
    # The built-in marker is written "editor's picks"; pages print "Editor’s picks" as often.
    lines = [HEADLINE, *BODY[:3], "Editor’s picks", "The 50 Best Films of the Year", "The 20 Best Albums of All Time", *BODY[3:]]
    assert removals_of(dump(*lines)) == {
        5: ("boilerplate", 'inline box label ("editor s picks")'),
        6: ("boilerplate", 'in an inline box (under "Editor’s picks")'),
        7: ("boilerplate", 'in an inline box (under "Editor’s picks")'),
    }
