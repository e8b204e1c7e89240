"""Ingest: decoding real text in every supported encoding, rejecting what is not text,
finding input files, and taking the main text out of an HTML page."""
from __future__ import annotations

import os

import pytest

from extract.read.ingest import IngestError, decode, iter_files, read_document


def _slice_that_encodes(text: str, encoding: str, max_chars: int = 2500) -> str:
    """Whole lines of `text` that encode strictly in `encoding`, up to about max_chars."""
    kept, size = [], 0
    for line in text.split("\n"):
        try:
            line.encode(encoding, errors="strict")
        except UnicodeEncodeError:
            continue
        kept.append(line)
        size += len(line) + 1
        if size >= max_chars:
            break
    return "\n".join(kept)


# --- decoding --------------------------------------------------------------------------------

@pytest.mark.parametrize("codec, expected", [("gb18030", "gb18030"), ("gbk", "gb18030")])
def test_simplified_seed_reencoded_in_gb_family_decodes_to_the_original(tmp_path, seed, codec, expected):
    original = _slice_that_encodes(seed("000").read_text(encoding="utf-8"), codec)
    assert len(original) > 2000 and not original.isascii()
    path = tmp_path / "gb.txt"
    path.write_bytes(original.encode(codec, errors="strict"))

    doc = read_document(path)

    assert doc.text == original
    assert doc.encoding == expected
    assert doc.warning is None
    assert doc.doc_id == "gb" and not doc.is_html


def test_traditional_seed_reencoded_in_big5_decodes_to_the_original(tmp_path, seed):
    original = _slice_that_encodes(seed("001").read_text(encoding="utf-8"), "big5")
    assert len(original) > 2000 and "劉垓子鎮" in original
    path = tmp_path / "big5.txt"
    path.write_bytes(original.encode("big5", errors="strict"))

    doc = read_document(path)

    assert doc.text == original
    assert doc.encoding == "big5"
    assert doc.warning is None


@pytest.mark.parametrize("n", ["000", "001"])
def test_utf8_with_bom_decodes_without_the_bom(tmp_path, seed, n):
    original = seed(n).read_text(encoding="utf-8")
    path = tmp_path / "bom.txt"
    path.write_bytes(b"\xef\xbb\xbf" + original.encode("utf-8"))

    doc = read_document(path)

    assert doc.text == original
    assert not doc.text.startswith("\ufeff")
    assert doc.encoding == "utf-8"
    assert doc.warning is None


def test_plain_utf8_seed_is_read_unchanged(seed):
    path = seed("002")
    doc = read_document(path)
    assert doc.text == path.read_text(encoding="utf-8")
    assert (doc.encoding, doc.warning, doc.doc_id) == ("utf-8", None, "002_21d98ef2e5f3f12f")


@pytest.mark.parametrize("data, reason_word", [
    pytest.param(b"", "empty", id="empty"),
    pytest.param(b"  \n\t\r\n\n   \n", "empty", id="whitespace-only"),
    pytest.param(b"\x89PNG\r\n\x1a\n" + bytes(range(256)) * 4, "binary", id="png"),
    pytest.param("乐陵开发区".encode("utf-8") + b"\x00\x01\x02\x00\xff\xfe" * 50, "binary", id="nul-bytes"),
])
def test_files_that_are_not_text_raise_ingest_error_with_a_reason(tmp_path, data, reason_word):
    path = tmp_path / "bad.txt"
    path.write_bytes(data)

    with pytest.raises(IngestError) as info:
        read_document(path)

    assert info.value.path == path
    assert reason_word in info.value.reason


@pytest.mark.parametrize("data", [
    pytest.param(b"\xef\xbb\xbf", id="bom-only"),
    pytest.param(b"\xef\xbb\xbf\r\n \r\n", id="bom-and-newlines"),
    pytest.param("\u3000\u3000\n\u3000\n".encode("utf-8"), id="ideographic-spaces"),
])
def test_unicode_whitespace_only_file_is_empty(tmp_path, data):
    path = tmp_path / "blank.txt"
    path.write_bytes(data)
    with pytest.raises(IngestError) as info:
        read_document(path)
    assert "empty" in info.value.reason


def test_truncated_gbk_file_is_decoded_up_to_the_cut_with_a_warning(tmp_path, seed):
    text = seed("000").read_text(encoding="utf-8")
    end = text.index("(通讯员 周宁宁)")  # a slice ending in "。", a two-byte GBK character
    original = text[:end]
    data = original.encode("gbk")
    assert len(original[-1].encode("gbk")) == 2
    path = tmp_path / "truncated.txt"
    path.write_bytes(data[:-1])  # cut inside the last character

    doc = read_document(path)

    assert doc.text == original[:-1]
    assert doc.encoding == "gb18030"
    assert doc.warning is not None and "truncat" in doc.warning


def test_truncated_utf8_file_is_decoded_up_to_the_cut_with_a_warning(tmp_path, seed):
    original = seed("003").read_text(encoding="utf-8")[:1200].rstrip()
    assert len(original[-1].encode("utf-8")) == 3
    path = tmp_path / "truncated.txt"
    path.write_bytes(original.encode("utf-8")[:-2])

    doc = read_document(path)

    assert doc.text == original[:-1]
    assert doc.encoding == "utf-8"
    assert doc.warning is not None and "truncat" in doc.warning


@pytest.mark.parametrize("codec", ["gbk", "big5"])
def test_legacy_file_whose_last_character_is_its_only_chinese_one(tmp_path, codec):
    text = "2020-07-02 16:22:00 2020年"
    decoded, encoding, warning = decode(tmp_path / "x.txt", text.encode(codec))
    # which legacy codec wins on one character is the detector's call; losing it is not
    assert encoding in ("gb18030", "big5")
    assert warning is None
    assert len(decoded) == len(text) and decoded.startswith("2020-07-02 16:22:00 2020")


def test_undecodable_bytes_raise_ingest_error(tmp_path):
    # valid in none of UTF-8, GB18030, Big5: 0x80 alone is not a GB18030 lead byte nor Big5
    path = tmp_path / "junk.txt"
    path.write_bytes(("乐陵" * 20).encode("utf-8") + b"\x80\x80\x80\x80\x80abc" * 20)
    with pytest.raises(IngestError) as info:
        read_document(path)
    assert "undecodable" in info.value.reason


# --- finding the input files -----------------------------------------------------------------

def _touch(path, text="乐陵"):
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(text, encoding="utf-8")
    return path


def test_iter_files_is_recursive_and_keeps_only_text_and_html(tmp_path):
    wanted = [_touch(tmp_path / p) for p in ("b.txt", "a.html", "sub/c.htm", "sub/deeper/d.txt")]
    for p in ("notes.md", "img.png", "sub/data.json", "x.txt.bak", "sub/deeper/page.html~"):
        _touch(tmp_path / p)

    found = list(iter_files(tmp_path))

    assert sorted(found) == sorted(wanted)
    assert len(found) == len(set(found))


def test_iter_files_lists_each_folder_in_name_order(tmp_path):
    for name in ("z.txt", "a.txt", "m.htm", "b.html"):  # created out of order
        _touch(tmp_path / name)
    for name in ("y.txt", "c.txt"):
        _touch(tmp_path / "sub" / name)

    found = [p.relative_to(tmp_path).as_posix() for p in iter_files(tmp_path)]

    top = [p for p in found if "/" not in p]
    sub = [p for p in found if p.startswith("sub/")]
    assert top == ["a.txt", "b.html", "m.htm", "z.txt"]
    assert sub == ["sub/c.txt", "sub/y.txt"]


def test_iter_files_order_is_sorted_by_path(tmp_path):
    for p in ("b.txt", "a/z.txt", "c/a.txt", "d.txt"):
        _touch(tmp_path / p)
    found = list(iter_files(tmp_path))
    assert found == sorted(found)


def test_iter_files_on_a_single_file_yields_it(tmp_path):
    path = _touch(tmp_path / "one.txt")
    assert list(iter_files(path)) == [path]


def test_iter_files_survives_a_symlink_loop_and_lists_each_file_once(tmp_path):
    a = _touch(tmp_path / "a.txt")
    b = _touch(tmp_path / "sub" / "b.txt")
    os.symlink(tmp_path, tmp_path / "sub" / "back_to_root", target_is_directory=True)
    os.symlink(tmp_path / "sub", tmp_path / "sub" / "self", target_is_directory=True)

    found = list(iter_files(tmp_path))

    real = sorted(os.path.realpath(p) for p in found)
    assert real == sorted([os.path.realpath(a), os.path.realpath(b)])


# --- HTML main text --------------------------------------------------------------------------

ARTICLE_TITLE = "乐陵朱集镇枣企业助力精准扶贫"
ARTICLE_PARAGRAPHS = [
    "近一个月来,乐陵市朱集镇千年枣林里锣鼓喧天,一片热闹景象。在旅游沿线的25个村级合作社枣农"
    "正在忙着将晒好、筛好的红枣装袋,通过运输小队运往各个红枣加工企业。",
    "目前,3家红枣企业收购红枣30余万斤,涉及贫困户红枣近6万斤,每亩收益较往年增收1000余元。",
]
NAV_AND_FOOTER = ["网站首页", "专题专栏", "党建动态", "版权所有", "备案号", "网站地图", "联系我们"]


def _page(charset: str) -> str:
    paragraphs = "\n".join(f"<p>{p}</p>" for p in ARTICLE_PARAGRAPHS)
    return f"""<!DOCTYPE html>
<html><head><meta charset="{charset}"><title>{ARTICLE_TITLE}_乐陵新闻网</title></head>
<body>
<nav><ul><li><a href="/">网站首页</a></li><li><a href="/zt">专题专栏</a></li>
<li><a href="/dj">党建动态</a></li></ul></nav>
<article><h1>{ARTICLE_TITLE}</h1>
{paragraphs}
</article>
<footer><p>版权所有 乐陵市融媒体中心 备案号:鲁ICP备12345678号</p>
<p><a href="/map">网站地图</a> | <a href="/about">联系我们</a></p></footer>
</body></html>"""


@pytest.mark.parametrize("suffix, charset, codec", [
    (".html", "utf-8", "utf-8"),
    (".htm", "gbk", "gbk"),
])
def test_html_main_text_keeps_the_article_and_drops_nav_and_footer(tmp_path, suffix, charset, codec):
    path = tmp_path / f"page{suffix}"
    path.write_bytes(_page(charset).encode(codec))

    doc = read_document(path)

    assert doc.is_html
    assert doc.doc_id == "page"
    for paragraph in ARTICLE_PARAGRAPHS:
        assert paragraph in doc.text
    assert doc.text.splitlines()[0].startswith(ARTICLE_TITLE)
    for chrome in NAV_AND_FOOTER:
        assert chrome not in doc.text
    assert "<p>" not in doc.text and "</" not in doc.text


def test_html_without_main_text_is_an_ingest_error(tmp_path):
    path = tmp_path / "blank.html"
    path.write_text("<html><head><title></title></head><body><nav></nav></body></html>", encoding="utf-8")
    with pytest.raises(IngestError) as info:
        read_document(path)
    assert info.value.reason


def test_an_html_tables_rows_become_sentences_that_name_their_columns():
    from extract.read.pages import tables_as_sentences

    text = "全镇部分村集体经济收入情况\n| 村名 | 主要产业 | 村集体经济收入 |\n| --- | --- | --- |\n" \
           "| 黄岭村 | 茶叶 | 56.2万元 |\n| 梓沟村 | 魔芋 | 31.8万元 |\n据了解,全镇各村收入均超过20万元。"
    assert tables_as_sentences(text).split("\n") == [
        "全镇部分村集体经济收入情况", "村名：黄岭村，主要产业：茶叶，村集体经济收入：56.2万元。",
        "村名：梓沟村，主要产业：魔芋，村集体经济收入：31.8万元。", "据了解,全镇各村收入均超过20万元。"]


def test_a_one_column_layout_table_gives_lines_not_sentences_named_by_its_title():
    """A page laid out in a one-column table (title, byline, body cells) is prose: every cell a
    line, the paragraphs the extractor joined by a space split again."""
    from extract.read.pages import tables_as_sentences

    text = ("| 某镇：共富工坊开到家门口 | \n| 2024-06-03 来源：某某日报 记者 张三 | \n"
            "| 初夏时节，工坊里很忙。 “剥一斤莲子挣六块钱。”雷阿婆说。 村民 李四 摄 全镇分红205万元。 相关阅读：某县：收入1.32万元 | ")
    assert tables_as_sentences(text).split("\n") == [
        "某镇：共富工坊开到家门口", "2024-06-03 来源：某某日报 记者 张三", "初夏时节，工坊里很忙。",
        "“剥一斤莲子挣六块钱。”雷阿婆说。", "村民 李四 摄", "全镇分红205万元。", "相关阅读：某县：收入1.32万元"]

