"""Templates render in a bounded sandbox; data text cannot write markup; the cache trusts only itself.

The hostile corpus (tests/hostile) runs the same attacks through the command line under resource
limits; these tests pin each guard down in-process, where a failure names the guard.
"""

from __future__ import annotations

import os
from pathlib import Path

import pytest
from jinja2 import DictLoader, StrictUndefined

from reportgen.document.escape import MARK, escape
from reportgen.document.reader import read
from reportgen.sandbox import BoundedSandbox, LimitExceeded, bounded_render
from reportgen.core.private import owned_and_private
from reportgen.template_cache import bytecode_cache
from reportgen.templating import _finalize


def render(source: str, **context) -> str:
    env = BoundedSandbox(loader=DictLoader({"t": source}), undefined=StrictUndefined, autoescape=True,
                         finalize=_finalize)
    env.add_filters({})
    template = env.get_template("t")
    return bounded_render(lambda: template.render(**context))


@pytest.mark.parametrize("source", [
    "{% for i in range(100000) %}{% for j in range(100000) %}{% endfor %}{% endfor %}",
    "{{ 'x' * 10**9 }}", "{{ 2 ** (10 ** 6) }}", "{{ '%0*d' % (10**9, 1) }}", "{{ '{:>99999999}'.format(1) }}",
    "{{ 'x'|center(10**9) }}", "{{ ('a' * 10000)|replace('a', 'b' * 1000) }}", "{{ '1'.zfill(10**9) }}",
    "{% set ns = namespace(s='ab') %}{% for i in range(40) %}{% set ns.s = ns.s ~ ns.s %}{% endfor %}",
    "{% macro f(s, n) %}{{ f(s ~ s, n - 1) if n else '' }}{% endmacro %}{{ f('ab', 40) }}",
    "{{ range(10**7) }}", "{{ [1, 2]|slice(10**9)|list }}",
])
def test_work_and_size_are_bounded(source):
    with pytest.raises(LimitExceeded):
        render(source)


def test_no_file_module_or_class_is_reachable(tmp_path):
    from jinja2.sandbox import SecurityError

    for source in ("{{ ''.__class__ }}", "{{ p.read_text() }}", "{{ p.parent.joinpath('x').write_text('y') }}",
                   "{{ m.path }}"):
        with pytest.raises(SecurityError):
            render(source, p=tmp_path, m=os)
    assert list(tmp_path.iterdir()) == []


def test_legitimate_templates_still_work():
    assert render("{% for x in xs %}{{ loop.index }}{{ x|upper }}{% endfor %}", xs=["a", "b"]) == "1A2B"
    assert render("{{ d.get('k') }}{{ 'a,b'.split(',')|join('、') }}{{ 10 ** 3 }}", d={"k": "v"}) == "va、b1000"


@pytest.mark.parametrize("text", ["原因\n# 第六部分", "::toc 3", "+3 伪编号", "# 伪标题", "减少 {-}", "a\r\n## b"])
def test_data_text_is_one_line_of_text_in_the_markup(text):
    document = read(f"## 标题\n{render('{{ t }}', t=text)}\n## 之后")
    kinds = [type(b).__name__ for b in document.blocks]
    assert kinds == ["Heading", "Paragraph", "Heading"], kinds
    assert [h.label for h in document.blocks if type(h).__name__ == "Heading"] == ["一、", "二、"]
    assert MARK not in document.blocks[1].text and escape(text) != "" and "\n" not in document.blocks[1].text


def test_a_macro_and_block_may_write_markup():
    out = render("{% macro h() %}## 标题{% endmacro %}{{ h() }}\n{{ ('#' * 2)|safe }} 二")
    assert [b.text for b in read(out).blocks] == ["标题", "二"]


def test_the_cache_lives_in_a_private_folder_of_its_own(tmp_path, monkeypatch):
    monkeypatch.setenv("TMPDIR", str(tmp_path))
    monkeypatch.setattr("tempfile.tempdir", None)
    cache = bytecode_cache()
    assert cache is not None and owned_and_private(Path(cache.directory), directory=True)
    assert oct(Path(cache.directory).parent.stat().st_mode & 0o777) == "0o700"


def test_a_cache_folder_open_to_others_is_not_used(tmp_path, monkeypatch):
    monkeypatch.setenv("TMPDIR", str(tmp_path))
    monkeypatch.setattr("tempfile.tempdir", None)
    (tmp_path / f"reportgen-{os.getuid()}").mkdir(mode=0o700)
    (tmp_path / f"reportgen-{os.getuid()}").chmod(0o777)
    assert bytecode_cache() is None


def test_no_temp_folder_at_all_means_no_cache_not_a_failed_build(monkeypatch):
    def full_disk() -> str:
        raise FileNotFoundError("No usable temporary directory found")

    monkeypatch.setattr("tempfile.gettempdir", full_disk)
    assert bytecode_cache() is None
