"""`next-year`: next year's data file, started from this year's.

This year's 决算 figures become 上年 (上年决算 from the computed totals, the “三公” 上年决算,
机关运行经费 上年) and this year's closing carry-over next year's opening; the unit's 职责,
机构设置, layout, style, 名词解释, 科目名称 and template choices stay. Everything that is this
year's figure or reason is cleared and marked 待填 — the 项 lists keep their codes (and names) with
empty 预算数/决算数, so `import --into` fills them from next year's tables and a file nobody
filled can never build. The file is rewritten with ruamel.yaml, so its comments stay.
"""

from __future__ import annotations

from dataclasses import dataclass
from decimal import Decimal
from pathlib import Path
from typing import Any

from ruamel.yaml.comments import CommentedMap, CommentedSeq

from reportgen.core.yamlfile import parse_yaml
from reportgen.errors import DataError, DataErrors
from reportgen.workbook.publish_import import _dotted, _nulls
from reportgen.workbook.publish_import.merge import _child, note as _note
from reportgen.workbook.publish_import.yamlout import to_text, yaml

TODO = "待填"
FUND_LISTS = ("一般公共预算财政拨款支出", "政府性基金预算财政拨款支出", "国有资本经营预算财政拨款支出")
CLEARED_LISTS = ("一般公共预算财政拨款项目支出", "其他财政拨款支出经济分类", "非财政拨款收支")


@dataclass(frozen=True)
class Rolled:
    text: str
    checklist: tuple[str, ...]


def roll_forward(path: Path) -> Rolled:
    """The text of next year's data file made from the 决算 data file at `path`."""
    from reportgen.run import check  # deferred: the whole pipeline, only this command needs it

    checked = check(path)
    if checked.errors or checked.facts is None:
        raise DataErrors(checked.errors or [DataError("数据文件有错误，无法结转", file=str(path))])
    if getattr(checked.data, "文档类型", "") != "部门决算":
        raise DataError("next-year 只用于部门决算数据文件", file=str(path), field="文档类型")
    doc = yaml().load(path.read_text(encoding="utf-8"))
    r = _Roller(doc, checked.data, checked.facts)
    r.unit_and_year()
    r.prior_year()
    r.clear_this_year()
    text = to_text(doc)
    data, lines = parse_yaml(text, str(path))
    found = sorted((lines.get(p, 0), _dotted(p)) for p in _nulls(data, ()))
    sections: dict[str, list[tuple[int, str]]] = {}
    for line, field in found:
        sections.setdefault(field.split(".")[0].split("[")[0], []).append((line, field))
    out = [f"{items[0][0]}: {name}（{len(items)} 处）" for name, items in sections.items()]
    if checked.data.附件:
        out.append(f"{lines.get(('附件',), 0)}: 附件仍指向上一年度的绩效自评文件，请换成本年度的")
    return Rolled(text, tuple(out))


class _Roller:
    def __init__(self, doc: CommentedMap, data: Any, facts: Any):
        self.doc, self.data, self.f = doc, data, facts
        self.scale = Decimal(10000) if str(doc.get("金额单位")) == "元" else Decimal(1)

    def money(self, wan: Decimal) -> Decimal:
        """A figure of the model (万元) in the file's own unit."""
        return (wan * self.scale).normalize()

    def set(self, node: CommentedMap, key: str, value: Any, why: str = "") -> None:
        if getattr(node, "fa", None) is not None and node.fa.flow_style() and value is None:
            node.fa.set_block_style()
        node[key] = value
        if why and not node.fa.flow_style():
            _note(node, key, why)

    def clear(self, node: CommentedMap, keys: Any, empty: Any = None) -> None:
        for k in list(keys):
            if k in node:
                self.set(node, k, empty, TODO)

    def unit_and_year(self) -> None:
        unit = _child(self.doc, "单位")
        year = self.data.单位.报告年度
        self.set(unit, "报告年度", year + 1, f"由 {year} 年度结转")
        unit.pop("公开时间", None)
        if unit.get("封面标题"):
            unit["封面标题"] = str(unit["封面标题"]).replace(str(year), str(year + 1))

    def prior_year(self) -> None:
        f, prior = self.f, _child(self.doc, "上年决算")
        figures = {"收支总计": f.收入总计, "财政拨款收支总计": f.财政拨款收支总计, "一般公共预算财政拨款支出": f.一般公共预算支出,
                   "本年收入合计": f.本年收入合计, "本年支出合计": f.本年支出合计, "年末结转和结余": f.年末结转和结余}
        for k, v in figures.items():
            if k in prior or k in ("收支总计", "财政拨款收支总计", "一般公共预算财政拨款支出"):
                self.set(prior, k, self.money(v), f"{self.data.单位.报告年度} 年度决算数")
        three = _child(self.doc, "三公经费")
        last = self.data.三公经费.决算
        self.set(three, "上年决算", CommentedMap([("因公出国（境）费", self.money(last.因公出国费)),
                                               ("公务用车购置费", self.money(last.公务用车购置费)),
                                               ("公务用车运行维护费", self.money(last.公务用车运行维护费)),
                                               ("公务接待费", self.money(last.公务接待费))]))
        running = self.doc.get("机关运行经费")
        if isinstance(running, CommentedMap) and self.data.机关运行经费 is not None:
            self.set(running, "上年", self.money(self.data.机关运行经费.本年), f"{self.data.单位.报告年度} 年度数")
            self.set(running, "本年", None, TODO)
            self.set(running, "原因", "", TODO)

    def clear_this_year(self) -> None:
        doc, f = self.doc, self.f
        for section in ("收入", "支出"):
            if isinstance(doc.get(section), CommentedMap):
                self.clear(doc[section], list(doc[section]))
        carry = _child(doc, "结转结余")
        for k in ("年末结转和结余", "年末财政拨款结转和结余"):
            carry.pop(k, None)
        self.set(carry, "年初结转和结余", self.money(f.年末结转和结余), "上年年末数")
        self.set(carry, "年初财政拨款结转和结余", self.money(f.年末财政拨款结转和结余), "上年年末数")
        self.clear(carry, ("使用非财政拨款结余", "结余分配"))
        if isinstance(doc.get("变动原因"), CommentedMap):
            self.clear(doc["变动原因"], list(doc["变动原因"]), "")
        for name in FUND_LISTS:
            self._fund_list(name)
        for name in CLEARED_LISTS:
            if name in doc:
                doc[name] = CommentedSeq()
        basic = doc.get("一般公共预算财政拨款基本支出")
        for group in ("人员经费", "公用经费"):
            node = basic.get(group) if isinstance(basic, CommentedMap) else None
            if isinstance(node, CommentedMap):
                self.set(node, "金额", None, TODO)
                node.pop("经济分类", None)
                for item in node.get("明细") or []:
                    if isinstance(item, CommentedMap):
                        item.pop("金额", None)
        self._three_public()
        for section in ("政府采购",):
            if isinstance(doc.get(section), CommentedMap):
                self.clear(doc[section], list(doc[section]))
        assets = doc.get("国有资产")
        if isinstance(assets, CommentedMap):
            if isinstance(assets.get("车辆"), CommentedMap):
                self.clear(assets["车辆"], list(assets["车辆"]))
            self.clear(assets, ("单价50万元以上通用设备", "单价100万元以上专用设备"))
        perf = doc.get("预算绩效管理")
        if isinstance(perf, CommentedMap):
            perf.pop("事前评估项目数", None)
            if "事前评估项目" in perf:
                perf["事前评估项目"] = CommentedSeq()
            self.clear(perf, ("绩效目标项目数", "绩效监控项目数", "自评情况"))
        doc.pop("说明", None)  # notes on this year's figures

    def _fund_list(self, name: str) -> None:
        items = self.doc.get(name)
        if not isinstance(items, CommentedSeq):
            return
        closing = {i.科目编码: i.年末结转和结余 for i in getattr(self.data, name)}
        for item in items:
            if not isinstance(item, CommentedMap):
                continue
            code = str(item.get("科目编码"))
            for k in ("基本支出", "项目支出", "年初结转和结余", "年末结转和结余"):
                item.pop(k, None)
            self.set(item, "预算数", None, TODO)
            self.set(item, "决算数", None, TODO)
            if "原因" in item:
                self.set(item, "原因", "")
            if closing.get(code):
                self.set(item, "年初结转和结余", self.money(closing[code]), "上年年末数")

    def _three_public(self) -> None:
        three = _child(self.doc, "三公经费")
        for side in ("预算", "决算"):
            self.set(three, side, CommentedMap((k, None) for k in
                                               ("因公出国（境）费", "公务用车购置费", "公务用车运行维护费", "公务接待费")))
            for k in three[side]:
                _note(three[side], k, TODO)
        self.clear(three, ("因公出国（境）团组数", "因公出国（境）人次"))
        for key in ("公务用车购置", "公务用车保有量", "国内公务接待", "外事接待"):
            node = three.get(key)
            if isinstance(node, CommentedMap):
                for k in list(node):
                    if isinstance(node[k], CommentedMap):
                        self.clear(node[k], list(node[k]))
                    else:
                        self.set(node, k, None, TODO)
        if "预决算差异原因" in three:
            self.set(three, "预决算差异原因", "", TODO)
