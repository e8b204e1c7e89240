"""Clean: real snippets from the seeds and the dev pages, cleaned as SPEC's Cleaning section says."""
from __future__ import annotations

import csv
import datetime as dt
from functools import cache
from pathlib import Path

import opencc
import pytest

from conftest import DEV_RAW, SHARED_DEV
from extract.read.clean import TERMINAL, clean_page, detect_script, split_names

FIXTURES = Path(__file__).parent / "fixtures"

# Real paragraphs used as the body around the line under test.
BODY_003 = ("本报讯(通讯员 臧怀生)为充分发挥好党员模范带头作用,青荷街道党工委每月定期发放26个农村党支部"
            "每名党员10元活动经费,组织党员到革命教育基地参观学习。")
BODY_000 = ("近一个月来,乐陵市朱集镇千年枣林里锣鼓喧天,一片热闹景象。在旅游沿线的25个村级合作社枣农正在"
            "忙着将晒好、筛好的红枣装袋,通过运输小队运往各个红枣加工企业。")


@cache
def _t2s():
    return opencc.OpenCC("t2s")


def traditional_chars(text: str) -> set[str]:
    """Characters that have a different Simplified form."""
    return {c for c in text if _t2s().convert(c) != c}


def text_of(page) -> str:
    return "\n".join(page.paragraphs)


# --- script ----------------------------------------------------------------------------------

def _seed_line(seed, n, lineno):
    return seed(n).read_text(encoding="utf-8").split("\n")[lineno - 1].strip()


@pytest.mark.parametrize("n, lineno, script", [
    ("001", 5, "traditional"),
    ("001", 10, "traditional"),
    ("000", 7, "simplified"),
    ("003", 5, "simplified"),
])
def test_script_of_real_lines(seed, n, lineno, script):
    line = _seed_line(seed, n, lineno)
    page = clean_page(line)
    assert page.script == script
    assert not traditional_chars(text_of(page))


def test_traditional_seed_line_becomes_simplified(seed):
    line = _seed_line(seed, "001", 5)
    assert "臨清市劉垓子鎮有12個省定貧困村" in line
    page = clean_page(line)
    assert page.script == "traditional"
    assert "临清市刘垓子镇有12个省定贫困村" in text_of(page)


def test_mixed_script_page(seed):
    traditional = _seed_line(seed, "001", 10)  # 劉垓子鎮黨委狠抓班子...
    simplified = _seed_line(seed, "000", 17)   # 近一个月来,乐陵市朱集镇...
    page = clean_page(traditional + "\n\n" + simplified)
    assert page.script == "mixed"
    text = text_of(page)
    assert "刘垓子镇党委狠抓班子" in text and "乐陵市朱集镇千年枣林" in text
    assert not traditional_chars(text)


def _dev_sources():
    path = SHARED_DEV / "SOURCES.tsv"
    if not path.is_file():
        return [pytest.param(None, None, marks=pytest.mark.skip(reason="dev set not available"))]
    with path.open(encoding="utf-8") as fh:
        return [(_with_suffix(row["file"]), row["script"]) for row in csv.DictReader(fh, delimiter="\t")]


def _with_suffix(name: str) -> str:
    return name if name.endswith(".txt") else f"{name}.txt"


@pytest.mark.parametrize("name, script", _dev_sources())
def test_script_of_dev_pages_matches_their_labels(cleaned, name, script):
    page = cleaned(DEV_RAW / name)
    assert page.script == script
    assert not traditional_chars(text_of(page))


def test_a_sentence_broken_across_a_blank_line_is_joined():
    page = clean_page("西和:花椒红了 刺绣出好日子\n\n在李家河村,一针一线绣出了致富经。村里的刺绣扶贫\n\n车间由巧娘子刺绣专业合作社运营,吸纳妇女63人。")
    assert "村里的刺绣扶贫车间由巧娘子刺绣专业合作社运营" in text_of(page)
    assert page.paragraphs[0] == "西和:花椒红了 刺绣出好日子"


def test_a_simplified_page_keeps_names_t2s_would_change():
    body = "吉林省乾安县让字镇富源村的牛舍裏,饲养员正在投喂饲料,合作社去年出栏肉牛210头。"
    page = clean_page(body)
    assert "乾安县" in text_of(page) and "牛舍里" in text_of(page)


@pytest.mark.parametrize("line", ["相關文章:", "來源:臨清劉垓子", "微信公眾號"])
def test_traditional_chrome_in_a_simplified_page_is_still_dropped(line):
    page = clean_page(BODY_003 + "\n\n" + line)
    assert page.paragraphs == [BODY_003]
    assert not traditional_chars(text_of(page))


# --- width, pinyin, garbage ------------------------------------------------------------------

def _full_width(s: str) -> str:
    return "".join(chr(ord(c) + 0xFEE0) if "!" <= c <= "~" else c for c in s)


@pytest.mark.parametrize("snippet", [
    "这几年新发展的党员90%以上是团队带头人或技术骨干。",                   # seed 000
    "在梁山,建成木耳大棚15个,年利润达到20万元。",                           # seed 004
    "武阳村是国家5A级旅游景区刘伯温故里核心区。",                             # dev d14
    "产品通过app和www.taobao.com销售,年销售额达1200万元。",
])
def test_full_width_digits_letters_and_percent_become_half_width(snippet):
    wide = "".join(_full_width(c) if c.isascii() and c.isalnum() or c == "%" else c for c in snippet)
    assert wide != snippet
    assert clean_page(wide).paragraphs == [snippet]


@pytest.mark.parametrize("source, expected", [
    ("城關(guān)鎮(zhèn)", "城关镇"),
    # dev d13, line 1
    ("在平利城關(guān)鎮(zhèn)的興強(qiáng)富硒茶業(yè)電商公司廠房,一筐筐正在晾曬的絞股藍(lán)碧綠清香。",
     "在平利城关镇的兴强富硒茶业电商公司厂房,一筐筐正在晾晒的绞股蓝碧绿清香。"),
    # dev d16, line 5
    ("阿克蘇市住房和城鄉(xiāng)建設局駐阿克蘇市拜什吐格曼鄉(xiāng)尤喀克格西木艾日克村“訪惠聚”工作隊大力發展村級產業。",
     "阿克苏市住房和城乡建设局驻阿克苏市拜什吐格曼乡尤喀克格西木艾日克村“访惠聚”工作队大力发展村级产业。"),
])
def test_pinyin_glosses_are_removed(source, expected):
    assert text_of(clean_page(source)) == expected


@pytest.mark.parametrize("name, gone, kept", [
    ("d13.txt", "(guān)", "在平利城关镇的兴强富硒茶业电商公司厂房"),
    ("d16.txt", "(xiāng)", "阿克苏市住房和城乡建设局"),
])
def test_dev_pages_with_pinyin_glosses(cleaned, dev, name, gone, kept):
    text = text_of(cleaned(dev(name)))
    assert kept in text
    assert gone not in text
    assert not any(c in text for c in "āáǎàēéěèīíǐìōóǒòūúǔù")


@pytest.mark.parametrize("paragraph", [
    "山东第一医科大学第一附属医院(省千佛山医院)派驻梁山县五里堡村第一书记李海晓医者仁心。",  # seed 004
    "本报讯(通讯员 张欣 记者 臧宾)曹县组织部认真贯彻中央和省委文件精神。",                    # seed 003
    "定期对各乡镇(街道)组织开展领办创办合作社情况进行了明察暗访。",                          # seed 003
])
def test_parentheses_that_are_not_pinyin_are_kept(paragraph):
    assert clean_page(paragraph).paragraphs == [paragraph]


def test_html_entities_and_tags_are_removed():
    dirty = "近一个月来,乐陵市朱集镇千年枣林里锣鼓喧天,&nbsp;一片热闹景象。<br/>"
    assert clean_page(dirty).paragraphs == ["近一个月来,乐陵市朱集镇千年枣林里锣鼓喧天,一片热闹景象。"]


# --- site chrome and metadata ----------------------------------------------------------------

@pytest.mark.parametrize("chrome", [
    "当前位置: 今日聚焦",          # seed 002
    "分享到:",                     # seed 001 (Traditional page, same line)
    "分享:",                       # seed 002
    "县区分站:",                   # seed 002
    "长城新媒体集团\xa0\xa0主办",  # seed 002
    "关键词:邯郸,党建,脱贫责任编辑:霍文龙",  # seed 002
    "责任编辑:左橙",               # seed 004
    "中国西藏网 > 即时新闻 > 国内",  # dev d02, Simplified
    "03-24 来源:华夏时讯 | 编辑:确牛",  # dev d12
])
def test_site_chrome_lines_are_dropped(chrome):
    page = clean_page(f"{chrome}\n\n{BODY_000}\n\n{chrome}")
    assert page.paragraphs == [BODY_000]


def test_traditional_chrome_in_a_traditional_page_is_dropped(seed):
    page = clean_page(_seed_line(seed, "001", 10) + "\n\n分享到:\n\n\n相關文章:\n")
    assert page.script == "traditional"
    assert len(page.paragraphs) == 1
    assert page.paragraphs[0].startswith("刘垓子镇党委狠抓班子")


def test_seed_chrome_is_gone_from_the_cleaned_pages(cleaned, seed):
    t001 = text_of(cleaned(seed("001")))
    t002 = text_of(cleaned(seed("002")))
    t004 = text_of(cleaned(seed("004")))
    for gone in ("分享到", "相关文章", "来源:"):
        assert gone not in t001
    for gone in ("当前位置", "今日聚焦", "主办", "分站", "分享:", "关键词", "责任编辑", "来源:", "16:22:00"):
        assert gone not in t002
    for gone in ("来源:", "作者:", "责任编辑", "10:32:24"):
        assert gone not in t004


@pytest.mark.parametrize("head, published, source, authors", [
    pytest.param("来源: 长城网  作者:霍文龙\n2020-07-02 16:22:00\n分享:", dt.date(2020, 7, 2), "长城网",
                 None, id="seed-002"),
    pytest.param("2021-07-08 10:32:24 来源:齐鲁晚报 作者:", dt.date(2021, 7, 8), "齐鲁晚报", [], id="seed-004"),
    pytest.param("    2021-05-07 09:32:00  來源:鄉村干部報  作者:本報通訊員 趙永昌  ", dt.date(2021, 5, 7),
                 "乡村干部报", ["赵永昌"], id="dev-d01"),
    pytest.param("發布時間:2023-02-06 16:44:00來源: 中國新聞網", dt.date(2023, 2, 6), "中国新闻网", None,
                 id="dev-d02"),
])
def test_metadata_lines_are_read_and_dropped(seed, head, published, source, authors):
    body = _seed_line(seed, "001", 10) if any(c in head for c in "來發") else BODY_000
    page = clean_page(f"{head}\n\n{body}")
    assert page.meta.published == published
    assert page.meta.source == source
    if authors is not None:
        assert page.meta.authors == authors
    assert len(page.paragraphs) == 1
    assert "来源:" not in page.paragraphs[0] and "16:44" not in page.paragraphs[0]


def test_traditional_source_line_of_seed_001(cleaned, seed):
    page = cleaned(seed("001"))
    assert page.meta.source == "临清刘垓子"
    assert page.meta.published is None


@pytest.mark.parametrize("byline, names", [
    ("记者霍文龙", ["霍文龙"]),
    ("通讯员 王文华 李明", ["王文华", "李明"]),
])
def test_split_names_keeps_names_with_wen(byline, names):
    assert split_names(byline) == names


def test_author_line_of_seed_002_is_read(cleaned, seed):
    assert cleaned(seed("002")).meta.authors == ["霍文龙"]


def test_pipe_separated_metadata_line_is_read_and_dropped(cleaned, dev):
    page = cleaned(dev("d15.txt"))
    assert page.meta.published == dt.date(2019, 4, 22)
    assert page.meta.source == "广西日报"
    assert "来源:" not in text_of(page)


def test_split_names_of_real_bylines():
    assert split_names("通讯员 贾鹏 段秀菲") == ["贾鹏", "段秀菲"]
    assert split_names("通讯员 张欣 记者 臧宾") == ["张欣", "臧宾"]
    assert split_names("本报通讯员 赵永昌") == ["赵永昌"]


# --- repeated titles, broken lines, paragraphs, slogans --------------------------------------

def test_title_repeated_as_captions_is_kept_once(cleaned, seed):
    raw = seed("001").read_text(encoding="utf-8")
    title_raw = raw.split("\n")[0].strip()
    assert raw.count(title_raw) > 10
    paragraphs = cleaned(seed("001")).paragraphs
    title = "【决胜2020 临清脱贫攻坚在行动】刘垓子镇:党建引领奏响脱贫攻坚最强音"
    assert paragraphs.count(title) == 1
    assert paragraphs[0] == title
    assert sum(title in p for p in paragraphs) == 1


def test_repeated_body_sentences_are_not_deduplicated():
    line = "坚持科学谋划,突出地方特色。"
    assert clean_page(f"{line}\n\n{BODY_000}\n\n{line}").paragraphs == [line, BODY_000, line]


@pytest.mark.parametrize("n, joined", [
    ("000", "多功能组合磨床"),
    ("000", "收购合作社红枣"),
    ("000", "帮扶卫生整治"),
    ("003", "定位不清"),
    ("003", "进行了明察暗访"),
    ("003", "放宽贷款限制"),
])
def test_lines_broken_inside_a_word_are_joined(cleaned, seed, n, joined):
    raw = seed(n).read_text(encoding="utf-8")
    assert joined not in raw  # the source really breaks it
    assert joined in text_of(cleaned(seed(n)))


def test_broken_line_snippet_from_seed_000():
    raw = ("在开发区,这样的例子还有很多。金麒麟股份有限公司党员范俊霞是业务钻研能手,近几年由她带领的党员团队研发的多功"
           "\n\n能组合磨床等为企业降低成品达300余万元。")
    assert clean_page(raw).paragraphs == [
        "在开发区,这样的例子还有很多。金麒麟股份有限公司党员范俊霞是业务钻研能手,近几年由她带领的党员团队研发的"
        "多功能组合磨床等为企业降低成品达300余万元。"]


@pytest.mark.parametrize("joined", ["每周至少1次深入到结对帮扶贫困户家中", "征求安装意愿,并确定最终安装名单"])
def test_line_broken_before_the_closing_byline_paragraph_is_joined(cleaned, seed, joined):
    assert joined in text_of(cleaned(seed("000")))


def _mid_sentence(paragraph: str) -> bool:
    return (len(paragraph) >= 50 and not paragraph.endswith(TERMINAL)) or paragraph.endswith((",", "，", "、"))


@pytest.mark.parametrize("n", [
    "000",
    "001", "002", "003", "004",
])
def test_no_cleaned_paragraph_of_a_seed_ends_mid_sentence(cleaned, seed, n):
    assert [p[-20:] for p in cleaned(seed(n)).paragraphs if _mid_sentence(p)] == []


def test_real_paragraph_breaks_are_kept(cleaned, seed):
    paragraphs = cleaned(seed("000")).paragraphs
    assert paragraphs[0] == "乐陵开发区党建引领创新发展"
    for paragraph, start in zip(paragraphs[1:3], ["“如今,党员已成为", "在开发区,这样的例子"]):
        assert paragraph.startswith(start)
    assert paragraphs[3] == "(通讯员 贾鹏 段秀菲)"
    assert paragraphs[4] == "乐陵朱集镇枣企业助力精准扶贫"
    # the two-line headline of the last article stays two paragraphs
    i = paragraphs.index("孔镇“三个三”工程")
    assert paragraphs[i + 1] == "破解农村农民增收难"


@pytest.mark.parametrize("n, headings", [
    ("002", ["魏县沙口集乡:党建引领家庭手工业专业化发展", "磁县:党建引领跑出乡村振兴“加速度”"]),
    ("004", ["抓党建", "打造坚强堡垒", "兴产业", "惠民生"]),
])
def test_sub_headings_stay_their_own_paragraphs(cleaned, seed, n, headings):
    paragraphs = cleaned(seed(n)).paragraphs
    for heading in headings:
        assert heading in paragraphs


def test_slogan_block_closing_seed_003_is_dropped(cleaned, seed):
    page = cleaned(seed("003"))
    text = text_of(page)
    for slogan in ("中国牡丹之都", "ZHONG GUO", "中国·菏泽", "讲文明", "公益广告", "富强民主文明和谐",
                   "自由平等公正法治", "爱国敬业诚信友善", "科学饮食", "杜绝浪费", "有你有我", "遵德守礼"):
        assert slogan not in text
    assert page.paragraphs[-1].startswith("5月6日,庄寨镇西冯寨村村民冯学长")
    assert page.paragraphs[-1].endswith("现在年收入10万余元。")


def test_cleaning_keeps_all_body_text_of_a_clean_seed(cleaned, seed):
    """Seed 003's body lines (3..33) survive cleaning character for character, only re-joined."""
    raw_lines = seed("003").read_text(encoding="utf-8").split("\n")[:33]
    body = "".join(line.strip() for line in raw_lines)
    assert "".join(cleaned(seed("003")).paragraphs) == body


def test_detect_script_on_text_without_han_is_simplified():
    assert detect_script("2020-07-02 16:22:00") == "simplified"


# --- datelines, mastheads and link lists (held-out pages) -------------------------------------

@pytest.mark.parametrize("line,published,source,authors", [
    ("赣南日报 2020年11月20日 第03版:县域经济", dt.date(2020, 11, 20), "赣南日报", []),
    ("吉林日报 2019-12-03 记者 孙翠翠", dt.date(2019, 12, 3), "吉林日报", ["孙翠翠"]),
    ("来源:遵义日报 作者:杨光 通讯员 田维 发布时间:2020-06-11 09:15", dt.date(2020, 6, 11), "遵义日报",
     ["杨光", "田维"]),
])
def test_dateline_is_read_and_dropped(line, published, source, authors):
    page = clean_page(f"标题一行\n{line}\n正文第一段,村集体经济收入21.45万元。")
    assert (page.meta.published, page.meta.source, page.meta.authors) == (published, source, authors)
    assert line not in "\n".join(page.paragraphs)


def test_a_dated_sentence_is_not_a_dateline():
    text = "标题\n2019年12月3日,永胜村召开分红大会,发放分红款26万元。"
    page = clean_page(text)
    assert page.meta.published is None
    assert any("分红款26万元" in p for p in page.paragraphs)


def test_font_size_widget_and_related_links_are_dropped():
    page = clean_page("标题\n【字体:大 中 小】 分享到:\n正文,投资45万元建起村级电商服务站。\n"
                      "相关新闻\n田东举办第十届芒果节\n百色芒果出口东盟\n")
    assert page.paragraphs == ["标题", "正文,投资45万元建起村级电商服务站。"]


@pytest.mark.parametrize("header", ["▌更多精彩", "【相关链接】", "往期推荐", "相关报道:"])
def test_decorated_related_link_headers_drop_their_links(header):
    page = clean_page(f"标题\n正文,村集体经济收入36万元。\n{header}\n· 全县白瓜子出口额破亿元\n西瓜节签约金额超8亿元\n")
    assert page.paragraphs == ["标题", "正文,村集体经济收入36万元。"]


@pytest.mark.parametrize("head,source,authors", [
    ("张北新闻网\n首页 | 时政要闻 | 乡镇动态 | 乡村振兴\n", "张北新闻网", []),
    ("湘西日报记者 龙晓芳 通讯员 石林\n", "湘西日报", ["龙晓芳", "石林"]),
    ("点击蓝字 关注我们\n红安发布 2022-05-16 08:30\n", "红安发布", []),
])
def test_site_names_nav_bars_and_bare_bylines_leave_the_text(head, source, authors):
    page = clean_page(head + "十八洞村:精准扶贫首倡地走出振兴路\n正文一段,村集体经济收入21.45万元。")
    assert page.paragraphs == ["十八洞村:精准扶贫首倡地走出振兴路", "正文一段,村集体经济收入21.45万元。"]
    assert (page.meta.source, page.meta.authors) == (source, authors)


def test_a_headline_ending_like_an_outlet_stays():
    page = clean_page("扶贫喜报\n正文一段,村集体经济收入21.45万元。")
    assert page.paragraphs[0] == "扶贫喜报"


def test_source_from_the_dateline_of_the_first_paragraph():
    page = clean_page("城口:中蜂养殖甜了山里人\n城口县融媒体中心讯(记者 邓雪梅)9月20日,养蜂大户陈明贵正忙着摇蜜。")
    assert page.meta.source == "城口县融媒体中心"


def test_a_printed_page_broken_mid_word_is_joined_inside_its_paragraphs():
    raw = ("某某日报 数字报刊\n2024年11月06日 星期三 第07版：乡村振兴\n\n"
           "\u3000\u3000立冬前后，某县某镇的杂粮加工车间里，绿豆、红小\n豆、谷子装进包装袋。\n"
           "\u3000\u3000村党支部牵头成立兴粮合作社，采取“党支部+合作社+农户”\n模式，流转土地620公顷。\n")
    paragraphs = clean_page(raw).paragraphs
    assert "立冬前后，某县某镇的杂粮加工车间里，绿豆、红小豆、谷子装进包装袋。" in paragraphs
    assert "村党支部牵头成立兴粮合作社，采取“党支部+合作社+农户”模式，流转土地620公顷。" in paragraphs
    assert "2024年11月06日 星期三 第07版：乡村振兴" not in " ".join(p for p in paragraphs if "立冬" in p)


def test_words_broken_from_the_figure_they_lead_to_are_joined():
    raw = ("标题\n\n这座车间总投资\n380万元，其中财政资金200万元。\n\n"
           "一、产业发展\n村里种植辣椒600亩。\n")
    paragraphs = clean_page(raw).paragraphs
    assert "这座车间总投资380万元，其中财政资金200万元。" in paragraphs
    assert "一、产业发展" in paragraphs  # a heading before prose stays its own line


def test_a_number_broken_inside_an_indented_paragraph_is_joined():
    raw = ("某某日报\n\n\u3000\u3000车间现有工人46名，其中脱贫户和监测户1\n8名，大多是留守妇女。\n"
           "\u3000\u3000金竹湾村帮扶车间于2021年由重庆一家服\n饰公司投资建设。\n")
    paragraphs = clean_page(raw).paragraphs
    assert "车间现有工人46名，其中脱贫户和监测户18名，大多是留守妇女。" in paragraphs
    assert "金竹湾村帮扶车间于2021年由重庆一家服饰公司投资建设。" in paragraphs


@pytest.mark.parametrize("header", ["本版其他文章", "相关信息", "本版其他稿件:", "■本版导读"])
def test_other_articles_of_the_page_are_dropped(header):
    raw = (f"标题\n\n正文，合作社去年分红36万元。\n\n{header}\n綦江：3.2万亩晚熟柑橘喜获丰收 果农增收1800余万元\n"
           "· 北川县2024年第三季度农村居民人均可支配收入达13562元（2024-10-25）\n")
    assert clean_page(raw).paragraphs == ["标题", "正文，合作社去年分红36万元。"]


def test_editors_in_a_byline_are_not_authors():
    assert split_names("记者 朱晓敏 通讯员 雷文杰 编辑：潘立群") == ["朱晓敏", "雷文杰"]


def test_html_entities_left_in_text_are_decoded():
    raw = "&nbsp;&nbsp;&ldquo;我家七亩地入社，一年就有一万三千多。&rdquo;村民说。&mdash;&mdash;记者"
    (paragraph,) = clean_page(raw).paragraphs
    assert paragraph.startswith("“我家七亩地入社，一年就有一万三千多。”村民说。") and "&" not in paragraph


def test_related_titles_are_dropped_before_broken_lines_are_joined():
    """A list of link titles has no sentence ends either; joined first, it would pass as prose."""
    page = clean_page("标题\n\n正文,合作社去年分红36万元。\n\n相关推荐\n全县罐头年产值突破百亿元,远销50多个国家\n"
                      "今年以来城镇新增就业5.6万人\n蜜桃每斤卖到8元,果农笑开颜\n")
    assert page.paragraphs == ["标题", "正文,合作社去年分红36万元。"]


def test_reader_comments_and_html_leftovers_in_a_text_page_are_dropped():
    page = clean_page("标题\n正文<br />村集体经济收入46万元。<!-- 相关新闻 start -->\n"
                      '<img src="http://img.example.cn/2024/1210/a_very_long_file_name_for_the_photo_01.jpg" border="0">'
                      "\n网友评论（3）\n天山雪莲:酸马奶真不错,40块一公斤!\n")
    assert page.paragraphs == ["标题", "正文村集体经济收入46万元。"]
