"""Divisors: what an amount is per (SPEC amounts.per) — the unit written before it in its clause
(每亩, 人均, 一个菌棒), a period written into its cue (年收入), a divisor carried from the sentence's
earlier clause, one of a thing sold (`一盒168元`) or a piece of work paid (`编一只竹篮2块5`).
Pure functions over a figure's Context; classify.py asks them.
"""
from __future__ import annotations

import regex as re

from .context import Context
from .lexicon import FigureWords

MONEY = re.compile(r"[\d一二两三四五六七八九十百千万亿]\s*(?:余|多)?[万亿]?(?:余|多)?(?:元|块|毛)")
TOTAL = re.compile(r"总|合计|共计|累计|这一项|这一样")  # 光这一项就多挣了一万来块: the whole, not per jin
PARTICULAR = re.compile(r"的一(?:户|人|家)|(?:其中|、)\p{Han}{2,6}村$")
BEST_ONE = re.compile(r"(?:(?:最多|最高|最好|最大)的|仅\p{Han}{1,8}?)$")  # 最多的一场直播, 仅鹿角溪村一个村: that one, not each
SPOKEN_AFTER = re.compile(r"[一二两三四五六七八九十百千万\d]{2,}")  # 旺季一晚五六百: the divisor's own price
SPAN_SUMMED = re.compile(r"下来")  # 一年下来, 一个夏天下来: a total over a span, not by the thing before
COLLECTIVE_GETS = re.compile(r"(?:村(?:级|集体)|(?<!从)村里)[^，,。；;]{0,12}?(?:分得|分到|分了|获得|收取|提取|拿到|拿了|可支配收入)"
                             r"[^，,。；;]{0,10}$")
DESCRIBED = re.compile(r"(?:总)?投资|建成|新建|占地")
ONE_THING = re.compile(r"一(\p{Han})")
ONE_UNIT = re.compile(r"(大?\p{Han})")  # the unit after 一个
PIECE_VERBS = r"编|采|剥|缝|绣|刻|(?<!采)摘|(?<!承)包|拣|织|剪|削|串|扎|糊|叠|绑"  # work paid by the piece
PIECE_VERB = re.compile(PIECE_VERBS)
PIECE_WORK = re.compile(rf"(?:{PIECE_VERBS})一(\p{{Han}})\p{{Han}}{{0,5}}?(?:能|可)?(?P<paid>给|挣|赚|拿|得)?$")
PIECE_PAY = re.compile(r"计件|按件|按\p{Han}算|工钱|工资|取酬|计酬|手工费")
PIECE_DONE = re.compile(r"一(\p{Han})\p{Han}{1,8}?(?:好|完)(?P<paid>给)$")  # 一箱芒果分拣装好给一块二
PIECE_FEE = re.compile(r"一(个)?(\p{Han})\p{Han}{0,4}?(?P<paid>手工费|工钱|缝工|加工费|工费|给)$")  # 一斤给, 一个筐给, 一张褥子缝工
THING_NAMED = re.compile(r"从?|\p{Han}{1,3}")  # 一盒168元, 一张蚕种一百来块钱: nothing but the thing between
SOLD = re.compile(r"卖(?!出)|价|只要|成本|费|工钱|纯利")  # sold, priced or paid for (一个收纳篮工钱十五元)
OWN_TIME = re.compile(r"去年|今年|前年|上半年|下半年|\d{4}年")
CLAUSE_BREAK = re.compile(r"[，,；;：:]")
WEIGHT_UNITS = {"斤", "公斤", "千克", "克", "吨"}
PERIODS = {"年", "月", "天", "日", "小时", "季", "季度"}
GROWN_ON = {"亩", "垧", "公顷", "棚", "大棚", "暖棚", "冷棚", "棵", "株", "户", "人", "场"}  # what yields a crop (or a livestream its sales), not a thing sold
CARRY_REACH = 40  # how far back in its sentence a divisor may still divide a figure
OWN_CUE_REACH = 6  # a divisor's own cue follows it closely: 人均纯收入


def per_units(ctx: Context, lex: FigureWords) -> list[str]:
    """The units the amount is divided by, in written order: the explicit divisors before it in
    its clause (每亩, 人均, 亩收入), else a period written into its cue (`年收入`). A clause with no
    divisor and no cue of its own continues the sentence's earlier clause (`人均纯收入已由…不足
    500元,达到现在的3800多元`)."""
    if PARTICULAR.search(ctx.before):
        return []  # 最多的一户拿了1.1万元, 其中念敢村61.3万元: one household's or village's own, not an average
    strong = [m for m in lex.per_strong.finditer(ctx.before) if not _one_described(ctx, m)]
    if not strong and (one := _one_sold(ctx, lex)):
        return [one]  # 一瓶二百克的梨膏卖三十八元: the price of one
    if strong:  # with the periods written into cues beside them, for pay (`人均月收入`)
        found = strong + [m for m in lex.per_weak.finditer(ctx.before) if m.start() >= strong[0].start()]
        units = [_per_of(m) for m in sorted(found, key=lambda m: m.start())]
        thing = thing_before(ctx, lex) if all(u in PERIODS for u in units) else None
        return ([thing] if thing else []) + units  # 一亩油茶进入丰产期，一年能收入四五千块: 亩 and 年
    weak = [_per_of(m) for m in lex.per_weak.finditer(ctx.before)]
    if weak:
        return weak
    weak = list(lex.per_weak.finditer(ctx.text, ctx.sentence[0], ctx.clause[0]))
    if lex.role_pattern.search(ctx.text, *ctx.clause) and not _part_of_earlier(ctx, weak):
        weak = []  # a period in a cue (村集体年收入…,平均达到15.68万元) reaches only a clause with no cue
    earlier = list(lex.per_strong.finditer(ctx.text, ctx.sentence[0], ctx.clause[0])) or weak
    if not earlier or TOTAL.search(ctx.before) or COLLECTIVE_GETS.search(ctx.before) or SPAN_SUMMED.search(ctx.before) \
            or ctx.clause[0] - earlier[-1].end() > CARRY_REACH \
            or BEST_ONE.search(ctx.text, ctx.sentence[0], earlier[-1].start()):
        return []  # 人均收入不到50元,集体总资产不足1万元: a total of its own
    # The earlier divisor is this figure's when no money is named between them (`每消费一间,就
    # 支付…3元`) or neither this clause nor another figure between names a role of its own
    # (`人均纯收入已由…不足500元,达到现在的3800多元`, not `户均分红3000元;村集体收入达到42万元,而
    # 2018年还不足2万元`).
    if _per_of(earlier[-1]) in PERIODS and OWN_TIME.search(ctx.before):
        return []  # 每年拿出利润的20%分红，去年共分红68万元: that year's own sum
    if _part_of_earlier(ctx, earlier):
        return [_per_of(earlier[-1])]
    if earlier is not weak and _price_goes_on(ctx, lex, earlier[-1]):
        return [_per_of(earlier[-1])]
    between = ctx.text[earlier[-1].end():ctx.clause[0]]
    own_cue = lex.role_pattern.search(between, 0, OWN_CUE_REACH)
    others = list(lex.role_pattern.finditer(between, own_cue.end() if own_cue else 0))
    if not MONEY.search(between) or not (others or lex.role_pattern.search(ctx.text, *ctx.clause)):
        return _divisors_of_clause(ctx, earlier)
    return []


def _divisors_of_clause(ctx: Context, earlier: list[re.Match]) -> list[str]:
    """The divisors of the earlier clause carried on, all of them (`一头牛养一年，…纯利2000元`: 头 and 年)."""
    last = earlier[-1]
    same = [m for m in earlier if not CLAUSE_BREAK.search(ctx.text, m.end(), last.start())]
    return [_per_of(m) for m in same]


def _price_goes_on(ctx: Context, lex: FigureWords, divisor: re.Match) -> bool:
    """A price after a price by the thing (`收购价每斤80元，好的能卖到120元`) is by the same thing."""
    def prices(start: int, end: int) -> bool:
        return any(lex.role_of[m.group()] == "price" for m in lex.role_pattern.finditer(ctx.text, start, end))
    unit = _per_of(divisor)
    return unit not in PERIODS and prices(*ctx.clause) \
        and (unit in WEIGHT_UNITS or prices(ctx.sentence[0], ctx.clause[0]))  # 一斤两块钱，好果能卖到两块六


def _part_of_earlier(ctx: Context, divisors: list[re.Match]) -> bool:
    """The clause is a share of an earlier figure by its divisor (`年租金1万元,其中7千元…`,
    `每栋投资约6.5万元，其中财政补贴3万元`): its parts are by the same unit."""
    if not divisors or (part := ctx.text.find("其中", divisors[-1].end(), ctx.figure.start)) < 0:
        return False
    if divisors[-1].group().endswith("均") or ctx.text.endswith("平均", 0, divisors[-1].start()):
        return False  # 村均27.6万元，其中…的村4个: the parts are of the total, not of the average
    return not CLAUSE_BREAK.search(ctx.text[divisors[-1].end():part].rstrip("，,"))  # the whole's own clause


def _one_sold(ctx: Context, lex: FigureWords) -> str | None:
    """`一瓶…卖38元`, `一盒500克装的能卖到98元`, `一盒168元`, `一张蚕种一百来块钱`: one of a thing
    sold or priced, per that thing."""
    m = ONE_THING.search(ctx.before, ctx.before.rfind("一"))
    if not m or m[1] not in lex.per_measure_words:
        return None
    unit = ONE_UNIT.match(ctx.before, m.end()) if m[1] == "个" else None
    if unit and unit[1] in lex.per_units:
        m = unit  # 这一个棚少说能卖七八万: per 棚, not per 个
    thing = ctx.before[m.end():]
    named = THING_NAMED.fullmatch(thing) and not lex.role_pattern.search(thing) and m[1] not in "笔个"
    return m[1] if SOLD.search(thing) or named else None


def piece_rate(ctx: Context, lex: FigureWords) -> str | None:
    """`编一只竹篮2块5`, `采一斤鲜莲蓬给一块二`, `缝一件能挣1块2`: pay for each piece of work, per the piece."""
    m = PIECE_WORK.search(ctx.before) or PIECE_DONE.search(ctx.before)
    if not m and (fee := PIECE_FEE.search(ctx.before)) and (PIECE_VERB.search(ctx.text, *ctx.sentence)
                                                          or PIECE_PAY.search(ctx.text, *ctx.sentence)):
        return _piece_of(fee, lex)  # 采菊花按斤算，一斤给…; 一个筐给八块五，手快的一天能编二十多个; 一个礼盒手工费十五块
    paid = m and (m["paid"] or PIECE_PAY.search(ctx.text, ctx.sentence[0], ctx.figure.start))
    piece = paid and m[1] not in GROWN_ON and (m[1] in lex.per_measure_words or m[1] in lex.per_units)
    return m[1] if piece else None


def _piece_of(fee: re.Match, lex: FigureWords) -> str | None:
    """The piece a fee is for: the measure word after 一(个), else 个 (一个礼盒 → 个)."""
    unit = fee[2]
    if unit in lex.per_measure_words or unit in lex.per_units:
        return None if unit in GROWN_ON else unit
    return "个" if fee[1] else None


def _one_described(ctx: Context, divisor: re.Match) -> bool:
    """`一座投资460万元、库容3000吨的冷库`: one thing the figure describes (its 的 follows), not a
    divisor (`一个棚投资2万多元`)."""
    return divisor.group().startswith("一") and bool(DESCRIBED.match(ctx.before, divisor.end())) \
        and "的" in ctx.after


def choose_per(units: list[str], role: str) -> str | None:
    """Where a thing and a period both divide it (每亩每年, 人均月收入, 一个大棚年收入) the thing is
    the unit, except for pay, which is by the day or month (`每人每天工资200元`)."""
    things = [u for u in units if u not in PERIODS]
    periods = [u for u in units if u in PERIODS]
    pay_periods = [u for u in periods if u != "年"]  # 人均年务工收入 is a person's year, like 人均年收入
    preferred = (pay_periods or things or periods) if role == "wage" else (things or periods)
    return preferred[-1] if preferred else None


def _per_of(m: re.Match) -> str:
    found = {k: v for k, v in m.groupdict().items() if v}
    if "noun" in found:  # 每名党员, 每个贫困户: per person or per household
        return "户" if found["noun"].endswith("户") else "人"
    if "person" in found:  # 村民平均收入: per person
        return "人"
    unit = found.get("unit") or found.get("thing") or found.get("avg") or found.get("each") or found.get("each_thing") \
        or found.get("each_one") or found["mu"]
    return "天" if unit == "日" else unit


def thing_before(ctx: Context, lex: FigureWords, priced: bool = False) -> str | None:
    """The thing (not a period) the clause right before divides by: the price a gap is in
    (`收购价每斤80元，比散卖高出十几块`: 斤), or, with no money named since, the one a year's figure
    is of (`一亩油茶进入丰产期，一年能收入四五千块`: 亩; not `新建…电站一座，每年…`)."""
    divisors = [m for m in lex.one_of_a_thing.finditer(ctx.text, ctx.sentence[0], ctx.clause[0])
                if m["thing"] not in PERIODS]  # 流转费每亩每年400元，比…还高一百多元: 亩
    if not divisors or CLAUSE_BREAK.search(ctx.text, divisors[-1].end(), ctx.clause[0] - 1):
        return None
    last = divisors[-1]
    if not priced and (MONEY.search(ctx.text, last.end(), ctx.figure.start) or CLAUSE_BREAK.match(ctx.text, last.end())
                       or SPOKEN_AFTER.match(ctx.text, last.end())
                       or lex.role_pattern.search(ctx.text, last.end(), ctx.clause[0])):
        return None  # 一匹马一年分红一千二，村集体一年收入46万元: the divisor's clause has its own figure
    return last["thing"]
