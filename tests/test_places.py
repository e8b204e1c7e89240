"""Villages and the divisions around them, read from the character stream (places.py)."""
from __future__ import annotations

import pytest

from entity_helpers import geography, place_lexicon, simplified, villages
from extract.places import find_divisions

# (snippet, village names found) — real sentences from the seeds and dev pages.
VILLAGES = [
    ("initial-that-is-also-a-preposition", "三穗县台烈镇对江坪村的鸭棚里一片喧闹。2022年,对江坪村党支部牵头成立合作社。",
     ["对江坪村"]),  # every mention carries 对: the name's own, not "towards"
    ("initial-after-a-mark-the-cooperative-carries-too", "村党支部领办扎囊县措久林青稞种植农民专业合作社。合作社理事长、措久林村党支部书记旦增说。",
     ["措久林村"]),
    ("a-preposition-before-one-mention-only", "三穗县台烈镇对江坪村进行了验收。江坪村党支部牵头成立合作社。", ["江坪村"]),
    ("a-direction-word-begins-the-name", "在合作社带动下,邻近的前刘集村也成立了杂粮专业合作社。", ["前刘集村"]),
    ("gacha-inner-mongolia", "科右前旗巴日嘎斯台乡巴音查干嘎查建成肉牛交易市场", ["巴音查干嘎查"]),
    ("seed000-cut-by-pkuseg", "镇扶贫站积极与秋满园枣业有限公司对接,定点收购王双志村11户贫困户红枣4080斤", ["王双志村"]),
    ("seed000-written-together", "乐陵市朱集镇王双志村11户贫困户", ["王双志村"]),
    ("seed000-doubled-town-suffix", "12月26日,孔镇镇吕门楼村村民吕廷和脸上洋溢着满满的幸福感。", ["吕门楼村"]),
    ("seed001-after-preposition", "4月20日,在孔庄村贫困户孔祥轩家,他的妻子激动地说。", ["孔庄村"]),
    ("seed001-semicolon-list", "让周边30余名妇女实现了在家门口轻松就业;张庄村的即发针织分厂加工厂车间解决了就业问题。", ["张庄村"]),
    ("seed001-four-characters", "位于三十里铺村的坤德电子公司解决80余名贫困人口就业问题。", ["三十里铺村"]),
    ("seed002-enumeration", "将枣坡村、东杜林疃村等8个村、共计500万元的扶持资金,打捆统筹使用", ["枣坡村", "东杜林疃村"]),
    ("seed002-town-with-村", "磁县时村营乡小盆沟村通过种植高效农作物生姜,实现集体经济增收。", ["小盆沟村"]),
    ("seed003-admin-and-natural", "在曹县青荷街道办事处季庄行政村八里店自然村,“五一”期间,天刚蒙蒙亮", ["季庄行政村", "八里店自然村"]),
    ("numbered-village", "他回到四号村担任党支部书记。", ["四号村"]),
    ("d04-town-missing-from-gazetteer", "2月7日,江口县官和乡官和村村委会人头攒动,一眼望去甚是热闹", ["官和村"]),
    ("d04-known-name-after-verb", "合作社的股东之一、家住官和村坳上组的郭燕开心地说。官和村的合作社", ["官和村"]),
    ("word-after-verb", "县里大力支持江冲村发展黄桃产业。", ["江冲村"]),
    ("autonomous-county-written-short", "金秋十月,紫云自治县猫营镇大田坝村的红芯红薯基地里", ["大田坝村"]),
    ("word-after-pronoun-kept-when-named-again", "帮助各洛村23户村民集中安置。各洛村位于山腰。", ["各洛村"]),
    ("d16-long-name-after-town", "阿克苏市住房和城乡建设局驻阿克苏市拜什吐格曼乡尤喀克格西木艾日克村“访惠聚”工作队", ["尤喀克格西木艾日克村"]),
    ("d09-新村", "在湖南浏阳市达浒镇椒花新村电商服务站,徐明柏和他妻子何佳把快递箱搬运到皮卡车上", ["椒花新村"]),
    ("d20-name-like-a-word", "从东兴村赶去10里地外的同心村。", ["东兴村", "同心村"]),
    ("conjunction-starts-name", "和平村党支部书记李明说,今年全村种植辣椒500亩。", ["和平村"]),
    ("verb-name-confirmed-by-repetition", "建设村给村民发“年终奖”。昨日,记者再次来到建设村。", ["建设村"]),
    ("trad-seed001", simplified("給孔祥軒的4600元來自於姜莊村黨支部領辦合作社,截止到2019年9月"), ["姜庄村"]),
    ("trad-d01", simplified("在河南省商水縣平店鄉劉橋村成片的大棚中,近百畝果蔬進入收穫季。"), ["刘桥村"]),
    ("trad-d07", simplified("五月,甘肅省合水縣的春天還帶著絲絲寒意,合水縣郝莊村奶山羊合作社正在召開今年第一次分紅大會。"),
     ["郝庄村"]),
    ("noisy-caption-before-title", "乡村干部报网\n刘桥村西红柿喜获丰收\n", ["刘桥村"]),
    ("two-character-name-ending-强", "富强村是朱集镇的一个村,全村耕地2.6万亩。", ["富强村"]),
    ("name-after-a-村-word", "县里组织村干部到王家庄村参观学习。", ["王家庄村"]),
    ("kind-word-name-after-town", "乐陵市朱集镇苹果村今年种植苹果500亩。", ["苹果村"]),
    ("kind-word-name-named-twice", "苹果村的果农正在采摘。苹果村今年人均收入1.2万元。", ["苹果村"]),
    ("direction-word-after-town", "走进曹县青岗集镇后李庄村扶贫车间,工人们正在忙碌。", ["后李庄村"]),
    ("long-name-written-twice", "其中,阿克吐尔尕艾日克村股份经济合作社种植小麦。镇里在阿克吐尔尕艾日克村建设冷库1座。",
     ["阿克吐尔尕艾日克村"]),
    ("noisy-no-punctuation", "一年挣36000块钱感谢工作队阿克苏市住房和城乡建设局驻拜什吐格曼乡尤喀克格西木艾日克村“访惠聚”",
     ["尤喀克格西木艾日克村"]),
]

# Generic words and counts: no village at all.
NOT_VILLAGES = [
    ("what-a-village-grows", "力争三年内每个枇杷主产村都有一家合作社,这里也是全镇最大的产茶村。"),
    ("a-herding-village", "这里是纯牧业村,2020年村集体经济收入不足3万元。"),
    ("more-villages-and-an-idiom", "接下来将推动更多村党组织领办合作社,让茶农足不出村就能卖出鲜叶。"),
    ("kinds-a-village-is-called", "这里是许岭镇唯一的山区村,过去是有名的“空壳村”,驻镇帮镇扶村工作队进驻后变了样。"),
    ("外-is-no-direction-that-names", "“如果外村人成了合作社的大股东,那就变味了。”"),
    ("quantifiers", "部分村依赖光伏和资产租赁收入,其余村均在10万元以上,个别村仍然薄弱。"),
    ("各村", "镇党委书记经常深入到各村督导脱贫攻坚质量。"),
    ("verb-phrase", "在车间上班,不出村就能挣钱。"),
    ("big-in-something", "这里是远近闻名的养羊大村,全村413户。"),
    ("verb-after-county", "2018年,沂水县大力推行村党支部领办合作社,覆盖全县。"),
    ("hardship-villages", "镇里对经济困难村实行结对帮扶。"),
    ("many-other-villages", "听说合作社要集资,很多外村的村民也来入股。"),
    ("all-villages-after-town", "如今红格尔图镇所有行政村集体收入均突破10万元。"),
    ("全村", "2013年,全村315户1262人,139户562人是建档立卡贫困户。"),
    ("该村", "2017年该村贫困户仅产业分红一项近5万元。"),
    ("贫困村", "合水县是国家级贫困县,这里又是当地出了名的贫困村"),
    ("省定贫困村-count", "临清市刘垓子镇有12个省定贫困村和722个贫困户,体量大,任务重"),
    ("帮扶村", "省派第一书记帮扶村集体经济收入全部达到10万元以上"),
    ("专业村", "确定打造家庭手工业专业乡、专业村发展目标后"),
    ("村集体", "破解农村村集体增收难题"),
    ("村民", "培养村民通过电商平台进行线上农产品的售卖"),
    ("村两委", "组织村“两委”班子成员、致富带头人到先进地区学习锻炼"),
    ("村支部书记", "由乡长带队组织各村支部书记到山东鄄城参观"),
    ("美丽乡村", "美丽乡村夯基础,教育扶贫拔穷根"),
    ("走村入户", "全体包村干部走村入户回访贫困户"),
    ("驻村第一书记", "被派往县里担任驻村第一书记"),
    ("nickname-in-quotes", "有网友给这里取了一个新名字:“土豪村”"),
    ("one-character-before", "曾是河南舞阳县的穷村。"),
    ("示范村-label", "先后还获得了全国民主法治示范村、省级卫生村等荣誉称号。"),
    ("社区-unanchored", "宁乡返乡创业青年沈康成立社区电商平台"),
    ("村子", "已实现村子的全覆盖"),
    ("verb-before-村-modifier", "利用村传统产业,由村委会和挂点单位牵头,整合扶贫资金"),
    ("村村通", "全县实现村村通公路"),
    ("inside-村-word", "近年来,村里由村党支部牵头成立了合作社。"),
    ("comparison-的", "其中50万元以上的村达到4个。"),
    ("comparison-以上", "收入10万元以上村有3个。"),
    ("普通村", "这里是镇上的一个普通村,全村耕地2万亩。"),
    ("kind-种植大村-after-county", "乐陵市蔬菜种植大村有8个。"),
    ("kind-word-once", "我们村变成了远近闻名的苹果村。"),
    ("安置社区-after-town", "朱集镇安置社区建成扶贫车间1个。"),
    ("slogan-强村", "探索一条产业强村的新路子。"),
    ("slogan-强村富民-after-a-verb", "党支部领办合作社“领”出强村富民新路径。"),
    ("the-banners-villages", "全旗嘎查村集体经济总收入达到6860万元,所有嘎查村收入均达到10万元以上。"),
]


@pytest.mark.parametrize(("snippet", "expected"), [pytest.param(s, e, id=i) for i, s, e in VILLAGES])
def test_villages_found(snippet, expected):
    assert list(villages(snippet)) == expected


@pytest.mark.xfail(strict=True, reason="LAC reads 官 / 和 / 村坳: named once with a conjunction inside, "
                                       "the name is doubted (the full page names it again and keeps it)")
def test_a_lone_name_the_word_layer_splits():
    assert list(villages("合作社的股东之一、家住官和村坳上组的郭燕开心地说")) == ["官和村"]


@pytest.mark.parametrize("snippet", [pytest.param(s, id=i) for i, s in NOT_VILLAGES])
def test_generic_words_are_no_villages(snippet):
    assert villages(snippet) == {}


# (snippet, village, expected town/county/...) — where the article puts the village.
WHERE = [
    ("written-together", "乐陵市朱集镇王双志村", "王双志村", {"town": "朱集镇", "county": "乐陵市"}),
    ("article-context", "今年以来,临清市刘垓子镇党委狠抓班子建设。4月20日,在孔庄村贫困户孔祥轩家。",
     "孔庄村", {"town": "刘垓子镇", "county": "临清市"}),
    ("town-named-with-乡镇", "彰武县阿尔乡镇辖14个行政村。\n在西营子村建设肉牛托管养殖小区1处。", "西营子村",
     {"town": "阿尔乡镇", "county": "彰武县"}),
    ("a-brand-named-after-the-village-is-no-town",
     "村党支部牵头成立抚松县兴参人参种植专业合作社。距离兴参村十多公里的板石河村,走的是另一条路子。", "板石河村",
     {"town": None, "county": "抚松县"}),
    ("an-alias-takes-the-official-name-the-article-writes",
     "宽甸满族自治县青山沟镇蓝莓丰收。\n宽甸县泉水蓝莓专业合作社带动农户。离镇上不远的石门子村,建起了民宿。", "石门子村",
     {"town": "青山沟镇", "county": "宽甸满族自治县"}),
    ("县里-is-no-county", "灌云县圩丰镇小王村的合作社还和县里的餐馆签了订单。", "小王村",
     {"town": "圩丰镇", "county": "灌云县"}),
    ("short-county-stays-short", "在梁山,省社保中心派驻馆驿镇西张庄村第一书记", "西张庄村",
     {"town": "馆驿镇", "county": "梁山"}),
    ("county-written-in-a-short-form-the-gazetteer-lacks", "初冬,喀左县中三家镇西沟村的温室里暖意融融。", "西沟村",
     {"town": "中三家镇", "county": "喀左县"}),
    ("banner-written-short-before-its-town", "走进科右前旗俄体镇永兴村养殖户的牛舍。", "永兴村",
     {"town": "俄体镇", "county": "科右前旗"}),
    ("county-from-gazetteer", "5月6日,庄寨镇西冯寨村村民冯学长正和妻子一起给西红柿打杈。", "西冯寨村",
     {"town": "庄寨镇", "county": "曹县"}),
    ("visit-elsewhere-keeps-context", "魏县沙口集乡:党建引领。由乡长带队到山东鄄城参观。如北辛庄村支部书记刘振堂到浙江考察",
     "北辛庄村", {"town": "沙口集乡", "county": "魏县"}),
    ("county-then-town-short", "1月7日,随县万福店火凤凰合作社分红。凤凰山村党支部书记介绍", "凤凰山村",
     {"town": "万福店", "county": "随县"}),
    ("autonomous-prefecture-alias", "凉山州冕宁县复兴镇建设村召开合作社分红大会", "建设村",
     {"city": "凉山州", "county": "冕宁县", "town": "复兴镇"}),
    ("full-form-in-a-sentence-naming-it", "在泗水,圣水峪镇东仲都村种植桃树。东仲都村是泗水县的林果大村。",
     "东仲都村", {"county": "泗水县"}),
    ("full-form-only-with-another-village", "在泗水,圣水峪镇东仲都村种植桃树。泗水县南陈村也种桃树。",
     "东仲都村", {"county": "泗水"}),
    ("new-county-drops-old-town", "涉县更乐镇发展旅游。邱县枣坡村金银花田地", "枣坡村", {"county": "邱县", "town": None}),
    ("a-neighbour-lies-in-the-same-town", "涉县更乐镇大港村种花椒。邱县陈村乡建蔬菜棚。\n与大港村一山之隔的石岗村,则在养蜂。",
     "石岗村", {"town": "更乐镇", "county": "涉县"}),
    ("a-neighbour-of-the-last-village-named", "涉县更乐镇大港村种花椒。邱县陈村乡建蔬菜棚。\n在大港村的带动下,邻近的石岗村也养起了蜂。",
     "石岗村", {"town": "更乐镇", "county": "涉县"}),
]


@pytest.mark.parametrize(("snippet", "village", "expected"), [pytest.param(*w[1:], id=w[0]) for w in WHERE])
def test_where_a_village_lies(snippet, village, expected):
    row = villages(snippet)[village]
    assert {k: row[k] for k in expected} == expected


def test_mentions_and_status_of_one_village():
    text = ("其中的姜庄村党支部领办合作社流转土地1260亩。姜庄村党支部同时与企业合作。"
            "使姜庄村从一个省定贫困村发展成为带领周边村脱贫攻坚的“领头羊”。")
    row = villages(text)["姜庄村"]
    assert (row["mentions"], row["status"]) == (3, "省定贫困村")


# (snippet, expected (name, level) of the divisions found)
DIVISIONS = [
    ("short-county-before-town", "乐陵朱集镇枣企业助力精准扶贫", [("乐陵", "county"), ("朱集镇", "town")]),
    ("short-between-punctuation", "在泗水,省派第一书记结合工作调研", [("泗水", "county")]),
    ("short-list", "来到泗水、微山、鱼台、梁山等4个县", [("泗水", "county"), ("微山", "county"), ("鱼台", "county"),
                                                      ("梁山", "county")]),
    ("city-in-dateline", "长城网邯郸讯(记者霍文龙)党建兴则队伍强", [("邯郸", "city")]),
    ("short-inside-word", "积极致力于把合作社抱团发展优势结合起来", []),
    ("short-inside-slogan", "探索一条强村富民新路子", []),
    ("乡村-is-no-town", "努力打造党建振兴乡村新模式", []),
    ("乡镇-is-no-town", "服务范围涉及江口县全境及黔东南州岑巩县部分乡镇", [("江口县", "county"), ("黔东南州", "city"),
                                                                ("岑巩县", "county")]),
    ("one-character-county-needs-boundary", "仅在兴县绿之源扶贫攻坚造林合作社里", [("兴县", "county")]),
]


@pytest.mark.parametrize(("snippet", "expected"), [pytest.param(s, e, id=i) for i, s, e in DIVISIONS])
def test_divisions(snippet, expected):
    found = find_divisions(snippet, place_lexicon())
    assert [(p.name, p.level) for p in found] == expected
    assert all(snippet[p.start:p.end] == p.name for p in found)


def test_offsets_point_at_the_name():
    text = "定点收购王双志村11户贫困户红枣4080斤,王双志村"
    geo = geography(text)
    assert [text[v.start:v.end] for v in geo.villages] == ["王双志村", "王双志村"]


def test_an_autonomous_county_written_with_its_short_name_keeps_it():
    """紫云自治县 is how the text writes 紫云苗族布依族自治县: the villages table keeps it as written."""
    assert villages("金秋十月,紫云自治县猫营镇大田坝村的红芯红薯基地里")["大田坝村"]["county"] == "紫云自治县"
