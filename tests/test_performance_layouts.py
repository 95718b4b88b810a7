"""绩效 forms as layouts: every layout builds both forms on a well-formed grid; every printed word is
a label the data file may reword; nothing entered is dropped without a 提示; number formats,
placeholder rows and unscored forms print as the forms print them."""

from __future__ import annotations

from pathlib import Path

import pytest
import yaml

from examples import ROOT
from form_cells import generated_cells, norm
from reportgen.document.nodes import Table
from reportgen.errors import DataErrors, TemplateError
from reportgen.kinds.performance.forms.spec import form_spec
from reportgen.layouts import available
from reportgen.run import build, check
from test_cli import run
from test_performance_document import grid

REAL = ROOT / "tests/data/real/绩效/数据"

#: One data file with a 部门整体 and a 项目 form, written for the 财政部 layout.
BASE = {
    "文档类型": "部门整体绩效评价",
    "单位": {"名称": "测试单位", "地区": "测试县", "报告年度": 2023},
    "部门整体": {
        "资金": {"年初预算数": 100, "全年预算数": 120, "全年执行数": 108,
                 "其中": [{"名称": "当年财政拨款", "年初预算数": 100, "全年预算数": 120, "全年执行数": 108}]},
        "年度总体目标": {"预期目标": "保障运转", "实际完成情况": "已保障"},
        "绩效指标": [{"名称": "产出指标", "二级": [{"名称": "数量指标", "指标": [
            {"名称": "服务人次", "指标值": "≥100人次", "实际完成值": "120人次", "分值": 90, "得分": 88}]}]}],
    },
    "项目": [{
        "名称": "测试项目", "主管部门": "测试局", "实施单位": "测试单位",
        "资金": {"年初预算数": 50, "全年预算数": 50, "全年执行数": 50},
        "年度总体目标": {"预期目标": "完成任务", "实际完成情况": "完成"},
        "绩效指标": [{"名称": "产出指标", "二级": [{"名称": "数量指标", "指标": [
            {"名称": "完成率", "指标值": "100%", "实际完成值": "100%", "分值": 90, "得分": 90},
            {"名称": "指标2"}]}]}],
    }],
}


def write(tmp_path: Path, data: dict, name: str = "x.yaml") -> Path:
    path = tmp_path / name
    path.write_text(yaml.safe_dump(data, allow_unicode=True, sort_keys=False), encoding="utf-8")
    return path


def with_(**changes) -> dict:
    return {**BASE, **changes}


def tables(path: Path) -> list[Table]:
    return [b for b in build(path).document.blocks if isinstance(b, Table)]


def messages(path: Path, severity: str = "warning") -> list[str]:
    return [f"{f.field}: {f.message}" for f in check(path).findings if f.severity == severity]


@pytest.mark.parametrize("layout", available("绩效"))
def test_every_layout_builds_both_forms_on_a_full_grid(tmp_path, layout):
    path = write(tmp_path, with_(表式=layout))
    forms = tables(path)
    assert len(forms) == 2
    for table in forms:
        grid(table)
        assert table.widths and len(table.widths) == table.n_cols


def test_the_base_is_the_财政部_form_and_the_default(tmp_path):
    assert {"财政部", "安徽", "河北", "山西", "云南", "湖南", "四川", "渠县"} <= set(available("绩效"))
    assert build(write(tmp_path, BASE)).layout.names == ("财政部",)


def test_a_data_file_rewords_a_label_and_may_use_its_placeholders(tmp_path):
    path = write(tmp_path, with_(标签={"项目标题": "{地区}项目支出绩效自评表", "全年预算数": "全年预算数（A）"}))
    cells = generated_cells(build(path).document)
    assert "测试县项目支出绩效自评表" in cells and norm("全年预算数（A）") in cells


@pytest.mark.parametrize("labels, expected", [
    ({"项目抬头": "x"}, "标签.项目抬头: 版式没有标签“项目抬头”"),
    ({"总分": "总分（{分值}分）"}, "标签.总分: 标签“总分”用了未知的占位符“{分值}”"),
])
def test_an_unknown_label_or_placeholder_is_an_error_on_its_line(tmp_path, labels, expected):
    path = write(tmp_path, with_(标签=labels))
    with pytest.raises(DataErrors) as e:
        build(path)
    (error,) = e.value.errors
    assert expected in str(error) and f"{path}:" in str(error)


def test_a_layout_description_with_an_unknown_block_names_its_key():
    with pytest.raises(TemplateError, match="自评表.项目.块"):
        form_spec("某地", {"项目": {"块": ["项目抬头", "封面"]}}, "项目")


def test_entries_the_form_does_not_print_are_named(tmp_path):
    data = with_()
    data["项目"] = [{**BASE["项目"][0], "实施概述": "购置设备", "评价结论": "良好"}]
    data["项目"][0]["绩效指标"] = [{"名称": "产出指标", "二级": [{"名称": "数量指标", "指标": [
        {"名称": "完成率", "性质": "≥", "指标值": "100", "度量单位": "%", "实际完成值": "100%", "分值": 90, "得分": 90}]}]}]
    found = messages(write(tmp_path, data))
    assert "项目[1].实施概述: 表式“财政部”的项目自评表没有“实施概述”这一栏，所填内容未印出" in found
    assert "项目[1].评价结论: 表式“财政部”的项目自评表没有“评价结论”这一栏，所填内容未印出" in found
    assert any(m.startswith("项目[1].绩效指标[1].二级[1].指标[1].度量单位:") for m in found)
    # The same entries in the 四川 form, which has those cells: nothing is left out.
    sichuan = messages(write(tmp_path, {**data, "表式": "四川"}, "s.yaml"))
    assert not [m for m in sichuan if "未印出" in m and m.startswith("项目")]


def test_the_anhui_department_form_prints_its_其中_rows(tmp_path):
    (form, _) = tables(write(tmp_path, with_(表式="安徽")))
    rows = [[c.text for c in row] for row in form.body]
    assert ["其中：当年财政拨款", "100.00", "120.00", "108.00", "—", "90%", "—"] in rows


def test_sichuan_zero_rows_and_two_decimal_rates(tmp_path):
    _, project = tables(write(tmp_path, with_(表式="四川")))
    rows = [[c.text for c in row] for row in project.body]
    assert ["财政专户管理资金", "0.00", "0.00", "0.00", "0.00%", "/", "/"] in rows
    assert ["其他资金", "", "", "", "", "/", "/"] in rows
    total = next(r for r in rows if r[0] == "总额")
    assert total[1:7] == ["50.00", "50.00", "50.00", "100.00%", "10", "10"]
    assert project.number == "报表编号：510000_0013zp" and project.landscape


def test_a_placeholder_row_prints_blank_not_0(tmp_path):
    _, project = tables(write(tmp_path, with_()))
    row = next([c.text for c in r] for r in project.body if any(c.text == "指标2" for c in r))
    assert row == ["指标2", "", "", "", "", ""]


def test_an_unscored_form_prints_no_scores_and_says_so(tmp_path):
    data = with_(表式="四川")
    item = {k: v for k, v in BASE["项目"][0]["绩效指标"][0]["二级"][0]["指标"][0].items() if k != "得分"}
    data["项目"] = [{**BASE["项目"][0], "绩效指标": [{"名称": "产出指标", "二级": [{"名称": "数量指标", "指标": [item]}]}]}]
    path = write(tmp_path, data)
    assert "项目[1].绩效指标: 各指标都未填“得分”：自评表的得分与总分留空" in messages(path)
    assert "项目[1].评价结论: “评价结论”未填写，项目自评表印出表式的提示语" in messages(path)
    _, project = tables(path)
    rows = [[c.text for c in row] for row in project.body]
    assert next(r for r in rows if r[0] == "总额")[6] == ""  # 得分 of 预算执行
    assert next(r for r in rows if r[0] == "合计")[1:] == ["100", "", ""]
    assert any("结合自评情况，说明项目自评总分" in c for r in rows for c in r)


def test_a_summary_needs_a_total(tmp_path):
    data = with_(文档类型="项目绩效自评")
    del data["部门整体"]
    item = dict(BASE["项目"][0]["绩效指标"][0]["二级"][0]["指标"][0], 得分=None)
    data["项目"] = [{**BASE["项目"][0], "综述": {"目标完成情况": "完成", "主要问题": "无", "改进措施": "无"},
                   "绩效指标": [{"名称": "产出指标", "二级": [{"名称": "数量指标", "指标": [item]}]}]}]
    assert any("综述要写明自评得分" in m for m in messages(write(tmp_path, data), "error"))


def test_amounts_print_in_the_forms_unit(tmp_path):
    _, project = tables(write(tmp_path, with_(自评表金额单位="元")))
    texts = [c.text for row in project.body for c in row]
    assert "项目资金（元）" in texts and "500000.00" in texts


def test_the_buildings_heading_is_dated_by_its_label(tmp_path):
    base = {"编制数": 10, "在职人数": 9}
    for labels, year in (({}, "2022"), ({"楼堂馆所": "楼堂馆所控制情况（{年度}年完工项目）"}, "2023")):
        path = write(tmp_path, with_(表式="湖南", 基础数据表=base, 标签=labels))
        assert norm(f"楼堂馆所控制情况（{year}年完工项目）") in generated_cells(build(path).document)


def test_build_prints_the_提示_check_prints(tmp_path):
    path = REAL / "安徽-金寨茶谷美丽乡村中心-2023-部门整体.yaml"
    built, checked = run("build", str(path), "-o", str(tmp_path)), run("check", str(path))
    assert built.returncode == 0 and "全年执行数超过了全年预算数" in built.stderr
    hints = [line for line in checked.stdout.splitlines() if "提示" in line and ".yaml:" in line]
    assert hints and all(h in built.stderr for h in hints)


def test_a_note_on_the_data_file_is_kept_out_of_the_document(tmp_path):
    path = write(tmp_path, with_(说明="示例数据，金额为虚构"))
    assert not any("虚构" in c for c in generated_cells(build(path).document))


def test_the_sichuan_form_asks_for_the_reason_of_an_adjusted_or_unspent_budget(tmp_path):
    data = with_(表式="四川")
    data["项目"] = [{**BASE["项目"][0], "资金": {"年初预算数": 40, "全年预算数": 50, "全年执行数": 44}}]
    found = messages(write(tmp_path, data))
    assert "项目[1].资金.原因: 预算年中由 40 调整为 50（万元），表式要求说明理由：请填写“原因”" in found
    assert "项目[1].资金.原因: 执行率未达到 90%，表式要求说明原因：请填写“原因”" in found
    data["项目"][0]["资金"]["原因"] = "年中追加10万元；设备款次年支付。"
    path = write(tmp_path, data, "given.yaml")
    assert not [m for m in messages(path) if m.startswith("项目[1].资金.原因")]
    assert "年中追加10万元；设备款次年支付。" in [c.text for t in tables(path) for row in t.body for c in row]
