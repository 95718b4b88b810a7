"""Class 1, code from templates, and class 2, code and files from shared caches.

A unit's folder carries template overrides (模板目录): they render in the sandbox, cannot reach
a file, a module or a shell, cannot run without end or grow without bound, and must lie inside
the unit's folder. The compiled-template cache is used only from a private folder of the user's.
"""

from __future__ import annotations

import hashlib
import os
import pickle
from pathlib import Path

from hostile.harness import (HAIYUAN, Case, Outcome, Outcomes, Plan, Run, build, copy_example, data_case, markdown,
                             written)

SECRET = "reportgen-hostile-secret-4711"


def _with_template(folder: Path, template: str, links: dict[str, str] | None = None, flag: bool = True) -> Path:
    """HAIYUAN with `模板目录: [t]` (when `flag`), t/document.md.j2 holding `template`, and a
    secret beside the unit's folder that no template may print."""
    edits = [("文档类型: 部门决算\n", "文档类型: 部门决算\n模板目录: [t]\n")] if flag else []
    path = copy_example(HAIYUAN, folder / "in", edits)
    (folder / "in" / "t").mkdir()
    (folder / "in" / "t" / "document.md.j2").write_text(template, encoding="utf-8")
    for link, target in (links or {}).items():
        (folder / "in" / "t" / link).symlink_to(target)
    (folder / "secret.txt").write_text(SECRET, encoding="utf-8")
    return path


def template_refused(name: str, template: str, says: str = "模板", links: dict[str, str] | None = None,
                     by_command_line: bool = False) -> Case:
    """A hostile override (in the data file's 模板目录, or given with -t): build and check exit 1
    with a message; nothing is written, run or read from outside."""
    def prepare(folder: Path) -> Plan:
        path = _with_template(folder, template, links, flag=not by_command_line)
        extra = ["-t", str(folder / "in" / "t")] if by_command_line else []
        runs = {"build": build(path, folder, *extra), "check": Run(["check", str(path), *extra], folder)}

        def verify(o: Outcomes) -> None:
            for label in runs:
                got = o[label]
                assert isinstance(got, Outcome) and got.code == 1, f"{label}: exit {got.code}\n{got.text[-2000:]}"
                assert says in got.text and SECRET not in got.text, got.text[-2000:]
            assert written(folder) == [] and not (folder / "in" / "PWNED").exists()

        return Plan(runs, verify)

    return Case(name, "templates", prepare)


def _sandbox_escapes() -> list[Case]:
    touch = "touch PWNED"
    return [
        template_refused("mro-subclasses", "{{ ''.__class__.__mro__[1].__subclasses__() }}\n"),
        template_refused("cycler-globals-popen", f"{{{{ cycler.__init__.__globals__.os.popen('{touch}').read() }}}}\n"),
        template_refused("lipsum-globals", f"{{{{ lipsum.__globals__['os'].system('{touch}') }}}}\n"),
        template_refused("namespace-init-globals", "{{ namespace.__init__.__globals__ }}\n"),
        template_refused("self-context", "{{ self._TemplateReference__context }}\n"),
        template_refused("joiner-class-base", "{{ joiner.__class__.__base__.__subclasses__() }}\n"),
        template_refused("filter-attr-globals", "{{ (range|attr('__init__')) }}{{ ''|attr('__class__') }}\n"),
        template_refused("path-read-text", "{{ layout.folders[0].read_text() }}\n"),
        template_refused("path-joinpath-secret", "{{ layout.folders[0].joinpath('../../../../secret.txt').read_text() }}\n"),
        template_refused("path-write-text", "{{ layout.folders[0].joinpath('PWNED').write_text('x') }}\n"),
        template_refused("format-attribute-walk", "{{ '{0.__class__.__mro__}'.format('') }}\n"),
        template_refused("include-etc-passwd", '{% include "/etc/passwd" %}\n'),
        template_refused("include-dotdot", '{% include "../../secret.txt" %}\n'),
        template_refused("include-symlink-out", '{% include "secret.j2" %}\n', links={"secret.j2": "../../secret.txt"}),
        template_refused("by-command-line-mro", "{{ ''.__class__.__mro__ }}\n", by_command_line=True),
        template_refused("by-command-line-loop", "{% for i in range(10**6) %}{% for j in range(10**6) %}"
                         "{% endfor %}{% endfor %}\n", by_command_line=True),
        template_refused("extends-builtin-dotdot", '{% extends "builtin/../../../../secret.txt" %}\n'),
    ]


def _unbounded() -> list[Case]:
    return [
        template_refused("range-10-12", "{% for i in range(10**12) %}x{% endfor %}\n"),
        template_refused("nested-ranges", "{% for i in range(100000) %}{% for j in range(100000) %}{% endfor %}{% endfor %}\n"),
        template_refused("string-times-huge", "{{ 'x' * 10**10 }}\n"),
        template_refused("power-tower", "{{ 10 ** (10 ** 10) }}\n"),
        template_refused("list-times-huge", "{{ [1] * 10**9 }}\n"),
        template_refused("namespace-doubling", "{% set ns = namespace(s='ab') %}{% for i in range(60) %}"
                         "{% set ns.s = ns.s ~ ns.s %}{% endfor %}{{ ns.s|length }}\n"),
        template_refused("macro-doubling", "{% macro f(s, n) %}{{ f(s ~ s, n - 1) if n else s|length }}{% endmacro %}"
                         "{{ f('ab', 60) }}\n"),
        template_refused("self-include", '{% include "document.md.j2" %}\n'),
        template_refused("include-fan-out", "{% set d = (d|default(0)) + 1 %}{% if d < 60 %}"
                         '{% include "document.md.j2" %}{% include "document.md.j2" %}{% endif %}\n'),
        template_refused("printf-star-width", "{{ '%0*d' % (10**9, 1) }}\n"),
        template_refused("format-width", "{{ '{:>999999999}'.format(1) }}\n"),
        template_refused("center-huge", "{{ 'x'|center(10**9) }}\n"),
        template_refused("indent-huge", "{{ 'a\nb'|indent(10**9) }}\n"),
        template_refused("replace-blowup", "{{ ('a' * 100000)|replace('a', 'b' * 100000) }}\n"),
        template_refused("join-blowup", "{{ range(100000)|join('x' * 100000) }}\n"),
        template_refused("str-method-zfill", "{{ '1'.zfill(10**9) }}\n"),
        template_refused("int-to-bytes", "{{ (1).to_bytes(10**9, 'big') }}\n"),
        template_refused("macro-buffer", "{% set big = 'x' * 900000 %}{% macro m() %}{% for i in range(5000) %}"
                         "{{ big }}{% endfor %}{% endmacro %}{{ m()|length }}\n"),
        template_refused("recursive-loop-fan", "{% for x in [1, 2] recursive %}{{ loop(range(100000)) }}{% endfor %}\n"),
        template_refused("deep-parentheses", "{{ " + "(" * 5000 + "1" + ")" * 5000 + " }}\n"),
        template_refused("slice-huge", "{{ [1, 2]|slice(10**9)|list }}\n"),
        template_refused("batch-fill", "{{ [1]|batch(10**9, 0)|list }}\n"),
    ]


def _errors() -> list[Case]:
    return [
        template_refused("syntax-error", "{% if %}\n", says="语法错误"),
        template_refused("zero-division", "{{ 1 / 0 }}\n", says="ZeroDivisionError"),
        template_refused("filter-wrong-value", "{{ 'x' | 万元 }}\n"),
        template_refused("unknown-block-directive", "{{ '::block 99'|safe }}\n", says="::block"),
        template_refused("toc-bad-depth", "{{ '::toc abc'|safe }}\n", says="::toc"),
        template_refused("control-character-in-template", "第一行\x1b[31m\n", says="控制字符"),
        template_refused("template-too-large", "x" * (1024 * 1024 + 10) + "\n", says="过大"),
    ]


def _folders() -> list[Case]:
    def symlinked(link: str):
        def extra(folder: Path) -> None:
            (folder / "t").symlink_to(link)
        return extra

    common = {"says": ["模板目录"], "marker": "模板目录", "workbook": 0}
    return [
        data_case("template-folder-etc", "templates", HAIYUAN, [("文档类型: 部门决算\n", "文档类型: 部门决算\n模板目录: [/etc]\n")], **common),
        data_case("template-folder-dotdot", "templates", HAIYUAN, [("文档类型: 部门决算\n", "文档类型: 部门决算\n模板目录: [../..]\n")], **common),
        data_case("template-folder-symlink-out", "templates", HAIYUAN, [("文档类型: 部门决算\n", "文档类型: 部门决算\n模板目录: [t]\n")],
                  extra_files=symlinked("/etc"), **common),
        data_case("template-folder-missing", "templates", HAIYUAN, [("文档类型: 部门决算\n", "文档类型: 部门决算\n模板目录: [nowhere]\n")], **common),
        data_case("layout-name-traversal", "templates", HAIYUAN, [("  地区: 宁夏", "  地区: ../../../../tmp")],
                  says=["版式"], marker="地区: ../", workbook=0),
        data_case("layout-name-empty", "templates", HAIYUAN, [("  地区: 宁夏", '  地区: ""')],
                  says=["版式"], marker='地区: ""', workbook=0),
    ]


def _benign() -> list[Case]:
    def prepare(folder: Path) -> Plan:
        path = _with_template(folder, '{% extends "builtin/document.md.j2" %}\n')

        def verify(o: Outcomes) -> None:
            for label in ("build", "check"):
                got = o[label]
                assert isinstance(got, Outcome) and got.code == 0, got.text[-2000:]
            assert "第一部分" in markdown(folder)

        return Plan({"build": build(path, folder), "check": Run(["check", str(path)], folder)}, verify)

    return [Case("benign-override-builds", "templates", prepare)]


# Class 2: the compiled-template cache ---------------------------------------------------------

def _cache_file(name: str = "document.md.j2") -> str:
    """The file jinja's cache keeps `name` of the 宁夏 layout (HAIYUAN's) in."""
    from reportgen.layouts import resolve

    source = next(f / name for f in resolve("决算", "宁夏").folders if (f / name).is_file())
    key = hashlib.sha1(name.encode("utf-8"))
    key.update(f"|{os.path.realpath(source)}".encode())
    return f"__jinja2_{key.hexdigest()}.cache"


class _Plant:
    """A pickle that, if a cache ever unpickled it, would leave a file behind."""

    def __init__(self, marker: Path) -> None:
        self.marker = marker

    def __reduce__(self):
        return (os.system, (f"touch {self.marker}",))


def _payload(marker: Path) -> bytes:
    from jinja2.bccache import bc_magic

    return bc_magic + pickle.dumps(_Plant(marker))


def cache_case(name: str, plant) -> Case:
    """A cache folder prepared by someone else (`plant(tmp, cache_file_bytes)`): the build works,
    and nothing in that folder is loaded (no marker) or written (the folder is left as found)."""
    def prepare(folder: Path) -> Plan:
        path = copy_example(HAIYUAN, folder / "in")
        tmp = folder / "tmp"
        tmp.mkdir()
        plant(tmp, _payload(folder / "PWNED"), folder)
        before = sorted(str(p) for p in tmp.rglob("*"))
        runs = {"build": Run(build(path, folder).argv, folder, env={"TMPDIR": str(tmp)}),
                "check": Run(["check", str(path)], folder, env={"TMPDIR": str(tmp)})}

        def verify(o: Outcomes) -> None:
            for label in runs:
                got = o[label]
                assert isinstance(got, Outcome) and got.code == 0, f"{label}: exit {got.code}\n{got.text[-2000:]}"
            assert not (folder / "PWNED").exists(), "a planted cache file was unpickled"
            if plant in _LEFT_ALONE:
                assert sorted(str(p) for p in tmp.rglob("*")) == before, "a foreign cache folder was written to"
            md = markdown(folder)
            assert "第一部分" in md and ".png" not in md and all(p.suffix != ".png" for p in written(folder))

        return Plan(runs, verify)

    return Case(name, "caches", prepare)


def _private(tmp: Path) -> Path:
    cache = tmp / f"reportgen-{os.getuid()}" / "templates-2"
    cache.mkdir(parents=True, mode=0o700)
    cache.parent.chmod(0o700)
    return cache


def _world_writable_root(tmp: Path, payload: bytes, _: Path) -> None:
    cache = _private(tmp)
    (cache / _cache_file()).write_bytes(payload)
    cache.parent.chmod(0o777)


def _other_owner_root(tmp: Path, payload: bytes, _: Path) -> None:
    cache = _private(tmp)
    (cache / _cache_file()).write_bytes(payload)
    if os.getuid() == 0:
        os.chown(cache.parent, 65534, 65534)
    else:  # cannot give it away: a group-writable folder is refused the same way
        cache.parent.chmod(0o770)


def _symlinked_root(tmp: Path, payload: bytes, folder: Path) -> None:
    elsewhere = folder / "attacker" / "templates-2"
    elsewhere.mkdir(parents=True, mode=0o700)
    (elsewhere / _cache_file()).write_bytes(payload)
    (tmp / f"reportgen-{os.getuid()}").symlink_to(elsewhere.parent)


def _world_writable_file(tmp: Path, payload: bytes, _: Path) -> None:
    target = _private(tmp) / _cache_file()
    target.write_bytes(payload)
    target.chmod(0o666)


def _other_owner_file(tmp: Path, payload: bytes, _: Path) -> None:
    target = _private(tmp) / _cache_file()
    target.write_bytes(payload)
    target.chmod(0o644)
    if os.getuid() == 0:
        os.chown(target, 65534, 65534)
    else:
        target.chmod(0o664)


def _symlinked_file(tmp: Path, payload: bytes, folder: Path) -> None:
    elsewhere = folder / "payload.cache"
    elsewhere.write_bytes(payload)
    elsewhere.chmod(0o600)
    (_private(tmp) / _cache_file()).symlink_to(elsewhere)


def _corrupt_file(tmp: Path, payload: bytes, _: Path) -> None:
    from jinja2.bccache import bc_magic

    target = _private(tmp) / _cache_file()
    target.write_bytes(bc_magic + b"\x80\x04garbage")
    target.chmod(0o600)


def _unwritable_entries(tmp: Path, payload: bytes, _: Path) -> None:
    from reportgen.layouts import resolve

    cache = _private(tmp)
    for name in ["document.md.j2", *(p.name for f in resolve("决算", "宁夏").folders for p in f.glob("*.j2"))]:
        (cache / _cache_file(name)).mkdir(exist_ok=True)  # a folder where the cache writes a file


def _cache_is_a_file(tmp: Path, payload: bytes, _: Path) -> None:
    (tmp / f"reportgen-{os.getuid()}").mkdir(mode=0o700)
    (tmp / f"reportgen-{os.getuid()}" / "templates-2").write_bytes(b"not a folder")


def _old_chart_cache(tmp: Path, payload: bytes, _: Path) -> None:
    charts = tmp / f"reportgen-charts-{os.getuid()}"
    charts.mkdir(mode=0o777)
    (charts / "图1.png").write_bytes(b"\x89PNG planted")


_LEFT_ALONE = {_world_writable_root, _other_owner_root, _symlinked_root}


def _caches() -> list[Case]:
    return [cache_case("cache-root-world-writable", _world_writable_root),
            cache_case("cache-root-other-owner", _other_owner_root),
            cache_case("cache-root-symlink", _symlinked_root),
            cache_case("cache-file-world-writable", _world_writable_file),
            cache_case("cache-file-other-owner", _other_owner_file),
            cache_case("cache-file-symlink", _symlinked_file),
            cache_case("cache-file-corrupt", _corrupt_file),
            cache_case("cache-entries-unwritable", _unwritable_entries),
            cache_case("cache-folder-is-a-file", _cache_is_a_file),
            cache_case("chart-cache-planted", _old_chart_cache)]


CASES = [*_sandbox_escapes(), *_unbounded(), *_errors(), *_folders(), *_benign(), *_caches()]
