"""model.features.line_features: language-independent signals of one line."""

from __future__ import annotations

from hypothesis import given
from hypothesis import strategies as st

from newsclean.model.features import line_features
from newsclean.parse.text import BULLETS, CJK_FIRST, NUMBERED, is_list_item, list_items, reaches_far_east

NO_STOPWORDS: frozenset[str] = frozenset()


def test_cjk_sentences_need_no_space_between_them() -> None:
    # Hard-wrapped CJK text: two sentences end inside the line, with no space after the stops.
    line = "今天下雨了。我们没有出门。明天应该会晴天，到时候再去公园散步吧"
    features = line_features(line, NO_STOPWORDS)
    assert features.sentences == 2
    assert features.is_prose


def test_a_quote_closed_the_german_or_danish_way_ends_a_sentence() -> None:
    # „…“ and ‚…‘ (German, Czech, Polish), »…« and ›…‹ (Danish, Swiss German): the closing mark
    # after the full stop is “, ‘, « or ‹, and the sentence still ends there.
    for line in ("Sie sagte: „Wir bleiben hier.“", "Er rief: ‚Komm!‘", "Han sagde: »Det er slut.«", "›Nein?‹"):
        assert line_features(line, NO_STOPWORDS).sentence_end, line
    inside = line_features("Sie sagte: „Wir bleiben.“ Dann ging sie nach Hause zurück.", NO_STOPWORDS)
    assert inside.sentences == 2


def test_a_latin_full_stop_inside_a_word_is_no_sentence_end() -> None:
    assert line_features("Visit example.com or call 555.1234 for details about it", NO_STOPWORDS).sentences == 0


def test_myanmar_and_khmer_full_stops_end_sentences() -> None:
    assert line_features("မြန်မာနိုင်ငံတွင် မိုးရာသီ စတင်ပြီ။", NO_STOPWORDS).sentence_end
    assert line_features("ភ្លៀងធ្លាក់នៅថ្ងៃនេះ។", NO_STOPWORDS).sentence_end
    assert not line_features("မြန်မာနိုင်ငံတွင် မိုးရာသီ", NO_STOPWORDS).sentence_end


def test_a_title_case_headline_with_a_full_stop_is_not_prose() -> None:
    headline = "The Best 20 Inventions You've Never Heard Of But Will Definitely Want."
    sentence = "The best inventions are often the ones that nobody has heard of until years later."
    german = "Der Stadtrat hat am Dienstag mit großer Mehrheit die Sanierung des Hallenbads beschlossen."
    assert not line_features(headline, NO_STOPWORDS).is_prose
    assert line_features(sentence, NO_STOPWORDS).is_prose
    assert line_features(german, NO_STOPWORDS).is_prose


def test_a_long_thai_line_ends_a_sentence_without_punctuation() -> None:
    # Thai writes no full stop: a paragraph as long as running text ends where the line ends.
    paragraph = ("ผู้สื่อข่าว ได้รับแจ้ง จากนาย ต. บุตรชาย ของ คนสนิท ที่หายไป ว่า ผลการตรวจ "
                 "เมื่อตรวจสอบแล้ว มีความเกี่ยวพัน ทางสายเลือด กับนาย ต. จริง")
    assert line_features(paragraph, NO_STOPWORDS).sentence_end
    assert line_features(paragraph, NO_STOPWORDS).is_prose
    assert not line_features("หน้าแรก ข่าว กีฬา", NO_STOPWORDS).sentence_end  # a menu


# Characters around the UTF-8 boundaries reaches_far_east reads: CJK_FIRST, the BMP's end, surrogates.
FAR_EAST_EDGES = [chr(c) for c in (0x7F, 0x80, 0x7FF, 0x800, 0x201C, 0x2E7F, 0x2E80, 0x2FFF, 0x3000, 0xD7FF, 0xD800,
                                   0xDFFF, 0xE000, 0xFFFF, 0x10000, 0x10FFFF)]


@given(st.lists(st.one_of(st.sampled_from(FAR_EAST_EDGES), st.characters()), max_size=8).map("".join))
def test_reaches_far_east_is_the_largest_character_test(text: str) -> None:
    assert reaches_far_east(text) == (bool(text) and max(text) >= CJK_FIRST)


def test_all_stopwords_is_one_merged_set_per_rules() -> None:
    """Text in no known language reads every language's stop words, merged once, not per document."""
    from newsclean.rules import load_rules

    rules = load_rules()
    merged = rules.all_stopwords
    assert merged is rules.all_stopwords
    assert merged == frozenset().union(*rules.stopwords.values())
    assert rules.stopwords["en"] < merged and rules.stopwords["de"] < merged


LIST_ITEM_TEXTS = ("+ Added", "* star", "- dash", "• dot", "2. Norway", "12) twelve", "٣. ثلاثة", "１. 全角", "(3)成绩", "（3）成绩单",
                   "3、报名", "3.5亿元", "2015 was a year", "Item", "", " - spaced", "+plus", "¿Qué?", "«Quote»")


@given(st.sampled_from(LIST_ITEM_TEXTS) | st.text(max_size=12))
def test_list_items_agree_with_the_bullet_and_number_tests(text: str) -> None:
    # The first-character gate of is_list_item and list_items says no only where both tests would.
    expected = text.startswith(BULLETS) or bool(NUMBERED.match(text))
    assert is_list_item(text) == expected
    assert list_items([text, "x"]) == [expected, False]


def test_a_page_of_known_language_gets_the_features_its_language_sample_would_give() -> None:
    """With the language given, analyze skips the language sample (its tokens only served lines
    the compiled core leaves, which tokenize their own prefix alike, long lines too): same features."""
    from newsclean.document import Block, Document, Metadata
    from newsclean.model.features import _language_sample, analyze, features_of
    from newsclean.parse.text import FEATURE_PREFIX_CHARS
    from newsclean.rules import load_rules

    rules = load_rules()
    lines = ["Der Minister sagte am Montag, die Gespräche würden „bald“ fortgesetzt.",
             "Plain ASCII prose that the compiled core reads on its own, as usual.", "Ünïcödé » Menü"]
    for extra in ([], ["Länger als das Präfix: " + "Wörter und Sätze. " * (FEATURE_PREFIX_CHARS // 10)]):
        texts = lines + extra
        doc = Document(source="p.html", blocks=[Block(i + 1, t) for i, t in enumerate(texts)],
                       meta=Metadata(language="de"), input_format="html")
        expected = features_of(texts, rules.stopwords["de"], _language_sample(texts))
        assert analyze(doc, rules).lines == expected
