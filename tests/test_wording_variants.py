"""Wording variants seen in published 部门决算 (see the Wording model): each option, and each block a
region overrides, prints the exact sentence of the documents it was taken from."""

from __future__ import annotations

import shutil
from pathlib import Path

import yaml

from examples import EXAMPLES
from reportgen.run import build
from reportgen.writers.markdown import render_text

QUXIAN = EXAMPLES["渠县城乡居民社会养老保险管理局-2023"]
WORDING = "版式:\n  年度写法: 年\n"


def variant(tmp_path: Path, example: Path, old: str, new: str) -> Path:
    """A copy of `example` in tmp_path with `old` replaced by `new`, beside the template folders
    and 绩效 files it names (so the copy builds exactly as the example does)."""
    text = example.read_text(encoding="utf-8")
    assert text.count(old) == 1, old
    path = tmp_path / example.name
    path.write_text(text.replace(old, new), encoding="utf-8")
    data = yaml.safe_load(text)
    siblings = list(data.get("模板目录", []))
    siblings += [a["文件"] for a in data.get("附件", []) if isinstance(a, dict) and "文件" in a]
    for name in dict.fromkeys(siblings):  # copies: a data file's paths must stay inside its folder
        copy = shutil.copytree if (example.parent / name).is_dir() else shutil.copy
        copy(example.parent / name, tmp_path / name)
    return path


def markdown(path: Path) -> str:
    return render_text(build(path).document)


def test_a_unit_publishes_a_单位决算(tmp_path):
    md = markdown(variant(tmp_path, QUXIAN, WORDING, WORDING + "  称谓: 单位\n"))
    assert "## 第一部分 单位概况\n" in md
    assert "### 一、主要职责\n" in md
    assert "## 第二部分 2023年度单位决算情况说明\n" in md
    assert "部门概况" not in md and "部门决算情况说明" not in md


def test_completion_written_完成预算的(tmp_path):
    md = markdown(variant(tmp_path, QUXIAN, WORDING, WORDING + "  完成预算写法: 完成预算的\n"))
    assert "2023年一般公共预算支出决算数为568.27万元，完成预算的100%。其中：" in md
    assert (
        "1.社会保障和就业支出（类）人力资源和社会保障管理事务（款）社会保险经办机构（项）："
        "支出决算为184.90万元，完成预算的100%，决算数等于预算数。"
    ) in md
    assert "2023年“三公”经费财政拨款支出决算为0万元，完成预算的0%，与上年持平。" in md
    assert "1.因公出国（境）经费支出0万元，完成预算的0%。全年安排因公出国（境）团组0次，出国（境）0人。" in md
    assert "2.公务用车购置及运行维护费支出0万元，完成预算的0%。" in md
    assert "3.公务接待费支出0万元，完成预算的0%。" in md
    assert "完成预算1" not in md and "完成预算0" not in md


def test_a_zero_budget_keeps_its_sentence_whatever_the_completion_wording(tmp_path):
    old = "  零预算完成率: \"0%\"\n"
    path = variant(tmp_path, QUXIAN, old, "  零预算完成率: 无法计算\n")
    text = path.read_text(encoding="utf-8").replace(WORDING, WORDING + "  完成预算写法: 完成预算的\n")
    path.write_text(text, encoding="utf-8")
    md = markdown(path)
    assert "2023年“三公”经费财政拨款支出决算为0万元，由于预算数为0万元，无法计算百分比，与上年持平。" in md


def test_a_region_replaces_the_standard_terms_and_keeps_the_科目_entries(tmp_path):
    # 梧州's list of standard terms, as a region's override of the two blocks.
    folder = tmp_path / "梧州-名词"
    folder.mkdir(parents=True)
    (folder / "名词解释.md.j2").write_text(
        '{% extends "builtin/名词解释.md.j2" %}\n'
        "{% block 收入和结转名词 %}\n"
        '{{ term("一般公共预算拨款", "是指本级财政当年拨付的预算资金。") }}\n'
        '{{ term("上年结转", "指以前年度尚未完成、结转到本年按有关规定继续使用的资金。") }}\n'
        "{% endblock %}\n"
        "{% block 支出名词 %}\n"
        '{{ term("基本支出", "指为保障机构正常运转、完成日常工作任务而发生的人员经费和日常公用经费。") }}\n'
        "{% endblock %}\n",
        encoding="utf-8",
    )
    path = variant(tmp_path, QUXIAN, "模板目录: [渠县-模板]", "模板目录: [渠县-模板, 梧州-名词]")
    md = markdown(path)
    glossary = md[md.index("## 第三部分 名词解释"):md.index("## 第四部分")]
    assert "1.一般公共预算拨款：是指本级财政当年拨付的预算资金。" in glossary
    assert "2.上年结转：指以前年度尚未完成、结转到本年按有关规定继续使用的资金。" in glossary
    assert (
        "3.社会保障和就业支出（类）人力资源和社会保障管理事务（款）社会保险经办机构（项）："
        "反映社会保险经办机构开展业务工作的支出。"
    ) in glossary
    assert "基本支出：指为保障机构正常运转、完成日常工作任务而发生的人员经费和日常公用经费。" in glossary
    assert "财政拨款收入" not in glossary and "机关运行经费" not in glossary



def test_a_unit_says_unit_on_its_cover_and_in_its_performance_sentence(tmp_path):
    md = markdown(variant(tmp_path, QUXIAN, WORDING, WORDING + "  称谓: 单位\n"))
    assert md.startswith("# 2023年度渠县城乡居民社会养老保险管理局单位决算")
    assert "根据预算绩效管理要求，本单位在2023年度预算编制阶段" in md
