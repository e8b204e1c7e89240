"""Official names: the gazetteer's full name and code for the places figures and articles are
in (`泗水` → 泗水县 with 济宁市, 山东省, 370831), for the columns an analyst groups by.

The entity tables keep places as written; these columns (documents' province/city/county/
county_code, figures' county/province) always carry the official full name, and only when the
text makes the division certain: one reading left after the article's other places are used.
"""
from __future__ import annotations

from .gazetteer import Division
from .geography import Geography

LEVELS_UP = ("county", "city", "province")


def article_place(geo: Geography) -> dict[str, str | None]:
    """province, city, county and county_code of the place the article is about, where it is
    about one (filled as far as is clear: a county, else a city, else a province)."""
    chosen = _article_division(geo)
    out = {"province": None, "city": None, "county": None, "county_code": None}
    if chosen is None:
        return out
    out["province"] = chosen.province or (chosen.name if chosen.level == "province" else None)
    out["city"] = chosen.city or (chosen.name if chosen.level == "city" else None)
    if chosen.level == "county":
        out["county"], out["county_code"] = chosen.name, chosen.code or None
    if out["city"] == out["province"]:  # a municipality (北京市): no city level
        out["city"] = None
    return out


def official_county(geo: Geography, name: str | None) -> Division | None:
    """The county a county name as written (`泗水`, `乐陵市`) denotes in this article."""
    if not name:
        return None
    surface = geo.lex.gazetteer.surfaces.get(name)
    divisions = surface.divisions if surface else \
        next((p.divisions for p in geo.divisions if p.name == name), ())  # 喀左县, read before its town
    readings = [d for d in divisions if d.level == "county"]
    return _one(_fitting(readings, _article_names(geo)))


def _article_division(geo: Geography) -> Division | None:
    places = geo.article_places
    names = _article_names(geo)
    for level in LEVELS_UP:
        if level in places:
            found = _one(_fitting([d for d in places[level].divisions if d.level == level], names))
            if found:
                return found
        elif level == "county" and "town" in places:
            found = _county_of_town(geo, places["town"].divisions)
            if found:
                return found
    return None


def _county_of_town(geo: Geography, towns: tuple[Division, ...]) -> Division | None:
    """The county of the article's one town, when the gazetteer puts it in one county and the
    text writes that county in a form it lacks (`喀左县中三家镇`)."""
    if len({d.ancestors() for d in towns}) != 1 or not towns[0].county:
        return None
    town = towns[0]
    surface = geo.lex.gazetteer.surfaces.get(town.county)
    counties = [d for d in surface.divisions if d.level == "county" and d.province == town.province] if surface else []
    return _one(counties)


def _article_names(geo: Geography) -> set[str]:
    """Every official name the article's own places (not the ones it only visits) may be."""
    return {d.name for p in geo.divisions if not p.incidental for d in p.divisions} \
        | {p.name for p in geo.divisions if not p.incidental}


def _fitting(readings: list[Division], names: set[str]) -> list[Division]:
    """The readings whose province or city the article names, when any does."""
    fit = [d for d in readings if any(a in names for a in (d.province, d.city))]
    return fit or readings


def _one(readings: list[Division]) -> Division | None:
    current = [d for d in readings if d.current] or readings
    return current[0] if len({d.name + d.province for d in current}) == 1 else None
