"""The audit never crashes: random text, broken numbers, full-width digits, odd bytes, huge files."""

from __future__ import annotations

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from reportgen.audit import Finding, audit_paths, audit_text, format_text, to_json
from reportgen.errors import ReportgenError

# Pieces the parser reacts to, so random text often looks like the real thing.
PIECES = [
    "万元", "元", "亿元", "%", "％", "占", "其中：", "主要用于以下方面:", "主要包括", "（", "）", "(", ")",
    "，", "。", "；", "、", "比上年", "与2022年相比，", "与2023年决算数持平", "增加", "减少", "增长", "下降",
    "预算数为", "执行数为", "完成预算的", "执行率", "编制数", "在职人数", "控制率", "分值", "得分", "分",
    "2023年度部门决算", "\n", "\n\n", "\t", " ", "16", "0", ".", ",", "５６８．２７", "3,107.50", "1.2.3",
    "全年预算数", "全年执行数", "年初预算数", "年度资金总额", "９９９９９９９９９９９９９９９９９９９９",
]
numbers = st.one_of(
    st.decimals(min_value=0, max_value=10**9, places=4, allow_nan=False).map(str),
    st.from_regex(r"\A\d{1,18}(\.\d{1,10})?\Z"),  # past the 15 digits a figure may have
)
pieces = st.one_of(st.sampled_from(PIECES), numbers, st.text(max_size=5))
documents = st.lists(pieces, max_size=80).map("".join)


@settings(max_examples=400, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(documents)
def test_random_documents_never_crash_and_findings_are_well_formed(text):
    findings = audit_text(text)
    for f in findings:
        assert isinstance(f, Finding) and f.line >= 1 and f.kind and f.stated
        assert len(f.consistent_range) == 2
    format_text(findings)
    to_json(findings)


@settings(max_examples=200, deadline=None)
@given(st.text())
def test_any_unicode_never_crashes(text):
    audit_text(text)


@settings(max_examples=100, deadline=None)
@given(st.binary(max_size=2000))
def test_any_bytes_give_findings_or_a_user_error(tmp_path_factory, data):
    path = tmp_path_factory.mktemp("fuzz") / "随机.txt"
    path.write_bytes(data)
    try:
        audit_paths([path])
    except ReportgenError as error:
        assert "随机.txt" in str(error)


def test_absurd_magnitudes_are_reported_without_overflow():
    text = "预算数为0.00000001万元，执行数为999999999999999.99999999亿元，完成预算的1%。"
    [finding] = audit_text(text)
    assert finding.kind == "budget_completion"
    upper = finding.consistent_range[1]
    assert upper.startswith("199999999999999999999999") and len(upper) > 30
    format_text([finding])


def test_a_huge_file_without_sentence_ends_is_audited(tmp_path):
    # One "sentence" of a few megabytes full of list markers and amounts: the work must stay linear.
    path = tmp_path / "巨大.txt"
    path.write_text("其中：甲100万元，占50%、" * 50_000, encoding="utf-8")
    assert audit_paths([path]) == []


def test_a_huge_document_of_real_sentences_is_audited():
    sentence = "机关运行经费支出14.29万元，比2022年增加6.26万元，增长128.25%。\n"
    assert len(audit_text(sentence * 4_000)) == 4_000


# Garbage in each format the audit reads: a message naming the file, or findings — never a crash.
_PDF_HEAD = b"%PDF-1.4\n1 0 obj << /Type /Catalog /Pages 2 0 R >> endobj\n"


@settings(max_examples=60, deadline=None)
@given(st.binary(max_size=3000), st.sampled_from([".pdf", ".html", ".htm", ".docx", ".md"]))
def test_garbage_in_any_format_gives_findings_or_a_user_error(tmp_path_factory, data, suffix):
    path = tmp_path_factory.mktemp("garbage") / f"坏文件{suffix}"
    path.write_bytes((_PDF_HEAD if suffix == ".pdf" else b"") + data)
    try:
        audit_paths([path])
    except ReportgenError as error:
        assert "坏文件" in str(error)


@settings(max_examples=40, deadline=None)
@given(st.lists(st.sampled_from(PIECES + ["<p>", "</p>", "<td>", "</td>", "<tr>", "<table>", "<script>",
                                          "</script>", "<div class='nav'>", "</div>", "<br>", "&amp;", "<!--"]),
                max_size=120).map("".join))
def test_random_web_pages_never_crash(tmp_path_factory, page):
    path = tmp_path_factory.mktemp("page") / "页面.html"
    path.write_text(page, encoding="utf-8")
    try:
        audit_paths([path])
    except ReportgenError as error:
        assert "页面.html" in str(error)


@settings(max_examples=30, deadline=None)
@given(st.binary(min_size=1, max_size=4000))
def test_a_zip_with_garbage_for_a_document_never_crashes(tmp_path_factory, data):
    import zipfile

    path = tmp_path_factory.mktemp("docx") / "坏.docx"
    with zipfile.ZipFile(path, "w") as package:
        package.writestr("[Content_Types].xml", data[:200])
        package.writestr("word/document.xml", data)
    try:
        audit_paths([path])
    except ReportgenError as error:
        assert "坏.docx" in str(error)
