"""teasers.is_teaser_list: headlines with short blurbs are a list of other stories; a listicle's
long paragraphs under headings, and hard-wrapped text, are not."""

from __future__ import annotations

from newsclean.model.features import line_features
from newsclean.stages.teasers import is_hard_wrapped, is_teaser_list

NO_STOPWORDS: frozenset[str] = frozenset()
BLURB = "Officials said the plan would be reviewed again next spring after the public hearing."
LONG = (
    "Officials said the plan would be reviewed again next spring, after a public hearing at which "
    "residents, shop owners and the two schools on the street will be able to speak, and after the "
    "council's own engineers have measured how much traffic the new crossing would really take away."
)


HEADLINES = ["Council votes on new crossing", "Storm closes the mountain pass again this week",
             "Market hall reopens", "Football club signs a young striker from its fiercest rival",
             "Museum extends its opening hours", "Cycle lanes divide opinion in the old town centre"]


def features(texts: list[str]):
    return [line_features(text, NO_STOPWORDS) for text in texts]


def test_headlines_with_one_sentence_blurbs_are_teasers() -> None:
    texts = [line for head in HEADLINES for line in (head, BLURB)]
    assert is_teaser_list(features(texts), texts)
    assert is_teaser_list(features(texts))


def test_headings_over_long_paragraphs_are_a_listicle() -> None:
    texts = [line for head in HEADLINES for line in (head, LONG)]
    assert not is_teaser_list(features(texts), texts)
    assert not is_teaser_list(features(texts))


def test_text_wrapped_at_a_fixed_width_is_not_headlines() -> None:
    # Each sentence wrapped at 40 characters: the cut lines all have one length.
    sentence = "这是一个很长的句子，讲述了这座城市在过去几十年里的变化，以及居民们对未来的期望和担忧，还有他们的故事。"
    texts = []
    for n in range(6):
        text = f"第{n}段" + sentence
        texts += [text[i : i + 40] for i in range(0, len(text), 40)]
    assert is_hard_wrapped(features(texts), texts)
    assert not is_teaser_list(features(texts), texts)


def test_headlines_of_varied_length_are_not_hard_wrapped() -> None:
    assert not is_hard_wrapped(features(HEADLINES), HEADLINES)



def test_a_live_blogs_entries_under_their_times_are_no_teasers() -> None:
    # Short entries, each under its time and no headline: a live blog, below the page's menu.
    entries = ["Ferries to the north shore are running again, the operator said.",
               "The harbour master expects the last delayed boat to dock by noon.",
               "Police have closed the coast road between the two villages.",
               "Wind speeds on the pass reached 140 km/h overnight, the weather service said.",
               "The storm warning for the islands stays in force until Friday."]  # fmt: skip
    texts = ["News", "Weather", "Sport", "Live: storm over the islands", *[line for time, entry in
             zip(["11:40", "10:15", "09:02", "08:20", "07:10"], entries) for line in (time, entry)]]  # fmt: skip
    assert not is_teaser_list(features(texts), texts)
    # With a headline over each, the same short lines are teasers for other stories.
    teasers = ["News", *[line for head, entry in zip(HEADLINES, entries) for line in (head, "11:40", entry)]]
    assert is_teaser_list(features(teasers), teasers)


def test_numbered_tips_counting_from_one_are_no_teasers() -> None:
    # "1. ...", "2. ...": an article of tips, each with a short paragraph; the same headlines
    # unnumbered, or numbered out of order, are still a list of other stories.
    numbered = [f"{n}. {head}" for n, head in enumerate(HEADLINES, 1)]
    texts = [line for head in numbered for line in (head, BLURB)]
    assert not is_teaser_list(features(texts), texts)
    shuffled = [line for n, head in zip((4, 1, 6, 2, 5, 3), HEADLINES) for line in (f"{n}. {head}", BLURB)]
    assert is_teaser_list(features(shuffled), shuffled)
