"""The preview page of a document: the HTML writer's page, with each 提示 marked on the passage it
concerns and linked to its field in the form.

Which passage: the first paragraph, heading or table cell that names the field (its own name, then
its parent's), compared without the punctuation documents put inside names ("收、支总计", "“三公”经费").
"""

from __future__ import annotations

import html
import re

import lxml.html

_LOOSE = re.compile(r"[、“”\"‘’（）()\s]")
_GENERIC = {"原因", "金额", "本年", "上年", "决算", "预算", "说明", "合计"}
_BLOCKS = ("p", "li", "h1", "h2", "h3", "h4", "h5", "h6", "td", "th", "figcaption")


def terms(field: str) -> list[str]:
    """The words a field is printed under, most specific first.

    >>> terms("三公经费.预决算差异原因")
    ['预决算差异原因', '三公经费']
    >>> terms("一般公共预算财政拨款支出[3].原因")
    ['一般公共预算财政拨款支出']
    """
    steps = [s for s in re.split(r"[.\[\]]", field) if s and not s.isdigit() and s not in _GENERIC]
    return list(reversed(steps))


def mark(page: str, notes: list[tuple[str, str, str]]) -> str:
    """The page with each note (field, message, link) marked on its passage; notes that name no
    passage are left to the list beside the preview. Scripts are removed whatever their source."""
    root = lxml.html.document_fromstring(page)
    for bad in root.xpath("//script|//iframe|//object|//embed"):
        bad.drop_tree()
    for el in root.iter():
        for attr in [a for a in el.attrib if a.lower().startswith("on")]:
            del el.attrib[attr]
    head = root.find("head")
    if head is not None:
        head.append(lxml.html.fragment_fromstring('<link rel="stylesheet" href="/static/mark.css">'))
    # Innermost blocks only (a 目录 entry holding the whole list is no passage), sentences first:
    # the paragraph that should carry the missing words, before a title, a heading or a table cell.
    leaves = [el for el in root.iter(*_BLOCKS) if not any(True for _ in el.iterdescendants(*_BLOCKS))]
    blocks = sorted(leaves, key=lambda el: 0 if el.tag == "p" and "。" in el.text_content() else
                    1 if el.tag == "p" else 2)
    loose = [_LOOSE.sub("", el.text_content()) for el in blocks]
    for n, (field, message, link) in enumerate(notes, 1):
        target = _find(blocks, loose, terms(field))
        if target is None:
            continue
        target.set("class", (target.get("class", "") + " rg-mark").strip())
        note = lxml.html.fragment_fromstring(
            f'<a class="rg-note" target="_top" href="{html.escape(link)}" title="{html.escape(message)}">提示{n}</a>')
        target.append(note)
    return lxml.html.tostring(root, encoding="unicode", doctype="<!DOCTYPE html>")


def _find(blocks: list, loose: list[str], words: list[str]):
    for word in words:
        w = _LOOSE.sub("", word)
        for el, text in zip(blocks, loose):
            if w and w in text:
                return el
    return None
