"""One change to one 项 reaches every figure built on it: table cell, 款/类 rows, totals, text, 名词解释.

Each test copies the 渠县 example, changes a 项 (and the 经济分类 款 it is spent under, which is
the same money seen the other way), and drops the totals the example types beside its 科目 as a
cross-check: left out, they are added up from the 科目, so nothing else needs retyping.
"""

from __future__ import annotations

from decimal import Decimal
from pathlib import Path
from typing import Any, Callable

import yaml

from examples import EXAMPLES
from reportgen.document.nodes import Table
from reportgen.core.numbers import percent
from reportgen.core.yamlfile import load_yaml
from reportgen.run import Built, build
from reportgen.writers.markdown import render_text

QUXIAN = EXAMPLES["渠县城乡居民社会养老保险管理局-2023"]


def variant(tmp_path: Path, edit: Callable[[dict], None]) -> tuple[Built, str]:
    data, _ = load_yaml(QUXIAN)
    # Paths in the data file are relative to it: make them absolute for the copy in tmp_path.
    data["模板目录"] = [str((QUXIAN.parent / d).resolve()) for d in data["模板目录"]]
    for annex in data.get("附件", []):
        if isinstance(annex, dict) and "文件" in annex:
            annex["文件"] = str((QUXIAN.parent / annex["文件"]).resolve())
    for part, field in (("收入", "一般公共预算财政拨款收入"), ("收入", "本年收入合计"), ("支出", "基本支出"),
                        ("支出", "项目支出")):
        del data[part][field]
    for group in ("人员经费", "公用经费"):
        del data["一般公共预算财政拨款基本支出"][group]["金额"]
    edit(data)
    path = tmp_path / "variant.yaml"
    path.write_text(yaml.safe_dump(_plain(data), allow_unicode=True, sort_keys=False), encoding="utf-8")
    result = build(path, [QUXIAN.parent])  # the command line's folder: the absolute paths are inside it
    return result, render_text(result.document)


def _plain(value: Any) -> Any:
    if isinstance(value, Decimal):
        return str(value)
    if isinstance(value, dict):
        return {k: _plain(v) for k, v in value.items()}
    if isinstance(value, list):
        return [_plain(v) for v in value]
    return value


def item(data: dict, code: int) -> dict:
    return next(i for i in data["一般公共预算财政拨款支出"] if i["科目编码"] == code)


def economic(data: dict, group: str, code: int) -> dict:
    return next(x for x in data["一般公共预算财政拨款基本支出"][group]["经济分类"] if x["科目编码"] == code)


def cells(result: Built, title: str, first: str) -> list[str]:
    t = next(b for b in result.document.blocks if isinstance(b, Table) and b.title == title)
    r = next(r for r in t.body if r[0].text == first)
    return [text for c in r for text in [c.text] + [""] * (c.colspan - 1)]


def test_the_example_without_its_typed_totals_builds_the_same_document(tmp_path):
    _, md = variant(tmp_path, lambda d: None)
    assert md == render_text(build(QUXIAN).document)


def test_one_item_changes_its_cell_subtotals_totals_sentences_and_shares(tmp_path):
    def more_for_medical_insurance(d: dict) -> None:
        for key in ("预算数", "决算数"):
            item(d, 2101101)[key] += 10000  # 行政单位医疗: 3.7749 → 4.7749 万元
        economic(d, "人员经费", 30110)["金额"] += 10000  # 职工基本医疗保险缴费, the same money

    result, md = variant(tmp_path, more_for_medical_insurance)
    f = result.facts
    t6 = "一般公共预算财政拨款支出决算表"
    assert cells(result, t6, "2101101")[2:] == ["4.77", "4.77", ""]
    assert cells(result, t6, "21011")[2] == cells(result, t6, "210")[2] == "7.68"  # 6.679 + 1
    assert cells(result, t6, "合计")[2:4] == ["569.27", "142.54"]
    assert cells(result, "支出决算表", "合计")[2:4] == ["569.27", "142.54"]
    assert cells(result, "收入决算表", "210")[3] == "7.68"
    assert cells(result, "收入支出决算总表", "总计")[2] == cells(result, "收入支出决算总表", "总计")[5] == "569.27"
    assert cells(result, "一般公共预算财政拨款支出决算明细表", "30110")[2] == "5.29"
    assert cells(result, "一般公共预算财政拨款基本支出决算表", "人员经费合计")[2] == "128.26"
    # 第二部分 says the same, and its shares still print to 100%.
    assert "2023年度收、支总计均为569.27万元" in md
    assert "2023年本年收入合计569.27万元，其中：一般公共预算财政拨款收入569.27万元，占100%" in md
    assert "基本支出142.54万元" in md and "人员经费128.26万元" in md
    assert "行政事业单位医疗（款）行政单位医疗（项）：支出决算为4.77万元，完成预算100%" in md
    health = next(p for p in f.一般公共预算类构成 if p.名称 == "卫生健康支出")
    assert health.金额 == Decimal("7.6790")
    assert f"卫生健康支出7.68万元，占{health.占比}%" in md
    assert health.占比 in (percent(health.金额, f.一般公共预算支出, 2), percent(health.金额, f.一般公共预算支出, 2) + Decimal("0.01"))
    assert sum(p.占比 for p in f.一般公共预算类构成) == 100
    assert sum(p.占比 for p in f.支出构成) == 100


def test_an_item_that_appears_or_disappears_adds_or_removes_its_term(tmp_path):
    def add_and_remove(d: dict) -> None:
        d["一般公共预算财政拨款支出"].append({"科目编码": 2080599, "预算数": 5000, "决算数": 5000})
        d["一般公共预算财政拨款支出"].remove(item(d, 2101199))  # 其他行政事业单位医疗支出, 243 元
        economic(d, "人员经费", 30199)["金额"] += 5000 - 243

    before = render_text(build(QUXIAN).document)
    result, md = variant(tmp_path, add_and_remove)
    added = "社会保障和就业支出（类）行政事业单位养老支出（款）其他行政事业单位养老支出（项）"
    removed = "卫生健康支出（类）行政事业单位医疗（款）其他行政事业单位医疗支出（项）"
    terms = md[md.index("## 第三部分"):md.index("## 第四部分")]
    assert added in terms and added not in before
    assert removed not in terms and removed in before
    assert "26.机关运行经费" in terms  # still 26 terms, numbered continuously
    assert cells(result, "支出决算表", "2080599")[2] == "0.50"
    assert all(r[0].text != "2101199" for t in result.document.blocks if isinstance(t, Table) for r in t.body)
    assert cells(result, "支出决算表", "合计")[2] == "568.75"  # 568.27 + 0.50 − 0.0243
