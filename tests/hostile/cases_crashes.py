"""Class 6, crashes: inputs that once ended in 内部错误 are data errors naming file and line."""

from __future__ import annotations

from pathlib import Path

from hostile.harness import (HAIYUAN, LIESHAN, Case, Outcome, Outcomes, Plan, Run, build, copy_example, data_case,
                             markdown, refused_everywhere, written)

KIND = "文档类型: 部门决算\n"
UNIT = "  名称: 海原县高崖乡卫生院\n"
YEAR = "  报告年度: 2023\n"


def crash(name: str, edits, says: str, marker: str | None, workbook: int | None = 1, base: Path = HAIYUAN) -> Case:
    return data_case(name, "crashes", base, edits, [says], marker=marker, workbook=workbook)


def _yaml_structure() -> list[Case]:
    return [
        crash("date-february-30", [(YEAR, YEAR + "  公开时间: 2024-02-30\n")], "日期", "公开时间"),
        crash("date-month-13", [(YEAR, YEAR + "  公开时间: 2024-13-45\n")], "日期", "公开时间"),
        crash("date-as-number", [(YEAR, YEAR + "  公开时间: 45000\n")], "日期", "公开时间"),
        crash("recursive-alias-list", [(KIND, KIND + "说明: &a [*a]\n")], "别名", "说明: &a"),
        crash("recursive-alias-map", [(KIND, KIND + "版式x: &a {b: *a}\n")], "别名", "版式x"),
        crash("undefined-alias", [(KIND, KIND + "说明: *nowhere\n")], "别名", "说明: *nowhere"),
        crash("unknown-tag", [("  收支总计: 772.10", "  收支总计: !unit 772.10")], "标签", "!unit"),
        crash("python-object-tag", [(KIND, KIND + "说明: !!python/object/apply:os.system [touch PWNED]\n")],
              "标签", "python/object"),
        crash("binary-tag", [(KIND, KIND + "说明: !!binary aGVsbG8=\n")], "标签", "!!binary"),
        crash("set-tag", [(KIND, KIND + "说明: !!set {a, b}\n")], "标签", "!!set"),
        crash("timestamp-tag", [(YEAR, YEAR + "  公开时间: !!timestamp 2024-01-01\n")], "标签", "!!timestamp"),
        crash("int-tag-on-text", [("  收支总计: 772.10", '  收支总计: !!int "abc"')], "!!int", "!!int"),
        crash("multiple-documents", [(KIND, KIND + "---\n文档类型: 部门决算\n")], "一个 YAML 文档", "---"),
        crash("list-as-key", [(KIND, KIND + "? [a, b]\n: 1\n")], "字段名", "? [a, b]"),
        crash("alias-as-key", [(KIND, KIND + "x: &k y\n*k : 1\n")], "字段名", "*k"),
        crash("duplicate-key", [(YEAR, YEAR + "  报告年度: 2024\n")], "字段重复", "报告年度: 2024"),
        crash("tab-indentation", [(YEAR, "\t报告年度: 2023\n")], "YAML 格式错误", "\t报告年度"),
        crash("unclosed-quote", [(UNIT, '  名称: "海原县高崖乡卫生院\n')], "YAML 格式错误", None),
        crash("merge-key", [(KIND, KIND + "基础: &b {x: 1}\n合并:\n  <<: *b\n")], "不认识的字段", "基础"),
        crash("huge-integer-year", [(YEAR, "  报告年度: " + "1" * 4400 + "\n")], "数字位数过多", "报告年度: 111"),
        crash("kind-unknown", [(KIND, "文档类型: 部门预算\n")], "不认识的文档类型", "文档类型"),
        crash("kind-as-list", [(KIND, "文档类型: [部门决算]\n")], "文档类型", "文档类型"),
        crash("name-as-number", [(UNIT, "  名称: 12345\n")], "应为文字", "名称: 12345"),
        crash("layout-unknown", [("  地区: 宁夏", "  地区: 火星")], "版式", "地区: 火星", workbook=0),
        crash("style-places-huge", [("金额单位: 万元\n", "金额单位: 万元\n样式: {金额小数位: 1000000}\n")], "数值过大",
              "样式:"),
        crash("unit-unknown", [("金额单位: 万元\n", "金额单位: 千元\n")], "取值不在允许范围内", "金额单位"),
    ]


def _characters() -> list[Case]:
    return [
        crash("nul-in-name", [(UNIT, '  名称: "海原县高崖乡\\0卫生院"\n')], "控制字符", "名称:"),
        crash("escape-in-duties", [("    - 宁夏海原县", '    - "\\e[31m红字"\n    - 宁夏海原县')], "控制字符", "红字"),
        crash("bell-in-reason", [("  收支总计: 上级追加", '  收支总计: "\\a上级追加"\n  x收支总计: 上级追加')], "控制字符",
              "\\a上级追加"),
        crash("bidi-override", [(UNIT, '  名称: "海原县\\u202e院生卫"\n')], "控制字符", "名称:"),
        crash("noncharacter-mark", [(UNIT, '  名称: "海原县\\ufdd0卫生院"\n')], "控制字符", "名称:"),
        crash("nul-in-key", [(KIND, KIND + '"a\\0b": 1\n')], "控制字符", '"a\\0b"'),
        crash("surrogate-escape", [(UNIT, '  名称: "海原县\\ud800卫生院"\n')], "", None),
        raw("raw-control-byte", lambda t: t.replace("海原县高崖乡卫生院\n".encode(), "海原县\x01高崖乡卫生院\n".encode(), 1),
            "不允许的字符", "海原县\x01"),
        raw("invalid-utf8", lambda t: t.replace("海原县高崖乡卫生院\n".encode(), b"\xff\xfe\n", 1), "UTF-8", "名称:"),
        raw("utf16-file", lambda t: t.decode("utf-8").encode("utf-16"), "UTF-8", None),
        raw("empty-file", lambda t: b"", "数据文件应是", None),
        raw("only-comments", lambda t: b"# nothing here\n", "数据文件应是", None),
        raw("top-level-list", lambda t: b"- 1\n- 2\n", "数据文件应是", None),
        raw("top-level-scalar", lambda t: "部门决算\n".encode(), "数据文件应是", None),
    ]


def raw(name: str, change, says: str, marker: str | None) -> Case:
    """The example's bytes changed by `change`; refused (the line, where `marker` is, named)."""
    def prepare(folder: Path) -> Plan:
        path = copy_example(HAIYUAN, folder / "in")
        original = path.read_bytes()
        path.write_bytes(change(original))
        line = None
        if marker is not None:
            text = change(original).decode("utf-8", "replace")
            line = text[:text.index(marker)].count("\n") + 1
        return refused_everywhere(HAIYUAN, path, folder, [says], line)

    return Case(name, "crashes", prepare)


def _references() -> list[Case]:
    return [
        crash("reference-unknown-final-accounts", [("    - 宁夏海原县", "    - 支出{不存在}万元。\n    - 宁夏海原县")],
              "不存在的数字", "{不存在}", workbook=0),
        crash("reference-unknown-spec", [("    - 宁夏海原县", "    - 支出{本年支出合计:乱写}万元。\n    - 宁夏海原县")],
              "本年支出合计:乱写", "乱写", workbook=0),
        crash("reference-unknown-performance", [("  - 我局在{本年}年度", "  - 我局在{不存在}年度")], "不存在的数字",
              "{不存在}", base=LIESHAN),
        crash("reference-unknown-performance-summary",
              [("      目标完成情况: 通过项目实施，对做好", "      目标完成情况: 通过{不存在}项目实施，对做好")], "不存在的数字",
              "{不存在}", base=LIESHAN),
    ]


def _kill_survivors() -> list[Case]:
    """The python tag must not run: no file appears although the data file asked for one."""
    def prepare(folder: Path) -> Plan:
        path = copy_example(HAIYUAN, folder / "in", [(KIND, KIND + "说明: !!python/object/apply:os.system [touch PWNED]\n")])
        runs = {"build": build(path, folder), "check": Run(["check", str(path)], folder)}

        def verify(o: Outcomes) -> None:
            assert all(isinstance(g, Outcome) and g.code == 1 for g in o.values())
            assert not (folder / "PWNED").exists() and not (folder / "in" / "PWNED").exists() and written(folder) == []

        return Plan(runs, verify)

    return [Case("python-tag-runs-nothing", "crashes", prepare)]


def _bom() -> list[Case]:
    def prepare(folder: Path) -> Plan:
        path = copy_example(HAIYUAN, folder / "in")
        path.write_bytes(b"\xef\xbb\xbf" + path.read_bytes())

        def verify(o: Outcomes) -> None:
            got = o["build"]
            assert isinstance(got, Outcome) and got.code == 0, got.text[-2000:]
            assert "海原县高崖乡卫生院" in markdown(folder)

        return Plan({"build": build(path, folder)}, verify)

    return [Case("utf8-bom-builds", "crashes", prepare)]


CASES = [*_yaml_structure(), *_characters(), *_references(), *_kill_survivors(), *_bom()]
