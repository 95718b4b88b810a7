"""check and build never disagree: whatever build refuses, check has reported as an error with the
file (and, where the data file has it, the line and field) — and what check passes, build builds.

Each case is a real data file (a bundled example or a corpus file) with one hostile change; build
writes Markdown and DOCX, so a writer's refusal would count too. A fixed random sample of leaf
changes adds cases nobody thought of.
"""

from __future__ import annotations

import random
from pathlib import Path

import pytest
import yaml

from examples import EXAMPLES
from reportgen.errors import ReportgenError
from reportgen.run import build, check
from reportgen.writers import get_writer

CORPUS = Path(__file__).parent / "data" / "corpus" / "决算"
SOURCES = {
    "haiyuan": EXAMPLES["海原县高崖乡卫生院-2023"],
    "dayingwgl": CORPUS / "四川-大英文广旅局-2022.yaml",
    "guangshui": EXAMPLES["广水市白泉卫生院-2023"],
    "hongzhen": CORPUS / "重庆-长寿洪湖镇政府-2024.yaml",
}

#: (source, path in the data file, new value); None as value deletes the field.
TARGETED = [
    ("haiyuan", ("名词解释",), None),  # two 项 without a standard explanation
    ("haiyuan", ("名词解释", "2100302"), ""),  # an empty explanation
    ("haiyuan", ("变动原因", "收支总计"), "见{不存在的数}"),  # a quoted figure that does not exist
    ("haiyuan", ("变动原因", "收支总计"), ["甲", "乙{也不存在}"]),
    ("haiyuan", ("版式", "选项"), {"不存在的选项": True}),
    ("haiyuan", ("版式", "选项"), {"总计均为": "是"}),
    ("haiyuan", ("版式", "选项"), {"原因接续": "；"}),
    ("haiyuan", ("版式", "选项"), {"上年比较": "与{去年}相比，"}),
    ("haiyuan", ("版式", "选项"), {"上年比较": "与{上年相比，"}),
    ("haiyuan", ("版式", "节标题"), {"不存在的节": "某节"}),
    ("haiyuan", ("版式", "节标题"), {"概况": "{单位名称}概况"}),
    ("haiyuan", ("版式", "附表顺序"), ["收入决算表", "某某表"]),
    ("haiyuan", ("版式", "附表顺序"), ["收入决算表", "收入决算表"]),
    ("haiyuan", ("版式", "附表标题"), {"某某表": "x"}),
    ("haiyuan", ("版式", "科目简称"), "一半"),
    ("haiyuan", ("版式", "地区"), "火星"),
    ("haiyuan", ("模板目录",), ["不存在的目录"]),
    ("haiyuan", ("附件",), [{"文件": "不存在.yaml"}]),
    ("haiyuan", ("附件",), [{"文件": "海原县高崖乡卫生院-2023.yaml"}]),  # a 决算, not a 绩效 file
    ("haiyuan", ("附注",), {"不存在的节": "某注"}),
    ("haiyuan", ("附注",), {"三公经费": "口径见{不存在的数}"}),
    ("haiyuan", ("单位", "简称"), "县/院"),
    ("haiyuan", ("单位", "名称"), "a/../b:院"),
    ("haiyuan", ("收入",), None),
    ("haiyuan", ("支出",), None),
    ("haiyuan", ("收入", "事业收入"), "215,30"),
    ("haiyuan", ("收入", "事业收入"), "2,15.30"),
    ("haiyuan", ("收入", "事业收入"), "215.30"),
    ("haiyuan", ("三公经费", "国内公务接待", "明细"), [{"名称": "调研"}]),
    ("haiyuan", ("三公经费", "分项", "公务接待费", "上年变动原因"), ["厉行节约", "减少接待"]),
    ("haiyuan", ("机构设置",), None),
    ("haiyuan", ("单位", "机构设置", "行政单位"), ["甲", "乙"]),
    ("dayingwgl", ("上年决算", "财政拨款收入"), 1000),
    ("dayingwgl", ("版式", "选项", "财政拨款收支分述"), True),  # without 上年决算.财政拨款支出
    ("dayingwgl", ("版式", "选项", "收入说明含年初结转"), True),  # without 上年决算.年初结转和结余
    ("dayingwgl", ("版式", "选项", "收支分项比较"), True),  # without 上年决算.本年收入合计
    ("guangshui", ("版式", "选项", "财政拨款合并"), "合并括注"),
    ("guangshui", ("样式", "持平写法"), "增减0"),
    ("guangshui", ("样式", "百分比小数位"), 9),
    ("hongzhen", ("版式", "选项", "收支较上年"), "较{上年}{年}"),
    ("hongzhen", ("版式", "选项", "收支较上年"), "较{前年}"),
    ("hongzhen", ("上年决算", "本年收入合计"), None),
]

HOSTILE = [None, "", "  ", -1, 0, "abc", "{未知}", [], {}, "1,0", 10 ** 15, "0.000001", True, ["x"], {"x": 1}]


def _set(data: dict, path: tuple, value: object) -> None:
    *parents, last = path
    node = data
    for key in parents:
        node = node.setdefault(key, {}) if isinstance(node, dict) else node[key]
    if value is None:
        if isinstance(node, dict):
            node.pop(last, None)
    else:
        node[last] = value


def _leaves(value: object, path: tuple = ()) -> list[tuple]:
    if isinstance(value, dict):
        return [p for k, v in value.items() for p in _leaves(v, path + (k,))]
    if isinstance(value, list):
        return [p for i, v in enumerate(value) for p in _leaves(v, path + (i,))]
    return [path]


def _random_cases(n: int) -> list[tuple[str, tuple, object]]:
    rng = random.Random(11)
    out = []
    for _ in range(n):
        source = rng.choice(sorted(SOURCES))
        data = yaml.safe_load(SOURCES[source].read_text(encoding="utf-8"))
        path = rng.choice(_leaves(data))
        path = path[:rng.randint(1, len(path))]  # a leaf, or one of the fields that hold it
        out.append((source, path, rng.choice(HOSTILE[1:])))
    return out


CASES = TARGETED + _random_cases(150)


def _variant(tmp_path: Path, source: str, path: tuple, value: object) -> Path:
    original = SOURCES[source]
    data = yaml.safe_load(original.read_text(encoding="utf-8"))
    _set(data, path, value)
    target = tmp_path / original.name
    target.write_text(yaml.safe_dump(data, allow_unicode=True, sort_keys=False), encoding="utf-8")
    return target


def _builds(path: Path) -> ReportgenError | None:
    try:
        built = build(path)
        for name in ("md", "docx"):
            get_writer(name)(built.document, built.stem)
    except ReportgenError as e:
        return e
    return None


@pytest.mark.parametrize("source,path,value", CASES, ids=[f"{s}:{'.'.join(map(str, p))}={v!r:.20}" for s, p, v in CASES])
def test_build_refuses_exactly_what_check_reports(tmp_path, source, path, value):
    target = _variant(tmp_path, source, path, value)
    try:
        findings = check(target).findings
        errors = [f for f in findings if f.severity == "error"]
    except ReportgenError as e:  # unreadable or invalid: check lists it as an error too (cli)
        errors, findings = [e], []
    refused = _builds(target)
    assert (refused is not None) == bool(errors), (errors, refused)
    for f in (f for f in findings if f.severity == "error"):
        assert f.file == str(target) and f.message
    if refused is not None:
        assert str(target) in str(refused)
        assert all(line.startswith(str(target)) for line in str(refused).splitlines())
