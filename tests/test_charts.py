"""Charts: placed by the templates, numbered 图N, drawn from the facts the text prints, byte-stable."""

from __future__ import annotations

import dataclasses
import hashlib
import math
import os
import re
import subprocess
import sys
import zipfile
from decimal import Decimal

import pytest
from hypothesis import given
from hypothesis import strategies as st
from lxml import etree

from examples import IDS, ROOT, built, markdown
from examples import SICHUAN as EXAMPLES  # the layout that draws charts
from reportgen.charts import chart_data, render_svg
from reportgen.document.nodes import Figure, Heading, Paragraph, Series
from reportgen.document.reader import read
from reportgen.errors import WriterError
from reportgen.kinds.final_accounts.facts import Part
from reportgen.core.numbers import quantize
from reportgen.phrasing.numbers import format_amount
from reportgen.run import build, facts_as_json
from reportgen.writers.markdown import render_text, write

NAMES = sorted(EXAMPLES)
QUXIAN = "渠县城乡居民社会养老保险管理局-2023"

#: The Sichuan layout: each chart's title and the 一、/（一） it is placed under.
LAYOUT = [
    ("收、支决算总计变动情况图", "一、", ""),
    ("收入决算结构图", "二、", ""),
    ("支出决算结构图", "三、", ""),
    ("财政拨款收、支决算总计变动情况图", "四、", ""),
    ("一般公共预算财政拨款支出决算变动情况图", "五、", "（一）"),
    ("一般公共预算财政拨款支出决算结构图", "五、", "（二）"),
    ("“三公”经费财政拨款支出结构图", "七、", "（二）"),
]


def placed_figures(document):
    """Each Figure with the section it stands in and the paragraph just before it."""
    section, sub, before, out = "", "", "", []
    for block in document.blocks:
        if isinstance(block, Heading) and block.level == 2:
            section, sub = block.label, ""
        elif isinstance(block, Heading) and block.level == 3:
            sub = block.label
        elif isinstance(block, Paragraph):
            before = block.full_text
        elif isinstance(block, Figure):
            out.append((block, section, sub, before))
    return out


def figures(name):
    return [f for f, *_ in placed_figures(built(name).document)]


@pytest.mark.parametrize("name", NAMES, ids=IDS.get)
def test_the_layout_places_each_chart_under_its_section(name):
    assert [(f.title, section, sub) for f, section, sub, _ in placed_figures(built(name).document)] == LAYOUT


@pytest.mark.parametrize("name", NAMES, ids=IDS.get)
def test_drawn_charts_are_numbered_in_document_order_and_empty_ones_take_no_number(name):
    figs = figures(name)
    # Both examples spent nothing on 三公: that pie has nothing to draw; their income is all
    # 一般公共预算财政拨款收入: a pie of one slice says nothing the sentence does not.
    assert [f.label for f in figs] == ["图1", "", "图2", "图3", "图4", "图5", ""]
    assert [f.is_empty for f in figs] == [False, True, False, False, False, False, True]


@pytest.mark.parametrize("name", NAMES, ids=IDS.get)
def test_bar_charts_show_the_figures_of_the_sentence_before_them(name):
    style = built(name).data.样式
    for fig, _, _, sentence in placed_figures(built(name).document):
        if fig.kind != "bar":
            continue
        previous, current = fig.series
        for before, now, label in zip(previous.values, current.values, current.labels):
            assert label == format_amount(now, style) and f"{label}万元" in sentence
            # Last year's bar is what the sentence's 增加/减少 is measured from.
            assert f"{format_amount(abs(quantize(now - before, style.amount_places)), style)}万元" in sentence
        assert previous.labels == tuple(format_amount(v, style) for v in previous.values)


@pytest.mark.parametrize("name", NAMES, ids=IDS.get)
def test_pie_slices_print_the_shares_of_the_sentence_before_them(name):
    style = built(name).data.样式
    for fig, _, _, sentence in placed_figures(built(name).document):
        if fig.kind != "pie":
            continue
        (series,) = fig.series
        for category, value, label in zip(fig.categories, series.values, series.labels):
            # "因公出国（境）费支出决算0万元，占0%": the 三公 list puts a word between name and amount.
            start = sentence.index(category)
            clause = sentence[start:sentence.index("，占", start) + 2 + len(label)]
            assert clause.endswith(f"{format_amount(value, style)}万元，占{label}"), clause


@pytest.mark.parametrize("name", NAMES, ids=IDS.get)
def test_chart_values_are_the_facts(name):
    f = built(name).facts
    by_title = {fig.title: fig for fig in figures(name)}

    def pie_of(parts: tuple[Part, ...]):
        return tuple(p.名称 for p in parts), tuple(p.金额 for p in parts)

    for title, parts in [("收入决算结构图", f.收入构成), ("支出决算结构图", f.支出构成),
                         ("一般公共预算财政拨款支出决算结构图", f.一般公共预算类构成),
                         ("“三公”经费财政拨款支出结构图", f.三公构成)]:
        fig = by_title[title]
        assert (fig.categories, fig.series[0].values) == pie_of(parts)
    for title, change, current in [
        ("收、支决算总计变动情况图", f.收支总计变动, (f.收入总计, f.支出总计)),
        ("财政拨款收、支决算总计变动情况图", f.财政拨款收支总计变动, (f.财政拨款收支总计,) * 2),
        ("一般公共预算财政拨款支出决算变动情况图", f.一般公共预算支出变动, (f.一般公共预算支出,)),
    ]:
        previous, now = by_title[title].series
        assert now.values == current and set(previous.values) == {change.previous}
        assert (previous.name, now.name) == (f"{f.上年}年", f"{f.本年}年")


@pytest.mark.parametrize("name", NAMES, ids=IDS.get)
def test_figures_snapshot(name, snapshot_json):
    assert [facts_as_json(f) for f in figures(name)] == snapshot_json


def test_reader_numbers_figures_and_keeps_a_template_label():
    def fig(*values, label=""):
        return Figure("pie", "结构图", ("甲", "乙")[: len(values)], (Series("决算数", values),), label=label)

    blocks = [fig(Decimal(1), Decimal(5)), fig(Decimal(0), Decimal(0)), fig(Decimal(2), Decimal(3)),
              fig(Decimal(4), label="附图A"), fig(Decimal(4), Decimal(0))]
    doc = read("\n".join(f"::block {i}" for i in range(5)), blocks)
    assert [b.label for b in doc.blocks] == ["图1", "", "图2", "附图A", ""]


def test_an_empty_chart_prints_its_fallback_sentence_and_draws_no_image():
    empty = Figure("pie", "“三公”经费财政拨款支出结构图", ("公务接待费",), (Series("决算数", (Decimal(0),)),),
                   fallback="本年度“三公”经费财政拨款支出为0，无结构图。")
    doc = read("具体情况如下：\n::block 0", [empty])
    files = write(doc, "单位")
    assert list(files) == ["单位.md"]
    assert files["单位.md"].decode() == "具体情况如下：\n\n本年度“三公”经费财政拨款支出为0，无结构图。\n"
    with pytest.raises(WriterError, match="全为零"):
        render_svg(empty)


def test_a_template_chooses_the_fallback_wording(tmp_path):
    override = tmp_path / "情况说明" / "三公经费.md.j2"
    override.parent.mkdir(parents=True)
    override.write_text('{% extends "builtin/情况说明/三公经费.md.j2" %}\n'
                        '{% block 结构图 %}{{ block(图.三公结构("“三公”经费财政拨款支出结构图", '
                        '无图时="本年度未发生“三公”经费支出，无结构图。")) }}\n{% endblock %}\n',
                        encoding="utf-8")
    md = render_text(build(EXAMPLES[QUXIAN], [tmp_path]).document)
    assert "占0%。\n\n本年度未发生“三公”经费支出，无结构图。\n\n具体情况如下：\n\n1.因公出国" in md
    assert "结构图](" not in md.split("公务接待费支出决算")[1].split("1.因公出国")[0]


def test_a_zero_chart_is_replaced_by_a_sentence_by_default():
    md = markdown(QUXIAN)
    assert "占0%。\n\n2023年“三公”经费财政拨款支出为0万元，故无结构图。\n\n具体情况如下：" in md


SVG = "{http://www.w3.org/2000/svg}"


def svg_of(figure: Figure) -> etree._Element:
    return etree.fromstring(render_svg(figure))


def shapes(svg: etree._Element, css: str) -> list[etree._Element]:
    return svg.findall(f".//{SVG}*[@class='{css}']")


@pytest.mark.parametrize("name", NAMES, ids=IDS.get)
def test_markdown_links_each_drawn_chart_to_an_svg_beside_it(name):
    document = built(name).document
    files = write(document, "单位决算")
    md = files["单位决算.md"].decode()
    images = sorted(n for n in files if n != "单位决算.md")
    assert images == [f"单位决算_图/图{n}.svg" for n in range(1, 6)]
    drawn = [f for f in figures(name) if not f.is_empty]
    for figure, image in zip(drawn, images):
        assert f"![{figure.label} {figure.title}]({image})" in md
        assert files[image] == render_svg(figure)
    assert "“三公”经费财政拨款支出结构图" not in md


@pytest.mark.parametrize("name", NAMES, ids=IDS.get)
def test_svg_draws_one_shape_per_nonzero_value_and_prints_the_texts_labels(name):
    for figure in figures(name):
        if figure.is_empty:
            continue
        svg = svg_of(figure)
        assert svg.findtext(f"{SVG}title") == f"{figure.label} {figure.title}"
        nonzero = [(s, i) for s in figure.series for i, v in enumerate(s.values) if v]
        if figure.kind == "bar":
            assert len(shapes(svg, "bar")) == len(nonzero) and not shapes(svg, "slice")
            printed = [t.text for t in shapes(svg, "value")]
            assert printed == [s.labels[i] for i in range(len(figure.categories)) for s in figure.series]
            assert [t.text for t in shapes(svg, "legend")] == [s.name for s in figure.series]
        else:
            assert len(shapes(svg, "slice")) == len(nonzero) and not shapes(svg, "bar")
            assert sorted(t.text for t in shapes(svg, "share")) == sorted(s.labels[i] for s, i in nonzero)
            assert [t.text for t in shapes(svg, "legend")] == [
                f"{figure.categories[i]} {s.labels[i]}" for s, i in nonzero]


def test_svg_bars_stand_on_the_axis_with_heights_in_proportion():
    fig = Figure("bar", "变动图", ("收入总计", "支出总计"), (
        Series("2022年", (Decimal("100"), Decimal("0")), ("100.00", "0")),
        Series("2023年", (Decimal("250"), Decimal("50")), ("250.00", "50.00"))))
    svg = svg_of(fig)
    bars = shapes(svg, "bar")
    heights = [Decimal(b.get("height")) for b in bars]
    assert heights[0] * 5 / 2 == heights[1] == heights[2] * 5  # 100 : 250 : 50
    bottoms = {Decimal(b.get("y")) + Decimal(b.get("height")) for b in bars}
    axis = shapes(svg, "axis")[0]
    assert bottoms == {Decimal(axis.get("y1"))}


def _at(x: float, y: float, cx: float, cy: float, turns: float) -> bool:
    """Whether (x, y) lies `turns` clockwise from twelve o'clock (to the printed precision)."""
    off = (math.atan2(x - cx, cy - y) / (2 * math.pi) - turns) % 1
    return min(off, 1 - off) < 1e-4


@given(st.lists(st.decimals(min_value=Decimal("0.01"), max_value=Decimal("100000"), places=2),
                min_size=2, max_size=12))
def test_svg_slices_are_the_values_shares_clockwise_from_twelve(values):
    labels = tuple(f"{i}%" for i in range(len(values)))
    fig = Figure("pie", "结构图", tuple(f"类{i}" for i in range(len(values))),
                 (Series("决算数", tuple(values), labels),))
    paths = [p.get("d") for p in shapes(svg_of(fig), "slice")]
    assert len(paths) == len(values)
    total = sum(values)
    start = 0.0
    for d, value in zip(paths, values):
        cx, cy, x0, y0, r, large, x1, y1 = (float(n) for n in re.fullmatch(
            r"M (\S+) (\S+) L (\S+) (\S+) A (\S+) \S+ 0 (\d) 1 (\S+) (\S+) Z", d).groups())
        share = float(value / total)
        assert _at(x0, y0, cx, cy, start) and large == (share > 0.5)
        start += share
        assert _at(x1, y1, cx, cy, start)
    assert paths[-1].endswith(f"{paths[0].split(' L ')[1].split(' A ')[0]} Z")  # the circle closes


def test_a_lone_slice_is_not_drawn_and_its_sentence_stands_alone():
    pie = next(f for f in figures(QUXIAN) if f.title == "收入决算结构图")
    assert pie.is_empty and pie.fallback == "" and not pie.label
    text = markdown(QUXIAN)
    assert "收入决算结构图" not in text and "一般公共预算财政拨款收入568.27万元，占100%" in text


def test_zero_slices_are_left_out_of_the_pie():
    pie = next(f for f in figures(QUXIAN) if f.title == "支出决算结构图")
    (series,) = pie.series
    kept = [i for i, v in enumerate(series.values) if v]
    assert len(kept) < len(series.values)
    nonzero = dataclasses.replace(pie, categories=tuple(pie.categories[i] for i in kept), series=(
        Series(series.name, tuple(series.values[i] for i in kept), tuple(series.labels[i] for i in kept)),))
    assert render_svg(pie) == render_svg(nonzero)
    assert chart_data(pie) == chart_data(nonzero)


@pytest.mark.parametrize("figure, message", [
    (Figure("pie", "图", ("甲", "乙"), (Series("决算数", (Decimal(-1), Decimal(2))),)), "负数"),
    (Figure("pie", "图", ("甲",), (Series("a", (Decimal(1),)), Series("b", (Decimal(1),)))), "一个系列"),
    (Figure("bar", "图", ("甲", "乙"), (Series("2023年", (Decimal(1),)),)), "个数不符"),
    (Figure("line", "图", ("甲",), (Series("2023年", (Decimal(1),)),)), "无法绘制"),  # type: ignore[arg-type]
])
def test_a_figure_that_cannot_be_drawn_is_a_clear_error(figure, message):
    with pytest.raises(WriterError, match=message):
        render_svg(figure)


def test_svg_escapes_text():
    fig = Figure("bar", "<图> & “引号”", ("A&B <c>",), (Series('"2023"年', (Decimal(1),), ("1.00",)),))
    svg = svg_of(fig)
    assert svg.findtext(f"{SVG}title") == "<图> & “引号”"
    assert [t.text for t in shapes(svg, "legend")] == ['"2023"年']


_FRESH = """
import hashlib, sys
from pathlib import Path
from reportgen.cli import main
sys.argv = ["reportgen", "build", sys.argv[1], "-o", "out", "-f", "md,docx"]
try:
    main()
except SystemExit as exit:
    assert not exit.code, exit.code
assert "matplotlib" not in sys.modules
for path in sorted(Path("out").rglob("*")):
    if path.is_file():
        print("FILE", path.relative_to("out").as_posix(), hashlib.sha256(path.read_bytes()).hexdigest())
"""


def test_a_machine_without_fonts_builds_the_charts_the_same_bytes_and_leaves_home_alone(tmp_path):
    home, tmp = tmp_path / "home", tmp_path / "tmp"
    home.mkdir(), tmp.mkdir()
    # Fontconfig with no font directory at all: the machine has no font, Chinese or other.
    fonts = tmp_path / "fonts.conf"
    fonts.write_text('<?xml version="1.0"?><fontconfig><cachedir>' + str(tmp_path / "fc") +
                     "</cachedir></fontconfig>", encoding="utf-8")
    env = {k: v for k, v in os.environ.items() if not k.startswith(("XDG_", "MPL"))}
    env.update(HOME=str(home), TMPDIR=str(tmp), PYTHONPATH=str(ROOT), PYTHONHASHSEED="random",
               FONTCONFIG_FILE=str(fonts))
    runs = []
    for _ in range(2):
        r = subprocess.run([sys.executable, "-c", _FRESH, str(EXAMPLES[QUXIAN])], capture_output=True,
                           text=True, env=env, cwd=tmp_path)
        assert r.returncode == 0, r.stderr
        runs.append(r.stdout)
    listed = dict(line.split()[1:] for line in runs[0].splitlines() if line.startswith("FILE "))
    stem = next(n for n in listed if n.endswith(".docx"))[:-5]
    assert sorted(listed) == sorted([f"{stem}.md", f"{stem}.docx", *(f"{stem}_图/图{n}.svg" for n in range(1, 6))])
    assert runs[0] == runs[1]  # byte-identical, whatever the hash seed
    here = {f"{stem}_图/{f.label}.svg": hashlib.sha256(render_svg(f)).hexdigest()
            for f in figures(QUXIAN) if not f.is_empty}
    assert {n: h for n, h in listed.items() if n.endswith(".svg")} == here
    with zipfile.ZipFile(tmp_path / "out" / f"{stem}.docx") as docx:
        assert sum(n.startswith("word/charts/chart") for n in docx.namelist()) == 5
    assert list(home.iterdir()) == []
    # Only our own caches go to the temporary directory (compiled templates, parsed catalogues), in one private folder.
    assert [p.name for p in tmp.iterdir()] == [f"reportgen-{os.getuid()}"]
