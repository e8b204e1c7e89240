"""The project's one number/unit parser: find every figure (number + unit) in text.

find_figures() scans a shadow copy of the text in which the few Traditional
characters that matter to the grammar are mapped to Simplified and known idioms
are blanked out. The mapping is one character to one character, so offsets in
the shadow are offsets in the input.

cn2an ("smart" mode) reads the Chinese numerals. Where it falls short we step in:
it rejects a bare multiplier ("万", "百万": we prefix 一), reads juxtaposed digits
digit by digit ("三七" -> 37, "一两" -> 12, "四两" -> 42: we treat consecutive pairs
as ranges, "五六百" -> 500..600, and drop the rest), and has no notion of ranges
("七、八万") or vague heads ("几十万"), which the grammar below handles.

Deliberately not handled:
- a number with no unit unless it ends in 万/亿 ("一千多", "卖五六百" without 块, "几千");
- a lone numeral 一 before anything but a money unit ("一户", "一名", "一吨", "一头连着",
  "一次性"): in this prose it is nearly always an idiom, ordinal or article;
- non-consecutive juxtaposed digits ("三五年"), "十五六岁", fractions ("三分之一"),
  "成" (三成), "半" (一年半), a space between number and unit ("100 户");
- a counter followed by a person noun ("153个帮扶责任人"): kind "count", the caller
  decides; only 个 + a 户 noun ("722个贫困户") is made a household count here;
- (handled, in numerals.py: "一亿五" is 1.5亿, "两亿三千" 2.3亿, "一万五" 1.5万, as spoken;
  cn2an raised KeyError on the 亿 forms, and no cn2an failure escapes);
- thousands separators are taken at face value: "200,300元" (a Chinese list
  written with a comma) reads as 200300元;
- foreign currency (美元, 欧元 ...) is kind "other", never "money";
- approx words not next to the number ("约占10%") and per-units written before the
  number other than 每X / X均 ("一个月3000块钱", "每亩地年分红200元"): the caller's job.
"""

from __future__ import annotations

from dataclasses import dataclass
from decimal import Decimal
from functools import lru_cache
from math import prod

import regex

from ..lexicon import alternation
from .grammar import (
    APPROX_BEFORE, APPROX_BLOCKED_AFTER, APPROX_MONEY_ONLY, APPROX_BARE_MULT_ONLY, APPROX_LINKS,
    APPROX_MID, APPROX_AFTER, APPROX_AFTER_BLOCKED, VAGUE_HEADS, MULTIPLIERS,
    CN_DIGITS, UNITS, UNIT_BLOCKED_BEFORE, BLOCK_COUNT_BEFORE,
    LI_ALLOWED_BEFORE, MAO_ALLOWED_BEFORE, BARE_MULT_BLOCKED_UNITS, PER_UNITS, PER_AFTER_ONE, PER_AVERAGE,
    RANGE_SEPARATORS, IDIOMS, TRADITIONAL,
)
from .numerals import cn2an_value as _cn2an, colloquial as _colloquial, stands_alone as _stands_alone
from .numerals import headed_pair as _headed_pair, money_tail as _colloquial_money, tenths as _tenths

# ------------------------------------------------------------- compiled ---

_UNIT_ALT = alternation(UNITS)
_MULT_CLASS = r"(?:十|百(?!分)|千(?![克米瓦])|万|亿)"
# "1万5千元", "2万3000元", "1亿2000万元": only before a unit of money, people or things,
# so that "50万2019年" stays two numbers.
_MIX_UNIT_ALT = alternation(u for u, (_, k) in UNITS.items() if k not in ("time", "age", "percent"))
_TOKEN = regex.compile(
    r"(?P<mix>(?P<mix_a>\d+)(?P<mix_m1>[万亿])(?P<mix_b>\d{1,4})(?P<mix_m2>[千百万]?))"
    r"(?=[多余]?(?:" + _MIX_UNIT_ALT + r"))"
    # 1,000 only when 3-digit groups are followed (via 万/余...) by a unit.
    r"|(?P<ar>\d{1,3}(?:,\d{3})+(?![\d.])(?=[多余]?" + _MULT_CLASS + r"*[多余]?(?:"
    + _UNIT_ALT + r"))|\d+(?:\.\d+)?)"
    r"|(?P<vague>" + alternation(VAGUE_HEADS) + r")(?=[十百千万亿])"
    r"|(?P<cn>(?:[零〇一二三四五六七八九十万亿两]|百(?!分)|千(?![克米瓦]))+"
    r"(?:点[零〇一二三四五六七八九]+(?=[万亿元块亩斤吨]))?)"  # 十一点五万元: a decimal written out
)
_SUFFIX = regex.compile(
    r"(?P<mid1>[多余来几]|(?<=[百千万])把(?=块|元))?(?: (?=[十百千万亿]))?(?P<mult>" + _MULT_CLASS + r"*)(?P<mid2>[多余])?"
    r"(?: (?=\p{Han}))?(?P<unit>" + _UNIT_ALT + r")?"  # "74 户", "3 万元": a stray space inside
)
_PER_AFTER = regex.compile(
    r"(?:[/／每](?P<per>" + alternation(PER_UNITS) + r"))"
    r"|(?:[一1](?P<per1>" + alternation(PER_AFTER_ONE) + r"))"
)
_APPROX_AFTER = regex.compile(alternation(APPROX_AFTER))
_SEPARATOR = regex.compile(alternation(RANGE_SEPARATORS))
_IDIOM = regex.compile(alternation(IDIOMS))
_JUXTAPOSED = regex.compile(r"([一两二三四五六七八九])([两二三四五六七八九])([十百千万亿]*)")
IDIOMATIC_PAIRS = {(3, 5)}  # 三五万: "three to five", the one non-consecutive pair in use
# Words before the number are matched on a short window ending at the number;
# the leftmost match in the window is the longest word ("不超过" over "超过").
_APPROX_BEFORE_RE = regex.compile(
    r"(?:(?P<word>" + alternation(w for w in APPROX_BEFORE if len(w) > 1) + r")"
    r"(?:" + alternation(APPROX_LINKS) + r")?"
    r"|(?P<word1>" + alternation(w for w in APPROX_BEFORE if len(w) == 1) + r"))\Z"
)
_PER_BEFORE: dict[str, str] = {
    **{"每" + k: v for k, v in PER_UNITS.items()},
    **{"每个" + k: v for k, v in PER_UNITS.items()},
    **PER_AVERAGE,
}
_PER_BEFORE_RE = regex.compile(r"(?:" + alternation(_PER_BEFORE) + r")\Z")
_WINDOW = 6
_MONEY_LIKE = ("money", "number")
_REDUPLICATED = frozenset(u[-1] * 2 for u in UNITS)


# ----------------------------------------------------------------- public ---

@dataclass(frozen=True, slots=True)
class Figure:
    start: int
    end: int
    text: str
    value: float
    value_max: float | None
    unit: str
    kind: str
    approx: str
    per: str | None


def find_figures(text: str) -> list[Figure]:
    """Every figure (number + unit) in text, left to right, non-overlapping."""
    shadow = _IDIOM.sub(lambda m: "#" * len(m.group()), text.translate(TRADITIONAL))
    figures: list[Figure] = []
    pos = floor = 0
    while (tok := _TOKEN.search(shadow, pos)) is not None:
        fig = _figure_at(text, shadow, tok, floor)
        if fig is None:
            pos = tok.end()
            continue
        figures.append(fig)
        pos = floor = fig.end
    return figures


# ---------------------------------------------------------------- parsing ---

@dataclass(slots=True)
class _End:
    """One number with what follows it, before any range or prefix is joined."""
    value: float
    end: int
    unit: str = ""
    kind: str = ""
    approx: str | None = None
    mult: str = ""           # multiplier characters written after the number
    scale: float = 1.0       # magnitude a range's low end borrows: 五百 -> 100
    scalable: bool = False   # a bare digit that may borrow that magnitude
    bare_mult: bool = False  # only multipliers were written: 万, 百, 亿
    big: bool = False        # the last multiplier is 万/亿: may stand without unit
    lone_one: bool = False
    value_max: float | None = None  # 五六百 already is a range
    cn_digit: int | None = None     # single Chinese digit, for 七、八万


def _figure_at(text: str, s: str, tok, floor: int) -> Figure | None:
    start = tok.start()
    if start and (s[start - 1] == "第" or s[start - 1].isascii() and s[start - 1].isalpha()):
        return None  # ordinals, model numbers ("G20", "A4")
    low = _end_at(s, tok)
    if low is None:
        return None
    if low.value_max is None and (high := _range_high(s, low)) is not None:
        low = _join_range(low, high)
    if not low.unit and s.startswith("百分之", start - 3) and start - 3 >= floor:
        low.unit, low.kind, start = "%", "percent", start - 3
    if not _is_figure(low, s):
        return None
    return _finish(text, s, start, low, floor)


def _end_at(s: str, tok) -> _End | None:
    core = _core_value(tok)
    if core is None:
        return None
    suf = _SUFFIX.match(s, tok.end())
    mid = suf["mid1"] or suf["mid2"]
    if suf["mid1"] in ("来", "几") and not _round(tok.group(), suf["mid1"]):
        return None
    low, high, scale, bare, digit = core
    m = prod(MULTIPLIERS[c] for c in suf["mult"])
    written = tok.group() + suf["mult"]
    end = _End(
        value=float(low * m), end=suf.end(), value_max=None if high is None else float(high * m),
        mult=suf["mult"], scale=scale * m, bare_mult=bare and not suf["mult"],
        big=written[-1] in "万亿" or _stands_alone(written), cn_digit=None if suf["mult"] else digit,
        scalable=not suf["mult"] and not tok["mix"] and _no_big_mult(tok.group()),
        lone_one=tok.group() == "一",
    )
    if tok["vague"]:
        end.approx = "over"
    elif mid:
        end.approx = APPROX_MID[mid]
    if suf["unit"] and _unit_ok(s, suf["unit"], suf.end()):
        _set_unit(end, s, suf["unit"])
    else:
        end.end = suf.end("mult") if suf["mid2"] is None else suf.end("mid2")
    return end


def _core_value(tok):
    """(low, high, scale, bare_mult, single_cn_digit) of the number token."""
    if tok["ar"]:  # Decimal: 35.23万 is 352300, not 352299.99999999994
        return Decimal(tok["ar"].replace(",", "")), None, 1.0, False, None
    if tok["mix"]:
        return _mix_value(tok), None, 1.0, False, None
    if tok["vague"]:
        return 1.0, None, 1.0, False, None
    return _cn_core(tok["cn"])


def _mix_value(tok) -> float:
    high = MULTIPLIERS[tok["mix_m1"]]
    b = tok["mix_b"]
    # "1万5千" names its second place; a lone digit after it is one place down ("1万5").
    low = MULTIPLIERS[tok["mix_m2"]] if tok["mix_m2"] else high // 10 if len(b) == 1 else 1
    return float(int(tok["mix_a"]) * high + int(b) * low)


@lru_cache(maxsize=4096)
def _cn_core(run: str):
    if "点" in run:
        return _cn_decimal(run)
    if (m := _JUXTAPOSED.fullmatch(run)) and _pair(CN_DIGITS[m[1]], CN_DIGITS[m[2]]):
        scale = prod(MULTIPLIERS[c] for c in m[3])
        return float(CN_DIGITS[m[1]] * scale), float(CN_DIGITS[m[2]] * scale), scale, False, None
    if (headed := _headed_pair(run)) is not None:
        return headed
    if any(run[i] == "两" and run[i - 1] in CN_DIGITS for i in range(1, len(run))):
        return None  # "四两", "二两": the weight 两, cn2an would say 42
    if len(run) > 1 and not any(c in MULTIPLIERS or c in "零〇" for c in run):
        return None  # cn2an reads "三七", "一一" digit by digit (37, 11): not numbers in prose
    if (colloquial := _colloquial(run)) is not None:
        return colloquial
    bare = all(c in "百千万亿" for c in run)
    value = _cn2an("一" + run if bare else run)  # cn2an rejects a bare multiplier ("万", "百万")
    if value is None:
        return None
    digit = CN_DIGITS.get(run) if len(run) == 1 else None
    return float(value), None, _cn_scale(run), bare, digit


def _cn_decimal(run: str):
    """`十一点五` is 11.5, `三点二五` 3.25."""
    whole, fraction = run.split("点")
    core = _cn_core(whole)
    if core is None or core[1] is not None:
        return None
    value = Decimal(str(core[0])) + Decimal("0." + "".join(str(CN_DIGITS[c]) for c in fraction))
    return value, None, 1.0, False, None


def _pair(a: int, b: int) -> bool:
    return b == a + 1 or (a, b) in IDIOMATIC_PAIRS


def _cn_scale(run: str) -> float:
    """Magnitude of a Chinese number's last place: 五百 -> 100, 五十万 -> 100000."""
    t = len(run)
    while t and run[t - 1] in "万亿":
        t -= 1
    scale = prod(MULTIPLIERS[c] for c in run[t:])
    core = run[:t]
    if len(core) >= 2 and core[0] in CN_DIGITS and all(c in "十百千" for c in core[1:]):
        scale *= prod(MULTIPLIERS[c] for c in core[1:])
    return scale


def _no_big_mult(token: str) -> bool:
    return not any(c in "百千万亿" for c in token)


def _round(token: str, mid: str) -> bool:
    # 来/几 after the number only after a round one: "10来个", "十几万", "30几台"; 来 also after
    # 万/亿 ("两万来块"), where 几 would start a new place ("三万几千").
    return token[-1] in ("0十百千万亿" if mid == "来" else "0十百千")


def _followed_by(s: str, i: int, chars: str) -> bool:
    return i < len(s) and s[i] in chars


def _unit_ok(s: str, unit: str, end: int) -> bool:
    if unit in UNIT_BLOCKED_BEFORE:
        return not _followed_by(s, end, UNIT_BLOCKED_BEFORE[unit])
    if unit == "里":
        return _followed_by(s, end, LI_ALLOWED_BEFORE)
    if unit == "毛":
        return end >= len(s) or _followed_by(s, end, MAO_ALLOWED_BEFORE)
    return True


def _set_unit(end: _End, s: str, written: str) -> None:
    base, kind = UNITS[written]
    if written == "块" and _followed_by(s, end.end, BLOCK_COUNT_BEFORE):
        base, kind = "块", "count"
    end.unit, end.kind = base, kind
    if "多" in written:
        end.approx = "over"
    if written.startswith("毛"):
        _tenths(end, s)
    elif kind == "money":
        _colloquial_money(end, s, written)
    if kind == "time" and s[end.end:end.end + 1] == "多" and s[end.end + 1:end.end + 2] != "元":
        end.approx, end.end = "over", end.end + 1  # "3年多"


def _range_high(s: str, low: _End) -> _End | None:
    sep = _SEPARATOR.match(s, low.end)
    if sep is None:
        return None
    tok = _TOKEN.match(s, sep.end())
    if tok is None:
        return None
    if sep.group() == "、" and not _enumerated_pair(low, tok):
        return None
    high = _end_at(s, tok)
    if high is None or high.value_max is not None or high.bare_mult:
        return None
    if not (high.unit or high.big):
        return None
    if low.unit and (low.unit, low.kind) != (high.unit, high.kind):
        return None
    return high


def _enumerated_pair(low: _End, tok) -> bool:
    # "七、八万", "四、五百元": consecutive single Chinese digits, nothing else on the left.
    run = tok["cn"] or ""
    return (low.cn_digit is not None and not low.mult and not low.unit and run
            and CN_DIGITS.get(run[0]) == low.cn_digit + 1)


def _join_range(low: _End, high: _End) -> _End:
    lo = low.value
    if not low.unit and low.scalable and lo * high.scale <= high.value:
        lo *= high.scale  # "3至5万元", "四、五百元": the multiplier is written once
    lo, hi = sorted((lo, high.value))  # "600元到300元"
    return _End(
        value=lo, value_max=hi, end=high.end, unit=high.unit, kind=high.kind,
        approx=low.approx or high.approx, mult=high.mult, big=high.big,
    )


def _is_figure(end: _End, s: str) -> bool:
    if end.lone_one and end.kind != "money":
        return False
    if end.unit and s[end.end - 1:end.end + 1] in _REDUPLICATED:
        return False  # "一块块", "三座座": many, not a count
    return bool(end.unit) or end.big  # no unit: only a number ending in 万/亿


def _finish(text: str, s: str, start: int, end: _End, floor: int) -> Figure | None:
    kind = end.kind or "number"
    stop, per, after = _tail(s, end)
    first, approx, per_before = _head(s, start, end, kind, floor)
    if end.bare_mult and approx is None and (not end.unit or end.unit in BARE_MULT_BLOCKED_UNITS):
        return None  # "万福", "千家", "亿万": a multiplier alone needs 上/近/过 or a unit
    return Figure(
        start=first, end=stop, text=text[first:stop], value=end.value,
        value_max=end.value_max, unit=end.unit, kind=kind,
        approx=approx or end.approx or after or "exact", per=per or per_before,
    )


def _tail(s: str, end: _End) -> tuple[int, str | None, str | None]:
    """Per-unit and approx word written after the unit, in either order (`3元/斤左右`, `三块左右一斤`)."""
    stop, per, after = end.end, None, None
    while True:
        if per is None and end.unit and (m := _PER_AFTER.match(s, stop)) \
                and (end.kind == "money" or s[stop] in "/／"):  # "3户每户" is not per 户
            per, stop = PER_UNITS[m["per"] or m["per1"]], m.end()
        elif after is None and (m := _APPROX_AFTER.match(s, stop)) \
                and not _followed_by(s, m.end(), APPROX_AFTER_BLOCKED.get(m.group(), "")):
            after, stop = APPROX_AFTER[m.group()], m.end()
        else:
            return stop, per, after


def _head(s: str, start: int, end: _End, kind: str, floor: int):
    """Approx word and 每X/X均 written before the number: (start, approx, per)."""
    # Written order: [approx] [每X|X均] [approx] number.
    i, approx = _approx_before(s, start, end, kind, floor)
    i, per = _per_before(s, i, floor)
    if per and approx is None:
        i, approx = _approx_before(s, i, end, kind, floor)
    return i, approx, per


def _approx_before(s: str, i: int, end: _End, kind: str, floor: int):
    left = max(floor, i - _WINDOW)
    m = _APPROX_BEFORE_RE.search(s[left:i])
    if m is None:
        return i, None
    word = m["word"] or m["word1"]
    k = left + m.start()
    if not _approx_fits(s, k, word, end, kind):
        return i, None
    return k, APPROX_BEFORE[word]


def _approx_fits(s: str, k: int, word: str, end: _End, kind: str) -> bool:
    if k and s[k - 1] in APPROX_BLOCKED_AFTER.get(word, ""):
        return False
    if word in APPROX_MONEY_ONLY and kind not in _MONEY_LIKE and not end.bare_mult:
        return False
    if word in APPROX_BARE_MULT_ONLY and not end.bare_mult:
        return False
    return True


def _per_before(s: str, i: int, floor: int):
    left = max(floor, i - _WINDOW)
    m = _PER_BEFORE_RE.search(s[left:i])
    if m is None:
        return i, None
    return left + m.start(), _PER_BEFORE[m.group()]
