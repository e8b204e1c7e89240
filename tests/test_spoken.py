"""Spoken money without a unit (figures/spoken.py): a table of sentences as speakers say them."""
from __future__ import annotations

import pytest

from extract.figures import read_figures
from extract.figures.spoken import find_spoken_money

# (sentence, [(text, value, value_max, approx, per)])
SPOKEN = [
    ("每个月工资三千二左右。", [("三千二左右", 3200, None, "about", "月")]),
    ("一天一百二，一季下来又挣了七八千。", [("一百二", 120, None, "exact", "天"), ("七八千", 7000, 8000, "exact", "季")]),
    ("一天120块，年底还有分红，去年光分红就拿了四千七。", [("四千七", 4700, None, "exact", None)]),
    ("计件工资，一个月能拿两千二到两千八。", [("两千二到两千八", 2200, 2800, "exact", "月")]),
    ("熟练工一个月能拿三千上下。", [("三千上下", 3000, None, "about", "月")]),
    ("民宿一间房一晚二百六，周末涨到三百二。", [("二百六", 260, None, "exact", "晚"), ("三百二", 320, None, "exact", "晚")]),
    ("最少的也分了四千出头。", [("四千出头", 4000, None, "over", None)]),
    ("一年能挣一万五六。", [("一万五六", 15000, 16000, "exact", "年")]),
    ("光租金一年就有一万三千多，还能打工。", [("一万三千多", 13000, None, "over", "年")]),
    ("俺在园里修枝、套袋，一年能落两万多。", [("两万多", 20000, None, "over", "年")]),
    ("一头架子牛买进来一万二三。", [("一万二三", 12000, 13000, "exact", None)]),
    ("今年分了六千三。", [("六千三", 6300, None, "exact", None)]),
    ("一个月能拿两千八，还能照顾孩子。", [("两千八", 2800, None, "exact", "月")]),
]
# Numbers that count something, or stand after no verb of earning: no spoken money.
NOT_SPOKEN = [
    "流转土地三千二百亩。", "全村两千八百人。", "共有两千多户。", "每年三千多吨。", "一年有三千二百亩。",
    "全镇七八千人口。", "三五千的事情", "挣了三千二百元。",
]


@pytest.mark.parametrize("sentence,expected", SPOKEN, ids=[s for s, _ in SPOKEN])
def test_spoken_amounts(sentence, expected):
    found = [(f.text, f.value, f.value_max, f.approx, f.per) for f in find_spoken_money(sentence)]
    assert found == expected


@pytest.mark.parametrize("sentence", NOT_SPOKEN)
def test_no_spoken_amount(sentence):
    assert find_spoken_money(sentence) == []


def test_a_spoken_amount_is_an_amount_row_and_a_written_one_stays_the_parsers():
    text = "“每月还能挣四千多。”她说,去年光工资就挣了两万四千多元。"
    amounts = [(text[m.start:m.end], m.fields["per"]) for m in read_figures(text) if m.table == "amounts"]
    assert amounts == [("四千多", "月"), ("两万四千多元", None)]


def test_this_part_is_not_one_yuan():
    text = "光加工这一块就赚了七十来万元。"
    assert [text[m.start:m.end] for m in read_figures(text) if m.table == "amounts"] == ["七十来万元"]
