"""What changed between two versions of a document, sentence by sentence (for `reportgen diff`).

An officer who corrects one figure wants to see every sentence that figure reaches — the
sentence itself, the shares beside it, the totals and the tables — and nothing else.
"""

from __future__ import annotations

import difflib
import re
from dataclasses import dataclass

_SENTENCE_END = re.compile(r"(?<=[。；])")


@dataclass(frozen=True)
class Change:
    """One changed passage: the heading it sits under, the old and the new sentences."""

    heading: str
    old: tuple[str, ...]
    new: tuple[str, ...]


def sentences(markdown: str) -> list[tuple[str, str]]:
    """(heading, sentence) for every sentence and table row of a Markdown document."""
    heading, out = "", []
    for line in markdown.splitlines():
        line = line.strip()
        if not line:
            continue
        if line.startswith("#"):
            heading = line.lstrip("# ")
            continue
        parts = [line] if line.startswith("|") else [s for s in _SENTENCE_END.split(line) if s]
        out.extend((heading, s) for s in parts)
    return out


def changes(old_markdown: str, new_markdown: str) -> list[Change]:
    """The passages that differ, in document order.

    >>> [c.new for c in changes("## 一\\n收入10万元。支出5万元。", "## 一\\n收入12万元。支出5万元。")]
    [('收入12万元。',)]
    """
    old, new = sentences(old_markdown), sentences(new_markdown)
    matcher = difflib.SequenceMatcher(a=[s for _, s in old], b=[s for _, s in new], autojunk=False)
    out = []
    for tag, i1, i2, j1, j2 in matcher.get_opcodes():
        if tag == "equal":
            continue
        heading = (new[j1] if j1 < len(new) else old[i1] if i1 < len(old) else ("", ""))[0]
        out.append(Change(heading, tuple(s for _, s in old[i1:i2]), tuple(s for _, s in new[j1:j2])))
    return out


def format_changes(found: list[Change]) -> str:
    """Human-readable: under each heading, "- old" and "+ new" lines."""
    if not found:
        return "两个版本的文字完全相同。"
    lines = [f"共 {len(found)} 处变化："]
    for c in found:
        lines.append(f"\n【{c.heading or '文首'}】")
        lines += [f"- {s}" for s in c.old] + [f"+ {s}" for s in c.new]
    return "\n".join(lines)
