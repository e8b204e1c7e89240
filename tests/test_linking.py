"""Linking: the village, cooperative and project each amount and household count is about,
and the figures that fill a cooperative's or project's own columns (full pipeline)."""
from __future__ import annotations

import pytest

from entity_helpers import simplified


def figures(nlp, text):
    """text of each amount / household count -> (village, cooperative, project)."""
    doc = nlp(text)
    return {doc.text[m.start:m.end]: (m.fields["village"], m.fields["cooperative"], m.fields["project"])
            for m in doc._.mentions if m.table in ("amounts", "household_counts")}


def records(nlp, text, table):
    doc = nlp(text)
    return {m.fields["name"]: m.fields for m in doc._.mentions if m.table == table}


# (id, snippet, figure text, expected (village, cooperative, project))
LINKS = [
    ("clause-names-village", "定点收购王双志村11户贫困户红枣4080斤", "11户", ("王双志村", None, None)),
    ("sentence-subject-cooperative",
     "例如阎店楼镇马路咀村党支部领办的六联专业种植合作社,流转土地3500余亩,2020年预期村集体经济年增收13万元。",
     "13万元", ("马路咀村", "六联专业种植合作社", None)),
    ("anaphor-该合作社", "给孔祥轩的4600元来自于姜庄村党支部领办合作社。截止到2019年9月,该合作社实现项目收益48.75万元。",
     "48.75万元", ("姜庄村", "姜庄村党支部领办合作社", None)),
    ("quote-belongs-to-speaker-after",
     "“我今年收入真不错,自己的地平均每亩分红852元”,12月26日,孔镇镇吕门楼村村民吕廷和脸上洋溢着幸福感。",
     "852元", ("吕门楼村", None, None)),
    ("semicolon-ends-scope",
     "省社保中心派驻馆驿镇西张庄村第一书记建成木耳大棚15个,年利润达到20万元;省公安厅派驻的第一书记共种植378亩,带动群众352人。",
     "352人", (None, None, None)),
    ("project-after-figure", "与山东尚可网络科技有限公司合作,利用50万元扶贫资金,建立信息化扶贫电商平台,带动村民增收。",
     "50万元", (None, None, "信息化扶贫电商平台")),
    ("no-subject", "目前,3家红枣企业收购红枣30余万斤,每亩收益较往年增收1000余元。", "1000余元", (None, None, None)),
    ("federation-word-refers-back",
     "2021年,五个村联合组建青山县红岭果蔬专业合作社联合社。去年联合社销售额达到2000万元,带动农户增收。",
     "2000万元", (None, "青山县红岭果蔬专业合作社联合社", None)),
    ("lead-reference-before-the-only-named-one",
     "“今年合作社卖苹果收入了96万元。”支书说。2020年,村党支部牵头成立长岭县金果苹果种植专业合作社。",
     "96万元", (None, "长岭县金果苹果种植专业合作社", None)),
    ("link-is-the-cooperatives-row-name",
     "张湾村成立了清源县张湾村绿丰蔬菜种植专业合作社。绿丰蔬菜种植专业合作社去年实现收入80万元。",
     "80万元", ("张湾村", "清源县张湾村绿丰蔬菜种植专业合作社", None)),
    ("quotation-is-its-speakers-village",
     "东沟村去年建起冷库。\n“村集体经济收入从2019年的3万元涨到了去年的18.5万元。”王海说,下一步,西岭村计划建设车间。",
     "18.5万元", ("西岭村", None, None)),
    ("short-reference-该社",
     "2019年成立了平川县绿源葡萄种植专业合作社。该社与超市签订直供协议,去年销售额达到560万元。",
     "560万元", (None, "平川县绿源葡萄种植专业合作社", None)),
    ("bare-合作社-is-the-farmers-cooperative",
     "村里成立了清河县青山茶叶专业合作社,又成立了青山村股份经济合作社。今年合作社卖茶收入320万元。",
     "320万元", ("青山村", "清河县青山茶叶专业合作社", None)),
    ("trad-clause-village", simplified("在孔莊村貧困戶孔祥軒家,村里給的這4600元真是幫了俺。"), "4600元", ("孔庄村", None, None)),
]


@pytest.mark.parametrize(("snippet", "figure", "expected"), [pytest.param(*c[1:], id=c[0]) for c in LINKS])
def test_figure_subjects(nlp, snippet, figure, expected):
    assert figures(nlp, snippet)[figure] == expected


def test_project_investment_and_scale_from_its_figures(nlp):
    text = "整合土地30亩,利用100万元扶贫资金建成8栋日光温室大棚,种植优质蔬菜和瓜果。"
    project = records(nlp, text, "projects")["日光温室大棚"]
    assert (project["investment_yuan"], project["scale"]) == (1000000, "8栋")


# (id, snippet, project, expected investment_yuan): a project's money read from any name of it
INVESTMENTS = [
    ("later-shorter-name-is-an-alias",
     "在王庄村的村级光伏电站里,村民正在清扫积雪。王庄村的光伏电站装机容量300千瓦,投资210万元,2018年并网发电。",
     "村级光伏电站", 2100000),
    ("village-named-copy-is-an-alias",
     "走进村里的香菇加工扶贫车间,20多名工人正在分拣。王庄村扶贫车间于2019年建成,投资100万元。",
     "香菇加工扶贫车间", 1000000),
    ("other-village-keeps-its-own", "张庄村扶贫车间投资50万元。李庄村木耳扶贫车间投资80万元。", "张庄村扶贫车间", 500000),
    ("other-village-keeps-its-own-2", "张庄村扶贫车间投资50万元。李庄村木耳扶贫车间投资80万元。", "李庄村木耳扶贫车间", 800000),
]


@pytest.mark.parametrize(("snippet", "project", "expected"), [pytest.param(*c[1:], id=c[0]) for c in INVESTMENTS])
def test_project_investment_through_its_aliases(nlp, snippet, project, expected):
    assert records(nlp, snippet, "projects")[project]["investment_yuan"] == expected


def test_cooperative_land_and_households_from_its_figures(nlp):
    text = ("其中的姜庄村党支部领办合作社流转村集体和村民土地1260亩,建设现代农业生态观光园,"
            "带动村集体增收34万元,100多户贫困户通过分红、园区务工实现了脱贫。")
    coop = records(nlp, text, "cooperatives")["姜庄村党支部领办合作社"]
    assert (coop["land_mu"], coop["households"]) == (1260, 100)


def test_one_village_row_per_village_with_first_mention_offsets(nlp):
    text = "在孔庄村贫困户孔祥轩家。孔庄村党支部书记说。"
    doc = nlp(text)
    rows = [m for m in doc._.mentions if m.table == "villages"]
    assert [(doc.text[m.start:m.end], m.start, m.fields["mentions"]) for m in rows] == [("孔庄村", 1, 2)]


def test_components_round_trip_their_lexicons(nlp, tmp_path):
    """Each component writes its lexicon files with to_disk and reads them back with from_disk."""
    import copy

    for name in ("extract_places", "extract_cooperatives", "extract_projects", "extract_linker"):
        component = copy.copy(nlp.get_pipe(name))
        component.to_disk(tmp_path / name)
        assert any((tmp_path / name).glob("*.t*"))
        loaded = component.from_disk(tmp_path / name)
        directory = getattr(loaded, "lexicon", loaded).directory
        assert directory == tmp_path / name
