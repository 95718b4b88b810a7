"""README's "Writing a data file" names every field of the 决算 data file and every wording switch
of the built-in layouts, so a field added to the model or a 选项 added to a layout without its
documentation fails here."""

from __future__ import annotations

import re
import typing

from examples import ROOT
from reportgen.kinds.final_accounts.model import FinalAccounts
from reportgen.layouts import available, resolve
from reportgen.workbook.layout import fields, is_model, unwrap


def _section() -> str:
    text = (ROOT / "README.md").read_text(encoding="utf-8")
    return text[text.index("## Writing a data file"):text.index("## 绩效自评 data files")]


def _labels(model: type, out: set[str]) -> set[str]:
    for f in fields(model):
        out.add(f.label)
        t = unwrap(f.annotation)
        origin, args = typing.get_origin(t), typing.get_args(t)
        inner = unwrap(args[0]) if origin is list and args else t
        if is_model(inner):
            _labels(inner, out)
    return out


def test_every_field_of_the_data_file_is_documented():
    section = _section()
    missing = sorted(label for label in _labels(FinalAccounts, set()) if label not in section)
    assert missing == []


def test_every_wording_switch_of_every_layout_is_documented():
    section = _section()
    switches = {key for name in available("决算") for key in resolve("决算", name).options}
    switches -= {"标题"}  # the title pattern is the layout's, not a data file's choice
    assert sorted(s for s in switches if not re.search(re.escape(s), section)) == []
