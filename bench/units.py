"""Distinct 决算 data files made from the bundled examples, for the benchmarks (never committed).

Unit i is one of the four 决算 examples with its own name ("样本0042号" put before the unit's
name wherever the name occurs) and every amount multiplied by its own factor (0.50 to 3.00 in
steps of 0.01, exact in Decimal): totals that the file types stay equal to their parts, so each
unit passes its checks, while every printed figure differs. The amounts are found through the
model, not by guessing: a field counts as an amount when the model declares it Money.

`large_ledger(path, extra)` adds `extra` 项 to the 渠县 example, taking their money from one
项 so that every identity still holds.
"""

from __future__ import annotations

import typing
from decimal import Decimal
from pathlib import Path
from typing import Any

import yaml

from reportgen.core.model import Money
from reportgen.core.yamlfile import load_yaml
from reportgen.kinds.final_accounts.model import FinalAccounts

ROOT = Path(__file__).resolve().parents[1]
EXAMPLES = ROOT / "data" / "examples"
FINAL_ACCOUNTS = ["渠县城乡居民社会养老保险管理局-2023", "攀枝花市东区社会保险事务中心-2023",
                  "海原县高崖乡卫生院-2023", "开州区南雅镇中心幼儿园-2023"]
SHARED = "共用"  # beside the units' folder: the 模板 folders and 绩效 files the examples name


def scaled(value: Any, factor: Decimal, annotation: Any = FinalAccounts, metadata: tuple = ()) -> Any:
    """`value` (data as read) with every amount the model declares Money multiplied by `factor`."""
    if _is_money(annotation, metadata):
        return Decimal(value) * factor if isinstance(value, (int, Decimal)) and not isinstance(value, bool) else value
    annotation = _without_none(annotation)
    if typing.get_origin(annotation) is typing.Annotated:  # a model with validators of its own
        annotation = typing.get_args(annotation)[0]
    if isinstance(value, dict) and isinstance(annotation, type) and hasattr(annotation, "model_fields"):
        fields = {}
        for name, info in annotation.model_fields.items():
            fields[name] = fields[info.alias or name] = info
        return {k: scaled(v, factor, fields[k].annotation, tuple(fields[k].metadata)) if k in fields else v
                for k, v in value.items()}
    args = typing.get_args(annotation)
    if isinstance(value, dict) and len(args) == 2:  # dict[str, X]
        return {k: scaled(v, factor, args[1]) for k, v in value.items()}
    if isinstance(value, list) and len(args) == 1:  # list[X]
        return [scaled(v, factor, args[0]) for v in value]
    return value


_MONEY_CHECKS = typing.get_args(Money)[1:]


def _is_money(annotation: Any, metadata: tuple) -> bool:
    if any(m in _MONEY_CHECKS for m in metadata):
        return True  # pydantic keeps a field's own Annotated metadata apart from its type
    annotation = _without_none(annotation)
    return typing.get_origin(annotation) is typing.Annotated and typing.get_args(annotation)[1:] == _MONEY_CHECKS


def _without_none(annotation: Any) -> Any:
    args = typing.get_args(annotation)
    if typing.get_origin(annotation) in (typing.Union, getattr(__import__("types"), "UnionType", None)) \
            and type(None) in args:
        rest = [a for a in args if a is not type(None)]
        return rest[0] if len(rest) == 1 else annotation
    return annotation


def _renamed(value: Any, old: str, new: str) -> Any:
    if isinstance(value, dict):
        return {k: _renamed(v, old, new) for k, v in value.items()}
    if isinstance(value, list):
        return [_renamed(v, old, new) for v in value]
    return value.replace(old, new) if isinstance(value, str) else value


class _Dumper(yaml.SafeDumper):
    """Decimals written as plain numbers: reportgen reads their digits back exactly."""


def _decimal(dumper: yaml.SafeDumper, value: Decimal) -> yaml.ScalarNode:
    text = format(value.normalize(), "f") if value == value.to_integral_value() else format(value, "f")
    tag = "tag:yaml.org,2002:int" if "." not in text else "tag:yaml.org,2002:float"
    return dumper.represent_scalar(tag, text)


_Dumper.add_representer(Decimal, _decimal)


def dump(data: dict, path: Path) -> None:
    path.write_text(yaml.dump(data, Dumper=_Dumper, allow_unicode=True, sort_keys=False), encoding="utf-8")


def _shared_paths(data: dict) -> dict:
    """The example's 模板目录 and 附件 files, named from a unit in units/ (they lie in ../共用/)."""
    data = dict(data)
    if data.get("模板目录"):
        data["模板目录"] = [f"../{SHARED}/{d}" for d in data["模板目录"]]
    if data.get("附件"):
        data["附件"] = [{**a, "文件": f"../{SHARED}/{a['文件']}"} if isinstance(a, dict) and a.get("文件") else a
                      for a in data["附件"]]
    return data


def generate(n: int, folder: Path) -> list[Path]:
    """`n` distinct units in folder/units/, the files they share in folder/共用/."""
    shared, units = folder / SHARED, folder / "units"
    units.mkdir(parents=True, exist_ok=True)
    _copy_shared(shared)
    sources = [(load_yaml(EXAMPLES / f"{stem}.yaml")[0]) for stem in FINAL_ACCOUNTS]
    paths = []
    for i in range(n):
        source = sources[i % len(sources)]
        name = source["单位"]["名称"]
        factor = Decimal(50 + (i * 37) % 251) / 100  # 0.50 … 3.00, every unit its own figures
        data = _renamed(scaled(source, factor), name, f"样本{i:04d}号{name}")
        data.update({k: v for k, v in _shared_paths(source).items() if k in ("模板目录", "附件")})
        path = units / f"{i:04d}.yaml"
        dump(data, path)
        paths.append(path)
    return paths


def _copy_shared(shared: Path) -> None:
    import shutil

    shared.mkdir(parents=True, exist_ok=True)
    for item in EXAMPLES.iterdir():
        target = shared / item.name
        if item.is_dir() and not target.exists():
            shutil.copytree(item, target)
        elif item.is_file():
            shutil.copy(item, target)


def large_ledger(folder: Path, extra: int) -> Path:
    """The 渠县 example with `extra` more 项 (each 1,000 元 of 项目支出, named and explained in the
    file, under new 款 of 类 208), their money taken from 项 2083001: every total unchanged."""
    data, _ = load_yaml(EXAMPLES / "渠县城乡居民社会养老保险管理局-2023.yaml")
    items = data["一般公共预算财政拨款支出"]
    donor = next(item for item in items if item["科目编码"] == 2083001)
    each = 1000
    assert donor["决算数"] > extra * each, "the donor 项 cannot fund that many"
    for key in ("预算数", "决算数", "项目支出"):
        donor[key] -= extra * each
    names, words = dict(data.get("科目名称") or {}), dict(data.get("名词解释") or {})
    for k in range(extra):
        kuan = f"208{50 + k // 99}"
        code = f"{kuan}{k % 99 + 1:02d}"
        names[kuan] = f"测试款{kuan}"
        names[code] = f"测试项{code}"
        words[code] = f"反映测试项{code}的支出。"
        items.append({"科目编码": int(code), "预算数": each, "决算数": each, "项目支出": each})
    data["科目名称"], data["名词解释"] = names, words
    # Beside the example's 模板 folder and 绩效 files, which it names as the example does.
    _copy_shared(folder / SHARED)
    path = folder / SHARED / f"ledger-{len(items)}.yaml"
    dump(data, path)
    return path
