"""The bundled examples, built once per test session."""

from __future__ import annotations

from functools import cache
from pathlib import Path

from reportgen.run import Built, build
from reportgen.writers.markdown import render_text

ROOT = Path(__file__).resolve().parents[1]
SEEDS = ROOT.parent / "shared" / "seeds"
EXAMPLES = {
    "渠县城乡居民社会养老保险管理局-2023": ROOT / "data/examples/渠县城乡居民社会养老保险管理局-2023.yaml",
    "攀枝花市东区社会保险事务中心-2023": ROOT / "data/examples/攀枝花市东区社会保险事务中心-2023.yaml",
}


#: Short ASCII ids for test names and snapshot files.
IDS = {"渠县城乡居民社会养老保险管理局-2023": "quxian-2023", "攀枝花市东区社会保险事务中心-2023": "panzhihua-2023"}


@cache
def built(name: str) -> Built:
    return build(EXAMPLES[name])


@cache
def markdown(name: str) -> str:
    return render_text(built(name).document)
