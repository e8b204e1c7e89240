"""The left edge of names (extract.nlp.names): the stop words every name rule shares, and the
word layer's words where they decide something."""
from __future__ import annotations

import pytest

from extract.nlp.names import word_start
from extract.nlp.words import words_of


def _start(text: str, name_with_head: str, head: str, **kwargs) -> str:
    """The name word_start leaves when a rule proposed name_with_head (ending in head)."""
    start = text.index(name_with_head)
    head_at = start + name_with_head.index(head)
    return text[word_start(text, start, head_at, **kwargs):head_at + len(head)]


@pytest.mark.parametrize("text,proposed,head,expected", [
    ("县里大力支持江冲村发展黄桃产业。", "支持江冲村", "村", "江冲村"),
    ("“以前我没拿合作社的钱。”", "以前我没拿合作社", "合作社", "合作社"),
    ("大力推行村党支部领办合作社", "推行村党支部领办合作社", "合作社", "村党支部领办合作社"),
])
def test_a_verb_adverb_or_pronoun_inside_a_name_moves_its_left_edge(text, proposed, head, expected):
    assert _start(text, proposed, head) == expected


def test_founding_verbs_and_quoted_names_stay_whole():
    assert _start("茅坝村党支部领办茶叶专业合作社分红", "茅坝村党支部领办茶叶专业合作社", "合作社") \
        == "茅坝村党支部领办茶叶专业合作社"
    assert _start("下党乡成立「下党红」茶叶专业合作社", "「下党红」茶叶专业合作社", "合作社") == "「下党红」茶叶专业合作社"


def test_a_place_the_text_names_is_never_cut():
    text = "仙女镇向巷村桔缘合作社在"
    start = text.index("向巷村")
    keep = ((start, start + 3),)  # the village the places stage found
    assert text[word_start(text, start, text.index("合作社"), keep):] == "向巷村桔缘合作社在"


def test_a_one_character_word_may_not_leave_less_than_min_body():
    text = "帮助各洛村23户村民集中安置"
    start = text.index("各洛村")
    assert word_start(text, start, start + 2, min_body=2) == start


def test_words_carry_offsets_into_their_text():
    text = "支持江冲村发展"
    assert [(text[w.start:w.end], w.tag) for w in words_of(text)][:2] == [("支持", "v"), ("江冲村", "LOC")]
