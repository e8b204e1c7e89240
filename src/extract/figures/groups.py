"""Who a household count counts: the group named beside it (`78户入社贫困户`, `吸纳本地贫困劳动力
100余人`), whether that group is poor, and the group a count naming no one continues."""
from __future__ import annotations

import regex as re

from .context import Context
from .grammar import HOUSEHOLD_NOUNS
from .lexicon import FigureWords
from .parse import Figure

PAIRED_COUNT = re.compile(r"[零一二两三四五六七八九十百千万]+[户人]、$")
FROM_EARLIER = re.compile(r"(\p{Han}+?)(?:从|由)\p{Han}{0,4}的$")
ORGANISATION_FIRST = re.compile(r"^\p{Han}*(?:合作社|公司|车间|基地|站|室)(?=\p{Han}{2})")
LOCATED_GROUP = re.compile(r"(\p{Han}+?)在[^\P{Han}的]{1,8}?的?(?:共有|有|达)$")
COUNT_WRITTEN = re.compile(r"[零一二两三四五六七八九十百千万余多]+(?:户|人|名)")
STOP_INSIDE = re.compile(r"党组织")  # words holding a stop that are no stop themselves
PLACE_FIRST = re.compile(r"^\p{Han}{1,4}?(?:(?<![农乡驻进])村(?!民)|寨|社区)(?=\p{Han}{2})")  # 移民村搬迁群众, 村寨茶农: who, not where
POOR_RELOCATED = re.compile(r"(?:贫困|建档立卡)\p{Han}{0,6}?(?:易地扶贫)?搬迁|搬迁(?:建档立卡|贫困)")


def count_fields(ctx: Context, lex: FigureWords, unit: str) -> dict:
    f = ctx.figure
    group = group_after(_written_noun(f, lex) + ctx.after, lex) or _who_next(ctx, lex) or group_before(ctx.before, lex)
    # Naming no one, the count is of the poor when its clause speaks of poverty (`石门镇436户1500人
    # 实现脱贫`, `仍有5户10人未脱贫`).
    poor = is_poor(group or ctx.text[slice(*ctx.clause)], lex) or _relocated_poor(ctx, group)
    return {"value": int(f.value), "value_max": int(f.value_max) if f.value_max is not None else None,
            "unit": unit, "group": group, "poor": poor, "approx": f.approx}


def _who_next(ctx: Context, lex: FigureWords) -> str | None:
    """Who the count is, said in the next clause (`营地用工25人，都是本村牧民` → 牧民)."""
    said = WHO_NEXT.match(ctx.text, ctx.clause[1]) if not ctx.after.strip() else None
    return group_after(ctx.text[said.end():said.end() + 16], lex) if said else None


def _written_noun(f: Figure, lex: FigureWords) -> str:
    """The group noun the parser took as unit (`127贫困户`, `4万余贫困农户`), to read the group from."""
    return next((n for n in sorted(HOUSEHOLD_NOUNS, key=len, reverse=True) if f.text.endswith(n)), "")


SKIP_AFTER = re.compile(r"^(?:\d+(?:余|多)?(?:户|人|名))*(?:是|为|均为|都是|均是|共|的)?")
WHO_NEXT = re.compile(r"[，,](?:都是|均为|均是|全是|全部是)")  # most (大多是) are not all; `用工25人，都是本村牧民`


def group_after(after: str, lex: FigureWords) -> str | None:
    """The group named right after the count: `78户入社贫困户` → 入社贫困户."""
    m = lex.group_phrase.match(after, SKIP_AFTER.match(after).end())
    phrase = _cut_at_stops(m.group(), lex) if m else None
    if phrase and (COUNT_WRITTEN.fullmatch(phrase) or phrase.startswith("每")):
        return None  # `236户中有210户`: another count; `脱贫户29户每户多分500元`: each of them, no group
    return phrase


def group_before(before: str, lex: FigureWords) -> str | None:
    """The group standing right before the count: `吸纳本地贫困劳动力100余人` → 本地贫困劳动力,
    or the activity counted when no one is named: `已输出就业505人` → 输出就业."""
    run = re.search(r"(?<![\d\s其])[\p{Han}、]{1,14}$", before)  # not the unit of `74 户、180人`, nor 中 of 其中
    if not run or PAIRED_COUNT.search(run.group()):
        return None  # 村民一千二百户、四千三百人: the second of a pair takes the first's group
    run = FROM_EARLIER.search(run.group()) or run  # 入社农户从最初的37户: the group before 从
    located = LOCATED_GROUP.search(run.group())  # 像这样的贫困户在该嘎查有82户: the group before where it is
    linked = located.group(1) if located else lex.link_tail.sub("", run.group(run.re.groups and 1 or 0))
    linked = ORGANISATION_FIRST.sub("", linked)  # 合作社入社农户: the members, not the cooperative
    phrase = _cut_at_stops(linked, lex)
    if phrase is None and (whole := lex.group_tail.search(linked)):
        return whole.group()  # `全村287户`: the stop is the whole group (not `全乡中蜂养殖户`)
    if phrase and (activity := lex.activity_tail.search(phrase)):
        nouns = list(lex.group_end.finditer(phrase))
        if nouns:
            return phrase[: nouns[-1].end()]
        # 输出就业, 安排岗位: the activity with the verb before it, even where that verb is a stop,
        # unless the verb only drives it (带动就业35余人 → 就业)
        verb = linked[-len(phrase) - 2:-len(phrase)]
        return phrase if activity.start() or verb in lex.drivers or verb in lex.count_modifiers else verb + phrase
    return phrase if phrase and lex.group_tail.search(phrase) else None


def _cut_at_stops(phrase: str, lex: FigureWords) -> str | None:
    masked = STOP_INSIDE.sub(lambda m: "#" * len(m.group()), phrase)  # 村党组织书记: 组织 there is no verb
    for stop in lex.stops_longest_first:
        i = masked.rfind(stop)
        if i >= 0:
            phrase, masked = phrase[i + len(stop):], masked[i + len(stop):]
    return PLACE_FIRST.sub("", phrase).strip("、") or None


def inherit_group(fields: dict, previous: dict | None, part: bool = False) -> None:
    """A count naming no one continues the sentence's previous count: `对接65户贫困户,…对接16户`;
    a part of it (`贫困户71户(其中少数民族15户)`) is as poor as the whole."""
    if fields["group"] is None and previous and previous["group"]:
        fields["group"], fields["poor"] = previous["group"], previous["poor"]
    if part and previous and previous["poor"]:
        fields["poor"] = True


def _relocated_poor(ctx: Context, group: str | None) -> bool:
    """Relocated people (`搬迁群众`, `搬迁农户`) are the poor when the article says the poor are
    the ones relocated (`建档立卡贫困人口易地扶贫搬迁2480户`, `搬迁建档立卡贫困人口`); a
    resettlement site's residents alone are not."""
    return any(w in (group or "") + ctx.before for w in ("搬迁", "安置")) and bool(POOR_RELOCATED.search(ctx.text))


def is_poor(group: str | None, lex: FigureWords) -> bool:
    """A poverty word in the group, not negated (`非贫困户` are not poor)."""
    return bool(group) and any(m.start() == 0 or group[m.start() - 1] != "非" for m in lex.poor_word.finditer(group))
