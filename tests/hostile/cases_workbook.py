"""Class 4 in the fillable workbook: a cell that cannot be the figure meant is refused by its cell."""

from __future__ import annotations

from pathlib import Path

from hostile.harness import HAIYUAN, Case, Outcome, Outcomes, Plan, Run, build, written

ITEMS = "一般公共预算财政拨款支出"


def _book(folder: Path) -> Path:
    from reportgen.workbook.export import workbook_for

    path = folder / "good.xlsx"
    path.write_bytes(workbook_for(HAIYUAN, path))
    return path


def cell_case(name: str, value, says: str, cell: str = "C3", sheet: str = ITEMS) -> Case:
    """HAIYUAN's workbook with `sheet!cell` set to `value` (openpyxl writes it as Excel would)."""
    def prepare(folder: Path) -> Plan:
        import openpyxl

        (folder / "in").mkdir()
        book = openpyxl.load_workbook(_book(folder / "in"))
        book[sheet][cell] = value
        path = folder / "in" / "bad.xlsx"
        book.save(path)
        return _refused(path, folder, f"{path}:{sheet}!{cell}", says)

    return Case(name, "numbers", prepare)


def _refused(path: Path, folder: Path, where: str, says: str) -> Plan:
    runs = {"build": build(path, folder), "check": Run(["check", str(path)], folder),
            "diff": Run(["diff", str(path), str(path)], folder),
            "workbook": Run(["workbook", str(path), "-o", str(folder / "wb" / "x.xlsx")], folder)}

    def verify(o: Outcomes) -> None:
        for label, got in o.items():
            assert isinstance(got, Outcome)
            assert got.code == (2 if label == "diff" else 1), f"{label}: exit {got.code}\n{got.text[-2000:]}"
            assert where in got.text and says in got.text, f"{label}\n{got.text[-2000:]}"
        assert written(folder) == []

    return Plan(runs, verify)


CASES = [
    cell_case("xlsx-formula-without-value", "=C2*2", "公式没有计算结果"),
    cell_case("xlsx-1e308", 1e308, "金额过大"),
    cell_case("xlsx-negative", -5, "金额不能为负数"),
    cell_case("xlsx-bad-thousands", "9,18", "千分位"),
    cell_case("xlsx-boolean-amount", True, "true/false"),
    cell_case("xlsx-text-amount", "三万", "应为数字"),
    cell_case("xlsx-tiny-amount", 1e-300, "小数位过多"),
    # XML 1.0 keeps C0 controls out of a sheet; C1 controls and bidirectional overrides get in.
    cell_case("xlsx-bidi-override", "海原县\u202e院生卫", "控制字符", cell="B2", sheet="文字说明"),
    cell_case("xlsx-c1-control", "海原县\x85卫生院", "控制字符", cell="B2", sheet="文字说明"),
]
