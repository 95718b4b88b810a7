"""Charts: placed by the templates, numbered 图N, drawn from the facts the text prints, byte-stable."""

from __future__ import annotations

import dataclasses
import hashlib
import os
import struct
import subprocess
import sys
from decimal import Decimal
from pathlib import Path

import pytest

from examples import EXAMPLES, IDS, ROOT, built, markdown
from reportgen.charts import render_png, size_px
from reportgen.charts.fonts import find_cjk_family
from reportgen.document.nodes import Figure, Heading, Paragraph, Series
from reportgen.document.reader import read
from reportgen.errors import WriterError
from reportgen.kinds.final_accounts.facts import Part
from reportgen.core.numbers import quantize
from reportgen.phrasing.numbers import format_amount, format_percent
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
    # Both examples spent nothing on 三公: that pie has nothing to draw.
    assert [f.label for f in figs] == ["图1", "图2", "图3", "图4", "图5", "图6", ""]
    assert figs[-1].is_empty and not any(f.is_empty for f in figs[:-1])


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

    blocks = [fig(Decimal(1)), fig(Decimal(0), Decimal(0)), fig(Decimal(2), Decimal(3)),
              fig(Decimal(4), label="附图A")]
    doc = read("\n".join(f"::block {i}" for i in range(4)), blocks)
    assert [b.label for b in doc.blocks] == ["图1", "", "图2", "附图A"]


def test_an_empty_chart_prints_its_fallback_sentence_and_draws_no_image():
    empty = Figure("pie", "“三公”经费财政拨款支出结构图", ("公务接待费",), (Series("决算数", (Decimal(0),)),),
                   fallback="本年度“三公”经费财政拨款支出为0，无结构图。")
    doc = read("具体情况如下：\n::block 0", [empty])
    files = write(doc, "单位")
    assert list(files) == ["单位.md"]
    assert files["单位.md"].decode() == "具体情况如下：\n\n本年度“三公”经费财政拨款支出为0，无结构图。\n"
    with pytest.raises(WriterError, match="全为零"):
        render_png(empty)


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


@pytest.mark.parametrize("name", NAMES, ids=IDS.get)
def test_markdown_links_each_drawn_chart_to_a_png_beside_it(name):
    document = built(name).document
    files = write(document, "单位决算")
    md = files["单位决算.md"].decode()
    images = sorted(n for n in files if n != "单位决算.md")
    assert images == [f"单位决算_图/图{n}.png" for n in range(1, 7)]
    for n, image in enumerate(images, 1):
        assert f"]({image})" in md and files[image].startswith(b"\x89PNG\r\n\x1a\n")
    assert "“三公”经费财政拨款支出结构图" not in md


def png_chunks(data: bytes) -> dict[bytes, bytes]:
    chunks, i = {}, 8
    while i < len(data):
        (n,) = struct.unpack(">I", data[i:i + 4])
        chunks.setdefault(data[i + 4:i + 8], data[i + 8:i + 8 + n])
        i += 12 + n
    return chunks


def test_png_is_300_dpi_at_its_stated_size_without_metadata():
    chunks = png_chunks(render_png(figures(QUXIAN)[0]))
    assert struct.unpack(">II", chunks[b"IHDR"][:8]) == size_px() == (1200, 720)
    assert struct.unpack(">IIB", chunks[b"pHYs"]) == (7874, 7874, 1)  # 200 dpi in pixels per metre
    assert not {b"tEXt", b"iTXt", b"zTXt", b"tIME"} & set(chunks)


def test_zero_slices_are_left_out_of_the_pie():
    pie = next(f for f in figures(QUXIAN) if f.title == "支出决算结构图")
    (series,) = pie.series
    kept = [i for i, v in enumerate(series.values) if v]
    assert len(kept) < len(series.values)
    nonzero = dataclasses.replace(pie, categories=tuple(pie.categories[i] for i in kept), series=(
        Series(series.name, tuple(series.values[i] for i in kept), tuple(series.labels[i] for i in kept)),))
    assert render_png(pie) == render_png(nonzero)


def test_a_character_missing_from_the_font_is_an_error_not_a_box():
    fig = Figure("bar", "图", ("\ue000",), (Series("2023年", (Decimal(1),), ("1.00",)),))
    with pytest.raises(WriterError, match="fonts-noto-cjk"):
        render_png(fig)


def test_no_cjk_font_names_the_package_to_install():
    with pytest.raises(WriterError, match="fonts-noto-cjk"):
        find_cjk_family(("No Such Font CJK",), ())


_FRESH = """
import hashlib, sys
from reportgen.run import build
from reportgen.writers.markdown import image_names
import reportgen.charts
assert "matplotlib" not in sys.modules, "matplotlib imported before a chart is drawn"
doc = build(__import__("pathlib").Path(sys.argv[1])).document
for i in image_names(doc, "x"):
    print(hashlib.sha256(reportgen.charts.render_png(doc.blocks[i])).hexdigest())
"""


def test_a_fresh_process_draws_the_same_bytes_loads_matplotlib_lazily_and_leaves_home_alone(tmp_path):
    home, tmp = tmp_path / "home", tmp_path / "tmp"
    home.mkdir(), tmp.mkdir()
    unset = ("MPLCONFIGDIR", "XDG_CONFIG_HOME", "XDG_CACHE_HOME")
    env = {k: v for k, v in os.environ.items() if k not in unset}
    # A fresh temporary directory: matplotlib builds its font cache from nothing, as on a new machine.
    env.update(HOME=str(home), TMPDIR=str(tmp), PYTHONPATH=str(ROOT), PYTHONHASHSEED="random")
    r = subprocess.run([sys.executable, "-c", _FRESH, str(EXAMPLES[QUXIAN])], capture_output=True, text=True,
                       env=env, cwd=tmp_path)
    assert r.returncode == 0, r.stderr
    here = [hashlib.sha256(render_png(f)).hexdigest() for f in figures(QUXIAN) if not f.is_empty]
    assert r.stdout.split() == here
    assert list(home.iterdir()) == []
    # Only our own caches go to the temporary directory (the jinja one holds compiled templates).
    assert sorted(p.name for p in tmp.iterdir()) == [f"reportgen-jinja-{os.getuid()}",
                                                    f"reportgen-matplotlib-{os.getuid()}"]


def test_the_disk_cache_serves_the_same_bytes_as_drawing(tmp_path, monkeypatch):
    from reportgen.charts import cache

    monkeypatch.delenv("REPORTGEN_NO_CACHE")
    monkeypatch.setenv("REPORTGEN_CACHE_DIR", str(tmp_path))
    figure = next(f for f in figures(QUXIAN) if not f.is_empty)
    calls = []

    def draw(f):
        calls.append(f)
        return b"png-bytes"

    assert cache.cached(figure, "s", draw) == b"png-bytes"
    assert cache.cached(figure, "s", draw) == b"png-bytes" and len(calls) == 1
    assert cache.cached(figure, "other settings", draw) and len(calls) == 2
    assert len(list((tmp_path / f"reportgen-charts-{os.getuid()}").glob("*.png"))) == 2
