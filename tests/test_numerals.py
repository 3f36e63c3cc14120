"""``numerals.cn_quantity`` reads Chinese numerals exactly as cn2an 0.5 does in its "smart" mode.

docparse converted the numerals it cuts out with cn2an until cn2an's import (0.1 s and 5 MB per
process) became a quarter of a batch worker's start-up; cn2an stays as the reference these tests
hold the replacement to: the same strings accepted, the same values to the last bit of a float.
"""

from __future__ import annotations

import itertools
import random
import re
from decimal import Decimal

import cn2an
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from docparse import numerals
from docparse.metrics import _CN
from docparse.numerals import cn_quantity

ALPHABET = "〇零一二两三四五六七八九十百千万亿"
DIGITS = "〇零一二两三四五六七八九"


def reference(numeral: str) -> Decimal | None:
    """cn2an's reading, as docparse used it (any exception: not a numeral)."""
    try:
        return Decimal(str(cn2an.cn2an(numeral, "smart")))
    except Exception:  # cn2an raises ValueError, KeyError or IndexError
        return None


def ours(numeral: str) -> Decimal | None:
    try:
        return Decimal(str(cn_quantity(numeral)))
    except ValueError:
        return None


def test_every_short_string_reads_as_cn2an_reads_it() -> None:
    """All 88,740 strings of one to four numeral characters, and all 130,000 with a 点 among them."""
    differences = []
    for length in range(1, 5):
        for letters in itertools.product(ALPHABET, repeat=length):
            numeral = "".join(letters)
            if ours(numeral) != reference(numeral):
                differences.append((numeral, ours(numeral), reference(numeral)))
    for length in range(2, 5):
        for letters in itertools.product(ALPHABET + "点", repeat=length):
            numeral = "".join(letters)
            if "点" in numeral and ours(numeral) != reference(numeral):
                differences.append((numeral, ours(numeral), reference(numeral)))
    assert differences == []


def test_written_numbers_read_as_cn2an_reads_them() -> None:
    """Numbers as cn2an writes them (and with 两 and 〇), up to 10^16, with and without decimals."""
    rng = random.Random(7)
    numbers = [*range(0, 1200), *(rng.randrange(10**16) for _ in range(1000)),
               *(rng.randrange(10**8) for _ in range(1000))]
    candidates = []
    for number in numbers:
        written = cn2an.an2cn(number)
        for numeral in (written, written.replace("二", "两"), written.replace("零", "〇")):
            decimals = "".join(rng.choice(DIGITS) for _ in range(rng.randint(1, 17)))
            candidates += [numeral, f"{numeral}点{decimals}"]
    assert [(c, ours(c)) for c in candidates if ours(c) != reference(c)] == []


@settings(max_examples=1000, deadline=None)
@given(st.from_regex(_CN, fullmatch=True))
def test_metric_cores_read_as_cn2an_reads_them(core: str) -> None:
    """Any core the metric finder can cut out (``metrics._CN``), however malformed."""
    assert ours(core) == reference(core)


@pytest.mark.parametrize(("numeral", "value"), [
    ("两万", 20000), ("三千零五十二", 3052), ("十五", 15), ("一百一十", 110), ("一百十", 110),
    ("十万零一千", 101000), ("一万二", 12000), ("三百四", 340), ("一二三", 123), ("二〇二二", 2022),
    ("两亿三千万", 230000000), ("一万亿", 10**12), ("三点五", 3.5), ("零点零五", 0.05), ("零", 0),
])
def test_values(numeral: str, value: float) -> None:
    assert cn_quantity(numeral) == value


@pytest.mark.parametrize("numeral", ["", "百", "十十", "万万", "一二十", "三点五点六", "五个", "三十五十一",
                                     "一亿二"])
def test_not_numerals(numeral: str) -> None:
    with pytest.raises(ValueError):
        cn_quantity(numeral)
    assert reference(numeral) is None


def one_pattern_grammar() -> re.Pattern[str]:
    """cn2an's grammar of well-formed integers as one regular expression (docparse used it until it
    was found to take 20 ms to compile in every process): the definition ``_well_formed`` keeps."""
    zero, digit = "[零〇]", "[一二两三四五六七八九]"
    n10_99 = f"{digit}?[十]{digit}?"
    n10_99_lead = f"{digit}[十]{digit}?"
    n1_99 = f"({n10_99}|{digit})"
    n100_999 = f"({digit}[百]({zero}{digit})?|{digit}[百]{n10_99_lead})"
    n1_999 = f"({n100_999}|{n1_99})"
    n1000_9999 = f"({digit}[千]({zero}{n1_99})?|{digit}[千]{n100_999})"
    n1_9999 = f"({n1000_9999}|{n1_999})"
    n1e4_1e8 = f"({n1_9999}[万]({zero}{n1_999})?|{n1_9999}[万]{n1000_9999})"
    n1_1e8 = f"({n1e4_1e8}|{n1_9999})"
    n1e8_1e16 = f"({n1_1e8}[亿]({zero}{n1_1e8})?|{n1_1e8}[亿]{n1e4_1e8})"
    return re.compile(f"({zero}|({n1e8_1e16}|{n1_1e8}))")


def test_well_formed_integers_are_the_one_pattern_grammar() -> None:
    grammar = one_pattern_grammar()
    rng = random.Random(7)
    strings = ["".join(chars) for length in range(1, 5)
               for chars in itertools.product(ALPHABET, repeat=length)]
    strings += ["".join(rng.choice(ALPHABET) for _ in range(rng.randint(5, 14))) for _ in range(20_000)]
    written = [cn2an.an2cn(rng.randint(0, 10**16)) for _ in range(5_000)]
    strings += written + [s.replace("二", "两") for s in written] + [s.replace("零", "〇") for s in written]
    for numeral in strings:
        assert numerals._well_formed(numeral) == (grammar.fullmatch(numeral) is not None), numeral
