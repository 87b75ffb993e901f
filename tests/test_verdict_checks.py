"""Our own check set of error, block, wall and listing pages worded unlike the rule lists, and of
articles that only mention such things (tests/verdict_checks.py): the verdict each must get."""

from __future__ import annotations

import pytest
from verdict_checks import CHECKS

import newsclean
from newsclean import Config, PageKind, Stage, Verdict
from newsclean.model.features import LineFeatures, analyze
from newsclean.rules import load_rules
from newsclean.stages.mention import is_mention

# Pages of the check set we do not get right yet (named in benchmarks/results/page_verdicts.md).
KNOWN_MISSES = {"tag-de.html", "search-fr.html", "home-de.html", "article-maintenance-de.txt"}


# A known miss is expected to fail, strictly: once it passes, it must leave KNOWN_MISSES.
@pytest.mark.parametrize(
    "name",
    [
        pytest.param(name, marks=pytest.mark.xfail(strict=True, reason="a known miss")) if name in KNOWN_MISSES else name
        for name in sorted(CHECKS)
    ],
)
def test_check_set_verdicts(name: str) -> None:
    suffix, text, want_article = CHECKS[name]
    assert name.endswith(suffix)
    doc = newsclean.clean_bytes(text.encode("utf-8"), source=name)
    assert (doc.verdict is Verdict.ARTICLE) == want_article, (doc.verdict, doc.page_kind)


def _features(line: str) -> LineFeatures:
    """The features of one line, read as a one-line text dump."""
    doc = newsclean.clean_bytes(line.encode("utf-8"), source="line.txt")
    return analyze(doc, load_rules(Config().rule_files)).lines[0]


@pytest.mark.parametrize(
    "line",
    [
        "A study found that one in four links in old news stories now leads to a 404 error page, "
        "and that many sites never send readers on to the new address of a story.",
        "Les experts en sécurité recommandent de ne jamais réutiliser le même mot de passe pour se "
        "connecter à plusieurs services, rappelle l'agence nationale dans un guide publié jeudi.",
    ],
)
def test_a_long_sentence_with_one_phrase_is_a_mention(line: str) -> None:
    assert is_mention(_features(line), load_rules(Config().rule_files), line)


@pytest.mark.parametrize(
    "line",
    [
        "Page not found",
        "The page you are looking for was not found on this server, it may have been moved or deleted.",
        "We have detected unusual traffic from your network and need to verify you are human before "
        "you continue to the site.",
    ],
)
def test_a_wall_message_is_no_mention(line: str) -> None:
    assert not is_mention(_features(line), load_rules(Config().rule_files), line)


@pytest.mark.parametrize(
    "line",
    [
        'Passengers trying to book tickets on Monday were shown an error message saying "service '
        'temporarily unavailable" for most of the morning, the rail company admitted.',
        "Wer am Dienstag die Seite des Finanzamts aufrief, bekam nur die Fehlermeldung „Seite nicht "
        "gefunden“ zu sehen, obwohl die Frist für die Steuererklärung am selben Abend ablief.",
    ],
)
def test_a_quoted_error_message_is_reported_not_said(line: str) -> None:
    # Without its quotes the sentence holds two phrases: the quoted one is the message it reports.
    assert is_mention(_features(line), load_rules(Config().rule_files), line)


@pytest.mark.parametrize(
    "line",
    [
        "Security experts told customers of the shopping site to change their password as soon as possible.",
        "Os especialistas recomendam trocar a senha de todas as contas que usavam o mesmo endereço.",
    ],
)
def test_a_medium_sentence_naming_a_sign_in_word_is_a_mention(line: str) -> None:
    # 15 to 21 words: an article says "password" in sentences this long, a sign-in box in labels.
    assert is_mention(_features(line), load_rules(Config().rule_files), line)


def test_a_cookie_dialog_sentence_of_that_length_is_no_mention() -> None:
    line = "We and our partners use cookies on this site to measure our audience and to show you ads."
    assert not is_mention(_features(line), load_rules(Config().rule_files), line)


def test_a_wall_quoting_its_own_buttons_is_no_mention() -> None:
    line = ('By clicking "Accept all" you agree that we and our partners may store cookies on your '
            'device to personalise ads and to measure how you use the site.')
    assert not is_mention(_features(line), load_rules(Config().rule_files), line)


@pytest.mark.parametrize(
    "lines",
    [
        # A CDN challenge in Spanish, Portuguese and Italian: "checking your browser before accessing".
        ["Comprobando su navegador antes de acceder a diario.example", "Por favor, espere unos segundos…"],
        ["Verificando o seu navegador antes de acessar o site", "Aguarde alguns segundos."],
        ["Controllo del browser prima di accedere al sito", "Attendi qualche secondo."],
    ],
)
def test_browser_checks_in_other_languages_are_bot_checks(lines: list[str]) -> None:
    doc = newsclean.clean_bytes("\n".join(lines).encode("utf-8"), source="check.txt")
    assert doc.verdict is Verdict.ERROR_PAGE
    assert doc.page_kind is PageKind.BOT_CHECK


@pytest.mark.parametrize(
    "prompt",
    ["Abbonati per leggere l'articolo completo.", "Suscríbete para leer el artículo completo.",
     "Abonnez-vous pour lire l'article en entier.", "Assine para ler a reportagem completa."],
)
def test_subscribe_to_read_cuts_a_teaser_in_other_languages(prompt: str) -> None:
    teaser = ("The council approved the new harbour plan last night after months of talks between "
              "shop owners, fishermen and the people who live in the old town centre.")
    doc = newsclean.clean_bytes(f"Harbour plan approved\n{teaser}\n{prompt}\n".encode("utf-8"), source="wall.txt")
    assert doc.verdict is Verdict.ERROR_PAGE
    assert doc.page_kind is PageKind.PAYWALL


def test_a_headline_opening_with_an_error_phrase_stays_the_title() -> None:
    # "Access denied: ..." heads the article and the <title> repeats it: no error preamble.
    suffix, text, _ = CHECKS["article-denied-headline-en.html"]
    doc = newsclean.clean_bytes(text.encode("utf-8"), source="denied" + suffix)
    assert doc.meta.title == "Access denied: judge orders port authority to open its books"
    assert not [b.text for b in doc.blocks if b.removal is not None and b.removal.stage is Stage.ERROR_PAGE]
