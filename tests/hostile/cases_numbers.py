"""Class 4, silently wrong numbers: every figure that cannot be what the officer meant is refused
on its line (or cell), never printed as something else.
"""

from __future__ import annotations

from pathlib import Path

from hostile.harness import (HAIYUAN, LIESHAN, QUXIAN, TAOJIANG, Case, Outcome, Outcomes, Plan, Run, build,
                             copy_example, data_case, markdown)

ITEM = "  - {科目编码: 2100408, 预算数: 128.60, 决算数: 128.60, 项目支出: 128.60}"
PRIOR = "  收支总计: 772.10"
FUNDS = "      全年执行数: 661.7252\n"


def _item(budget: str = "128.60", outturn: str = "128.60") -> tuple[str, str]:
    return ITEM, f"  - {{科目编码: 2100408, 预算数: {budget}, 决算数: {outturn}, 项目支出: 128.60}}"


def amount(name: str, value: str, says: str, where: str = "budget") -> Case:
    """One amount of HAIYUAN (a 项's 预算数, or last year's 收支总计) replaced by `value`."""
    edit = _item(budget=value) if where == "budget" else (PRIOR, f"  收支总计: {value}")
    return data_case(name, "numbers", HAIYUAN, [edit], [says], marker=edit[1].strip())


def _amounts() -> list[Case]:
    return [
        amount("negative-budget", "-100", "金额不能为负数"),
        amount("negative-budget-cent", "-0.01", "金额不能为负数"),
        amount("negative-prior-year", "-17.44", "金额不能为负数", where="prior"),
        amount("thousands-bad-group", '"9,18"', "千分位"),
        amount("thousands-bad-group-2", '"1,2345"', "千分位"),
        amount("fullwidth-comma-bad-group", '"12，34"', "千分位"),
        amount("base-sixty", "9:18", "应为数字"),
        amount("empty-string", '""', "空文字"),
        amount("blank-string", '"   "', "空文字"),
        amount("boolean-amount", "true", "true/false"),
        amount("yaml11-yes-amount", "yes", "应为数字"),
        amount("huge-float", "1e30", "金额过大"),
        amount("thirty-digits", "123456789012345678901234567890", "金额过大"),
        amount("too-many-decimals", "0.00000000001", "小数位过多"),
        amount("tiny-exponent", "1e-400", "小数位过多"),
        amount("infinity", ".inf", "应为数字"),
        amount("not-a-number", ".nan", "应为数字"),
        amount("infinity-word", '"Infinity"', "应为数字"),
        amount("hex-amount", "0x1F", "应为数字"),
        amount("octal-1-2-amount", "0o17", "应为数字"),
        amount("exponent-string", '"1e5"', "应为数字"),
        amount("underscore-string", '"1_000"', "应为数字"),
        amount("fullwidth-digits", '"１２８.６０"', "应为数字"),
        data_case("negative-three-public-prior", "numbers", HAIYUAN,
                  [("  上年决算: {公务用车运行维护费: 3.12, 公务接待费: 0.41}", "  上年决算: {公务用车运行维护费: -3.12, 公务接待费: 0.41}")],
                  ["金额不能为负数"], marker="公务用车运行维护费: -3.12"),
        data_case("negative-procurement", "numbers", HAIYUAN, [("  货物: 35.60", "  货物: -35.60")],
                  ["金额不能为负数"], marker="货物: -35.60"),
        data_case("yuan-too-many-decimals", "numbers", QUXIAN, [("{科目编码: 2080501, 预算数: 31500,", "{科目编码: 2080501, 预算数: 31500.0000001,")],
                  ["小数位过多"], marker="预算数: 31500.0000001"),
    ]


def _counts() -> list[Case]:
    def count(name: str, value: str, says: str) -> Case:
        old = "  公务用车保有量: {轿车: 1, 越野车: 0, 载客汽车: 0}"
        new = f"  公务用车保有量: {{轿车: {value}, 越野车: 0, 载客汽车: 0}}"
        return data_case(name, "numbers", HAIYUAN, [(old, new)], [says], marker=new.strip())

    return [count("boolean-count", "true", "true/false"), count("negative-count", "-1", "不能为负数"),
            count("huge-count", "10000000000000", "数量过大"), count("fraction-count", "1.5", "整数"),
            count("empty-count", '""', "空文字"),
            data_case("year-fraction", "numbers", HAIYUAN, [("  报告年度: 2023", "  报告年度: 2023.5")], ["整数"],
                      marker="报告年度: 2023.5"),
            data_case("year-huge-digits", "numbers", HAIYUAN, [("  报告年度: 2023", "  报告年度: " + "9" * 5000)],
                      ["数字位数过多"], marker="报告年度: 999")]


def _performance() -> list[Case]:
    def funds(name: str, new: str, says: str, base: Path = LIESHAN) -> Case:
        return data_case(name, "numbers", base, [(FUNDS, new)], [says], marker=new.strip())

    zero_budget = [("      全年预算数: 680\n", "      全年预算数: 0\n"), (FUNDS, "      全年执行数: 0\n"),
                   ("{名称: 本年财政拨款, 年初预算数: 680, 全年预算数: 680, 全年执行数: 661.7252}",
                    "{名称: 本年财政拨款, 年初预算数: 680, 全年预算数: 0, 全年执行数: 0}")]
    return [
        funds("performance-negative-execution", "      全年执行数: -661\n", "金额不能为负数"),
        funds("performance-huge-execution", "      全年执行数: 1e20\n", "金额过大"),
        funds("performance-string-execution", '      全年执行数: "661,72"\n', "千分位"),
        data_case("performance-zero-budget", "numbers", LIESHAN, zero_budget, ["全年预算数为 0"], marker="全年预算数: 0\n"),
        data_case("performance-points-boolean", "numbers", LIESHAN, [("      分值: 10\n", "      分值: true\n")],
                  ["分"], marker="分值: true"),
        data_case("performance-points-huge", "numbers", LIESHAN, [("      分值: 10\n", "      分值: 1e30\n")],
                  ["分"], marker="分值: 1e30"),
        data_case("performance-staff-boolean", "numbers", TAOJIANG, [("  编制数: 32", "  编制数: true")],
                  ["true/false"], marker="编制数: true"),
        data_case("performance-negative-budget-dept", "numbers", TAOJIANG,
                  [("    全年预算数: 444.37", "    全年预算数: -444.37")], ["金额不能为负数"], marker="全年预算数: -444.37"),
    ]


def _read_exactly() -> list[Case]:
    """Numbers YAML 1.1 would misread are read as YAML 1.2 says (and as the officer meant)."""
    def same_document(name: str, old: str, new: str) -> Case:
        def prepare(folder: Path) -> Plan:
            path = copy_example(HAIYUAN, folder / "in", [(old, new)])
            original = copy_example(HAIYUAN, folder / "orig")
            runs = {"build": build(path, folder), "check": Run(["check", str(path)], folder),
                    "diff": Run(["diff", str(original), str(path)], folder)}

            def verify(o: Outcomes) -> None:
                for label in runs:
                    got = o[label]
                    assert isinstance(got, Outcome) and got.code == 0, f"{label}: {got.code}\n{got.text[-2000:]}"
                assert "第一部分" in markdown(folder)

            return Plan(runs, verify)

        return Case(name, "numbers", prepare)

    return [same_document("leading-zeros-decimal", ITEM, _item(budget="0128.60")[1]),
            same_document("thousands-valid-group", "  货物: 35.60", '  货物: "0,035.60"'),
            same_document("octal-looking-count", "  国内公务接待: {金额: 0.32, 批次: 4, 人次: 26}",
                          "  国内公务接待: {金额: 0.32, 批次: 04, 人次: 026}")]


CASES = [*_amounts(), *_counts(), *_performance(), *_read_exactly()]
