"""Projects: concrete facilities and investments named by their noun phrase."""
from __future__ import annotations

import pytest

from entity_helpers import geography, project_names, simplified
from extract.figures.parse import find_figures
from extract.projects import ProjectWords, find_projects
from extract.projects.rules import category

# (snippet, project names found) — real sentences from the seeds and dev pages.
PROJECTS = [
    ("seed002-counted", "整合土地30亩,利用100万元扶贫资金建成8栋日光温室大棚,种植优质蔬菜和瓜果", ["日光温室大棚"]),
    ("seed002-two-objects", "由公司提供技术及销售等服务,建设了金银花加工生产线和扶贫微工厂,延伸产业链条。",
     ["金银花加工生产线", "扶贫微工厂"]),
    ("seed004-count-after", "依托西张庄村周边的优势,建成木耳大棚15个,年利润达到20万元", ["木耳大棚"]),
    ("seed004-bare-head-counted", "在流动人员密集的村庄新建楼房3栋2000多平方米", ["楼房"]),
    ("seed001-bare-扶贫车间", "刘垓子镇已在10个村建成扶贫车间16个,吸纳本地贫困劳动力100余人", ["扶贫车间"]),
    ("seed001-single-stop-inside-word", "村委委员陈金波成立的箱包加工就业工场,让周边30余名妇女实现了就业", ["箱包加工就业工场"]),
    ("seed001-nested-heads", "张庄村的即发针织分厂加工厂车间解决了80余名群众就业问题", ["发针织分厂加工厂车间"]),
    ("seed003-latin-letters", "本村村民赵洪亮自掏10余万元购买了22根光控高亮度LED路灯。", ["光控高亮度LED路灯"]),
    ("seed000-figure-in-sentence", "乐陵市朱集镇将安全饮水工程作为重点扶贫工作来抓,对全镇400余户贫困户用水情况进行全面排查",
     ["安全饮水工程"]),
    ("d10-head-extended", "金字牌镇横联村的光伏电站建设项目,是该县集中建设的一个规模较大的光伏发电项目。",
     ["光伏电站建设项目"]),
    ("d11-shorter-merged-into-longer", "在清泉镇闫河村藤编扶贫车间,57岁的脱贫户刘春保正在忙活。"
     "去年8月建成的闫河村藤编扶贫车间是我县探索“扶贫车间”进村的成果。", ["闫河村藤编扶贫车间"]),
    ("head-保鲜库", "合作社去年投资150万元建成一座1200立方米的冷链保鲜库。", ["冷链保鲜库"]),
    ("bare-head-初制所", "村里去年建成初制所两座,投资80万元。", ["初制所"]),
    ("head-直播间", "今年合作社又投资30万元建设电商直播间。", ["电商直播间"]),
    ("extension-改造", "全镇将加快老果园改造,力争每亩效益再提高2000元。", ["老果园改造"]),
    ("one-character-verb-needs-only-a-head", "新建养猪场一座,投资50万元。", ["养猪场"]),
    ("village-name-merged-into-same-head", "走进村里的香菇加工扶贫车间,20多名工人正在分拣。"
     "王庄村扶贫车间于2019年建成,投资100万元。", ["香菇加工扶贫车间"]),
    ("village-name-longer-core-kept", "在王庄村桃子基地,果农正忙着采摘。合作社建成标准化桃子基地1500亩。",
     ["标准化桃子基地"]),
    ("项目-merged-into-same-name", "引进蔬菜大棚项目,建成蔬菜大棚200栋,项目总投资500万元。", ["蔬菜大棚项目"]),
    ("different-villages-stay-apart", "张庄村扶贫车间投资50万元。李庄村木耳扶贫车间投资80万元。",
     ["张庄村扶贫车间", "李庄村木耳扶贫车间"]),
    ("trad-d01", simplified("在河南省商水縣平店鄉劉橋村成片的大棚中,近百畝果蔬進入收穫季。"), ["大棚"]),
    ("trad-d06", simplified("吳洪良利用上級給駐村第一書記的20萬元幫扶資金,先建起2000平方米全日光大棚。"), ["全日光大棚"]),
]

PROJECTS += [
    ("after-a-demonstrative-and-its-measure", "合作社新上了一条智能分选线,每小时可分选蜜柚15吨。这条分选线由村集体和合作社共同投资480万元建成。",
     ["智能分选线"]),
    ("after-a-month", "今年1至5月车间已发放工资52万余元,带动村民增收。", []),
    ("a-verb-before-the-head", "工作队投入帮扶资金280万元,配备冷库一座。", ["冷库"]),
    ("verb-before-facility", "3年来,这家公司通过承接小型工程、运营光伏电站,为村集体增收120万元。", ["光伏电站"]),
    ("new-build-verb", "今年村里投资80万元新修村级光伏电站一座。", ["村级光伏电站"]),
]

PROJECTS += [
    ("a-verb-of-effort-before-the-head", "一是提升民宿品质,力争民宿营业收入突破150万元。", ["民宿"]),
    ("workshops-and-centres", "村里投资40万元建起苗绣工坊,又投资300万元建设农产品交易中心。", ["苗绣工坊", "农产品交易中心"]),
    ("a-figures-unit-does-not-begin-a-name", "合作社投入资金180万元修缮梯田步道,带动游客增长。", ["修缮梯田步道"]),
    ("an-adverb-and-verb-before-the-head", "3.继续做好光伏电站运维,确保年发电收益稳定在30万元以上。", ["光伏电站"]),
    ("a-name-stops-at-a-line-break", "图为村民在收购茶叶\n扶贫车间今年吸纳了30人就业。", ["扶贫车间"]),
    ("more-heads", "合作社投入资金150万元建设了柑橘分选中心,配套建设一座冷藏库。", ["柑橘分选中心", "冷藏库"]),
    ("pens-and-lofts", "村里投资260万元建成标准化肉羊托养棚圈12座、标准化鸽舍8栋。", ["标准化肉羊托养棚圈", "标准化鸽舍"]),
    ("cellars-farms-and-lines", "合作社投资90万元建起马铃薯恒温储窖,又新建肉牛育肥场和一条辣酱灌装线。",
     ["马铃薯恒温储窖", "肉牛育肥场", "辣酱灌装线"]),
    ("a-park-planned-whole", "镇里正在筹建苹果深加工园区,计划总投资1.2亿元。", ["苹果深加工园区"]),
    ("a-name-holding-a-tending-word", "村里投资180万元建成肉牛托管养殖小区。", ["肉牛托管养殖小区"]),
    ("invested-in-after-the-name", "这笔收益,来源于镇里的浦成小微产业园项目投资。", ["浦成小微产业园项目"]),
]

NOT_PROJECTS = [
    ("head-inside-a-cooperative-name", "那一年,村里成立青溪民宿旅游专业合作社,吸纳社员56户,投资300万元。"),
    ("no-build-verb-figure-or-village", "定期对党员干部进行培训,组织到红色教育基地参观学习。"),
    ("bare-head-that-needs-words", "2024年我们计划再增加一条生产线。"),
    ("head-after-a-stop", "吸纳了20名贫困户在厂里上班。"),
    ("a-building-rented-out", "入驻企业每年向村集体缴纳厂房租金6万元。"),
    ("head-inside-a-town-name", "截至目前,西果园镇共有依法登记合作社16家,带动农户1200户。"),
    ("generic-的-before-head", "这是村里的光伏发电项目"),
    ("每-and-measure-word", "合作社统一采购农资,每亩茶园可节省成本120元左右。"),
    ("tending-verb", "合作社吸纳156户茶农入社,管护茶园3200亩。"),
    ("one-character-verb-and-head", "现在光伏收益每年有30多万元,村里修路、安路灯都不用愁了。"),
    ("managing-an-orchard", "合作社现有社员193户,统一管理果园3100亩。"),
    ("taking-orchards-in-trust", "合作社实行统一防控,托管果园1900亩。"),
    ("renting-a-shed-back-home", "村里不少在外务工的年轻人也回来承包大棚,一年能挣五六万。"),
    ("the-whole-villages-tea", "全村茶园4300亩,去年产值2600万元。"),
    ("a-projects-headquarters", "成立县易地扶贫搬迁工程项目建设指挥部,统筹资金8亿元。"),
    ("a-factorys-chairman", "车间由县人大代表、宏发机械厂董事长王秀宽援建,总投资60万元。"),
    ("the-kind-of-a-list", "打造了湖滩人家、罐罐茶屋等乡村旅游项目,带动50户增收。"),
    ("a-documents-title", "县里印发《村级光伏扶贫电站收益分配管理办法》,规范收益分配。"),
]


def test_merged_mentions_are_aliases():
    """The later name of one facility stays as an alias the linker reads its figures from."""
    text = "走进村里的香菇加工扶贫车间,20多名工人正在分拣。王庄村扶贫车间于2019年建成,投资100万元。"
    lex = ProjectWords.load()
    figures = [(f.start, f.end) for f in find_figures(text)]
    (project,) = find_projects(text, geography(text), figures, lex)
    assert [text[s:e] for s, e in project.aliases] == ["王庄村扶贫车间"]


@pytest.mark.parametrize(("snippet", "expected"), [pytest.param(s, e, id=i) for i, s, e in PROJECTS])
def test_projects_found(snippet, expected):
    assert project_names(snippet) == expected


@pytest.mark.parametrize("snippet", [pytest.param(s, id=i) for i, s in NOT_PROJECTS])
def test_no_project(snippet):
    assert project_names(snippet) == []


CATEGORIES = [
    ("现代农业生态观光园", "tourism"),
    ("金银花加工生产线", "processing"),
    ("日光温室大棚", "planting"),
    ("信息化扶贫电商平台", "ecommerce"),
    ("安全饮水工程", "infrastructure"),
    ("国能长源光伏发电项目", "energy"),
    ("千头牦牛藏羊标准化生产基地", "breeding"),
    ("楼房", "other"),
    ("茶叶初制所", "processing"),
    ("电商直播间", "ecommerce"),
]


@pytest.mark.parametrize(("name", "expected"), CATEGORIES)
def test_category_from_keyword_lexicon(name, expected):
    assert category(name, ProjectWords.load()) == expected


@pytest.mark.parametrize("snippet,expected", [
    ("镇里打造“梦工厂”,吸纳40名妇女就业。", []),
    ("建设“优质稻米标准化生产试验示范基地”,为帮扶村增加村集体经济收入16万元。", ["优质稻米标准化生产试验示范基地"]),
    ("该扶贫车间年租金1万元,其中7千元用于帮扶贫困群众。", ["扶贫车间"]),
])
def test_nicknames_in_quotes_and_pronouns_before_a_head(snippet, expected):
    assert project_names(snippet) == expected
