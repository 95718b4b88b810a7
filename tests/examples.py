"""The bundled examples, built once per test session."""

from __future__ import annotations

import os
from functools import cache
from pathlib import Path

from reportgen.run import Built, build
from reportgen.writers.markdown import render_text

ROOT = Path(__file__).resolve().parents[1]
#: The seeds beside the checkout (shared/seeds), or where REPORTGEN_SEEDS says (a worktree).
SEEDS = Path(os.environ.get("REPORTGEN_SEEDS") or ROOT.parent / "shared" / "seeds")
#: The 决算 examples of the 四川 layout (built from the seeds), with their charts.
SICHUAN = {
    "渠县城乡居民社会养老保险管理局-2023": ROOT / "data/examples/渠县城乡居民社会养老保险管理局-2023.yaml",
    "攀枝花市东区社会保险事务中心-2023": ROOT / "data/examples/攀枝花市东区社会保险事务中心-2023.yaml",
}
#: One 决算 example for each other built-in layout, following a real published document.
OTHER_LAYOUTS = {
    "海原县高崖乡卫生院-2023": ROOT / "data/examples/海原县高崖乡卫生院-2023.yaml",
    "开州区南雅镇中心幼儿园-2023": ROOT / "data/examples/开州区南雅镇中心幼儿园-2023.yaml",
    "广水市白泉卫生院-2023": ROOT / "data/examples/广水市白泉卫生院-2023.yaml",
}
EXAMPLES = {**SICHUAN, **OTHER_LAYOUTS}


#: Short ASCII ids for test names and snapshot files.
IDS = {"渠县城乡居民社会养老保险管理局-2023": "quxian-2023", "攀枝花市东区社会保险事务中心-2023": "panzhihua-2023",
       "海原县高崖乡卫生院-2023": "haiyuan-2023", "开州区南雅镇中心幼儿园-2023": "kaizhou-2023",
       "广水市白泉卫生院-2023": "guangshui-2023"}


@cache
def built(name: str) -> Built:
    return build(EXAMPLES[name])


@cache
def markdown(name: str) -> str:
    return render_text(built(name).document)
