"""The spaCy pipeline: components in config order, sentences on Chinese punctuation, and the
input text kept exactly (every record offset points into it)."""
from __future__ import annotations

import pytest

from extract.figures import FigureWords
from extract.nlp.doc import doc_text


def test_components_run_in_config_order(nlp):
    assert nlp.pipe_names == ["chinese_sentences", "extract_figures", "extract_places",
                              "extract_cooperatives", "extract_projects", "extract_linker"]


@pytest.mark.parametrize("text", [
    "乐陵市朱集镇王双志村11户贫困户红枣4080斤,每亩收益较往年增收1000余元。",
    "标题一行\n“村里给的这4600元真是帮了俺这个家庭了……”4月20日,在孔庄村。 他说:“好!”",
    "ＡＢＣ  两个空格\n\n空行之后",
])
def test_doc_text_is_the_input_text(nlp, text):
    doc = nlp(text)
    assert doc.text == text
    assert doc_text(doc) == text


def test_with_characters_cut_token_i_is_character_i_spaces_included(nlp, monkeypatch):
    """The default segmenter: spaCy's own "char" cut, without aligning words to the text."""
    if getattr(nlp.tokenizer.tokenizer, "segmenter", None) != "char":
        pytest.skip("EXTRACT_SEGMENTER chose a word segmenter")
    text = "合作社 收入\n\n  30万元。\t好"
    doc = nlp.tokenizer(text)
    assert [t.text for t in doc] == list(text)
    assert [t.idx for t in doc] == list(range(len(text)))
    assert doc.char_span(3, 6).text == " 收入", "any character span is a token span"


def test_sentences_keep_closing_quotes_and_break_at_line_ends(nlp):
    doc = nlp("标题一行\n“村里给的这4600元真是帮了俺这个家庭了……”4月20日,在孔庄村。他说:“好!”然后走了")
    assert [doc.text[s:e] for s, e in doc._.sentences.spans] == [
        "标题一行\n", "“村里给的这4600元真是帮了俺这个家庭了……”", "4月20日,在孔庄村。", "他说:“好!”", "然后走了"]
    assert [s.text for s in doc.sents] == [doc.text[s:e] for s, e in doc._.sentences.spans]


def test_figures_component_reads_its_lexicons_back_from_disk(nlp, tmp_path):
    """to_disk writes the lexicon files; from_disk reads edited ones: the rules are data."""
    component = nlp.get_pipe("extract_figures")
    component.to_disk(tmp_path)
    sentence = "村里给每户发放奖励金500元。"
    before = [m for m in nlp(sentence)._.mentions if m.table == "amounts"]
    assert before and before[0].fields["role"] == "other"
    with (tmp_path / "roles.tsv").open("a", encoding="utf-8") as fh:
        fh.write("奖励金\tinvestment\n")
    try:
        component.from_disk(tmp_path)
        after = [m for m in nlp(sentence)._.mentions if m.table == "amounts"]
        assert after[0].fields["role"] == "investment"
    finally:
        component.__init__(FigureWords.load())
