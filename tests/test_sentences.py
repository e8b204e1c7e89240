"""The one definition of sentences and clauses (extract.nlp.sentences), without the segmenter."""
from __future__ import annotations

from extract.nlp.sentences import Sentences

QUOTE = "吕廷和是张庄村的贫困户。他说：“每户分了600元。”吕廷和说。"


def _around(sentences: Sentences, needle: str, view) -> str:
    s, e = view(sentences.text.index(needle))
    return sentences.text[s:e]


def test_a_sentence_ends_after_its_closing_quote():
    s = Sentences.of(QUOTE)
    assert _around(s, "600元", s.around) == "他说：“每户分了600元。”"


def test_the_quoted_view_keeps_a_quotation_with_its_attribution():
    s = Sentences.of(QUOTE)
    assert _around(s, "600元", s.quoted_around) == "他说：“每户分了600元。”吕廷和说"


def test_the_quoted_view_ends_at_semicolons_the_written_one_does_not():
    s = Sentences.of("村集体增收5万元；农户增收3万元。")
    assert _around(s, "3万元", s.around) == "村集体增收5万元；农户增收3万元。"
    assert _around(s, "3万元", s.quoted_around) == "农户增收3万元"


def test_a_clause_is_bounded_by_commas_inside_its_sentence():
    s = Sentences.of("全村流转土地1260亩,带动村集体增收34万元。新的一句")
    start = s.text.index("34万元")
    a, b = s.clause(start, start + 4)
    assert s.text[a:b] == "带动村集体增收34万元"


def test_sentences_break_at_line_ends_and_ellipses():
    s = Sentences.of("标题一行\n“村里给的这4600元真是帮了俺……”4月20日,在孔庄村。")
    assert [s.text[a:b] for a, b in s.spans] == ["标题一行\n", "“村里给的这4600元真是帮了俺……”", "4月20日,在孔庄村。"]


def test_starts_move_to_the_token_at_or_after_a_cut():
    import numpy

    text = "甲。乙丙"
    s = Sentences.of(text, numpy.array([0, 1, 2], dtype=numpy.int64))  # "乙丙" one token from 2
    assert s.spans == [(0, 2), (2, 4)]
