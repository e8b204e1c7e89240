"""Articles: a newspaper page splits into its articles; a web page with sub-headings does not."""
from __future__ import annotations

import pytest

from extract.read.articles import split_articles
from extract.read.clean import clean_page

SEEDS = ["000", "001", "002", "003", "004"]

SEED_000 = [  # (title, authors, a phrase of its body)
    ("乐陵开发区党建引领创新发展", ["贾鹏", "段秀菲"], "多功能组合磨床"),
    ("乐陵朱集镇枣企业助力精准扶贫", ["周宁宁"], "收购合作社红枣"),
    ("乐陵朱集镇“手牵手”关爱贫困儿童", ["周宁宁"], "30名青春扶贫志愿者"),
    ("寨头堡乡扶贫“三有三净”提升贫困户精神面貌", ["毕明强"], "帮扶卫生整治"),
    ("郭家街道结对帮扶助脱贫", ["张倩"], "回头看"),
    ("乐陵朱集镇400户贫困户全都喝上了自来水", ["周宁宁"], "安全饮水工程"),
    ("孔镇“三个三”工程 破解农村农民增收难", ["贾鹏", "张立梅"], "吕门楼村"),
]


@pytest.fixture(scope="module")
def articles(cleaned, seed):
    def get(n):
        return split_articles(cleaned(seed(n)), seed(n).stem)
    return get


def test_seed_000_splits_into_its_seven_articles(articles):
    found = articles("000")
    assert [a.title for a in found] == [t for t, _, _ in SEED_000]
    assert [a.authors for a in found] == [a for _, a, _ in SEED_000]
    for article, (title, _, phrase) in zip(found, SEED_000):
        assert phrase in article.text
        assert article.text.startswith(title.split(" ")[0])


def test_seed_000_bodies_land_in_the_right_article(articles):
    found = articles("000")
    # each article's body phrase occurs in that article only
    for i, (_, _, phrase) in enumerate(SEED_000):
        assert [j for j, a in enumerate(found) if phrase in a.text] == [i]
    # a byline closes its article, it does not open the next one
    assert found[0].text.endswith("(通讯员 贾鹏 段秀菲)")
    assert found[1].text.endswith("(通讯员 周宁宁)")
    assert found[6].text.endswith("(通讯员 贾鹏 张立梅)")


def test_seed_003_splits_into_two_articles(articles):
    found = articles("003")
    assert [(a.title, a.authors) for a in found] == [
        ("党建引领创办合作社", ["张欣", "臧宾"]),
        ("青荷街道农村党员接受革命传统教育", ["臧怀生"]),
    ]
    assert "本报讯(通讯员 张欣 记者 臧宾)" in found[0].text
    assert "本报讯(通讯员 臧怀生)" in found[1].text
    assert "臧怀生" not in found[0].text and "臧宾" not in found[1].text


@pytest.mark.parametrize("n, title, sub_headings", [
    ("002", "邯郸:党建引领下的脱贫致富路",
     ["魏县沙口集乡:党建引领家庭手工业专业化发展", "涉县更乐:党建带动产业发展 产业助力脱贫攻坚",
      "邱县:党建引领让集体经济发展“破茧成蝶”", "磁县:党建引领跑出乡村振兴“加速度”",
      "曲周白寨镇:党建引领发展农村经济"]),
    ("004", "植根沃土惠民生,省派第一书记助力济宁市脱贫攻坚和乡村振兴",
     ["抓党建", "打造坚强堡垒", "兴产业", "富民强村促发展", "惠民生", "实现高质量脱贫"]),
    ("001", "【决胜2020 临清脱贫攻坚在行动】刘垓子镇:党建引领奏响脱贫攻坚最强音",
     ["以党建为龙头,建强脱贫攻坚主力军", "三座红色堡垒,打造脱贫攻坚火车头"]),
])
def test_a_web_article_with_sub_headings_stays_one_article(articles, n, title, sub_headings):
    found = articles(n)
    assert len(found) == 1
    assert found[0].title == title
    paragraphs = found[0].text.split("\n")
    for heading in sub_headings:
        assert heading in paragraphs


def test_seed_004_has_no_author(articles):
    assert articles("004")[0].authors == []


def test_seed_002_author(articles):
    assert articles("002")[0].authors == ["霍文龙"]


@pytest.mark.parametrize("n", SEEDS)
def test_article_ids_are_doc_id_dash_n_and_nothing_is_lost(cleaned, seed, articles, n):
    found = articles(n)
    doc_id = seed(n).stem
    assert doc_id.startswith(n + "_")
    assert [a.article_id for a in found] == [f"{doc_id}-{i}" for i in range(len(found))]
    assert all(a.doc_id == doc_id for a in found)
    # splitting only cuts between paragraphs: the articles put together are the page
    assert "\n".join(a.text for a in found) == "\n".join(cleaned(seed(n)).paragraphs)


def test_page_metadata_authors_go_to_a_single_article_only():
    page = clean_page("作者:贾鹏\n\n乐陵开发区党建引领创新发展\n\n"
                      "“如今,党员已成为我们公司科技研发的‘主力军’。”")
    assert page.meta.authors == ["贾鹏"]
    assert split_articles(page, "x")[0].authors == ["贾鹏"]


def test_headline_ending_in_a_closing_quote_is_the_title():
    page = clean_page("邱县:党建引领让集体经济发展“破茧成蝶”\n\n"
                      "为发展壮大村级集体经济,实现乡村振兴,邱县古城营镇以党建为引领,取得显著成效。")
    assert split_articles(page, "x")[0].title == "邱县:党建引领让集体经济发展“破茧成蝶”"
