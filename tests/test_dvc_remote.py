"""A large data/raw/ kept out of git with DVC (README "Collecting a corpus"): add, push, pull.

Runs the venv's `dvc` and the system `git` in a scratch repository under tmp_path, with a local
directory as the remote; nothing leaves the machine.
"""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from fazhi import paths

DVC = str(Path(sys.executable).parent / "dvc")
GIT = shutil.which("git")
# The scratch repository's own git and DVC: no outer GIT_DIR, no analytics from `dvc init` on.
ENV = {**{k: v for k, v in os.environ.items() if not k.startswith("GIT_")},
       "DVC_NO_ANALYTICS": "1", "GIT_CONFIG_NOSYSTEM": "1",
       **{f"GIT_{who}_{what}": value for who in ("AUTHOR", "COMMITTER")
          for what, value in (("NAME", "fazhi test"), ("EMAIL", "test@localhost"))}}

pytestmark = pytest.mark.skipif(GIT is None or not Path(DVC).exists(), reason="needs git and dvc")


def sh(repo: Path, *command: str) -> str:
    """Run a command in the scratch repository; fail the test with its output if it fails."""
    done = subprocess.run(command, cwd=repo, env=ENV, capture_output=True, text=True, timeout=60,
                          check=False)
    assert done.returncode == 0, f"{' '.join(command)}:\n{done.stdout}\n{done.stderr}"
    return done.stdout


def files(folder: Path) -> dict[str, bytes]:
    return {p.relative_to(folder).as_posix(): p.read_bytes()
            for p in sorted(folder.rglob("*")) if p.is_file()}


@pytest.fixture(scope="module")
def pushed(tmp_path_factory):
    """The README's steps: data/raw/ (the seeds, a GBK copy) moves from git to DVC, is pushed."""
    root = tmp_path_factory.mktemp("dvc")
    repo, remote = root / "repo", root / "store"
    (repo / "data").mkdir(parents=True)
    shutil.copytree(paths.RAW, repo / "data" / "raw")
    seed = (paths.RAW / "004_2c3212e3c32bb1b1.txt").read_text(encoding="utf-8")
    (repo / "data" / "raw" / "gbk_copy.txt").write_bytes(seed.encode("gbk"))
    original = files(repo / "data" / "raw")
    sh(repo, GIT, "init", "-q")
    sh(repo, DVC, "init", "-q")
    sh(repo, DVC, "config", "core.analytics", "false")
    sh(repo, GIT, "add", "-A")
    sh(repo, GIT, "commit", "-q", "-m", "small corpus in git")
    sh(repo, GIT, "rm", "-r", "-q", "--cached", "data/raw")
    sh(repo, DVC, "add", "-q", "data/raw")
    sh(repo, DVC, "remote", "add", "-d", "store", str(remote))
    sh(repo, GIT, "add", "data/raw.dvc", "data/.gitignore", ".dvc/config")
    sh(repo, GIT, "commit", "-q", "-m", "data/raw tracked by DVC")
    sh(repo, DVC, "push", "-q")
    return repo, remote, original


def test_git_keeps_only_the_pointer_file(pushed):
    """After `dvc add data/raw` git tracks data/raw.dvc and none of the raw files."""
    repo, _, _ = pushed
    tracked = sh(repo, GIT, "ls-files").split()
    assert "data/raw.dvc" in tracked and not [f for f in tracked if f.startswith("data/raw/")]
    assert sh(repo, GIT, "status", "--porcelain") == ""


def test_push_fills_the_remote(pushed):
    """After `dvc push` the local remote holds every file and DVC finds nothing left to push."""
    repo, remote, original = pushed
    stored = [p for p in remote.rglob("*") if p.is_file()]
    assert len(stored) >= len(original)
    assert "in sync" in sh(repo, DVC, "status", "-c")


def test_pull_restores_every_byte_after_cache_and_files_are_gone(pushed):
    """With the cache and data/raw/ deleted, `dvc pull` brings back the same bytes."""
    repo, _, original = pushed
    shutil.rmtree(repo / ".dvc" / "cache")
    shutil.rmtree(repo / "data" / "raw")
    sh(repo, DVC, "pull", "-q")
    assert files(repo / "data" / "raw") == original
