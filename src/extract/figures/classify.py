"""Classify: decide what each figure the number parser found is, from its clause.

A Figure (parse.py) knows its value and unit; here its sentence decides the table it belongs
to (amounts, household_counts, quantities or none) and its attributes: an amount's role, per
and year, a quantity's kind and object (a count's group and whether it is poor: groups.py).
Pure functions over text and offsets; the figures component calls them.
"""
from __future__ import annotations

import regex as re

from .context import Context
from .divisors import COLLECTIVE_GETS, GROWN_ON, PERIODS, WEIGHT_UNITS, choose_per, per_units, piece_rate, thing_before
from .groups import count_fields
from .lexicon import FigureWords

DAY_OR_MONTH_PAY = re.compile(r"(?:一|每)个?(?:月|天)(?:[^,，。]{0,8}?(?:\d[\d.]*\s*(?:块|元)|(?:挣|赚|工资|工钱)[^,，。]{0,3}?[\d一二两三四五六七八九十百])"
                              r"|[一二两三四五六七八九十百千]{2,}(?:块钱|块|元)?(?=[，,。]))"  # 一天一百二, 一天一百三十元
                              r"|\d[\d.]*\s*(?:块钱|块|元)(?:钱)?一(?:天|个月)")
SEASON_SUMMED = re.compile(r"季(?:下来|已经|就|能|下|里)")  # 一个春茶季下来，挣个八九千块
PEOPLE_AVERAGE = re.compile(r"人均")
HOUSEHOLD = re.compile(r"我们|咱们|我家|全家|家里|一家|家庭|两口子|夫妻|我和|两个人")
MODIFIES = re.compile(r"(?:以上|左右|多)?的(?:标准(?:支付|发放|收取|兑现|给予)?)?")  # 5000元的分红: the figure modifies the noun after 的
INCREASE_BEFORE = re.compile(r"(?:比|较)[^，,。；;]{0,12}?(?:增加|增长|高出|提高|高|多(?:挣|赚|收入|收|出|卖)?)了?$")  # 比种玉米多挣
PAYS = "交|缴|支付|上交|缴纳|交纳|提留|提取"  # what sends money to the collective
TO_COLLECTIVE = r"(?:向|给)\p{Han}{0,6}?村(?:集体|级)"
PAID_TO_COLLECTIVE = re.compile(rf"{TO_COLLECTIVE}[^，,。；;]{{0,6}}?(?:{PAYS})[^，,。；;]{{0,8}}$")
PAID_TO_COLLECTIVE_AT_RATE = re.compile(rf"的标准{TO_COLLECTIVE}\p{{Han}}{{0,4}}?(?:{PAYS})")
SENT_TO_COLLECTIVE = re.compile(rf"{TO_COLLECTIVE}\p{{Han}}{{0,6}}?(?:{PAYS})\p{{Han}}{{0,6}}[，,]$")  # the clause before
RANKED_AFTER = re.compile(r"位居|排名|排在")  # 杉木冲村以128.6万元位居全镇第一 (after the villages' collective income)
RANKED_VILLAGE = re.compile(r"(?:最高|最低|最多|最少)的\p{Han}{1,8}?村\p{Han}{0,3}$")  # 收入最高的北甸子村达到168万元
COLLECTIVE_CLAUSE = re.compile(r"\p{Han}{0,6}?(?:归|纳入|计入)\p{Han}{0,5}?村集体(?:\p{Han}{0,4})$|\p{Han}{0,5}?村集体|村级集体|\p{Han}{1,5}村(?:还|也|又)?(?:以|将|把|用|利用|通过|投资|入股|出资)")
COLLECTIVE_TOTAL = re.compile(r"(?:村集体|集体经济)[^。；;]{0,12}?收入[^。；;，,]{0,12}?[\d.]+\s*万?元[。，,]\s*$")
OTHER_INCOME = re.compile(r"租金|服务费|管理费|提留")
SUBJECTLESS = re.compile(r"(?:去年|今年|当年|每年|全年)?(?:有望|预计|可|能)?(?:共|又|还|再|也|每年|全年|每\p{Han})?(?:稳定|保底)?(?:实现|获得|取得|达到|创收|分得|分到|收取|收益)")
COLLECTIVE_SUBJECT = re.compile(r"(?:(?:\d{4}年|去年|今年)[，,]?)?(?:\p{Han}{1,5}村)?(?:村集体|村级|村?股份经济合作社)"
                                r"(?!\p{Han}{0,3}的)")
DIVIDEND_WORD = re.compile(r"分红|红利")  # 村集体分得红利16.5万元 is a dividend, 分得收益 collective income
SHARED_OUT = re.compile(r"(?:拿出|提取|提出)[^，,。；;]{0,16}$")
DIVIDED_AFTER = re.compile(r"(?:(?!其余|剩余|剩下)[^。；;]){0,20}?分红")  # 拿出…，按股…分红 (not …，其余按股分红: the rest)
GOES_INTO = "归|计入|纳入|进入|进|作为|交给|交到|上交|转入|存入|打入"  # what puts money into the collective
GOES_TO_COLLECTIVE = re.compile(rf"[，,]?(?!其中)\p{{Han}}{{0,4}}?(?:全部|均)?(?:{GOES_INTO})(?:了)?"
                                r"(?:\p{Han}{0,5}?村(?:集体|级)|\p{Han}{0,6}村股份经济合作社)")  # 全部纳入丁寨村集体
# the money named again in the next clause: 以每年15万元的价格租给…，租金全部进入村集体账户
RENT_GOES_TO_COLLECTIVE = re.compile(rf"[^。；;，,]{{0,12}}[，,](?:租金|收益|收入)(?:全部|均)?(?:{GOES_INTO})\p{{Han}}{{0,5}}?村(?:集体|级)")
VILLAGE_LEVEL = re.compile(r"(?:以上|以下)?的(?:行政)?村")
RENT = re.compile(r"流转|租给|出租|租金|租用")
WORTH = re.compile(r"价值$")  # 价值上万元的鹿: what one thing is worth
DEMONSTRATIVES = ("这", "那", "另", "哪")
GIVEN_TO = re.compile(r"给\p{Han}{0,6}的(?:这|那)?$")  # 村里给的这4600元: money someone received
COLLECTIVE_RECEIVES = re.compile(r"(?:为|给|替)(?:\d+个|[一二两三四五六七八九十]+个)?(?:村(?:里|集体)?|集体)(?:经济)?再?"
                                 r"(?:带来|增加|增收|创收|挣)")  # 为村集体带来, 每年为7个村带来, 给村里再带来
PURPOSE = re.compile(r"(?:用于|用来|进行|作为)(?:增加|壮大)?村?")  # 拿出458万元进行分红: what the money is for
NOUN_AFTER = re.compile(r"\p{Han}{0,2}?资金")  # 50万元项目资金: the money the figure counts
YEAR = re.compile(r"((?:19|20)\d{2})\s*年")
PEOPLE_KINDS = {"household": "户", "person": "人", "person_time": "人次"}
QUANTITY_KINDS = {"area", "weight", "length", "percent", "count"}
MODIFIER_REACH = 2  # the noun a figure modifies may have a word before its cue: 的土地流转费
BEFORE_REACH, AFTER_REACH = 12, 8  # how far a cue may stand from the figure in its clause
NEIGHBOUR_REACH = 30  # how far back short cue-less lines may pass a cue on
EARN_VERBS = ("挣", "赚")
EARNINGS = ("收入", "纯收入", *EARN_VERBS)  # what a worker is said to earn (not a rent or a sale)
GROUP_EARNINGS = ("劳务收入", "务工收入")  # what many workers brought home, as a total
PERSONAL_YEAR_PAY = 100_000  # above this a year's earnings are not one worker's pay
WORK_REACH = 15  # how far before a figure 务工/打工 still makes its income a wage
TURNOVER = re.compile(r"经营|营业|销售|产值")
PEOPLE_EARN = re.compile(r"农户|社员|群众|村民|脱贫户|贫困户")
SUMMED = re.compile(r"家里|全家|一家|家庭|总|合计|一共|共计")
SHARE_OF_COLLECTIVE = re.compile(r"[，,]?占\p{Han}{0,4}?集体(?:经济)?(?:总)?收入")
VILLAGE_AVERAGE = re.compile(r"(?<![个各])村均|每个?村")
EVERY_VILLAGE = re.compile(r"[个各]村均")
DEDUCTED = re.compile(r"除去|扣除|刨去|去掉|减去|扣掉|除掉")
INCOME_SOURCES = (re.compile(r"卖|种"), re.compile(r"务工|打工|零工|上班|干活"), re.compile(r"分红|红利"), re.compile(r"流转费|租金"))
COLLECTIVE_WORD = re.compile(r"集体(?:一年|每年|全年)的|集体(?!\p{Han}{0,3}的)")  # not 村集体经营的茶餐厅: the restaurant earns
COLLECTIVE_EARNS = re.compile(r"集体(?:一年|每年|全年)?的?\p{Han}{0,4}?(?:收入|收益|增收|经济)")  # 村集体一年的经营性收入


def classify(ctx: Context, lex: FigureWords) -> tuple[str, dict] | None:
    """(table, fields) for the figure, or None when it is no record (ages, dates, bare numbers)."""
    f = ctx.figure
    if f.text == "一块" and ctx.text[f.start - 1:f.start] in DEMONSTRATIVES:
        return None  # 光加工这一块就赚了…: "this part", not one yuan
    if f.kind == "money" or (f.kind == "number" and money_context(ctx, lex)):
        return "amounts", amount_fields(ctx, lex)
    if f.kind in PEOPLE_KINDS:
        return "household_counts", count_fields(ctx, lex, PEOPLE_KINDS[f.kind])
    if f.kind == "count" and f.unit == "个" and (m := lex.counted_noun.match(ctx.after)):
        unit = "户" if m.group().endswith("户") else "人"
        return "household_counts", count_fields(ctx, lex, unit)
    if f.kind in QUANTITY_KINDS or f.kind == "other":
        return "quantities", quantity_fields(ctx, lex)
    return None


def _weight_means_else(ctx: Context, lex: FigureWords) -> bool:
    """Money by the jin that is not its price: paid to the collective (`每销售一斤花椒向村集体缴纳0.6元`,
    `…作为村集体收入`), a rebate (`二次返利每斤0.3元`) or a cost (`每斤运输成本降了0.5元`)."""
    own = {lex.role_of[m.group()] for m in lex.role_pattern.finditer(ctx.before)}
    return bool(own & {"cost", "dividend", "wage", "collective_income", "investment"}) \
        or any(p.search(ctx.before) for p in (RENT, PAID_TO_COLLECTIVE, COLLECTIVE_RECEIVES)) \
        or bool(GOES_TO_COLLECTIVE.match(ctx.text, ctx.figure.end, ctx.sentence[1]))


def money_context(ctx: Context, lex: FigureWords) -> bool:
    """A bare 万/亿 is money when a role cue or the word 钱/金额 stands in its sentence, or when it
    is a difference (`同比去年高出3万多`) right after a sentence about money."""
    sentence = ctx.text[ctx.sentence[0]:ctx.sentence[1]]
    if lex.role_pattern.search(sentence) or lex.money_word.search(sentence):
        return True
    if not INCREASE_BEFORE.search(ctx.before):
        return False
    previous = ctx.sentences.around(max(len(ctx.text[:ctx.sentence[0]].rstrip()) - 1, 0))
    return previous != ctx.sentence and bool(lex.role_pattern.search(ctx.text, *previous))


def amount_fields(ctx: Context, lex: FigureWords) -> dict:
    f = ctx.figure
    units = per_units(ctx, lex) + ([f.per] if f.per else [])  # in written order: 每亩[每年500元]
    per = choose_per(units, "")
    by_weight = per in WEIGHT_UNITS and not _weight_means_else(ctx, lex)
    role = "price" if by_weight else amount_role(ctx, lex, per, pay_period=choose_per(units, "wage"))
    per = choose_per(units, role)
    if per is None and INCREASE_BEFORE.search(ctx.before) and (thing := thing_before(ctx, lex, priced=True)):
        per = thing  # 每斤卖到9.9元，比普通大米多卖三块多: a gap in the price by the jin
        role = "price" if thing in WEIGHT_UNITS or thing in lex.per_measure_words else role
    if role == "wage" and PEOPLE_AVERAGE.search(ctx.before):
        per = "人"  # 人均月工资2800元: an average over the workers (SPEC: 人均 → 人); 每人每天 stays by the day
    if piece := piece_rate(ctx, lex):
        role, per = "wage", piece
    elif role in ("other", "investment", "income") and per in lex.per_measure_words and per in ctx.before \
            and not _own_cue(ctx, lex) and not WORTH.search(ctx.before.rstrip("约近")):
        role = "price"  # 一箱10斤只要39块9, 一张蚕种一百来块钱: money by the thing, its clause saying nothing else of it
    return {"value_yuan": f.value, "value_max_yuan": f.value_max, "approx": f.approx, "per": per,
            "role": role, "year": year_of(ctx, lex)}


def amount_role(ctx: Context, lex: FigureWords, per: str | None, pay_period: str | None = None) -> str:
    cue = nearest_cue(ctx, lex)
    role = lex.role_of[cue] if cue else ("income" if GIVEN_TO.search(ctx.before) else "other")
    if cue and cue.startswith("卖") and not INCREASE_BEFORE.search(ctx.before) and not PAID_TO_COLLECTIVE.search(ctx.before):  # 卖出…1200多万元 brought in; 一只能卖到120元 a price
        return "income" if per is None or per in GROWN_ON else "price" if per not in PERIODS else role
    if structural := _role_from_structure(ctx, role, per) or _earner_before_pay(ctx, lex, role, cue, per, pay_period):
        return structural
    paid_person = per in (None, "人", "户") or per in PERIODS  # not 每头牛每月交托管费150元
    if pay_period in ("天", "月", "小时", "季度") and paid_person and (cue is None or cue in EARN_VERBS or not _own_cue(ctx, lex)):
        return "wage"  # 一天能挣200块, 每人每天能挣, 一个月能拿三千来块: pay for work by the day or month
    if (role in ("income", "other", "income_increase") or cue not in ctx.before) and not (cue and RENT.search(cue)) \
            and _pay_summed(ctx, lex):
        return "wage"
    if role == "income" and (_work_before(ctx, lex) or _pay_for_work(ctx, lex, per, cue)) and not _household_sum(ctx) \
            and not DEDUCTED.search(ctx.before) and not TURNOVER.search(ctx.before):  # 扣除…工资后盈余, 月均销售额: not pay
        return "wage"  # 在车间务工…月收入2000元: what a worker earns
    if role == "income" and _paid_out(ctx, lex):
        return "cost"  # 合作社支付流转费: a rent or fee is income to who receives it, cost to who pays
    if role == "investment" and any(lex.role_of[m.group()] == "cost" for m in lex.role_pattern.finditer(ctx.before)):
        return "cost"  # 成本投入, 降低投入成本: the money spent is a cost
    if role == "income" and (per == "村" and VILLAGE_AVERAGE.search(ctx.text, ctx.sentence[0], ctx.figure.start)
                             or EVERY_VILLAGE.search(ctx.before)):
        return "collective_income"  # 村均15万元, 其余3个村均在10万元以上: what villages earn is their collectives'
    if role == "cost" and cue not in ctx.before and DEDUCTED.search(ctx.text, ctx.sentence[0], ctx.clause[0]):
        return "income"  # 除去菌棒钱和电费，一个棚能落三四万块: what is left after the costs
    if role in ("income", "income_increase") and per not in ("人", "户") and _collective_before(ctx, lex):
        return "collective_income"
    if COLLECTIVE_RECEIVES.search(ctx.before) \
            and not any(lex.role_of[m.group()] not in ("income", "income_increase") for m in lex.role_pattern.finditer(ctx.before)):
        return "collective_income"  # 还为村集体带来21万, 为7个村带来固定收益105万元: the clause's receiver
    return role


def _earner_before_pay(ctx: Context, lex: FigureWords, role: str, cue: str | None, per: str | None,
                       pay_period: str | None) -> str | None:
    """Whose earnings they are, decided before any word of work can make them a wage: many
    households', a household's summed year, or the collective's."""
    if cue in GROUP_EARNINGS and per is None and ctx.figure.value >= PERSONAL_YEAR_PAY:
        return "income"  # 外出务工5.82万人，实现劳务收入15.6亿元: the households' earnings, no one's wage
    if not lex.role_pattern.search(ctx.before) and SENT_TO_COLLECTIVE.search(ctx.text, ctx.sentence[0], ctx.clause[0]):
        return "collective_income"  # …给村集体提取服务费，去年这一项就有22万多元: what the clause before sends it
    if role in ("wage", "income") and cue and cue not in ctx.before and pay_period not in ("天", "月", "小时") \
            and _household_sum(ctx):
        return "income"  # 去年分红加上在椒田里打工，一共拿了…: the household's sum, not the wage named before it
    if role == "income" and COLLECTIVE_EARNS.search(ctx.before):
        return "collective_income"  # 外出打工，村集体一年的收入只有3000多元: the collective's, not a wage
    return None


def _own_cue(ctx: Context, lex: FigureWords) -> bool:
    """A cue in the figure's own clause, before it or naming it right after (`50元补贴`)."""
    return bool(lex.role_pattern.search(ctx.before) or lex.role_pattern.search(ctx.after, 0, AFTER_REACH))


def _role_from_structure(ctx: Context, role: str, per: str | None) -> str | None:
    """What the sentence's shape says before any cue word: a difference from another year or
    crop is an increase (`比上年增加11.5万元`), not more of the total it grew; a room's rate by
    the night and a thing's worth are prices; money sent to or received by the collective is its
    income (`村集体分得三十余万元`, unless called a dividend), as is a level villages reach
    (`收入在50万元以上的村`); a rent priced by the mu is income (`以每亩每年350元的价格流转`)."""
    if INCREASE_BEFORE.search(ctx.before):
        return "income_increase"  # a growth (比上年增加, 比种玉米多挣) is not added to the total it grew
    if PAID_TO_COLLECTIVE.search(ctx.before) or PAID_TO_COLLECTIVE_AT_RATE.match(ctx.after):
        return "collective_income"  # 合作社每年向村集体交租金12万元: the collective receives it
    if per == "晚":
        return "price"  # 旺季客房每晚380元: a room's rate
    if WORTH.search(ctx.before) and MODIFIES.match(ctx.after) and role != "investment":
        return "price"  # 价值上万元的鹿 (but 购进了价值1000万元的农机 is money invested)
    if _part_of_collective_income(ctx):
        return "collective_income"  # 村集体经济收入达到46.8万元，其中分红收入31万元、资产租赁收入9.8万元
    if SHARE_OF_COLLECTIVE.match(ctx.text, ctx.figure.end, ctx.sentence[1]):
        return "collective_income"  # 企业每年支付租金28万元，占村集体经济收入的近七成
    if any(p.match(ctx.text, ctx.figure.end, ctx.sentence[1]) for p in (GOES_TO_COLLECTIVE, RENT_GOES_TO_COLLECTIVE)):
        return "collective_income"  # 冷库租金收入31.6万元，全部归村集体
    if (gets := COLLECTIVE_GETS.search(ctx.before)) and not _only_dividend(gets.group()):  # 按股分红后村集体分得
        return "collective_income"
    if SHARED_OUT.search(ctx.before) and DIVIDED_AFTER.match(ctx.text, ctx.figure.end, ctx.sentence[1]):
        return "dividend"  # 拿出105万元二次分红, 村集体拿出15万元给全村577名村民分红: shared out, not earned
    subject = COLLECTIVE_SUBJECT.match(ctx.text, _subject_start(ctx), ctx.figure.start) and per not in ("亩",) \
        or (_collective_did(ctx) and not DIVIDEND_WORD.search(ctx.before))  # 获得分红收入: a dividend
    if role == "income" and per not in ("人", "户") and subject and not TURNOVER.search(ctx.before):
        return "collective_income"  # 村集体通过出租厂房…，获得收入38.4万元 (not its 经营收入, nor 一亩…收入: the farmers')
    if (VILLAGE_LEVEL.match(ctx.after) or RANKED_VILLAGE.search(ctx.before)) \
            and "收入" in ctx.text[ctx.sentence[0]:ctx.figure.start] \
            or RANKED_AFTER.match(ctx.after) and "集体" in ctx.text[max(0, ctx.sentence[0] - NEIGHBOUR_REACH * 3):ctx.figure.start]:
        return "collective_income"  # a level villages reach, or the village ranked by its income
    if role == "price" and RENT.search(ctx.text, *ctx.clause):
        return "income"
    return None


def _part_of_collective_income(ctx: Context) -> bool:
    """The clause lists the parts (`其中…`) of the collective's income stated right before it."""
    if not ctx.before.startswith("其中") or DIVIDEND_WORD.search(ctx.before):
        return False  # 其中合作社分红提取15.6万元: a part named a dividend stays one
    return bool(COLLECTIVE_TOTAL.search(ctx.text, max(0, ctx.clause[0] - 40), ctx.clause[0]))


def _only_dividend(gotten: str) -> bool:
    """What the collective gets is named a dividend and nothing else (`村集体分得红利16.5万元`, not
    `村集体每年从车间收取租金和分红共15万元`)."""
    return bool(DIVIDEND_WORD.search(gotten)) and not OTHER_INCOME.search(gotten)


def _subject_start(ctx: Context) -> int:
    """Where the figure's subject may stand: its sentence's start, or after a semicolon in it."""
    return max(ctx.sentence[0], *(ctx.text.rfind(mark, ctx.sentence[0], ctx.figure.start) + 1 for mark in "；;"))


def _collective_did(ctx: Context) -> bool:
    """The clause has no subject of its own and the one before begins with the village collective
    (`…，村集体通过收取托管费和牛舍租赁，实现收入31.2万元`)."""
    if not SUBJECTLESS.match(ctx.before) or ctx.clause[0] <= ctx.sentence[0]:
        return False
    start = max(ctx.sentence[0], *(ctx.text.rfind(m, ctx.sentence[0], ctx.clause[0] - 1) + 1 for m in "，,"))
    return bool(COLLECTIVE_CLAUSE.match(ctx.text, start, ctx.clause[0]))


def _paid_out(ctx: Context, lex: FigureWords) -> bool:
    """The clause's subject pays the money out (`合作社每年支付流转费`), unless it names who
    receives it (`企业每年向村里支付年租金`: income to the village the story is about)."""
    paid = lex.payer.search(ctx.before)
    return bool(paid) and not re.search(r"向|给", ctx.before[:paid.start()])


def _pay_for_work(ctx: Context, lex: FigureWords, per: str | None, cue: str | None) -> bool:
    """A person's earnings by the month, day or year in a sentence about work: `扶贫车间…一个月
    收入近2000元`, `务工工资每天80至100元,一年下来能挣一万五千元左右` (a year's total above a
    person's pay is a workshop's or a village's output, not a wage)."""
    sentence_before = ctx.text[ctx.sentence[0]:ctx.figure.start]
    if not any(w in sentence_before for w in lex.work_words):
        return False
    if per in ("月", "天") or lex.pay_period.search(ctx.before):
        return True
    if cue in EARN_VERBS and any(w in ctx.before for w in lex.work_words):
        return True  # 在加工厂做季节工又挣了八千来块: earned by the work its clause names
    # a worker's year (`吸纳…就近就业,其中贫困群众18名,年收入3500元以上`), not a household's
    return cue in EARNINGS and per == "年" and ctx.figure.value < PERSONAL_YEAR_PAY \
        and not HOUSEHOLD.search(sentence_before)


def _household_sum(ctx: Context) -> bool:
    """A household's year from several sources (`加上在合作社务工和分红，全家年收入达到4万多元`,
    `家庭人均纯收入`), not a wage (`一家人一年光务工就能挣两三万块钱` is one)."""
    if "加起来" in ctx.before and "、" in ctx.before:
        return True  # 去年分红、务工两项收入加起来有两万三千多元
    clauses_before = ctx.text[ctx.sentence[0]:ctx.clause[0]]  # the sources are listed, the total follows
    if sum(bool(source.search(clauses_before)) for source in INCOME_SOURCES) >= 2 \
            and not any(source.search(ctx.before) for source in INCOME_SOURCES) \
            and (SUMMED.search(ctx.before) or "加上" in clauses_before or HOUSEHOLD.search(clauses_before)):  # not 除了分红,我还上班…能挣
        return True  # 去年卖桔子、打零工，家里收入达到7.6万元
    return bool(HOUSEHOLD.search(ctx.before)) and ("家庭" in ctx.before or "加上" in ctx.text[ctx.sentence[0]:ctx.figure.start])


def _pay_summed(ctx: Context, lex: FigureWords) -> bool:
    """A year's or season's earnings after pay by the day or month (`一个月3000块钱,一年挣36000块钱`,
    `100块钱一天,一年有1万多的收入`, `一天能挣两百多元。“一季下来能挣一万多块`): the same wage, summed — unless a household's
    year is meant (`一个月工钱2100块钱,我们一年收入是2万多块钱`)."""
    season = SEASON_SUMMED.search(ctx.text, ctx.sentence[0], ctx.figure.start)
    start = ctx.sentences.around(max(ctx.sentence[0] - 2, 0))[0] if season else ctx.sentence[0]
    earlier = ctx.text[start:ctx.clause[0]]  # a season's sum may follow the day's pay said just before
    return bool(lex.pay_year.search(ctx.before) or season) and bool(DAY_OR_MONTH_PAY.search(earlier)) \
        and not HOUSEHOLD.search(ctx.before) and ctx.figure.value < PERSONAL_YEAR_PAY


def _work_before(ctx: Context, lex: FigureWords) -> bool:
    """Work is named close before the figure (its clause or the one before it)."""
    before = ctx.text[max(ctx.sentence[0], ctx.figure.start - WORK_REACH):ctx.figure.start]
    return any(w in before for w in lex.wage_context)


def _collective_before(ctx: Context, lex: FigureWords) -> bool:
    """The village collective is the earner named before the figure in its sentence
    (村集体年收入…,平均达到15.68万元)."""
    before = ctx.text[ctx.sentence[0]:ctx.figure.start]
    if PEOPLE_EARN.search(ctx.before):
        return False  # …村集体分得收益34.6万元，入社农户亩均增收200元: the farmers' own
    return bool(COLLECTIVE_WORD.search(ctx.before) or COLLECTIVE_EARNS.search(before))


def nearest_cue(ctx: Context, lex: FigureWords) -> str | None:
    """The cue governing the figure: the noun it modifies (`带来5000元的分红`) or its purpose
    (`拿出458万元进行分红`), else the nearest
    one before it in its clause, else the head of the noun phrase right after it (`10万元扶贫资金
    收益` → 收益), else the nearest before in the sentence, else in the sentences beside it (a roll
    call of payouts under `…分红大会`: `“陆风军3065元,张海斌14712元……”`)."""
    modified = MODIFIES.match(ctx.after) or PURPOSE.match(ctx.after)
    for skip in range(MODIFIER_REACH + 1) if modified else ():  # 500元的标准支付土地流转费
        if cue := lex.role_pattern.match(ctx.after, modified.end() + skip):
            while following := lex.role_pattern.match(ctx.after, cue.end()):
                cue = following  # 固定投资收益: the noun's head comes last
            return cue.group()
    if head := _head_noun(ctx.after, lex):
        return head
    before = [m for m in lex.role_pattern.finditer(ctx.before)
              if not (m.group() == "争取" and m.end() == len(ctx.before))]  # 争取过四十万: a target, not funds sought
    if before and len(ctx.before) - before[-1].end() <= BEFORE_REACH:
        return before[-1].group()
    head = ctx.after[:AFTER_REACH]
    after = list(lex.role_pattern.finditer(head))
    if after:
        return after[-1].group() if after[0].start() <= 4 else after[0].group()
    if before:
        return before[-1].group()
    sentence_before = ctx.text[ctx.sentence[0]:ctx.clause[0]]
    earlier = list(lex.role_pattern.finditer(sentence_before))
    if earlier:
        return earlier[-1].group()
    if lex.role_pattern.search(ctx.text, ctx.clause[1], ctx.sentence[1]):
        return None  # the sentence's cues after the figure are other figures'
    return _neighbouring_cue(ctx, lex)


def _head_noun(after: str, lex: FigureWords) -> str | None:
    """`50万元项目资金` → 资金, `10万元扶贫资金收益` → 收益: the last of the cues written on
    from a 资金 right after the figure (a noun phrase's head comes last)."""
    noun = NOUN_AFTER.match(after)
    if not noun:
        return None
    cue = head = lex.role_pattern.match(after, noun.end() - 2)
    while cue and (cue := lex.role_pattern.match(after, cue.end())):
        head = cue
    return head.group() if head else None


def _neighbouring_cue(ctx: Context, lex: FigureWords) -> str | None:
    """The last cue of the sentences before (short lines of one story: `发“年终奖”啦/村民们排队领钱/
    有村民把6万多元抱回了家`), else the first of the sentence after."""
    here = ctx.sentence
    while (before := ctx.sentences.around(max(len(ctx.text[:here[0]].rstrip()) - 1, 0))) != here:
        if cues := list(lex.role_pattern.finditer(ctx.text, *before)):
            return cues[-1].group()
        if ctx.sentence[0] - before[0] > NEIGHBOUR_REACH:
            break
        here = before
    after = ctx.sentences.around(ctx.sentence[1] + len(ctx.text[ctx.sentence[1]:]) - len(ctx.text[ctx.sentence[1]:].lstrip()))
    if after != ctx.sentence and (cue := lex.role_pattern.search(ctx.text, *after)):
        return cue.group()
    return None


def year_of(ctx: Context, lex: FigureWords) -> int | None:
    """The last year written before the figure in its sentence, unless a relative year (去年,
    今年…) stands between them: `从2020年的54万元增至去年的127万元`."""
    years = list(YEAR.finditer(ctx.text, ctx.sentence[0], ctx.figure.start))
    if not years or lex.relative_year.search(ctx.text, years[-1].end(), ctx.figure.start):
        return None
    return int(years[-1].group(1))


def quantity_fields(ctx: Context, lex: FigureWords) -> dict:
    f = ctx.figure
    kind = f.kind if f.kind in QUANTITY_KINDS else "other"
    return {"value": f.value, "value_max": f.value_max, "unit": f.unit, "kind": kind,
            "approx": f.approx, "object": count_object(ctx, lex) if kind == "count" else None}


def count_object(ctx: Context, lex: FigureWords) -> str | None:
    """What a counter counts: the noun after it (`8栋日光温室大棚`) or before it (`合作社21家`)."""
    after = lex.object_after.match(ctx.after)
    if after:
        return after.group()
    before = lex.link_tail.sub("", ctx.before)
    verb = lex.object_verb.search(before)
    noun = before[verb.end() if verb else 0:][-8:]
    return noun if len(noun) > 1 else None
