"""Wording switches the corpus does not exercise, each printing the sentence it is for."""

from __future__ import annotations

from pathlib import Path

import yaml

from reportgen.run import build
from reportgen.writers.markdown import render_text

CORPUS = Path(__file__).parent / "data" / "corpus" / "决算"


def _variant(tmp_path: Path, name: str, change) -> str:
    data = yaml.safe_load((CORPUS / f"{name}.yaml").read_text(encoding="utf-8"))
    change(data)
    path = tmp_path / f"{name}.yaml"
    path.write_text(yaml.safe_dump(data, allow_unicode=True, sort_keys=False), encoding="utf-8")
    return render_text(build(path).document)


def test_a_事业单位_words_its_missing_机关运行经费_its_own_way(tmp_path):
    def change(d):
        d.pop("机关运行经费", None)
        d["版式"]["选项"] = {"无机关运行经费": "本{称谓}为事业单位，不涉及机关运行经费。"}
    md = _variant(tmp_path, "重庆-渝中解放碑CBD管委会-2023", change)
    assert "本部门为事业单位，不涉及机关运行经费。" in md


def test_a_change_and_its_rate_joined_by_a_顿号(tmp_path):
    md = _variant(tmp_path, "重庆-綦江三角镇中心卫生院-2023", lambda d: d["样式"].update({"增减连接": "、"}))
    assert "收支较上年决算数减少171.09万元、下降11.38%，主要原因是医院的业务收入减少。" in md


def test_several_reasons_after_a_colon_or_as_1_2(tmp_path):
    def change(style):
        def apply(d):
            d["版式"]["选项"]["多条原因写法"] = style
            d["机关运行经费"]["原因"] = ["公用经费支出减少", "压缩了机关运行开支"]
        return apply
    colon = _variant(tmp_path, "四川-大英文广旅局-2022", change("：一是"))
    assert "下降79.47%。主要原因：一是公用经费支出减少；二是压缩了机关运行开支。" in colon
    paren = _variant(tmp_path, "四川-大英文广旅局-2022", change("（1）"))
    assert "下降79.47%。主要原因是（1）公用经费支出减少，（2）压缩了机关运行开支。" in paren


def test_the_三公_total_compares_with_last_year_by_name_or_not_at_all(tmp_path):
    md = _variant(tmp_path, "四川-大英文广旅局-2022",
                  lambda d: d["版式"]["选项"].update({"三公上年比较": "比{上年}{年}决算数"}))
    assert "“三公”经费财政拨款支出决算为7.8万元，完成预算100%，比2021年决算数减少1.24万元，下降13.71%。" in md
    md = _variant(tmp_path, "四川-大英文广旅局-2022", lambda d: d["版式"]["选项"].update({"三公上年比较": "不写"}))
    assert "“三公”经费财政拨款支出决算为7.8万元，完成预算100%。" in md


def test_each_total_with_its_parts_then_the_change(tmp_path):
    # 乌鲁木齐 2023 prints 434.16 + 0.55 under a total of 434.72: its figures have a third decimal
    # (tests/data/wording/), and the parts and the total are each rounded from them.
    path = Path(__file__).parent / "data" / "wording" / "乌鲁木齐市政务服务中心-2023.yaml"
    md = render_text(build(path).document)
    assert ("2023年度收入总计434.72万元，其中：本年收入合计434.16万元，使用非财政拨款结余0.00万元，"
            "年初结转和结余0.55万元。") in md
    assert ("2023年度支出总计434.72万元，其中：本年支出合计434.16万元，结余分配0.00万元，"
            "年末结转和结余0.55万元。") in md
    assert "收入支出总体与上年相比，增加58.21万元，增长15.46%，主要原因" in md
