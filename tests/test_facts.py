"""Facts: status (actual / planned / condition), repeats, and where a figure is — from sentences
written the way this news writes them (SPEC "amounts": status, repeat, county, province)."""
from __future__ import annotations

import pytest

from extract.figures import read_figures
from extract.linking import LinkWords
from extract.linking.facts import status_of, with_facts
from extract.nlp.sentences import Sentences
from extract.places import read_places
from extract.places.official import article_place, official_county

STATUS = [
    # actual: money spent, earned, paid, priced; current or cumulative totals
    ("合作社去年实现销售收入120万元,带动贫困户户均增收3000元。", "120万元", "actual"),
    ("截至目前,该村已累计分红超过90万元。", "90万元", "actual"),
    ("按照计划,今年可分红共计30万元,而自2017年起,该合作社已累计分红超过90万元。", "90万元", "actual"),
    ("“我们夫妻一天能赚200多元,全年有4万元收入。”", "200多元", "actual"),
    ("每年他都能拿到1000元的分红。", "1000元", "actual"),
    ("亩均收益最高达3500元以上,村集体收入最高达20万元以上。", "3500元", "actual"),
    ("县里将2360万元扶贫资金分别投入5个镇。", "2360万元", "actual"),
    ("合作社以每年100元/亩的价格从农户手里承包土地。", "100元", "actual"),
    ("按照统一规划、统一销售的原则,合作社为群众创收80余万元。", "80余万元", "actual"),
    ("结合镇域发展规划,县里将1200万元资金投入3个镇。", "1200万元", "actual"),
    ("一年后,大棚蔬菜种植取得成功,户均收入12万元。", "12万元", "actual"),
    ("力争村集体经济收入从去年的38万元突破50万元。", "38万元", "actual"),
    ("20个村集体年收入合计达300万元,平均达到15万元。", "15万元", "actual"),
    ("今年村集体收入有望突破60万元,较去年的41.5万元再上台阶。", "41.5万元", "actual"),
    ("落实雨露计划补助资金52.6万元,惠及学生351人。", "52.6万元", "actual"),
    ("争取到2027年,村集体经济收入达到60万元。", "60万元", "planned"),
    ("去年销售额五百二十多万元。今年我们争取销售额突破六百万元。", "突破六百万元", "planned"),
    ("预计今年收入八十余万元,比2023年的五十二万元增长五成。", "五十二万元", "actual"),
    # planned: targets, plans, forecasts, expectations, promises
    ("计划到2026年实现全镇15个村集体收入均超过100万元。", "超过100万元", "planned"),
    ("今年,县里将安排专项资金1500万元,支持合作社提质增效。", "1500万元", "planned"),
    ("今年,镇里将争取资金600万元,建设屠宰分割车间。", "600万元", "planned"),
    ("镇里正在谋划建设加工园,总投资约900万元。", "约900万元", "planned"),
    ("去年村集体经济收入70万元,今年争取过百万。", "过百万", "planned"),
    ("种植黑枸杞示范园20亩,三年后产值可达40万元。", "40万元", "planned"),
    ("村里规划建设冷库一座,投资150万元。", "150万元", "planned"),
    ("下一步,镇里将投资800万元建设一处加工厂。", "800万元", "planned"),
    ("书记说,今年准备再投50万元建一个游客中心。", "50万元", "planned"),
    ("2021年底,投资1150万元的2兆瓦光伏电站并网发电。", "1150万元", "actual"),
    ("力争今年村集体收入达到30万元以上。", "30万元", "planned"),
    ("预计今年村集体经济收入将增加13万余元,带动就业35余人,实现劳务收入约50万元。", "约50万元", "planned"),
    ("2024年我们计划再增加一条生产线,争取利润达到30万元以上。", "30万元", "planned"),
    ("项目建成后,每年可为村集体增收200余万元。", "200余万元", "planned"),
    ("等这些杨梅全部挂果之后,每个贫困户家庭每年将增加收入8000元以上。", "8000元", "planned"),
    ("今年可收获2000斤,产值30万元。", "30万元", "planned"),
    ("“再投入20多万元,再购入设备,扩大生产。”", "20多万元", "planned"),
    ("该项目每年可为每个贫困村增加村集体收入5万元以上。", "5万元", "planned"),
    ("去年全县120个村的集体经济收入均超过5万元,村均达到16.2万元。", "16.2万元", "actual"),
    ("去年,全村人均可支配收入达到1.36万元。", "1.36万元", "actual"),
    ("力争到2027年全乡村集体经济收入全部达到20万元以上。", "20万元", "planned"),
    ("通过争取上级支持,发展特色产业,帮扶村集体经济收入全部达到10万元以上。", "10万元", "condition"),
    # condition: thresholds, criteria, ceilings, a level a whole group cleared
    ("县里为脱贫户提供5万元以下、3年以内的免抵押贷款。", "5万元以下", "condition"),
    ("合作社每年保底分红不低于600元。", "不低于600元", "condition"),
    ("全县73个行政村集体经济收入均突破10万元以上,收入达50万元的有25个村。", "10万元", "condition"),
    ("全县73个行政村集体经济收入均突破10万元以上,收入达50万元的有25个村。", "50万元", "condition"),
    ("超100万元以上达11个村。", "100万元", "condition"),
    ("将年收入低于5000元的农户纳入监测。", "5000元", "condition"),
    ("消除集体收入5万元以下的村。", "5万元", "condition"),
    ("如今所有行政村年经营性收入突破10万元。", "10万元", "condition"),
    ("收入在50万元以上的村3个,其余3个村均在10万元以上。", "10万元以上", "condition"),
    ("对有意愿的农户,贷款额度最高5万元,由财政贴息。", "5万元", "condition"),
    ("为养殖户办理贷款,单户最高可贷30万元,贴息三年。", "30万元", "condition"),
    ("对脱贫户每户最高给予5万元贴息贷款。", "5万元", "condition"),
    ("参股资金不得高于本村普通村民,也就是不能超过2万元。", "2万元", "condition"),
    ("2014年分红超过2000万就发金条。", "2000万", "condition"),
    ("工厂吸纳周边群众92人就业,月工资在2200元至3500元之间。", "92人", "actual"),
    ("车间对月收入不足2000元的务工群众每月另发300元交通补贴。", "不足2000元", "condition"),
    ("2024年,我们将重点抓好以下工作:一是争取各级衔接资金4亿元以上。", "4亿元", "planned"),
    ("分拣中心投用后,贡柑商品率提高了15个百分点,仅此一项就为全村果农增收150万元以上。", "150万元", "actual"),
    ("加工厂扩建项目建成后年可为村集体增收15万元;食用菌大棚项目投资96万元,已建成投用。", "96万元", "actual"),  # 就业 is no 就
    ("车间建成后可吸纳近200人就地就业。", "近200人", "planned"),
]


@pytest.mark.parametrize("sentence,needle,expected", STATUS, ids=[f"{e}-{n}" for _, n, e in STATUS])
def test_status_from_the_sentence(sentence, needle, expected):
    start = sentence.index(needle)
    assert status_of(Sentences.of(sentence), start, start + len(needle), LinkWords.load()) == expected


def _facts(text: str) -> list[tuple[str, str, bool]]:
    sentences = Sentences.of(text)
    found = with_facts(read_figures(text, sentences=sentences), sentences, LinkWords.load())
    return [(text[m.start:m.end], m.fields["status"], m.fields["repeat"]) for m in found if m.table == "amounts"]


def test_a_lead_figure_restated_in_the_body_is_a_repeat():
    text = "建设村合作社分红1300多万元。\n1月14日,建设村召开合作社分红大会,将1311.5万元现金分给340余户村民。"
    assert [r for _, _, r in _facts(text)] == [False, True]


def test_a_round_figure_restates_a_precise_one():
    text = "合作社向社员分红1311.5万元。“这1300万分红,大家都有份。”"
    assert [r for _, _, r in _facts(text)] == [False, True]


def test_a_rounded_lead_covers_its_precise_figure():
    text = "村集体经济收入四十多万元。\n2023年,村集体经济收入达到46.3万元。"
    assert [r for _, _, r in _facts(text)] == [False, True]


def test_we_speak_for_the_village_and_are_restated():
    text = "“去年我们村集体收入四十多万,今年争取再上台阶。”书记说。\n去年,村集体经济收入达到46.3万元。"
    assert [r for _, _, r in _facts(text)] == [False, True]


def test_a_loosely_rounded_figure_covers_nothing():
    text = "一年还有1.5万元的收入。\n一年有1万多的收入。"
    assert [r for _, _, r in _facts(text)] == [False, False]


def test_a_rounded_lead_does_not_cover_a_figure_beyond_its_digit():
    text = "村集体经济收入四十多万元。\n去年村集体经济收入达到53.2万元。"
    assert [r for _, _, r in _facts(text)] == [False, False]


def test_a_part_an_average_and_another_year_are_other_facts():
    text = ("2023年合作社分红30万元。每户分红3000元。"
            "2022年合作社分红30万元。合作社共为村集体增收30万元。")
    assert [r for _, _, r in _facts(text)] == [False, False, False, False]


def test_thresholds_plans_and_ranges_said_twice_are_not_repeats():
    text = ("今年全镇村集体收入全部突破10万元。明年各村集体收入均突破10万元。"
            "预计明年合作社分红20万元。按照计划,合作社今年可分红20万元。"
            "车间工人月收入2000至4000元。在车间做工的村民月收入2000至4000元。")
    assert [(s, r) for _, s, r in _facts(text)] == [
        ("condition", False), ("condition", False), ("planned", False), ("planned", False),
        ("actual", False), ("actual", False)]


def test_a_gap_restates_no_price():
    text = "过去柚子一斤只卖一块左右。\n冷库让香柚错峰销售，每斤能比采摘季高出一块左右。"
    assert [r for _, _, r in _facts(text)] == [False, False]


def test_what_a_speaker_says_of_themself_is_their_own_fact():
    text = ("合作社今年分红,社员最多的分了5000元。\n“我入股了2万元,今年分了5000元。”村民老李说。"
            "\n“我也分了5000元!”村民老王说。")
    assert [(t, r) for t, _, r in _facts(text)] == [("5000元", False), ("2万元", False), ("5000元", False),
                                                    ("5000元", False)]


def test_a_sum_told_again_rounded_in_one_sentence_is_a_repeat():
    text = "《合作社分红,800万垛在地上发》后续:合作社800多万分红哪里来?"
    assert [r for _, _, r in _facts(text)] == [False, True]


def test_an_average_restates_no_total():
    text = "济宁医学院工作队为帮扶村增加村集体经济收入16万元。\n20个村村集体收入合计达313.5万元,平均达到15.68万元。"
    assert [r for _, _, r in _facts(text)] == [False, False, False]


def test_equal_shares_listed_in_one_sentence_are_not_repeats():
    text = "“钟马坤5000元,钟钦文5000元……”"
    assert [r for _, _, r in _facts(text)] == [False, False]


def test_a_households_count_restated_is_a_repeat():
    text = "全村有贫困户355户。\n经过三年帮扶,355户贫困户全部脱贫。"
    sentences = Sentences.of(text)
    found = with_facts(read_figures(text, sentences=sentences), sentences, LinkWords.load())
    assert [m.fields["repeat"] for m in found if m.table == "household_counts"] == [False, True]


def test_the_article_place_is_the_county_it_is_about_with_official_names_and_code():
    geo = read_places("乐陵市朱集镇王双志村种植红枣。乐陵朱集镇400户贫困户喝上了自来水。")
    assert article_place(geo) == {"province": "山东省", "city": "德州市", "county": "乐陵市", "county_code": "371481"}


def test_a_county_written_short_gets_its_official_name():
    geo = read_places("山东济宁泗水县、微山县的第一书记。泗水、微山两县的帮扶村集体收入超过10万元。")
    county = official_county(geo, "泗水")
    assert (county.name, county.province, county.code) == ("泗水县", "山东省", "370831")


def test_an_article_about_one_town_is_in_that_towns_county():
    geo = read_places("初冬,喀左县中三家镇西沟村的温室里暖意融融。中三家镇今年新建温室100栋。")
    assert article_place(geo)["county"] == "喀喇沁左翼蒙古族自治县"


def test_no_place_is_guessed_when_the_article_names_two_counties_equally():
    geo = read_places("河北邱县和磁县的合作社各分红10万元。")
    assert article_place(geo)["county"] is None
    assert article_place(geo)["province"] == "河北省"


def test_figures_carry_the_official_county_of_their_village_in_the_pipeline(nlp):
    doc = nlp("山东省乐陵市朱集镇王双志村党支部领办合作社,去年为村集体增收34万元。")
    (amount,) = [m for m in doc._.mentions if m.table == "amounts"]
    assert (amount.fields["county"], amount.fields["province"]) == ("乐陵市", "山东省")
    assert (amount.fields["status"], amount.fields["repeat"]) == ("actual", False)
