"""The GitHub Actions workflow: a content push is checked, built and live without the suite.

The workflow is read as data. Its path filter is matched against changed files
the way dorny/paths-filter matches them (``predicate-quantifier: every``), and
its jobs' ``if:`` expressions are evaluated for each case (content only, code
with the suite passing or failing, a pull request), so the tests say which
jobs run, not how the YAML is spelled.
"""

from __future__ import annotations

import re
from pathlib import Path
from typing import Any

import pathspec
import pytest
import yaml
from support.project import ROOT

WORKFLOW = ROOT / ".github" / "workflows" / "publish.yml"
COMMAND = re.compile(
    r"^\s*((?:make|mkdocs|pytest|\.venv/bin/briefs|briefs|python[\d.]*\s+-m\s+(?:pytest|mkdocs))\b[^#\n]*)",
    re.MULTILINE,
)
CONTENT_FILES = ["briefs/2025/2025-05-13-x.ko.md", "briefs/topics.yml", "briefs/regions.yml",
                 "briefs/2025/2025-05-13-x/photo.jpg", "docs/guides/publish.ko.md", "docs/index.en.md"]
CODE_FILES = ["briefkit/cli.py", "hooks/briefs.py", "briefkit_mkdocs/site_build.py", "overrides/brief.html",
              "overrides/assets/briefs.css",
              "requirements.txt", "requirements-dev.txt", "pyproject.toml", "mkdocs.yml", "Makefile",
              ".github/workflows/publish.yml", "tests/test_content.py", "package-lock.json"]
CODE_INPUTS = ["briefkit/", "briefkit_mkdocs/", "hooks/", "overrides/", "requirements.txt", "pyproject.toml",
               "mkdocs.yml",
               ".github/workflows/publish.yml"]


def workflow() -> dict[Any, Any]:
    data = yaml.safe_load(WORKFLOW.read_text(encoding="utf-8"))
    assert isinstance(data, dict)
    return data


def jobs() -> dict[str, Any]:
    return workflow()["jobs"]  # type: ignore[no-any-return]


def triggers() -> dict[str, Any]:
    data = workflow()
    on = data.get("on", data.get(True))  # YAML 1.1 (PyYAML) reads the key `on` as True
    assert isinstance(on, dict)
    return on


def commands(text: str) -> list[str]:
    return [" ".join(m.group(1).split()) for m in COMMAND.finditer(text)]


def job_commands(job: dict[str, Any]) -> list[str]:
    return [c for step in job["steps"] if "run" in step for c in commands(step["run"])]


def step_using(job: dict[str, Any], action: str) -> dict[str, Any]:
    return next(s for s in job["steps"] if s.get("uses", "").split("@")[0] == action)


def is_code(path: str) -> bool:
    """Whether the workflow's filter calls ``path`` code: it must match every pattern (a '!' one by not matching)."""
    step = step_using(jobs()["changes"], "dorny/paths-filter")
    assert step["with"]["predicate-quantifier"] == "every"
    patterns = yaml.safe_load(step["with"]["filters"])["code"]
    for pattern in patterns:
        negated = pattern.startswith("!")
        spec = pathspec.PathSpec.from_lines("gitignore", [pattern.lstrip("!")])
        if spec.match_file(path) == negated:
            return False
    return True


def evaluate(expression: str, context: dict[str, str]) -> bool:
    """A GitHub Actions ``if:`` of this workflow's kind: ==, !=, &&, ||, !, (), !cancelled()."""
    text = expression.strip().removeprefix("${{").removesuffix("}}")
    text = text.replace("!cancelled()", "True").replace("always()", "True")
    text = re.sub(r"[a-z_]+(?:\.[a-z_-]+)+", lambda m: repr(context[m.group(0)]), text)
    text = text.replace("&&", " and ").replace("||", " or ").replace("!=", "\0").replace("!", " not ")
    text = text.replace("\0", "!=")
    assert re.fullmatch(r"[\s\w'()=!/-]*", text), text
    return bool(eval(text, {"__builtins__": {}}))  # only the workflow's own expressions, checked above


def run(event: str = "push", ref: str = "refs/heads/main", changed: list[str] | None = None,
        suite_passes: bool = True, build_passes: bool = True) -> dict[str, str]:
    """Which jobs run and how they end, for a run on ``event`` that changed ``changed``."""
    code = event == "workflow_dispatch" or any(is_code(p) for p in changed or [])
    context = {"github.event_name": event, "github.ref": ref, "needs.changes.result": "success",
               "needs.changes.outputs.code": "true" if code else "false"}
    results: dict[str, str] = {"changes": "success"}
    for name in ("test", "build", "deploy"):
        job = jobs()[name]
        ctx = {**context, **{f"needs.{n}.result": results[n] for n in results}}
        needs = job["needs"] if isinstance(job["needs"], list) else [job["needs"]]
        condition = job.get("if")
        runs = evaluate(condition, ctx) if condition else all(results[n] == "success" for n in needs)
        passes = {"test": suite_passes, "build": build_passes}.get(name, True)
        results[name] = ("success" if passes else "failure") if runs else "skipped"
    return results


def test_workflow_runs_on_push_pull_request_and_by_hand() -> None:
    assert {"push", "pull_request", "workflow_dispatch"} <= set(triggers())


@pytest.mark.parametrize("path", CONTENT_FILES)
def test_briefs_and_hand_written_pages_are_content(path: str) -> None:
    assert not is_code(path)


@pytest.mark.parametrize("path", CODE_FILES)
def test_code_templates_hooks_dependencies_and_the_workflow_are_code(path: str) -> None:
    assert is_code(path)


def test_a_content_push_is_built_checked_and_deployed_without_the_suite() -> None:
    assert run(changed=CONTENT_FILES) == {"changes": "success", "test": "skipped", "build": "success",
                                          "deploy": "success"}


def test_a_code_push_runs_the_suite_before_it_deploys() -> None:
    assert run(changed=["briefs/2025/x.ko.md", "overrides/brief.html"]) == {
        "changes": "success", "test": "success", "build": "success", "deploy": "success"}
    failed = run(changed=["briefkit_mkdocs/site_build.py"], suite_passes=False)
    assert failed["build"] == "skipped" and failed["deploy"] == "skipped"


def test_a_run_by_hand_runs_everything() -> None:
    assert run(event="workflow_dispatch")["test"] == "success"


def test_a_failed_build_or_check_deploys_nothing() -> None:
    assert run(changed=CONTENT_FILES, build_passes=False)["deploy"] == "skipped"


def test_only_pushes_to_main_are_deployed() -> None:
    assert run(event="pull_request", ref="refs/pull/1/merge", changed=CONTENT_FILES)["deploy"] == "skipped"
    assert run(ref="refs/heads/draft-briefs", changed=CONTENT_FILES)["deploy"] == "skipped"


def test_the_build_job_checks_briefs_builds_then_checks_the_site() -> None:
    assert job_commands(jobs()["build"]) == ["make check", "make build", ".venv/bin/briefs verify-site site"]
    assert job_commands(jobs()["test"]) == ["make test"]
    assert job_commands(jobs()["deploy"]) == []
    makefile = (ROOT / "Makefile").read_text(encoding="utf-8")
    assert re.search(r"^build:.*\n(?:\t.*\n)*\t\$\(BIN\)/mkdocs build --strict", makefile, re.MULTILINE)
    assert re.search(r"^check:.*\n(?:\t.*\n)*\t\$\(BIN\)/briefs check", makefile, re.MULTILINE)


def test_the_build_cache_is_kept_and_never_reused_across_code_changes() -> None:
    cache = next(s for s in jobs()["build"]["steps"]
                 if s.get("uses", "").startswith("actions/cache@") and s["with"]["path"] == ".cache")
    keys = [cache["with"]["key"], *cache["with"]["restore-keys"].strip().splitlines()]
    for key in keys:
        hashed = re.search(r"hashFiles\(([^)]*)\)", key)
        assert hashed, f"{key}: a restore key without the code's hash could bring back a stale cache"
        inputs = [p.strip(" '") for p in hashed.group(1).split(",")]
        for wanted in CODE_INPUTS:
            assert any(p == wanted or p.startswith(wanted) for p in inputs), (wanted, key)
    assert "github.sha" in cache["with"]["key"]  # a new entry per run: the next content push builds warmer


def test_browser_packages_are_installed_before_the_tests() -> None:
    steps = jobs()["test"]["steps"]
    runs = [step.get("run", "") for step in steps]
    install = next(i for i, run in enumerate(runs) if "apt-get install" in run)
    tests = next(i for i, run in enumerate(runs) if "make test" in run)
    assert install < tests
    packages = set(runs[install].replace("\\\n", " ").split())
    assert {"chromium", "fonts-noto-cjk"} <= packages
    ci_script = (ROOT / ".ci" / "run").read_text(encoding="utf-8")
    ci_install = re.search(r"apt-get install(.*?)(?:>|\n\n|$)", ci_script.replace("\\\n", " "), re.DOTALL)
    assert ci_install
    wanted = {w for w in ci_install.group(1).split() if not w.startswith("-")}
    assert wanted <= packages, "the workflow installs fewer packages than .ci/run"
    assert jobs()["test"]["env"]["CI"] == "true"  # browser tests may not skip


def test_build_is_reproducible_and_addressed() -> None:
    text = yaml.safe_dump(jobs()["build"])
    assert "git log -1 --format=%ct" in text
    assert "SOURCE_DATE_EPOCH" in text
    assert "SITE_URL" in text


def test_deploy_is_one_at_a_time_with_the_official_actions() -> None:
    deploy = jobs()["deploy"]
    assert deploy["permissions"] == {"pages": "write", "id-token": "write"}
    assert deploy["concurrency"]["cancel-in-progress"] is False and deploy["concurrency"]["group"]
    assert step_using(deploy, "actions/deploy-pages")
    pages = step_using(jobs()["build"], "actions/upload-pages-artifact")
    assert pages["with"]["path"] == "site"
    assert "refs/heads/main" in pages["if"]
    assert step_using(jobs()["build"], "actions/configure-pages")


def test_pull_requests_get_the_built_site_as_an_artifact() -> None:
    upload = step_using(jobs()["build"], "actions/upload-artifact")
    assert upload["if"] == "github.event_name == 'pull_request'"
    assert upload["with"]["path"] == "site"


def test_every_command_the_workflow_runs_is_in_the_readme() -> None:
    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    for command in {c for job in jobs().values() if "steps" in job for c in job_commands(job)}:
        assert command.removeprefix(".venv/bin/").split(" site")[0] in readme, command


def test_workflow_and_its_timings_are_documented() -> None:
    text = Path(ROOT / "DEPLOY.md").read_text(encoding="utf-8")
    assert "Source: GitHub Actions" in text
    assert "`site/`" in text
    assert "briefs verify-site" in text
    assert re.search(r"1,000 pairs.*cold.*warm|cold.*warm.*1,000 pairs", text, re.DOTALL | re.IGNORECASE)
