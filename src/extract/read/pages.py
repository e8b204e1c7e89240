"""The main text of an HTML page: trafilatura's, or for a page nested deeper than lxml reads,
the same from a parse without that limit, else the page's whole visible text."""
from __future__ import annotations

from html.parser import HTMLParser

import re

CELL_PARAGRAPH_BREAK = re.compile(r"(?<=[。！？!?”」摄])\s+(?=\S)")  # Chinese prose has no spaces but between paragraphs
DEEP_HTML = 255  # nesting at which lxml (and so trafilatura) stops reading a page


class NoText(ValueError):
    """A page without text to take; the message says why."""


def main_text(html: str) -> tuple[str, str | None]:
    """(main text of the page, warning or None): paragraphs on their own lines, with its title
    and date on top so that the article splitter reads them as it would in a saved text page.

    A page nested deeper than lxml reads (DEEP_HTML) is parsed again without that limit; if
    the extractor still finds nothing, its whole visible text is taken, with a warning."""
    import trafilatura

    options = dict(with_metadata=True, include_comments=False, include_tables=True, favor_recall=True)
    doc = trafilatura.bare_extraction(html, **options)
    if doc is None or not (doc.text or "").strip():
        depth = html_depth(html)
        if depth < DEEP_HTML:
            raise NoText("HTML page without extractable main text")
        doc = trafilatura.bare_extraction(_huge_tree(html), **options)
        if doc is None or not (doc.text or "").strip():
            text = visible_text(html)
            if not text.strip():
                raise NoText(f"HTML page nested {depth} levels deep without any text")
            return text, (f"HTML page nested {depth} levels deep, beyond what the main-text extractor "
                          "reads: its whole visible text was taken (site chrome may remain)")
    head = [line for line in (doc.title, _meta_line(doc)) if line]
    return "\n".join([*head, tables_as_sentences(doc.text)]), None


def tables_as_sentences(text: str) -> str:
    """The extractor writes a table as `| 村名 | 村集体经济收入 |` rows; each body row becomes a
    sentence naming its columns (`村名：黄柏垭村，村集体经济收入：86.4万元。`), so a figure's cue
    stands beside it as it would in prose."""
    out, header = [], None
    for line in text.split("\n"):
        cells = [c.strip() for c in line.strip().strip("|").split("|")] if line.lstrip().startswith("|") else None
        if cells is None:
            out.append(line)
            header = None
        elif len(cells) == 1:  # a one-column table lays a page out (title, byline, body): its cells are
            out.append(CELL_PARAGRAPH_BREAK.sub("\n", cells[0]))  # lines, paragraphs joined by a space split again
        elif header is None:
            header = cells
        elif not all(set(c) <= set("-: ") for c in cells):  # a Markdown rule line
            out.append("，".join(f"{h}：{c}" if h and h not in c else c for h, c in zip(header, cells) if c) + "。")
    return "\n".join(out)


def _huge_tree(html: str):
    from lxml import html as lxml_html

    parser = lxml_html.HTMLParser(huge_tree=True, remove_comments=True)
    try:
        return lxml_html.document_fromstring(html, parser=parser)
    except Exception:  # noqa: BLE001 - unparsable even so: the caller falls back to the text
        return html


# Not counted in the depth: void elements, and those whose end tag pages often leave out.
VOID_TAGS = frozenset("area base br col embed hr img input link meta param source track wbr "
                      "p li td th tr option dt dd".split())
BLOCK_TAGS = frozenset("p div br li tr h1 h2 h3 h4 h5 h6 title section article header footer "
                       "table ul ol dd dt blockquote pre".split())


class _Text(HTMLParser):
    """Visible text and nesting depth of a page, read as a stream: no tree, no recursion."""

    def __init__(self):
        super().__init__(convert_charrefs=True)
        self.parts: list[str] = []
        self.depth = self.max_depth = 0
        self.hidden = 0

    def handle_starttag(self, tag, attrs):
        if tag in BLOCK_TAGS:
            self.parts.append("\n")
        if tag in ("script", "style"):
            self.hidden += 1
        if tag not in VOID_TAGS:
            self.depth += 1
            self.max_depth = max(self.max_depth, self.depth)

    def handle_endtag(self, tag):
        if tag in ("script", "style"):
            self.hidden = max(self.hidden - 1, 0)
        if tag not in VOID_TAGS:
            self.depth = max(self.depth - 1, 0)
        if tag in BLOCK_TAGS:
            self.parts.append("\n")

    def handle_data(self, data):
        if not self.hidden:
            self.parts.append(data)


def _read_html(html: str) -> _Text:
    reader = _Text()
    reader.feed(html)
    reader.close()
    return reader


def html_depth(html: str) -> int:
    """How deep the page's elements nest (elements whose end tag pages often leave out not counted)."""
    return _read_html(html).max_depth


def visible_text(html: str) -> str:
    """The page's text outside script and style, a line per block element."""
    text = "".join(_read_html(html).parts)
    lines = (" ".join(line.split()) for line in text.splitlines())
    return "\n".join(line for line in lines if line)


def _meta_line(doc) -> str:
    parts = []
    if doc.date:
        parts.append(str(doc.date))
    if doc.sitename:
        parts.append(f"来源:{doc.sitename}")
    if doc.author:
        parts.append(f"作者:{doc.author}")
    return " ".join(parts)
