"""The output tables. Each Pydantic model here is the single definition of one table:
its fields, in order, are the CSV header and the JSONL keys, and `schemas/<table>.json`
is generated from it. Field descriptions are the documentation analysts read.
"""
from __future__ import annotations

import datetime as dt
from typing import Annotated, Literal

from pydantic import BaseModel, ConfigDict, Field

Script = Literal["simplified", "traditional", "mixed"]
Approx = Literal["exact", "over", "under", "about"]
Status = Literal["actual", "planned", "condition"]
Role = Literal["investment", "income", "collective_income", "income_increase", "dividend",
               "wage", "price", "cost", "other"]
CountUnit = Literal["户", "人", "人次"]
QuantityKind = Literal["area", "weight", "length", "percent", "count", "other"]
Category = Literal["planting", "breeding", "processing", "tourism", "infrastructure",
                   "ecommerce", "energy", "other"]


class Table(BaseModel):
    model_config = ConfigDict(extra="forbid")


class Document(Table):
    """One article: its metadata and the cleaned text every record's offsets point into."""

    doc_id: str = Field(description="Path of the file under the input folder, without its extension (site1/2021/index); its name for a file directly in the folder.")
    article_id: str = Field(description="`doc_id-n`, n counting the articles of the file from 0.")
    path: str = Field(description="Path of the source file, as given to `extract run`.")
    title: str | None = Field(None, description="The article's headline.")
    published: dt.date | None = Field(None, description="Date printed with the article (ISO YYYY-MM-DD).")
    source: str | None = Field(None, description="The outlet, e.g. 长城网, 齐鲁晚报.")
    authors: list[str] = Field(default_factory=list,
                               description="Reporters and correspondents named in bylines; `;`-joined in CSV.")
    script: Script = Field(description="Script of the source text before conversion to Simplified.")
    n_chars: int = Field(description="Length of article_text in characters.")
    province: str | None = Field(None, description="Province the article is about, official full name (山东省).")
    city: str | None = Field(None, description="Prefecture-level city the article is about (枣庄市).")
    county: str | None = Field(None, description="County-level division the article is about, when it is about one (乐陵市).")
    county_code: str | None = Field(None, description="That county's 6-digit administrative division code.")
    article_text: str = Field(description="The cleaned article text, Simplified script.")


class Record(Table):
    """Provenance shared by every record table: where in which article the record was read."""

    doc_id: str = Field(description="Path of the file under the input folder, without its extension (site1/2021/index); its name for a file directly in the folder.")
    article_id: str = Field(description="The article the record comes from.")
    text: str = Field(description="The record's surface span: article_text[start:end].")
    sentence: str = Field(description="The cleaned sentence around the span; for a sentence over 500 chars, the clauses around the span that fit in 500.")
    start: int = Field(description="Character offset of the span in article_text.")
    end: int = Field(description="Character offset just past the span.")


class Village(Record):
    """A named village, one row per village per article; the first mention carries provenance."""

    name: str = Field(description="Village name as written, Simplified, with its suffix (姜庄村).")
    town: str | None = Field(None, description="Town (乡/镇/街道) it lies in, where the article makes it clear.")
    county: str | None = Field(None, description="County-level division (县/县级市/区).")
    city: str | None = Field(None, description="Prefecture-level city.")
    province: str | None = Field(None, description="Province.")
    status: str | None = Field(None, description="Label the article gives it: 省定贫困村, 贫困村, 重点村...")
    mentions: int = Field(1, description="How many times the article names it.")


class Cooperative(Record):
    """A named cooperative, or one identified by its village or leader."""

    name: str = Field(description="Name without quotes (七彩田园合作社).")
    village: str | None = Field(None, description="Village it is in.")
    town: str | None = Field(None, description="Town it is in.")
    county: str | None = Field(None, description="County it is in.")
    led_by: str | None = Field(None, description="Who leads it: 党支部, 村委会, a company, a person.")
    model: str | None = Field(None, description="Its A+B+C pattern, `+`-separated (党支部+合作社+农户).")
    households: int | None = Field(None, description="Member or beneficiary households/people.")
    land_mu: float | None = Field(None, description="Land it farms or took in, in mu.")


class Project(Record):
    """A concrete facility built or investment made."""

    name: str = Field(description="Its noun phrase (扶贫车间, 日光温室大棚).")
    category: Category = Field(description="Sector, from the project keyword lexicon.")
    village: str | None = Field(None, description="Village it is in.")
    town: str | None = Field(None, description="Town it is in.")
    county: str | None = Field(None, description="County it is in.")
    investment_yuan: float | None = Field(None, description="Money put into it, in yuan.")
    scale: str | None = Field(None, description="Its size as written (15个, 2万多平米).")


# What a figure is about, by name, when its sentence or clause says so (amounts, household counts).
AboutVillage = Annotated[str | None, Field(description="Village the figure is about.")]
AboutCooperative = Annotated[str | None, Field(description="Cooperative the figure is about.")]
AboutProject = Annotated[str | None, Field(description="Project the figure is about.")]
# Whether a figure is a fact to add up, and where it is (amounts, household counts).
FigureStatus = Annotated[Status | None, Field(
    description="actual (was, is or is being spent/earned/counted); planned (target, plan, forecast, "
                "promise); condition (threshold, criterion, ceiling).")]
FigureRepeat = Annotated[bool | None, Field(
    description="True when an earlier figure in the same article states the same fact.")]
FigureCounty = Annotated[str | None, Field(
    description="County of its village, cooperative or project, else the article's; official full name.")]
FigureProvince = Annotated[str | None, Field(description="Province of that county, official full name.")]


class Amount(Record):
    """An expression of money."""

    value_yuan: float = Field(description="The amount in yuan; for a range its low end.")
    value_max_yuan: float | None = Field(None, description="High end of a range, in yuan.")
    approx: Approx = Field("exact", description="exact; over (余/多/超过/以上); under (近/不足); about (约/左右).")
    per: str | None = Field(None, description="Unit it is per: 斤, 亩, 户, 人, 年, 月, 天, or as written.")
    role: Role = Field("other", description="What the money is: investment, income, collective_income, "
                                            "income_increase, dividend, wage, price, cost, other.")
    year: int | None = Field(None, description="Year the sentence ties it to.")
    village: AboutVillage = None
    cooperative: AboutCooperative = None
    project: AboutProject = None
    status: FigureStatus = None
    repeat: FigureRepeat = None
    county: FigureCounty = None
    province: FigureProvince = None


class HouseholdCount(Record):
    """A count of households or of people."""

    value: int = Field(description="The count; for a range its low end.")
    value_max: int | None = Field(None, description="High end of a range.")
    unit: CountUnit = Field(description="户 for households, 人 for people (人/名/位), 人次 for person-times.")
    group: str | None = Field(None, description="Who is counted, as written (建档立卡贫困户, 群众).")
    poor: bool | None = Field(None, description="True when the group is poor (贫困, 建档立卡, 低收入, 兜底, 五保).")
    approx: Approx = Field("exact", description="As for amounts.")
    village: AboutVillage = None
    cooperative: AboutCooperative = None
    project: AboutProject = None
    status: FigureStatus = None
    repeat: FigureRepeat = None
    county: FigureCounty = None
    province: FigureProvince = None


class Quantity(Record):
    """Every other measured figure: areas, weights, lengths, percentages, counts of things."""

    value: float = Field(description="The number, multiplier applied (2万棵 → 20000); for a range its low end.")
    value_max: float | None = Field(None, description="High end of a range.")
    unit: str = Field(description="Unit as written, without multiplier (亩, 斤, %, 家, 栋).")
    kind: QuantityKind = Field(description="area, weight, length, percent, count or other.")
    approx: Approx = Field("exact", description="As for amounts.")
    object: str | None = Field(None, description="What is counted or measured, when the sentence says (合作社, 大棚).")


class ErrorRow(Table):
    """A file, or part of one, that could not be processed (errors.jsonl)."""

    path: str = Field(description="The file concerned.")
    stage: str = Field(description="Stage that failed: ingest, clean, nlp, write.")
    reason: str = Field(description="What went wrong, in words.")
    skipped: bool = Field(True, description="True when the document is missing from the tables; "
                                            "False when it was processed despite the problem.")


TABLES: dict[str, type[Table]] = {
    "documents": Document,
    "villages": Village,
    "cooperatives": Cooperative,
    "projects": Project,
    "amounts": Amount,
    "household_counts": HouseholdCount,
    "quantities": Quantity,
}
