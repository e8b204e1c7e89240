"""Cooperatives: named ones and ones identified by their village; never kinds or counts."""
from __future__ import annotations

import pytest

from entity_helpers import cooperatives, simplified

# (snippet, {name: expected fields}) — real sentences from the seeds and dev pages.
NAMED = [
    ("corner-quotes", "寿宁县下党乡成立「下党红」茶叶专业合作社,带动120户茶农增收",
     {"下党红茶叶专业合作社": {}}),
    ("seed003-after-的", "例如阎店楼镇马路咀村党支部领办的六联专业种植合作社,流转土地3500余亩全部入股龙头企业",
     {"六联专业种植合作社": {"village": "马路咀村", "led_by": "党支部"}}),
    ("seed001-quoted", "去年国庆节期间,姜庄村党支部与聊城易扬天诚有限公司合作,成立“七彩田园”合作社,发展乡村旅游",
     {"七彩田园合作社": {"village": "姜庄村"}}),
    ("seed001-by-village", "给孔祥轩的4600元来自于姜庄村党支部领办合作社,截止到2019年9月,该合作社实现项目收益48.75万元",
     {"姜庄村党支部领办合作社": {"village": "姜庄村", "led_by": "党支部"}}),
    ("d01-after-成立了", "2016年成立了商水县盈康蔬菜种植农民专业合作社,并以“基地+合作社+农户+贫困户”模式不断发展壮大。",
     {"商水县盈康蔬菜种植农民专业合作社": {"model": "基地+合作社+农户+贫困户"}}),
    ("d13-person-founder", "为了扶贫,余新强成立了兴强电商绞股蓝专业合作社,每年投资30多万元",
     {"兴强电商绞股蓝专业合作社": {}}),
    ("d16-after-加入", "2018年,工作队引导13户贫困户加入红金珠果业农民专业合作社,在做大做强产业上下功夫。",
     {"红金珠果业农民专业合作社": {}}),
    ("d16-leader-person", "红金珠果业农民专业合作社负责人艾买尔·托乎提:“核桃加工170吨",
     {"红金珠果业农民专业合作社": {"led_by": "艾买尔·托乎提"}}),
    ("d17-bare-name-after-成立", "2010年村里成立了农旺合作社,下设种养殖公司和投资公司", {"农旺合作社": {}}),
    ("d20-kind-named-by-its-village", "东兴村却通过村集体出资组建农机合作社进行土地集中连片经营",
     {"东兴村农机合作社": {"village": "东兴村", "led_by": "村集体"}}),
    ("d08-group-word-in-name", "在参与分红的35户贫困户中,贫困户白茶种植专业合作社21户,龙建山庄白茶种植专业合作社6户,炜鑫种植专业合作社8户。",
     {"贫困户白茶种植专业合作社": {}, "龙建山庄白茶种植专业合作社": {}, "炜鑫种植专业合作社": {}}),
    ("d05-short-form-is-same-one", "1月7日,随县万福店火凤凰种植养殖农民专业合作社分红仪式上热闹非凡。据了解,火凤凰合作社注册资本1000万元。",
     {"随县万福店火凤凰种植养殖农民专业合作社": {}}),
    ("trad-d07", simplified("合水縣郝莊村奶山羊合作社正在召開今年第一次分紅大會。"),
     {"合水县郝庄村奶山羊合作社": {"village": "郝庄村"}}),
    ("trad-d05", simplified("1月7日,隨縣萬福店火鳳凰種植養殖農民專業合作社分紅儀式上熱鬧非凡"),
     {"随县万福店火凤凰种植养殖农民专业合作社": {}}),
    ("noisy-figure-before-name", "我们一年收入是2万多块钱红金珠果业农民专业合作社负责人艾买尔·托乎提:“核桃加工170吨",
     {"红金珠果业农民专业合作社": {}}),
    ("federation", "在陕西供销企业集团的指导下,以富通农民专业合作社联合社为主体,投放资金3000万元",
     {"富通农民专业合作社联合社": {}}),
    ("general-co-op", "兴县蔚汾镇公义村经济合作总社引领村民共同致富", {"兴县蔚汾镇公义村经济合作总社": {}}),
    ("founder-then-full-name", "去年,李家村党支部领办永和县李家红枣种植专业合作社,吸纳80户入社",
     {"永和县李家红枣种植专业合作社": {"village": "李家村", "led_by": "党支部"}}),
    ("founder-and-kind-only", "村里成立了茅坝村党支部领办茶叶专业合作社,吸纳156户茶农入社",
     {"茅坝村党支部领办茶叶专业合作社": {"village": "茅坝村", "led_by": "党支部"}}),
    ("year-before-name", "2022年宁县早胜镇新庄村金谷种植专业合作社实现销售收入120万元",
     {"宁县早胜镇新庄村金谷种植专业合作社": {"village": "新庄村"}}),
    ("quoted-whole-after-county", "2019年,罗平“金穗蔬菜种植专业合作社”从外地引进新品种",
     {"金穗蔬菜种植专业合作社": {}}),
    ("one-character-stop-after-a-place", "2019年,村里成立了墨竹工卡县达孜藏香猪养殖专业合作社。",
     {"墨竹工卡县达孜藏香猪养殖专业合作社": {}}),
    ("named-by-its-town", "2021年,五个村牵头组建了科右前旗俄体镇肉牛养殖专业合作社联合社。",
     {"科右前旗俄体镇肉牛养殖专业合作社联合社": {}}),
    ("our-village-before-name", "“这几年,我们嘎查金穗旅游专业合作社办得红火。”", {"金穗旅游专业合作社": {}}),
    ("stop-words-inside-a-quoted-brand", "和平村党总支领办的“橘乡和美”柑橘专业合作社种植柑橘500亩。",
     {"橘乡和美柑橘专业合作社": {"village": "和平村"}}),
    ("federation-without-合作", "镇里牵头成立平安县红果产业联合社,统一品牌销售。", {"平安县红果产业联合社": {}}),
    ("transliterated-name-with-达", "嘎查党支部书记、科右中旗哈达图荞麦种植专业合作社理事长说。",
     {"科右中旗哈达图荞麦种植专业合作社": {}}),
    ("verb-before-name", "县里大力支持冯家村金穗种植专业合作社扩大规模", {"冯家村金穗种植专业合作社": {}}),
    ("the-villages-cooperative-said-short", "东溪村党支部领办了东溪村香菇种植专业合作社。“像东溪村合作社去年的利润,七成来自冷库。”",
     {"东溪村香菇种植专业合作社": {"village": "东溪村"}}),
    ("a-trade-verb-inside-the-name", "喀什县阿克塔木瓜果种植农民专业合作社成立于2019年,现有社员189户。",
     {"喀什县阿克塔木瓜果种植农民专业合作社": {}}),
    ("the-village-named-in-its-cooperatives-name", "阿克塔木瓜果种植农民专业合作社成立于2019年。阿克塔木村农民专业合作社去年营业收入836万元。",
     {"阿克塔木瓜果种植农民专业合作社": {}}),
    ("the-villages-collective-body-is-its-own", "东溪村香菇种植专业合作社去年分红80万元,东溪村股份经济合作社分得20万元。",
     {"东溪村香菇种植专业合作社": {}, "东溪村股份经济合作社": {}}),
    ("founder-and-produce-only", "村里成立了赤水县上马村党支部领办杂粮种植专业合作社,首批入社农户167户。",
     {"赤水县上马村党支部领办杂粮种植专业合作社": {"led_by": "党支部"}}),
    ("the-name-follows-the-last-founding-verb", "龙潭村党支部书记、平阳县清源香菇种植专业合作社理事长说。2021年,村党支部牵头领办清源香菇种植专业合作社。",
     {"平阳县清源香菇种植专业合作社": {}}),
    ("the-villages-cooperative-said-short-first", "东溪村合作社今年分红80万元。2020年,东溪村成立了东溪村香菇种植专业合作社。",
     {"东溪村香菇种植专业合作社": {"village": "东溪村"}}),
    ("village-named-inside-the-name", "扎塘镇朗色岗村和桑耶镇措久林村。朗色岗村种青稞。2022年,村党支部领办扎囊县措久林青稞种植农民专业合作社。",
     {"扎囊县措久林青稞种植农民专业合作社": {"village": "措久林村", "town": "桑耶镇"}}),
    ("a-stops-character-right-after-the-county", "八仙筒镇巴彦温都嘎查党支部领办奈曼旗温都肉牛养殖专业合作社,采取“党支部+合作社+牧户”模式。",
     {"奈曼旗温都肉牛养殖专业合作社": {}}),
    ("money-word-inside-a-name", "2020年,石桥村党支部领办了石桥铜钱草种植专业合作社。",
     {"石桥铜钱草种植专业合作社": {}}),  # 钱 alone is no money: 块钱 and 万元 still end a name
    ("county-short-with-its-town", "下坳镇弄平村是大石山区的瑶族村。村党支部领办成立了都安弄平黑山羊养殖专业合作社。",
     {"都安弄平黑山羊养殖专业合作社": {}}),  # 都 is no adverb: 都安 is the town's county (都安瑶族自治县) written short
]

# Kinds, counts and bare references: no cooperative.
NOT_COOPERATIVES = [
    ("a-bare-federation-word", "五个村联合起来,成立了联合社,统一收购。"),
    ("a-kind-inside-a-model", "下一步,王家村将继续按照‘党支部+乡村旅游合作社+农户’的模式发展民宿。"),
    ("caption-line-before-a-bare-reference", "图二 村集体合作社收购农户核桃\n合作社与加工企业签订订单,统一收购。"),
    ("count-after", "成立土地股份合作社21家;建立生产经营合作社132家"),
    ("count-成立", "成立合作社16个,产业发展和培育致富项目32个"),
    ("count-领办", "截至目前,刘垓子镇党支部领办合作社35个,覆盖21个村"),
    ("count-before", "在旅游沿线的25个村级合作社枣农正在忙着装袋"),
    ("determiner", "各合作社统一通过对小枣筛选、装袋运往3家企业。"),
    ("kind-after-的", "自从入了村党支部领办的合作社,自己的地平均每亩分红852元"),
    ("verb-before", "希望合作社能越办越好,以后能分到更多的钱。"),
    ("founder-words-only", "党建引领创办合作社"),
    ("a-count-of-kinds", "石门镇培育了一批专业合作社,带动贫困户发展特色种植。"),
    ("speaker-and-verbs", "“以前我没拿合作社的钱,现在入了股。”"),
    ("kind-without-village", "鼓励发展脱贫攻坚造林专业合作社,将其作为脱贫攻坚的重要举措。"),
    ("in-a-model", "探索“党支部+合作社+基地+农户”合作机制,带动群众增收致富。"),
    ("bare-reference", "全部卖给合作社,她还在合作社打工挣钱。"),
    ("time-word-before-bare-reference", "“今天合作社给大家分红啦,快来领钱吧!”"),
]


@pytest.mark.parametrize(("snippet", "expected"), [pytest.param(s, e, id=i) for i, s, e in NAMED])
def test_cooperatives_found(snippet, expected):
    found = cooperatives(snippet)
    assert list(found) == list(expected)
    for name, fields in expected.items():
        assert {k: found[name][k] for k in fields} == fields


@pytest.mark.parametrize("snippet", [pytest.param(s, id=i) for i, s in NOT_COOPERATIVES])
def test_kinds_and_counts_are_no_cooperatives(snippet):
    assert cooperatives(snippet) == {}
