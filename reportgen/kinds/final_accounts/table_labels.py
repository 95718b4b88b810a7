"""The fixed labels of the 13 公开表: column headings and the row labels of the two 收支总表.

Titles, 公开NN表 numbers, the 单位 line and the empty-table notes are wording and come from
the template (第五部分_附表.md.j2); these labels are the printed forms' own, the same for every
unit. Layouts follow conventions.md §2.4; the choices made where it says [verify]:

* 科目编码 is one column (3/5/7 digits for 类/款/项), beside 科目名称; a 栏次 row numbers the
  value columns; the 合计 row comes first.
* Spending by 功能分类 lists only the 类/款/项 the unit has (the official forms list every
  类 with blanks).
* 财政拨款支出决算明细表 (05) and 一般公共预算财政拨款支出决算明细表 (07) are by 部门预算支出经济
  分类 (as the 决算 form 财决08 is): 合计 | 基本支出 (小计 / 人员经费 / 公用经费) | 项目支出.
* 一般公共预算财政拨款项目支出决算表 (09) is by 经济分类 too, one block: 科目编码 | 科目名称 | 决算数.
* 政府性基金 (10) and 国有资本经营 (11) 收入支出决算表: 年初结转和结余 | 本年收入 | 本年支出
  (小计 / 基本支出 / 项目支出) | 年末结转和结余, by 功能分类.
* "三公" (13): 预算数 and 决算数, each 合计 | 因公出国（境）费 | 公务用车购置及运行费 (小计 / 购置费 /
  运行费) | 公务接待费, one row.
"""

from __future__ import annotations

PROJECT = "项目"
CODE, NAME = "科目编码", "科目名称"
LINE, AMOUNT = "行次", "金额"
COLUMN_NUMBERS = "栏次"
TOTAL, SUBTOTAL = "合计", "小计"
INCOME, SPENDING = "收入", "支出"

#: 收入支出决算总表: the rows under the two sides' lists, (收入 label, 支出 label).
OVERVIEW_FOOTER = (
    ("本年收入合计", "本年支出合计"),
    ("使用非财政拨款结余", "结余分配"),
    ("年初结转和结余", "年末结转和结余"),
    ("总计", "总计"),
)

INCOME_COLUMNS = ("本年收入合计", "财政拨款收入", "上级补助收入", "事业收入", "经营收入", "附属单位上缴收入", "其他收入")
SPENDING_COLUMNS = ("本年支出合计", "基本支出", "项目支出", "上缴上级支出", "经营支出", "对附属单位补助支出")

#: 财政拨款收入支出决算总表
FUND_NAMES = ("一般公共预算财政拨款", "政府性基金预算财政拨款", "国有资本经营预算财政拨款")
FISCAL_INCOME_TOTAL, FISCAL_SPENDING_TOTAL = "本年收入合计", "本年支出合计"
FISCAL_OPENING, FISCAL_CLOSING = "年初财政拨款结转和结余", "年末财政拨款结转和结余"
GRAND_TOTAL = "总计"

#: 一般公共预算 / 国有资本经营预算 支出决算表
THIS_YEAR_SPENDING = "本年支出"
NATURE = ("基本支出", "项目支出")

#: 支出决算明细表 by 经济分类
BASIC = "基本支出"
BASIC_PARTS = ("人员经费", "公用经费")
PROJECT_SPENDING = "项目支出"

#: 基本支出决算表
PERSONNEL, PUBLIC = "人员经费", "公用经费"
OUTTURN = "决算数"
PERSONNEL_TOTAL, PUBLIC_TOTAL = "人员经费合计", "公用经费合计"

#: 政府性基金 / 国有资本经营预算 收入支出决算表
FUND_FLOW = ("年初财政拨款结转和结余", "本年财政拨款收入", "本年财政拨款支出", "年末财政拨款结转和结余")

#: 财政拨款“三公”经费支出决算表
BUDGET, ACTUAL = "预算数", "决算数"
ABROAD, CARS, RECEPTION = "因公出国（境）费", "公务用车购置及运行费", "公务接待费"
CAR_PARTS = ("公务用车购置费", "公务用车运行费")
