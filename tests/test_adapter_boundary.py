"""The core imports without MkDocs: every ``briefkit`` module, with MkDocs made unimportable (issue 21).

Everything that touches MkDocs or mkdocs-static-i18n lives in the adapter,
``briefkit_mkdocs`` (hooks/briefs.py calls it); ``briefkit`` is what the
``briefs`` command, the tests' pure helpers and any other front end use. Each
module is imported in a fresh interpreter where ``mkdocs``,
``mkdocs_static_i18n``, ``material`` and the adapter itself raise ImportError.
"""

from __future__ import annotations

import subprocess
import sys
import textwrap

from conftest import ROOT

BLOCKED = ("mkdocs", "mkdocs_static_i18n", "material", "briefkit_mkdocs")

SCRIPT = textwrap.dedent("""
    import importlib, importlib.abc, pkgutil, sys

    BLOCKED = {blocked!r}

    class Refuse(importlib.abc.MetaPathFinder):
        def find_spec(self, name, path=None, target=None):
            if name.split(".")[0] in BLOCKED:
                raise ImportError(f"{{name}} is not importable in this test")
            return None

    sys.meta_path.insert(0, Refuse())
    import briefkit
    failed = []
    names = [m.name for m in pkgutil.walk_packages(briefkit.__path__, "briefkit.")]
    for name in names:
        try:
            importlib.import_module(name)
        except ImportError as error:
            failed.append(f"{{name}}: {{error}}")
    print(len(names))
    print("\\n".join(failed))
    sys.exit(1 if failed else 0)
""").format(blocked=BLOCKED)


def test_every_briefkit_module_imports_without_mkdocs() -> None:
    proc = subprocess.run([sys.executable, "-c", SCRIPT], cwd=ROOT, capture_output=True, text=True, timeout=120)
    lines = proc.stdout.splitlines()
    assert proc.returncode == 0, proc.stdout + proc.stderr
    assert int(lines[0]) > 40  # every module was walked (the core has about sixty)


def test_the_check_refuses_a_module_that_imports_mkdocs(tmp_path: object) -> None:
    # The finder really blocks: importing MkDocs itself under it fails.
    script = SCRIPT.replace("import briefkit\n", "import briefkit\nimport mkdocs.config\n", 1)
    proc = subprocess.run([sys.executable, "-c", script], cwd=ROOT, capture_output=True, text=True, timeout=120)
    assert proc.returncode != 0 and "mkdocs is not importable" in proc.stderr
