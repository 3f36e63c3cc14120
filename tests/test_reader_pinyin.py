"""The pinyin a mirror site annotates the characters of a traditional-script text with (``發(fā)展``) is
no text of it: the figures keep their units and the change words, and the source map still finds
every character in the file."""

from __future__ import annotations

import pytest

import docparse
from docparse.readers import read

BULLETIN = ("通遼市統(tǒng)計(jì)局\n(2018年4月16日)\n"
            "年末全市常住人口312.87萬(wàn)人。其中,城鎮(zhèn)人口為151.93萬(wàn)人,常住人口城鎮(zhèn)化率達(dá)48.56%。\n"
            "初步核算,全市完成地區(qū)生產(chǎn)總值(GDP)1222.62億元,按可比價(jià)格計(jì)算,比上年增長(zhǎng)0.3%。\n")
"""通辽市2017年统计公报 as a mirror site copied it (the first lines)."""


def test_a_mirror_sites_pinyin_is_no_text_and_the_source_map_finds_the_rest_in_the_file() -> None:
    doc = docparse.parse_bytes(BULLETIN.encode(), path="a.txt")
    assert doc.text.startswith("通遼市統計局\n(2018年4月16日)\n年末全市常住人口312.87萬人。其中,城鎮人口為")
    assert "總值(GDP)1222.62億元" in doc.text and "增長0.3%" in doc.text
    people = [metric for metric in doc.metrics() if metric.raw.startswith("312.87")]
    assert [(metric.raw, metric.unit, metric.label) for metric in people] == [
        ("312.87萬人", "人", "年末全市常住人口")]
    growth = [metric for metric in doc.metrics() if metric.raw == "0.3%"]
    assert [metric.measure for metric in growth] == ["change"]
    lines = BULLETIN.split("\n")
    for index, character in enumerate(doc.text):
        anchor = doc.locate(index)
        if character != "\n":
            assert anchor is not None
            line = lines[int(anchor.where.removeprefix("line[").removesuffix("]")) - 1]
            assert line[anchor.offset + index - anchor.start] == character


@pytest.mark.parametrize("text", [
    "广东省东莞(guǎn)市人民政府",  # one annotation: a writer's note on a rare name
    "(GDP)增長(zhang)和(1)、(2)、(3)項",  # no tone mark, no pinyin
    "發 (fā) 展 經 (jīng) 濟 穩 (wěn) 定",  # not right after the character
])
def test_what_is_no_mirror_sites_pinyin_stays_as_written(text: str) -> None:
    reading = read(text.encode(), path="a.txt")
    assert reading.text == text and not reading.anchors
