"""Calls to action in Vietnamese, Hindi, Arabic, Korean and Chinese (rules/*.toml): two prompts
close together between the paragraphs are a widget and go, as in the languages that had a list
before; a sentence that uses the same words stays (test_phrases_in_prose.py)."""

from __future__ import annotations

import pytest
from conftest import BODY, HEADLINE, dump

from test_phrases_in_prose import removals_of

# Made-up prompts as sites in each language word them (support us, join, subscribe, register,
# download the app, watch now, follow), in words no boilerplate phrase holds.
PROMPTS = {
    "vi": ["Ủng hộ chúng tôi để duy trì tờ báo độc lập", "Tham gia ngay nhóm bạn đọc của báo"],
    "hi": ["सदस्यता लें और पाएं हर सुबह की खबरें", "रजिस्टर करें और जीतें इनाम"],
    "ar": ["حمّل التطبيق واحصل على آخر الأخبار", "شاهد الآن التغطية الكاملة للمباراة"],
    "ko": ["구독하기 누르고 매일 아침 뉴스 받기", "팔로우하기 버튼을 누르고 소식 받기"],
    "zh": ["立即下载手机版随时阅读", "欢迎订阅本报晨间快讯"],
}


@pytest.mark.parametrize("language", sorted(PROMPTS))
def test_two_prompts_between_paragraphs_go_as_a_widget(language: str) -> None:
    lines = [HEADLINE, BODY[0], BODY[1], *PROMPTS[language], BODY[2], BODY[3], BODY[4]]
    marks = removals_of(dump(*lines))
    assert {n for n, (_, reason) in marks.items() if "widget" in reason} == {4, 5}
