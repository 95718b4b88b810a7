"""`reportgen audit`: numeric claims in a published document that its own figures cannot support."""

from __future__ import annotations

from pathlib import Path

from reportgen.audit.budgets import read_completions_other_ways, read_savings
from reportgen.audit.changes import read_changes
from reportgen.audit.checks import check
from reportgen.audit.claims import Claim, Sentence, Where, paren_depth
from reportgen.audit.headings import dropped_heading_notes, field_code_notes
from reportgen.audit.layout import layout_notes
from reportgen.audit.lists import read_lists
from reportgen.audit.lookup import Index
from reportgen.audit.pairs import read_pairs, read_respective_shares
from reportgen.audit.repeats import repeat_claims
from reportgen.audit.shares import implied_shares, read_inline_shares, read_named_shares
from reportgen.audit.rates import read_completions, read_control_rates, read_scores
from reportgen.audit.reader import Document, document_from_text, read_document
from reportgen.audit.report import Finding, format_text, to_json
from reportgen.audit.subrows import subrow_claims
from reportgen.audit.tables import read_table_claims
from reportgen.audit.text import Block
from reportgen.audit.years import report_year, year_claims

__all__ = ["Finding", "audit_document", "audit_paths", "audit_text", "format_text", "to_json"]

_READERS = (
    read_lists, read_changes, read_pairs, read_completions, read_completions_other_ways, read_savings,
    read_control_rates, read_scores, read_named_shares, read_respective_shares, read_inline_shares,
)
_LONGEST_SENTENCE = 3000  # longer runs are tables or garbage; skipping them keeps the work linear


def audit_paths(paths: list[Path]) -> list[Finding]:
    """Findings for every file, in order; a file that cannot be read raises ReportgenError."""
    findings: list[Finding] = []
    for path in paths:
        findings += audit_document(read_document(Path(path)))
    return findings


def audit_text(text: str, name: str = "<text>") -> list[Finding]:
    """Findings for plain text held in memory, read as a .txt file would be.

    >>> [f.stated for f in audit_text("预算数为680万元，执行数为661.7252万元，完成预算的100%。")]
    ['100%']
    """
    return audit_document(document_from_text(text, name))


def audit_document(document: Document) -> list[Finding]:
    """Findings for a document already read, sorted by line, without duplicates."""
    index = Index(document.blocks)
    claims: list = [c for i, block in enumerate(document.blocks) for c in _prose_claims(block, i, index)]
    claims += implied_shares(document.blocks, index)
    claims += repeat_claims(document.blocks, index)
    claims += read_table_claims(document.cells)
    claims += subrow_claims(document.cells)
    year = report_year(document.blocks)
    claims += year_claims(document.blocks, year)
    claims += field_code_notes(document.cells) + dropped_heading_notes(document.cells)
    claims += layout_notes(document.blocks, document.cells, year)
    found: dict[tuple, Finding] = {}
    for claim in claims:
        for f in check(claim, document.name):
            found.setdefault((f.line, f.kind, f.stated, f.sentence), f)
    return sorted(found.values(), key=lambda f: (f.line, f.kind, f.stated))


def _prose_claims(block: Block, block_no: int, index: Index) -> list[Claim]:
    """The claims of each sentence of a block of running text."""
    where, depth = Where(block), paren_depth(block.text)
    claims: list[Claim] = []
    previous = None
    for start, end in block.periods():
        if end - start > _LONGEST_SENTENCE:
            previous = None
            continue
        sentence = Sentence(where, block.text, start, end, depth, previous, block_no, index)
        for read in _READERS:
            claims += read(sentence)
        previous = (start, end)
    return claims
