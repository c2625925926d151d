"""Helpers the tests share: a project copy and its build, a CLI run, VS Code's matchers, fixture sites."""
