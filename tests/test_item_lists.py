"""A list of short items inside the article, most with a number (a recipe's ingredients under
their heading, between the introduction and the method), weighs nothing in the span's choice, so
the span reaches the introduction above it; a byline block's or a teaser box's dated labels, or
a short list, are no such list."""

from __future__ import annotations

from newsclean.config import DEFAULT_CONFIG
from newsclean.model.features import line_features
from newsclean.rules import load_rules
from newsclean.stages.item_lists import item_list_lines
from newsclean.stages.main_text import article_span

ENGLISH = load_rules().stopwords["en"]
INTRO = (
    "This is the lemon cake my grandmother baked every Sunday, and it has never failed me since "
    "the first time I made it on my own in a small kitchen."
)
INGREDIENTS = [
    "Ingredients",
    "225g unsalted butter, softened",
    "225g caster sugar",
    "4 eggs",
    "finely grated zest of 1 lemon",
    "225g self-raising flour",
    "juice of 1½ lemons",
    "Method",
]
METHOD = [
    "Heat the oven to 180C. Beat together the butter and the sugar until pale and creamy, then "
    "add the eggs, one at a time, slowly mixing them through.",
    "Sift in the flour, then add the lemon zest and mix until well combined. Line a loaf tin "
    "with baking paper, then spoon in the mixture and level the top.",
]
MENU = ["Home", "Recipes", "Contact"]


def span(texts: list[str], high: set[int]) -> tuple[int, int]:
    """The article span of English lines, those at `high` scored for the article, the rest against."""
    lines = [line_features(t, ENGLISH) for t in texts]
    scores = [0.4 if i in high else -1.0 for i in range(len(texts))]
    return article_span(lines, texts, scores, {}, DEFAULT_CONFIG, load_rules())[:2]


def test_the_span_reaches_the_introduction_across_a_list_of_ingredients() -> None:
    texts = [*MENU, INTRO, *INGREDIENTS, *METHOD, *MENU]
    first_step = len(MENU) + 1 + len(INGREDIENTS)
    assert span(texts, {len(MENU), first_step, first_step + 1}) == (len(MENU), first_step + len(METHOD))


def test_dated_labels_or_a_short_list_are_no_list_of_items() -> None:
    def items(texts: list[str]) -> set[int]:
        return item_list_lines([line_features(t, ENGLISH) for t in texts], texts)

    # The items, not the next section's heading ("Method") over the method's running text.
    assert items([INTRO, *INGREDIENTS, *METHOD]) == set(range(2, len(INGREDIENTS)))
    byline = ["Jane Doe", "Published May 07, 2025", "Updated 09:15", "17 minute read", "12 comments", "3 shares"]
    assert items([INTRO, *byline, *METHOD]) == set()
    assert items([INTRO, *INGREDIENTS[:4], *METHOD]) == set()
    # Under no running text (a page's menus over a box of counts) a list is none of the article's.
    assert items([*MENU, *INGREDIENTS, *METHOD]) == set()


def test_items_giving_their_quantity_after_a_dash_and_a_unit_s_full_stop() -> None:
    # Made-up Polish recipe: the quantity after the name and a dash, some units abbreviated with
    # a full stop, two items without a number, and the method's heading below the list.
    intro = (
        "Ten placek piekła moja babcia w każdą niedzielę, a jego sekretem jest masło, które musi "
        "mieć temperaturę pokoju, zanim trafi do miski."
    )
    items = ["Składniki", "mąka pszenna — 250 g", "masło — 200 g", "jajka — 3 szt.", "cukier — 2 łyżk.",
             "szczypta soli", "skórka z cytryny", "Przygotowanie"]  # fmt: skip
    method = "Masło utrzyj z cukrem na puszystą masę, potem dodawaj po jednym jajku i mieszaj dalej."
    texts = [intro, *items, method]
    polish = load_rules().stopwords["pl"]
    assert item_list_lines([line_features(t, polish) for t in texts], texts) == set(range(2, len(items)))
