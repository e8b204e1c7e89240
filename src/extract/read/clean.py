"""Clean: turn a decoded page into Simplified paragraphs free of site chrome.

Every offset of every record points into text built from these paragraphs, so this is the
only stage that may change characters.
"""
from __future__ import annotations

import datetime as dt
import html
from dataclasses import dataclass, field
from functools import lru_cache

import opencc
import regex as re

from pathlib import Path

from ..lexicon import Lexicon, alternation, words

FULL_TO_HALF = {**{0xFF10 + i: 0x30 + i for i in range(10)},
                **{0xFF21 + i: 0x41 + i for i in range(26)},
                **{0xFF41 + i: 0x61 + i for i in range(26)},
                0xFF05: ord("%"), 0x3000: ord(" "), 0xA0: ord(" ")}
FULL_WIDTH_POINT = re.compile(r"(?<=\d)．(?=\d)")  # ３９．９ → 39.9; a lone ． stays
INVISIBLE = dict.fromkeys(map(ord, "\x00\u200b\u200c\u200d\u2060\ufeff\r"), None)
TONE_MARKS = "āáǎàēéěèīíǐìōóǒòūúǔùǖǘǚǜ"
PINYIN_GLOSS = re.compile(rf"(?<=\p{{Han}})[(（](?=[^)）]*[{TONE_MARKS}])[a-zü{TONE_MARKS}]{{1,8}}[)）]")
ENTITY = re.compile(r"&(?!nbsp;|#160;)(?:[a-zA-Z]{2,8}|#\d{2,6}|#x[0-9a-fA-F]{2,5});")  # &ldquo; → “ (&nbsp; goes)
GARBAGE = re.compile(r"<!--[^\n]{0,300}?-->|</?[a-zA-Z][^<>\n]{0,300}>|[?？!！]{0,3}/[a-z]{1,4}>|&(?:nbsp|amp|lt|gt|quot|#\d{2,5});|"
                     r"^[?？�]+|�+", re.M)
TERMINAL = tuple("。！？!?…；;”’」』)）】》")
SENTENCE_END = re.compile(r"[。！？!?…；;][”’」』)）]*$")
BYLINE = re.compile(r"[(（][^()（）]{0,30}(通讯员|记者|实习生|特约)[^()（）]{0,40}[)）]\s*$")
DATE = re.compile(r"((?:19|20)\d{2})\s*[-年/.]\s*(\d{1,2})\s*[-月/.]\s*(\d{1,2})")
META_LINE = re.compile(r"(来源|作者|发布时间|发布日期|发表时间|时间)[:：]|^\s*(?:19|20)\d{2}[-年/.]\d{1,2}[-月/.]\d{1,2}")
SOURCE = re.compile(r"来源[:：]\s*([^\s|｜]+?)(?=\s|作者|编辑|$|[|｜])")
OUTLET = r"\p{Han}{2,12}?(?:日报|晚报|早报|时报|报|新闻网|网|电视台|融媒体中心|发布)"
MASTHEAD = re.compile(rf"^({OUTLET})(?:\s|$|(?=记者|通讯员))")  # 赣南日报 2020年11月20日, 张北新闻网
SITE_NAME = re.compile(r"^\p{Han}{2,12}?(?:新闻网|日报|晚报|融媒体中心)$")  # a page's first lines only
DATELINE_SOURCE = re.compile(rf"^({OUTLET})讯")  # 城口县融媒体中心讯(记者 邓雪梅)
BYLINE_LINE = re.compile(rf"^(?:{OUTLET})?\s*(?:记者|通讯员)\s*\p{{Han}}{{2,4}}(?:\s|$)")
AUTHOR = re.compile(r"作者[:：]\s*([^|｜]+?)\s*(?=$|[|｜]|来源|编辑|发布)")
REPORTERS = re.compile(r"(?:记者|通讯员)[:：\s]*((?:\p{Han}{2,4}[\s、]*)+)")
SENTENCE_PUNCT = re.compile(r"[。，,；;！？!?]")
PARAGRAPH_INDENT = re.compile(r"[\u3000]{1,}|\s{2,}\S")  # how a printed page starts a paragraph
PROSE = re.compile(r"[，,、]")
HEADING_NUMBER = re.compile(r"^(?:[一二三四五六七八九十]+、|\d+、)")  # `一、产业发展`: a heading, not prose
# a line opening on a figure and its unit (`460万元，其中…`) is no paragraph's start
FIGURE_FIRST = re.compile(r"[\d.]+(?:多|余)?[万亿千百]?(?:元|块|户|人|名|亩|个|家)")
JOIN_MIN_CHARS = 50  # a line this long that stops mid-sentence was broken by the source


@dataclass
class PageMeta:
    published: dt.date | None = None
    source: str | None = None
    authors: list[str] = field(default_factory=list)


@dataclass
class CleanPage:
    paragraphs: list[str]
    script: str
    meta: PageMeta


def clean_page(text: str) -> CleanPage:
    text = FULL_WIDTH_POINT.sub(".", text.translate(INVISIBLE).translate(FULL_TO_HALF))
    script = detect_script(text)
    text = to_simplified(text, script)
    text = GARBAGE.sub("", PINYIN_GLOSS.sub("", ENTITY.sub(lambda m: html.unescape(m.group()), text)))
    # related links go before broken lines are joined: a list of titles is no broken sentence
    lines = [" ".join(line.split()) for line in join_soft_breaks(drop_related_links(text.split("\n")))]
    lines = [line for line in lines if line]
    meta, lines = take_metadata(lines)
    lines = drop_repeated_titles([line for line in lines if not is_chrome(line)])
    paragraphs = drop_trailing_ads(join_broken_lines(lines))
    return CleanPage(paragraphs, script, meta)


def to_simplified(text: str, script: str) -> str:
    """Traditional characters converted (also the odd one on a Simplified page), except, on a page
    not written in Traditional, the characters Simplified also uses in names (乾安县, 乾县: t2s
    would write 干安县)."""
    converted = _t2s().convert(text)
    if script == "traditional" or len(converted) != len(text):
        return converted
    return "".join(o if o in SIMPLIFIED_ALSO else c for o, c in zip(text, converted))


SIMPLIFIED_ALSO = frozenset("乾")  # a Simplified character too (乾坤, 乾县) that t2s turns into 干


@lru_cache(maxsize=1)
def _t2s() -> opencc.OpenCC:
    return opencc.OpenCC("t2s")


@lru_cache(maxsize=1)
def _s2t() -> opencc.OpenCC:
    return opencc.OpenCC("s2t")


@lru_cache(maxsize=20000)
def _char_script(ch: str) -> int:
    """+1 a Traditional-only form, -1 a Simplified-only form, 0 shared by both scripts."""
    if _t2s().convert(ch) != ch:
        return 1
    return -1 if _s2t().convert(ch) != ch else 0


def detect_script(text: str) -> str:
    trad = simp = 0
    for ch in re.findall(r"\p{Han}", text):
        mark = _char_script(ch)
        trad, simp = trad + (mark > 0), simp + (mark < 0)
    if trad + simp == 0:
        return "simplified"
    share = trad / (trad + simp)
    return "traditional" if share >= 0.8 else "simplified" if share <= 0.2 else "mixed"


@dataclass(frozen=True)
class PageWords(Lexicon):
    """What cleaning drops: site chrome (regex patterns) and slogan words."""

    HOME = Path(__file__).parent / "words"
    chrome: tuple[str, ...] = words("chrome.txt")
    slogans: tuple[str, ...] = words("slogans.txt")


@lru_cache(maxsize=1)
def _chrome_patterns() -> list[re.Pattern]:
    return [re.compile(p) for p in PageWords.load().chrome]


@lru_cache(maxsize=1)
def _slogan_pattern() -> re.Pattern:
    return re.compile(rf"^(?:{alternation(PageWords.load().slogans)}|[\s·“”\"'])+$")


def is_chrome(line: str) -> bool:
    return any(p.search(line) for p in _chrome_patterns()) or bool(_slogan_pattern().match(line))


def is_meta_line(line: str) -> bool:
    """A dateline, outlet or author line: short, no sentence in it, not site chrome."""
    if len(line) > 80 or "。" in line or is_chrome(line):
        return False
    short = len(line) <= 40 and not SENTENCE_PUNCT.search(line)
    return bool(META_LINE.search(line) or short and (DATE.search(line) or BYLINE_LINE.match(line)))


def take_metadata(lines: list[str]) -> tuple[PageMeta, list[str]]:
    """Read date, outlet and author lines (first of each wins) and drop them from the text."""
    meta, kept = PageMeta(), []
    for i, line in enumerate(lines):
        if not (is_meta_line(line) or i < 3 and SITE_NAME.match(line)):
            kept.append(line)
            continue
        if meta.published is None and (m := DATE.search(line)):
            meta.published = _date(*m.groups())
        if meta.source is None and (m := SOURCE.search(line) or MASTHEAD.search(line)):
            meta.source = m.group(1)
        if not meta.authors and (m := AUTHOR.search(line) or REPORTERS.search(line)):
            meta.authors = split_names(m.group(1))
    if meta.source is None:  # only in the dateline of the first paragraph
        first = next((line for line in kept[:4] if DATELINE_SOURCE.match(line)), None)
        meta.source = DATELINE_SOURCE.match(first).group(1) if first else None
    return meta, kept


def _date(y: str, m: str, d: str) -> dt.date | None:
    try:
        return dt.date(int(y), int(m), int(d))
    except ValueError:
        return None


ROLE_WORDS = re.compile(r"本报|本台|特约|通讯员|记者|实习生|摄影|报道|文/|图/|/|\p{Han}{1,6}(?:台|站|报|网)(?=记者)")


EDITORS = re.compile(r"(?:责任编辑|编辑|责编|审核|校对|美编)(?:[:：\s].*)?$")  # editors are not authors


def split_names(byline: str) -> list[str]:
    """`通讯员 贾鹏 段秀菲` → [贾鹏, 段秀菲]; keeps 2–4 character Han names only."""
    text = ROLE_WORDS.sub(" ", EDITORS.sub("", byline))
    return [n for n in re.split(r"[\s、,，;；]+", text) if re.fullmatch(r"\p{Han}{2,4}", n)]


RELATED_HEADER = re.compile(r"^[▌■□●◆◇▶►▼【\[〖「\s]*(相关新闻|相关文章|相关阅读|相关链接|相关报道|相关推荐|相关视频|"
                            r"延伸阅读|推荐阅读|精彩阅读|更多阅读|热点推荐|热门推荐|精彩推荐|往期推荐|往期回顾|猜你喜欢|"
                            r"更多新闻|更多精彩|热门文章|网友评论|热门评论|精彩评论|读者评论|相关信息|本版其他文章|本版其他新闻|本版其他稿件|本版导读|其他文章)[】\]〗」\s]*"
                            r"(?:[(（]\d+[)）])?[:：]?$")  # `▌更多精彩`, `【相关链接】`, `网友评论（3）`
LINK_TITLE_CHARS = 40  # a link title (or a reader's comment) under such a header is a short line
DATED_TITLE = re.compile(r"[(（]\d{4}-\d{1,2}-\d{1,2}[)）]\s*$")  # `· 北川县…达13562元（2024-10-25）`: a listed link


def drop_related_links(lines: list[str]) -> list[str]:
    """A 相关新闻 header and the link titles under it (short lines, no sentence) are not the article."""
    kept, in_links = [], False
    for line in lines:
        if RELATED_HEADER.match(line.strip()):
            in_links = True
            continue
        if in_links and (len(line.strip()) <= LINK_TITLE_CHARS or DATED_TITLE.search(line)) and "。" not in line:
            continue
        in_links = False
        kept.append(line)
    return kept


def drop_repeated_titles(lines: list[str]) -> list[str]:
    """A heading-like line seen before (a title repeated as image captions) is kept once."""
    seen, kept = set(), []
    for line in lines:
        heading = len(line) <= 80 and not line.endswith(TERMINAL) and not BYLINE.search(line)
        if heading and line in seen:
            continue
        seen.add(line)
        kept.append(line)
    return kept


def join_soft_breaks(raw: list[str]) -> list[str]:
    """On a page that marks its paragraphs (an indent, or a blank line before each), a line of
    prose that stops mid-sentence and a next line that starts no paragraph are one paragraph
    broken by the source (`…党支部领办了兴隆鲜食玉` / `米种植专业合作社，…`); inside a paragraph the
    page indented, any line not ending a sentence runs on, a number too (`其中脱贫户1` / `8名`)."""
    if not any(PARAGRAPH_INDENT.match(line) for line in raw) and "" not in (line.strip() for line in raw):
        return raw
    out: list[str] = []
    for line in raw:
        previous = out[-1].strip() if out else ""
        indented = bool(out) and bool(PARAGRAPH_INDENT.match(out[-1]))  # inside a paragraph the page opened
        if previous and line.strip() and not PARAGRAPH_INDENT.match(line) \
                and (_soft_break(previous, line.strip()) or (indented and not _ends_sentence(previous))):
            out[-1] = out[-1].rstrip() + line.strip()
        else:
            out.append(line)
    return out


def _ends_sentence(line: str) -> bool:
    return line.rstrip("”’」』").endswith(TERMINAL)


def _soft_break(previous: str, line: str) -> bool:
    """Prose (a comma inside it) stopping mid-sentence (a quote closed without 。 inside it is
    mid-sentence: `采取“党支部+合作社+农户”` / `模式`), or words leading to the figure the next
    line opens on (`车间总投资` / `460万元，…`); not a number running into a number."""
    if _ends_sentence(previous) or (previous[-1].isdigit() and line[0].isdigit()):
        return False
    return bool(PROSE.search(HEADING_NUMBER.sub("", previous))) or (_is_han(previous[-1]) and bool(FIGURE_FIRST.match(line)))


def _is_han(ch: str) -> bool:
    return bool(re.match(r"\p{Han}", ch))


def join_broken_lines(lines: list[str]) -> list[str]:
    """Join a line the source broke inside a sentence or word with the line that continues it."""
    paragraphs: list[str] = []
    for line in lines:
        if paragraphs and _continues(paragraphs[-1], line):
            paragraphs[-1] += line
        else:
            paragraphs.append(line)
    return paragraphs


def _continues(previous: str, line: str) -> bool:
    if previous.endswith(TERMINAL) or line.startswith(("【", "(", "（")):
        return False
    # a short line is a title, unless it holds a finished sentence (`…的“致富经”。村里的乞巧刺绣扶贫` / `车间由…`)
    return len(previous) >= JOIN_MIN_CHARS or previous.endswith((",", "，", "、")) or "。" in previous


def drop_trailing_ads(paragraphs: list[str]) -> list[str]:
    """Three or more short unpunctuated lines closing a page are its ads and mastheads."""
    n = len(paragraphs)
    while n and _short_unpunctuated(paragraphs[n - 1]):
        n -= 1
    return paragraphs[:n] if len(paragraphs) - n >= 3 else paragraphs


def _short_unpunctuated(line: str) -> bool:
    return len(line) <= 20 and not re.search(r"[。！？!?,，;；]", line.strip("“”\""))
