"""Class 5, unbounded work: bombs and monsters refused before the work, each with a message.

Zip packages (the fillable .xlsx, an audited .docx) are measured before they are opened, sheets
are streamed and cut at their row bound, YAML is bounded in size, depth and aliases, and a PDF's
text is read in a child process with its own limits.
"""

from __future__ import annotations

import os
from pathlib import Path

from hostile.files import (ENTITY_BOMB, many_members, minimal_xlsx, pdf_bomb, replaced_member, sheet, sheet_member,
                           zeros_member)
from hostile.harness import HAIYUAN, Case, Outcome, Outcomes, Plan, Run, build, copy_example, data_case, written

OWN_DOCX = "own.docx"


def refused(name: str, make, command: str = "build", says: str = "", code: int = 1) -> Case:
    """`make(folder)` writes the input; `command` on it exits `code` saying `says`, writing nothing."""
    def prepare(folder: Path) -> Plan:
        folder.joinpath("in").mkdir()
        path = make(folder / "in")
        argv = [command, str(path)] + ([str(path)] if command == "diff" else [])
        if command == "workbook":
            argv += ["-o", str(folder / "out" / "x.xlsx")]
        runs = {command: build(path, folder) if command == "build" else Run(argv, folder)}
        if command == "build":
            runs["check"] = Run(["check", str(path)], folder)

        def verify(o: Outcomes) -> None:
            for label, got in o.items():
                assert isinstance(got, Outcome) and got.code == code, f"{label}: exit {got.code}\n{got.text[-2000:]}"
                assert says in got.text, f"{label}: {says!r} not said\n{got.text[-2000:]}"
            assert written(folder) == []

        return Plan(runs, verify)

    return Case(name, "bounds", prepare)


def _workbook(folder: Path) -> Path:
    from reportgen.workbook.export import workbook_for

    path = folder / "good.xlsx"
    path.write_bytes(workbook_for(HAIYUAN, path))
    return path


def _xlsx() -> list[Case]:
    def bomb(folder: Path) -> Path:
        return zeros_member(folder / "bomb.xlsx", _workbook(folder), "xl/media/image1.bin", 300 << 20)

    def ratio(folder: Path) -> Path:
        return zeros_member(folder / "ratio.xlsx", _workbook(folder), "xl/media/image1.bin", 20 << 20)

    def members(folder: Path) -> Path:
        return many_members(folder / "many.xlsx", _workbook(folder), 3000)

    def rows(n: int):
        def make(folder: Path) -> Path:
            body = "".join(f'<row r="{r}"><c r="A{r}" t="n"><v>1</v></c></row>' for r in range(1, n + 1))
            return minimal_xlsx(folder / "rows.xlsx", {"基本信息": sheet(body)})
        return make

    def far_row(folder: Path) -> Path:
        return minimal_xlsx(folder / "far.xlsx", {"基本信息": sheet('<row r="1048576"><c r="A1048576" t="n"><v>1</v></c></row>')})

    def wide(folder: Path) -> Path:
        return minimal_xlsx(folder / "wide.xlsx", {"基本信息": sheet('<row r="1"><c r="XFD1" t="n"><v>1</v></c></row>',
                                                                   dimension="A1:XFD1")})

    def entities(folder: Path) -> Path:
        return minimal_xlsx(folder / "lol.xlsx", {"基本信息": sheet('<row r="1"><c r="A1" t="inlineStr"><is><t>&lol9;</t>'
                                                                  "</is></c></row>", doctype=ENTITY_BOMB.replace("lolz", "worksheet"))})

    def corrupt(folder: Path) -> Path:
        good = _workbook(folder)
        return replaced_member(good, folder / "corrupt.xlsx", sheet_member(good)["基本信息"], b"<worksheet><sheetData><row")

    def not_zip(folder: Path) -> Path:
        (folder / "x.xlsx").write_text("not a zip", encoding="utf-8")
        return folder / "x.xlsx"

    def truncated(folder: Path) -> Path:
        data = _workbook(folder).read_bytes()
        (folder / "cut.xlsx").write_bytes(data[: len(data) // 2])
        return folder / "cut.xlsx"

    return [refused("xlsx-zip-bomb", bomb, says="压缩炸弹"), refused("xlsx-ratio-bomb", ratio, says="压缩炸弹"),
            refused("xlsx-many-members", members, says="部件"), refused("xlsx-million-rows", rows(1_000_000), says="过大"),
            refused("xlsx-hundred-thousand-rows", rows(100_000), says="行"),
            refused("xlsx-far-row", far_row, says="行"), refused("xlsx-wide-row", wide, says="列"),
            refused("xlsx-wide-row-undeclared", lambda f: minimal_xlsx(f / "w.xlsx", {"基本信息": sheet(
                '<row r="1"><c r="XFD1" t="n"><v>1</v></c></row>')}), says="缺少工作表"),
            refused("xlsx-entity-bomb", entities, says="Excel"), refused("xlsx-corrupt-sheet", corrupt, says="Excel"),
            refused("xlsx-not-a-zip", not_zip, says="Excel"), refused("xlsx-truncated", truncated, says="Excel"),
            refused("xlsx-bomb-in-workbook-command", bomb, command="workbook", says="压缩炸弹")]


def _yaml() -> list[Case]:
    def text(name: str, body: str):
        def make(folder: Path) -> Path:
            (folder / name).write_text(body, encoding="utf-8")
            return folder / name
        return make

    laughs = "a: &a [x, x, x, x, x, x, x, x, x]\n" + "".join(
        f"{chr(98 + i)}: &{chr(98 + i)} [{', '.join([f'*{chr(97 + i)}'] * 9)}]\n" for i in range(9))

    def special(kind: str):
        def make(folder: Path) -> Path:
            if kind == "fifo":
                os.mkfifo(folder / "fifo.yaml")
                return folder / "fifo.yaml"
            if kind == "dir":
                (folder / "dir.yaml").mkdir()
                return folder / "dir.yaml"
            return Path("/dev/zero")
        return make

    many = "文档类型: 部门决算\n说明:\n" + "".join(f"  - {i}\n" for i in range(250_000))
    return [refused("yaml-billion-laughs", text("lol.yaml", laughs), says="别名"),
            refused("yaml-alias-chain-in-check", text("lol.yaml", laughs), command="check", says="别名"),
            refused("yaml-too-large", text("big.yaml", "说明: [" + "1, " * 3_000_000 + "1]\n"), says="过大"),
            refused("yaml-deep-nesting", text("deep.yaml", "a: " + "[" * 100_000 + "]" * 100_000 + "\n"), says="嵌套"),
            refused("yaml-deep-mappings", text("deepmap.yaml", "".join(" " * i + "a:\n" for i in range(300)) + " " * 300 + "a: 1\n"),
                    says="嵌套"),
            refused("yaml-too-many-values", text("many.yaml", many), says="数据项"),
            refused("yaml-fifo", special("fifo"), says="不是普通文件"),
            refused("yaml-directory", special("dir"), says="dir.yaml"),  # build reads a folder as a batch: it names it
            refused("yaml-dev-zero", special("zero"), says="不是普通文件"),
            refused("yaml-dev-zero-in-diff", special("zero"), command="diff", says="不是普通文件", code=2)]


def _long_texts() -> list[Case]:
    """A paragraph of 90,000 characters builds, in time; one of 1.6 million is refused on its line."""
    lead = "    - 宁夏海原县高崖乡卫生院部门的主要职责是："

    def long(n: int) -> list[tuple[str, str]]:
        return [(lead, "    - " + "承担辖区内常见病、多发病的诊疗。" * n + lead[6:])]

    def prepare(folder: Path) -> Plan:
        path = copy_example(HAIYUAN, folder / "in", long(5_600))

        def verify(o: Outcomes) -> None:
            got = o["build"]
            assert isinstance(got, Outcome) and got.code == 0, got.text[-2000:]

        return Plan({"build": build(path, folder)}, verify)

    return [Case("long-free-text-builds", "bounds", prepare),
            data_case("very-long-free-text", "bounds", HAIYUAN, long(100_000), ["文字超过"], marker="承担辖区内")]


def _audit() -> list[Case]:
    def docx_of(folder: Path) -> Path:
        from reportgen.run import build as run
        from reportgen.writers.docx import write

        built = run(HAIYUAN)
        [(name, data)] = [(n, d) for n, d in write(built.document, "own").items() if n.endswith(".docx")]
        (folder / name).write_bytes(data)
        return folder / name

    def docx_bomb(folder: Path) -> Path:
        return zeros_member(folder / "bomb.docx", docx_of(folder), "word/media/image9.bin", 300 << 20)

    def docx_members(folder: Path) -> Path:
        return many_members(folder / "many.docx", docx_of(folder), 6000)

    def docx_entities(folder: Path) -> Path:
        xml = (ENTITY_BOMB.replace("lolz", "w:document") + '<w:document xmlns:w="http://schemas.openxmlformats.org/'
               'wordprocessingml/2006/main"><w:body><w:p><w:r><w:t>&lol9;</w:t></w:r></w:p></w:body></w:document>')
        return replaced_member(docx_of(folder), folder / "lol.docx", "word/document.xml", xml.encode("utf-8"))

    def huge_text(folder: Path) -> Path:
        with open(folder / "huge.txt", "wb") as f:
            f.truncate(70 << 20)
        return folder / "huge.txt"

    def pdf(folder: Path) -> Path:
        return pdf_bomb(folder / "bomb.pdf", 200 << 20)

    def html_entities(folder: Path) -> Path:
        (folder / "lol.html").write_text(ENTITY_BOMB.replace("lolz", "html") + "<html><body><p>&lol9;</p></body></html>",
                                         encoding="utf-8")
        return folder / "lol.html"

    def fifo(folder: Path) -> Path:
        os.mkfifo(folder / "pipe.txt")
        return folder / "pipe.txt"

    def deep_html(folder: Path) -> Path:
        (folder / "deep.html").write_text("<div>" * 200_000 + "x" + "</div>" * 200_000, encoding="utf-8")
        return folder / "deep.html"

    return [refused("audit-docx-zip-bomb", docx_bomb, command="audit", says="压缩炸弹"),
            refused("audit-docx-many-members", docx_members, command="audit", says="部件"),
            refused("audit-docx-entity-bomb", docx_entities, command="audit", says="Word"),
            refused("audit-text-too-large", huge_text, command="audit", says="过大"),
            refused("audit-pdf-bomb", pdf, command="audit", says="上限"),
            refused("audit-fifo", fifo, command="audit", says="不是普通文件"),
            bounded_only("audit-html-entity-bomb", html_entities), bounded_only("audit-html-deep", deep_html)]


def bounded_only(name: str, make) -> Case:
    """An audit input that may be read or refused, as long as it stays within the bounds."""
    def prepare(folder: Path) -> Plan:
        folder.joinpath("in").mkdir()
        path = make(folder / "in")

        def verify(o: Outcomes) -> None:
            got = o["audit"]
            assert isinstance(got, Outcome) and got.code in (0, 1), got.text[-2000:]

        return Plan({"audit": Run(["audit", str(path)], folder)}, verify)

    return Case(name, "bounds", prepare)


CASES = [*_xlsx(), *_yaml(), *_long_texts(), *_audit()]
