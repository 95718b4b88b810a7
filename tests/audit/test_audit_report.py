"""The two output forms: readable text by default, and a JSON array for tools."""

from __future__ import annotations

import dataclasses
import json

import pytest

from reportgen.audit import audit_text, format_text, to_json

TEXT = "2023年度某局部门决算\n机关运行经费支出14.29万元，比2022年增加6.26万元，增长128.25%。"


def test_json_is_an_array_of_findings_with_the_documented_fields():
    [item] = json.loads(to_json(audit_text(TEXT, name="报告.txt")))
    fields = {"file", "line", "sentence", "kind", "stated", "consistent_range", "message", "severity"}
    assert fields <= set(item)
    where = (item["file"], item["line"], item["kind"], item["stated"])
    assert where == ("报告.txt", 2, "change_rate", "128.25%")
    assert item["consistent_range"] == ["77.79%", "78.12%"]
    assert "增长128.25%" in item["sentence"]


def test_json_of_a_clean_document_is_an_empty_array():
    assert json.loads(to_json(audit_text("一、部门职责"))) == []


def test_text_names_file_line_and_kind_then_quotes_the_sentence():
    lines = format_text(audit_text(TEXT, name="报告.txt")).splitlines()
    assert lines[0].startswith("报告.txt:2: 错误 [增减幅度] 增加 6.26万元，则上年为 8.02万元～8.04万元")
    assert lines[1] == "    机关运行经费支出14.29万元，比2022年增加6.26万元，增长128.25%。"
    assert lines[2] == "    可能范围：77.79%～78.12%"
    assert lines[-1] == "共 1 处：错误 1 处，提示 0 处。"


def test_a_hint_is_graded_as_such_in_both_forms():
    text = "公务接待费支出4.79万元，与2018年度预算相比，增加4.79万元，增长100%。"
    [finding] = audit_text(text, name="报告.txt")
    assert format_text([finding]).splitlines()[0].startswith("报告.txt:1: 提示 [基数为零]")
    assert json.loads(to_json([finding]))[0]["grade"] == "提示"


def test_text_of_a_clean_document_says_so():
    assert format_text([]) == "未发现问题。"


def test_findings_are_frozen_values():
    [finding] = audit_text(TEXT)
    with pytest.raises(dataclasses.FrozenInstanceError):
        finding.line = 1


def test_auditing_prints_nothing(capsys):
    audit_text(TEXT)
    assert capsys.readouterr() == ("", "")
