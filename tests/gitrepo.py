"""A real git history for translation tests: a source committed, translated and stamped, then corrected.

``corrected_history(root)`` makes ``root`` a git work tree holding a briefs folder
whose one brief went through what a translator meets: the Korean source was
committed, the English translation made from it and stamped, and then a sentence
of the source was changed and a paragraph added, in a later commit.
"""

from __future__ import annotations

import os
import subprocess
from pathlib import Path

from support.project import vocabularies, write_brief

from briefkit.cli import main

BRIEF = "2025-04-10-busan-export"
FRONT = """\
title: "부산 수출 중소기업 간담회"
date: 2025-04-10
summary: "부산 수출 중소기업의 애로를 들었다."
topics: [export]
regions: [busan]
"""
OLD_SENTENCE = "간담회에는 부산 수출 중소기업 30곳이 참석했다."
NEW_SENTENCE = "간담회에는 부산과 울산의 수출 중소기업 35곳이 참석했다."
ADDED = "참석 기업들은 물류비 지원 확대를 요청했다."
BODY = f"""\
중소벤처기업부는 10일 부산에서 간담회를 열었다.

{OLD_SENTENCE} 회의는 두 시간 동안 진행됐다.

중기부는 후속 대책을 마련할 계획이다.
"""
EN_FRONT = """\
title: "Roundtable with Busan exporters"
summary: "The Ministry heard the difficulties of exporting SMEs in Busan."
"""
EN_BODY = """\
The Ministry of SMEs and Startups held a roundtable in Busan on the 10th.

Thirty exporting SMEs from Busan took part. The meeting lasted two hours.

The Ministry plans follow-up measures.
"""
GIT_ENV = {"GIT_AUTHOR_NAME": "Translator", "GIT_AUTHOR_EMAIL": "t@example.org",
           "GIT_COMMITTER_NAME": "Translator", "GIT_COMMITTER_EMAIL": "t@example.org",
           "GIT_CONFIG_GLOBAL": os.devnull, "GIT_CONFIG_NOSYSTEM": "1"}


def git(root: Path, *args: str) -> str:
    proc = subprocess.run(["git", *args], cwd=root, env={**os.environ, **GIT_ENV}, capture_output=True,
                          text=True, check=True)
    return proc.stdout


def commit(root: Path, message: str) -> None:
    git(root, "add", "-A")
    git(root, "commit", "-q", "-m", message)


def corrected_history(root: Path, briefs_folder: str = "briefs") -> Path:
    """Make ``root`` a git work tree with the corrected brief; return its briefs folder."""
    briefs = vocabularies(root / briefs_folder)
    source = write_brief(briefs, BRIEF, "ko", FRONT, BODY)
    git(root, "init", "-q", "-b", "main")
    commit(root, "Brief: Busan exporters")
    write_brief(briefs, BRIEF, "en", EN_FRONT, EN_BODY)
    cwd = Path.cwd()
    os.chdir(root)
    try:
        assert main(["stamp", BRIEF, "--briefs", briefs_folder]) == 0
    finally:
        os.chdir(cwd)
    commit(root, "Translation: Busan exporters")
    text = source.read_text(encoding="utf-8").replace(OLD_SENTENCE, NEW_SENTENCE)
    source.write_text(text.replace("중기부는 후속", f"{ADDED}\n\n중기부는 후속"), encoding="utf-8")
    commit(root, "Brief: correct the number of participants")
    return briefs
