"""A unit with what the seeds never show: 三公 spending, purchases, vehicles, a zero prior year.

The seeds are nearly all zeros in these sections; real units are not, so the non-zero wording
is pinned here on a copy of the 攀枝花 example with those figures filled in.
"""

from __future__ import annotations

from pathlib import Path

import pytest
import yaml

from examples import EXAMPLES
from reportgen.document.nodes import Figure
from reportgen.run import build
from reportgen.writers.markdown import render_text


@pytest.fixture(scope="module")
def busy(tmp_path_factory) -> tuple[str, object]:
    data = yaml.safe_load(EXAMPLES["攀枝花市东区社会保险事务中心-2023"].read_text(encoding="utf-8"))
    data["版式"].pop("选项", None)  # the built-in wording (攀枝花's own 三公 wording is in its 选项)
    data["三公经费"].update({
        "预算": {"因公出国（境）费": 2, "公务用车购置费": 20, "公务用车运行维护费": 3, "公务接待费": 1.5},
        "决算": {"因公出国（境）费": 0, "公务用车购置费": 18.6, "公务用车运行维护费": 2.45, "公务接待费": 0.8},
        "上年决算": {"因公出国（境）费": 1.2, "公务用车购置费": 0, "公务用车运行维护费": 2.9, "公务接待费": 0.8},
        "公务用车购置": {"轿车": {"辆数": 1, "金额": 18.6}},
        "公务用车保有量": {"轿车": 2, "越野车": 1},
        "国内公务接待": {"金额": 0.8, "批次": 6, "人次": 40},
        "预决算差异原因": "厉行节约，压减一般性支出",
    })
    data["政府采购"] = {"货物": 12.5, "工程": 0, "服务": 3.2, "授予中小企业合同金额": 10, "授予小微企业合同金额": 6.3}
    data["机关运行经费"] = {"本年": 8.26, "上年": 0, "原因": "本年新增机关运行经费"}
    path = tmp_path_factory.mktemp("busy") / "busy.yaml"
    # PyYAML writes floats; our loader reads their digits back exactly (no float reaches the model).
    path.write_text(yaml.safe_dump(data, allow_unicode=True, sort_keys=False), encoding="utf-8")
    built = build(path)
    return render_text(built.document), built


@pytest.mark.parametrize("sentence", [
    "“三公”经费财政拨款支出决算为21.85万元，完成预算82.5%，比上年增加16.95万元，增长345.9%。"
    "决算数小于预算数的主要原因是厉行节约，压减一般性支出。",
    "公务用车购置及运行维护费支出决算21.05万元，占96.3%；公务接待费支出决算0.8万元，占3.7%。",
    "因公出国（境）支出决算比2022年度决算数减少1.2万元，下降100%。",
    "公务用车购置及运行维护费支出21.05万元，完成预算91.5%。",
    "全年按规定更新购置公务用车1辆，其中：轿车1辆、金额18.6万元。",
    "单位共有公务用车3辆，其中：轿车2辆、越野车1辆。",
    "公务接待费支出决算与2022年度决算数持平。",
    "国内公务接待支出0.8万元，国内公务接待6批次，40人次（不包括陪同人员）。",
    # A zero prior year gives the change but no growth rate.
    "机关运行经费支出8.26万元，比2022年度增加8.26万元。主要原因是本年新增机关运行经费。",
    "政府采购支出总额15.7万元，其中：政府采购货物支出12.5万元、政府采购工程支出0万元、政府采购服务支出3.2万元。"
    "授予中小企业合同金额10万元，占政府采购支出总额的63.7%，其中：授予小微企业合同金额6.3万元，占政府采购支出总额的40.1%。",
])
def test_non_zero_sections_read_as_a_finance_officer_writes_them(busy, sentence):
    assert sentence in busy[0]


def test_the_three_public_pie_is_drawn_with_the_texts_shares(busy):
    md, built = busy
    [pie] = [b for b in built.document.blocks if isinstance(b, Figure) and "三公" in b.title]
    assert not pie.is_empty and pie.series[0].labels == ("0%", "96.3%", "3.7%")
    assert "故无结构图" not in md
