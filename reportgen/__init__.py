"""reportgen: a unit's figures, entered once, into its 部门决算 and 绩效自评 documents."""

__version__ = "0.1.0"
