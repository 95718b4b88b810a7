"""`reportgen catalogue [CODE|词]`: the bundled 科目 catalogues as a reader looks things up.

A code prints its entry — name, the 类 and 款 above it, older names by report year, the
explanation 名词解释 prints, and where the entry came from; a word lists every code whose name
(current or older) contains it. Functional codes start with 2, 部门预算 economic ones with 3,
政府预算 economic ones with 5, so one look-up serves all three catalogues.
"""

from __future__ import annotations

from reportgen.core.catalogue import FILES, Catalogue, Entry, bundled, sources

_LEVELS = {3: "类", 5: "款", 7: "项"}


def lookup(query: str = "", year: int | None = None) -> str:
    """The text `reportgen catalogue` prints for `query` (a code, a word, or nothing).

    >>> print(lookup("2130599", 2020))  # doctest: +ELLIPSIS
    2130599 其他扶贫支出（项，功能分类）
      类：213 农林水支出；款：21305 扶贫
      历年名称：报告年度 2020 年及以前“其他扶贫支出”；其后“其他巩固脱贫攻坚成果衔接乡村振兴支出”
      解释：反映其他用于巩固拓展脱贫攻坚成果同乡村振兴有效衔接方面的支出。
      来源：S0 ...
    >>> print(lookup("机关服务").splitlines()[0])  # doctest: +ELLIPSIS
    2010103 机关服务（项，功能分类）
    """
    query = query.strip()
    if not query:
        return _overview()
    found = [(name, e) for name, cat in _catalogues(year) for e in cat.search(query)]
    exact = [(name, e) for name, e in found if e.code == query]
    if exact or len(found) == 1:
        name, entry = (exact or found)[0]
        return _entry(name, entry, year)
    if not found:
        return f"科目表中没有“{query}”：可按编码（如 2080505）或名称中的字（如 养老）查找。"
    lines = [f"{e.code} {e.name_in(year)}（{_LEVELS.get(len(e.code), '')}，{name}{_older(e, query)}）"
             for name, e in found]
    return "\n".join(lines + [f"共 {len(found)} 条；写出完整编码可看一条的解释与来源。"])


def _older(e: Entry, query: str) -> str:
    """The older name a word was found in, when the current name does not hold it."""
    if query in e.name or e.code.startswith(query):
        return ""
    return "".join(f"；{until}年及以前“{old}”" for until, old in sorted(e.history) if query in old)


def _catalogues(year: int | None) -> list[tuple[str, Catalogue]]:
    return [(name, bundled(file, year)) for name, file in FILES.items()]


def _entry(name: str, e: Entry, year: int | None) -> str:
    cat = bundled(FILES[name], year)
    lines = [f"{e.code} {e.name_in(year)}（{_LEVELS.get(len(e.code), '')}，{name}）"]
    parents = [f"{_LEVELS[len(c)]}：{c} {cat.names[c]}" for c in (e.code[:3], e.code[:5])
               if len(c) < len(e.code) and c in cat.names]
    if parents:
        lines.append("  " + "；".join(parents))
    if e.history:
        older = "；".join(f"报告年度 {until} 年及以前“{old}”" for until, old in sorted(e.history))
        lines.append(f"  历年名称：{older}；其后“{e.name}”")
    lines.append(f"  解释：{e.explanation}" if e.explanation else
                 "  解释：（科目表没有；名词解释列出这一项时，请在数据文件“名词解释”下写明）")
    notes = sources(FILES[name])
    for key in e.sources:
        lines.append(f"  来源：{key} {notes.get(key, '')}".rstrip())
    return "\n".join(lines)


def _overview() -> str:
    lines = []
    for name, cat in _catalogues(None):
        levels = {n: sum(1 for c in cat.entries if len(c) == k) for k, n in _LEVELS.items()}
        counts = "、".join(f"{n} {levels[n]} 个" for n in ("类", "款", "项") if levels[n])
        lines.append(f"{name}：{counts}；{len(cat.explanations)} 条有解释")
    lines.append("用法：reportgen catalogue 2080505（一条的名称、历年名称、解释、来源）或 reportgen catalogue 养老（按名称查找）")
    return "\n".join(lines)
