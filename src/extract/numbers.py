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

import cn2an
import regex

# ---------------------------------------------------------------- grammar ---

# Approx words written before the number. Checked longest first.
# 多达/高达/达 ("as many as") state the number itself: exact, left out of the span.
APPROX_BEFORE: dict[str, str] = {
    "不超过": "under", "不高于": "under", "不多于": "under", "不到": "under",
    "不足": "under", "不满": "under", "将近": "under", "接近": "under",
    "最多": "under", "至多": "under", "少于": "under", "低于": "under", "近": "under",
    "大约": "about", "大概": "about", "约": "about",
    "不少于": "over", "不低于": "over", "超过": "over", "突破": "over",
    "至少": "over", "最少": "over", "多于": "over", "高于": "over",
    "超": "over", "逾": "over", "过": "over", "上": "over",
}
# A one-character approx word is part of a longer word when preceded by these.
APPROX_BLOCKED_AFTER: dict[str, str] = {
    "近": "最附靠临就邻亲远贴走拉逼新晚",
    "约": "节制预签契合邀公条特集婚",
    "过": "通经不度越跨闯错难",
    "超": "赶高",
}
# "过" is also the aspect particle ("办过3期"): trust it only for money, bare numbers
# and a bare multiplier ("过万人").
APPROX_MONEY_ONLY = ("过",)
# "上" only in 上百/上千/上万/上亿.
APPROX_BARE_MULT_ONLY = ("上",)
# Filler between a two-character approx word and the number: "最少也有1500元".
APPROX_LINKS = ("也有", "达到", "达", "有", "了")
# Between number and unit ("300余万元", "10来个", "十几万").
APPROX_MID: dict[str, str] = {"余": "over", "多": "over", "几": "over", "来": "about"}
# After the unit ("3500元以上").
APPROX_AFTER: dict[str, str] = {
    "以上": "over", "以下": "under", "以内": "under", "左右": "about", "上下": "about",
}
# 上下 is "up and down the chain" before these: "300户上下游企业".
APPROX_AFTER_BLOCKED: dict[str, str] = {"上下": "游班级车楼"}
# 几千/数十万/好几万 (a vague head before a multiplier): 1 x multiplier, over.
VAGUE_HEADS = ("好几", "几", "数")

MULTIPLIERS: dict[str, int] = {"十": 10, "百": 100, "千": 1000, "万": 10_000, "亿": 100_000_000}
CN_DIGITS: dict[str, int] = {
    "零": 0, "〇": 0, "一": 1, "二": 2, "两": 2, "三": 3, "四": 4,
    "五": 5, "六": 6, "七": 7, "八": 8, "九": 9,
}

# Written unit -> (base unit, kind). Longest match wins.
UNITS: dict[str, tuple[str, str]] = {
    # money
    "元": ("元", "money"), "元钱": ("元", "money"), "块": ("元", "money"),
    "块钱": ("元", "money"),
    "美元": ("美元", "other"), "港元": ("港元", "other"), "欧元": ("欧元", "other"),
    "日元": ("日元", "other"), "韩元": ("韩元", "other"), "英镑": ("英镑", "other"),
    # people and households
    "人": ("人", "person"), "名": ("人", "person"), "位": ("人", "person"),
    "口人": ("人", "person"), "个人": ("人", "person"), "人次": ("人次", "person_time"),
    "户": ("户", "household"),
    # area
    "亩": ("亩", "area"), "平方米": ("平方米", "area"), "平米": ("平米", "area"),
    "平方公里": ("平方公里", "area"), "公顷": ("公顷", "area"), "垧": ("垧", "area"),
    # weight
    "斤": ("斤", "weight"), "公斤": ("公斤", "weight"), "千克": ("千克", "weight"),
    "吨": ("吨", "weight"),
    # length
    "米": ("米", "length"), "公里": ("公里", "length"), "千米": ("千米", "length"),
    "厘米": ("厘米", "length"), "里": ("里", "length"),
    # percent
    "%": ("%", "percent"), "个百分点": ("百分点", "percent"),
    # age and time
    "岁": ("岁", "age"), "周岁": ("岁", "age"),
    "年": ("年", "time"), "个月": ("月", "time"), "个多月": ("月", "time"),
    "天": ("天", "time"), "小时": ("小时", "time"), "个小时": ("小时", "time"),
    "个多小时": ("小时", "time"), "分钟": ("分钟", "time"),
    # other measures
    "倍": ("倍", "other"), "千瓦": ("千瓦", "other"), "千瓦时": ("千瓦时", "other"),
}
COUNTERS = (
    "个", "家", "栋", "幢", "座", "棵", "株", "头", "只", "尾", "条", "间", "套", "台",
    "辆", "所", "处", "项", "次", "场", "批", "期", "支", "片", "根", "箱", "件", "份",
    "张", "枚", "层", "盒", "袋", "瓶", "种", "类", "股", "单", "笔", "羽", "群", "窝", "棚",
)
UNITS.update({c: (c, "count") for c in COUNTERS})
UNIT_FIRST_CHARS = frozenset(u[0] for u in UNITS) - {"毛"}
# A number glued to these nouns counts households: "127贫困户", "722个贫困户".
HOUSEHOLD_NOUNS = (
    "贫困户", "建档立卡贫困户", "建档立卡户", "脱贫户", "农户", "低保户", "五保户", "困难户",
)
UNITS.update({n: ("户", "household") for n in HOUSEHOLD_NOUNS})
UNITS.update({"个" + n: ("户", "household") for n in HOUSEHOLD_NOUNS})

# The unit is really the start of a word when followed by these.
UNIT_BLOCKED_BEFORE: dict[str, str] = {
    "元": "宝素旦首帅老器凶朝",  # 元宝枫, 元素, 元旦 ...
    "人": "民",  # 人民
    "单": "元价位独",  # 单元, 单价, 单位
}
# 块 is a piece of land/board, not money, before these.
BLOCK_COUNT_BEFORE = "地田板砖屏牌石状"
# 里 is a length only before these: "10里地"; else a village name ("八里店", "三十里铺").
LI_ALLOWED_BEFORE = "地路外远长"
# With a bare multiplier and no approx word these are idioms ("千家万户", "富万家", "千年枣林").
BARE_MULT_BLOCKED_UNITS = ("户", "家", "年")

# Per-unit words: "元/斤", "每吨1500元", "40元一斤", "人均3500元".
PER_UNITS: dict[str, str] = {
    "平方米": "平方米", "平米": "平米", "公斤": "公斤", "千克": "千克", "个月": "月",
    "小时": "小时", "斤": "斤", "吨": "吨", "亩": "亩", "垧": "垧", "人": "人", "户": "户",
    "年": "年", "月": "月", "天": "天", "日": "天", "股": "股", "间": "间", "棚": "棚",
    "头": "头", "只": "只", "株": "株", "棵": "棵", "箱": "箱", "袋": "袋", "盒": "盒",
    "瓶": "瓶", "件": "件", "次": "次", "晚": "晚", "村": "村", "家": "家",
}
# After a money unit, "一X"/"1X" means per X only for these ("元一次性" is not).
PER_AFTER_ONE = tuple(u for u in PER_UNITS if u not in ("次", "村", "家", "日"))
PER_AVERAGE: dict[str, str] = {
    "人均": "人", "户均": "户", "亩均": "亩", "年均": "年", "月均": "月", "日均": "天",
}

RANGE_SEPARATORS = ("——", "—", "–", "-", "~", "～", "至", "到", "、")

# Fixed phrases whose numerals are not figures. Blanked before scanning.
IDIOMS = (
    "一对一", "一头连着", "千家万户", "成千上万", "四两拨千斤", "十年九旱", "三番五次",
    "三天两头", "二人转", "一五一十", "三年五载", "万人空巷",
)

# One-to-one Traditional -> Simplified for the characters the grammar reads.
TRADITIONAL = str.maketrans({
    "萬": "万", "億": "亿", "兩": "两", "幾": "几", "數": "数", "餘": "余", "來": "来",
    "塊": "块", "錢": "钱", "畝": "亩", "噸": "吨", "個": "个", "間": "间", "場": "场",
    "條": "条", "張": "张", "臺": "台", "檯": "台", "輛": "辆", "處": "处", "項": "项",
    "棟": "栋", "頭": "头", "隻": "只", "歲": "岁", "戶": "户", "約": "约", "過": "过",
    "將": "将", "達": "达", "點": "点", "時": "时", "鐘": "钟", "層": "层", "種": "种",
    "類": "类", "裡": "里", "貧": "贫", "脫": "脱", "農": "农", "檔": "档", "難": "难",
    "於": "于", "滿": "满", "對": "对", "連": "连", "轉": "转", "載": "载", "週": "周",
    "幣": "币", "韓": "韩", "歐": "欧", "鎊": "镑", "撥": "拨", "級": "级", "遊": "游",
    "１": "1", "２": "2", "３": "3", "４": "4", "５": "5", "６": "6", "７": "7",
    "８": "8", "９": "9", "０": "0", "％": "%", "．": ".",
})

# ------------------------------------------------------------- compiled ---

def _alternation(words) -> str:
    return "|".join(regex.escape(w) for w in sorted(words, key=len, reverse=True))


_UNIT_ALT = _alternation(UNITS)
_MULT_CLASS = r"(?:十|百(?!分)|千(?![克米瓦])|万|亿)"
# "1万5千元", "2万3000元", "1亿2000万元": only before a unit of money, people or things,
# so that "50万2019年" stays two numbers.
_MIX_UNIT_ALT = _alternation(u for u, (_, k) in UNITS.items() if k not in ("time", "age", "percent"))
_TOKEN = regex.compile(
    r"(?P<mix>(?P<mix_a>\d+)(?P<mix_m1>[万亿])(?P<mix_b>\d{1,4})(?P<mix_m2>[千百万]?))"
    r"(?=[多余]?(?:" + _MIX_UNIT_ALT + r"))"
    # 1,000 only when 3-digit groups are followed (via 万/余...) by a unit.
    r"|(?P<ar>\d{1,3}(?:,\d{3})+(?![\d.])(?=[多余]?" + _MULT_CLASS + r"*[多余]?(?:"
    + _UNIT_ALT + r"))|\d+(?:\.\d+)?)"
    r"|(?P<vague>" + _alternation(VAGUE_HEADS) + r")(?=[十百千万亿])"
    r"|(?P<cn>(?:[零〇一二三四五六七八九十万亿两]|百(?!分)|千(?![克米瓦]))+)"
)
_SUFFIX = regex.compile(
    r"(?P<mid1>[多余来几])?(?P<mult>" + _MULT_CLASS + r"*)(?P<mid2>[多余])?"
    r"(?P<unit>" + _UNIT_ALT + r")?"
)
_PER_AFTER = regex.compile(
    r"(?:[/／每](?P<per>" + _alternation(PER_UNITS) + r"))"
    r"|(?:[一1](?P<per1>" + _alternation(PER_AFTER_ONE) + r"))"
)
_APPROX_AFTER = regex.compile(_alternation(APPROX_AFTER))
_SEPARATOR = regex.compile(_alternation(RANGE_SEPARATORS))
_IDIOM = regex.compile(_alternation(IDIOMS))
_JUXTAPOSED = regex.compile(r"([一两二三四五六七八九])([两二三四五六七八九])([十百千万亿]*)")
IDIOMATIC_PAIRS = {(3, 5)}  # 三五万: "three to five", the one non-consecutive pair in use
# A written head before the pair: "十二三" (12-13), "两千四五百" (2400-2500), "三十四五" (34-35).
_HEADED_PAIR = regex.compile(r"(?P<head>.*?[十百千万])(?P<a>[一二三四五六七八九])(?P<b>[二三四五六七八九])"
                             r"(?P<tail>[十百千]*)")
# Words before the number are matched on a short window ending at the number;
# the leftmost match in the window is the longest word ("不超过" over "超过").
_APPROX_BEFORE_RE = regex.compile(
    r"(?:(?P<word>" + _alternation(w for w in APPROX_BEFORE if len(w) > 1) + r")"
    r"(?:" + _alternation(APPROX_LINKS) + r")?"
    r"|(?P<word1>" + _alternation(w for w in APPROX_BEFORE if len(w) == 1) + r"))\Z"
)
_PER_BEFORE: dict[str, str] = {
    **{"每" + k: v for k, v in PER_UNITS.items()},
    **{"每个" + k: v for k, v in PER_UNITS.items()},
    **PER_AVERAGE,
}
_PER_BEFORE_RE = regex.compile(r"(?:" + _alternation(_PER_BEFORE) + r")\Z")
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
    if suf["mid1"] in ("来", "几") and not _round(tok.group()):
        return None
    low, high, scale, bare, digit = core
    m = prod(MULTIPLIERS[c] for c in suf["mult"])
    written = tok.group() + suf["mult"]
    end = _End(
        value=float(low * m), end=suf.end(), value_max=None if high is None else float(high * m),
        mult=suf["mult"], scale=scale * m, bare_mult=bare and not suf["mult"],
        big=written[-1] in "万亿", cn_digit=None if suf["mult"] else digit,
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
    if (m := _JUXTAPOSED.fullmatch(run)) and _pair(CN_DIGITS[m[1]], CN_DIGITS[m[2]]):
        scale = prod(MULTIPLIERS[c] for c in m[3])
        return float(CN_DIGITS[m[1]] * scale), float(CN_DIGITS[m[2]] * scale), scale, False, None
    if (headed := _headed_pair(run)) is not None:
        return headed
    if any(run[i] == "两" and run[i - 1] in CN_DIGITS for i in range(1, len(run))):
        return None  # "四两", "二两": the weight 两, cn2an would say 42
    if len(run) > 1 and not any(c in MULTIPLIERS or c in "零〇" for c in run):
        return None  # cn2an reads "三七", "一一" digit by digit (37, 11): not numbers in prose
    bare = all(c in "百千万亿" for c in run)
    try:  # cn2an rejects a bare multiplier ("万", "百万")
        value = cn2an.cn2an("一" + run if bare else run, "smart")
    except ValueError:
        return None
    digit = CN_DIGITS.get(run) if len(run) == 1 else None
    return float(value), None, _cn_scale(run), bare, digit


def _pair(a: int, b: int) -> bool:
    return b == a + 1 or (a, b) in IDIOMATIC_PAIRS


def _headed_pair(run: str):
    """"十二三万" -> 120000..130000: a head, then two consecutive digits sharing one place."""
    inner = run.rstrip("万亿")
    outer = prod(MULTIPLIERS[c] for c in run[len(inner):])
    m = _HEADED_PAIR.fullmatch(inner)
    if not m or CN_DIGITS[m["b"]] != CN_DIGITS[m["a"]] + 1:
        return None
    try:
        head = cn2an.cn2an(m["head"], "smart")
    except ValueError:
        return None
    place = prod(MULTIPLIERS[c] for c in m["tail"]) if m["tail"] else max(MULTIPLIERS[m["head"][-1]] // 10, 1)
    low, high = head + CN_DIGITS[m["a"]] * place, head + CN_DIGITS[m["b"]] * place
    return float(low * outer), float(high * outer), float(place * outer), False, None


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


def _round(token: str) -> bool:
    # 来/几 after the number only after a round one: "10来个", "十几万", "30几台".
    return token[-1] in "0十百千"


def _followed_by(s: str, i: int, chars: str) -> bool:
    return i < len(s) and s[i] in chars


def _unit_ok(s: str, unit: str, end: int) -> bool:
    if unit in UNIT_BLOCKED_BEFORE:
        return not _followed_by(s, end, UNIT_BLOCKED_BEFORE[unit])
    if unit == "里":
        return _followed_by(s, end, LI_ALLOWED_BEFORE)
    return True


def _set_unit(end: _End, s: str, written: str) -> None:
    base, kind = UNITS[written]
    if written == "块" and _followed_by(s, end.end, BLOCK_COUNT_BEFORE):
        base, kind = "块", "count"
    end.unit, end.kind = base, kind
    if "多" in written:
        end.approx = "over"
    if kind == "money":
        _money_tail(end, s, written)
    if kind == "time" and s[end.end:end.end + 1] == "多" and s[end.end + 1:end.end + 2] != "元":
        end.approx, end.end = "over", end.end + 1  # "3年多"


def _money_tail(end: _End, s: str, written: str) -> None:
    """Spoken money: "四块五" is 4.5 元 (not before another unit: "三块五亩"), "三块多" is over 3 元."""
    nxt, after = s[end.end:end.end + 1], s[end.end + 1:end.end + 2]
    if written == "块" and nxt in CN_DIGITS and nxt not in "零〇两" and not (after and after in UNIT_FIRST_CHARS):
        end.value += CN_DIGITS[nxt] / 10
        end.end += 2 if after == "毛" else 1
    elif nxt == "多":
        end.approx, end.end = "over", end.end + 1


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
        approx=approx or end.approx or after or "exact", per=per_before or per,
    )


def _tail(s: str, end: _End) -> tuple[int, str | None, str | None]:
    """Per-unit and approx word written after the unit."""
    stop, per, after = end.end, None, None
    if end.unit and (m := _PER_AFTER.match(s, stop)):
        if end.kind == "money" or s[stop] in "/／":  # "3户每户" is not per 户
            per = PER_UNITS[m["per"] or m["per1"]]
            stop = m.end()
    m = _APPROX_AFTER.match(s, stop)
    if m and not _followed_by(s, m.end(), APPROX_AFTER_BLOCKED.get(m.group(), "")):
        after, stop = APPROX_AFTER[m.group()], m.end()
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
