"""The GitHub Actions workflow runs the README's commands and deploys only a green main."""

from __future__ import annotations

import re
from pathlib import Path
from typing import Any

import yaml
from conftest import ROOT

WORKFLOW = ROOT / ".github" / "workflows" / "publish.yml"
COMMAND = re.compile(r"^\s*((?:make|mkdocs|pytest|python[\d.]*\s+-m\s+(?:pytest|mkdocs))\b[^#\n]*)", re.MULTILINE)


def workflow() -> dict[Any, Any]:
    data = yaml.safe_load(WORKFLOW.read_text(encoding="utf-8"))
    assert isinstance(data, dict)
    return data


def triggers() -> dict[str, Any]:
    data = workflow()
    # YAML 1.1 (PyYAML) reads the key `on` as True.
    on = data.get("on", data.get(True))
    assert isinstance(on, dict)
    return on


def commands(text: str) -> list[str]:
    return [" ".join(m.group(1).split()) for m in COMMAND.finditer(text)]


def readme_commands() -> list[str]:
    """The commands in README.md's first shell code block (the two commands)."""
    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    block = re.search(r"```(?:sh|bash|console)?\n(.*?)```", readme, re.DOTALL)
    assert block, "README.md has no code block"
    return commands(block.group(1))


def job_commands(job: dict[str, Any]) -> list[str]:
    return [c for step in job["steps"] if "run" in step for c in commands(step["run"])]


def test_workflow_parses_and_runs_on_push_and_pull_request() -> None:
    on = triggers()
    assert "push" in on
    assert "pull_request" in on


def test_jobs_run_exactly_the_readme_commands() -> None:
    readme = readme_commands()
    assert {"make test", "make build"} <= set(readme)
    jobs = workflow()["jobs"]
    assert {c for job in jobs.values() for c in job_commands(job)} <= set(readme)
    assert job_commands(jobs["test"]) == ["make test"]
    assert job_commands(jobs["build"]) == ["make build"]
    assert job_commands(jobs["deploy"]) == []
    assert jobs["build"]["needs"] == "test"
    makefile = (ROOT / "Makefile").read_text(encoding="utf-8")
    assert re.search(r"^build:.*\n(?:\t.*\n)*\t\$\(BIN\)/mkdocs build --strict", makefile, re.MULTILINE)


def test_browser_packages_are_installed_before_the_tests() -> None:
    steps = workflow()["jobs"]["test"]["steps"]
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
    assert workflow()["jobs"]["test"]["env"]["CI"] == "true"  # browser tests may not skip


def test_build_is_reproducible_and_addressed() -> None:
    build = workflow()["jobs"]["build"]
    text = yaml.safe_dump(build)
    assert "git log -1 --format=%ct" in text
    assert "SOURCE_DATE_EPOCH" in text
    assert "SITE_URL" in text


def test_deploy_only_from_main_after_test_and_build() -> None:
    deploy = workflow()["jobs"]["deploy"]
    assert set(deploy["needs"]) == {"test", "build"}
    condition = deploy["if"]
    assert "github.ref == 'refs/heads/main'" in condition
    assert "github.event_name == 'push'" in condition
    assert deploy["permissions"] == {"pages": "write", "id-token": "write"}
    assert deploy["concurrency"]["cancel-in-progress"] is False
    assert deploy["concurrency"]["group"]
    uses = [step.get("uses", "") for step in deploy["steps"]]
    assert any(u.startswith("actions/deploy-pages@") for u in uses)
    build_uses = {step.get("uses", "").split("@")[0]: step for step in workflow()["jobs"]["build"]["steps"]}
    pages = build_uses["actions/upload-pages-artifact"]
    assert pages["with"]["path"] == "site"
    assert "refs/heads/main" in pages["if"]
    assert "actions/configure-pages" in build_uses


def test_pull_requests_get_the_built_site_as_an_artifact() -> None:
    steps = workflow()["jobs"]["build"]["steps"]
    upload = next(s for s in steps if s.get("uses", "").startswith("actions/upload-artifact@"))
    assert upload["if"] == "github.event_name == 'pull_request'"
    assert upload["with"]["path"] == "site"


def test_workflow_is_documented() -> None:
    text = Path(ROOT / "DEPLOY.md").read_text(encoding="utf-8")
    assert "Source: GitHub Actions" in text
    assert "`site/`" in text
