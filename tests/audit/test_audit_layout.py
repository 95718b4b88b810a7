"""Completeness and form: checked on whole 部门决算 only; field codes and lost characters anywhere."""

from __future__ import annotations

from reportgen.audit import audit_text

FILLER = "本部门严格执行预算，加强财务管理，提高资金使用效益。" * 300  # a whole document is long
TABLES = (
    "一、收入支出决算总表\n二、收入决算表\n三、支出决算表\n四、财政拨款收入支出决算总表\n"
    "五、一般公共预算财政拨款支出决算表\n六、一般公共预算财政拨款基本支出决算表\n"
    "七、政府性基金预算财政拨款收入支出决算表\n八、国有资本经营预算财政拨款支出决算表\n"
    "九、财政拨款“三公”经费支出决算表\n"
)
SECTIONS = (
    "机关运行经费支出10万元。政府采购支出总额0万元。截至12月31日，国有资产总额100万元。"
    "绩效自评情况良好。“三公”经费：因公出国（境）费0万元，公务用车购置及运行维护费1万元，公务接待费1万元。\n"
)
GLOSSARY = "第三部分 名词解释\n" + "一、财政拨款收入：指本级财政当年拨付的资金。" * 20


def _kinds(text: str) -> list[tuple[str, str, str]]:
    return sorted((f.kind, f.stated, f.severity) for f in audit_text(text))


def whole(body: str) -> str:
    return f"2023年度某县文化馆部门决算\n{TABLES}{body}{FILLER}\n{GLOSSARY}"


def test_a_complete_document_has_no_completeness_hints():
    assert _kinds(whole(SECTIONS)) == []


def test_missing_sections_and_tables_are_hints_in_a_whole_document():
    text = whole(SECTIONS.replace("政府采购", "采购").replace("机关运行经费", "运行支出")).replace("三、支出决算表\n", "")
    assert _kinds(text) == [
        ("section_missing", "政府采购", "warning"),
        ("section_missing", "机关运行经费", "warning"),
        ("table_missing", "支出决算表", "warning"),
    ]


def test_sangong_without_its_items_is_a_hint():
    text = whole(SECTIONS.replace("因公出国（境）费0万元，", "").replace("九、财政拨款“三公”经费支出决算表\n", "九、三公情况表\n"))
    assert ("sangong_items", "三公", "warning") in _kinds(text)


def test_a_fragment_is_never_told_what_it_lacks():
    fragment = "2023年度某县文化馆部门决算\n" + TABLES[:40] + "机关运行经费支出10万元。\n第三部分 名词解释\n"
    assert _kinds(fragment) == []


def test_an_empty_table_needs_a_note():
    empty = "七、政府性基金预算财政拨款收入支出决算表\n\t项目\n\t栏次\n\t1\n\t合计\n\t0.00\n"
    assert ("empty_table", "政府性基金预算财政拨款收入支出决算表", "warning") in _kinds(whole(SECTIONS + empty))
    noted = SECTIONS + empty + "本单位2023年度无政府性基金预算财政拨款收支，故本表为空。\n"
    assert _kinds(whole(noted)) == []


def test_publication_more_than_20_days_after_the_approval():
    late = "公开日期：2024年10月24日\n2024年9月2日，县财政局批复本部门决算。\n"
    assert _kinds(late) == [("late_publication", "2024-10-24", "warning")]
    assert _kinds(late.replace("10月24日", "9月20日")) == []


def test_field_codes_and_headings_that_lost_characters_are_hints_even_in_a_page():
    page = "目录\n一、收入支出决算总表 PAGEREF _Toc20349 h 22\n三、出决算表 PAGEREF _Toc6022 h 22\n第四部分:名词解\n"
    assert _kinds(page) == [
        ("field_code", "PAGEREF _Toc20349", "warning"),
        ("heading", "出决算表", "warning"),
        ("heading", "名词解", "warning"),
    ]


def test_house_variants_of_titles_are_not_dropped_characters():
    variants = "七、其他重要事项情况说明\n二、收入决算总表\n三、支出决算总表\n一、2023年度收入支出决算总体情况。\n"
    assert _kinds(variants) == []
