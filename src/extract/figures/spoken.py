"""Spoken money without a unit: `一个月能挣三千二左右`, `一天一百二`, `一年下来七八千`,
`最少的也分了四千出头`. A speaker drops 元/块 after a verb of earning; the number alone, written
in Chinese numerals with 千/百 (or 万 and a digit after it), is the money. Elsewhere such a number
counts something else (`三千二百亩`), so it is read only right after such a verb and only where no
unit follows it. `find_spoken_money` is the entry point; read_figures adds what it finds to the
parser's figures.
"""
from __future__ import annotations

import regex as re

from .grammar import CN_DIGITS
from .parse import Figure

DIGIT = "一二两三四五六七八九"
SPOKEN = re.compile(
    rf"(?<![\d{DIGIT}十百千万亿])(?P<head>[{DIGIT}]{{1,2}})(?P<place>[千百万])"
    rf"(?:(?P<sub>[{DIGIT}])(?P<subplace>[千百])|(?P<tail>[{DIGIT}]{{0,2}}))"
    rf"(?P<approx>多|来|出头|左右|上下)?(?=[^\p{{Han}}\d]|[了呢啊吧呀嘛哩到至]|$)")
EARNING_BEFORE = re.compile(r"(?:挣|赚|分了|分到|拿|领|卖|涨到|能落|买进来|工资|收入|月薪|能有|就有|[一每]个?[天月年晚])"
                            r"[^，。！？；,;!?\n]{0,6}$")
# Spoken money is mostly a rate (`现在一天也就卖五六百块,搁以前,咋也能卖一千多`): by the period
# its sentence names before it.
PERIOD_BEFORE = re.compile(r"[一每]个?([天月年季晚])(?:(?![一每]个?[天月年季晚])[^。！？!?\n]){0,24}$")  # the nearest
OTHER_TIME = re.compile(r"去年|今年|年底|年终|全年")
PLACES = {"千": 1000, "百": 100, "万": 10_000}
APPROX = {"多": "over", "出头": "over", "来": "about", "左右": "about", "上下": "about"}
RANGE_TO = re.compile(r"[到至]")


def find_spoken_money(text: str) -> list[Figure]:
    """Every unit-less spoken amount right after a verb of earning, left to right; two joined by
    到 are one range (`一个月能拿两千五到三千`)."""
    out, taken = [], -1
    matches = list(SPOKEN.finditer(text))
    for m, nxt in zip(matches, matches[1:] + [None]):
        if m.start() < taken or not EARNING_BEFORE.search(text, max(0, m.start() - 12), m.start()):
            continue
        low, high = _value(m)
        if low is None:
            continue
        last = m
        if nxt and RANGE_TO.fullmatch(text, m.end(), nxt.start()) and (top := _value(nxt)[0]) is not None and top > low:
            high, last, taken = top, nxt, nxt.end()
        period = PERIOD_BEFORE.search(text, max(0, m.start() - 30), m.start())
        if period and OTHER_TIME.search(text, period.end(1), m.start()):
            period = None  # `一天120块，年底还有分红，去年光分红就拿了四千七`: a year's own sum
        out.append(Figure(m.start(), last.end(), text[m.start():last.end()], low, high, "元", "money",
                          APPROX.get(last["approx"] or "", "exact"), period and period[1]))
    return out


def _value(m: re.Match) -> tuple[float | None, float | None]:
    """三千二 → 3200; 七八千 → 7000–8000; 一万五六 → 15000–16000; 一百二 → 120; 一万五千 → 15000."""
    place = PLACES[m["place"]]
    head, tail = [CN_DIGITS[c] for c in m["head"]], [CN_DIGITS[c] for c in m["tail"] or ""]
    if m["sub"]:  # 一万五千多: written out
        return (None, None) if len(head) == 2 else (float(head[0] * place + CN_DIGITS[m["sub"]] * PLACES[m["subplace"]]), None)
    if len(head) == 2 and tail or len(head) == 2 and head[1] != head[0] + 1:
        return None, None  # neither 七八千 nor 三千二: not a spoken amount
    if len(tail) == 2 and tail[1] != tail[0] + 1:
        return None, None
    low = head[0] * place + (tail[0] * place // 10 if tail else 0)
    if len(head) == 2:
        return float(low), float(head[1] * place)
    if len(tail) == 2:
        return float(low), float(head[0] * place + tail[1] * place // 10)
    return float(low), None
