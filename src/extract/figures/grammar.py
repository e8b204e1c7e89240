"""The number grammar's data: approx words, multipliers, digits, units, per-units, range
separators, idioms and the Traditional characters the grammar reads (as price-parser keeps its
currencies in `_currencies.py`). Tables of the grammar, not word lists of a domain: parse.py
compiles them once at import.
"""
from __future__ import annotations

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
APPROX_MID: dict[str, str] = {"余": "over", "多": "over", "几": "over", "来": "about", "把": "about"}  # 万把块: about 10000
# After the unit ("3500元以上").
APPROX_AFTER: dict[str, str] = {
    "以上": "over", "以下": "under", "以内": "under", "左右": "about", "上下": "about", "出头": "over",
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
    "块钱": ("元", "money"), "毛": ("元", "money"), "毛钱": ("元", "money"),  # 毛: a tenth of a 元
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
    "棒", "穗",  # 菌棒: 3.2万棒香菇; 800万穗鲜食玉米
)
UNITS.update({c: (c, "count") for c in COUNTERS})
UNIT_FIRST_CHARS = frozenset(u[0] for u in UNITS) - {"毛"}
# A number glued to these nouns counts households: "127贫困户", "722个贫困户".
# Household nouns a number is glued to ("127贫困户", "4万余贫困农户"): units of the grammar, so
# the figure counts households; who they are is read from the same words by classify.py.
HOUSEHOLD_NOUNS = (
    "贫困户", "建档立卡贫困户", "建档立卡户", "脱贫户", "农户", "低保户", "五保户", "困难户",
    "贫困农户", "低收入农户", "脱贫农户", "监测户", "边缘户", "搬迁户",
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
BLOCK_COUNT_BEFORE = "地田板砖屏牌石状“"  # 另一块“蛋糕”: a piece of something
# 里 is a length only before these: "10里地"; else a village name ("八里店", "三十里铺").
LI_ALLOWED_BEFORE = "地路外远长"
# 毛 is a tenth of a yuan only before these ("七毛五一斤", "三四毛钱", "两毛多。"); else a word of its
# own ("毛收入", "毛竹", "一毛不拔").
MAO_ALLOWED_BEFORE = "钱一二三四五六七八九多左上到至—-~，,。、；;！!？?”）)\n"
# With a bare multiplier and no approx word these are idioms ("千家万户", "富万家", "千年枣林").
BARE_MULT_BLOCKED_UNITS = ("户", "家", "年")

# Per-unit words: "元/斤", "每吨1500元", "40元一斤", "人均3500元".
PER_UNITS: dict[str, str] = {
    "平方米": "平方米", "平米": "平米", "公斤": "公斤", "千克": "千克", "个月": "月",
    "小时": "小时", "斤": "斤", "吨": "吨", "亩": "亩", "垧": "垧", "人": "人", "户": "户",
    "年": "年", "月": "月", "天": "天", "日": "天", "股": "股", "间": "间", "棚": "棚",
    "头": "头", "只": "只", "株": "株", "棵": "棵", "箱": "箱", "袋": "袋", "盒": "盒",
    "瓶": "瓶", "件": "件", "次": "次", "晚": "晚", "村": "村", "家": "家", "棒": "棒",
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
