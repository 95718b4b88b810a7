"""Table nodes of the 公开表, built from the table facts as the layout describes them.

Templates call `附表(key, title=…, number=…, unit_left=…, unit_right=…, note=…)`; `key` names a
table of the layout's description (版式.yaml `表:`), which gives its shape, its row source and
its columns by name. The words around a table come from the template, and the note prints only
when the table has no figures.
"""

from __future__ import annotations

from typing import Callable

from reportgen.core.style import NumberStyle
from reportgen.document.nodes import Table
from reportgen.errors import TemplateError
from reportgen.kinds.final_accounts.facts import FinalAccountsFacts
from reportgen.kinds.final_accounts.table_grid import Cells
from reportgen.kinds.final_accounts.table_shapes import SHAPES
from reportgen.layouts import Layout


def table_maker(facts: FinalAccountsFacts, style: NumberStyle, layout: Layout, blank_zeros: bool = True
                ) -> Callable[..., Table]:
    """The `附表(key, …)` function templates call to place a 公开表 of the layout."""
    cells = Cells(style, blank_zeros)

    def 附表(key: str, title: str = "", number: str = "", unit_left: str = "", unit_right: str = "",
           note: str = "") -> Table:
        spec = layout.tables.get(key)
        if spec is None:
            raise TemplateError(f"版式“{layout.name}”没有名为“{key}”的表（可选：{'、'.join(layout.tables)}）")
        shape = SHAPES.get(spec.get("形式", "科目"))
        if shape is None:
            raise TemplateError(f"版式“{layout.name}”的表“{key}”：不认识的形式“{spec.get('形式')}”（可选：{'、'.join(SHAPES)}）")
        grid = shape(spec, facts, cells)
        notes = (note,) if note and grid.empty else ()
        return Table(title or key, grid.header, grid.body, number=number, unit_left=unit_left,
                     unit_right=unit_right, notes=notes, widths=grid.widths, landscape=grid.landscape)

    return 附表
