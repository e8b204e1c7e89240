"""The administrative-division gazetteer (words/divisions.tsv): which strings name a
province, city, county or town, and where each division sits.

Loaded once per process into dicts: scanning a text is one pass that looks up each two-character
window among the names' first two characters and, only where one starts, the lengths of the names
starting so in the surface dict (15x faster here than one alternation regex over 37k names;
O(text)). Surfaces are full names (`乐陵市`, `朱集镇`), generated aliases
(`凉山州` for 凉山彝族自治州) and, for provinces, cities and counties, short names (`乐陵`);
whether a short name in running text really is the place is decided in places.py.
"""
from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass
from typing import Literal

Level = Literal["province", "city", "county", "town"]
# Autonomous prefectures and counties are usually written short name + generic suffix.
ALIAS_SUFFIX = (("自治州", "州"), ("自治县", "县"), ("自治旗", "旗"),
                ("自治州", "自治州"), ("自治县", "自治县"), ("自治旗", "自治旗"))  # 紫云自治县


@dataclass(frozen=True)
class Division:
    name: str
    level: str
    province: str
    city: str
    county: str
    current: bool
    code: str = ""  # the 6-digit administrative division code, for current divisions above towns

    def ancestors(self) -> tuple[str, ...]:
        return tuple(p for p in (self.province, self.city, self.county) if p)


@dataclass(frozen=True)
class Surface:
    """One string the gazetteer knows, with the divisions it may denote."""

    text: str
    short: bool           # written without its level suffix (`乐陵`, `万福店`)
    divisions: tuple[Division, ...]


class Gazetteer:
    def __init__(self, rows: tuple[tuple[str, ...], ...], stops: tuple[str, ...] = ()):
        full: dict[str, list[Division]] = defaultdict(list)
        short: dict[str, list[Division]] = defaultdict(list)
        town_shorts: dict[str, dict[str, Division]] = defaultdict(dict)
        for name, abbr, level, province, city, county, adcode in rows:
            d = Division(name, level, province, city, county, current=bool(adcode) or level == "town", code=adcode)
            full[name].append(d)
            for long_suffix, alias_suffix in ALIAS_SUFFIX:
                if abbr and name.endswith(long_suffix):
                    full[abbr + alias_suffix].append(d)
            if level == "town":
                if abbr and len(abbr) >= 2:
                    town_shorts[county][abbr] = d
            elif len(abbr) >= 2:
                short[abbr].append(d)
        stop = set(stops)
        self.surfaces: dict[str, Surface] = {}
        for text, ds in short.items():
            if text not in stop:
                self.surfaces[text] = Surface(text, True, tuple(ds))
        for text, ds in full.items():  # a full name wins over an equal short name
            if text not in stop:
                self.surfaces[text] = Surface(text, False, tuple(ds))
        self.town_shorts = dict(town_shorts)
        lengths: dict[str, set[int]] = defaultdict(set)
        for text in self.surfaces:
            lengths[text[:2]].add(len(text))
        self.lengths = {prefix: tuple(sorted(ls, reverse=True)) for prefix, ls in lengths.items()}

    def scan(self, text: str):
        """(start, end, Surface) for every leftmost-longest gazetteer string in text."""
        i, n = 0, len(text)
        while i < n - 1:
            lengths = self.lengths.get(text[i:i + 2])
            found = lengths and self._longest_at(text, i, lengths)
            if found:
                yield i, i + len(found.text), found
                i += len(found.text)
            else:
                i += 1

    def _longest_at(self, text: str, i: int, lengths: tuple[int, ...]) -> Surface | None:
        for length in lengths:
            surface = self.surfaces.get(text[i:i + length])
            if surface is not None:
                return surface
        return None

    def town_short_after(self, county: Division, text: str, pos: int) -> Surface | None:
        """A town of `county` written without its suffix right at pos (`随县万福店`)."""
        for abbr, town in self.town_shorts.get(county.name, {}).items():
            if text.startswith(abbr, pos) and not text.startswith(town.name, pos):
                return Surface(abbr, True, (town,))
        return None
