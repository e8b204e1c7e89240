"""Chinese numerals where cn2an falls short: the forms it raises on, and colloquial amounts.

`cn2an_value` never raises: cn2an raises ValueError on forms it rejects and KeyError (or
worse) on some it misreads ("零十五", "一亿五"), and one odd numeral in a page must not end
a run. `colloquial` reads one digit after the last 万/亿 as the next place down, as a
speaker means it: "一亿五" is 1.5亿, "两亿三千" 2.3亿, "一万亿五" 1.5万亿, "一万五" 1.5万.
`headed_pair` reads a spoken pair after a head ("十二三万"); `money_tail` and `tenths` the jiao
a speaker adds after 块 or 毛 ("79块9", "七毛五").
"""
from __future__ import annotations

from math import prod

import cn2an
import regex

from .grammar import CN_DIGITS, MULTIPLIERS, UNIT_FIRST_CHARS

# A written head before the pair: "十二三" (12-13), "两千四五百" (2400-2500), "三十四五" (34-35).
HEADED_PAIR = regex.compile(r"(?P<head>.*?[十百千万])(?P<a>[一二三四五六七八九])(?P<b>[二三四五六七八九])"
                            r"(?P<tail>[十百千]*)")
COLLOQUIAL = regex.compile(r"(?P<head>.*[万亿])(?P<digit>[一二三四五六七八九两])(?P<place>千?)")


def cn2an_value(run: str):
    """cn2an's value of a Chinese numeral ("smart" mode), or None where it fails."""
    try:
        return cn2an.cn2an(run, "smart")
    except Exception:  # noqa: BLE001 - any failure of the library means "not a number we read"
        return None


def colloquial(run: str):
    """(value, None, scale, False, None) — parse.py's numeral core — of a colloquial amount;
    None for any other run."""
    m = COLLOQUIAL.fullmatch(run)
    if m is None or m["head"][-1] == "万" and "亿" in m["head"] and not m["head"].endswith("万亿"):
        return None  # "一亿五万" is written out: 1亿 + 5万, cn2an reads it
    head = cn2an_value(m["head"])
    if head is None:
        return None
    place = MULTIPLIERS[m["head"][-1]] // 10
    if m["head"].endswith("万亿"):
        place = MULTIPLIERS["亿"] * MULTIPLIERS["万"] // 10
    return float(head + CN_DIGITS[m["digit"]] * place), None, float(place), False, None


def stands_alone(written: str) -> bool:
    """A colloquial amount that may stand without a unit, like a number ending in 万/亿:
    "一亿五", "两亿三千", "一万五" — not "一万五千" (a plain number) or "一万两" (两 the weight)."""
    m = COLLOQUIAL.fullmatch(written)
    if m is None or colloquial(written) is None:
        return False
    if m["head"][-1] == "亿":
        return True
    return not m["place"] and m["digit"] != "两"


def money_tail(end, s: str, written: str) -> None:
    """Spoken money: "四块五" and "79块9" are 4.5 and 79.9 元 (not before another unit: "三块五亩"),
    "一块三四" is 1.3–1.4 元, "三块多" is over 3 元."""
    nxt, after = s[end.end:end.end + 1], s[end.end + 1:end.end + 2]
    if written in ("块", "元") and nxt in CN_DIGITS and nxt not in "零〇两" and not (after and after in UNIT_FIRST_CHARS) \
            and (written == "块" or end.value < 10):  # 一元二的价格: 1.2 元
        end.value += CN_DIGITS[nxt] / 10
        if after in CN_DIGITS and CN_DIGITS[after] == CN_DIGITS[nxt] + 1 \
                and not _unit_starts(s[end.end + 2:end.end + 3]):
            end.value_max, end.end = end.value + 0.1, end.end + 1  # 一块三四
        end.end += 2 if after in ("毛", "角") else 1  # 一块三毛, 三元一角
    elif written == "块" and nxt and nxt in "123456789" and not (after and (after.isdigit() or after in ".毛")) \
            and not _unit_starts(after):
        end.value, end.end = end.value + int(nxt) / 10, end.end + 1  # 79块9
    elif nxt == "多":
        end.approx, end.end = "over", end.end + 1
        if written == "块" and after == "钱":
            end.end += 1  # 一块多钱一斤


def _unit_starts(ch: str) -> bool:
    return bool(ch) and ch in UNIT_FIRST_CHARS


def tenths(end, s: str) -> None:
    """`七毛五` is 0.75 元, `三四毛钱` 0.3–0.4, `两毛多` over 0.2."""
    end.value /= 10
    end.value_max = None if end.value_max is None else end.value_max / 10
    nxt, after = s[end.end:end.end + 1], s[end.end + 1:end.end + 2]
    if s[end.end - 1] == "毛" and nxt in CN_DIGITS and nxt not in "零〇两" and not (after and after in "毛块元斤亩"):
        end.value, end.end = end.value + CN_DIGITS[nxt] / 100, end.end + 1  # 七毛五 (not 七毛五斤)
    elif nxt == "多":
        end.approx, end.end = "over", end.end + 1


def headed_pair(run: str):
    """"十二三万" -> 120000..130000: a head, then two consecutive digits sharing one place."""
    inner = run.rstrip("万亿")
    outer = prod(MULTIPLIERS[c] for c in run[len(inner):])
    m = HEADED_PAIR.fullmatch(inner)
    if not m or CN_DIGITS[m["b"]] != CN_DIGITS[m["a"]] + 1:
        return None
    head = cn2an_value(m["head"])
    if head is None:
        return None
    place = prod(MULTIPLIERS[c] for c in m["tail"]) if m["tail"] else max(MULTIPLIERS[m["head"][-1]] // 10, 1)
    low, high = head + CN_DIGITS[m["a"]] * place, head + CN_DIGITS[m["b"]] * place
    return float(low * outer), float(high * outer), float(place * outer), False, None
