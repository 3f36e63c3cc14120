"""``numerals.cn_quantity`` reads Chinese numerals exactly as cn2an 0.5 does in its "smart" mode.

cn2an (a test dependency) is the reference: the same strings accepted, the same values to the last
bit of a float. Every string of up to three numeral characters is compared, and seeded samples of
longer ones.
"""

from __future__ import annotations

import itertools
import random
import re
from decimal import Decimal

import cn2an
import pytest

from docparse import numerals
from docparse.numerals import cn_quantity

DIGITS = "".join(numerals.DIGITS)
ALPHABET = DIGITS + "".join(numerals.UNITS)
SAMPLE = 10_000
"""Strings drawn at random (seeded) from each set too large to compare in full."""


def reference(numeral: str) -> Decimal | None:
    """cn2an's reading (any exception: not a numeral)."""
    try:
        return Decimal(str(cn2an.cn2an(numeral, "smart")))
    except Exception:  # cn2an raises ValueError, KeyError or IndexError
        return None


def ours(numeral: str) -> Decimal | None:
    try:
        return Decimal(str(cn_quantity(numeral)))
    except ValueError:
        return None


def strings(alphabet: str, length: int) -> list[str]:
    return ["".join(letters) for letters in itertools.product(alphabet, repeat=length)]


def differences(cases: list[str]) -> list[tuple[str, Decimal | None, Decimal | None]]:
    return [(numeral, ours(numeral), reference(numeral)) for numeral in cases
            if ours(numeral) != reference(numeral)]


def test_every_short_string_reads_as_cn2an_reads_it() -> None:
    """All 5,219 strings of one to three numeral characters and the 6,100 with a 点 among them; a
    sample of those of four (83,521, and 21,500 with 点)."""
    rng = random.Random(7)
    short = [numeral for length in range(1, 4) for numeral in strings(ALPHABET, length)]
    short += [numeral for length in range(2, 4) for numeral in strings(ALPHABET + "点", length)
              if "点" in numeral]
    four = rng.sample(strings(ALPHABET, 4), SAMPLE)
    four += rng.sample([numeral for numeral in strings(ALPHABET + "点", 4) if "点" in numeral], SAMPLE)
    assert differences(short + four) == []


def test_written_numbers_read_as_cn2an_reads_them() -> None:
    """Numbers as cn2an writes them (and with 两 and 〇), up to 10^16, with and without decimals."""
    rng = random.Random(7)
    numbers = [*range(0, 1200), *(rng.randrange(10**16) for _ in range(300)),
               *(rng.randrange(10**8) for _ in range(300))]
    candidates = []
    for number in numbers:
        written = cn2an.an2cn(number)
        for numeral in (written, written.replace("二", "两"), written.replace("零", "〇")):
            decimals = "".join(rng.choice(DIGITS) for _ in range(rng.randint(1, 17)))
            candidates += [numeral, f"{numeral}点{decimals}"]
    assert differences(candidates) == []


def test_metric_cores_read_as_cn2an_reads_them() -> None:
    """Cores as the metric finder cuts them out, however malformed: numeral characters, then
    perhaps 点 and digits."""
    rng = random.Random(7)
    cores = []
    for _ in range(SAMPLE):
        core = "".join(rng.choice(ALPHABET) for _ in range(rng.randint(1, 12)))
        if rng.random() < 0.3:
            core += "点" + "".join(rng.choice(DIGITS) for _ in range(rng.randint(1, 4)))
        cores.append(core)
    assert differences(cores) == []


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
    """cn2an's grammar of well-formed integers as one regular expression: the definition
    ``numerals._well_formed`` checks in parts."""
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
    cases = [numeral for length in range(1, 4) for numeral in strings(ALPHABET, length)]
    cases += rng.sample(strings(ALPHABET, 4), SAMPLE)
    cases += ["".join(rng.choice(ALPHABET) for _ in range(rng.randint(5, 14))) for _ in range(SAMPLE)]
    written = [cn2an.an2cn(rng.randint(0, 10**16)) for _ in range(2_000)]
    cases += written + [s.replace("二", "两") for s in written] + [s.replace("零", "〇") for s in written]
    for numeral in cases:
        assert numerals._well_formed(numeral) == (grammar.fullmatch(numeral) is not None), numeral


@pytest.mark.parametrize("numeral", ["一" + "亿" * 39 + "一千二", "九" * 309, "九" * 309 + "点五",
                                     "一" + "万亿" * 30 + "一千二"])
def test_a_value_no_float_holds_is_refused(numeral: str) -> None:
    """cn2an reads these on (a run of k 亿 in time k²); no metric could hold their value."""
    with pytest.raises(ValueError, match="too large"):
        cn_quantity(numeral)
    below = "一" + "亿" * 38 + "一千二"
    assert cn_quantity(below) == 10**304 + 1200 == reference(below)
