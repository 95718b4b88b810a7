"""The resumed pass over a landscape section (writers/docx/flow.py) takes over the first
pass's rest where the two stand alike: the body must be what writing it all again gives."""

from __future__ import annotations

import pytest

from examples import EXAMPLES, IDS, built
from reportgen.writers.docx import flow


@pytest.mark.parametrize("name", EXAMPLES, ids=IDS.get)
def test_a_resumed_pass_that_takes_over_the_first_writes_the_same_body(name, monkeypatch):
    document = built(name).document
    spliced: list[bool] = []
    splice = flow._splice
    monkeypatch.setattr(flow, "_splice", lambda *a: (spliced.append(True), splice(*a)))
    taken_over = flow.body_parts(document)
    monkeypatch.setattr(flow, "_rejoins", lambda out, stood: False)  # write it all again
    assert taken_over == flow.body_parts(document)
    if name == "渠县城乡居民社会养老保险管理局-2023":  # its 附表's title is left behind
        assert spliced
