"""The figure rules' word lists (files in figures/words/)."""
from __future__ import annotations

from dataclasses import dataclass
from functools import cached_property
from pathlib import Path

import regex as re

from ..lexicon import Lexicon, alternation, rows, words
from ..models import Role


@dataclass(frozen=True)
class FigureWords(Lexicon):
    """The word lists the figure rules read (see each file's header)."""

    HOME = Path(__file__).parent / "words"
    roles: tuple = rows("roles.tsv", cue=str, role=Role)
    per_units: tuple[str, ...] = words("per_units.txt")
    per_measure_words: tuple[str, ...] = words("per_measure_words.txt")
    groups: tuple[str, ...] = words("groups.txt")
    group_stops: tuple[str, ...] = words("group_stops.txt")
    poor_words: tuple[str, ...] = words("poor_words.txt")
    object_stops: tuple[str, ...] = words("count_objects.txt")
    activities: tuple[str, ...] = words("activity_groups.txt")
    count_links: tuple[str, ...] = words("count_links.txt")
    thing_heads: tuple[str, ...] = words("count_thing_heads.txt")
    object_verbs: tuple[str, ...] = words("object_verbs.txt")
    wage_context: tuple[str, ...] = words("wage_context.txt")
    work_words: tuple[str, ...] = words("work_words.txt")
    drivers: tuple[str, ...] = words("count_drivers.txt")
    count_modifiers: tuple[str, ...] = words("count_modifiers.txt")
    people: tuple[str, ...] = words("people_averaged.txt")
    payers: tuple[str, ...] = words("payer_verbs.txt")
    relative_years: tuple[str, ...] = words("relative_years.txt")
    money_words: tuple[str, ...] = words("money_words.txt")

    @cached_property
    def role_pattern(self) -> re.Pattern:
        return re.compile(alternation(c for c, _ in self.roles))

    @cached_property
    def role_of(self) -> dict[str, str]:
        return dict(self.roles)

    @cached_property
    def per_strong(self) -> re.Pattern:
        """每亩, 单户, 一个大棚, 亩均, 村均, 每名党员, 亩收入, 村民平均, 三个村各: a unit the amount
        is explicitly divided by (每市斤 → 斤; not `这一次`, `一年一度`, `一年比一年`, `一家一户`)."""
        units = alternation(self.per_units)
        return re.compile(rf"(?:每|单|(?<![统唯第专同单万这那比建起成设有了家和、])(?!(?<=[上下])一[年月])(?!(?<=的)一(?:户|人|家))一(?!次性|季度))(?:个|位|名)?(?:贫困)?市?(?P<unit>{units})(?!一度|比一|四季|一户|来|以来|多(?![卖收挣赚])|半|内|后|(?<=季)度)"
                          rf"|(?:每|一)个\p{{Han}}{{1,2}}?(?P<thing>棒|袋|箱|桶)(?=\p{{Han}}{{0,3}}?(?:成本|投入|利润|纯利|收入|收益|产值|卖))"  # 一个菌棒成本
                          rf"|(?<![个各])(?P<avg>人|户|亩|年|月|日|村|棚|头|株)均|每(?:名|位|个)(?P<noun>{self._nouns})"
                          rf"|每(?P<each_thing>{alternation(w for w in self.per_measure_words if w != '个')})"
                          rf"|每(?P<each_one>个)(?!\p{{Han}}{{0,2}}(?:{units}))"  # 每个帮扶村: per 村
                          rf"|个(?P<each>村|户|人|家)(?:的\p{{Han}}{{0,8}})?各"
                          rf"|(?P<mu>亩)(?=纯?(?:收入|收益|产值|效益))"
                          rf"|(?:{alternation(self.people)})(?P<person>平均)")

    @cached_property
    def one_of_a_thing(self) -> re.Pattern:
        """每斤, 一亩, 一枚: one of a thing written out (a unit or a measure word after 每 or 一)."""
        things = alternation(set(self.per_units) | set(self.per_measure_words) - {"个", "笔"})
        return re.compile(rf"(?<![统唯第专同单万这那比建起成设有了家和、])[每一]个?(?P<thing>{things})")

    @cached_property
    def per_weak(self) -> re.Pattern:
        """年收入, 全年: a period written into the cue itself (not a duration: `3个月收入`, `两年一共分`,
        nor a time of year: `年底保底分红`)."""
        cues = alternation(c for c, _ in self.roles)
        return re.compile(rf"全(?P<unit>年)|(?<![往去今明前当近历多全个半\d一二两三四五六七八九十几])(?P<avg>年|月|日)(?![底初末])\p{{Han}}{{0,3}}?(?:{cues})")

    @cached_property
    def group_end(self) -> re.Pattern:
        return re.compile(self._nouns)

    @cached_property
    def group_tail(self) -> re.Pattern:
        return re.compile(rf"(?:{self._nouns})$")

    @cached_property
    def group_phrase(self) -> re.Pattern:
        """Shortest modifier+noun, extended only through 和/及/、 to another one (贫困户和当地群众)."""
        one = rf"\p{{Han}}{{0,10}}?(?:{self._nouns})(?:[^\P{{Han}}每均与和及]{{0,2}}(?:{self._nouns})(?![每均]))?"
        return re.compile(rf"{one}(?:[和及、]{one})*")

    @cached_property
    def counted_noun(self) -> re.Pattern:
        """What 个 may count as people or households: a short phrase, no clause inside (153个帮扶责任人)."""
        heads = alternation(self.thing_heads)
        return re.compile(rf"[^\P{{Han}}的每了到送]{{0,3}}?(?:{self._nouns})(?!{heads})")

    @cached_property
    def object_after(self) -> re.Pattern:
        stops = alternation(self.object_stops)
        return re.compile(rf"(?:(?!{stops})\p{{Han}}){{1,8}}")

    @cached_property
    def link_tail(self) -> re.Pattern:
        return re.compile(rf"(?:{alternation(self.count_links)})$")

    @cached_property
    def object_verb(self) -> re.Pattern:
        """The last verb or number before a counted object, searched backwards."""
        verbs = alternation(self.object_verbs)
        return re.compile(rf"(?r)(?:{verbs}|\d|[^\p{{Han}}])")

    @cached_property
    def stops_longest_first(self) -> tuple[str, ...]:
        return tuple(sorted(self.group_stops, key=len, reverse=True))

    @cached_property
    def activity_tail(self) -> re.Pattern:
        return re.compile(rf"(?:{alternation(self.activities)})$")

    @cached_property
    def _nouns(self) -> str:
        return alternation(self.groups)



    @cached_property
    def relative_year(self) -> re.Pattern:
        return re.compile(alternation(self.relative_years))

    @cached_property
    def money_word(self) -> re.Pattern:
        return re.compile(alternation(self.money_words))

    @cached_property
    def payer(self) -> re.Pattern:
        return re.compile(alternation(self.payers))

    @cached_property
    def pay_period(self) -> re.Pattern:
        """Earnings counted by the month or day: 一个月, 每月, 月收入, 3个月, 每天."""
        return re.compile(r"(?:一|每|\d+|[两三四五六七八九十])个?(?:月|天)|[月日]收入")

    @cached_property
    def pay_year(self) -> re.Pattern:
        """Earnings counted by the year: 一年, 每年, 全年, 年收入."""
        return re.compile(r"[一每全]年|年收入")

    @cached_property
    def poor_word(self) -> re.Pattern:
        return re.compile(alternation(self.poor_words))
