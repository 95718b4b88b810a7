"""A 决算 附件 (第四部分): a 绩效 data file whose reports it prints, or a bare title."""

# Annotations as objects, not strings: pydantic would otherwise compile each one at import (start-up time).

from typing import Any, Literal, Optional

from pydantic import model_validator

from reportgen.core.model import Model


class Annex(Model):
    """One 附件. `文件` is a 绩效 data file, relative to the 决算 data file; `内容` picks its
    部门整体 report, its 项目 reports, or both. A bare string in the data file is a title only."""

    标题: Optional[str] = None
    文件: Optional[str] = None
    内容: Literal["部门整体", "项目", "全部"] = "全部"

    @model_validator(mode="before")
    @classmethod
    def _title_only(cls, value: Any) -> Any:
        return {"标题": value} if isinstance(value, str) else value

    @model_validator(mode="after")
    def _something(self) -> "Annex":
        if not self.标题 and not self.文件:
            raise ValueError("附件须写明“文件”（绩效数据文件）或“标题”")
        return self
